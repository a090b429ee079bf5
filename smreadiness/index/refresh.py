"""Bringing the index up to date: one directory pass, and only changed files read.

Each row keeps its file's stamp (size, modification time in ns, inode: every atomic save makes
a new inode, and an edit in place moves the size or the time). A row is read again when its
stamp moved, when its question bank's file changed (it is scored again), or when it holds a
problem worded in another language than the one asked for. Rows of files that are gone are
deleted. Files are read outside any transaction and written in short ones, so another process
reading or updating the index is never held up for long.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from smreadiness.i18n import _
from smreadiness.listing import Banks, Overview, overview
from smreadiness.store.store import SUFFIX, Store, fold
from smreadiness.verdicts import VERDICT_RANK

Progress = Callable[[int, int], None]
"""Told (files read so far, files to read) while a refresh reads files."""
Stamp = tuple[int, int, int]

CHUNK = 2_000
"""Rows written per transaction while reading many files."""
UNREADABLE_RANK = -2
NO_BANK_RANK = -1

_COLUMNS = (
    "file, size, mtime_ns, inode, id, name, name_cf, folded, words, haystack, sort_name, bank, "
    "language, made_in, created, updated, moment, newest, unreadable, bank_problem, answered, "
    "total, complete, verdict, worst, best, score, answer_problems, reassess, rank, progress, "
    "json_head, json_tail, json_end"
)
_INSERT = f"INSERT OR REPLACE INTO saved ({_COLUMNS}) VALUES ({', '.join('?' * 34)})"


class Scanned:
    """What one pass over the data directory found: each assessment file's name and stamp.

    ``quick`` skips the ``stat`` of every file (a fifth of a second at 50,000 files) and keeps
    only the inode the directory listing gives for free: enough to see files added, removed
    or saved by the app (every save writes a new file), not an edit made in place.
    """

    def __init__(self, root: Path, quick: bool = False) -> None:
        self.root = root
        self.quick = quick
        self.files: dict[bytes, Stamp | None] = {}
        try:
            with os.scandir(root) as entries:
                for entry in entries:
                    name = entry.name
                    if not name.endswith(SUFFIX) or name.startswith("."):
                        continue
                    self.files[os.fsencode(name)] = (
                        (-1, -1, entry.inode()) if quick else _stamp_of(entry)
                    )
        except FileNotFoundError:
            pass  # nothing saved yet

    def same(self, file: bytes, known: Stamp) -> bool | None:
        """Whether ``file`` still has the stamp ``known``; None when it is gone."""
        if file not in self.files:
            return None
        stamp = self.files[file]
        if stamp is None:
            return False
        return stamp[2] == known[2] if self.quick else stamp == known

    def stamp(self, file: bytes) -> Stamp | None:
        """The full stamp of a file about to be read (a quick pass stats it now)."""
        stamp = self.files.get(file)
        if self.quick and stamp is not None:
            try:
                stamp = _stamp_of(os.stat(self.root / os.fsdecode(file)))
            except OSError:
                stamp = None
            self.files[file] = stamp
        return stamp


def _stamp_of(entry: os.DirEntry[str] | os.stat_result) -> Stamp | None:
    try:
        info = entry.stat() if isinstance(entry, os.DirEntry) else entry
    except OSError:
        return None  # read again every time; the reader says why it fails
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class Plan(NamedTuple):
    """What a refresh has to do: files to read (new or changed), rows to drop."""

    scanned: Scanned
    wanted: list[bytes]
    vanished: list[bytes]
    banks: Banks
    stale_banks: set[str]
    folder: int | None = None
    """The directory's modification time before the pass, when old enough to trust later."""
    files: str | None = None
    """A digest of every file's name and stamp (and the language), when all are settled."""


FILES_KEY = "files"
FOLDER_KEY = "folder"
"""In ``facts``: the directory's modification time (ns) when the rows last matched its files.
While it stays the same no file was added, removed, renamed or saved by the app (every save
renames a new file into place), so a quick pass need not list the directory at all."""
_RACY_NS = 2_000_000_000
"""A directory changed this recently may change again within the same clock tick, unseen."""


def folder_stamp(root: Path) -> int | None:
    """The directory's modification time, if it is old enough to compare later."""
    try:
        changed = os.stat(root).st_mtime_ns
    except OSError:
        return None
    return changed if time.time_ns() - changed > _RACY_NS else None


def folder_unchanged(connection: sqlite3.Connection, root: Path) -> bool:
    """Nothing added, removed or saved in ``root`` since the rows were last made to match."""
    stamp = folder_stamp(root)
    if stamp is None:
        return False
    found = connection.execute("SELECT value FROM facts WHERE key = ?", (FOLDER_KEY,)).fetchone()
    return found is not None and found[0] == str(stamp)


def plan(connection: sqlite3.Connection, store: Store, language: str, quick: bool = False) -> Plan:
    """One pass over the directory, compared with the rows (nothing read or written yet);
    ``quick``: see :class:`Scanned`.

    Raises :class:`~smreadiness.files.StoreError` when the directory cannot be listed.
    """
    from smreadiness.files import describe_os_error

    folder = folder_stamp(store.root)
    try:
        scanned = Scanned(store.root, quick)
    except OSError as error:
        raise describe_os_error(error, store.root, _("list the directory")) from None
    banks = Banks(language)
    stale_banks = _stale_banks(connection, banks)
    files = None if quick else _files_digest(scanned, language)
    if files is not None and not stale_banks and _fact(connection, FILES_KEY) == files:
        return Plan(scanned, [], [], banks, stale_banks, folder, files)  # nothing moved
    known = connection.execute(
        "SELECT file, size, mtime_ns, inode, bank, made_in, "
        "unreadable IS NOT NULL OR bank_problem IS NOT NULL FROM saved"
    ).fetchall()
    wanted: list[bytes] = []
    vanished: list[bytes] = []
    for file, size, mtime_ns, inode, bank, made_in, worded in known:
        same = scanned.same(file, (size, mtime_ns, inode))
        if same is None:
            vanished.append(file)
        elif not same or bank in stale_banks or (worded and made_in != language):
            wanted.append(file)
    rows = {row[0] for row in known}
    wanted.extend(file for file in scanned.files if file not in rows)
    return Plan(scanned, wanted, vanished, banks, stale_banks, folder, files)


def apply(
    connection: sqlite3.Connection,
    store: Store,
    language: str,
    planned: Plan,
    progress: Progress | None = None,
) -> bool:
    """Do what ``planned`` says: drop the rows of files that are gone, read the new and changed
    files a chunk at a time (``progress`` is told after each). True when anything changed."""
    if planned.vanished:
        _write(connection, "DELETE FROM saved WHERE file = ?", [(f,) for f in planned.vanished])
    wanted = planned.wanted
    chunks = [wanted[start : start + CHUNK] for start in range(0, len(wanted), CHUNK)]
    done = 0
    for rows in _read_chunks(store, language, planned, chunks):
        _write(connection, _INSERT, rows)
        for spec in {row[11] for row in rows if row[11] is not None}:
            planned.banks.stamp(spec)  # kept below: a change to the bank scores them again
        done += len(rows)
        if progress is not None:
            progress(done, len(wanted))
    stamps = [(spec, json.dumps(stamp)) for spec, stamp in planned.banks.stamps.items()]
    if stamps and (wanted or planned.stale_banks):
        _write(connection, "INSERT OR REPLACE INTO banks VALUES (?, ?)", stamps)
    _note(connection, FOLDER_KEY, None if planned.folder is None else str(planned.folder))
    _note(connection, FILES_KEY, planned.files)
    return bool(wanted or planned.vanished)


PARALLEL_FROM = 2_000
"""Files to read from which a refresh reads them in several processes (one per core, at most
four): a first index of 50,000 files is mostly TOML parsing."""


def _read_chunks(
    store: Store, language: str, planned: Plan, chunks: list[list[bytes]]
) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of each chunk of files, in order: read here, or by worker processes when there
    are many files, more than one core, and this process has no other threads (a fork then
    copies nothing half-done; the screens' background refresh always reads here)."""
    import threading

    stamps = [[planned.scanned.stamp(file) for file in chunk] for chunk in chunks]
    cores = min(os.cpu_count() or 1, 4)
    many = sum(len(chunk) for chunk in chunks) >= PARALLEL_FROM
    if not many or cores < 2 or threading.active_count() > 1 or not hasattr(os, "fork"):
        for chunk, chunk_stamps in zip(chunks, stamps, strict=True):
            yield [
                _row(store, file, stamp, planned.banks, language)
                for file, stamp in zip(chunk, chunk_stamps, strict=True)
            ]
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
        work = [
            (str(store.root), language, chunk, s) for chunk, s in zip(chunks, stamps, strict=True)
        ]
        yield from pool.map(_rows_of, work)


def _rows_of(job: tuple[str, str, list[bytes], list[Stamp | None]]) -> list[tuple[Any, ...]]:
    """A worker process's share: the rows of one chunk of files."""
    root, language, files, stamps = job
    store, banks = Store(Path(root)), Banks(language)
    return [_row(store, f, s, banks, language) for f, s in zip(files, stamps, strict=True)]


def refresh(
    connection: sqlite3.Connection,
    store: Store,
    language: str,
    progress: Progress | None = None,
    before_reading: Callable[[int], None] | None = None,
    quick: bool = False,
) -> bool:
    """Make the index agree with the files of ``store`` (see the module's docstring).

    ``before_reading`` is told how many files are to be read before the first is (a caller
    shows progress only for a big build); ``progress`` after each chunk. True when anything
    changed. Raises :class:`~smreadiness.files.StoreError` when the directory cannot be listed.
    """
    if quick and folder_unchanged(connection, store.root):
        return False
    _drop_insane(connection)
    planned = plan(connection, store, language, quick)
    if before_reading is not None and planned.wanted:
        before_reading(len(planned.wanted))
    return apply(connection, store, language, planned, progress)


INSANE = """NOT (
    (verdict IS NULL OR verdict IN ('go', 'not_yet', 'no_go'))
    AND (worst IS NULL OR worst IN ('go', 'not_yet', 'no_go'))
    AND (best IS NULL OR best IN ('go', 'not_yet', 'no_go'))
    AND answered >= 0 AND total >= 0 AND answer_problems >= 0 AND complete IN (0, 1)
    AND (reassess IS NULL OR (length(reassess) = 10 AND date(reassess) IS reassess))
)"""
"""Rows that break the table's checks: only a file written with the checks turned off has
them. Dropped before each refresh, so their files are read again."""


def _drop_insane(connection: sqlite3.Connection) -> None:
    if connection.execute(f"SELECT EXISTS (SELECT 1 FROM saved WHERE {INSANE})").fetchone()[0]:
        _write(connection, f"DELETE FROM saved WHERE {INSANE}", [()])
        _note(connection, FILES_KEY, None)  # their files are to be read again


def _fact(connection: sqlite3.Connection, key: str) -> str | None:
    found = connection.execute("SELECT value FROM facts WHERE key = ?", (key,)).fetchone()
    return None if found is None else str(found[0])


def _note(connection: sqlite3.Connection, key: str, value: str | None) -> None:
    """Keep a fact for the next pass (written only when it changed: a ``list`` that finds
    nothing new writes nothing)."""
    now = _fact(connection, key)
    if value is None and now is not None:
        _write(connection, "DELETE FROM facts WHERE key = ?", [(key,)])
    elif value is not None and now != value:
        _write(connection, "INSERT OR REPLACE INTO facts VALUES (?, ?)", [(key, value)])


def _files_digest(scanned: Scanned, language: str) -> str | None:
    """One digest of every file's name and stamp, and the language: when it is the one kept
    after the last pass, no row can differ from its file, and the rows need not be compared
    one by one. None while any file is unreadable or changed too recently to trust."""
    import hashlib

    settled = time.time_ns() - _RACY_NS
    parts = []
    for name, stamp in scanned.files.items():
        if stamp is None or stamp[1] > settled:
            return None
        parts.append(b"%b/%d/%d/%d" % (name, *stamp))
    parts.sort()
    parts.append(language.encode())
    return hashlib.blake2b(b"\n".join(parts), digest_size=16).hexdigest()


def _stale_banks(connection: sqlite3.Connection, banks: Banks) -> set[str]:
    """Banks whose file changed since their rows were scored (those rows are scored again)."""
    stale = set()
    for spec, stored in connection.execute("SELECT spec, stamp FROM banks"):
        if json.dumps(banks.stamp(spec)) != stored:
            stale.add(spec)
    return stale


def _write(connection: sqlite3.Connection, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.executemany(sql, rows)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _row(
    store: Store, file: bytes, stamp: Stamp | None, banks: Banks, language: str
) -> tuple[Any, ...]:
    entry = store.entry(store.root / os.fsdecode(file))
    found = overview(entry, banks)
    assessment = entry.assessment
    when = found.updated_at
    moment = when.timestamp() if when else 0.0
    shown = found.name if found.name is not None else entry.path.name
    folded = fold(found.name) if found.name is not None else None
    size, mtime_ns, inode = stamp or (None, None, None)
    if mtime_ns is not None and time.time_ns() - mtime_ns < _RACY_NS:
        mtime_ns = -1  # changed within a clock tick of now: may change again unseen, so read again
    return (
        file,
        size,
        mtime_ns,
        inode,
        _text(found.id),
        _text(found.name),
        _text(found.name.casefold()) if found.name is not None else None,
        _text(folded),
        _text(" ".join(folded.replace("-", " ").split())) if folded is not None else None,
        _text(fold(f"{shown} {entry.path.name}")),
        _text(shown.casefold()),
        _text(assessment.bank) if assessment else None,
        _text(assessment.language) if assessment else None,
        language,
        assessment.created.isoformat() if assessment else None,
        found.updated,
        moment,
        -moment,
        _text(found.unreadable),
        _text(found.bank_problem),
        found.answered,
        found.total,
        int(found.complete),
        found.verdict,
        found.worst,
        found.best,
        found.score,
        found.answer_problems,
        found.reassess,
        rank(found),
        _progress(found),
        *_json_parts(found, os.fsdecode(file)),
    )


_FILE_MARK = "\x00FILE\x00"
_DUE_MARK = "\x00DUE\x00"


def _json_parts(found: Overview, file_name: str) -> tuple[str, str, str | None]:
    """The row ``list --format json`` prints, made once here and kept: what comes before the
    data directory's path, what comes after it, and what follows ``reassess_due`` (None when
    the row has none). The query puts the directory and the day's ``reassess_due`` between."""
    from smreadiness.listing import list_row
    from smreadiness.textsafe import escape_raw

    row = list_row(found._replace(path=_FILE_MARK + file_name), None)
    if "reassess_due" in row:
        row["reassess_due"] = _DUE_MARK
    text = escape_raw(json.dumps(row, ensure_ascii=False))
    head, tail = text.split(json.dumps(_FILE_MARK)[1:-1], 1)
    if "reassess_due" not in row:
        return _text(head) or "", _text(tail) or "", None
    tail, end = tail.rsplit(json.dumps(_DUE_MARK), 1)
    return _text(head) or "", _text(tail) or "", _text(end)


def _text(value: str | None) -> str | None:
    """Text SQLite can hold: a lone surrogate (from a ``\\ud800`` escape) is written escaped."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def rank(found: Overview) -> int:
    """For sorting by verdict: go highest, then not yet, no-go, open, bank missing, unreadable."""
    if found.unreadable is not None or found.name is None:
        return UNREADABLE_RANK
    if found.bank_problem is not None or found.worst is None or found.best is None:
        return NO_BANK_RANK
    if found.complete and found.verdict is not None:
        return VERDICT_RANK[found.verdict] * 2 + 1
    if found.decided:
        return VERDICT_RANK[found.worst] * 2 + 1
    return 0


def _progress(found: Overview) -> float:
    """Share answered, -1 when there is nothing to show (unreadable, or no bank)."""
    if rank(found) < 0 or not found.total:
        return -1.0
    return found.answered / found.total
