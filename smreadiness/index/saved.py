"""The saved assessments as the index holds them: every read is a query, never a full load."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from smreadiness.index.database import connect, remove
from smreadiness.index.refresh import Plan, Progress, apply, plan, refresh
from smreadiness.listing import Overview
from smreadiness.store.store import Store, fold

T = TypeVar("T")
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What an assessment id may hold (as :func:`smreadiness.store.store._safe_id` checks)."""
NameRow = tuple[Path, str, str | None]
"""A file's path, id and name (None when it cannot be read), as :meth:`Store.find` takes them."""

SORTS: dict[str, tuple[str, str]] = {
    # key: (natural order, reversed): each the exact reverse of the other, so one index of
    # the database serves both (ties: newest first, then by file)
    "updated": ("newest ASC, file ASC", "newest DESC, file DESC"),
    "name": ("sort_name ASC, newest ASC, file ASC", "sort_name DESC, newest DESC, file DESC"),
    "progress": (
        "progress DESC, sort_name DESC, newest ASC, file ASC",
        "progress ASC, sort_name ASC, newest DESC, file DESC",
    ),
    "verdict": (
        "rank DESC, sort_name DESC, newest ASC, file ASC",
        "rank ASC, sort_name ASC, newest DESC, file DESC",
    ),
}
_LIST_ORDER = "newest, file"
_CHUNK = 2_000
_JSON_ROW = (
    "json_head || :prefix || json_tail || CASE WHEN json_end IS NULL THEN '' "
    "WHEN reassess IS NOT NULL AND reassess <= :today THEN 'true' || json_end "
    "ELSE 'false' || json_end END"
)
"""One row as ``list --format json`` shows it (the keys of ``cli.listing._row``, in order)."""
"""Rows read per query while streaming the whole list."""
_OVERVIEW = (
    "id, file, name, updated, unreadable, bank_problem, answered, total, complete, verdict, "
    "worst, best, score, answer_problems, reassess"
)


def index_file(store: Store) -> Path | None:
    """Where the index of this data directory lives (one per directory), or None without a
    cache directory."""
    try:
        from smreadiness.cachefile import digest
        from smreadiness.paths import cache_dir

        folder = str(store.root.resolve()).encode("utf-8", "surrogateescape")
        return cache_dir() / f"index-{digest(folder)[:16]}.sqlite3"
    except Exception:  # noqa: BLE001 - no cache dir: the index lives in memory
        return None


class SavedIndex:
    """One data directory's index, for one interface language (problems are worded in it).

    Not shared between threads: a worker that refreshes makes its own (:meth:`twin`).
    """

    def __init__(self, store: Store, language: str, path: Path | None = None) -> None:
        self.store = store
        self.language = language
        self.path = path if path is not None else self._default_path()
        self._connection: sqlite3.Connection | None = None
        self._refreshed: tuple[Progress | None, bool] | None = None
        """How it was last brought up to date (a rebuild after damage does it again)."""
        self._prefix = str(store.root / "x")[:-1]

    def _default_path(self) -> Path | None:
        # A directory that does not exist yet holds nothing: no index file is made for it.
        return index_file(self.store) if self.store.root.is_dir() else None

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = connect(self.path)
        return self._connection

    def twin(self) -> SavedIndex:
        """The same index, on a connection of its own (for another thread)."""
        return SavedIndex(self.store, self.language, self.path)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _guarded(self, work: Callable[[], T]) -> T:
        """Run ``work``; an index found damaged or stuck on the way is rebuilt and it runs
        once more."""
        try:
            return work()
        except sqlite3.Error:
            self.close()
            if self.path is not None:
                remove(self.path)
            if self._refreshed is not None:  # a read: the rows back from the files first
                progress, quick = self._refreshed
                refresh(self.connection, self.store, self.language, progress, None, quick)
            return work()

    def refresh(
        self,
        progress: Progress | None = None,
        before_reading: Callable[[int], None] | None = None,
        quick: bool = False,
    ) -> SavedIndex:
        """Bring the index up to date with the files (see :mod:`smreadiness.index.refresh`)."""
        self._guarded(
            lambda: refresh(
                self.connection, self.store, self.language, progress, before_reading, quick
            )
        )
        self._refreshed = (progress, quick)
        return self

    def plan(self) -> Plan:
        """What a refresh would do (one pass over the directory; nothing read yet)."""
        return self._guarded(lambda: plan(self.connection, self.store, self.language))

    def apply(self, planned: Plan, progress: Progress | None = None) -> bool:
        """Carry out a :meth:`plan`; True when any row changed."""
        self._refreshed = (None, False)
        return bool(
            self._guarded(
                lambda: apply(self.connection, self.store, self.language, planned, progress)
            )
        )

    def has_rows(self) -> bool:
        """Anything indexed (without looking at the directory)."""
        return bool(
            self._guarded(
                lambda: self.connection.execute("SELECT EXISTS (SELECT 1 FROM saved)").fetchone()[0]
            )
        )

    # ------------------------------------------------------------------ reading

    def _overview(self, row: tuple[Any, ...]) -> Overview:
        """A row as an :class:`Overview`. SQLite keeps each column's type (the table is
        ``STRICT``); a row whose values break the table's checks anyway (a file written by
        something else, with checks turned off) is not trusted: its file is read again and
        the row dropped, so the next refresh indexes it anew."""
        path = self._prefix + os.fsdecode(row[1])
        if not _sane(row):
            from smreadiness.listing import Banks, overview

            self._guarded(
                lambda: self.connection.execute("DELETE FROM saved WHERE file = ?", (row[1],))
            )
            return overview(self.store.entry(Path(path)), Banks(self.language))
        return Overview(
            row[0], path, row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]), *row[9:]
        )

    def overviews(self, readable_only: bool = False, limit: int = -1) -> Iterator[Overview]:
        """Every row, newest first (unreadable ones last), a chunk at a time as they are
        consumed (each chunk a query of its own: a damaged index is rebuilt between two)."""
        readable = "AND name IS NOT NULL " if readable_only else ""
        sql = (
            f"SELECT {_OVERVIEW}, newest FROM saved WHERE (newest, file) > (?, ?) {readable}"
            f"ORDER BY {_LIST_ORDER} LIMIT ?"
        )
        after: tuple[float, bytes] = (float("-inf"), b"")
        left = limit
        while left != 0:
            size = _CHUNK if left < 0 else min(left, _CHUNK)
            rows = self._select(sql, (*after, size))
            for row in rows:
                yield self._overview(row[:-1])
            if len(rows) < size:
                return
            after = (rows[-1][-1], rows[-1][1])
            left = left - len(rows) if left > 0 else left

    def json_rows(self, today: str) -> Iterator[str]:
        """Every row as the JSON object ``list --format json`` prints (one line), newest
        first. Each row's text was made when its file was read; the query only adds the data
        directory and whether the date to look again has come by ``today`` (YYYY-MM-DD), so
        listing 50,000 spends no Python per field."""
        from json.encoder import encode_basestring

        from smreadiness.textsafe import escape_raw

        prefix = escape_raw(encode_basestring(self._prefix)[1:-1])
        values = {"prefix": prefix, "today": today}
        sql = (
            f"SELECT {_JSON_ROW}, newest, file FROM saved WHERE (newest, file) > "
            f"(:newest, :file) ORDER BY {_LIST_ORDER} LIMIT {_CHUNK}"
        )
        after: tuple[float, bytes] = (float("-inf"), b"")
        while True:
            rows = self._select(sql, {**values, "newest": after[0], "file": after[1]})
            for row in rows:
                yield row[0]
            if len(rows) < _CHUNK:
                return
            after = (rows[-1][1], rows[-1][2])

    def count(self, text: str = "") -> int:
        """Rows whose name or file name holds every word of ``text`` (accents and case aside)."""
        where, values = _filter(text)
        return int(
            self._guarded(
                lambda: self.connection.execute(
                    f"SELECT count(*) FROM saved {where}", values
                ).fetchone()[0]
            )
        )

    def page(self, text: str, sort: str, reverse: bool, offset: int, limit: int) -> list[Overview]:
        """Rows ``offset`` to ``offset + limit`` of the filtered list in the sort's order."""
        where, values = _filter(text)
        order = SORTS[sort][1 if reverse else 0]
        sql = f"SELECT {_OVERVIEW} FROM saved {where} ORDER BY {order} LIMIT ? OFFSET ?"
        rows = self._guarded(
            lambda: self.connection.execute(sql, (*values, limit, offset)).fetchall()
        )
        return [self._overview(row) for row in rows]

    def position(self, text: str, sort: str, reverse: bool, file: str) -> int | None:
        """Where the row of ``file`` (a file name) stands in the filtered, sorted list."""
        where, values = _filter(text)
        order = SORTS[sort][1 if reverse else 0]
        sql = (
            f"SELECT number FROM (SELECT file, row_number() OVER "
            f"(ORDER BY {order}) - 1 AS number FROM saved {where}) WHERE file = ?"
        )
        found = self._guarded(
            lambda: self.connection.execute(sql, (*values, os.fsencode(file))).fetchone()
        )
        return None if found is None else int(found[0])

    def name_rows(self, wanted: str) -> list[NameRow]:
        """The rows :meth:`Store.find` would match ``wanted`` with at its first step that
        matches any (by name in any case, without accents, by id prefix, by the start of the
        name or of one of its words), and unreadable ones of that id: it then decides exactly
        as with every row. Each step but the last is an indexed lookup."""
        wanted = wanted.strip()
        folded = fold(wanted)
        values = {"cf": wanted.casefold(), "folded": folded, "wanted": wanted}
        steps = [
            "name_cf = :cf",
            "folded = :folded",
            "id >= :wanted AND id < :wanted || char(1114111) AND name IS NOT NULL",
            "folded >= :folded AND folded < :folded || char(1114111)",
            "instr(words, ' ' || :folded) > 0",
        ]
        if not _SAFE_ID.fullmatch(wanted):
            steps.pop(2)
        broken = "SELECT file, id, name, newest FROM saved WHERE name IS NULL AND id = :wanted"
        rows: list[tuple[bytes, str, str | None, float]] = []
        for step in steps:
            rows = self._select(
                f"SELECT file, id, name, newest FROM saved WHERE {step} "
                f"UNION ALL {broken} ORDER BY 4, 1",
                values,
            )
            if any(row[2] is not None for row in rows):
                break
        return [(Path(self._prefix + os.fsdecode(f)), i, n) for f, i, n, _newest in rows]

    def _select(self, sql: str, values: dict[str, Any] | tuple[Any, ...]) -> list[Any]:
        """All rows of a query (a damaged or stuck index is rebuilt and it is asked again)."""
        return self._guarded(lambda: self.connection.execute(sql, values).fetchall())

    def newest_rows(self) -> list[NameRow]:
        """The readable rows whose files were written last (``resume`` with no name)."""
        sql = (
            "SELECT file, id, name FROM saved WHERE name IS NOT NULL AND mtime_ns = "
            "(SELECT max(mtime_ns) FROM saved WHERE name IS NOT NULL) "
            f"ORDER BY {_LIST_ORDER}"
        )
        rows = self._guarded(lambda: self.connection.execute(sql).fetchall())
        return [(Path(self._prefix + os.fsdecode(f)), i, n) for f, i, n in rows]

    def folded_names(self) -> set[str]:
        """Every readable assessment's name, folded (to keep names unique on import)."""
        rows = self._guarded(
            lambda: self.connection.execute(
                "SELECT DISTINCT folded FROM saved WHERE folded IS NOT NULL"
            ).fetchall()
        )
        return {folded for (folded,) in rows}


_VERDICTS = (None, "go", "not_yet", "no_go")


def _sane(row: tuple[Any, ...]) -> bool:
    """The checks of the ``saved`` table, for the columns of :data:`_OVERVIEW`."""
    reassess = row[14]
    return (
        row[9] in _VERDICTS
        and row[10] in _VERDICTS
        and row[11] in _VERDICTS
        and row[6] >= 0
        and row[7] >= 0
        and row[13] >= 0
        and row[8] in (0, 1)
        and (reassess is None or _is_day(reassess))
    )


def _is_day(text: str) -> bool:
    from datetime import date

    try:
        return len(text) == 10 and date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _filter(text: str) -> tuple[str, tuple[str, ...]]:
    """``WHERE`` every word of ``text`` is in the row's folded name and file name."""
    words = tuple(fold(text).split())
    if not words:
        return "", ()
    return "WHERE " + " AND ".join(["instr(haystack, ?) > 0"] * len(words)), words
