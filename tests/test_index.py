"""The index of saved assessments agrees with the files, whatever happens to them.

The TOML files are the truth; the index (an SQLite file in the cache directory) only saves
time. Random sequences of saves, edits made in place by other programs, copies, renames,
deletions and broken files, with the index refreshed in between (quickly or fully, by one or
two writers), must always leave ``list`` and name lookups answering as reading every file
would.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smreadiness.index import SavedIndex, find, saved_index
from smreadiness.listing import Banks, Overview, overview
from smreadiness.store import Assessment, Store, StoreError
from smreadiness.store.store import dump

NAMES = ["Café Mokka", "cafe mokka", "Bakery Aurora", "Aurora", "Mökki Sauna", "Kallio Books"]
ANSWER_SETS: list[dict[str, str | int]] = [
    {},
    {"purpose.goals": "vague"},
    {"purpose.goals": "clear", "market.industry": "contested"},
]


def truth(store: Store) -> list[Overview]:
    """What reading and scoring every file says, sorted by file."""
    banks = Banks("en")
    return sorted((overview(store.entry(path), banks) for path in store.files()), key=_file)


def _file(row: Overview) -> str:
    return row.path


def indexed(store: Store, quick: bool = False) -> list[Overview]:
    index = saved_index(store, "en", quick=quick)
    try:
        return sorted(index.overviews(), key=_file)
    finally:
        index.close()


def lookup(store: Store, name: str) -> str:
    """What a name lookup finds, as text: an id, or the kind of error."""
    try:
        return find(store, "en", name).id
    except StoreError as error:
        return type(error).__name__ + ": " + str(error)
    except Exception as error:  # noqa: BLE001 - the kind of failure is what is compared
        return type(error).__name__


def lookup_without_index(store: Store, name: str) -> str:
    try:
        return store.find(name).id
    except StoreError as error:
        return type(error).__name__ + ": " + str(error)
    except Exception as error:  # noqa: BLE001
        return type(error).__name__


operation = st.one_of(
    st.tuples(st.just("save"), st.integers(0, 5), st.integers(0, 2)),
    st.tuples(st.just("answer"), st.integers(0, 9), st.integers(0, 2)),
    st.tuples(st.just("edit-in-place"), st.integers(0, 9), st.integers(0, 5)),
    st.tuples(st.just("break"), st.integers(0, 9), st.just(0)),
    st.tuples(st.just("copy"), st.integers(0, 9), st.integers(0, 99)),
    st.tuples(st.just("rename"), st.integers(0, 9), st.integers(0, 99)),
    st.tuples(st.just("delete"), st.integers(0, 9), st.just(0)),
    st.tuples(st.just("refresh"), st.booleans(), st.just(0)),
)


def _edit_in_place(path: Path, number: int) -> None:
    """Another program rewrites the file where it is (same inode)."""
    text = path.read_text("utf-8", errors="replace")
    with open(path, "r+", encoding="utf-8") as handle:
        handle.write(text.replace("name = ", f"name = {NAMES[number]!r} #", 1))
        handle.truncate()


def _answer(store: Store, path: Path, number: int) -> None:
    try:
        store.update(path.stem, lambda a: a._replace(answers=ANSWER_SETS[number]))
    except Exception:  # noqa: BLE001, S110 - a broken file stays broken
        pass


CHANGES: dict[str, Any] = {
    "answer": _answer,
    "edit-in-place": lambda store, path, number: _edit_in_place(path, number),
    "break": lambda store, path, number: path.write_text("name = [", encoding="utf-8"),
    "copy": lambda store, path, number: (store.root / f"copy{number}.toml").write_bytes(
        path.read_bytes()
    ),
    "rename": lambda store, path, number: os.replace(path, store.root / f"moved{number}.toml"),
    "delete": lambda store, path, number: path.unlink(),
}


def apply(store: Store, step: tuple[str, Any, Any], clock: list[datetime]) -> None:
    kind, first, second = step
    clock[0] += timedelta(minutes=1)
    if kind == "save":
        made = Assessment.new(NAMES[first], bank="readiness")
        answers = ANSWER_SETS[second]
        store.save(made._replace(answers=answers, updated=clock[0], created=clock[0]), new=True)
    elif kind == "refresh":
        indexed(store, quick=first)
    elif files := store.files():
        CHANGES[kind](store, files[first % len(files)], second)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(operation, min_size=1, max_size=14))
def test_index_and_files_agree_after_any_sequence(tmp_path: Path, steps: list[Any]) -> None:
    folder = tmp_path / f"run-{os.urandom(4).hex()}"
    store = Store(folder / "data")
    os.environ["SMREADINESS_CACHE_DIR"] = str(folder / "cache")
    clock = [datetime(2025, 1, 1, tzinfo=UTC)]
    for step in steps:
        apply(store, step, clock)
    assert indexed(store) == truth(store)
    for name in [*NAMES, "aur", "mokka", "copy1", "moved"]:
        assert lookup(store, name) == lookup_without_index(store, name), name


def test_an_edit_in_place_within_the_same_clock_tick_is_seen(isolated_dirs: Path) -> None:
    """Same size, same inode, and a modification time the file system may not move: a file
    changed so recently is read again rather than trusted."""
    store = Store()
    saved = store.save(Assessment.new("Aaaa", bank="readiness"))
    assert [row.name for row in indexed(store)] == ["Aaaa"]
    path = store.path_for(saved.id)
    path.write_text(path.read_text("utf-8").replace("Aaaa", "Bbbb"), encoding="utf-8")
    assert [row.name for row in indexed(store)] == ["Bbbb"]
    assert find(store, "en", "Bbbb").id == saved.id
    with pytest.raises(StoreError):
        find(store, "en", "Aaaa")


def test_two_writers_at_once_lose_nothing(isolated_dirs: Path) -> None:
    """Two processes bringing one index up to date while files come and go (WAL, short
    transactions): afterwards it agrees with the files."""
    store = Store()
    for number in range(60):
        store.save(Assessment.new(f"Company {number}", bank="readiness"))
    failures: list[BaseException] = []

    def refresher() -> None:
        try:
            for _ in range(5):
                index = SavedIndex(store, "en").refresh()
                list(index.overviews())
                index.close()
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=refresher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for number in range(30):
        store.save(Assessment.new(f"Later {number}", bank="readiness"))
        if number % 3 == 0:
            store.files()[0].unlink()
    for thread in threads:
        thread.join()
    assert failures == []
    assert indexed(store) == truth(store)


def test_only_changed_files_are_read_again(isolated_dirs: Path, monkeypatch: Any) -> None:
    from smreadiness.index import refresh as refresh_module

    store = Store()
    for number in range(20):
        store.save(Assessment.new(f"Company {number}", bank="readiness"))
    for path in store.files():  # old enough to be trusted by its stamp
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    indexed(store)
    read: list[bytes] = []
    real = refresh_module._row

    def counting(store: Store, file: bytes, *rest: Any) -> Any:
        read.append(file)
        return real(store, file, *rest)

    monkeypatch.setattr(refresh_module, "_row", counting)
    assert len(indexed(store)) == 20
    assert read == []
    changed = store.files()[3]
    store.update(changed.stem, lambda a: a._replace(name="Changed"))
    assert len(indexed(store)) == 20
    assert read == [os.fsencode(changed.name)]


def test_a_name_lookup_on_a_big_archive_reads_only_the_file_it_names(
    isolated_dirs: Path, monkeypatch: Any
) -> None:
    store = Store()
    for number in range(50):
        store.save(Assessment.new(f"Company {number}", bank="readiness"))
    indexed(store)
    opened: list[Path] = []
    real = Store.read

    def counting(path: Path) -> Assessment:
        opened.append(path)
        return real(path)

    monkeypatch.setattr(Store, "read", staticmethod(counting))
    found = find(store, "en", "company 17")
    assert found.name == "Company 17"
    assert len(opened) == 1


def test_a_read_only_cache_directory_still_lists(isolated_dirs: Path, tmp_path: Path) -> None:
    store = Store()
    store.save(Assessment.new("Only", bank="readiness"))
    cache = tmp_path / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    cache.chmod(0o500)
    try:
        if os.access(cache, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        assert [row.name for row in indexed(store)] == ["Only"]
    finally:
        cache.chmod(0o700)


def test_dump_round_trip_is_what_the_index_reads(isolated_dirs: Path) -> None:
    """A file written with another program's layout (same content) is listed the same."""
    store = Store()
    saved = store.save(Assessment.new("Layout", bank="readiness"))
    path = store.path_for(saved.id)
    path.write_bytes(dump(saved).replace(b"\n", b"\n\n"))
    assert [row.name for row in indexed(store)] == ["Layout"]


def test_many_new_files_are_read_by_several_processes_to_the_same_rows(
    isolated_dirs: Path, monkeypatch: Any
) -> None:
    """From PARALLEL_FROM files on, a command reads them in worker processes; the index is the
    same as when one process reads them."""
    from smreadiness.index import refresh as refresh_module

    store = Store()
    for number in range(12):
        answers = ANSWER_SETS[number % len(ANSWER_SETS)]
        store.save(Assessment.new(f"Company {number}", bank="readiness")._replace(answers=answers))
    monkeypatch.setattr(refresh_module, "PARALLEL_FROM", 5)
    monkeypatch.setattr(refresh_module, "CHUNK", 4)
    monkeypatch.setattr("threading.active_count", lambda: 1)  # pytest's own threads aside
    readers = isolated_dirs.parent / "readers"
    real = refresh_module._rows_of

    def noting(job: Any) -> Any:
        with open(readers, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return real(job)

    noting.__qualname__ = noting.__name__ = "_rows_of"  # found by name in the workers
    noting.__module__ = refresh_module.__name__
    monkeypatch.setattr(refresh_module, "_rows_of", noting)
    assert indexed(store) == truth(store)
    pids = set(readers.read_text("utf-8").split())
    assert pids and str(os.getpid()) not in pids  # read by worker processes
