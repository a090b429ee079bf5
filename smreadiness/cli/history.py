"""``history`` and ``compare``: re-assessment over time."""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from smreadiness.cli import EXIT_OK, use_language
from smreadiness.cli.common import Target, bank_for, checked_answers, handles_errors, open_target
from smreadiness.i18n import _
from smreadiness.paths import exists, user_path
from smreadiness.problems import Problem, ProblemsError
from smreadiness.store import NotFoundError, Store
from smreadiness.textsafe import clean


def _snapshot_spec(spec: str) -> tuple[str, int] | None:
    """``NAME@N`` (N counts from 1, oldest first; negative counts from the newest)."""
    if exists(user_path(spec)) or "@" not in spec:
        return None
    name, _at, number = spec.rpartition("@")
    try:
        return name, int(number)
    except ValueError:
        return None


def _side(spec: str, store: Store, lang: str, bank_override: str | None) -> tuple[str, Any, Any]:
    """(label, bank, checked answers) for an assessment, a file, or a snapshot."""
    from smreadiness.history import snapshots

    snapshot = _snapshot_spec(spec)
    if snapshot is None:
        target = open_target(spec, store)
        bank = bank_for(target.assessment, bank_override, lang)
        label = target.assessment.name or target.label
        return label, bank, checked_answers(bank, target)
    name, number = snapshot
    target = open_target(name, store)
    found = snapshots(target.assessment)
    if not found:
        raise NotFoundError(f"{name!r} has no finished snapshots yet")
    if number == 0 or abs(number) > len(found):
        raise NotFoundError(
            f"{name!r} has snapshots 1 to {len(found)}; {number} is not one of them"
        )
    chosen = found[number - 1] if number > 0 else found[number]
    bank = bank_for(target.assessment, bank_override, lang)
    shadow = Target(target.assessment._replace(answers=dict(chosen.answers)), target.label, None)
    when = f"{chosen.finished:%Y-%m-%d}" if chosen.finished else "undated"
    label = f"{target.assessment.name or name} @ {chosen.number} ({when})"
    return label, bank, checked_answers(bank, shadow)


@handles_errors
def run_compare(args: argparse.Namespace) -> int:
    from smreadiness.report.compare import (
        Side,
        compare,
        render_markdown,
        render_text_lines,
        to_json,
    )

    store = Store()
    sides = []
    problems: list[Problem] = []
    for spec in (args.a, args.b):  # both read before any is reported: every problem at once
        try:
            sides.append(_side(spec, store, args.lang, args.bank))
        except ProblemsError as error:
            problems += error.problems
    if problems:
        raise ProblemsError(problems)
    (label_a, bank, answers_a), (label_b, bank_b, answers_b) = sides
    if bank_b.id != bank.id:
        raise ProblemsError(
            [Problem(args.b, f"uses bank {bank_b.id!r}, {args.a} uses {bank.id!r}: not comparable")]
        )
    result = compare(bank, Side(label_a, answers_a), Side(label_b, answers_b))
    if args.format == "json":
        from smreadiness.report.jsonout import dumps

        print(dumps(to_json(result)))
    elif args.format == "md":
        print(render_markdown(result), end="")
    else:
        from rich.console import Console
        from rich.text import Text

        console = Console(highlight=False)
        for text, style in render_text_lines(result):
            console.print(Text(clean(text), style=style))
    return EXIT_OK


@handles_errors
def run_history(args: argparse.Namespace) -> int:
    from smreadiness.engine import check_answers, evaluate_answers
    from smreadiness.history import snapshots
    from smreadiness.i18n import format_datetime, ngettext
    from smreadiness.wording import verdict_word

    target = open_target(args.target, Store())
    use_language(args, target.assessment.language)
    bank = bank_for(target.assessment, None, args.lang, target.label)
    found = snapshots(target.assessment)
    rows: list[dict[str, Any]] = []
    for snap in found:
        # Counted as `list` counts: the questions this bank asks of these answers.
        answers, _problems = check_answers(bank, snap.answers)
        result = evaluate_answers(bank, answers, what_if=False, plan=False)
        rows.append(
            {
                "number": snap.number,
                "finished": snap.finished.isoformat() if snap.finished else None,
                "verdict": snap.verdict,
                "score": snap.score,
                "answered": result.answered_count,
                "questions": result.question_count,
                "complete": result.complete,
                "bank_version": snap.bank_version,
            }
        )
    if args.format == "json":
        from smreadiness.report.jsonout import dumps

        print(dumps(rows))
        return EXIT_OK
    name = clean(target.assessment.name or args.target, single_line=True)
    if not rows:
        print(
            _("{name}: no finished snapshots yet (finish the interview to record one)").format(
                name=name
            )
        )
        return EXIT_OK
    print(
        ngettext(
            "{name}: {count} snapshot, oldest first",
            "{name}: {count} snapshots, oldest first",
            len(rows),
        ).format(name=name, count=len(rows))
    )
    header = (_("#"), _("saved"), _("verdict"), _("score"), _("answered"))
    print(f"{header[0]:>3}  {header[1]:16}  {header[2]:8}  {header[3]:>5}  {header[4]}")
    for row, snap in zip(rows, found, strict=True):
        when = format_datetime(snap.finished) if snap.finished else _("undated")
        score = "–" if row["score"] is None else row["score"]
        answered = _("{answered} of {total}").format(
            answered=row["answered"], total=row["questions"]
        )
        if not row["complete"]:
            answered += " " + _("(partial)")
        verdict = clean(verdict_word(row["verdict"]), single_line=True)[:40]
        print(f"{row['number']:>3}  {when:16}  {verdict:8}  {score:>5}  {answered}")
    if len(rows) >= 2:
        typed = clean(args.target, single_line=True)
        first = shlex.quote(f"{typed}@{len(rows) - 1}")
        last = shlex.quote(f"{typed}@{len(rows)}")
        print(
            _("compare the last two with: smreadiness compare {first} {last}").format(
                first=first, last=last
            )
        )
    return EXIT_OK
