"""``history`` and ``compare``: re-assessment over time."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import Any

from smreadiness.cli import EXIT_OK
from smreadiness.cli.common import Target, bank_for, checked_answers, handles_errors, open_target
from smreadiness.problems import Problem, ProblemsError
from smreadiness.store import NotFoundError, Store


def _snapshot_spec(spec: str) -> tuple[str, int] | None:
    """``NAME@N`` (N counts from 1, oldest first; negative counts from the newest)."""
    if Path(spec).expanduser().exists() or "@" not in spec:
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
            console.print(Text(text, style=style))
    return EXIT_OK


@handles_errors
def run_history(args: argparse.Namespace) -> int:
    from smreadiness.history import snapshots
    from smreadiness.report.labels import verdict_word
    from smreadiness.textsafe import clean

    target = open_target(args.target, Store())
    found = snapshots(target.assessment)
    rows: list[dict[str, Any]] = [
        {
            "number": s.number,
            "finished": s.finished.isoformat() if s.finished else None,
            "verdict": s.verdict,
            "score": s.score,
            "answered": len(s.answers),
            "bank_version": s.bank_version,
        }
        for s in found
    ]
    if args.format == "json":
        from smreadiness.report.jsonout import dumps

        print(dumps(rows))
        return EXIT_OK
    name = clean(target.assessment.name or args.target, single_line=True)
    if not rows:
        print(f"{name}: no finished snapshots yet (finish the interview to record one)")
        return EXIT_OK
    print(f"{name}: {len(rows)} finished snapshot{'s' if len(rows) != 1 else ''}, oldest first")
    print(f"{'#':>3}  {'finished':16}  {'verdict':8}  {'score':>5}  answered")
    for row in rows:
        when = (row["finished"] or "undated")[:16].replace("T", " ")
        score = "–" if row["score"] is None else row["score"]
        print(
            f"{row['number']:>3}  {when:16}  {verdict_word(row['verdict']):8}  {score:>5}  "
            f"{row['answered']}"
        )
    first, last = shlex.quote(f"{args.target}@1"), shlex.quote(f"{args.target}@{len(rows)}")
    print(f"compare two with: smreadiness compare {first} {last}")
    return EXIT_OK
