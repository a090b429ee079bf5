"""``smreadiness questions list|show|validate``: inspect or check a question bank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smreadiness.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from smreadiness.cli.common import error, handles_errors
from smreadiness.i18n import _, ngettext
from smreadiness.paths import exists, user_path
from smreadiness.problems import Problem, print_problems


def _looks_like_path(text: str | None) -> bool:
    return bool(text) and (str(text).endswith(".toml") or exists(user_path(str(text))))


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
    from smreadiness.bank.loader import read_bank_file, resolve_bank, translations_of
    from smreadiness.bank.validate import validate_bank_bytes, validate_translation_bytes

    path = resolve_bank(spec, language)
    raw = read_bank_file(path)  # unreadable: one line and exit 3, through handles_errors
    base_path = _base_of_translation(path, raw)
    if base_path is not None:
        if not base_path.is_file():
            return _report(path, [Problem(str(path), f"its base bank {base_path} does not exist")])
        base = validate_bank_bytes(read_bank_file(base_path), str(base_path))
        if base.data is None:
            return _report(base_path, base.problems)
        problems, missing = _split_missing(validate_translation_bytes(base.data, raw, str(path)))
        _warn(missing)
        if not problems:
            state = (
                ngettext(
                    "a translation of {base} with {count} text missing (the base text is used)",
                    "a translation of {base} with {count} texts missing (the base text is used)",
                    len(missing),
                ).format(base=base_path.name, count=len(missing))
                if missing
                else _("a complete translation of {base}").format(base=base_path.name)
            )
            print(f"{path}: OK: {state}")
        return _report(path, problems)
    report = validate_bank_bytes(raw, str(path))
    problems = list(report.problems)
    languages = []
    gaps: list[Problem] = []
    if report.data is not None:
        for translation in translations_of(path):
            found, missing = _split_missing(
                validate_translation_bytes(
                    report.data, read_bank_file(translation), str(translation)
                )
            )
            problems += found
            gaps += missing
            code = translation.name.split(".")[1]
            languages.append(
                code
                if not missing
                else ngettext(
                    "{language} ({count} text missing)",
                    "{language} ({count} texts missing)",
                    len(missing),
                ).format(language=code, count=len(missing))
            )
    _warn(gaps)
    if problems:
        return _report(path, problems)
    bank = report.bank
    assert bank is not None
    kinds = [r.kind for r in bank.rules]
    counts = ", ".join(
        ngettext(one, many, n).format(n=n)
        for one, many, n in (
            ("{n} dimension", "{n} dimensions", len(bank.dimensions)),
            ("{n} question", "{n} questions", len(bank.questions)),
            ("{n} knock-out", "{n} knock-outs", kinds.count("knockout")),
            ("{n} blocker", "{n} blockers", kinds.count("blocker")),
            ("{n} caution", "{n} cautions", kinds.count("caution")),
            ("{n} strength", "{n} strengths", kinds.count("strength")),
            ("{n} action", "{n} actions", len(bank.actions)),
        )
    )
    examples = ngettext(
        "{n} worked example gives its expected verdict",
        "{n} worked examples give their expected verdicts",
        report.examples_checked,
    ).format(n=report.examples_checked)
    if not languages:
        also = ""
    elif gaps:
        also = _("; translations: {languages}").format(languages=", ".join(languages))
    else:
        also = _("; translations: {languages} complete").format(languages=", ".join(languages))
    print(
        f"{path}: "
        + _("OK: bank {id} {version} ({language}), {counts}; monotonic; {examples}").format(
            id=bank.id,
            version=bank.version,
            language=bank.language,
            counts=counts,
            examples=examples,
        )
        + also,
        file=sys.stdout,
    )
    return EXIT_OK


def _split_missing(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(problems, texts a translation lacks): a missing text is a warning, the base text is
    used in its place, and the bank works."""
    missing = [p for p in problems if p.message == "missing"]
    return [p for p in problems if p.message != "missing"], missing


def _warn(missing: list[Problem]) -> None:
    ordered = sorted(missing, key=lambda p: (p.file, p.line is None, p.line or 0))
    print_problems(
        [p._replace(message=_("warning: missing; the base text is used")) for p in ordered]
    )


def _report(path: Path, problems: list[Problem]) -> int:
    """Problems in file order (by line, those without a line last), then a count."""
    ordered = sorted(problems, key=lambda p: (p.file, p.line is None, p.line or 0))
    print_problems(ordered)
    if not problems:
        return EXIT_OK
    count = len(problems)
    error(f"{path}: " + ngettext("{n} problem found", "{n} problems found", count).format(n=count))
    return EXIT_PROBLEM


def _base_of_translation(path: Path, raw: bytes) -> Path | None:
    """For ``ID.LANG.toml`` with ``translation_of``, the base bank file beside it."""
    if b"translation_of" not in raw:
        return None
    from smreadiness.problems import ProblemsError
    from smreadiness.tomlfile import parse_toml

    try:
        data, _text = parse_toml(raw, str(path))
    except ProblemsError:
        return None  # reported as a bank file, with the syntax error and its line
    base = data.get("translation_of")
    # A bank id: a name beside the translation, never a path elsewhere.
    if not isinstance(base, str) or not base or len(base) > 100:
        return None
    if not all(c.isalnum() or c in "-_" for c in base):
        return None
    return path.with_name(f"{base}.toml")
