"""The command line: one builder per command, so a run builds only the parser it needs.

Building all fifteen subparsers costs ~4 ms, paid before the TUI commands (``new``, ``resume``,
``present``) can show their first screen; :func:`build_parser` with ``only`` builds the main
parser and that one command's.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from smreadiness import __version__
from smreadiness.cli import LANGUAGES

BANK_HELP = "question bank (default: readiness)"

Builder = Callable[[argparse.ArgumentParser], None]


def _new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help="company name")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=BANK_HELP)


def _resume(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="NAME_OR_ID")


def _present(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="EXAMPLE_OR_NAME",
        nargs="?",
        help="an example company's id (`smreadiness examples`) or a saved assessment's name or "
        "id (default: the bank's first example)",
    )
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=BANK_HELP)
    parser.add_argument(
        "--watch", action="store_true", help="reload the bank when its file changes"
    )


def _formats(*choices: str) -> Builder:
    def build(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--format", choices=choices, default="text")

    return build


def _score(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help="score against this bank instead")


def _report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="NAME_OR_ID_OR_FILE")
    parser.add_argument("--format", choices=("text", "md", "html", "json"), default="text")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help="report against this bank instead")


def _import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")


def _export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="NAME_OR_ID")
    parser.add_argument("-o", "--output", metavar="FILE", required=True)


def _history(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="NAME_OR_ID")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _compare(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A")
    parser.add_argument("b", metavar="B")
    parser.add_argument("--format", choices=("text", "md", "json"), default="text")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help="compare against this bank")


def _serve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=40,
        metavar="N",
        help="at most N browsers at once; the next one is told the room is full (default 40)",
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="the folder every browser saves to and opens from (default: your own "
        "assessments on loopback; beyond it, a separate folder for each browser)",
    )


def _nothing(parser: argparse.ArgumentParser) -> None:
    del parser


def _examples(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help="examples of this bank")


def _questions(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("list", "the questions of a bank, by dimension"),
        ("show", "one question (or the whole bank) in detail"),
        ("validate", "check a bank file and report every problem"),
    ):
        one = actions.add_parser(action, help=text, description=text, parents=[common])
        if action == "show":
            one.add_argument(
                "question", metavar="ID", nargs="?", help="question id, e.g. purpose.goals"
            )
        one.add_argument(
            "path", metavar="PATH", nargs="?", help="bank file or id (default: readiness)"
        )
        one.add_argument("--bank", metavar="PATH_OR_ID", help=argparse.SUPPRESS)


COMMANDS: dict[str, tuple[str, Builder | None]] = {
    "new": ("open the interview on a new assessment", _new),
    "resume": ("continue a saved assessment where you left off", _resume),
    "present": (
        "the presenter view for a projector: large type, live verdict, answers flipped on the "
        "fly; never changes the original",
        _present,
    ),
    "list": ("saved assessments: id, name, progress, verdict, updated", _formats("text", "json")),
    "score": ("evaluate an assessment or answers file without the TUI", _score),
    "report": ("the full report of a saved assessment or a file", _report),
    "import": ("copy an assessment or answers file into your saved assessments", _import),
    "export": ("write a saved assessment to a file, to move it to another machine", _export),
    "history": ("the finished snapshots of one assessment, oldest first", _history),
    "compare": (
        "what changed between two assessments, files, or snapshots (NAME@N): answers, "
        "dimension scores, verdict",
        _compare,
    ),
    "serve": ("serve the interview to web browsers (textual-serve), loopback by default", _serve),
    "schema": ("the JSON Schema of the JSON result of score and report", _nothing),
    "examples": ("the bundled example companies (demo personas) and their verdicts", _examples),
    "questions": ("inspect or check a question bank", None),
}
"""Each command's help and the builder of its arguments (``questions`` has actions)."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` the main parser and that command's."""
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
    for name, (help_text, build) in COMMANDS.items():
        if only is not None and name != only:
            continue
        command = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        if build is None:
            _questions(command, common)
        else:
            build(command)
    return parser
