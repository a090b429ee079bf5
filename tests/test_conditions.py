"""The condition language: what bank authors write, evaluated three-valued and never eval'd."""

from __future__ import annotations

import pytest

from smreadiness.bank.analysis import referenced_questions, witnesses
from smreadiness.bank.conditions import ConditionError, EvalContext, evaluate, parse


def check(source: str, answers: dict[str, object], score: int | None = None) -> bool | None:
    return evaluate(parse(source), EvalContext(answers, score))  # type: ignore[arg-type]


def test_comparisons_and_membership() -> None:
    answers = {"market.industry": "contested", "resources.hours": 1}
    assert check('market.industry == "contested"', answers) is True
    assert check('market.industry != "contested"', answers) is False
    assert check("resources.hours < 2", answers) is True
    assert check("resources.hours >= 2", answers) is False
    assert check('market.industry in ["regulated", "contested"]', answers) is True
    assert check('market.industry not in ["regulated", "contested"]', answers) is False


def test_unanswered_is_unknown_and_kleene_logic_applies() -> None:
    assert check('purpose.goals == "none"', {}) is None
    assert check('purpose.goals == "none" or market.online == "known"', {"market.online": "known"})
    assert (
        check('purpose.goals == "none" and market.online == "known"', {"market.online": "unknown"})
        is False
    )
    assert (
        check('purpose.goals == "none" and market.online == "known"', {"market.online": "known"})
        is None
    )
    assert check('not purpose.goals == "none"', {}) is None


def test_count_is_an_interval_on_partial_answers() -> None:
    rule = 'count(a.x == "s", a.y == "s", a.z == "s") >= 2'
    assert check(rule, {"a.x": "s", "a.y": "s"}) is True
    assert check(rule, {"a.x": "s"}) is None
    assert check(rule, {"a.x": "s", "a.y": "n", "a.z": "n"}) is False
    assert check(rule.replace(">= 2", "== 1"), {"a.x": "s", "a.y": "n", "a.z": "n"}) is True


def test_score_and_answered() -> None:
    assert check("score < 60", {}, score=55) is True
    assert check("score < 60", {}, score=None) is None
    assert check("answered(message.pitch)", {"message.pitch": "hi"}) is True
    assert check("answered(message.pitch)", {}) is False


@pytest.mark.parametrize(
    ("source", "column"),
    [
        ("", 1),
        ("purpose.goals ==", 17),
        ('purpose.goals = "none"', 15),
        ("__import__('os').system('x')", 17),
        ('purpose.goals == "none" and', 28),
        ("count(", 7),
        ("a.b in [c.d]", 9),
    ],
)
def test_parse_errors_name_the_column(source: str, column: int) -> None:
    with pytest.raises(ConditionError) as raised:
        parse(source)
    assert f"column {column}" in str(raised.value)


def test_referenced_questions_and_witnesses() -> None:
    node = parse('count(c.h == "strict", c.l == "auth", c.o == "closed") >= 2 or x.y == "z"')
    assert referenced_questions(node) == ["c.h", "c.l", "c.o", "x.y"]
    ctx = EvalContext({"c.h": "strict", "c.l": "auth", "c.o": "open", "x.y": "w"})
    assert witnesses(node, ctx) == ["c.h", "c.l"]
