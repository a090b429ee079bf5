"""``plan``: the action plan as work, through the command line, and what lands on disk."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from smreadiness.bank.loader import load_bank
from smreadiness.history import add_snapshot
from smreadiness.store import Store
from tests.businesses import BUSINESSES
from tests.conftest import run_cli

ELECTRICIANS = next(b for b in BUSINESSES if b.id == "electricians-sceptical")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """Salo Electric imported into the (test) data directory; returns its saved file."""
    source = tmp_path / "salo.toml"
    data = {"meta": {"name": ELECTRICIANS.name}, "answers": ELECTRICIANS.answers}
    source.write_text(tomli_w.dumps(data), "utf-8")
    imported = run_cli("import", str(source))
    assert imported.code == 0, imported.err
    (path,) = Store().root.glob("*.toml")
    return path


def _plan_json(*args: str) -> dict[str, Any]:
    shown = run_cli("plan", "Salo Electric", "--format", "json", *args)
    assert shown.code == 0, shown.err
    data: dict[str, Any] = json.loads(shown.out)
    return data


def test_the_plan_shows_quick_wins_first_with_size_and_status(saved: Path) -> None:
    text = run_cli("plan", "Salo Electric")
    assert text.code == 0, text.err
    assert text.out.startswith("Plan for Salo Electric\n")
    assert "1. Agree with the management what social media is for" in text.out
    assert "id management-backing; size small; quick win; status: to do; no owner yet" in text.out
    data = _plan_json()
    actions = data["actions"]
    assert {"id", "owner", "due", "size", "status"} <= set(actions[0])
    quick = [a["quick_win"] for a in actions]
    assert quick == sorted(quick, reverse=True), "quick wins come first"
    assert all(a["size"] in ("S", "M", "L") for a in actions)
    assert data["reassess"] is not None  # complete: a date to look again


def test_an_update_is_saved_in_the_file_and_shown(saved: Path) -> None:
    changed = run_cli(
        "plan",
        "Salo Electric",
        "management-backing",
        "--owner",
        "Anna Salo",
        "--due",
        "2099-01-15",
        "--status",
        "doing",
    )
    assert changed.code == 0, changed.err
    assert "status: doing; owner: Anna Salo; due 15 Jan 2099" in changed.out
    on_disk = tomllib.loads(saved.read_text("utf-8"))
    entry = on_disk["plan"]["actions"]["management-backing"]
    assert entry == {"status": "doing", "owner": "Anna Salo", "due": entry["due"]}
    assert entry["due"].isoformat() == "2099-01-15"
    first = _plan_json()["actions"][0]
    assert (first["owner"], first["due"], first["status"]) == ("Anna Salo", "2099-01-15", "doing")
    # Done is also ticked where older versions of the plan tab look.
    assert run_cli("plan", "Salo Electric", "write-goals", "--status", "done").code == 0
    assert tomllib.loads(saved.read_text("utf-8"))["state"]["done"] == ["write-goals"]
    # --due none clears the date, and nothing else.
    assert run_cli("plan", "Salo Electric", "management-backing", "--due", "none").code == 0
    first = _plan_json()["actions"][0]
    assert (first["owner"], first["due"], first["status"]) == ("Anna Salo", None, "doing")


def test_an_action_the_answers_no_longer_need_is_kept_as_no_longer_needed(saved: Path) -> None:
    assert (
        run_cli("plan", "Salo Electric", "set-budget", "--status", "doing", "--owner", "Eero").code
        == 0
    )
    store = Store()
    (assessment,) = [store.read(saved)]
    store.update(assessment.id, lambda a: a.with_answer("resources.budget", "planned"))
    actions = {a["id"]: a for a in _plan_json()["actions"]}
    assert actions["set-budget"]["status"] == "dropped"
    assert actions["set-budget"]["owner"] == "Eero"
    text = run_cli("plan", "Salo Electric").out
    assert "No longer needed after the answers changed:" in text
    assert "- Put a price on it: hours, tools and ads (id set-budget;" in text


def test_csv_has_one_row_per_action_and_no_formulas(saved: Path) -> None:
    hostile = '=HYPERLINK("http://evil.example","click")'
    assert run_cli("plan", "Salo Electric", "write-goals", "--owner", hostile).code == 0
    assert run_cli("plan", "Salo Electric", "set-budget", "--owner", "@SUM(A1)").code == 0
    csv_text = run_cli("plan", "Salo Electric", "--format", "csv").out
    lines = csv_text.splitlines()
    assert lines[0] == "id,step,title,owner,due,size,status"
    assert len([line for line in lines[1:] if line]) == len(_plan_json()["actions"])
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(csv_text)))
    owners = {row["id"]: row["owner"] for row in rows}
    assert owners["write-goals"] == "'" + hostile
    assert owners["set-budget"] == "'@SUM(A1)"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row.values())


def test_ics_is_rfc_5545_with_stable_uids(saved: Path, tmp_path: Path) -> None:
    long_owner = "Äänekosken Sähköasennus, työnjohtaja Väinö Ärräpää ja hänen tiiminsä" * 2
    assert (
        run_cli(
            "plan",
            "Salo Electric",
            "write-goals",
            "--due",
            "2099-02-01",
            "--owner",
            long_owner[:200],
        ).code
        == 0
    )
    out = tmp_path / "plan.ics"
    assert run_cli("plan", "Salo Electric", "--format", "ics", "-o", str(out)).code == 0
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")  # folding never cuts a character in two
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    assert "BEGIN:VTODO" in unfolded and "DUE;VALUE=DATE:20990201" in unfolded
    assert "BEGIN:VEVENT" in unfolded  # the date to look again
    uids = [line for line in unfolded.split("\r\n") if line.startswith("UID:")]
    # (run_cli reads text: its line ends are \n)
    again = run_cli("plan", "Salo Electric", "--format", "ics").out.replace("\n ", "")
    assert uids == [line for line in again.split("\n") if line.startswith("UID:")]
    assert len(set(uids)) == len(uids) == 2


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["write-gaols", "--status", "done"], 1, "did you mean write-goals?"),
        (["write-goals", "--due", "2027-02-30"], 2, "is not a date"),
        (["write-goals", "--due", "tomorrow"], 2, "is not a date"),
        (["write-goals", "--due", "2001-01-01"], 2, "before the assessment was started"),
        (["write-goals", "--owner", "x" * 10_000], 2, "at most 200 characters"),
        (["--status", "done"], 2, "name the action to change"),
        (["write-goals", "--status", "finished"], 2, "invalid choice"),
    ],
)
def test_bad_updates_get_a_clear_error_and_write_nothing(
    saved: Path, args: list[str], code: int, message: str
) -> None:
    before = saved.read_bytes()
    result = run_cli("plan", "Salo Electric", *args)
    assert result.code == code, result.err
    assert message in result.err
    assert "Traceback" not in result.err
    assert saved.read_bytes() == before


def test_a_damaged_plan_table_is_named_by_key(saved: Path) -> None:
    text = (
        saved.read_text("utf-8")
        + '\n[plan.actions.write-goals]\nstatus = "finished"\ndue = "soon"\n'
    )
    saved.write_text(text, "utf-8")
    result = run_cli("plan", "Salo Electric")
    assert result.code == 3
    assert "plan.actions.write-goals.status: must be one of todo, doing, done" in result.err
    assert "plan.actions.write-goals.due: must be a date" in result.err


def test_two_processes_updating_the_plan_at_once_lose_nothing(saved: Path) -> None:
    ids = [a["id"] for a in _plan_json()["actions"]][:4]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "smreadiness",
                "plan",
                "Salo Electric",
                action,
                "--status",
                "doing",
                "--owner",
                f"owner {n}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for n, action in enumerate(ids)
    ]
    for proc in procs:
        assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
    actions = {a["id"]: a for a in _plan_json()["actions"]}
    for n, action in enumerate(ids):
        assert (actions[action]["status"], actions[action]["owner"]) == ("doing", f"owner {n}")


def test_finishing_sets_the_date_to_look_again(saved: Path) -> None:
    store, bank = Store(), load_bank()
    assessment = store.read(saved)
    store.update(assessment.id, lambda a: add_snapshot(a, bank))
    on_disk = tomllib.loads(saved.read_text("utf-8"))
    finished = on_disk["history"][-1]["finished"]
    assert (on_disk["plan"]["reassess"] - finished.date()).days == bank.reassess_after_days == 90
    assert _plan_json()["reassess"] == on_disk["plan"]["reassess"].isoformat()


def test_list_shows_when_to_look_again_and_what_is_due(saved: Path) -> None:
    rows = json.loads(run_cli("list", "--format", "json").out)
    assert rows[0]["reassess"] is not None and rows[0]["reassess_due"] is False
    text = saved.read_text("utf-8") + "\n[plan]\nreassess = 2020-01-01\n"
    saved.write_text(text, "utf-8")
    rows = json.loads(run_cli("list", "--format", "json").out)
    assert (rows[0]["reassess"], rows[0]["reassess_due"]) == ("2020-01-01", True)
    listed = run_cli("list").out
    assert "look again" in listed.splitlines()[0]
    assert "due since 2020-01-01" in listed
    plan = run_cli("plan", "Salo Electric").out
    assert "Due to be looked at again since" in plan
