"""Opening the TUI from the command line; the only command module that imports Textual."""

from __future__ import annotations

import gc
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
    try:
        from smreadiness.tui.app import run_app
    except ImportError as error:  # pragma: no cover - TUI not installed
        print(f"smreadiness: the interview screens are not available: {error}")
        return EXIT_PROBLEM
    return run_app(args)
