"""``smreadiness ask``: the interview as plain lines; also what ``smreadiness``, ``new`` and
``resume`` fall back to when there is no terminal to draw on (a pipe, ``TERM=dumb``) or when
``--plain`` asks for it. Imports no Textual."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from smreadiness.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEM
from smreadiness.i18n import _

if TYPE_CHECKING:
    from smreadiness.linemode import Lines
    from smreadiness.opening import Start


def wants_lines(args: argparse.Namespace) -> bool:
    """Line mode: asked for with ``--plain``, or no terminal to draw the screens on."""
    if getattr(args, "plain", False):
        return True
    if os.environ.get("TEXTUAL_DRIVER"):
        return False  # served to a browser (textual-serve): its driver draws the screens
    if os.environ.get("TERM", "") == "dumb":
        return True
    try:
        return not (sys.stdin.isatty() and sys.stdout.isatty())
    except (AttributeError, ValueError):  # closed or replaced streams
        return True


def run_ask(args: argparse.Namespace, *, fallback: bool = False) -> int:
    from smreadiness.linemode import LineInterview, Lines

    lines = Lines(sys.stdin, sys.stdout)
    if fallback and not getattr(args, "plain", False):
        lines.say(_("No full-screen terminal here, so the interview runs as plain lines."))
    command = getattr(args, "command", None)
    start: Start | None
    try:
        if command in ("ask", "resume") and getattr(args, "target", None):
            start = _start(args, command="resume", target=args.target)
        elif command in ("ask", "new"):
            start = _new(args, lines)
        elif command == "resume":
            start = _start(args, command="resume", target=None)
        else:
            start = _choose(args, lines)
    except _Failed as failed:
        return failed.code
    if start is not None and start.pick:
        return _ambiguous(start.pick)
    if start is None or start.session is None:
        return EXIT_OK
    first = start.question if start.opening == "interview" and command != "resume" else None
    if command == "ask" and getattr(args, "target", None):
        first = None  # resuming: where the user left off
    again = getattr(args, "resume_command", "smreadiness ask")  # e.g. a workshop's join
    return LineInterview(start.session, lines, first, again).run()


def _ambiguous(name: str) -> int:
    """Several assessments match: line mode has no list to pick from, so it names them."""
    from smreadiness.cli.common import error
    from smreadiness.index import find
    from smreadiness.store import Store, StoreError

    store = Store()
    try:
        find(store, _language(), name)
    except StoreError as failure:
        error(f"smreadiness: {failure}")
    return EXIT_PROBLEM


def _language() -> str:
    from smreadiness.i18n import language

    return language()


class _Failed(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _start(args: argparse.Namespace, **values: object) -> Start:
    """What the TUI would open, with its errors as one line each (exit 1, or 3 for a file)."""
    from smreadiness.cli.common import error
    from smreadiness.opening import StartError, resolve_start
    from smreadiness.problems import print_problems

    namespace = argparse.Namespace(**{**vars(args), **values})
    try:
        return resolve_start(namespace)
    except StartError as failure:
        if failure.problems:
            print_problems(failure.problems)
            raise _Failed(EXIT_BAD_INPUT) from None
        error(str(failure))
        raise _Failed(EXIT_PROBLEM) from None


def _new(args: argparse.Namespace, lines: Lines) -> Start | None:
    name = (getattr(args, "name", None) or "").strip()
    if not name:
        lines.say(_("What is the company called? Type its name and press Enter."))
        typed = lines.ask()
        if typed is None:
            return None
        name = typed.strip() or _("Unnamed assessment")
    return _start(args, command="new", name=name, bank=getattr(args, "bank", None))


def _choose(args: argparse.Namespace, lines: Lines) -> Start | None:
    """Bare ``smreadiness`` without a screen: continue a recent assessment, or start one."""
    from smreadiness.index import saved_index
    from smreadiness.store import Store, StoreError
    from smreadiness.wording import open_verdict_text, verdict_word

    try:
        index = saved_index(Store(), args.lang)
        try:
            rows = list(index.overviews(readable_only=True, limit=9))
        finally:
            index.close()
    except StoreError as failure:
        lines.say(str(failure))
        rows = []
    if not rows:
        return _new(args, lines)
    lines.say(_("Your saved assessments, the latest first:"))
    for number, row in enumerate(rows, start=1):
        if row.complete and row.verdict:
            state = verdict_word(row.verdict)
        elif row.worst and row.best:
            state = open_verdict_text(row.worst, row.best)
        else:
            state = ""
        progress = _("{answered} of {total} answered").format(
            answered=row.answered, total=row.total
        )
        lines.say(f"{number}. {row.name}, {progress}" + (f", {state}." if state else "."))
    lines.say(_("Type a number to continue one, or n for a new assessment."))
    while True:
        typed = lines.ask()
        if typed is None:
            return None
        choice = typed.strip()
        if choice.casefold() == "n":
            return _new(args, lines)
        if choice.isdigit() and 1 <= int(choice) <= len(rows):
            return _start(args, command="resume", target=rows[int(choice) - 1].id)
        lines.say(
            _("Type a number from 1 to {count}, or n for a new assessment.").format(count=len(rows))
        )
