"""An index of the saved assessments: an SQLite file in the cache directory, one row per file.

With thousands of saved assessments, reading and scoring every file (or parsing one big cache
document) on each start is what makes `list`, name lookups and the home screen slow. The index
keeps each file's overview (name, bank, progress, verdict so far, score, times, the file's
stamp) as a row, brings itself up to date with one pass over the directory that reads only the
files that changed, and answers every view with a query: a page of the home list, a filter, a
sort, the rows a name could mean.

The TOML files stay the truth: the index is rebuilt from them when it is missing, damaged,
stuck or of another version, and deleting the cache directory loses nothing. Two processes
updating it at once are safe (SQLite's write-ahead log, and short write transactions).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from smreadiness.index.saved import NameRow, SavedIndex

if TYPE_CHECKING:
    from smreadiness.listing import Overview
    from smreadiness.store import Assessment, Store

__all__ = [
    "NameRow",
    "SavedIndex",
    "find",
    "folded_names",
    "name_rows",
    "newest_rows",
    "overviews",
    "saved_index",
]


def saved_index(store: Store, language: str, quick: bool = False) -> SavedIndex:
    """The index of ``store``, brought up to date (a big first build shows progress on a
    terminal); ``quick`` skips looking for edits made in place (see
    :class:`~smreadiness.index.refresh.Scanned`). Raises
    :class:`~smreadiness.files.StoreError` when the directory cannot be listed."""
    from smreadiness.index.progress import TerminalProgress

    index = SavedIndex(store, language)
    with TerminalProgress() as shown:
        return index.refresh(shown.advance, shown.start, quick=quick)


def find(store: Store, language: str, wanted: str) -> Assessment:
    """:meth:`Store.find` through the index, as ``report NAME`` and the other commands look a
    name up.

    A quick pass over the directory (no ``stat`` of every file) brings in files added, removed
    or saved since; the assessment it leads to is read anyway, and kept only if it still
    answers to ``wanted``. Anything in doubt (a file edited in place, renamed, broken, or no
    single match) is looked up again after a full pass, so a stale row never decides.
    """
    from smreadiness.problems import ProblemsError
    from smreadiness.store import StoreError
    from smreadiness.store.store import AmbiguousError

    if store.holds_id(wanted):
        return store.find(wanted)  # an id: no index needed
    quick = saved_index(store, language, quick=True)
    try:
        found = store.find(wanted, lambda: quick.name_rows(wanted))
        if store.answers_to(found, wanted):
            return found
    except AmbiguousError:
        raise  # the choices are named, each still there (a name edited in place may be old)
    except (StoreError, ProblemsError):
        pass
    finally:
        quick.close()
    return store.find(wanted, lambda: name_rows(store, language, wanted))


def name_rows(store: Store, language: str, wanted: str) -> list[NameRow]:
    """What :meth:`Store.find` needs to look ``wanted`` up: only the rows it could match."""
    index = saved_index(store, language)
    try:
        return index.name_rows(wanted)
    finally:
        index.close()


def newest_rows(store: Store, language: str) -> list[NameRow]:
    """What :meth:`Store.most_recent` needs: the rows written last."""
    index = saved_index(store, language)
    try:
        return index.newest_rows()
    finally:
        index.close()


def overviews(store: Store, language: str) -> Iterator[Overview]:
    """Every saved file's overview, newest first (unreadable ones with their reason), read
    from the index as the caller consumes them: ``list`` streams its rows."""
    index = saved_index(store, language)
    try:
        yield from index.overviews()
    finally:
        index.close()


def folded_names(store: Store, language: str) -> set[str]:
    """Every readable assessment's name, folded (an import keeps names unique with it)."""
    index = saved_index(store, language)
    try:
        return index.folded_names()
    finally:
        index.close()
