"""Hostile user text (Rich markup, terminal escapes, bidi overrides, very long strings).

Whatever a company name, note or pitch holds, ``score``, ``report`` and ``list`` print it
literally and harmlessly: markup shows as typed, no raw escape/C1/bidi character reaches the
terminal, and JSON carries the original string back unchanged.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from badinput_support import BUNDLED_BANK, ROOT, assert_no_traceback, error_lines

MARKUP = "[bold red]x[/]"
LINK = "[link=file:///etc/passwd]y[/link]"
CLOSER = "[/]"
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"
BIDI = "\u202eevil\u202c\u2066"
NAME = f"{MARKUP} {LINK} {CLOSER} {ESCAPES} {BIDI} Bakery"
PITCH = f"Bread [bold]P[/bold] {CLOSER} \x1b[31mred\x1b[0m \u202e \x9b2J \x85 end"
NOTE = f"note [i]N[/i] [/bold] {ESCAPES} \x9d\x85 " + "long " * 20_000

# Raw bytes that must never reach a terminal: C0 controls other than newline and tab, DEL,
# C1 controls (0x9b is CSI on its own), and bidirectional overrides and isolates.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _forbidden(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})


def _flat(text: str) -> str:
    """Rich wraps long lines; compare with runs of whitespace collapsed."""
    return " ".join(text.split())


def _hostile_file(tmp_path: Path, name: str = NAME) -> Path:
    doc = {
        "meta": {"name": name},
        "answers": {
            "purpose.goals": "measurable",
            "purpose.growth": "grow",
            "message.pitch": PITCH,
        },
        "notes": {"purpose.goals": NOTE, "purpose.growth": f"{MARKUP} {LINK}"},
    }
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return path


def _harmless(result: Any) -> None:
    assert_no_traceback(result)
    assert result.code == 0, result.err[-2000:]
    assert not _forbidden(result.out), f"raw control characters on stdout: {_forbidden(result.out)}"
    assert not _forbidden(result.err), f"raw control characters on stderr: {_forbidden(result.err)}"


def _markup_literal(out: str) -> None:
    flat = _flat(out)
    assert MARKUP in flat and LINK in flat, flat[:600]


# --------------------------------------------------------------------------- score and report


def test_score_text_prints_the_name_literally(cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("score", str(_hostile_file(tmp_path)))
    _harmless(result)
    _markup_literal(result.out)


def test_score_json_round_trips_the_name(cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("score", str(_hostile_file(tmp_path)), "--format", "json")
    _harmless(result)
    assert json.loads(result.out)["name"] == NAME


def test_report_text_prints_name_pitch_and_notes_literally(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    result = cli("report", str(_hostile_file(tmp_path)))
    _harmless(result)
    flat = _flat(result.out)
    _markup_literal(result.out)
    assert "[bold]P[/bold]" in flat and "[i]N[/i] [/bold]" in flat, flat[-3000:]


def test_report_json_round_trips_the_name(cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("report", str(_hostile_file(tmp_path)), "--format", "json")
    _harmless(result)
    assert json.loads(result.out)["name"] == NAME


def test_report_to_a_file_is_literal_too(cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = cli("report", str(_hostile_file(tmp_path)), "-o", str(out))
    _harmless(result)
    written = out.read_text("utf-8")
    assert not _forbidden(written), _forbidden(written)
    _markup_literal(written)


# --------------------------------------------------------------------------- saved assessments


def test_import_confirmation_is_harmless(cli: Callable[..., Any], tmp_path: Path) -> None:
    """The one line ``import`` prints names the company: made harmless like every other."""
    result = cli("import", str(_hostile_file(tmp_path)))
    _harmless(result)


def test_list_and_report_of_a_saved_hostile_assessment(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    imported = cli("import", str(_hostile_file(tmp_path)))
    assert imported.code == 0, imported.err
    listed = cli("list")
    _harmless(listed)
    assert MARKUP in listed.out, listed.out  # the name is cut to 40 columns; its start shows
    as_json = cli("list", "--format", "json")
    _harmless(as_json)
    (row,) = json.loads(as_json.out)
    assert row["name"] == NAME
    report = cli("report", row["id"])
    _harmless(report)
    _markup_literal(report.out)
    report_json = cli("report", row["id"], "--format", "json")
    _harmless(report_json)
    assert json.loads(report_json.out)["name"] == NAME


def test_longest_name_of_closing_tags(cli: Callable[..., Any], tmp_path: Path) -> None:
    """200 characters (the most a name may hold) of nothing but closing tags."""
    name = ("[/]" * 67)[:200]
    path = _hostile_file(tmp_path, name=name)
    result = cli("score", str(path))
    _harmless(result)
    assert name[:60] in result.out.replace("\n", "")
    imported = cli("import", str(path))
    _harmless(imported)
    _harmless(cli("list"))


def test_hostile_file_name_in_the_data_dir_is_listed_harmlessly(
    cli: Callable[..., Any], isolated_dirs: Path
) -> None:
    """A file dropped into the data dir (a synced folder, say) with escapes in its name."""
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_dirs / "x\x1b[2Jy\x1b]0;pwned\x07.toml").write_text("garbage", "utf-8")
    result = cli("list")
    _harmless(result)
    assert "unreadable" in result.out


def test_escapes_in_answers_are_harmless_in_error_lines(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    doc = {"answers": {"purpose.goals": "\x1b[2J\u202e", "\x1b]0;pwned\x07": "x"}}
    path = tmp_path / "evil.toml"
    path.write_text(tomli_w.dumps(doc), "utf-8")
    result = cli("score", str(path))
    assert_no_traceback(result)
    assert result.code == 3
    assert len(error_lines(result)) == 2, result.err
    assert not _forbidden(result.err), _forbidden(result.err)


def test_escapes_in_a_file_name_are_harmless_in_error_lines(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "evil\x1b[31m\u202e.toml"
    path.write_text('[answers]\n"purpose.goals" = "maybe"\n', "utf-8")
    result = cli("score", str(path))
    assert_no_traceback(result)
    assert result.code == 3
    assert not _forbidden(result.err), _forbidden(result.err)


# --------------------------------------------------------------------------- a real terminal


def test_colour_terminal_gets_only_the_apps_own_styles(tmp_path: Path) -> None:
    """With colours on (FORCE_COLOR), the only escapes are Rich's own SGR styles: no screen
    clearing, title setting or hyperlinks from user text."""
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(FORCE_COLOR="1", TERM="xterm-256color", COLUMNS="100")
    path = _hostile_file(tmp_path)
    for command in (["score", str(path)], ["report", str(path)]):
        done = subprocess.run(
            [sys.executable, "-m", "smreadiness", *command],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert "\x1b[" in done.stdout, "expected colours with FORCE_COLOR"
        rest = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)
        assert not _forbidden(rest), _forbidden(rest)
        assert "\x1b]8;" not in done.stdout


# --------------------------------------------------------------------------- hostile banks
# Banks are files users write too (trainers author their own): their texts are not markup.


def _bank_with(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED_BANK.read_text("utf-8")
    assert old in text
    path = tmp_path / "bank.toml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


@pytest.mark.parametrize(
    "title", ["Social [/] media [bold]readiness", "Social \\u001b[2J media \\u202e readiness"]
)
def test_bank_title_in_questions_list(cli: Callable[..., Any], tmp_path: Path, title: str) -> None:
    bank = _bank_with(tmp_path, 'title = "Social media readiness"', f'title = "{title}"')
    result = cli("questions", "list", str(bank))
    _harmless(result)


@pytest.mark.parametrize(
    "title", ["Purpose [/] and goals", "Purpose \\u001b[2J and \\u009b31m goals"]
)
def test_dimension_title_in_score(cli: Callable[..., Any], tmp_path: Path, title: str) -> None:
    bank = _bank_with(tmp_path, 'title = "Purpose and goals"', f'title = "{title}"')
    answers = tmp_path / "answers.toml"
    answers.write_text('[answers]\n"purpose.goals" = "measurable"\n', "utf-8")
    result = cli("score", str(answers), "--bank", str(bank))
    _harmless(result)
    if "[/]" in title:
        assert "Purpose [/] and goals" in result.out


def test_newlines_in_a_name_cannot_forge_report_lines(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """A name is one line: a newline in it must not start a line of its own (a fake verdict)."""
    name = "Acme\n\nVerdict:  GO   Social media can work for you now\n"
    path = _hostile_file(tmp_path, name=name)
    for args in (("score", str(path)), ("report", str(path)), ("import", str(path))):
        result = cli(*args)
        assert_no_traceback(result)
        if result.code == 3:  # refusing a multi-line name is fine too
            assert "meta.name" in result.err, result.err
            continue
        assert result.code == 0, result.err
        verdicts = [line for line in result.out.splitlines() if line.startswith("Verdict:")]
        assert len(verdicts) <= 1, (args, verdicts)
        assert not any(line.startswith("Verdict:  GO") for line in result.out.splitlines()), args
