"""Safe to share: files others send, caches, settings and outputs cannot be turned against the
host. Each case runs the command as a user would and checks the exit code, one clear line, no
traceback, and that nothing on disk was lost or half-written.

The cases named in the "safe to share" report come first; then families of hostile values, then
property tests (hypothesis) over answers files, banks, caches and settings.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from badinput_support import BUNDLED_BANK, assert_no_traceback, error_lines

from smreadiness.cachefile import FORMAT, digest, read_cache
from tests.conftest import Run

GOOD_ANSWERS = '[answers]\n"purpose.goals" = "measurable"\n"purpose.growth" = "grow"\n'


def _in_process(*args: str) -> tuple[int, str, str]:
    """The command in this process (hypothesis runs hundreds): exit code, stdout, stderr."""
    import contextlib
    import io

    from smreadiness.cli import main

    out, err = io.TextIOWrapper(io.BytesIO(), "utf-8"), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    out.flush()
    out.seek(0)
    return code, out.read(), err.getvalue()


@pytest.fixture
def quick() -> Callable[..., Run]:
    """``quick(*args)``: the command run in this process (the families below have hundreds of
    cases; a subprocess each would cost minutes). A traceback fails the test as it would fail
    the user."""

    def go(*args: str) -> Run:
        return Run(*_in_process(*args))

    return go


def _file(tmp_path: Path, text: str | bytes, name: str = "sent.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def _one_line(result: Any, code: int, *needles: str) -> str:
    """Exactly one error line, naming what it must; returns it."""
    assert_no_traceback(result)
    lines = error_lines(result)
    assert result.code == code, (result.code, result.err[-1500:])
    assert len(lines) == 1, lines[:5]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert len(lines[0]) < 400, lines[0][:500]
    return lines[0]


def _saved(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*.toml")) if data_dir.exists() else []


# ----------------------------------------------------------------------------- dates and [meta]

FAR_FUTURE = "9999-12-31T23:59:59-23:59"

BAD_MOMENTS = {
    "overflowing-offset": FAR_FUTURE,  # a TOML date-time: astimezone() overflowed on it
    "year-one-east": "0001-01-01T00:00:00+23:59",
    "year-3000": "3000-01-01T00:00:00Z",
    "year-3000-once-in-utc": "2999-12-31T23:59:59-23:59",
    "before-1970": "1969-12-31T23:59:59Z",
    "local-time-only": "12:00:00",
    "text-impossible": '"9999-99-99"',
    "text-month-13": '"2026-13-01"',
    "text-feb-30": '"2026-02-30"',
    "text-word": '"yesterday"',
    "text-empty": '""',
    "text-offset-25h": '"2026-11-23T10:00:00+25:00"',
    "text-long": '"' + "2026-11-23T10:00:00Z" * 10 + '"',
    "text-far-future": f'"{FAR_FUTURE}"',
    "number": "5",
    "bool": "true",
    "list": "[2026]",
    "table": "{ year = 2026 }",
}


@pytest.mark.parametrize("key", ["created", "updated"])
@pytest.mark.parametrize("value", BAD_MOMENTS.values(), ids=BAD_MOMENTS.keys())
@pytest.mark.parametrize("command", ["score", "import"])
def test_bad_dates_are_one_line_and_nothing_is_saved(
    quick: Callable[..., Run],
    isolated_dirs: Path,
    tmp_path: Path,
    command: str,
    key: str,
    value: str,
) -> None:
    path = _file(tmp_path, f"[meta]\n{key} = {value}\n\n{GOOD_ANSWERS}")
    _one_line(quick(command, str(path)), 3, f"meta.{key}")
    assert _saved(isolated_dirs) == []


GOOD_MOMENTS = {
    "local-date": "2026-11-23",
    "local-date-time": "2026-11-23T10:00:00",
    "offset-text": '"2026-11-23T10:00:00+02:00"',
    "first-allowed": "1970-01-01T00:00:00Z",
    "last-allowed-far-west": "2999-12-31T00:00:00+23:59",
}


@pytest.mark.parametrize("value", GOOD_MOMENTS.values(), ids=GOOD_MOMENTS.keys())
def test_real_dates_import_and_list(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, value: str
) -> None:
    path = _file(tmp_path, f"[meta]\ncreated = {value}\nupdated = {value}\n\n{GOOD_ANSWERS}")
    assert run("import", str(path)).code == 0
    listed = run("list", "--format", "json")
    assert listed.code == 0, listed.err
    assert [row["name"] for row in json.loads(listed.out)] == ["sent"]


def test_far_future_file_in_the_data_dir_is_listed_unreadable(
    run: Callable[..., Any], isolated_dirs: Path
) -> None:
    """The file that made the home screen unusable for everyone: now one unreadable row."""
    isolated_dirs.mkdir(parents=True)
    planted = isolated_dirs / "planted.toml"
    planted.write_text(f"[meta]\nupdated = {FAR_FUTURE}\n\n{GOOD_ANSWERS}", "utf-8")
    before = planted.read_bytes()
    listed = run("list", "--format", "json")
    assert listed.code == 0, listed.err
    (row,) = json.loads(listed.out)
    assert row["name"] is None
    assert "unreadable" in row["error"] and "meta.updated" in row["error"]
    assert planted.read_bytes() == before


BAD_VERSIONS = {
    "negative": "-5",
    "zero": "0",
    "text": '"1"',
    "float": "1.5",
    "bool": "true",
    "newer": "2",
    "huge": "1" + "0" * 30,
    "list": "[1]",
}


@pytest.mark.parametrize("value", BAD_VERSIONS.values(), ids=BAD_VERSIONS.keys())
@pytest.mark.parametrize("command", ["score", "import"])
def test_bad_schema_versions(
    quick: Callable[..., Run], isolated_dirs: Path, tmp_path: Path, command: str, value: str
) -> None:
    path = _file(tmp_path, f"[meta]\nschema_version = {value}\n\n{GOOD_ANSWERS}")
    line = _one_line(quick(command, str(path)), 3)
    assert "schema_version" in line or "number too long" in line, line
    assert _saved(isolated_dirs) == []


# ----------------------------------------------------------------------------- encodings, depth

ENCODED = {
    "utf-16-bom": (GOOD_ANSWERS.encode("utf-16"), "UTF-16"),
    "utf-16-le": (GOOD_ANSWERS.encode("utf-16-le"), "UTF-16"),
    "utf-16-be": (GOOD_ANSWERS.encode("utf-16-be"), "UTF-16"),
    "utf-32-bom": (GOOD_ANSWERS.encode("utf-32"), "UTF-32"),
    "latin-1": (('[meta]\nname = "Café"\n' + GOOD_ANSWERS).encode("latin-1"), "UTF-8"),
    "binary": (b"\x00\x01\x02\xff" * 50, "binary"),
}


@pytest.mark.parametrize("raw,named", ENCODED.values(), ids=ENCODED.keys())
@pytest.mark.parametrize("command", ["score", "import"])
def test_encodings_are_named(
    quick: Callable[..., Run],
    isolated_dirs: Path,
    tmp_path: Path,
    command: str,
    raw: bytes,
    named: str,
) -> None:
    _one_line(quick(command, str(_file(tmp_path, raw))), 3, named)
    assert _saved(isolated_dirs) == []


def _deep_header(depth: int) -> str:
    return f"{GOOD_ANSWERS}\n[x.{'.'.join(['a'] * depth)}]\nk = 1\n"


NESTED = {
    "table-990": _deep_header(990),
    "table-40": _deep_header(40),
    "array-990": GOOD_ANSWERS + "x = " + "[" * 990 + "]" * 990 + "\n",
    "array-40": GOOD_ANSWERS + "x = " + "[" * 40 + "]" * 40 + "\n",
    "inline-table-300": GOOD_ANSWERS + "x = " + "{a=" * 300 + "1" + "}" * 300 + "\n",
    "in-meta": "[meta]\nx = " + "[" * 100 + "]" * 100 + "\n" + GOOD_ANSWERS,
    "in-notes": GOOD_ANSWERS + '[notes]\n"purpose.goals" = ' + "[" * 100 + "]" * 100 + "\n",
    "in-history": GOOD_ANSWERS + "[[history]]\nanswers = " + "[" * 100 + "]" * 100 + "\n",
}


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
@pytest.mark.parametrize("command", ["score", "import"])
def test_deep_nesting_is_refused_before_it_can_recurse(
    quick: Callable[..., Run], isolated_dirs: Path, tmp_path: Path, command: str, text: str
) -> None:
    result = quick(command, str(_file(tmp_path, text)))
    assert result.code == 3, result.err
    assert len(error_lines(result)) >= 1
    assert _saved(isolated_dirs) == []


# ----------------------------------------------------------------------------- numbers and sizes

NUMBERS = ["1e308", "-1e308", "inf", "-inf", "nan", "1" + "0" * 30, "-" + "9" * 39, "1e15"]


@pytest.mark.parametrize("value", NUMBERS)
@pytest.mark.parametrize("question", ["resources.hours", "market.employees"])
def test_numbers_out_of_range_get_a_short_line(
    quick: Callable[..., Run], tmp_path: Path, question: str, value: str
) -> None:
    path = _file(tmp_path, f'[answers]\n"{question}" = {value}\n')
    line = _one_line(quick("score", str(path)), 3, question)
    assert len(line) < len(str(path)) + 120, line


def test_a_9_mb_note_is_refused_on_import_and_nothing_is_saved(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path, GOOD_ANSWERS + '[notes]\n"purpose.goals" = "' + "n" * 9_000_000 + '"\n')
    _one_line(run("import", str(path)), 3, "8 MiB")
    assert _saved(isolated_dirs) == []


@pytest.mark.parametrize("length,ok", [(1000, True), (200_000, True), (200_001, False)])
def test_note_length_cap_is_the_same_on_import_and_read(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, length: int, ok: bool
) -> None:
    path = _file(tmp_path, GOOD_ANSWERS + '[notes]\n"purpose.goals" = "' + "n" * length + '"\n')
    result = run("import", str(path))
    if ok:
        assert result.code == 0, result.err
        (saved,) = _saved(isolated_dirs)
        assert run("report", str(saved)).code == 0  # what was imported reads back
    else:
        _one_line(result, 3, 'notes."purpose.goals"', "200,000")
        assert _saved(isolated_dirs) == []


def test_a_save_that_would_be_too_large_to_read_back_is_refused(isolated_dirs: Path) -> None:
    from smreadiness.store import Store, StoreError
    from smreadiness.store.store import dump

    store = Store()
    created = store.create("Big")
    # Control characters triple in size when written as TOML escapes.
    huge = created._replace(extra={"pasted": "\x01" * 1_500_000})
    with pytest.raises(StoreError, match="MiB"):
        dump(huge)
    with pytest.raises(StoreError):
        store.save(huge)
    assert "pasted" not in store.path_for(created.id).read_text("utf-8")


# ----------------------------------------------------------------------------- invisible text

INVISIBLE = [
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x2028,
    0x2029,
    0xFEFF,
    0x061C,
]


@pytest.mark.parametrize("code", INVISIBLE, ids=[f"U+{c:04X}" for c in INVISIBLE])
@pytest.mark.parametrize("how", ["score", "report-md", "list"])
def test_invisible_and_bidi_characters_are_shown_escaped(
    quick: Callable[..., Run], isolated_dirs: Path, tmp_path: Path, code: int, how: str
) -> None:
    char = chr(code)
    name = f"Good{char}Bakery"
    doc = {"meta": {"name": name}, "answers": {"purpose.goals": "vague"}}
    path = _file(tmp_path, tomli_w.dumps(doc))
    if how == "score":
        result = quick("score", str(path))
    elif how == "report-md":
        result = quick("report", str(path), "--format", "md")
    else:
        assert quick("import", str(path)).code == 0
        result = quick("list")
    assert result.code == 0, result.err
    assert char not in result.out
    assert f"\\u{code:04x}" in result.out


def test_json_keeps_the_name_but_escapes_it(run: Callable[..., Any], tmp_path: Path) -> None:
    name = "A\u202eB\u200bC\u2028D"
    path = _file(tmp_path, tomli_w.dumps({"meta": {"name": name}, "answers": {}}))
    result = run("score", str(path), "--format", "json")
    assert result.code == 0, result.err
    assert "\u202e" not in result.out and "\u2028" not in result.out
    assert json.loads(result.out)["name"] == name


# ----------------------------------------------------------------------------- writing: -o


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    return _file(tmp_path, '[meta]\nname = "Out"\n\n' + GOOD_ANSWERS, "answers.toml")


def test_report_to_dev_full_fails_with_one_line(run: Callable[..., Any], answers: Path) -> None:
    _one_line(run("report", str(answers), "-o", "/dev/full"), 1, "/dev/full", "space")


def test_report_to_stdout_that_is_full_fails(run: Callable[..., Any], answers: Path) -> None:
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "smreadiness", "report", str(answers)],
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len([line for line in done.stderr.splitlines() if line.strip()]) == 1


@pytest.mark.parametrize("command", ["report", "export"])
def test_empty_output_path_is_a_usage_error(
    run: Callable[..., Any], isolated_dirs: Path, answers: Path, command: str
) -> None:
    assert run("import", str(answers)).code == 0
    target = str(answers) if command == "report" else "Out"
    result = run(command, target, "-o", "")
    assert result.code == 2
    assert "empty path" in result.err


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_to_a_fifo_writes_through(
    run: Callable[..., Any], isolated_dirs: Path, answers: Path, tmp_path: Path, command: str
) -> None:
    assert run("import", str(answers)).code == 0
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    target = str(answers) if command == "report" else "Out"
    result = run(command, target, "-o", str(fifo))
    reader.join(timeout=60)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a FIFO, not replaced by a file
    assert b"Out" in received[0]


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_dash_is_stdout(
    run: Callable[..., Any], isolated_dirs: Path, answers: Path, command: str
) -> None:
    assert run("import", str(answers)).code == 0
    target = str(answers) if command == "report" else "Out"
    result = run(command, target, "-o", "-")
    assert result.code == 0, result.err
    assert "Out" in result.out
    assert not Path("-").exists()


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_to_a_directory_is_refused(
    run: Callable[..., Any], isolated_dirs: Path, answers: Path, tmp_path: Path, command: str
) -> None:
    assert run("import", str(answers)).code == 0
    target = str(answers) if command == "report" else "Out"
    _one_line(run(command, target, "-o", str(tmp_path)), 1, "directory")


def test_output_into_a_missing_folder_fails_and_creates_nothing(
    run: Callable[..., Any], answers: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nope" / "r.txt"
    _one_line(run("report", str(answers), "-o", str(out)), 1)
    assert not out.parent.exists()


def test_output_through_a_symlink_replaces_the_file_it_points_to(
    run: Callable[..., Any], answers: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run("report", str(answers), "-o", str(link)).code == 0
    assert link.is_symlink()
    assert "Out" in real.read_text("utf-8")


def test_output_replaces_a_regular_file_whole(
    run: Callable[..., Any], answers: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    out.write_text("x" * 100_000, "utf-8")
    assert run("report", str(answers), "--format", "json", "-o", str(out)).code == 0
    assert json.loads(out.read_text("utf-8"))["name"] == "Out"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# ----------------------------------------------------------------------------- caches


def _damaged_payloads() -> dict[str, bytes]:
    deep = b"[" * 100_000 + b"]" * 100_000
    structured = json.dumps({"id": 5, "questions": "nope"}).encode()
    return {
        "empty": b"",
        "list": b"[]",
        "null": b"null",
        "deep": deep,
        "surrogate": b'{"id": "\\ud800"}',
        "random": os.urandom(4096),
        "header-only": FORMAT + b" " + b"0" * 40 + b"\n",
        "wrong-hash": FORMAT + b" " + digest(b"other").encode() + b"\n" + structured,
        "right-hash-wrong-shape": FORMAT + b" " + digest(structured).encode() + b"\n" + structured,
        "right-hash-deep": FORMAT + b" " + digest(deep).encode() + b"\n" + deep,
        "right-hash-null": FORMAT + b" " + digest(b"null").encode() + b"\nnull",
    }


DAMAGED = _damaged_payloads()


@pytest.mark.parametrize("payload", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_bank_cache_is_rebuilt(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, answers: Path, payload: bytes
) -> None:
    first = run("score", str(answers), "--format", "json")
    assert first.code == 0, first.err
    caches = list((tmp_path / "cache" / "banks").glob("*.json"))
    assert caches
    for cache in caches:
        cache.write_bytes(payload)
    again = run("score", str(answers), "--format", "json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == json.loads(first.out)
    assert all(isinstance(read_cache(cache), dict) for cache in caches)  # rebuilt


def _index_file(tmp_path: Path) -> Path:
    (index,) = (tmp_path / "cache").glob("index-*.sqlite3")
    return index


@pytest.mark.parametrize("payload", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_index_is_rebuilt(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, answers: Path, payload: bytes
) -> None:
    assert run("import", str(answers)).code == 0
    first = run("list", "--format", "json")
    index = _index_file(tmp_path)
    for leftover in index.parent.glob(index.name + "-*"):
        leftover.unlink()
    index.write_bytes(payload)
    again = run("list", "--format", "json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == json.loads(first.out)
    assert run("report", json.loads(first.out)[0]["name"], "--format", "json").code == 0


def _tamper(index: Path, *statements: str) -> None:
    """Change the index behind the app's back, its checks turned off."""
    import sqlite3

    connection = sqlite3.connect(index, isolation_level=None)
    connection.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        connection.execute(statement)
    connection.close()


TAMPERED: dict[str, tuple[str, ...]] = {
    "verdict-unknown": ("UPDATE saved SET verdict = 'maybe', worst = 'maybe'",),
    "answered-negative": ("UPDATE saved SET answered = -1",),
    "reassess-not-a-date": ("UPDATE saved SET reassess = 'soon'",),
    "other-version": ("PRAGMA user_version = 99",),
    "other-schema": ("DROP INDEX saved_folded", "CREATE INDEX saved_folded ON saved (name)"),
    "looser-table": (
        "ALTER TABLE saved RENAME TO old",
        "CREATE TABLE saved AS SELECT * FROM old",
        "DROP TABLE old",
    ),
    "other-app-version": ("UPDATE facts SET value = '0.0.1' WHERE key = 'app'",),
    "invalid-utf8-name": ("UPDATE saved SET name = CAST(x'ff41fe' AS TEXT)",),
}


@pytest.mark.parametrize("statements", TAMPERED.values(), ids=TAMPERED.keys())
def test_index_rows_that_break_its_checks_are_read_again(
    run: Callable[..., Any],
    isolated_dirs: Path,
    tmp_path: Path,
    answers: Path,
    statements: tuple[str, ...],
) -> None:
    assert run("import", str(answers)).code == 0
    first = run("list", "--format", "json")
    _tamper(_index_file(tmp_path), *statements)
    again = run("list", "--format", "json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == json.loads(first.out)
    text = run("list")
    assert text.code == 0, text.err
    assert run("report", json.loads(first.out)[0]["name"], "--format", "json").code == 0


def test_a_name_planted_in_the_index_cannot_reach_the_terminal_raw(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, answers: Path
) -> None:
    """A row whose name holds terminal escapes (the file itself unchanged) is shown escaped,
    like any name: the index is never trusted to hold printable text."""
    assert run("import", str(answers)).code == 0
    assert run("list").code == 0
    planted = "UPDATE saved SET name = 'Evil' || char(27) || ']52;c;x' || char(7)"
    _tamper(_index_file(tmp_path), planted)
    shown = run("list")
    assert shown.code == 0, shown.err
    assert "\x1b" not in shown.out and "\x07" not in shown.out


def test_deleting_the_cache_directory_loses_nothing(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, answers: Path
) -> None:
    import shutil

    assert run("import", str(answers)).code == 0
    first = run("list", "--format", "json")
    shutil.rmtree(tmp_path / "cache")
    again = run("list", "--format", "json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == json.loads(first.out)


# ----------------------------------------------------------------------------- directories


@pytest.mark.parametrize("relative", ["new/deeper/dir", "a/b", "one"])
def test_every_directory_the_app_creates_is_owner_only(
    run: Callable[..., Any], tmp_path: Path, answers: Path, relative: str
) -> None:
    env = {
        "SMREADINESS_DATA_DIR": relative,
        "SMREADINESS_CACHE_DIR": "",
        "SMREADINESS_CONFIG_DIR": str(tmp_path / "config"),
    }
    old = os.umask(0o022)
    try:
        result = run("import", str(answers), env=env, cwd=tmp_path)
    finally:
        os.umask(old)
    assert result.code == 0, result.err
    made = tmp_path / relative
    chain = [made, *[p for p in made.parents if tmp_path in p.parents]]
    for folder in [*chain, made / ".cache"]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


# ----------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    "lang,word", [("fi_FI.UTF-8", "Sosiaalisen median"), ("sv_SE.UTF-8", "sociala medier")]
)
def test_a_file_without_language_follows_the_environment(
    run: Callable[..., Any], isolated_dirs: Path, answers: Path, lang: str, word: str
) -> None:
    result = run("report", str(answers), env={"LANG": lang})
    assert result.code == 0, result.err
    assert word in result.out
    as_json = run("report", str(answers), "--format", "json", env={"LANG": lang})
    assert json.loads(as_json.out)["language"] == lang[:2]
    assert run("import", str(answers), env={"LANG": lang}).code == 0
    (saved,) = _saved(isolated_dirs)
    assert "language" not in saved.read_text("utf-8")  # import keeps it following
    english = run("report", "Out", "--lang", "en")
    assert "Social media" in english.out


def test_a_file_that_names_its_language_keeps_it(run: Callable[..., Any], tmp_path: Path) -> None:
    path = _file(tmp_path, '[meta]\nlanguage = "sv"\n\n' + GOOD_ANSWERS)
    result = run("report", str(path), env={"LANG": "fi_FI.UTF-8"})
    assert "sociala medier" in result.out


# ----------------------------------------------------------------------------- settings file

CONFIGS: dict[str, bytes] = {
    "empty": b"",
    "binary": b"\x00\xff" * 100,
    "utf-16": '[tui]\ntheme = "nord"\n'.encode("utf-16"),
    "deep": b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "deep-table": ("[" + ".".join(["a"] * 500) + "]\n").encode(),
    "section-not-table": b"tui = 5\n",
    "theme-not-text": b"[tui]\ntheme = 5\n",
    "syntax": b"[tui\n",
    "huge": b"# " + b"x" * (9 * 1024 * 1024) + b"\n",
}


@pytest.mark.parametrize("raw", CONFIGS.values(), ids=CONFIGS.keys())
def test_a_damaged_settings_file_is_read_as_no_settings_and_never_overwritten(
    isolated_dirs: Path, tmp_path: Path, raw: bytes
) -> None:
    from smreadiness.settings import SettingsError, load_theme, save_theme, settings_path

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    assert load_theme() is None
    try:
        save_theme("nord")
    except SettingsError as error:
        assert str(path) in str(error)
        assert path.read_bytes() == raw  # left alone
    else:
        assert load_theme() == "nord"


# ----------------------------------------------------------------------------- properties

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    _TEXT,
    st.sampled_from(["measurable", "vague", "none", "grow", "known", "?", ""]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_TEXT, inner, max_size=3)),
    max_leaves=8,
)
_QUESTION_IDS = st.sampled_from(
    ["purpose.goals", "resources.hours", "market.employees", "message.pitch", "nope", "a.b"]
)
_DOCUMENTS = st.fixed_dictionaries(
    {},
    optional={
        "meta": st.dictionaries(
            st.sampled_from(
                ["name", "id", "created", "updated", "schema_version", "language", "bank"]
            ),
            _VALUES,
            max_size=4,
        ),
        "answers": st.one_of(st.dictionaries(_QUESTION_IDS, _VALUES, max_size=5), _VALUES),
        "notes": st.one_of(st.dictionaries(_QUESTION_IDS, _VALUES, max_size=2), _VALUES),
        "state": st.dictionaries(
            st.sampled_from(["flagged", "skipped", "current", "done", "fingerprints"]),
            _VALUES,
            max_size=3,
        ),
        "history": _VALUES,
    },
)


def _toml_or_none(document: dict[str, Any]) -> str | None:
    try:
        return tomli_w.dumps(document)
    except (TypeError, ValueError):
        return None  # not expressible in TOML (e.g. NaN keys): nothing to test


def _toml_bytes(document: dict[str, Any]) -> bytes:
    return (_toml_or_none(document) or "").encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=_DOCUMENTS)
def test_any_answers_file_scores_or_is_refused_in_lines(
    document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = _toml_or_none(document)
    if text is None:
        return
    path = tmp_path_factory.mktemp("doc") / "any.toml"
    path.write_text(text, "utf-8")
    code, out, err = _in_process("score", str(path), "--format", "json")
    assert code in (0, 3), (code, err)
    if code == 0:
        assert json.loads(out)["verdict"] in ("go", "not_yet", "no_go")
    else:
        lines = [line for line in err.splitlines() if line.strip()]
        assert 1 <= len(lines) <= 51
        assert all(line.startswith(str(path)) or line.startswith("...") for line in lines)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    cut=st.integers(min_value=0, max_value=200_000),
    noise=st.binary(max_size=64),
)
def test_any_damaged_bank_is_refused_in_lines(
    cut: int, noise: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    raw = BUNDLED_BANK.read_bytes()
    cut = cut % len(raw)
    damaged = raw[:cut] + noise + raw[cut + len(noise) :]
    path = tmp_path_factory.mktemp("bank") / "damaged.toml"
    path.write_bytes(damaged)
    code, _out, err = _in_process("questions", "validate", str(path))
    assert code in (0, 1, 3), (code, err[-500:])
    if code:
        assert err.strip()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(payload=st.one_of(st.binary(max_size=300), _VALUES.map(lambda v: json.dumps(v).encode())))
def test_any_bank_cache_content_is_a_miss_or_the_bank(
    payload: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from smreadiness.bank.loader import load_bank

    reference = load_bank()
    folder = tmp_path_factory.mktemp("cache")
    for signed in (payload, FORMAT + b" " + digest(payload).encode() + b"\n" + payload):
        cache = Path(os.environ["SMREADINESS_CACHE_DIR"]) / "banks"
        for existing in cache.glob("*.json"):
            existing.write_bytes(signed)
        bank = load_bank()
        assert [q.id for q in bank.questions] == [q.id for q in reference.questions]
    del folder


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=st.one_of(st.binary(max_size=200), _DOCUMENTS.map(_toml_bytes)))
def test_any_settings_file_never_breaks_start_up(raw: bytes) -> None:
    from smreadiness.settings import (
        SettingsError,
        load_language,
        load_theme,
        save_theme,
        settings_path,
    )

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    assert load_theme() is None or isinstance(load_theme(), str)
    assert load_language() is None or isinstance(load_language(), str)
    try:
        save_theme("nord")
    except SettingsError:
        assert path.read_bytes() == raw


# ----------------------------------------------------------------------------- file identity


def test_a_copied_file_is_its_own_assessment_and_never_writes_the_original(
    run: Callable[..., Any], isolated_dirs: Path, answers: Path
) -> None:
    """``cp alpha.toml backup.toml``: answering in the copy used to write into alpha.toml."""
    from smreadiness.session import Session
    from smreadiness.store import Store

    assert run("import", str(answers)).code == 0
    (original,) = _saved(isolated_dirs)
    copy = isolated_dirs / "backup.toml"
    copy.write_text(original.read_text("utf-8").replace('name = "Out"', 'name = "Copy"'))
    before = original.read_bytes()
    store = Store()
    found = store.find("Copy")
    assert found.id == "backup"
    from smreadiness.bank.loader import load_bank

    session = Session(store, found, load_bank())
    session.answer("resources.hours", 6)
    assert original.read_bytes() == before
    assert '"resources.hours" = 6' in copy.read_text("utf-8")
    assert 'id = "backup"' in copy.read_text("utf-8")


def test_a_file_whose_name_is_not_an_id_is_listed_unreadable_and_left_alone(
    run: Callable[..., Any], isolated_dirs: Path
) -> None:
    isolated_dirs.mkdir(parents=True)
    dropped = isolated_dirs / "Bakery Aurora.toml"
    dropped.write_text(GOOD_ANSWERS, "utf-8")
    listed = run("list", "--format", "json")
    (row,) = json.loads(listed.out)
    assert "import it instead" in row["error"]
    assert dropped.read_text("utf-8") == GOOD_ANSWERS


# ----------------------------------------------------------------------------- found by a hunt

ODD_BANKS = {
    "no-such-user": "~nosuchuser/b.toml",
    "name-too-long": "x" * 300,
    "path-too-long": "/tmp/" + "y" * 300 + ".toml",
}


@pytest.mark.parametrize("spec", ODD_BANKS.values(), ids=ODD_BANKS.keys())
def test_a_saved_file_naming_an_odd_bank_never_stops_the_list(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, spec: str
) -> None:
    isolated_dirs.mkdir(parents=True)
    text = tomli_w.dumps({"meta": {"name": "Odd", "bank": spec}, "answers": {}})
    (isolated_dirs / "odd.toml").write_text(text, "utf-8")
    (isolated_dirs / "fine.toml").write_text('[meta]\nname = "Fine"\n[answers]\n', "utf-8")
    listed = run("list", "--format", "json")
    assert listed.code == 0, listed.err
    rows = {row["id"]: row for row in json.loads(listed.out)}
    assert "bank unavailable" in rows["odd"]["error"]
    assert rows["fine"]["name"] == "Fine"
    _one_line(run("score", str(isolated_dirs / "odd.toml")), 3, "meta.bank")
    assert run("report", "Fine", "--format", "json").code == 0


@pytest.mark.parametrize("spec", ["x" * 300, "~nosuchuser/r.toml"])
@pytest.mark.parametrize("command", ["report", "history", "score"])
def test_odd_paths_as_arguments_are_one_line(
    run: Callable[..., Any], command: str, spec: str
) -> None:
    result = run(command, spec)
    assert result.code in (1, 3), result.err
    assert len(error_lines(result)) == 1


def test_a_header_like_line_of_a_million_spaces_is_read_at_once(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """The line locator's pattern backtracked for minutes on it (the subprocess would time
    out); now it is plain string work."""
    text = GOOD_ANSWERS + 'x = """\n[a' + " " * 1_000_000 + 'b\n"""\n'
    _one_line(run("score", str(_file(tmp_path, text))), 3, "unknown question 'x'")


def test_history_prints_a_hostile_verdict_harmlessly(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path
) -> None:
    hostile = "\x1b]0;PWNED\x07\x1b[2J\u202e"
    doc = {
        "meta": {"name": "Hist"},
        "answers": {"purpose.goals": "vague"},
        "history": [{"answers": {"purpose.goals": "vague"}, "verdict": hostile}],
    }
    assert run("import", str(_file(tmp_path, tomli_w.dumps(doc)))).code == 0
    shown = run("history", "Hist")
    assert shown.code == 0, shown.err
    assert "\x1b" not in shown.out and "\x07" not in shown.out and "\u202e" not in shown.out


def test_a_renamed_import_of_a_longest_name_is_still_readable(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path, tomli_w.dumps({"meta": {"name": "N" * 200}, "answers": {}}))
    assert run("import", str(path)).code == 0
    assert run("import", str(path)).code == 0
    rows = json.loads(run("list", "--format", "json").out)
    assert all(row.get("name") for row in rows), rows
    assert sorted(len(row["name"]) for row in rows) == [200, 200]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link"])
def test_a_cache_that_is_a_fifo_or_a_device_is_ignored(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, answers: Path, kind: str
) -> None:
    assert run("import", str(answers)).code == 0
    assert run("list").code == 0
    cache = _index_file(tmp_path)
    for made in cache.parent.glob(cache.name + "*"):
        made.unlink()
    if kind == "fifo":
        os.mkfifo(cache)
    else:
        cache.symlink_to("/dev/zero")
    listed = run("list", "--format", "json")  # the subprocess timeout catches a hang
    assert listed.code == 0
    assert [row["name"] for row in json.loads(listed.out)] == ["Out"]


def test_output_that_is_not_utf8_gets_escapes_not_a_traceback(
    run: Callable[..., Any], answers: Path
) -> None:
    result = run("report", str(answers), env={"PYTHONIOENCODING": "ascii"})
    assert result.code == 0
    assert "Out" in result.out


def test_output_path_ending_in_a_slash_is_refused(
    run: Callable[..., Any], answers: Path, tmp_path: Path
) -> None:
    _one_line(run("report", str(answers), "-o", f"{tmp_path}/newdir/"), 1, "slash")
    assert not (tmp_path / "newdir").exists()


def test_a_lock_that_is_a_link_is_not_followed(
    run: Callable[..., Any], isolated_dirs: Path, tmp_path: Path, answers: Path
) -> None:
    isolated_dirs.mkdir(parents=True)
    target = tmp_path / "elsewhere"
    (isolated_dirs / ".lock").symlink_to(target)
    result = run("import", str(answers))
    assert result.code == 1
    assert not target.exists()


def test_a_translation_naming_a_path_as_its_base_is_checked_as_a_bank(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    overlay = _file(tmp_path, 'translation_of = "../../etc/x"\nlanguage = "fi"\n', "b.fi.toml")
    result = run("questions", "validate", str(overlay))
    assert result.code in (1, 3)
    assert error_lines(result)
