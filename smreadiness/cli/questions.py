"""``smreadiness questions list|show|validate``: inspect or check a question bank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smreadiness.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from smreadiness.cli.common import error, handles_errors


def _looks_like_path(text: str | None) -> bool:
    return bool(text) and (str(text).endswith(".toml") or Path(str(text)).exists())


@handles_errors
def run_questions(args: argparse.Namespace) -> int:
    if args.action == "show" and args.path is None and _looks_like_path(args.question):
        args.path, args.question = args.question, None
    spec = args.path or args.bank
    if args.action == "validate":
        return _validate(spec, args.lang)
    from smreadiness.bank.loader import load_bank

    bank = load_bank(spec, args.lang)
    from rich.console import Console

    from smreadiness.cli.bankview import question_detail, questions_table

    console = Console(highlight=False)
    if args.action == "list":
        console.print(questions_table(bank))
        return EXIT_OK
    chosen = bank.questions
    if args.question:
        question = bank.question(args.question)
        if question is None:
            import difflib

            hint = difflib.get_close_matches(args.question, list(bank.by_id), n=1)
            tip = f"; did you mean {hint[0]!r}?" if hint else ""
            error(f"smreadiness: no question {args.question!r} in bank {bank.id}{tip}")
            return EXIT_USAGE
        chosen = (question,)
    for question in chosen:
        console.print(question_detail(bank, question))
    return EXIT_OK


def _validate(spec: str | None, language: str) -> int:
    from smreadiness.bank.loader import resolve_bank
    from smreadiness.bank.validate import validate_bank_bytes

    path = resolve_bank(spec, language)
    try:
        raw = path.read_bytes()
    except OSError as failure:
        error(f"{path}: cannot be read: {failure.strerror or failure}")
        return EXIT_BAD_INPUT
    report = validate_bank_bytes(raw, str(path))
    if report.problems:
        for problem in report.problems:
            error(str(problem))
        count = len(report.problems)
        error(f"{path}: {count} problem{'s' if count != 1 else ''} found")
        return EXIT_PROBLEM
    bank = report.bank
    assert bank is not None
    rules = {
        kind: sum(1 for r in bank.rules if r.kind == kind)
        for kind in ("knockout", "blocker", "strength")
    }
    print(
        f"{path}: OK: bank {bank.id} {bank.version} ({bank.language}), "
        f"{len(bank.dimensions)} dimensions, {len(bank.questions)} questions, "
        f"{rules['knockout']} knock-outs, {rules['blocker']} blockers, "
        f"{rules['strength']} strengths, "
        f"{len(bank.actions)} actions; monotonic; {report.examples_checked} worked examples "
        "give their expected verdicts",
        file=sys.stdout,
    )
    return EXIT_OK
