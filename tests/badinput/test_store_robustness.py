"""The store under stress: killed writers, two writers, permissions, read-only and broken data dirs.

Interface and issue 3: writes are atomic (temp file, fsync, ``os.replace``), files 0600 and the
directory 0700; two processes never lose an answer; a file that cannot be read is reported by
name and reason, never overwritten or dropped, and the rest keeps working; older files load.
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from badinput_support import ROOT, assert_no_traceback, error_lines

from smreadiness.problems import ProblemsError
from smreadiness.store import Store, StoreError, read_assessment

GOOD_ANSWERS = '[answers]\n"purpose.goals" = "measurable"\n"resources.hours" = 4\n'


def _child(code: str) -> subprocess.Popen[str]:
    """A Python child with this test's environment (its SMREADINESS_DATA_DIR)."""
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------- (a) SIGKILL

_SAVER = """
import sys
from smreadiness.store import Store

store = Store()
aid = sys.argv[1] if len(sys.argv) > 1 else {aid!r}
PAD = "x" * 4_000  # small: the write is a large share of each save, so kills land in it

def bump(a):
    n = int(a.answers.get("test.counter", 0)) + 1
    return a.with_answer("test.counter", n).with_note("purpose.goals", f"{{n}}|{{PAD}}|{{n}}")

store.update(aid, bump)
print("ready", flush=True)
while True:
    store.update(aid, bump)
"""


def _counter(path: Path) -> int:
    """The file's counter, after checking the file is whole: counter and note agree."""
    assessment = read_assessment(path)
    n = int(assessment.answers.get("test.counter", 0))
    note = assessment.notes.get("purpose.goals", "")
    if n:
        assert note.startswith(f"{n}|") and note.endswith(f"|{n}"), "torn: note and counter differ"
        assert len(note) == 2 * len(str(n)) + 2 + 4_000, "torn: note has the wrong length"
    return n


def test_sigkill_during_saves_never_tears_the_file(isolated_dirs: Path) -> None:
    store = Store()
    created = store.create("Killed writer")
    path = store.path_for(created.id)
    rng = random.Random(20240611)
    last = _counter(path)
    kills = 25
    for _ in range(kills):
        child = _child(_SAVER.format(aid=created.id))
        try:
            assert child.stdout is not None
            ready, _, _ = select.select([child.stdout], [], [], 30)
            assert ready, "the saving child did not start"
            line = child.stdout.readline() if child.stdout else ""
            assert line.strip() == "ready", (line, child.stderr.read() if child.stderr else "")
            time.sleep(rng.uniform(0, 0.06))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            for stream in (child.stdout, child.stderr):
                if stream:
                    stream.close()
        now = _counter(path)  # parses, and is whole
        assert now >= last + 1, f"lost a completed save: counter went from {last} to {now}"
        last = now
        assert _mode(path) == 0o600
    assert last > kills
    # Killed writers may leave temp files; they are never assessments.
    entries = Store().entries()
    assert [e.id for e in entries] == [created.id], [(e.path.name, e.problem) for e in entries]


def test_stray_temp_files_are_not_listed(cli: Callable[..., Any], isolated_dirs: Path) -> None:
    store = Store()
    created = store.create("Real one")
    (isolated_dirs / f".{created.id}.toml.abc123.tmp").write_text("[answers]\n", "utf-8")
    (isolated_dirs / f".{created.id}.toml.def456.tmp").write_bytes(b"[meta]\nname = ")
    result = cli("list", "--format", "json")
    assert_no_traceback(result)
    assert result.code == 0, result.err
    assert [row["id"] for row in json.loads(result.out)] == [created.id]


# --------------------------------------------------------------------------- (b) two writers

_WRITER = """
import os, sys, time
from smreadiness.store import Store

aid, tag, go = sys.argv[1:4] if len(sys.argv) > 3 else ({aid!r}, {tag!r}, {go!r})
store = Store()
deadline = time.time() + 30
while not os.path.exists(go) and time.time() < deadline:
    time.sleep(0.001)
for i in range(30):
    store.update(aid, lambda a, i=i: a.with_answer(f"{{tag}}.q{{i}}", i))
print("done", flush=True)
"""


def test_two_writers_lose_no_answer(isolated_dirs: Path, tmp_path: Path) -> None:
    store = Store()
    created = store.create("Two writers")
    go = tmp_path / "go"
    children = [
        _child(_WRITER.format(aid=created.id, tag=tag, go=str(go))) for tag in ("one", "two")
    ]
    time.sleep(0.3)  # both children imported and waiting
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0 and out.strip() == "done", err[-2000:]
    answers = Store().load(created.id).answers
    expected = {f"{tag}.q{i}": i for tag in ("one", "two") for i in range(30)}
    missing = sorted(set(expected) - set(answers))
    assert not missing, f"lost {len(missing)} of 60 answers: {missing[:10]}"
    assert {k: answers[k] for k in expected} == expected


_IMPORTER = """
import os, sys, time
from smreadiness.store import Assessment, Store

tag, go = {tag!r}, {go!r}
store = Store()
deadline = time.time() + 30
while not os.path.exists(go) and time.time() < deadline:
    time.sleep(0.001)
for i in range(30):
    store.add(Assessment.new(f"{{tag}}-{{i}}")._replace(id=f"shared-{{i}}"))
print("done", flush=True)
"""


def test_two_importers_of_the_same_ids_keep_both(isolated_dirs: Path, tmp_path: Path) -> None:
    """``import`` keeps a file's id unless taken; two at once must not both think it is free."""
    Store().create("Seed")  # the data dir exists before the race starts
    go = tmp_path / "go"
    children = [_child(_IMPORTER.format(tag=tag, go=str(go))) for tag in ("one", "two")]
    time.sleep(0.3)
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0 and out.strip() == "done", err[-2000:]
    names = {e.assessment.name for e in Store().entries() if e.assessment}
    expected = {f"{tag}-{i}" for tag in ("one", "two") for i in range(30)}
    lost = sorted(expected - names)
    assert not lost, f"{len(lost)} of 60 imported assessments were overwritten: {lost[:8]}"


# --------------------------------------------------------------------------- (c) permissions


def test_saved_files_and_a_fresh_data_dir_are_owner_only(isolated_dirs: Path) -> None:
    assert not isolated_dirs.exists()
    store = Store()
    created = store.create("Private")
    assert _mode(isolated_dirs) == 0o700
    path = store.path_for(created.id)
    assert _mode(path) == 0o600
    store.update(created.id, lambda a: a.with_answer("purpose.goals", "vague"))
    assert _mode(path) == 0o600


def test_import_with_a_permissive_umask_is_still_owner_only(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    source = tmp_path / "answers.toml"
    source.write_text(GOOD_ANSWERS, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "smreadiness", "import", str(source)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
        timeout=60,
        preexec_fn=lambda: os.umask(0),
    )
    assert done.returncode == 0, done.stderr
    assert _mode(isolated_dirs) == 0o700
    saved = [p for p in isolated_dirs.iterdir() if p.suffix == ".toml"]
    assert len(saved) == 1 and _mode(saved[0]) == 0o600, [(p, oct(_mode(p))) for p in saved]


# --------------------------------------------------------------------------- (d) read-only


def _python_for_nobody(home: Path) -> tuple[list[str], dict[str, str]] | None:
    """A Python the ``nobody`` user can run with this checkout importable, or None."""
    import site

    paths = [str(ROOT), *site.getsitepackages()]
    candidates = [sys.executable, getattr(sys, "_base_executable", ""), shutil.which("python3.11")]
    candidates += ["/usr/bin/python3.11", "/usr/local/bin/python3.11"]
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        "PYTHONPATH": os.pathsep.join(paths),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    probe = "import smreadiness.cli, smreadiness.store, pydantic, rich, tomli_w, platformdirs"
    for candidate in dict.fromkeys(c for c in candidates if c):
        try:
            done = subprocess.run(
                [candidate, "-c", probe],
                capture_output=True,
                env=env,
                cwd=home,
                user=65534,
                group=65534,
                timeout=30,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return [candidate, "-m", "smreadiness"], env
    return None


@pytest.fixture
def world_tmp() -> Iterator[Path]:
    """A temporary folder any user can enter (pytest's own tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="smreadiness-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def _run_without_write_access(world_tmp: Path, data_dir: Path, *args: str) -> Any:
    """Run the CLI as a user who cannot write in ``data_dir`` (``nobody`` when we are root)."""
    cache = world_tmp / "cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    if os.geteuid() == 0:
        found = _python_for_nobody(world_tmp)
        if found is None:
            pytest.skip("no Python that the nobody user can run with this checkout")
        command, env = found
        kwargs: dict[str, Any] = {"user": 65534, "group": 65534}
    else:
        command, env = [sys.executable, "-m", "smreadiness"], dict(os.environ)
        kwargs = {}
    env.update(
        SMREADINESS_DATA_DIR=str(data_dir),
        SMREADINESS_CACHE_DIR=str(cache),
        SMREADINESS_CONFIG_DIR=str(cache / "config"),
    )
    done = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=world_tmp,
        timeout=60,
        **kwargs,
    )
    return type("Run", (), {"code": done.returncode, "out": done.stdout, "err": done.stderr})()


def _read_only_case(world_tmp: Path, exists: bool) -> tuple[Path, Path]:
    source = world_tmp / "answers.toml"
    source.write_text(GOOD_ANSWERS, "utf-8")
    source.chmod(0o644)
    locked = world_tmp / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    return source, (locked if exists else locked / "data")


@pytest.mark.parametrize("exists", [True, False], ids=["read-only-dir", "read-only-parent"])
def test_read_only_data_dir_gives_one_clear_line(world_tmp: Path, exists: bool) -> None:
    source, data_dir = _read_only_case(world_tmp, exists)
    result = _run_without_write_access(world_tmp, data_dir, "import", str(source))
    assert_no_traceback(result)
    assert result.code == 1, (result.code, result.out, result.err)
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert str(data_dir) in lines[0], lines
    assert "permission denied" in lines[0].lower(), lines
    assert not list(world_tmp.glob("locked/**/*.toml"))


# --------------------------------------------------------------------------- (e) broken files


def _broken_data_dir(data: Path, *, limits: bool = False) -> dict[str, bytes | None]:
    """Several broken files in the data dir; returns the bytes of everything there."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "broken.toml").write_bytes(b'[meta]\nname = "Broken\n[answers]\n')
    (data / "binary.toml").write_bytes(bytes(range(256)))
    (data / "empty.toml").write_bytes(b"")
    (data / "folder.toml").mkdir()
    (data / "latin.toml").write_bytes(b'[meta]\nname = "Caf\xe9"\n[answers]\n')
    if limits:  # past the parser's limits: nesting depth, digits of an integer
        (data / "nested.toml").write_text("[answers]\nx = " + "[" * 3000 + "]" * 3000 + "\n")
        (data / "digits.toml").write_text('[answers]\n"resources.hours" = ' + "9" * 5000 + "\n")
    return {path.name: path.read_bytes() if path.is_file() else None for path in data.iterdir()}


def _assert_untouched(data: Path, before: dict[str, bytes | None]) -> None:
    for name, content in before.items():
        path = data / name
        if content is None:
            assert path.is_dir(), f"{name} is no longer the directory it was"
        else:
            assert path.read_bytes() == content, f"{name} was modified"


def test_list_reports_broken_files_and_keeps_working(
    cli: Callable[..., Any], isolated_dirs: Path
) -> None:
    good = Store().create("Good company")
    before = _broken_data_dir(isolated_dirs, limits=True)
    result = cli("list", "--format", "json")
    assert_no_traceback(result)
    assert result.code == 0, result.err
    rows = {row["id"]: row for row in json.loads(result.out)}
    assert rows[good.id]["name"] == "Good company" and "verdict" in rows[good.id]
    errors = {key: row.get("error", "") for key, row in rows.items() if key != good.id}
    assert errors["broken"].startswith("unreadable: line 2: TOML syntax error: "), errors
    assert errors["binary"] == "unreadable: is a binary file, not TOML text", errors
    assert errors["empty"] == "unreadable: is empty", errors
    assert errors["folder"] == "unreadable: is a directory, not an assessment file", errors
    assert errors["latin"] == "unreadable: is not UTF-8 text (byte 18); save it as UTF-8", errors
    assert errors["nested"].startswith("unreadable: "), errors
    assert errors["digits"].startswith("unreadable: "), errors
    text = cli("list")
    assert_no_traceback(text)
    assert text.code == 0, text.err
    for key in ("broken", "binary", "empty", "folder", "latin", "nested", "digits", good.id):
        assert key in text.out, text.out
    assert text.out.count("unreadable") == 7, text.out
    _assert_untouched(isolated_dirs, before)


def test_broken_files_are_never_overwritten(
    cli: Callable[..., Any], isolated_dirs: Path, tmp_path: Path
) -> None:
    before = _broken_data_dir(isolated_dirs)
    store = Store()
    for name in ("broken", "binary", "empty", "latin"):
        with pytest.raises(ProblemsError):
            store.update(name, lambda a: a.with_answer("purpose.goals", "none"))
    # An import carrying the same id gets a new id instead of replacing the broken file.
    source = tmp_path / "answers.toml"
    source.write_text('[meta]\nid = "broken"\nname = "Same id"\n' + GOOD_ANSWERS, "utf-8")
    imported = cli("import", str(source))
    assert imported.code == 0, imported.err
    report = cli("report", "broken")
    assert_no_traceback(report)
    assert report.code != 0
    lines = error_lines(report)
    assert len(lines) == 1 and "broken.toml" in lines[0], lines
    _assert_untouched(isolated_dirs, before)
    names = {e.assessment.name for e in Store().entries() if e.assessment}
    assert "Same id" in names


# --------------------------------------------------------------------------- (f) old and extra


def test_old_format_file_loads_and_lists(cli: Callable[..., Any], isolated_dirs: Path) -> None:
    isolated_dirs.mkdir(parents=True)
    (isolated_dirs / "old-one.toml").write_text(GOOD_ANSWERS, "utf-8")
    loaded = Store().load("old-one")
    assert loaded.id == "old-one" and dict(loaded.answers)["resources.hours"] == 4
    result = cli("list", "--format", "json")
    assert result.code == 0, result.err
    (row,) = json.loads(result.out)
    assert row["id"] == "old-one" and "error" not in row and row["answered"] == 2, row
    report = cli("report", "old-one")
    assert report.code == 0, report.err


def test_unknown_keys_survive_an_update(isolated_dirs: Path) -> None:
    isolated_dirs.mkdir(parents=True)
    path = isolated_dirs / "future.toml"
    path.write_text(
        """
[meta]
schema_version = 1
id = "future"
name = "From a later minor version"
colour = "teal"
tags = ["workshop", "autumn"]

[answers]
"purpose.goals" = "vague"
"future.question" = "kept as written"

[notes]
"purpose.goals" = "ask Anna"

[state]
flagged = ["purpose.goals"]
skipped = []
zoom = 3

[[history]]
finished = 2024-05-01T10:00:00Z
verdict = "not_yet"
extra = "history field"

[plugin]
setting = true
nested = { deep = [1, 2, 3] }
""",
        "utf-8",
    )
    Store().update("future", lambda a: a.with_answer("resources.hours", 5))
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["answers"]["resources.hours"] == 5
    assert data["answers"]["future.question"] == "kept as written"
    assert data["answers"]["purpose.goals"] == "vague"
    assert data["meta"]["colour"] == "teal" and data["meta"]["tags"] == ["workshop", "autumn"]
    assert data["notes"] == {"purpose.goals": "ask Anna"}
    assert data["history"][0]["extra"] == "history field"
    assert data["plugin"] == {"setting": True, "nested": {"deep": [1, 2, 3]}}
    assert data["state"]["flagged"] == ["purpose.goals"]
    assert data["state"].get("zoom") == 3, f"unknown [state] key lost: {data['state']}"


# --------------------------------------------------------------------------- (g) newer schema


def test_newer_schema_file_is_listed_unreadable_and_never_overwritten(
    cli: Callable[..., Any], isolated_dirs: Path, tmp_path: Path
) -> None:
    isolated_dirs.mkdir(parents=True)
    path = isolated_dirs / "newer.toml"
    path.write_text(
        '[meta]\nschema_version = 99\nid = "newer"\nname = "From the future"\n' + GOOD_ANSWERS,
        "utf-8",
    )
    before = path.read_bytes()
    result = cli("list", "--format", "json")
    assert result.code == 0, result.err
    (row,) = json.loads(result.out)
    assert row["id"] == "newer"
    assert row["error"] == (
        "unreadable: meta.schema_version: written by a newer smreadiness (schema 99; this one "
        "reads up to 1); upgrade smreadiness to open it"
    ), row
    with pytest.raises(ProblemsError):
        Store().update("newer", lambda a: a.with_answer("purpose.goals", "none"))
    source = tmp_path / "same-id.toml"
    source.write_text('[meta]\nid = "newer"\n' + GOOD_ANSWERS, "utf-8")
    assert cli("import", str(source)).code == 0
    report = cli("report", "newer")
    assert_no_traceback(report)
    assert report.code != 0 and "schema 99" in report.err, report.err
    assert path.read_bytes() == before


# --------------------------------------------------------------------------- odd data dirs


def test_data_dir_that_is_a_file(cli: Callable[..., Any], tmp_path: Path) -> None:
    not_a_dir = tmp_path / "plain-file"
    not_a_dir.write_text("I am a file", "utf-8")
    source = tmp_path / "answers.toml"
    source.write_text(GOOD_ANSWERS, "utf-8")
    env = {"SMREADINESS_DATA_DIR": str(not_a_dir)}
    for args in (("list",), ("import", str(source))):
        result = cli(*args, env=env)
        assert_no_traceback(result)
        assert result.code == 1, (args, result.err)
        lines = error_lines(result)
        assert len(lines) == 1 and str(not_a_dir) in lines[0], (args, lines)
    assert not_a_dir.read_text("utf-8") == "I am a file"


def test_store_error_is_a_store_error_not_an_oserror(tmp_path: Path) -> None:
    """The API the TUI uses: file-system failures come as StoreError with the path in them."""
    not_a_dir = tmp_path / "plain-file"
    not_a_dir.write_text("x", "utf-8")
    with pytest.raises(StoreError) as caught:
        Store(not_a_dir).create("Nope")
    assert str(not_a_dir) in str(caught.value)
