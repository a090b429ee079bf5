"""The command line: one builder per command, so a run builds only the parser it needs.

Building all fifteen subparsers costs ~4 ms, paid before the TUI commands (``new``, ``resume``,
``present``) can show their first screen; :func:`build_parser` with ``only`` builds the main
parser and that one command's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

from smreadiness import __version__
from smreadiness.cli import LANGUAGES
from smreadiness.i18n import N_, _
from smreadiness.report.formats import NAMES as FORMAT_NAMES

BANK_HELP = N_("question bank: a bundled id or a file (default: readiness)")
NAME_OR_ID_HELP = N_(
    "a saved assessment's name or id (`smreadiness list`); any case, accents optional, or the "
    "start of a word of the name"
)

Builder = Callable[[argparse.ArgumentParser], None]


PLAIN_HELP = N_(
    "plain lines instead of the full-screen interview (for screen readers and scripts); "
    "also used when there is no terminal, or TERM is dumb"
)


def _ask(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="NAME_OR_ID",
        nargs="?",
        help=_(NAME_OR_ID_HELP) + _("; default: a new assessment"),
    )
    parser.add_argument("--name", help=_("the company's name (asked first when not given)"))
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=_(BANK_HELP))


def _new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help=_("the company's name (asked on screen when not given)"))
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=_(BANK_HELP))
    parser.add_argument("--plain", action="store_true", help=_(PLAIN_HELP))


def _resume(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="NAME_OR_ID",
        nargs="?",
        help=_(NAME_OR_ID_HELP) + _("; default: the one changed last"),
    )
    parser.add_argument("--plain", action="store_true", help=_(PLAIN_HELP))


def _present(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="EXAMPLE_OR_NAME",
        nargs="?",
        help=_(
            "an example company's id (`smreadiness examples`) or a saved assessment's name or "
            "id (default: the bank's first example)"
        ),
    )
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=_(BANK_HELP))
    parser.add_argument(
        "--watch", action="store_true", help=_("reload the bank when its file changes")
    )


def output_path(text: str) -> str:
    """``-o OUT``: a file, a FIFO or device, or ``-`` for standard output; never empty."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("an empty path; give a file name, or - for stdout"))
    return text


OUTPUT_HELP = N_(
    "write to this file (replaced whole), a FIFO or device (written through), or - for "
    "standard output"
)
FORMAT_HELPS = {
    "text": N_("text: for the terminal"),
    "json": N_("json: for scripts (`smreadiness schema` describes it)"),
    "md": N_("md: Markdown"),
    "html": N_("html: one printable file"),
    "csv": N_("csv: one row per action, for a spreadsheet"),
    "ics": N_("ics: a calendar of the due dates and the date to look again"),
}


def _format_option(parser: argparse.ArgumentParser, *choices: str) -> None:
    described = "; ".join(_(FORMAT_HELPS[choice]) for choice in choices)
    parser.add_argument(
        "--format", choices=choices, default="text", help=described + _(" (default: text)")
    )


def _formats(*choices: str) -> Builder:
    def build(parser: argparse.ArgumentParser) -> None:
        _format_option(parser, *choices)

    return build


def _score(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help=_("an assessment or answers file (TOML; only [answers] needed)"),
    )
    _format_option(parser, "text", "json")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=_("score against this bank instead"))


def _report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="NAME_OR_ID_OR_FILE",
        help=_(NAME_OR_ID_HELP) + _("; or an answers file"),
    )
    parser.add_argument(
        "--format",
        choices=FORMAT_NAMES,
        default=None,
        help=_(
            "text, md (Markdown with the plan as a checklist), html (one printable file), json, "
            "or pdf (needs Chromium); default: from the ending of -o (.md, .html, .json, .pdf), "
            "else text"
        ),
    )
    parser.add_argument("-o", "--output", metavar="OUT", type=output_path, help=_(OUTPUT_HELP))
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=_("report against this bank instead"))


def _import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help=_("an assessment or answers file (TOML; only [answers] needed)"),
    )
    parser.add_argument(
        "--name",
        help=_(
            "save it under this name (default: the file's [meta] name, else the file name); a "
            "name already saved gets (2), (3)..."
        ),
    )


def _export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="NAME_OR_ID", help=_(NAME_OR_ID_HELP))
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=output_path, required=True, help=_(OUTPUT_HELP)
    )


def _history(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="NAME_OR_ID", help=_(NAME_OR_ID_HELP))
    _format_option(parser, "text", "json")


def _plan(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="NAME_OR_ID", help=_(NAME_OR_ID_HELP))
    parser.add_argument(
        "action",
        metavar="ACTION_ID",
        nargs="?",
        help=_("one action of the plan, by its id (shown by `smreadiness plan NAME`)"),
    )
    _format_option(parser, "text", "json", "csv", "ics")
    parser.add_argument("-o", "--output", metavar="OUT", type=output_path, help=_(OUTPUT_HELP))
    parser.add_argument("--owner", metavar="WHO", help=_("who does it (empty: nobody yet)"))
    parser.add_argument(
        "--due", metavar="YYYY-MM-DD", help=_("when it should be done (none: no date)")
    )
    parser.add_argument(
        "--status", choices=("todo", "doing", "done"), help=_("to do, doing or done")
    )


def _compare(parser: argparse.ArgumentParser) -> None:
    side = _(
        "a saved assessment's name or id, an answers file, or a snapshot NAME@N (1 the oldest, "
        "-1 the latest: `smreadiness history NAME`)"
    )
    parser.add_argument("a", metavar="A", help=side)
    parser.add_argument("b", metavar="B", help=_("the same for the other side"))
    _format_option(parser, "text", "md", "json")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=_("compare against this bank"))


def _serve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("address to listen on (default 127.0.0.1, this machine only; another warns)"),
    )
    parser.add_argument("--port", type=int, default=8000, help=_("port (default 8000)"))
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=40,
        metavar="N",
        help=_("at most N browsers at once; the next one is told the room is full (default 40)"),
    )
    _https_options(parser)
    parser.add_argument(
        "--data",
        metavar="DIR",
        help=_(
            "the folder every browser saves to and opens from (default: your own "
            "assessments on loopback; beyond it, a separate folder for each browser)"
        ),
    )


def _https_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--certificate",
        metavar="PEM",
        help=_(
            "serve over HTTPS with this certificate (a PEM file, with --key), so nobody on the "
            "network can read the link's token or the answers"
        ),
    )
    parser.add_argument(
        "--key", metavar="PEM", help=_("the certificate's private key (a PEM file)")
    )


def _nothing(parser: argparse.ArgumentParser) -> None:
    del parser


def _examples(parser: argparse.ArgumentParser) -> None:
    _format_option(parser, "text", "json")
    parser.add_argument("--bank", metavar="PATH_OR_ID", help=_("examples of this bank"))


def _questions(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("list", N_("the questions of a bank, by dimension")),
        ("show", N_("one question (or the whole bank) in detail")),
        ("validate", N_("check a bank file and report every problem")),
    ):
        one = actions.add_parser(action, help=_(text), description=_(text), parents=[common])
        if action == "show":
            one.add_argument(
                "question", metavar="ID", nargs="?", help=_("question id, e.g. purpose.goals")
            )
        one.add_argument(
            "path", metavar="PATH", nargs="?", help=_("bank file or id (default: readiness)")
        )
        one.add_argument("--bank", metavar="PATH_OR_ID", help=argparse.SUPPRESS)


def _workshop(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, text: str) -> argparse.ArgumentParser:
        return actions.add_parser(name, help=_(text), description=_(text), parents=[common])

    def named(one: argparse.ArgumentParser) -> None:
        one.add_argument("workshop", metavar="NAME", help=_("the workshop's name"))

    def respondent(one: argparse.ArgumentParser) -> None:
        one.add_argument(
            "--as", dest="respondent", metavar="RESPONDENT", help=_("the respondent's name")
        )
        one.add_argument("--role", metavar="ROLE", help=_("their role, e.g. owner or staff"))

    one = action("new", N_("start a workshop: a room of businesses, or --team for one business"))
    named(one)
    one.add_argument(
        "--team", action="store_true", help=_("several people answering for one business")
    )
    one.add_argument("--bank", metavar="PATH_OR_ID", help=_("question bank (default: readiness)"))
    one = action("add", N_("add answers files as respondents (each checked as import does)"))
    named(one)
    one.add_argument("files", metavar="FILE", nargs="+", help=_("answers files (TOML)"))
    respondent(one)
    one = action("join", N_("answer in this terminal as one respondent"))
    named(one)
    respondent(one)
    one.add_argument("--plain", action="store_true", help=_(PLAIN_HELP))
    one = action("present", N_("the live board for the projector"))
    named(one)
    one.add_argument("--names", action="store_true", help=_("show respondents' names on the board"))
    one = action("report", N_("the joint report: verdicts, spread of answers, disagreements"))
    named(one)
    _format_option(one, "text", "md", "html", "json")
    one.add_argument("-o", "--output", metavar="OUT", type=output_path, help=_(OUTPUT_HELP))
    one = action("list", N_("the workshops, with their respondent counts"))
    _format_option(one, "text", "json")
    one = action("serve", N_("each browser that opens the printed link answers as one respondent"))
    named(one)
    one.add_argument("--host", default="127.0.0.1", help=_("address to listen on"))
    one.add_argument("--port", type=int, default=8000, help=_("port (default 8000)"))
    one.add_argument("--max-sessions", type=int, default=40, metavar="N", help=_("at most N"))
    _https_options(one)


COMMANDS: dict[str, tuple[str, Builder | None]] = {
    "new": (N_("open the interview on a new assessment"), _new),
    "resume": (N_("continue a saved assessment where you left off"), _resume),
    "present": (
        N_(
            "the presenter view for a projector: large type, live verdict, answers flipped on the "
            "fly; never changes the original"
        ),
        _present,
    ),
    "list": (
        N_("saved assessments: id, name, progress, verdict, updated"),
        _formats("text", "json"),
    ),
    "score": (N_("evaluate an assessment or answers file without the TUI"), _score),
    "report": (N_("the full report of a saved assessment or a file"), _report),
    "import": (N_("copy an assessment or answers file into your saved assessments"), _import),
    "export": (N_("write a saved assessment to a file, to move it to another machine"), _export),
    "history": (N_("the finished snapshots of one assessment, oldest first"), _history),
    "plan": (
        N_(
            "the action plan with owner, due date, size and status; or change one action "
            "(ACTION_ID with --owner, --due, --status)"
        ),
        _plan,
    ),
    "compare": (
        N_(
            "what changed between two assessments, files, or snapshots (NAME@N): answers, "
            "dimension scores, verdict"
        ),
        _compare,
    ),
    "serve": (
        N_("serve the interview to web browsers (textual-serve), loopback by default"),
        _serve,
    ),
    "schema": (N_("the JSON Schema of the JSON result of score and report"), _nothing),
    "examples": (N_("the bundled example companies (demo personas) and their verdicts"), _examples),
    "questions": (N_("inspect or check a question bank"), None),
    "ask": (
        N_(
            "the interview as plain lines on stdin and stdout, for screen readers, TERM=dumb, "
            "serial consoles and scripts"
        ),
        _ask,
    ),
    "workshop": (
        N_(
            "a workshop: a room of businesses, or a team answering for one business, side by "
            "side, with a live board and a joint report"
        ),
        None,
    ),
}
"""Each command's help and the builder of its arguments (``questions`` has actions)."""


class Parser(argparse.ArgumentParser):
    """argparse, with a hint when a name or id that starts with "-" was read as an option."""

    def error(self, message: str) -> NoReturn:
        known = set(self._option_string_actions)
        dashed = [
            word
            for word in sys.argv[1:]
            if word.startswith("-") and word != "-" and word.split("=")[0] not in known
        ]
        words = [w for w in sys.argv[1:] if not w.startswith("-")]
        prog = self.prog
        if " " not in prog and words and words[0] in COMMANDS:  # left over from a command
            prog = f"{prog} {' '.join(words[:2] if words[0] == 'workshop' else words[:1])}"
        if " " in prog and dashed and not dashed[0].startswith("--"):
            message += "; " + _(
                "a name or id that starts with '-' goes after --, e.g. {example}"
            ).format(example=f"{prog} -- {dashed[0]}")
        super().error(message)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` the main parser and that command's."""
    common = Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("language of questions, screens and reports (default from LC_ALL/LANG, else en)"),
    )
    parser = Parser(
        prog="smreadiness",
        description=_(
            "A readiness interview in the terminal: it answers with reasons, and says what to "
            "fix first."
        ),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"smreadiness {__version__}")
    parser.add_argument("--plain", action="store_true", help=_(PLAIN_HELP))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, build) in COMMANDS.items():
        if only is not None and name != only:
            continue
        text = _(help_text)
        command = sub.add_parser(name, help=text, description=text, parents=[common])
        if name == "workshop":
            _workshop(command, common)
        elif build is None:
            _questions(command, common)
        else:
            build(command)
    return parser
