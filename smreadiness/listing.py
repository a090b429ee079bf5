"""What ``smreadiness list`` and the home screen show for each saved assessment: one file read
and scored (:func:`overview`). The index (:mod:`smreadiness.index`) keeps these rows so that
only files that changed are read again."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from smreadiness.problems import ProblemsError

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank
    from smreadiness.store import Assessment, Entry

Stamp = list[int]


class Overview(NamedTuple):
    """One saved file as a list shows it: progress and verdict so far, or why it cannot be."""

    id: str
    path: str
    name: str | None = None
    """None when the file cannot be read."""
    updated: str | None = None
    """Last change, ISO 8601."""
    unreadable: str | None = None
    """Why the file cannot be read."""
    bank_problem: str | None = None
    """Why the file's question bank cannot be loaded."""
    answered: int = 0
    total: int = 0
    complete: bool = False
    verdict: str | None = None
    worst: str | None = None
    best: str | None = None
    score: int | None = None
    answer_problems: int = 0
    """Saved answers the bank no longer accepts (ignored in the verdict)."""
    reassess: str | None = None
    """When a complete assessment is due to be looked at again (YYYY-MM-DD)."""

    def reassess_due(self, today: date) -> bool:
        """True when the date to look again has come."""
        return self.reassess is not None and self.reassess <= today.isoformat()

    @property
    def scored(self) -> bool:
        return self.verdict is not None

    @property
    def decided(self) -> bool:
        """No answer still open can change the verdict."""
        return self.worst is not None and self.worst == self.best

    @property
    def updated_at(self) -> datetime | None:
        from smreadiness.moments import read_moment

        return read_moment(self.updated) if self.updated else None


def _stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ino]


class Banks:
    """Banks by the spec assessments name, loaded once, and the stamps of their files."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.loaded: dict[str, Bank | str] = {}
        self.stamps: dict[str, Stamp | None] = {}
        self.results: dict[tuple[str, frozenset[tuple[str, object]]], _Scored] = {}

    def stamp(self, spec: str) -> Stamp | None:
        if spec not in self.stamps:
            from smreadiness.bank.locate import resolve_bank

            try:
                self.stamps[spec] = _stamp(resolve_bank(spec or None))
            except (ProblemsError, OSError):
                self.stamps[spec] = None
        return self.stamps[spec]

    def scored(self, spec: str, bank: Bank, answers: Mapping[str, object]) -> _Scored:
        """What the engine says of ``answers``; the same answers (copies of an example, a
        class's starting point) are scored once per pass."""
        try:
            key = (spec, frozenset(answers.items()))
        except TypeError:  # an unhashable value (a list): nothing to share
            return _score(bank, answers)
        found = self.results.get(key)
        if found is None:
            found = self.results[key] = _score(bank, answers)
        return found

    def get(self, spec: str) -> Bank | str:
        if spec not in self.loaded:
            from smreadiness.bank.loader import load_bank

            try:
                self.loaded[spec] = load_bank(spec or None, self.language)
            except ProblemsError as error:
                self.loaded[spec] = "; ".join(str(p) for p in error.problems)
            except OSError as error:  # one saved file naming an odd bank never stops the list
                self.loaded[spec] = error.strerror or str(error)
        return self.loaded[spec]


def overview(entry: Entry, banks: Banks) -> Overview:
    """Score one file (no cache)."""

    assessment = entry.assessment
    if assessment is None:
        return Overview(entry.id, str(entry.path), unreadable=entry.problem or "?")
    saved = Overview(entry.id, str(entry.path), assessment.name, assessment.updated.isoformat())
    bank = banks.get(assessment.bank)
    if isinstance(bank, str):
        return saved._replace(bank_problem=bank, answered=len(assessment.answers))
    scored = banks.scored(assessment.bank, bank, assessment.answers)
    complete = scored.complete
    return saved._replace(
        reassess=_reassess(assessment, bank) if complete else None, **scored._asdict()
    )


class _Scored(NamedTuple):
    answered: int
    total: int
    complete: bool
    verdict: str | None
    worst: str | None
    best: str | None
    score: int | None
    answer_problems: int


def _score(bank: Bank, saved: Mapping[str, object]) -> _Scored:
    from smreadiness.engine import check_answers, evaluate_answers

    answers, problems = check_answers(bank, saved)
    result = evaluate_answers(bank, answers, what_if=False, plan=False)
    return _Scored(
        result.answered_count,
        result.question_count,
        result.complete,
        result.verdict,
        result.worst,
        result.best,
        result.score,
        len(problems),
    )


def _reassess(assessment: Assessment, bank: Bank) -> str | None:
    from smreadiness.tasks.state import read_plan, reassess_date

    try:
        state = read_plan(assessment)
    except ProblemsError:
        return None
    when = reassess_date(assessment, state, bank.reassess_after_days)
    return when.isoformat() if when else None


def list_row(found: Overview, today: date | None) -> dict[str, Any]:
    """One file as ``list --format json`` shows it (``interface.md``). With ``today`` None,
    ``reassess_due`` is left for the caller to fill in (the index stores rows without it)."""
    from smreadiness.i18n import _

    row: dict[str, Any] = {"id": found.id, "file": found.path}
    if found.unreadable is not None or found.name is None:
        reason = found.unreadable or "?"
        row.update(name=None, error=_("unreadable: {reason}").format(reason=reason))
        return row
    row.update(name=found.name, updated=found.updated)
    if found.bank_problem is not None:
        row["error"] = _("bank unavailable: {reason}").format(reason=found.bank_problem)
        return row
    row.update(
        answered=found.answered,
        total=found.total,
        complete=found.complete,
        verdict=found.verdict,
        decided=found.decided,
        worst=found.worst,
        best=found.best,
        score=found.score,
        reassess=found.reassess,
        reassess_due=found.reassess_due(today) if today is not None else None,
    )
    if found.answer_problems:
        row["error"] = _("{count} answers no longer fit the bank").format(
            count=found.answer_problems
        )
    return row
