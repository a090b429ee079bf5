"""The saved assessments as the home screen lists them: progress, verdict so far, last change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from smreadiness.i18n import _
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


def sort_summaries(rows: list[Summary], key: str, reverse: bool) -> list[Summary]:
    """Rows sorted by a column; "reverse" flips the natural order (newest first for dates)."""

    def sort_key(row: Summary) -> tuple[object, ...]:
        if key == "name":
            return (row.name.casefold(),)
        if key == "progress":
            return (row.answered / row.total if row.total else -1.0, row.name.casefold())
        if key == "verdict":
            return (row.rank, row.name.casefold())
        return (row.updated.timestamp() if row.updated else 0.0,)

    natural_reverse = key in ("updated", "progress", "verdict")
    return sorted(rows, key=sort_key, reverse=natural_reverse != reverse)


def matches(row: Summary, text: str) -> bool:
    """Filter by typing: every word must appear in the name or the file name."""
    from smreadiness.store.store import fold

    haystack = fold(f"{row.name} {row.file}")
    return all(word in haystack for word in fold(text).split())
