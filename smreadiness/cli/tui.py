"""Opening the TUI from the command line; the only command module that imports Textual."""

from __future__ import annotations

import argparse

from smreadiness.cli import EXIT_PROBLEM


def run_tui(args: argparse.Namespace) -> int:
    try:
        from smreadiness.tui.app import run_app
    except ImportError as error:  # pragma: no cover - TUI not installed
        print(f"smreadiness: the interview screens are not available: {error}")
        return EXIT_PROBLEM
    return run_app(args)
