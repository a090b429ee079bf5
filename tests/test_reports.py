"""Reports in every format, history snapshots and comparison, through the CLI as users run it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from smreadiness.bank.loader import load_bank
from smreadiness.history import add_snapshot
from smreadiness.report.schema import ResultModel
from smreadiness.store import Store
from tests.conftest import chromium_command, run_cli, write_toml

PERSONAS = {
    "roofing-subcontractor": "NO-GO",
    "bakery-cafe": "GO",
    "machine-shop": "NO-GO",
    "webshop-no-plan": "NOT YET",
}
HOSTILE = "<script>alert(1)</script> [bold red]Acme[/] \x1b[2J\x1b]0;pwned\x07 & Sons"


def _import(path: Path) -> str:
    result = run_cli("import", str(path))
    assert result.code == 0, result.err
    return result.out.split()[1]


@pytest.mark.parametrize(("example_id", "word"), PERSONAS.items())
def test_every_format_carries_the_same_content(
    answers_file: Any, examples: dict[str, Any], example_id: str, word: str
) -> None:
    path = answers_file(example_id)
    name = examples[example_id]["name"]
    outputs = {fmt: run_cli("report", str(path), "--format", fmt) for fmt in ("text", "md", "html")}
    for fmt, result in outputs.items():
        assert result.code == 0, (fmt, result.err)
        body = result.out
        assert name in body, fmt
        assert word in body, fmt
        assert "Purpose and goals" in body and "Online foundations" in body, fmt
        assert "Action plan" in body and "Your answers" in body, fmt
        assert "Social media readiness, version 1.2.0" in body, fmt
    document = json.loads(run_cli("report", str(path), "--format", "json").out)
    first_action = document["actions"][0]["title"]
    for fmt, result in outputs.items():
        assert first_action.split(":")[0][:30] in result.out.replace("\\", ""), fmt


def test_markdown_plan_is_a_checklist(answers_file: Any) -> None:
    body = run_cli("report", str(answers_file("webshop-no-plan")), "--format", "md").out
    checklist = [line for line in body.splitlines() if line.startswith("- [ ] ")]
    assert len(checklist) >= 5
    assert body.startswith("# Social media readiness: Northern Wool Socks")


def test_partial_report_lists_unanswered(tmp_path: Path) -> None:
    path = write_toml(
        tmp_path / "p.toml", {"meta": {"name": "Half Done"}, "answers": {"purpose.goals": "vague"}}
    )
    for fmt in ("text", "md", "html"):
        body = run_cli("report", str(path), "--format", fmt).out
        # A partial result leads with its range (it used to lead with a verdict word).
        assert "Unanswered" in body and "Verdict so far" in body, fmt
        assert "still open" in body, fmt


def test_notes_appear_in_every_format(tmp_path: Path, examples: dict[str, Any]) -> None:
    doc = {
        "meta": {"name": "Noted Ltd"},
        "answers": examples["bakery-cafe"]["answers"],
        "notes": {"resources.hours": "Anna can do Tuesdays"},
    }
    path = write_toml(tmp_path / "n.toml", doc)
    for fmt in ("text", "md", "html"):
        assert "Anna can do Tuesdays" in run_cli("report", str(path), "--format", fmt).out, fmt


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_hostile_text_comes_out_literally_and_harmlessly(
    tmp_path: Path, examples: dict[str, Any], fmt: str
) -> None:
    doc = {
        "meta": {"name": HOSTILE},
        "answers": {**examples["bakery-cafe"]["answers"], "message.pitch": HOSTILE},
        "notes": {"purpose.goals": HOSTILE},
    }
    path = write_toml(tmp_path / "h.toml", doc)
    result = run_cli("report", str(path), "--format", fmt)
    assert result.code == 0, result.err
    body = result.out
    assert "\x1b" not in body and "\x07" not in body
    if fmt == "json":
        assert json.loads(body)["name"] == HOSTILE
    elif fmt == "html":
        assert "<script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert "[bold red]Acme[/]" in body
    elif fmt == "md":
        assert "<script>" not in body and "&lt;script&gt;" in body
        assert "\\[bold red\\]Acme\\[/\\]" in body
    else:
        assert "<script>alert(1)</script> [bold red]Acme[/]" in body
        assert "\\x1b[2J" in body  # shown, not obeyed


def test_html_is_self_contained_with_print_and_phone_styles(answers_file: Any) -> None:
    body = run_cli("report", str(answers_file("bakery-cafe")), "--format", "html").out
    assert re.search(r"(src|href)=\"https?:", body) is None
    assert "<link" not in body and "@import" not in body
    assert "@media print" in body and "break-before:page" in body and "size:A4" in body
    assert 'name="viewport"' in body
    assert '<svg class="chart" role="img"' in body and '<title id="chart-title">' in body
    assert '<html lang="en">' in body and body.count("<h1") == 1


def test_output_file_is_written(answers_file: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli("report", str(answers_file("bakery-cafe")), "--format", "html", "-o", str(out))
    assert result.code == 0 and result.out == ""
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_json_validates_against_the_published_schema(answers_file: Any) -> None:
    schema = json.loads(run_cli("schema").out)
    assert schema["title"] == "ResultModel"
    for example_id in PERSONAS:
        document = json.loads(
            run_cli("score", str(answers_file(example_id)), "--format", "json").out
        )
        jsonschema.validate(document, schema)
        ResultModel.model_validate(document)


def _finish(name: str) -> None:
    store, bank = Store(), load_bank()
    assessment = store.find(name)
    store.update(assessment.id, lambda a: add_snapshot(a, bank))


def test_history_and_compare_of_snapshots(answers_file: Any) -> None:
    _import(answers_file("webshop-no-plan"))
    assert "no finished snapshots yet" in run_cli("history", "Northern Wool Socks").out
    # With a criticism policy agreed, two blockers are left: no goals and vanity metrics.
    store = Store()
    first = store.find("Northern Wool Socks")
    store.update(first.id, lambda a: a.with_answer("culture.criticism", "respond"))
    _finish("Northern Wool Socks")
    _finish("Northern Wool Socks")  # nothing changed: no second snapshot
    store = Store()
    assessment = store.find("Northern Wool Socks")
    store.update(
        assessment.id,
        lambda a: a.with_answer("purpose.goals", "measurable").with_answer(
            "measurement.metrics", "business"
        ),
    )
    _finish("Northern Wool Socks")
    history = json.loads(run_cli("history", "Northern Wool Socks", "--format", "json").out)
    assert [(h["number"], h["verdict"]) for h in history] == [(1, "not_yet"), (2, "go")]
    text = run_cli("compare", "Northern Wool Socks@1", "Northern Wool Socks@2")
    assert text.code == 0, text.err
    assert "Verdict: NOT YET → GO" in text.out and "Changed answers (2)" in text.out
    data = json.loads(
        run_cli(
            "compare", "Northern Wool Socks@1", "Northern Wool Socks@-1", "--format", "json"
        ).out
    )
    assert data["verdict"] == {"before": "not_yet", "after": "go", "changed": True}
    assert {c["question"] for c in data["answers"]} == {"purpose.goals", "measurement.metrics"}
    assert data["dimensions"]["purpose"]["delta"] > 0 and data["dimensions"]["market"]["delta"] == 0
    md = run_cli("compare", "Northern Wool Socks@1", "Northern Wool Socks@2", "--format", "md").out
    assert "| Purpose and goals |" in md
    # Just finished: the report shows what changed since the finish before.
    report = run_cli("report", "Northern Wool Socks", "--format", "html").out
    assert 'id="change"' in report and "Verdict then: <strong>NOT YET</strong>" in report
    assert report.count("<tr><td>") - report.count("<tr><td>", report.index('id="answers"')) == 2
    # Changed again since the last finish: the change is counted from that finish.
    store.update(assessment.id, lambda a: a.with_answer("foundation.email", "active"))
    report = run_cli("report", "Northern Wool Socks", "--format", "md").out
    assert "Verdict then: **GO**" in report


def test_compare_two_assessments_and_bad_snapshot(answers_file: Any) -> None:
    result = run_cli("compare", str(answers_file("bakery-cafe")), str(answers_file("machine-shop")))
    assert result.code == 0 and "Verdict: GO → NO-GO" in result.out
    _import(answers_file("bakery-cafe"))
    missing = run_cli("compare", "Bakery Aurora@1", "Bakery Aurora@2")
    assert missing.code == 1 and "no finished snapshots yet" in missing.err


def test_compare_of_two_bad_files_reports_both(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("answers = [\n", encoding="utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('name = "x"\n[answers]\n"purpose.goals" = 7\n', encoding="utf-8")
    result = run_cli("compare", str(broken), str(wrong))
    assert result.code == 3
    lines = result.err.splitlines()
    assert any(line.startswith(f"{broken}: TOML syntax error") for line in lines)
    assert any(line.startswith(f'{wrong}:3: answers."purpose.goals"') for line in lines)


def test_old_file_without_history_or_meta_still_loads_and_reports(
    isolated_dirs: Path, examples: dict[str, Any]
) -> None:
    isolated_dirs.mkdir(parents=True)
    write_toml(isolated_dirs / "legacy.toml", {"answers": examples["machine-shop"]["answers"]})
    rows = json.loads(run_cli("list", "--format", "json").out)
    assert rows[0]["id"] == "legacy" and rows[0]["verdict"] == "no_go"
    report = run_cli("report", "legacy")
    assert report.code == 0 and "NO-GO" in report.out
    assert "no finished snapshots" in run_cli("history", "legacy").out


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="headless Chromium not installed (.ci/run installs it)",
)
def test_html_report_renders_in_headless_chromium(answers_file: Any, tmp_path: Path) -> None:
    assert CHROMIUM is not None, "CI must have chromium: .ci/run installs it"
    out = tmp_path / "report.html"
    assert (
        run_cli(
            "report", str(answers_file("webshop-no-plan")), "--format", "html", "-o", str(out)
        ).code
        == 0
    )
    profile = tmp_path / "profile"
    result = subprocess.run(
        chromium_command(CHROMIUM, profile, "--dump-dom", out.as_uri()),
        capture_output=True,
        text=True,
        timeout=90,
    )
    dom = result.stdout
    assert '<span id="verdict-word">NOT YET</span>' in dom
    assert "Social media readiness: Northern Wool Socks" in dom
    assert dom.count('type="checkbox"') >= 5
