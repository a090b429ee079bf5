"""A progress bar on stderr for long work over many files, only where someone watches it.

Shown when stderr is a terminal, ``CI`` is not set and colour is not turned off (``NO_COLOR``,
``TERM=dumb``): piped output, scripts and screen readers get no cursor movement. Small jobs
never show it.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import Any

BIG = 500
"""Files to read before a bar is worth drawing."""


def wanted() -> bool:
    """Whether a progress bar may be drawn on stderr."""
    if os.environ.get("CI") or "NO_COLOR" in os.environ:
        return False
    if os.environ.get("TERM", "") == "dumb":
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class TerminalProgress:
    """``with TerminalProgress() as shown: work(shown.advance, shown.start)``."""

    def __init__(self, description: str = "", big: int = BIG) -> None:
        self.description = description
        self.big = big
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> TerminalProgress:
        return self

    def start(self, total: int) -> None:
        """``total`` files are about to be read: a bar when that is many."""
        if total < self.big or not wanted() or self._progress is not None:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        from smreadiness.i18n import _

        description = self.description or _("Indexing saved assessments")
        self._progress = Progress(
            "{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
            auto_refresh=False,  # no drawing thread: many files are then read by several processes
        )
        self._progress.start()
        self._task = self._progress.add_task(description, total=total)

    def advance(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total, refresh=True)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
