"""``score``, ``report``, ``list``, ``import`` and ``export``. None of them imports Textual."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from smreadiness.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, use_language
from smreadiness.cli.common import (
    bank_for,
    checked_answers,
    error,
    handles_errors,
    open_file,
    open_target,
)
from smreadiness.i18n import _
from smreadiness.paths import user_path
from smreadiness.store import Store
from smreadiness.textsafe import clean

if TYPE_CHECKING:
    from rich.console import Console

    from smreadiness.bank.model import Bank
    from smreadiness.engine.result import Evaluation
    from smreadiness.store import Assessment


def _console(file: Any = None, *, plain: bool = False) -> Console:
    from rich.console import Console

    if plain:
        return Console(file=file, width=100, no_color=True, color_system=None, highlight=False)
    return Console(file=file, highlight=False, soft_wrap=False)


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from smreadiness.files import write_output

    # Owner-only, like the saved assessments: a report holds the business's answers.
    written = write_output(output, text.encode("utf-8"))
    if written is not None:
        print(_("wrote {path}").format(path=clean(str(written), single_line=True)), file=sys.stderr)


def _evaluate(
    args: argparse.Namespace, spec: str, *, file_only: bool
) -> tuple[Assessment, Bank, Evaluation]:
    from smreadiness.engine import evaluate_answers

    override = getattr(args, "bank", None)
    options = {"check_with_bank": override or "", "language": args.lang}
    if file_only:
        target = open_file(user_path(spec), **options)
    else:
        target = open_target(spec, **options)
    use_language(args, target.assessment.language)
    bank = bank_for(target.assessment, override, args.lang, target.label)
    answers = checked_answers(bank, target)
    return target.assessment, bank, evaluate_answers(bank, answers)


def _render(
    args: argparse.Namespace,
    assessment: Assessment,
    bank: Bank,
    evaluation: Evaluation,
    *,
    full: bool,
) -> int:
    from smreadiness.report.formats import FormatMismatch, choose, is_binary, render

    output = getattr(args, "output", None)
    try:
        name = choose(args.format, output)
    except FormatMismatch as mismatch:
        error(f"smreadiness {args.command}: {mismatch}")
        return EXIT_USAGE
    if is_binary(name):
        return _render_binary(args, name, assessment, bank, evaluation, full=full)
    console = _console() if output is None and name == "text" else None
    if console is not None and console.is_terminal:  # Rich's own test: FORCE_COLOR counts
        from smreadiness.history import change_since_previous
        from smreadiness.report.document import build_report
        from smreadiness.report.text import print_result, render_report

        change = change_since_previous(assessment, bank, evaluation)
        doc = build_report(assessment, bank, evaluation, change)
        print_result(console, *render_report(doc, full=full))
        return EXIT_OK
    _emit(render(name, assessment, bank, evaluation, full=full), output)
    return EXIT_OK


def _render_binary(
    args: argparse.Namespace,
    name: str,
    assessment: Assessment,
    bank: Bank,
    evaluation: Evaluation,
    *,
    full: bool,
) -> int:
    """PDF: to the file named, or to a pipe; never printed on a terminal."""
    from smreadiness.report.formats import render_bytes
    from smreadiness.report.pdf import PdfUnavailable

    output = getattr(args, "output", None)
    if output in (None, "-") and sys.stdout.isatty():
        error(
            _(
                "smreadiness {command}: a {format} report is a file: name it with -o, "
                "e.g. -o report.{format}"
            ).format(command=args.command, format=name)
        )
        return EXIT_USAGE
    try:
        data = render_bytes(name, assessment, bank, evaluation, full=full)
    except PdfUnavailable as failure:
        error(f"smreadiness {args.command}: {failure}")
        return EXIT_PROBLEM
    if output in (None, "-"):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return EXIT_OK
    from smreadiness.files import write_output

    written = write_output(output, data)
    if written is not None:
        print(_("wrote {path}").format(path=clean(str(written), single_line=True)), file=sys.stderr)
    return EXIT_OK


@handles_errors
def run_score(args: argparse.Namespace) -> int:
    assessment, bank, evaluation = _evaluate(args, args.file, file_only=True)
    return _render(args, assessment, bank, evaluation, full=False)


@handles_errors
def run_report(args: argparse.Namespace) -> int:
    assessment, bank, evaluation = _evaluate(args, args.target, file_only=False)
    return _render(args, assessment, bank, evaluation, full=True)


def run_schema(args: argparse.Namespace) -> int:
    from smreadiness.report.jsonout import dumps
    from smreadiness.report.schema import ResultModel

    schema = ResultModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _emit(dumps(schema), None)
    return EXIT_OK


@handles_errors
def run_list(args: argparse.Namespace) -> int:
    from smreadiness.cli.listing import list_rows, print_rows

    if args.format == "json":
        from smreadiness.cli.listing import stream_list_json

        stream_list_json(sys.stdout, Store(), args.lang)
        return EXIT_OK
    print_rows(_console(), list(list_rows(Store(), args.lang)))
    return EXIT_OK


@handles_errors
def run_import(args: argparse.Namespace) -> int:
    source = user_path(args.file)
    target = open_file(source, check_with_bank="", language=args.lang)
    bank = bank_for(target.assessment, None, args.lang, target.label)
    checked_answers(bank, target)
    from smreadiness.index import folded_names
    from smreadiness.reask import record_fingerprints
    from smreadiness.store.assessment import MAX_NAME

    wanted = (args.name or target.assessment.name or source.stem)[:MAX_NAME]
    store = Store()
    taken = folded_names(store, args.lang)
    name = _free_name(wanted, taken)
    if name != wanted:
        error(
            _(
                "smreadiness: an assessment named {name} is saved already; this one is saved as "
                "{new} (choose another name with --name)"
            ).format(name=repr(clean(wanted)), new=repr(clean(name)))
        )
    assessment = record_fingerprints(target.assessment._replace(name=name), bank)
    saved = store.add(assessment)
    print(
        _("imported {id} ({name}) into {folder}").format(
            id=saved.id, name=clean(saved.name, single_line=True), folder=store.root
        )
    )
    return EXIT_OK


def _free_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``... when a saved one has that name already, so
    names stay unique and ``resume NAME`` finds each."""
    from smreadiness.store.assessment import MAX_NAME
    from smreadiness.store.store import fold

    name, number = wanted, 1
    while fold(name) in taken:
        number += 1
        suffix = f" ({number})"
        name = wanted[: MAX_NAME - len(suffix)].rstrip() + suffix  # still a name we can read
    return name


@handles_errors
def run_export(args: argparse.Namespace) -> int:
    from smreadiness.files import write_output
    from smreadiness.index import find
    from smreadiness.store.store import dump

    store = Store()
    assessment = find(store, args.lang, args.target)
    data = dump(assessment)
    if args.output in (None, "-"):  # to a terminal or pipe: nothing in it may act on a terminal
        from smreadiness.textsafe import toml_escaped

        data = toml_escaped(data.decode("utf-8")).encode("utf-8")
    written = write_output(args.output, data)  # notes may be private: owner-only
    if written is not None:
        print(_("wrote {path}").format(path=clean(str(written), single_line=True)), file=sys.stderr)
    return EXIT_OK


@handles_errors
def run_examples(args: argparse.Namespace) -> int:
    """The bank's example companies (demo personas) with the verdict each gets."""
    from smreadiness.bank.loader import load_bank
    from smreadiness.engine import check_answers, evaluate_answers

    bank = load_bank(args.bank, args.lang)
    rows: list[dict[str, Any]] = []
    for example in bank.examples:
        answers, _problems = check_answers(bank, example.answers)
        result = evaluate_answers(bank, answers, what_if=False, plan=False)
        reasons = [r.rule for r in result.reasons if r.kind != "strength"]
        rows.append(
            {
                "id": example.id,
                "name": example.name,
                "verdict": result.verdict,
                "score": result.score,
                "reasons": reasons,
                "story": example.story,
            }
        )
    if args.format == "json":
        from smreadiness.report.jsonout import dumps

        _emit(dumps(rows), None)
        return EXIT_OK
    from rich.text import Text

    from smreadiness.wording import VERDICT_STYLE, verdict_word

    console = _console()
    for row in rows:
        console.print(
            Text.assemble(
                (clean(row["id"], single_line=True), "bold"),
                "  ",
                clean(row["name"], single_line=True),
                "  ",
                (verdict_word(row["verdict"]), VERDICT_STYLE[row["verdict"]]),
                ("  " + _("score {score}").format(score=row["score"]), "dim"),
            )
        )
        if row["story"]:
            console.print(Text(clean(row["story"]), style="dim"), style="", soft_wrap=False)
        if row["reasons"]:
            because = _("because: {rules}").format(rules=", ".join(row["reasons"]))
            console.print(Text(because, style="italic"))
        console.print()
    hint = _("Show one in the presenter view, answers flipped live: smreadiness present ID")
    console.print(Text(hint, style="dim"))
    return EXIT_OK
