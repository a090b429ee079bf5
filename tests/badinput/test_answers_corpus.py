"""``smreadiness score FILE`` and ``smreadiness import FILE`` on a corpus of bad answers files.

Each case: exit 3, one stderr line per problem naming the file, the key (``answers."id"``) or
line, and what is expected; never a traceback; and ``import`` saves nothing.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from badinput_support import ROOT, assert_no_traceback, error_lines, line_of

from smreadiness.store import SCHEMA_VERSION

# (id, file content, expected stderr lines). In an expected line ``{p}`` is the file's path,
# ``{L:snippet}`` the number of the line holding ``snippet``, and ``{opt:snippet}`` an optional
# ``:line`` (for problems that name the key; a line number there is welcome but not required).
# Everything else is literal.
Case = tuple[str, str | bytes, list[str]]

GOALS = "expected one of measurable, vague, none"

CASES: list[Case] = [
    (
        "unknown-question",
        '[answers]\n"purpose.goal" = "measurable"\n',
        [
            "{p}:{L:purpose.goal}: answers.\"purpose.goal\": unknown question 'purpose.goal'; "
            "did you mean 'purpose.goals'?"
        ],
    ),
    (
        "unknown-option",
        '[answers]\n"purpose.goals" = "maybe"\n',
        [f"{{p}}:{{L:maybe}}: answers.\"purpose.goals\": 'maybe' is not an option; {GOALS}"],
    ),
    (
        "number-as-text",
        '[answers]\n"resources.hours" = "4"\n',
        ["{p}:{L:hours}: answers.\"resources.hours\": expected a number; got text '4'"],
    ),
    (
        "bool-for-number",
        '[answers]\n"resources.hours" = true\n',
        ['{p}:{L:hours}: answers."resources.hours": expected a number; got true/false (true)'],
    ),
    (
        "negative-hours",
        '[answers]\n"resources.hours" = -1\n',
        ['{p}:{L:hours}: answers."resources.hours": -1 is out of range; expected 0 to 168'],
    ),
    (
        "hours-169",
        '[answers]\n"resources.hours" = 169\n',
        ['{p}:{L:hours}: answers."resources.hours": 169 is out of range; expected 0 to 168'],
    ),
    (
        "hours-huge",
        '[answers]\n"resources.hours" = 99999999999999999999999\n',
        [
            '{p}:{L:hours}: answers."resources.hours": 99999999999999999999999 is out of range; '
            "expected 0 to 168"
        ],
    ),
    (
        "hours-nan",
        '[answers]\n"resources.hours" = nan\n',
        ['{p}:{L:hours}: answers."resources.hours": expected a finite number; got nan'],
    ),
    (
        "hours-inf",
        '[answers]\n"resources.hours" = -inf\n',
        ['{p}:{L:hours}: answers."resources.hours": expected a finite number; got -inf'],
    ),
    (
        "employees-0",
        '[answers]\n"market.employees" = 0\n',
        ['{p}:{L:employees}: answers."market.employees": 0 is out of range; expected 1 to 100000'],
    ),
    (
        "employees-10-to-12",
        f'[answers]\n"market.employees" = {10**12}\n',
        [
            '{p}:{L:employees}: answers."market.employees": 1000000000000 is out of range; '
            "expected 1 to 100000"
        ],
    ),
    (
        "float-for-integer",
        '[answers]\n"market.employees" = 2.5\n',
        ['{p}:{L:employees}: answers."market.employees": expected a whole number; got 2.5'],
    ),
    (
        "pitch-1mb",
        '[answers]\n"message.pitch" = "' + "p" * (1024 * 1024) + '"\n',
        ['{p}:{L:pitch}: answers."message.pitch": text is 1048576 characters; at most 500 allowed'],
    ),
    (
        "number-for-choice",
        '[answers]\n"purpose.goals" = 3\n',
        [f'{{p}}:{{L:goals}}: answers."purpose.goals": {GOALS}; got number 3'],
    ),
    (
        "bool-for-choice",
        '[answers]\n"purpose.goals" = false\n',
        [f'{{p}}:{{L:goals}}: answers."purpose.goals": {GOALS}; got true/false (false)'],
    ),
    (
        "list-as-answer",
        '[answers]\n"purpose.goals" = ["measurable"]\n',
        [f'{{p}}:{{L:goals}}: answers."purpose.goals": {GOALS}; got a list'],
    ),
    (
        "list-of-numbers",
        '[answers]\n"purpose.goals" = [1, 2]\n',
        [
            '{p}{opt:goals}: answers."purpose.goals": expected a word, number or text, or a list '
            "of option values; got a list"
        ],
    ),
    (
        "table-as-answer",
        '[answers]\n"purpose.goals" = {value = "measurable"}\n',
        [
            '{p}{opt:goals}: answers."purpose.goals": expected a word, number or text, or a list '
            "of option values; got a table"
        ],
    ),
    (
        "missing-answers",
        '[meta]\nname = "Bakery"\n',
        ["{p}: answers: missing: an answers file needs an [answers] table"],
    ),
    (
        "answers-not-a-table",
        'answers = "all of them"\n',
        ["{p}{opt:answers}: answers: must be a table ([answers])"],
    ),
    (
        "meta-not-a-table",
        'meta = "x"\n[answers]\n',
        ["{p}{opt:meta}: meta: must be a table ([meta])"],
    ),
    (
        "toml-syntax-error",
        '[answers]\n"purpose.goals" = measurable\n',
        ["{p}:2: TOML syntax error: Invalid value (column 19)"],
    ),
    (
        "toml-duplicate-key",
        '[answers]\n"purpose.goals" = "none"\n"purpose.goals" = "vague"\n',
        ["{p}:3: TOML syntax error: Cannot overwrite a value (column 26)"],
    ),
    (
        "non-utf8",
        b'[meta]\nname = "Caf\xe9"\n[answers]\n',
        ["{p}: is not UTF-8 text (byte 18); save it as UTF-8"],
    ),
    ("binary", bytes(range(256)), ["{p}: is a binary file, not TOML text"]),
    ("empty", b"", ["{p}: is empty"]),
    ("blank", b"\n   \n", ["{p}: is empty"]),
    (
        "newer-schema",
        '[meta]\nschema_version = 99\n[answers]\n"purpose.goals" = "measurable"\n',
        [
            "{p}{opt:schema_version}: meta.schema_version: written by a newer smreadiness "
            f"(schema 99; this one reads up to {SCHEMA_VERSION}); upgrade smreadiness to open it"
        ],
    ),
    (
        "schema-not-a-number",
        '[meta]\nschema_version = "1"\n[answers]\n',
        ["{p}{opt:schema_version}: meta.schema_version: must be a whole number, 1 or more"],
    ),
    (
        "name-as-number",
        '[meta]\nname = 42\n[answers]\n"purpose.goals" = "measurable"\n',
        ["{p}{opt:name}: meta.name: must be text in quotes; got int"],
    ),
    (
        "name-too-long",
        '[meta]\nname = "' + "n" * 300 + '"\n[answers]\n',
        ["{p}{opt:name}: meta.name: is 300 characters; at most 200 allowed"],
    ),
    (
        "id-path-traversal",
        '[meta]\nid = "../../etc/passwd"\n[answers]\n',
        ["{p}{opt:id =}: meta.id: may hold only letters, digits, - and _"],
    ),
    (
        "notes-not-text",
        '[answers]\n[notes]\n"purpose.goals" = 3\n',
        ['{p}{opt:notes}: notes: must be a table of texts, e.g. "purpose.goals" = "ask Anna"'],
    ),
    (
        "several-answer-problems",
        '[answers]\n"purpose.goal" = "measurable"\n"resources.hours" = -3\n'
        '"culture.openness" = "wide"\n',
        [
            "{p}:{L:purpose.goal}: answers.\"purpose.goal\": unknown question 'purpose.goal'; "
            "did you mean 'purpose.goals'?",
            '{p}:{L:hours}: answers."resources.hours": -3 is out of range; expected 0 to 168',
            "{p}:{L:wide}: answers.\"culture.openness\": 'wide' is not an option; "
            "expected one of open, cautious, closed",
        ],
    ),
    (
        "meta-and-answer-problems",
        '[meta]\nname = 42\n[answers]\n"purpose.goal" = "measurable"\n"resources.hours" = -3\n'
        '"culture.openness" = "wide"\n',
        [
            "{p}{opt:name}: meta.name: must be text in quotes; got int",
            "{p}:{L:purpose.goal}: answers.\"purpose.goal\": unknown question 'purpose.goal'; "
            "did you mean 'purpose.goals'?",
            '{p}:{L:hours}: answers."resources.hours": -3 is out of range; expected 0 to 168',
            "{p}:{L:wide}: answers.\"culture.openness\": 'wide' is not an option; "
            "expected one of open, cautious, closed",
        ],
    ),
]

_PLACEHOLDER = re.compile(r"(\{p\}|\{L:[^}]+\}|\{opt:[^}]+\})")


def _pattern(template: str, path: Path, text: str) -> str:
    """A regular expression for one expected line; the rest of the template is literal."""
    out = []
    for part in _PLACEHOLDER.split(template):
        if part == "{p}":
            out.append(re.escape(str(path)))
        elif part.startswith("{L:"):
            out.append(str(line_of(text, part[3:-1])))
        elif part.startswith("{opt:"):
            out.append(f"(:{line_of(text, part[5:-1])})?")
        else:
            out.append(re.escape(part))
    return "".join(out)


def _check(result: Any, path: Path, content: str | bytes, expected: list[str]) -> None:
    text = content if isinstance(content, str) else content.decode("utf-8", "replace")
    assert result.code == 3, (result.code, result.err[:2000])
    lines = error_lines(result)
    patterns = [_pattern(t, path, text) for t in expected]
    assert len(lines) == len(patterns), "\n".join(lines)[:3000]
    unmatched = [p for p in patterns if not any(re.fullmatch(p, line) for line in lines)]
    assert not unmatched, f"expected lines not found: {unmatched}\nstderr:\n" + "\n".join(lines)


@pytest.mark.parametrize("command", ["score", "import"])
@pytest.mark.parametrize(("case_id", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_answers_file(
    run: Callable[..., Any],
    tmp_path: Path,
    isolated_dirs: Path,
    command: str,
    case_id: str,
    content: str | bytes,
    expected: list[str],
) -> None:
    path = tmp_path / f"{case_id}.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    result = run(command, str(path))
    _check(result, path, content, expected)
    assert result.out == ""
    if command == "import":
        saved = list(isolated_dirs.glob("*.toml")) if isolated_dirs.exists() else []
        assert saved == [], "a rejected import must save nothing"


# --------------------------------------------------------------------------- whole-file cases


@pytest.mark.parametrize("command", ["score", "import"])
def test_answers_file_missing(run: Callable[..., Any], tmp_path: Path, command: str) -> None:
    path = tmp_path / "nowhere.toml"
    result = run(command, str(path))
    assert result.code == 3, result.err
    assert error_lines(result) == [f"{path}: no such file"]


@pytest.mark.parametrize("command", ["score", "import"])
def test_answers_path_is_a_directory(run: Callable[..., Any], tmp_path: Path, command: str) -> None:
    path = tmp_path / "folder.toml"
    path.mkdir()
    result = run(command, str(path))
    assert result.code == 3, result.err
    assert error_lines(result) == [f"{path}: is a directory, not a TOML file"]


def test_answers_file_over_8_mib(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    size = 9 * 1024 * 1024
    path.write_bytes(b"#" * (size - 1) + b"\n")
    result = run("score", str(path))
    assert result.code == 3, result.err
    assert error_lines(result) == [f"{path}: is {size:,} bytes; at most 8 MiB read"]


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    limit = 512 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_refused_not_read_forever(tmp_path: Path) -> None:
    """``score /dev/zero`` stats as 0 bytes but never ends: the reader must stop at its limit."""
    result = subprocess.run(
        [sys.executable, "-m", "smreadiness", "score", "/dev/zero"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        preexec_fn=_limit_memory,
        env=os.environ.copy(),
    )
    assert "Traceback" not in result.stderr, result.stderr[-1500:]
    assert result.returncode == 3, result.stderr[-1500:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("/dev/zero: "), lines


# --------------------------------------------------------------------------- names and banks


@pytest.mark.parametrize("command", ["score", "import"])
def test_file_name_with_spaces_and_no_id(
    run: Callable[..., Any], tmp_path: Path, command: str
) -> None:
    """A file the user named "Bakery Aurora.toml", without meta.id, is fine to score and import.

    No ``meta.id`` is in the file, so an error about ``meta.id`` would blame a key the user never
    wrote; an id derived from the file name must be made safe instead.
    """
    path = tmp_path / "Bakery Aurora.toml"
    path.write_text('[answers]\n"purpose.goals" = "measurable"\n', "utf-8")
    result = run(command, str(path))
    assert result.code == 0, result.err
    assert "meta.id" not in result.err


def test_unknown_bank_in_meta_names_the_file_and_key(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('[meta]\nbank = "no-such-bank"\n[answers]\n"purpose.goals" = "none"\n', "utf-8")
    result = run("score", str(path))
    assert result.code == 3, result.err
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}"), lines
    assert "meta.bank" in lines[0] and "no-such-bank" in lines[0], lines


def test_unquoted_dotted_key_names_the_question(run: Callable[..., Any], tmp_path: Path) -> None:
    """``purpose.goals = "none"`` without quotes is a nested table in TOML.

    Either accept it as the answer to purpose.goals, or name the key the user wrote: an error
    about a key ``"purpose"`` the user never typed sends them looking in the wrong place.
    """
    path = tmp_path / "answers.toml"
    path.write_text('[answers]\npurpose.goals = "none"\n', "utf-8")
    result = run("score", str(path), "--format", "json")
    if result.code == 0:
        assert "purpose.goals" not in json.loads(result.out)["unanswered"], result.out
        return
    assert result.code == 3, result.err
    lines = error_lines(result)
    assert len(lines) == 1 and "purpose.goals" in lines[0], lines


# --------------------------------------------------------------------------- names not found


def test_report_of_a_missing_name(run: Callable[..., Any]) -> None:
    result = run("report", "Nobody Inc")
    assert result.code in (1, 3), result.err
    lines = error_lines(result)
    assert len(lines) == 1 and "'Nobody Inc'" in lines[0], lines
    assert result.out == ""


def test_report_of_an_empty_name(run: Callable[..., Any]) -> None:
    """``report ""`` asks for a name; it does not try to read the current directory."""
    result = run("report", "")
    assert result.code != 0
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert "directory" not in lines[0] and "name or id" in lines[0], lines


def test_report_of_a_missing_toml_file(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "gone.toml"
    result = run("report", str(path))
    assert result.code == 3, result.err
    assert error_lines(result) == [f"{path}: no such file"]


def test_export_of_a_missing_name(run: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "out.toml"
    result = run("export", "Nobody Inc", "-o", str(out))
    assert result.code in (1, 3), result.err
    lines = error_lines(result)
    assert len(lines) == 1 and "'Nobody Inc'" in lines[0], lines
    assert not out.exists()


def test_resume_of_a_missing_name_does_not_open_the_tui() -> None:
    """Looked up before the TUI starts: an error on stderr and a non-zero exit, promptly."""
    try:
        result = subprocess.run(
            [sys.executable, "-m", "smreadiness", "resume", "nonexistent"],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=30,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("`smreadiness resume nonexistent` hung instead of saying it is not found")
    assert_no_traceback(type("R", (), {"out": result.stdout, "err": result.stderr})())
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "'nonexistent'" in lines[0], (result.stdout, result.stderr)
    assert "\x1b" not in result.stdout, "the TUI must not start"


# --------------------------------------------------------------------------- parser limits
# Python refuses to turn integers of more than 4,300 decimal digits into text (or back), and
# tomllib recurses once per nesting level: both must end as one problem line, not a traceback.

HUGE = {
    "decimal-5000-digits": '[answers]\n"resources.hours" = ' + "9" * 5000 + "\n",
    "hex-5000-digits": '[answers]\n"resources.hours" = 0x' + "f" * 5000 + "\n",
    "hex-for-a-choice": '[answers]\n"purpose.goals" = 0x' + "f" * 5000 + "\n",
    "nested-arrays": '[answers]\n"purpose.goals" = ' + "[" * 3000 + "]" * 3000 + "\n",
    "nested-tables": '[answers]\n"purpose.goals" = ' + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
}


@pytest.mark.parametrize("content", list(HUGE.values()), ids=list(HUGE))
def test_parser_limits_are_problems_not_crashes(
    run: Callable[..., Any], tmp_path: Path, content: str
) -> None:
    path = tmp_path / "answers.toml"
    path.write_text(content, "utf-8")
    result = run("score", str(path))
    assert result.code == 3, result.err[-1500:]
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith(str(path)), lines
    assert len(lines[0]) < len(str(path)) + 300, "the problem line echoes the whole value"


# --------------------------------------------------------------------------- output paths


@pytest.mark.parametrize("command", ["report", "export"])
@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_unwritable_output_path(
    run: Callable[..., Any], tmp_path: Path, command: str, where: str
) -> None:
    source = tmp_path / "bakery.toml"
    source.write_text('[answers]\n"purpose.goals" = "measurable"\n', "utf-8")
    assert run("import", str(source)).code == 0
    target = tmp_path / "no" / "such" / "out.txt" if where == "missing-folder" else tmp_path
    result = run(command, "bakery", "-o", str(target))
    assert result.code == 1, result.err
    lines = error_lines(result)
    assert len(lines) == 1, lines
    shown = str(target.parent) if where == "missing-folder" else str(target)
    assert shown in lines[0], lines
