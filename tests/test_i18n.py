"""Finnish and Swedish: the same verdicts in every language, and texts in the chosen one."""

from __future__ import annotations

import json
from typing import Any

import pytest

from smreadiness.bank.loader import load_bank
from smreadiness.engine import check_answers, evaluate_answers
from tests.conftest import run_cli

LANGUAGES = ("en", "fi", "sv")


@pytest.mark.parametrize("language", LANGUAGES)
def test_personas_reach_the_same_verdict_in_every_language(language: str) -> None:
    english = load_bank(language="en")
    bank = load_bank(language=language)
    assert bank.language == language
    assert [q.id for q in bank.questions] == [q.id for q in english.questions]
    assert [r.when_text for r in bank.rules] == [r.when_text for r in english.rules]
    for example, original in zip(bank.examples, english.examples, strict=True):
        answers, problems = check_answers(bank, example.answers)
        assert not problems
        result = evaluate_answers(bank, answers)
        expected = evaluate_answers(english, check_answers(english, original.answers)[0])
        assert result.verdict == example.expected == expected.verdict, (language, example.id)
        assert result.score == expected.score
        assert [r.rule for r in result.reasons] == [r.rule for r in expected.reasons]


@pytest.mark.parametrize("language", ("fi", "sv"))
def test_bank_texts_follow_the_language(language: str) -> None:
    bank = load_bank(language=language)
    english = load_bank(language="en")
    for ours, theirs in zip(bank.questions, english.questions, strict=True):
        assert ours.prompt != theirs.prompt, ours.id
        assert ours.help != theirs.help, ours.id
        for option, other in zip(ours.options, theirs.options, strict=True):
            assert option.value == other.value
    assert all(r.message != e.message for r, e in zip(bank.rules, english.rules, strict=True))


def test_json_keys_and_values_stay_english(answers_file: Any) -> None:
    path = str(answers_file("webshop-no-plan"))
    english = json.loads(run_cli("score", path, "--format", "json").out)
    finnish = json.loads(run_cli("score", path, "--format", "json", "--lang", "fi").out)
    assert finnish.keys() == english.keys()
    assert finnish["verdict"] == english["verdict"] == "not_yet"
    assert [r["rule"] for r in finnish["reasons"]] == [r["rule"] for r in english["reasons"]]
    assert finnish["reasons"][0]["message"] != english["reasons"][0]["message"]


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_numbers_are_written_as_babel_writes_them(language: str) -> None:
    """Small whole numbers skip Babel (start-up time); they must read exactly the same."""
    from babel.numbers import format_decimal

    from smreadiness.i18n import format_number, set_language

    try:
        set_language(language)
        for value in (0, 1, -3, 12.0, 999, -999.0, 1000, 1234567, 12.5, 0.25, -1500.75):
            assert format_number(value) == str(format_decimal(value, locale=language))
    finally:
        set_language("en")
