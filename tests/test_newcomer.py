"""What a first-time user meets on the command line: formats from file names, one wording for
partial verdicts, names found as people type them, no duplicate names, honest hints."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli, write_toml

CAFE = {"meta": {"name": "Café Mokka"}, "answers": {"purpose.goals": "vague"}}


def _import(path: Path, *extra: str) -> Any:
    result = run_cli("import", str(path), *extra)
    assert result.code == 0, result.err
    return result


@pytest.mark.parametrize(
    "name,marker",
    [("r.md", "# "), ("r.markdown", "# "), ("r.html", "<!DOCTYPE html>"), ("r.json", "{")],
)
def test_report_format_follows_the_file_name(
    answers_file: Any, tmp_path: Path, name: str, marker: str
) -> None:
    out = tmp_path / name
    result = run_cli("report", str(answers_file("bakery-cafe")), "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_text("utf-8").lstrip().startswith(marker)


def test_explicit_format_wins_and_a_disagreeing_name_is_a_usage_error(
    answers_file: Any, tmp_path: Path
) -> None:
    source = str(answers_file("bakery-cafe"))
    out = tmp_path / "report.txt"
    assert run_cli("report", source, "--format", "text", "-o", str(out)).code == 0
    odd = tmp_path / "report.dat"
    assert run_cli("report", source, "--format", "md", "-o", str(odd)).code == 0
    assert odd.read_text("utf-8").startswith("# ")
    clash = run_cli("report", source, "--format", "md", "-o", str(tmp_path / "r.html"))
    assert clash.code == 2
    assert "--format md does not match" in clash.err
    assert not (tmp_path / "r.html").exists()


def test_piped_text_report_has_no_trailing_spaces(answers_file: Any) -> None:
    result = run_cli("report", str(answers_file("bakery-cafe")))
    assert result.code == 0
    assert [line for line in result.out.splitlines() if line != line.rstrip()] == []


def test_list_words_a_partial_assessment_as_the_home_screen_does(tmp_path: Path) -> None:
    _import(write_toml(tmp_path / "empty.toml", {"meta": {"name": "Empty"}, "answers": {}}))
    listed = run_cli("list")
    assert "open: NO-GO to GO" in listed.out
    assert "so far" not in listed.out
    row = json.loads(run_cli("list", "--format", "json").out)[0]
    assert (row["worst"], row["best"]) == ("no_go", "go")


def test_names_are_found_without_accents_and_by_a_word(tmp_path: Path) -> None:
    _import(write_toml(tmp_path / "cafe.toml", CAFE))
    for typed in ("cafe mokka", "CAFÉ MOKKA", "mokka", "Caf", "  cafe   mokka "):
        result = run_cli("report", typed, "--format", "json")
        assert result.code == 0, (typed, result.err)
        assert json.loads(result.out)["name"] == "Café Mokka"


def test_several_matches_are_listed_not_guessed(tmp_path: Path) -> None:
    _import(write_toml(tmp_path / "a.toml", CAFE))
    _import(write_toml(tmp_path / "b.toml", {**CAFE, "meta": {"name": "Café Mokka Kallio"}}))
    result = run_cli("report", "mokka")
    assert result.code == 1
    assert "2 assessments match 'mokka'" in result.err
    assert "Café Mokka (" in result.err and "Café Mokka Kallio (" in result.err
    exact = run_cli("report", "cafe mokka", "--format", "json")  # the exact name still wins
    assert json.loads(exact.out)["name"] == "Café Mokka"


def test_importing_the_same_name_twice_keeps_names_unique(tmp_path: Path) -> None:
    path = write_toml(tmp_path / "cafe.toml", CAFE)
    _import(path)
    second = _import(path)
    assert "saved already" in second.err and "'Café Mokka (2)'" in second.err
    named = _import(path, "--name", "Mokka at the station")
    assert named.err == ""
    names = sorted(row["name"] for row in json.loads(run_cli("list", "--format", "json").out))
    assert names == ["Café Mokka", "Café Mokka (2)", "Mokka at the station"]
    assert json.loads(run_cli("report", "Café Mokka", "--format", "json").out)["name"] == (
        "Café Mokka"
    )


def test_resume_without_a_name_opens_the_latest(tmp_path: Path) -> None:

    from smreadiness.opening import resolve_start
    from smreadiness.store import Store

    _import(write_toml(tmp_path / "a.toml", {"meta": {"name": "Older"}, "answers": {}}))
    _import(write_toml(tmp_path / "b.toml", {"meta": {"name": "Newer"}, "answers": {}}))
    store = Store()
    newer = store.find("Newer")
    store.update(newer.id, lambda a: a.with_answer("purpose.goals", "vague"))
    start = resolve_start(argparse.Namespace(command="resume", target=None, lang="en"))
    assert start.session is not None and start.session.assessment.name == "Newer"


def test_history_hints_only_what_can_be_done(tmp_path: Path, bank: Any) -> None:
    from smreadiness.history import add_snapshot
    from smreadiness.store import Store

    _import(write_toml(tmp_path / "a.toml", {"meta": {"name": "Solo"}, "answers": {}}))
    store = Store()
    solo = store.find("Solo")
    store.update(solo.id, lambda a: add_snapshot(a.with_answer("purpose.goals", "vague"), bank))
    text = run_cli("history", "Solo")
    assert text.code == 0, text.err
    assert "compare" not in text.out  # one snapshot: nothing to compare it with
    assert f"1 of {bank_question_count(bank)} (partial)" in text.out
    (row,) = json.loads(run_cli("history", "Solo", "--format", "json").out)
    assert row["answered"] == 1 and row["complete"] is False


def bank_question_count(bank: Any) -> int:
    from smreadiness.engine import evaluate_answers

    return int(evaluate_answers(bank, {}, what_if=False, plan=False).question_count)


def test_examples_point_at_the_presenter_by_its_name() -> None:
    result = run_cli("examples")
    assert "presenter view" in result.out
    assert "in the interview" not in result.out


def test_a_data_dir_of_its_own_keeps_its_settings_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smreadiness.paths import config_dir

    monkeypatch.delenv("SMREADINESS_CONFIG_DIR")
    assert config_dir() == Path(str(tmp_path / "data")) / ".settings"
    from smreadiness.settings import load_theme, save_theme

    save_theme("nord")
    assert load_theme() == "nord"
    assert (tmp_path / "data" / ".settings" / "config.toml").exists()
    assert run_cli("list", "--format", "json").out.strip() == "[]"  # not an assessment


def _plan_ids(bank: Any, answers: dict[str, Any]) -> list[str]:
    from smreadiness.engine import evaluate_answers

    return [a.id for a in evaluate_answers(bank, answers).actions]


def test_ticked_steps_and_flags_reach_every_report(bank: Any, tmp_path: Path) -> None:
    answers = dict(bank.example("webshop-no-plan").answers)
    ticked = _plan_ids(bank, answers)[0]
    doc = {
        "meta": {"name": "Ticks"},
        "answers": answers,
        "notes": {"purpose.goals": "ask Anna"},
        "state": {"done": [ticked], "flagged": ["purpose.goals"]},
    }
    path = write_toml(tmp_path / "ticks.toml", doc)
    text = run_cli("report", str(path)).out
    assert "[x] 1." in text and "[ ] 2." in text
    assert "Flagged to revisit" in text and "ask Anna" in text
    md = run_cli("report", str(path), "--format", "md").out
    assert "- [x] **" in md and "- [ ] **" in md
    assert "## Flagged to revisit" in md
    html = run_cli("report", str(path), "--format", "html").out
    assert html.count(" checked>") == 1
    assert 'id="flagged"' in html


def test_a_partial_result_leads_with_its_range(tmp_path: Path) -> None:
    path = write_toml(
        tmp_path / "three.toml",
        {
            "answers": {
                "purpose.goals": "measurable",
                "purpose.growth": "grow",
                "market.audience": "precise",
            }
        },
    )
    out = run_cli("score", str(path)).out
    first = [line for line in out.splitlines() if line.strip()][2]
    assert first.startswith("Verdict so far: still open: NO-GO to GO")
    assert "Score so far:" in out and "Verdict:  NOT YET" not in out
    md = run_cli("report", str(path), "--format", "md").out
    assert "## Verdict so far: **still open: NO-GO to GO**" in md


def test_one_thing_to_fix_is_said_in_the_singular(bank: Any, tmp_path: Path) -> None:
    answers = dict(bank.example("bakery-cafe").answers)
    answers["purpose.goals"] = "none"
    path = write_toml(tmp_path / "one.toml", {"answers": answers})
    out = run_cli("report", str(path)).out
    assert "It can work, but fix this first." in out
    assert "Fix this first" in out and "Fix these first" not in out
    assert "Strengths" in out  # what the answers earned is shown beside the one blocker
