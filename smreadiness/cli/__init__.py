"""The ``smreadiness`` command. Parsing only here; each command imports what it needs."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from smreadiness import __version__

if TYPE_CHECKING:
    import argparse

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
LANGUAGES = ("en", "fi", "sv")


def default_language() -> str:
    """``LC_ALL``, then ``LANG`` (e.g. ``fi_FI.UTF-8``), else English."""
    for variable in ("LC_ALL", "LANG"):
        value = os.environ.get(variable, "")
        code = value.split(".")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def use_language(args: argparse.Namespace, remembered: str | None = None) -> None:
    """Interface language: ``--lang`` if given, else what the assessment remembers, else the
    environment's (``LC_ALL``/``LANG``)."""
    from smreadiness.i18n import set_language

    if not getattr(args, "lang_given", False) and remembered in LANGUAGES:
        args.lang = remembered
    set_language(args.lang)


def _parser() -> argparse.ArgumentParser:
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of questions, screens and reports (default from LC_ALL/LANG, else en)",
    )
    parser = argparse.ArgumentParser(
        prog="smreadiness",
        description="Is social media right for this business now? A terminal interview "
        "that answers with reasons, and says what to fix first.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"smreadiness {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    new = add("new", "open the interview on a new assessment")
    new.add_argument("--name", help="company name")
    new.add_argument("--bank", metavar="PATH_OR_ID", help="question bank (default: readiness)")

    resume = add("resume", "continue a saved assessment where you left off")
    resume.add_argument("target", metavar="NAME_OR_ID")

    present = add(
        "present",
        "the presenter view for a projector: large type, live verdict, answers flipped on the "
        "fly; never changes the original",
    )
    present.add_argument(
        "target",
        metavar="EXAMPLE_OR_NAME",
        nargs="?",
        help="an example company's id (`smreadiness examples`) or a saved assessment's name or "
        "id (default: the bank's first example)",
    )
    present.add_argument("--bank", metavar="PATH_OR_ID", help="question bank (default: readiness)")
    present.add_argument(
        "--watch", action="store_true", help="reload the bank when its file changes"
    )

    listing = add("list", "saved assessments: id, name, progress, verdict, updated")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    score = add("score", "evaluate an assessment or answers file without the TUI")
    score.add_argument("file", metavar="FILE")
    score.add_argument("--format", choices=("text", "json"), default="text")
    score.add_argument("--bank", metavar="PATH_OR_ID", help="score against this bank instead")

    report = add("report", "the full report of a saved assessment or a file")
    report.add_argument("target", metavar="NAME_OR_ID_OR_FILE")
    report.add_argument("--format", choices=("text", "md", "html", "json"), default="text")
    report.add_argument("-o", "--output", metavar="OUT", help="write to this file")
    report.add_argument("--bank", metavar="PATH_OR_ID", help="report against this bank instead")

    imp = add("import", "copy an assessment or answers file into your saved assessments")
    imp.add_argument("file", metavar="FILE")

    exp = add("export", "write a saved assessment to a file, to move it to another machine")
    exp.add_argument("target", metavar="NAME_OR_ID")
    exp.add_argument("-o", "--output", metavar="FILE", required=True)

    history = add("history", "the finished snapshots of one assessment, oldest first")
    history.add_argument("target", metavar="NAME_OR_ID")
    history.add_argument("--format", choices=("text", "json"), default="text")

    compare = add(
        "compare",
        "what changed between two assessments, files, or snapshots (NAME@N): answers, "
        "dimension scores, verdict",
    )
    compare.add_argument("a", metavar="A")
    compare.add_argument("b", metavar="B")
    compare.add_argument("--format", choices=("text", "md", "json"), default="text")
    compare.add_argument("--bank", metavar="PATH_OR_ID", help="compare against this bank")

    serve = add("serve", "serve the interview to web browsers (textual-serve), loopback by default")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")

    add("schema", "the JSON Schema of the JSON result of score and report")

    examples = add("examples", "the bundled example companies (demo personas) and their verdicts")
    examples.add_argument("--format", choices=("text", "json"), default="text")
    examples.add_argument("--bank", metavar="PATH_OR_ID", help="examples of this bank")

    questions = add("questions", "inspect or check a question bank")
    qsub = questions.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("list", "the questions of a bank, by dimension"),
        ("show", "one question (or the whole bank) in detail"),
        ("validate", "check a bank file and report every problem"),
    ):
        q = qsub.add_parser(action, help=text, description=text, parents=[common])
        if action == "show":
            q.add_argument(
                "question", metavar="ID", nargs="?", help="question id, e.g. purpose.goals"
            )
        q.add_argument(
            "path", metavar="PATH", nargs="?", help="bank file or id (default: readiness)"
        )
        q.add_argument("--bank", metavar="PATH_OR_ID", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 problem found, 2 usage, 3 bad input)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    args: Any
    if not arguments:
        # Plain `smreadiness` opens the home screen: skip argparse (~20 ms to import and
        # build), which counts against the TUI's start-up time.
        from types import SimpleNamespace

        args = SimpleNamespace(command=None, name=None, bank=None, target=None, watch=False)
    else:
        args = _parser().parse_args(arguments)
    args.lang_given = hasattr(args, "lang")
    if not args.lang_given:
        args.lang = default_language()
    if args.lang != "en":
        from smreadiness.i18n import set_language

        set_language(args.lang)
    command = args.command
    try:
        if command in (None, "new", "resume", "present"):
            from smreadiness.cli.tui import run_tui

            return run_tui(args)
        if command == "questions":
            from smreadiness.cli.questions import run_questions

            return run_questions(args)
        if command == "serve":
            from smreadiness.cli.serve import run_serve

            return run_serve(args)
        if command in ("history", "compare"):
            from smreadiness.cli import history

            return int(getattr(history, f"run_{command}")(args))
        from smreadiness.cli import commands

        handler = getattr(commands, f"run_{command}")
        return int(handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
