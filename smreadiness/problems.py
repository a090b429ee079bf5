"""A problem in a file the user gave us: which file, which line and key, and what is expected."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One problem, printed as one line: ``file:line: key: message``."""

    file: str
    message: str
    key: str = ""
    line: int | None = None
    detail: str = ""
    """Lines printed as they are after the problem's line (e.g. answers that reproduce it)."""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ProblemsError(Exception):
    """Raised when a file cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


MAX_PROBLEM_LINES = 50


def print_problems(problems: list[Problem]) -> None:
    """One line per problem on stderr (user text made harmless), at most 50 and a count."""
    import sys

    from smreadiness.i18n import _
    from smreadiness.textsafe import clean

    for problem in problems[:MAX_PROBLEM_LINES]:
        print(clean(str(problem), single_line=True), file=sys.stderr)
        for line in problem.detail.splitlines():
            print(clean(line, single_line=True), file=sys.stderr)
    if len(problems) > MAX_PROBLEM_LINES:
        more = len(problems) - MAX_PROBLEM_LINES
        print(_("... and {count} more problems").format(count=more), file=sys.stderr)
