"""Opening the TUI from the command line; the only command module that imports Textual."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from smreadiness.cli import EXIT_PROBLEM

if TYPE_CHECKING:
    import argparse


def run_tui(args: argparse.Namespace) -> int:
    # Start-up allocates hundreds of thousands of objects (Textual, the screens, their styles)
    # and the cyclic garbage collector would walk them all several times before the first
    # frame: ~50 ms on a 2-core machine. It stays off until the first screen is on the
    # terminal; the app then freezes what start-up made (never collected, never walked again)
    # and turns it back on (SmReadinessApp.first_screen_shown).
    gc.disable()
    from smreadiness.opening import StartError, resolve_start

    # A bad or missing assessment name is one line on stderr and exit 1, before the app
    # starts; a bank or file that cannot be read is one line per problem and exit 3.
    try:
        start = resolve_start(args)
    except StartError as error:
        gc.enable()
        if error.problems:
            from smreadiness.exits import EXIT_BAD_INPUT
            from smreadiness.problems import print_problems

            print_problems(error.problems)
            return EXIT_BAD_INPUT
        from smreadiness.textsafe import clean

        print(clean(str(error), single_line=True), file=sys.stderr)
        return 1
    try:
        from smreadiness.tui.app import run_app
    except ImportError as error:  # pragma: no cover - TUI not installed
        print(f"smreadiness: the interview screens are not available: {error}")
        return EXIT_PROBLEM
    return run_app(start)  # a plain start value: the screens never see the command line
