"""The index file: an SQLite database in the cache directory, made anew whenever it is in doubt.

The TOML files are the truth; the index only saves time. So a file that is missing, damaged,
locked by another process for longer than :data:`BUSY_SECONDS`, of another schema version or
with a schema that is not exactly ours is deleted and built again, never an error. When no file
can be made at all (a read-only cache directory) the index lives in memory for this run.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from smreadiness import __version__

SCHEMA_VERSION = 1
"""``PRAGMA user_version`` of the index; another number means another format: rebuilt."""
BUSY_SECONDS = 2.0
"""How long to wait for another process's write before taking the index as stuck."""

_VERDICT = "IN ('go', 'not_yet', 'no_go')"
SCHEMA = (
    f"""CREATE TABLE saved (
    file BLOB PRIMARY KEY,
    size INTEGER,
    mtime_ns INTEGER,
    inode INTEGER,
    id TEXT NOT NULL,
    name TEXT,
    name_cf TEXT,
    folded TEXT,
    words TEXT,
    haystack TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    bank TEXT,
    language TEXT,
    made_in TEXT NOT NULL,
    created TEXT,
    updated TEXT,
    moment REAL NOT NULL,
    newest REAL NOT NULL,
    unreadable TEXT,
    bank_problem TEXT,
    answered INTEGER NOT NULL CHECK (answered >= 0),
    total INTEGER NOT NULL CHECK (total >= 0),
    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
    verdict TEXT CHECK (verdict {_VERDICT}),
    worst TEXT CHECK (worst {_VERDICT}),
    best TEXT CHECK (best {_VERDICT}),
    score INTEGER,
    answer_problems INTEGER NOT NULL CHECK (answer_problems >= 0),
    reassess TEXT CHECK (
        reassess IS NULL OR (length(reassess) = 10 AND date(reassess) IS reassess)
    ),
    rank INTEGER NOT NULL,
    progress REAL NOT NULL,
    json_head TEXT NOT NULL,
    json_tail TEXT NOT NULL,
    json_end TEXT
) STRICT""",
    "CREATE INDEX saved_newest ON saved (newest, file)",
    "CREATE INDEX saved_by_name ON saved (sort_name, newest, file)",
    "CREATE INDEX saved_by_progress ON saved (progress DESC, sort_name DESC, newest, file)",
    "CREATE INDEX saved_by_verdict ON saved (rank DESC, sort_name DESC, newest, file)",
    "CREATE INDEX saved_name_cf ON saved (name_cf)",
    "CREATE INDEX saved_folded ON saved (folded)",
    "CREATE INDEX saved_id ON saved (id)",
    "CREATE TABLE banks (spec TEXT PRIMARY KEY, stamp TEXT) STRICT",
    "CREATE TABLE facts (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
)


class Unusable(Exception):
    """The index file is not one this version can trust: it is made again."""


def connect(path: Path | None) -> sqlite3.Connection:
    """The index at ``path``, ready to use; rebuilt when in doubt, in memory when ``path`` is
    None or no file can be made there."""
    if path is not None:
        for _attempt in range(2):
            try:
                return _open(path)
            except (sqlite3.Error, Unusable, UnicodeError):
                remove(path)
            except OSError:
                break
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _create(connection)
    return connection


def remove(path: Path) -> None:
    """Delete the index and its write-ahead log; another process still holding it open keeps
    its own (now nameless) copy."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def _open(path: Path) -> sqlite3.Connection:
    from smreadiness.files import StoreError, ensure_dir

    try:
        ensure_dir(path.parent)
    except StoreError as error:
        raise OSError(str(error)) from None
    _make_owner_only(path)
    connection = sqlite3.connect(
        path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        # Room for the indexes while 50,000 rows go in (a limit, not an allocation): with
        # SQLite's default 2 MiB the first index of a big directory spent 14 s of 17 on them.
        connection.execute("PRAGMA cache_size = -65536")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            connection.execute("BEGIN IMMEDIATE")
            try:  # another process may have made it while this one waited for the lock
                if connection.execute("PRAGMA user_version").fetchone()[0] == 0:
                    _create(connection)
            finally:
                connection.execute("COMMIT")
        elif version != SCHEMA_VERSION:
            raise Unusable(f"schema version {version}")
        _check(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _make_owner_only(path: Path) -> None:
    """Create the file owner-only (SQLite gives its log files the same mode); refuse a link,
    a FIFO or a device put in its place."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as error:
        if os.path.lexists(path):
            raise Unusable(str(error)) from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Unusable("not a regular file")
    finally:
        os.close(fd)


def _create(connection: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        connection.execute(statement)
    connection.execute("INSERT INTO facts VALUES ('app', ?)", (__version__,))
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _check(connection: sqlite3.Connection) -> None:
    """The schema must be exactly ours (a planted index with looser checks is not trusted); rows
    scored by another version of the app are scored again."""
    found = {
        sql for (sql,) in connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
    }
    if found != set(SCHEMA):
        raise Unusable("not our schema")
    app = connection.execute("SELECT value FROM facts WHERE key = 'app'").fetchone()
    if app is None or app[0] != __version__:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("DELETE FROM saved")
        connection.execute("DELETE FROM banks")
        connection.execute("INSERT OR REPLACE INTO facts VALUES ('app', ?)", (__version__,))
        connection.execute("COMMIT")
