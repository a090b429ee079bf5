"""What ``smreadiness list`` and the home screen show for each saved assessment, cached.

Scoring a saved file means parsing its TOML and running the engine; with hundreds of files
that is most of the time to list them. So each file's :class:`Overview` is cached in the cache
directory, keyed by the file's size, modification time and inode (every save replaces the
file, so all three move) and by the stamp of its bank file, and only what changed is read.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from smreadiness import __version__
from smreadiness.cachefile import digest, printable, read_cache, write_cache
from smreadiness.problems import ProblemsError

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank
    from smreadiness.store import Assessment, Entry, Store

_FORMAT = 1
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
    return [info.st_size, info.st_mtime_ns, info.st_ino]  # a new inode on every atomic save


def _cache_file(store: Store) -> Path | None:
    try:
        from smreadiness.paths import cache_dir

        folder = str(store.root.resolve()).encode()
        return cache_dir() / f"list-{digest(folder)[:16]}.json"
    except Exception:  # noqa: BLE001 - no cache dir: list without one
        return None


def _load_cache(path: Path | None) -> dict[str, dict[str, object]]:
    data = read_cache(path) if path is not None else None
    if not isinstance(data, dict) or data.get("version") != [__version__, _FORMAT]:
        return {}
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {key: value for key, value in entries.items() if isinstance(value, dict)}


def _save_cache(path: Path | None, entries: dict[str, dict[str, object]]) -> None:
    if path is not None:
        write_cache(path, {"version": [__version__, _FORMAT], "entries": entries})


_TEXT_FIELDS = ("id", "path", "name", "updated", "unreadable", "bank_problem")
_VERDICT_FIELDS = ("verdict", "worst", "best")
_VERDICTS = (None, "go", "not_yet", "no_go")


def _from_cache(value: object) -> Overview | None:  # noqa: C901 - each cached field's type checked before it is trusted
    """A cached row, if every field has the type it should; else None (the file is re-read)."""
    if not isinstance(value, list) or len(value) != len(Overview._fields):
        return None
    row = Overview(*value)
    for field in _TEXT_FIELDS:
        text = getattr(row, field)
        if text is not None and not printable(text):
            return None
    if not (isinstance(row.id, str) and isinstance(row.path, str)):
        return None
    if any(getattr(row, field) not in _VERDICTS for field in _VERDICT_FIELDS):
        return None
    for field in ("answered", "total", "answer_problems"):
        number = getattr(row, field)
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            return None
    if row.score is not None and (not isinstance(row.score, int) or isinstance(row.score, bool)):
        return None
    if not isinstance(row.complete, bool):
        return None
    if row.updated is not None and row.updated_at is None:
        return None
    if row.reassess is not None and (
        not isinstance(row.reassess, str) or not _is_date(row.reassess)
    ):
        return None
    return row


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


class _Banks:
    """Banks by the spec assessments name, loaded once, and the stamps of their files."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.loaded: dict[str, Bank | str] = {}
        self.stamps: dict[str, Stamp | None] = {}

    def stamp(self, spec: str) -> Stamp | None:
        if spec not in self.stamps:
            from smreadiness.bank.locate import resolve_bank

            try:
                self.stamps[spec] = _stamp(resolve_bank(spec or None))
            except (ProblemsError, OSError):
                self.stamps[spec] = None
        return self.stamps[spec]

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


def overview(entry: Entry, banks: _Banks) -> Overview:
    """Score one file (no cache)."""
    from smreadiness.engine import check_answers, evaluate_answers

    assessment = entry.assessment
    if assessment is None:
        return Overview(entry.id, str(entry.path), unreadable=entry.problem or "?")
    saved = Overview(entry.id, str(entry.path), assessment.name, assessment.updated.isoformat())
    bank = banks.get(assessment.bank)
    if isinstance(bank, str):
        return saved._replace(bank_problem=bank, answered=len(assessment.answers))
    answers, problems = check_answers(bank, assessment.answers)
    result = evaluate_answers(bank, answers, what_if=False, plan=False)
    return saved._replace(
        reassess=_reassess(assessment, bank) if result.complete else None,
        answered=result.answered_count,
        total=result.question_count,
        complete=result.complete,
        verdict=result.verdict,
        worst=result.worst,
        best=result.best,
        score=result.score,
        answer_problems=len(problems),
    )


def _reassess(assessment: Assessment, bank: Bank) -> str | None:
    from smreadiness.tasks.state import read_plan, reassess_date

    try:
        state = read_plan(assessment)
    except ProblemsError:
        return None
    when = reassess_date(assessment, state, bank.reassess_after_days)
    return when.isoformat() if when else None


def _still_valid(hit: object, stamp: Stamp, language: str, banks: _Banks) -> Overview | None:
    """The cached overview, if the file, the language and the bank file are as they were."""
    if not isinstance(hit, dict) or hit.get("stamp") != stamp or hit.get("language") != language:
        return None
    spec = hit.get("bank")
    if spec is not None and (
        not isinstance(spec, str) or banks.stamp(spec) != hit.get("bank_stamp")
    ):
        return None
    return _from_cache(hit.get("overview"))


def overviews(store: Store, language: str) -> list[Overview]:
    """Every file in the data directory, newest first; unreadable ones with their reason.

    Raises :class:`~smreadiness.store.StoreError` when the directory cannot be listed.
    """
    cache_path = _cache_file(store)
    cached = _load_cache(cache_path)
    fresh: dict[str, dict[str, object]] = {}
    banks = _Banks(language)
    found: list[Overview] = []
    for path in store.files():
        key = str(path)
        stamp = _stamp(path)
        hit = cached.get(key)
        row = _still_valid(hit, stamp, language, banks) if hit and stamp else None
        if hit and row is not None:
            found.append(row)
            fresh[key] = hit
            continue
        entry = store.entry(path)
        row = overview(entry, banks)
        spec = entry.assessment.bank if entry.assessment else None
        fresh[key] = {
            "stamp": stamp,
            "language": language,
            "bank": spec,
            "bank_stamp": banks.stamp(spec) if spec is not None else None,
            "overview": list(row),
        }
        found.append(row)
    if fresh != cached:
        _save_cache(cache_path, fresh)
    found.sort(key=_newest_first)
    return found


def _newest_first(row: Overview) -> float:
    when = row.updated_at
    return -when.timestamp() if when else 0.0


def name_index(store: Store, language: str) -> list[tuple[Path, str, str | None]]:
    """Each file's path, id and name (None when unreadable), for :meth:`Store.find`."""
    return [(Path(row.path), row.id, row.name) for row in overviews(store, language)]
