"""Shared helpers of the bad-input suite (imported by its test modules)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUNDLED_BANK = ROOT / "questions" / "readiness.toml"
MINI_BANK = HERE / "banks" / "mini.toml"


def assert_no_traceback(result: Any) -> None:
    """Bad input never shows a traceback, on either stream."""
    for stream in (result.out, result.err):
        assert "Traceback" not in stream, f"traceback for bad input:\n{stream[-1200:]}"


def error_lines(result: Any) -> list[str]:
    """The problem lines the command wrote on stderr (not the blank lines, nor the answers
    printed under a rule that is not monotonic to reproduce it)."""
    return [
        line
        for line in result.err.splitlines()
        if line.strip() and not line.startswith(("#", "[answers]", '"'))
    ]


def line_of(text: str, snippet: str) -> int:
    """1-based number of the first line holding ``snippet``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if snippet in line:
            return number
    raise AssertionError(f"{snippet!r} not in text")
