"""The engine on the bundled bank: published personas, reasons, ranges, what-if and the plan."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smreadiness.bank.loader import load_bank
from smreadiness.bank.model import VERDICT_RANK, Bank, Question
from smreadiness.engine import check_answers, evaluate_answers

PERSONAS = {
    "roofing-subcontractor": "no_go",
    "bakery-cafe": "go",
    "machine-shop": "no_go",
    "webshop-no-plan": "not_yet",
}


@pytest.fixture(scope="module")
def readiness() -> Bank:
    return load_bank()


@pytest.mark.parametrize(("example_id", "verdict"), PERSONAS.items())
def test_published_personas_get_their_verdicts(
    readiness: Bank, examples: dict[str, Any], example_id: str, verdict: str
) -> None:
    result = evaluate_answers(readiness, examples[example_id]["answers"])
    assert result.verdict == verdict
    assert result.complete
    assert result.decided


def test_persona_key_answers_match_the_model(examples: dict[str, Any]) -> None:
    roofer = examples["roofing-subcontractor"]["answers"]
    assert roofer["market.position"] == "subcontractor"
    assert roofer["purpose.growth"] == "steady"
    assert roofer["resources.owner"] == "nobody"
    shop = examples["machine-shop"]["answers"]
    assert (shop["culture.hierarchy"], shop["culture.leadership"]) == ("strict", "authoritarian")
    assert shop["purpose.growth"] == "grow"
    web = examples["webshop-no-plan"]["answers"]
    assert (web["purpose.goals"], web["resources.owner"], web["measurement.metrics"]) == (
        "none",
        "side_task",
        "vanity",
    )


def test_reasons_name_the_answers_behind_them(readiness: Bank, examples: dict[str, Any]) -> None:
    roofer = evaluate_answers(readiness, examples["roofing-subcontractor"]["answers"])
    knockout = next(r for r in roofer.reasons if r.rule == "subcontractor-no-growth")
    assert knockout.kind == "knockout"
    assert set(knockout.questions) == {"market.position", "purpose.growth"}
    assert knockout.idea and knockout.sources
    assert roofer.reasons[0].kind == "knockout"  # knock-outs come first
    web = evaluate_answers(readiness, examples["webshop-no-plan"]["answers"])
    assert {r.rule for r in web.reasons if r.kind == "blocker"} >= {"no-goals", "vanity-metrics"}


def test_every_knockout_of_the_model_gives_no_go(readiness: Bank, examples: dict[str, Any]) -> None:
    good = dict(examples["bakery-cafe"]["answers"])
    for change in (
        {"market.industry": "contested"},
        {"market.online": "not_online"},
        {"market.position": "subcontractor", "purpose.growth": "steady"},
        {"purpose.growth": "content"},
        {"culture.hierarchy": "strict", "culture.openness": "closed"},
        {"culture.leadership": "authoritarian", "culture.openness": "closed"},
    ):
        quiet = {**good, **change, "culture.already_social": "sometimes"}
        assert evaluate_answers(readiness, quiet).verdict == "no_go", change
    assert evaluate_answers(readiness, {**good, "market.position": "subcontractor"}).verdict == "go"


def test_two_culture_signals_in_a_firm_already_social_are_a_blocker_not_a_knockout(
    readiness: Bank, examples: dict[str, Any]
) -> None:
    """Issue 12: a top-down firm that already talks actively with customers gets a bridge."""
    good = dict(examples["bakery-cafe"]["answers"])
    change = {"culture.hierarchy": "strict", "culture.leadership": "authoritarian"}
    result = evaluate_answers(readiness, {**good, **change})
    assert result.verdict == "not_yet"
    assert "top-down-social" in {r.rule for r in result.reasons if r.kind == "blocker"}
    assert "loosen-approvals" in {a.id for a in result.actions}
    everything = {**good, **change, "culture.openness": "closed"}
    assert evaluate_answers(readiness, everything).verdict == "no_go"


@pytest.mark.parametrize(
    "change",
    [
        {"purpose.goals": "none"},
        {"market.audience": "everyone"},
        {"resources.owner": "nobody"},
        {"resources.hours": 1},
        {"resources.budget": "none"},
        {"resources.staff": "no"},
        {"culture.criticism": "delete_or_ignore"},
        {"foundation.website": "none"},
        {"measurement.metrics": "vanity"},
        {"measurement.metrics": "none"},
        {"culture.hierarchy": "strict"},
    ],
)
def test_every_blocker_of_the_model_gives_not_yet(
    readiness: Bank, examples: dict[str, Any], change: dict[str, Any]
) -> None:
    result = evaluate_answers(readiness, {**examples["bakery-cafe"]["answers"], **change})
    assert result.verdict == "not_yet"


def test_low_overall_score_alone_gives_not_yet(readiness: Bank, examples: dict[str, Any]) -> None:
    # The hardware store itself now also has a vague audience it cannot find online (issue 12:
    # a blocker of its own); knowing where its customers are leaves the low score alone.
    answers = {
        **examples["hardware-store"]["answers"],
        "market.online": "known",
        "foundation.email": "none",
    }
    result = evaluate_answers(readiness, answers)
    assert result.verdict == "not_yet"
    assert result.score is not None and result.score < 60
    assert [r.rule for r in result.reasons if r.kind == "blocker"] == ["low-score"]


def test_partial_assessment_reports_unanswered_and_range(
    readiness: Bank, examples: dict[str, Any]
) -> None:
    answers = dict(examples["bakery-cafe"]["answers"])
    del answers["resources.owner"], answers["culture.criticism"]
    result = evaluate_answers(readiness, answers)
    assert not result.complete
    assert set(result.unanswered) == {"resources.owner", "culture.criticism"}
    assert (result.worst, result.best) == ("not_yet", "go")
    assert result.verdict == "not_yet"  # never "go" while questions are open
    assert any(r.rule == "unanswered" for r in result.reasons)


def test_decided_partial_assessment_says_so(readiness: Bank) -> None:
    result = evaluate_answers(readiness, {"market.industry": "contested"})
    assert (result.verdict, result.worst, result.best, result.decided) == (
        "no_go",
        "no_go",
        "no_go",
        True,
    )
    assert result.answered_count == 1 and not result.complete


def test_empty_assessment_is_open_between_no_go_and_go(readiness: Bank) -> None:
    result = evaluate_answers(readiness, {})
    assert (result.worst, result.best) == ("no_go", "go")
    assert result.score is None
    assert result.answered_count == 0 and result.question_count >= 30


def test_show_if_question_appears_with_its_condition(readiness: Bank) -> None:
    hidden = evaluate_answers(readiness, {"market.online": "unknown"})
    shown = evaluate_answers(readiness, {"market.online": "known"})
    assert "market.platforms" in hidden.hidden
    assert "market.platforms" not in shown.hidden


def test_what_if_finds_the_single_change_that_lifts(
    readiness: Bank, examples: dict[str, Any]
) -> None:
    answers = {**examples["bakery-cafe"]["answers"], "resources.owner": "nobody"}
    result = evaluate_answers(readiness, answers)
    assert result.verdict == "not_yet"
    assert result.what_if, "a single blocker must have a way out"
    first = result.what_if[0]
    assert first.changes == {"resources.owner": "side_task"} or first.changes == {
        "resources.owner": "named"
    }
    assert first.verdict == "go"
    assert all(len(w.changes) == 1 for w in result.what_if)


def test_what_if_uses_two_changes_when_one_is_not_enough(
    readiness: Bank, examples: dict[str, Any]
) -> None:
    # The web shop with a criticism policy: two blockers left (no goals, vanity metrics).
    answers = {**examples["webshop-no-plan"]["answers"], "culture.criticism": "respond"}
    result = evaluate_answers(readiness, answers)
    assert result.what_if
    assert all(len(w.changes) == 2 for w in result.what_if)
    for item in result.what_if:
        lifted = evaluate_answers(readiness, {**answers, **item.changes})
        assert lifted.verdict == item.verdict
        assert VERDICT_RANK[item.verdict] > VERDICT_RANK["not_yet"]
    efforts = [w.effort for w in result.what_if]
    assert efforts == sorted(efforts)


def test_what_if_for_hours_names_the_smallest_number(
    readiness: Bank, examples: dict[str, Any]
) -> None:
    answers = {**examples["bakery-cafe"]["answers"], "resources.hours": 1}
    result = evaluate_answers(readiness, answers)
    assert {"resources.hours": 2} in [dict(w.changes) for w in result.what_if]


def test_plan_answers_every_blocker_in_strategy_order(
    readiness: Bank, examples: dict[str, Any]
) -> None:
    result = evaluate_answers(readiness, examples["webshop-no-plan"]["answers"])
    covered = {b for a in result.actions for b in a.because}
    blockers = {r.rule for r in result.reasons if r.kind == "blocker"}
    assert blockers <= covered
    # Issue 12: at most three actions for this week first, then the rest in strategy order.
    now = [a for a in result.actions if a.horizon == "now"]
    later = [a for a in result.actions if a.horizon == "later"]
    assert 1 <= len(now) <= 3 and list(result.actions) == now + later
    assert {b for a in now for b in a.because} >= blockers
    order = [readiness.step_index(a.step) for a in later]
    assert order == sorted(order)
    assert all(a.title and a.dimension in result.dimensions for a in result.actions)


def test_no_go_plan_says_what_to_do_instead(readiness: Bank, examples: dict[str, Any]) -> None:
    result = evaluate_answers(readiness, examples["roofing-subcontractor"]["answers"])
    assert 1 <= len(result.actions) <= 2  # one or two bridges, no pile of steps
    assert {a.step for a in result.actions} == {"instead"}
    assert {r.kind for r in result.reasons} <= {"knockout", "caution"}
    assert sum(r.kind == "caution" for r in result.reasons) <= 3


def test_same_answers_same_result(readiness: Bank, examples: dict[str, Any]) -> None:
    answers = examples["webshop-no-plan"]["answers"]
    first = evaluate_answers(readiness, answers).to_json()
    again = evaluate_answers(load_bank(), dict(reversed(list(answers.items())))).to_json()
    assert first == again


# ---------------------------------------------------------------- properties


def _values(question: Question) -> st.SearchStrategy[Any]:
    if question.kind == "choice":
        return st.sampled_from([o.value for o in question.options])
    if question.kind == "number":
        return st.integers(int(question.min or 0), int(min(question.max or 200, 200)))
    return st.text(min_size=1, max_size=200).filter(lambda s: s.strip() != "")


BANK = load_bank()
ANSWERS = st.fixed_dictionaries({}, optional={q.id: _values(q) for q in BANK.questions})
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(answers=ANSWERS)
def test_any_answers_give_a_verdict_within_its_range(answers: dict[str, Any]) -> None:
    clean, problems = check_answers(BANK, answers)
    assert not problems
    result = evaluate_answers(BANK, clean)
    assert result.verdict in VERDICT_RANK
    assert VERDICT_RANK[result.worst] <= VERDICT_RANK[result.verdict] <= VERDICT_RANK[result.best]
    assert all(s is None or 0 <= s <= 100 for s in result.dimensions.values())


def _better(question: Question, value: Any) -> list[Any]:
    if question.kind == "choice":
        rank = question.rank(value)
        return [o.value for o in question.options[: rank or 0]]
    if question.kind == "number":
        return [
            v
            for v in (value + 1, value + 5, question.max)
            if v is not None and v <= (question.max or v)
        ]
    return []


@PROPERTY
@given(answers=ANSWERS, data=st.data())
def test_improving_one_answer_never_worsens_the_verdict(
    answers: dict[str, Any], data: st.DataObject
) -> None:
    clean, _ = check_answers(BANK, answers)
    if not clean:
        return
    question_id = data.draw(st.sampled_from(sorted(clean)))
    question = BANK.by_id[question_id]
    before = evaluate_answers(BANK, clean, what_if=False, plan=False)
    for better in _better(question, clean[question_id]):
        after = evaluate_answers(BANK, {**clean, question_id: better}, what_if=False, plan=False)
        if before.complete and after.complete:
            assert VERDICT_RANK[after.verdict] >= VERDICT_RANK[before.verdict]
        assert VERDICT_RANK[after.best] >= VERDICT_RANK[before.best]
        assert VERDICT_RANK[after.worst] >= VERDICT_RANK[before.worst]


@PROPERTY
@given(data=st.data())
def test_final_verdict_lies_in_the_range_of_any_partial_subset(data: st.DataObject) -> None:
    full = data.draw(
        st.fixed_dictionaries({q.id: _values(q) for q in BANK.questions if not q.optional})
    )
    final = evaluate_answers(BANK, full, what_if=False, plan=False)
    assert final.complete
    kept = data.draw(st.sets(st.sampled_from(sorted(full))))
    partial = evaluate_answers(BANK, {k: full[k] for k in kept}, what_if=False, plan=False)
    assert VERDICT_RANK[partial.worst] <= VERDICT_RANK[final.verdict] <= VERDICT_RANK[partial.best]


def test_what_if_on_a_partial_assessment_never_claims_more_than_reachable(
    readiness: Bank, examples: dict[str, Any]
) -> None:
    assert evaluate_answers(readiness, {"purpose.goals": "none"}).what_if == ()
    answers = dict(examples["machine-shop"]["answers"])
    del answers["risk.units"]
    result = evaluate_answers(readiness, answers)
    assert result.verdict == "no_go" and result.decided and not result.complete
    assert result.what_if
    for item in result.what_if:
        assert item.verdict == "not_yet"  # "go" needs the open question answered
        again = evaluate_answers(readiness, {**answers, **item.changes}, what_if=False)
        assert again.verdict == item.verdict
