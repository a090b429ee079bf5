"""Workshops through the command line: a room and a team, answers files added, the joint
report in every format, and what is on disk."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import tomli_w

from smreadiness.bank.loader import load_bank
from smreadiness.bank.model import VERDICT_RANK
from smreadiness.paths import data_dir
from smreadiness.workshops.aggregate import agreement
from tests.businesses import BUSINESSES
from tests.conftest import chromium_command, run_cli

BY_ID = {b.id: b for b in BUSINESSES}


def answers_file(folder: Path, business_id: str, name: str | None = None) -> Path:
    business = BY_ID[business_id]
    path = folder / f"{business_id}.toml"
    meta = {"name": name or business.name}
    path.write_text(tomli_w.dumps({"meta": meta, "answers": business.answers}), "utf-8")
    return path


def test_a_new_workshop_is_a_private_folder_and_names_are_unique() -> None:
    made = run_cli("workshop", "new", "Spring course")
    assert made.code == 0, made.err
    assert "smreadiness workshop serve spring-course" in made.out
    folder = data_dir() / "workshops" / "spring-course"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "workshop.toml").stat().st_mode) == 0o600
    again = run_cli("workshop", "new", "SPRING course")
    assert again.code == 1 and "exists already" in again.err
    listed = json.loads(run_cli("workshop", "list", "--format", "json").out)
    assert [(w["workshop"], w["team"], w["respondents"]) for w in listed] == [
        ("spring-course", False, 0)
    ]


def test_answers_files_are_checked_and_a_bad_one_adds_nothing(tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Spring course").code == 0
    good = [answers_file(tmp_path, b) for b in ("kiosk-one-hour", "bike-shop-side-task")]
    broken = tmp_path / "broken.toml"
    broken.write_text('[answers]\n"purpose.goals" = "sometimes"\n"resources.hours" = "many"\n')
    added = run_cli("workshop", "add", "spring", *map(str, good), str(broken))
    assert added.code == 1
    assert "added Kioski Lähde" in added.out and "added Pyörä-Pekka" in added.out
    assert "purpose.goals" in added.err and "resources.hours" in added.err
    respondents = data_dir() / "workshops" / "spring-course" / "respondents"
    assert len(list(respondents.glob("*.toml"))) == 2
    twice = run_cli("workshop", "add", "spring", str(good[0]))
    assert twice.code == 1 and "has joined already" in twice.err
    assert len(list(respondents.glob("*.toml"))) == 2


def test_the_room_report_counts_verdicts_and_finds_disagreements(tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Spring course").code == 0
    ids = ("kiosk-one-hour", "bike-shop-side-task", "car-dealer-top-down", "webshop-ready")
    files = [answers_file(tmp_path, b) for b in ids]
    assert run_cli("workshop", "add", "Spring course", *map(str, files)).code == 0
    data = json.loads(run_cli("workshop", "report", "spring", "--format", "json").out)
    assert data["workshop"] == "spring-course" and data["team"] is False
    assert data["verdicts"] == {"go": 2, "not_yet": 1, "no_go": 1}
    assert {r["name"] for r in data["respondents"]} == {BY_ID[b].name for b in ids}
    assert all(
        {"name", "role", "complete", "verdict", "score"} <= set(r) for r in data["respondents"]
    )
    hours = next(q for q in data["questions"] if q["id"] == "culture.hierarchy")
    assert hours["answered"] == 4 and sum(hours["answers"].values()) == 4
    assert "culture.hierarchy" in data["disagreements"]
    agreements = {q["id"]: q["agreement"] for q in data["questions"]}
    split = [agreements[q] for q in data["disagreements"]]
    assert split == sorted(split)  # most split first
    assert "combined" not in data
    text = run_cli("workshop", "report", "spring").out
    assert "4 respondents, 4 finished." in text
    assert "Where they disagree most" in text
    md = run_cli("workshop", "report", "spring", "--format", "md").out
    assert md.startswith("# Spring course\n") and "| Kioski Lähde |" in md


def test_a_team_gets_a_combined_verdict_no_better_than_every_member(tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Kioski team", "--team").code == 0
    for business, who, role in (
        ("kiosk-one-hour", "Anna", "owner"),
        ("bike-shop-side-task", "Ben", "staff"),
        ("law-office-unprepared", "Cia", "marketing"),
    ):
        path = answers_file(tmp_path, business)
        added = run_cli("workshop", "add", "kioski", str(path), "--as", who, "--role", role)
        assert added.code == 0, added.err
    data = json.loads(run_cli("workshop", "report", "kioski", "--format", "json").out)
    assert data["team"] is True
    roles = {r["name"]: r["role"] for r in data["respondents"]}
    assert roles == {"Anna": "owner", "Ben": "staff", "Cia": "marketing"}
    combined = data["combined"]
    best = max(VERDICT_RANK[r["verdict"]] for r in data["respondents"])
    assert VERDICT_RANK[combined["verdict"]] <= best
    assert combined["talk_first"], "members disagree on answers the verdict rests on"
    assert set(combined["talk_first"]) <= set(data["disagreements"])
    text = run_cli("workshop", "report", "kioski").out
    assert "Combined verdict of the team" in text and "Talk about these first" in text


def test_agreement_is_one_when_all_agree_and_zero_when_split_down_the_middle() -> None:
    bank = load_bank()
    question = bank.by_id["culture.criticism"]
    assert agreement(question, ["respond", "respond", "respond"]) == 1.0
    assert agreement(question, ["respond", "delete_or_ignore"]) == 0.0
    assert 0.0 < agreement(question, ["respond", "unsure", "respond"]) < 1.0  # type: ignore[operator]
    assert agreement(question, ["respond"]) is None
    assert agreement(bank.by_id["market.employees"], [1, 40]) is None  # a fact, not a view


def test_a_damaged_respondent_file_is_listed_and_the_rest_still_counted(tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Spring course").code == 0
    path = answers_file(tmp_path, "kiosk-one-hour")
    assert run_cli("workshop", "add", "spring", str(path)).code == 0
    respondents = data_dir() / "workshops" / "spring-course" / "respondents"
    (respondents / "broken.toml").write_text("[answers\n")
    data = json.loads(run_cli("workshop", "report", "spring", "--format", "json").out)
    assert data["verdicts"]["not_yet"] == 1
    assert any("error" in r for r in data["respondents"])
    text = run_cli("workshop", "report", "spring").out
    assert "Not counted, cannot be read: broken" in text


def test_hostile_names_stay_literal_in_every_format(tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Room").code == 0
    path = answers_file(
        tmp_path, "kiosk-one-hour", name="[bold]x[/] \x1b[31m<script>alert(1)</script>"
    )
    assert run_cli("workshop", "add", "room", str(path)).code == 0
    text = run_cli("workshop", "report", "room").out
    assert "\x1b" not in text and "[bold]x[/]" in text
    html = run_cli("workshop", "report", "room", "--format", "html").out
    assert "<script>" not in html and "&lt;script&gt;" in html


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_html_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Spring course").code == 0
    files = [answers_file(tmp_path, b) for b in ("kiosk-one-hour", "car-dealer-top-down")]
    assert run_cli("workshop", "add", "spring", *map(str, files)).code == 0
    out = tmp_path / "room.html"
    written = run_cli("workshop", "report", "spring", "--format", "html", "-o", str(out))
    assert written.code == 0, written.err
    assert CHROMIUM is not None
    dom = subprocess.run(
        chromium_command(CHROMIUM, tmp_path / "profile", "--dump-dom", out.as_uri()),
        capture_output=True,
        text=True,
        timeout=90,
    ).stdout
    assert "<h1>Spring course</h1>" in dom
    assert dom.count('role="img"') >= 10 and "<title>" in dom
    assert "Where they disagree most" in dom


def _join(*args: str, typed: str) -> subprocess.CompletedProcess[str]:
    """``workshop join`` in line mode, answered from a pipe as a script would."""
    import sys

    command = [sys.executable, "-m", "smreadiness", "workshop", "join", "spring", *args]
    return subprocess.run(command, input=typed, capture_output=True, text=True, timeout=120)


def test_a_respondent_joins_in_a_terminal_and_rejoins_where_they_left_off() -> None:
    assert run_cli("workshop", "new", "Spring course").code == 0
    first = _join("--as", "Eve", "--role", "owner", "--plain", typed="1\n1\n")
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("Saved: ") == 2 and "Traceback" not in first.stderr
    assert "smreadiness workshop join spring-course --as Eve" in first.stdout
    respondents = data_dir() / "workshops" / "spring-course" / "respondents"
    (saved,) = respondents.glob("*.toml")
    text = saved.read_text("utf-8")
    assert 'name = "Eve"' in text and 'role = "owner"' in text
    assert text.count(" = ") > 2  # two answers kept
    again = _join("--as", "eve", "--plain", typed="")
    assert again.returncode == 0, again.stderr
    assert again.stdout.split("Question ")[1].startswith("4 of")  # where Eve left off
    assert len(list(respondents.glob("*.toml"))) == 1
    report = json.loads(run_cli("workshop", "report", "spring", "--format", "json").out)
    assert [r["name"] for r in report["respondents"]] == ["Eve"]


async def test_the_board_follows_answers_as_they_are_saved(tmp_path: Path) -> None:
    from textual.widgets import Digits

    from smreadiness.tui.board import BoardApp
    from smreadiness.workshops.folder import find

    assert run_cli("workshop", "new", "Spring course").code == 0
    app = BoardApp(find("spring"), "en", names=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        go = app.query_one("#go Digits", Digits)
        assert go.value == "0"
        path = answers_file(tmp_path, "webshop-ready")
        assert run_cli("workshop", "add", "spring", str(path)).code == 0
        for _ in range(30):
            await pilot.pause(0.2)
            if go.value == "1":
                break
        assert go.value == "1"
        people = str(app.query_one("#people-text").render())
        assert "Respondent 1" in people and "Polku Outdoor" not in people  # names off
        await pilot.press("n")
        await pilot.pause()
        assert "Polku Outdoor" in str(app.query_one("#people-text").render())
        await pilot.press("right")
        await pilot.pause()
        assert "Question 1 of" in str(app.query_one("#main-text").render())


def test_an_answers_file_for_another_bank_is_refused_with_why(tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Spring course").code == 0
    other = tmp_path / "devops.toml"
    other.write_text('[meta]\nname = "Ops Ltd"\nbank = "quickcheck"\n[answers]\n', "utf-8")
    added = run_cli("workshop", "add", "spring", str(other))
    assert added.code == 1
    assert "this workshop uses 'readiness'" in added.err
    assert not list((data_dir() / "workshops" / "spring-course" / "respondents").glob("*.toml"))


def test_hostile_or_damaged_workshops_are_named_not_obeyed() -> None:
    made = run_cli("workshop", "new", "[red]x\x1b[2J<b>")
    assert made.code == 0 and "\x1b" not in made.out
    assert "smreadiness workshop serve red-x-2j-b" in made.out  # a word a shell takes as is
    assert run_cli("workshop", "new", "a" * 300).code == 1
    assert run_cli("workshop", "new", "   ").code == 1
    (data_dir() / "workshops" / "red-x-2j-b" / "workshop.toml").write_text("garbage[")
    listed = run_cli("workshop", "list")
    assert listed.code == 1 and "workshop.toml: is not valid TOML" in listed.err
    assert "Traceback" not in listed.err
