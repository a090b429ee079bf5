"""Print every example's reasons and actions beside the answers that triggered them.

For a reader checking that the advice fits: each reason with the answers behind it, each
action with why it is proposed (the rule, its condition or the weak answers) and those
answers. Run by hand::

    .venv/bin/python bench/review_advice.py            # the bank's examples
    .venv/bin/python bench/review_advice.py --tests    # and the businesses in tests/
    .venv/bin/python bench/review_advice.py --lang fi  # in Finnish
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smreadiness.bank.analysis import referenced_questions  # noqa: E402
from smreadiness.bank.loader import load_bank  # noqa: E402
from smreadiness.bank.model import Bank  # noqa: E402
from smreadiness.engine import evaluate_answers  # noqa: E402
from smreadiness.i18n import set_language  # noqa: E402
from smreadiness.wording import answer_label, verdict_word  # noqa: E402

WIDTH = 100


def _answers(bank: Bank, ids: Iterable[str], answers: Mapping[str, Any]) -> list[str]:
    out = []
    for question_id in dict.fromkeys(ids):
        question = bank.question(question_id)
        if question is None or question_id not in answers:
            continue
        out.append(f"{question.name} = {answer_label(bank, question_id, answers[question_id])}")
    return out


def _why_action(bank: Bank, action_id: str, because: tuple[str, ...]) -> list[str]:
    """The questions behind an action: its rules', its condition's, its weak answers."""
    action = next(a for a in bank.actions if a.id == action_id)
    rules = {r.id: r for r in bank.rules}
    ids: list[str] = []
    for reason in because:
        if reason in rules:
            ids += referenced_questions(rules[reason].when)
        elif reason == "condition" and action.when is not None:
            ids += referenced_questions(action.when)
        elif reason.startswith("weak:"):
            ids += [q.id for q in bank.questions if q.dimension == reason[5:]]
    return [*action.weak_answers, *ids]


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def review(bank: Bank, name: str, answers: Mapping[str, Any], expected: str = "") -> str:
    result = evaluate_answers(bank, answers)
    lines = [
        "=" * WIDTH,
        f"{name}: {verdict_word(result.verdict)} (score {result.score})"
        + (f"  [expected {verdict_word(expected)}]" if expected else ""),
        "-" * WIDTH,
        "REASONS",
    ]
    for reason in result.reasons:
        lines.append(_wrap(f"[{reason.kind}] {reason.rule}: {reason.message}", "  "))
        behind = _answers(bank, reason.questions, result.answers)
        if behind:
            lines.append(_wrap("<- " + "; ".join(behind), "      "))
    lines.append("ACTIONS")
    for action in result.actions:
        when = "this week" if action.horizon == "now" else "later"
        lines.append(_wrap(f"({when}) {action.id}: {action.title}", "  "))
        behind = _answers(bank, _why_action(bank, action.id, action.because), result.answers)
        lines.append(_wrap("because " + ", ".join(action.because), "      "))
        if behind:
            lines.append(_wrap("<- " + "; ".join(behind), "      "))
    if result.what_if:
        lines.append("WHAT IF")
        for item in result.what_if:
            changes = ", ".join(
                f"{q} -> {v}" + (" (only if true)" if q in item.facts else "")
                for q, v in item.changes.items()
            )
            lines.append(_wrap(f"{changes} => {verdict_word(item.verdict)}", "  "))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "fi", "sv"))
    parser.add_argument("--tests", action="store_true", help="also the businesses in tests/")
    args = parser.parse_args(argv)
    set_language(args.lang)
    bank = load_bank(language=args.lang)
    for example in bank.examples:
        print(review(bank, f"{example.name} ({example.id})", example.answers, example.expected))
    if args.tests:
        from tests.businesses import BUSINESSES

        for business in BUSINESSES:
            title = f"{business.name} ({business.trade})"
            print(review(bank, title, business.answers, business.expected))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
