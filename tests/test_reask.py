"""A changed bank asks again only what changed; examples are listed with their verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from smreadiness.bank.loader import load_bank
from smreadiness.reask import record_fingerprints, stale_answers
from smreadiness.store import Store
from tests.conftest import BANK_FILE, run_cli


def _changed_bank(tmp_path: Path) -> Path:
    text = BANK_FILE.read_text("utf-8")
    text = text.replace('version = "1.2.0"', 'version = "1.3.0"', 1)
    # Reworded only: must NOT be asked again.
    text = text.replace(
        'prompt = "Do you have measurable goals for social media?"',
        'prompt = "Have you set measurable goals for social media?"',
    )
    # Meaning changed: the author bumps the revision.
    marker = 'id = "resources.budget"'
    assert marker in text
    text = text.replace(marker, marker + "\nrevision = 2", 1)
    path = tmp_path / "readiness.toml"
    path.write_text(text, "utf-8")
    return path


def test_only_changed_questions_are_asked_again(tmp_path: Path, examples: dict[str, Any]) -> None:
    old = load_bank()
    assert old.question("purpose.goals") is not None
    store = Store()
    assessment = store.create("Bakery Aurora", bank_version=old.version)
    for question_id, value in examples["bakery-cafe"]["answers"].items():
        question = old.by_id[question_id]
        assessment = assessment.with_answer(question_id, value, question.fingerprint)
    store.save(assessment)
    new = load_bank(str(_changed_bank(tmp_path)))
    assert new.by_id["purpose.goals"].prompt.startswith("Have you set")
    stale = stale_answers(store.load(assessment.id), new)
    assert stale.reask == ("resources.budget",)
    assert stale.orphaned == ()
    assert stale_answers(store.load(assessment.id), old).reask == ()


def test_answers_that_no_longer_fit_are_asked_again_even_without_fingerprints(
    examples: dict[str, Any],
) -> None:
    bank = load_bank()
    store = Store()
    legacy = store.create("Legacy")
    answers = {**examples["bakery-cafe"]["answers"], "purpose.goals": "sort_of", "gone.q": "x"}
    legacy = legacy._replace(answers=answers)
    stale = stale_answers(legacy, bank)
    assert stale.reask == ("purpose.goals",)
    assert stale.orphaned == ("gone.q",)
    recorded = record_fingerprints(legacy, bank)
    assert "purpose.goals" not in recorded.fingerprints
    assert recorded.fingerprints["market.online"] == bank.by_id["market.online"].fingerprint


def test_translation_does_not_change_fingerprints() -> None:
    english = load_bank(language="en")
    for language in ("fi", "sv"):
        other = load_bank(language=language)
        assert [q.fingerprint for q in other.questions] == [
            q.fingerprint for q in english.questions
        ]


def test_import_records_fingerprints(answers_file: Any, isolated_dirs: Path) -> None:
    assert run_cli("import", str(answers_file("bakery-cafe"))).code == 0
    saved = next(isolated_dirs.glob("*.toml")).read_text()
    assert "[state.fingerprints]" in saved and 'bank_version = "1.2.0"' in saved


def test_examples_command_lists_every_persona_with_its_verdict() -> None:
    rows = {row["id"]: row for row in json.loads(run_cli("examples", "--format", "json").out)}
    assert len(rows) >= 6
    assert rows["bakery-cafe"]["verdict"] == "go"
    assert rows["webshop-no-plan"]["verdict"] == "not_yet"
    assert rows["machine-shop"]["verdict"] == "no_go"
    assert rows["roofing-subcontractor"]["verdict"] == "no_go"
    assert {r["verdict"] for r in rows.values()} == {"go", "not_yet", "no_go"}
    assert all(r["story"] for r in rows.values())
    text = run_cli("examples")
    assert text.code == 0 and "Bakery Aurora" in text.out and "NOT YET" in text.out
