"""The saved assessments as the home screen lists them: progress, verdict so far, last change."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from smreadiness.bank.model import VERDICT_RANK
from smreadiness.i18n import _
from smreadiness.report.labels import verdict_word
from smreadiness.store import Assessment, Entry
from smreadiness.tui.banks import BankCache


class Summary(NamedTuple):
    """One row of the home table."""

    id: str
    file: str
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
    assessment: Assessment | None


def summarise(entry: Entry, banks: BankCache) -> Summary:
    """What the home table shows for one file, readable or not."""
    file = entry.path.name
    assessment = entry.assessment
    if assessment is None:
        problem = entry.problem or _("cannot be read")
        return Summary(entry.id, file, file, 0, 0, None, _("unreadable"), -2, None, problem, None)
    bank = banks.get(assessment.bank)
    if isinstance(bank, str):
        return Summary(
            entry.id,
            file,
            assessment.name,
            len(assessment.answers),
            0,
            None,
            _("bank missing"),
            -1,
            assessment.updated,
            _("question bank: {problem}").format(problem=bank),
            assessment,
        )
    from smreadiness.engine import check_answers, evaluate_answers

    answers, _problems = check_answers(bank, assessment.answers)
    result = evaluate_answers(bank, answers, what_if=False, plan=False)
    if result.complete:
        verdict: str | None = result.verdict
        text = verdict_word(result.verdict)
        rank = VERDICT_RANK[result.verdict] * 2 + 1
    elif result.decided:
        verdict = result.worst
        text = _("{verdict} (decided)").format(verdict=verdict_word(result.worst))
        rank = VERDICT_RANK[result.worst] * 2 + 1
    else:
        verdict = None
        text = _("open: {worst} to {best}").format(
            worst=verdict_word(result.worst), best=verdict_word(result.best)
        )
        rank = 0
    return Summary(
        entry.id,
        file,
        assessment.name,
        result.answered_count,
        result.question_count,
        verdict,
        text,
        rank,
        assessment.updated,
        None,
        assessment,
    )


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
    haystack = f"{row.name} {row.file}".casefold()
    return all(word in haystack for word in text.casefold().split())
