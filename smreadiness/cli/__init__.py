"""The ``smreadiness`` command: parses the command line (parser.py) and runs one command, each
importing what it needs."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

from smreadiness.exits import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "EXIT_PROBLEM", "EXIT_USAGE", "main"]
LANGUAGES = ("en", "fi", "sv")


def default_language() -> str:
    """``LC_ALL``, then ``LANG`` (e.g. ``fi_FI.UTF-8``), else English."""
    for variable in ("LC_ALL", "LANG"):
        value = os.environ.get(variable, "")
        code = value.split(".")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def _language_on_the_line(arguments: Sequence[str]) -> str | None:
    """``--lang X`` or ``--lang=X`` anywhere on the command line, if a known language."""
    for index, argument in enumerate(arguments):
        value = None
        if argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def use_language(args: argparse.Namespace, remembered: str | None = None) -> None:
    """Interface language: ``--lang`` if given, else what the assessment remembers, else the
    environment's (``LC_ALL``/``LANG``)."""
    from smreadiness.i18n import set_language

    if not getattr(args, "lang_given", False) and remembered in LANGUAGES:
        args.lang = remembered
    set_language(args.lang)


def plain_tui_command(arguments: Sequence[str]) -> Any | None:
    """The TUI commands in their plain forms (none: the home screen, ``resume NAME``, ``new``,
    ``new --name NAME``, ``present``, ``present NAME``) read without argparse, whose import and
    build (~3 ms) count against the first screen's time. Anything else, help and mistakes
    included, returns None and goes to argparse; a test checks the two agree."""
    from types import SimpleNamespace

    if not arguments:
        return SimpleNamespace(
            command=None, name=None, bank=None, target=None, watch=False, plain=False
        )
    command, *rest = arguments
    named = command == "new" and len(rest) == 2 and rest[0] == "--name"
    values = rest[1:] if named else rest
    if any(value.startswith("-") for value in values):
        return None
    if command == "resume" and len(values) <= 1:
        return SimpleNamespace(command=command, target=values[0] if values else None, plain=False)
    if command == "new" and (named or not values):
        return SimpleNamespace(
            command=command, name=values[0] if named else None, bank=None, plain=False
        )
    if command == "present" and len(values) <= 1:
        target = values[0] if values else None
        return SimpleNamespace(command=command, target=target, bank=None, watch=False, plain=False)
    return None


def _tolerant_streams() -> None:
    """Output that is not UTF-8 (``PYTHONIOENCODING=ascii``, a legacy console) gets ``\\u2192``
    for a character it cannot show, rather than a traceback after half a report."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("-", "").lower()
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _no_screen(args: Any) -> bool:
    from smreadiness.cli.ask import wants_lines

    return wants_lines(args)


def main(argv: Sequence[str] | None = None) -> int:  # noqa: C901 - the dispatcher: one branch per command family and output failure
    """Run one command; returns the exit code (0 ok, 1 problem found, 2 usage, 3 bad input)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    _tolerant_streams()
    args = plain_tui_command(arguments)
    if args is None:
        asked = _language_on_the_line(arguments) or default_language()
        if asked != "en":
            from smreadiness.i18n import set_language

            set_language(asked)  # before the parser is built: --help speaks it too
        from smreadiness.cli.parser import COMMANDS, build_parser

        # Only the named command's subparser is built: the TUI commands' start-up time counts.
        only = arguments[0] if arguments[0] in COMMANDS else None
        args = build_parser(only).parse_args(arguments)
    args.lang_given = hasattr(args, "lang")
    if not args.lang_given:
        args.lang = default_language()
    if args.lang != "en":
        from smreadiness.i18n import set_language

        set_language(args.lang)
    command = args.command
    try:
        if command == "ask" or (command in (None, "new", "resume") and _no_screen(args)):
            from smreadiness.cli.ask import run_ask

            return run_ask(args, fallback=command != "ask")
        if command in (None, "new", "resume", "present"):
            from smreadiness.cli.tui import run_tui

            return run_tui(args)
        if command == "questions":
            from smreadiness.cli.questions import run_questions

            return run_questions(args)
        if command == "serve":
            from smreadiness.cli.serve import run_serve

            return run_serve(args)
        if command == "workshop":
            from smreadiness.cli.workshop import run_workshop

            return run_workshop(args)
        if command == "plan":
            from smreadiness.cli.plan import run_plan

            return run_plan(args)
        if command in ("history", "compare"):
            from smreadiness.cli import history

            return int(getattr(history, f"run_{command}")(args))
        from smreadiness.cli import commands

        handler = getattr(commands, f"run_{command}")
        code = int(handler(args))
        sys.stdout.flush()  # here, so a full disk is reported rather than lost at exit
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
    except OSError as failure:
        if failure.filename is not None or sys.stdout.closed:
            raise
        # Writing to standard output failed (e.g. `> /dev/full`): one line, and no second try
        # at exit.
        reason = failure.strerror or str(failure)
        print(f"smreadiness: cannot write the output: {reason}", file=sys.stderr)
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # lives until exit
        return EXIT_PROBLEM
