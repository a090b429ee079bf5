"""The bundled bank keeps the readiness model's contract, and its texts trace to the sources."""

from __future__ import annotations

from pathlib import Path

from smreadiness.bank.core import CORE_QUESTIONS
from smreadiness.bank.loader import load_bank, resolve_bank
from smreadiness.bank.model import Bank
from smreadiness.bank.validate import validate_bank_bytes
from smreadiness.cachefile import read_cache
from tests.conftest import BANK_FILE, DIMENSIONS


def test_bundled_bank_validates_cleanly() -> None:
    report = validate_bank_bytes(BANK_FILE.read_bytes(), str(BANK_FILE))
    assert report.problems == []
    assert report.bank is not None and report.examples_checked >= 6


def test_core_ids_and_options_best_first(bank: Bank) -> None:
    for question_id, expected in CORE_QUESTIONS.items():
        question = bank.question(question_id)
        assert question is not None, question_id
        if isinstance(expected, tuple):
            assert tuple(o.value for o in question.options) == expected
            scores = [o.score for o in question.options]
            assert scores == sorted(scores, reverse=True), question_id
        else:
            assert question.kind == expected


def test_model_dimensions_in_order(bank: Bank) -> None:
    assert tuple(d.id for d in bank.dimensions) == DIMENSIONS


def test_every_help_text_cites_a_known_source(bank: Bank) -> None:
    known = {s.id for s in bank.sources}
    assert known == {"000", "001", "002", "003"}
    for question in bank.questions:
        assert len(question.help) > 40, question.id
        assert question.sources and set(question.sources) <= known, question.id
    for rule in bank.rules:
        assert rule.idea and rule.sources, rule.id


def test_every_blocker_has_an_action_and_every_dimension_a_fallback(bank: Bank) -> None:
    answered = {rule for action in bank.actions for rule in action.rules}
    for rule in bank.rules:
        if rule.kind in ("blocker", "knockout") and rule.id != "low-score":
            assert rule.id in answered, rule.id
    fallback = {a.dimension for a in bank.actions if not a.rules and a.when is None}
    assert fallback == {d.id for d in bank.dimensions}


def test_model_rules_are_present_with_their_kinds(bank: Bank) -> None:
    kinds = {rule.id: rule.kind for rule in bank.rules}
    for rule_id in (
        "contested-industry",
        "market-not-online",
        "subcontractor-no-growth",
        "no-wish-to-grow",
        "closed-culture",
    ):
        assert kinds[rule_id] == "knockout"
    for rule_id in (
        "no-goals",
        "audience-everyone",
        "no-owner",
        "too-few-hours",
        "no-budget",
        "staff-not-ready",
        "deletes-criticism",
        "no-website",
        "vanity-metrics",
        "one-culture-signal",
        "low-score",
    ):
        assert kinds[rule_id] == "blocker"


def test_bank_by_id_and_by_path(tmp_path: Path) -> None:
    assert resolve_bank() == resolve_bank("readiness") == BANK_FILE
    copy = tmp_path / "mine.toml"
    copy.write_bytes(BANK_FILE.read_bytes())
    assert load_bank(str(copy)).id == "readiness"


def test_validated_bank_is_cached_and_cache_is_not_trusted_blindly(tmp_path: Path) -> None:
    first = load_bank()
    cached = list((tmp_path / "cache" / "banks").glob("*.json"))
    assert len(cached) == 1
    cached[0].write_text("{not json")  # a damaged cache only costs a re-validation
    again = load_bank()
    assert [(r.id, r.when_text) for r in again.rules] == [(r.id, r.when_text) for r in first.rules]
    assert [q.id for q in again.questions] == [q.id for q in first.questions]
    rewritten = read_cache(cached[0])
    assert rewritten is not None and rewritten["id"] == "readiness"  # rewritten whole


def test_a_translation_missing_a_text_is_a_warning_and_the_base_text_is_used(
    tmp_path: Path,
) -> None:
    import shutil

    from tests.conftest import run_cli

    copy = tmp_path / "questions"
    shutil.copytree(Path(__file__).parent.parent / "questions", copy)
    overlay = copy / "readiness.sv.toml"
    text = overlay.read_text("utf-8")
    start = text.index("[rules.small-firm-no-benefit]")
    overlay.write_text(text[:start] + text[text.index("\n\n", start) + 2 :], "utf-8")
    whole = run_cli("questions", "validate", str(copy / "readiness.toml"))
    assert whole.code == 0, whole.err
    assert "translations: fi, sv (1 text missing)" in whole.out
    assert "rules.small-firm-no-benefit: warning: missing; the base text is used" in whole.err
    alone = run_cli("questions", "validate", str(overlay))
    assert alone.code == 0 and "with 1 text missing (the base text is used)" in alone.out
