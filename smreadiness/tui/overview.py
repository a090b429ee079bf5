"""The saved assessments as the home screen lists them: progress, verdict so far, last change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from smreadiness.i18n import _
from smreadiness.index import SavedIndex
from smreadiness.listing import Overview
from smreadiness.verdicts import VERDICT_RANK
from smreadiness.wording import open_verdict_text, verdict_word

UNREADABLE = -2
NO_BANK = -1


class Summary(NamedTuple):
    """One row of the home table."""

    id: str
    file: str
    path: Path
    name: str
    answered: int
    total: int
    verdict: str | None
    """The verdict when complete or already decided, else None."""
    verdict_text: str
    rank: int
    """For sorting by verdict: go highest, then not yet, no-go, open, unreadable."""
    updated: datetime | None
    problem: str | None
    reassess_due: bool = False
    """Finished, and the date to look at it again has come."""

    @property
    def unreadable(self) -> bool:
        return self.rank == UNREADABLE


def summarise(found: Overview) -> Summary:
    """What the home table shows for one file, readable or not."""
    path = Path(found.path)
    file = path.name
    if found.unreadable is not None or found.name is None:
        problem = found.unreadable or _("cannot be read")
        return Summary(
            found.id, file, path, file, 0, 0, None, _("unreadable"), UNREADABLE, None, problem
        )
    row = Summary(
        found.id,
        file,
        path,
        found.name,
        found.answered,
        found.total,
        None,
        "",
        0,
        found.updated_at,
        None,
    )
    if found.bank_problem is not None or found.worst is None or found.best is None:
        problem = _("question bank: {problem}").format(problem=found.bank_problem or "?")
        return row._replace(total=0, verdict_text=_("bank missing"), rank=NO_BANK, problem=problem)
    if found.complete and found.verdict is not None:
        verdict = found.verdict
        due = found.reassess_due(datetime.now().astimezone().date())
        return row._replace(
            verdict=verdict,
            verdict_text=verdict_word(verdict),
            rank=VERDICT_RANK[verdict] * 2 + 1,
            reassess_due=due,
        )
    text = open_verdict_text(found.worst, found.best)
    if found.decided:
        return row._replace(
            verdict=found.worst, verdict_text=text, rank=VERDICT_RANK[found.worst] * 2 + 1
        )
    return row._replace(verdict_text=text)


SORT_KEYS = ("updated", "name", "progress", "verdict")


class IndexRows:
    """The home list's rows as queries on the index: one filter and sort, a page at a time.

    The count is asked once per filter; pages are turned into :class:`Summary` rows only when
    they are drawn.
    """

    def __init__(
        self, index: SavedIndex, text: str = "", sort: str = "updated", reverse: bool = False
    ) -> None:
        self.index = index
        self.text = text
        self.sort = sort
        self.reverse = reverse
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.index.count(self.text)
        return self._count

    def page(self, offset: int, limit: int) -> list[Summary]:
        return [
            summarise(found)
            for found in self.index.page(self.text, self.sort, self.reverse, offset, limit)
        ]

    def position(self, file: str) -> int | None:
        """Where the row of ``file`` (a file name) stands in this list."""
        return self.index.position(self.text, self.sort, self.reverse, file)
