"""Serving the TUI to web browsers with textual-serve: one app process per browser session."""

from __future__ import annotations

import shlex
import sys


def serve(host: str, port: int, language: str) -> None:
    """Run the web server until interrupted (Ctrl+C)."""
    from textual_serve.server import Server

    command = f"{shlex.quote(sys.executable)} -m smreadiness --lang {language}"
    Server(command, host=host, port=port, title="smreadiness").serve()
