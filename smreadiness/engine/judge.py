"""The cheap core of evaluation: visibility, scores, fired rules, filled-in completions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from smreadiness.bank.conditions import EvalContext, Scalar, evaluate
from smreadiness.bank.kinds import KINDS
from smreadiness.bank.model import DONT_KNOW, Bank, Question, Rule


class Judgement(NamedTuple):
    """The cheap core of an evaluation, computed many times by the range and what-if."""

    verdict: str
    fired: tuple[Rule, ...]
    score: int | None
    dimensions: dict[str, int | None]
    visible: tuple[Question, ...]
    answers: dict[str, Scalar]
    unanswered: tuple[str, ...]
    context: EvalContext
    unknown: tuple[str, ...] = ()
    """Questions answered "don't know": answered, but not known to scores and rules."""

    @property
    def settled(self) -> bool:
        """Every question asked has a known answer: nothing can move the verdict."""
        return not self.unanswered and not self.unknown


def _round(value: float) -> int:
    return int(value + 0.5)


def known_to_rules(bank: Bank, answers: Mapping[str, Scalar]) -> dict[str, Scalar]:
    """The answers rules and ``show_if`` see: not "don't know", and not an option saying the
    question does not apply (both are "not known" to a condition)."""
    by_id = bank.by_id
    return {
        k: v
        for k, v in answers.items()
        if v != DONT_KNOW and not ((q := by_id.get(k)) is not None and v in q.not_applicable_values)
    }


def visible_questions(bank: Bank, answers: Mapping[str, Scalar]) -> tuple[Question, ...]:
    """Questions asked for these answers: ``show_if`` resolved to a fixed point."""
    conditional = [q for q in bank.questions if q.show_if is not None]
    if not conditional:
        return bank.questions
    shown = {q.id for q in bank.questions if q.show_if is None}
    for _ in range(len(conditional) + 1):
        ctx = EvalContext({k: v for k, v in known_to_rules(bank, answers).items() if k in shown})
        now = {q.id for q in bank.questions if q.show_if is None}
        now.update(q.id for q in conditional if q.show_if and evaluate(q.show_if, ctx) is True)
        if now == shown:
            break
        shown = now
    return tuple(q for q in bank.questions if q.id in shown)


def scores(
    bank: Bank, visible: tuple[Question, ...], answers: Mapping[str, Scalar]
) -> tuple[int | None, dict[str, int | None]]:
    """Per-dimension scores and the overall score, from answered questions only."""
    sums: dict[str, float] = {}
    weights: dict[str, float] = {}
    for question in visible:
        if question.id not in answers or not question.scored:
            continue
        points = question.score_of(answers[question.id])
        if points is None:
            continue
        sums[question.dimension] = sums.get(question.dimension, 0.0) + points * question.weight
        weights[question.dimension] = weights.get(question.dimension, 0.0) + question.weight
    dimensions: dict[str, int | None] = {}
    total = total_weight = 0.0
    for dimension in bank.dimensions:
        weight = weights.get(dimension.id)
        if not weight:
            dimensions[dimension.id] = None
            continue
        value = sums[dimension.id] / weight
        dimensions[dimension.id] = _round(value)
        total += value * dimension.weight
        total_weight += dimension.weight
    overall = _round(total / total_weight) if total_weight else None
    return overall, dimensions


def judge(bank: Bank, answers: Mapping[str, Scalar]) -> Judgement:
    """Verdict and fired rules. Rules on scores are unknown until the assessment is complete."""
    known_answers = {k: v for k, v in answers.items() if v != DONT_KNOW}
    visible = visible_questions(bank, known_answers)
    used = {q.id: answers[q.id] for q in visible if q.id in answers}
    unknown = tuple(q.id for q in visible if used.get(q.id) == DONT_KNOW)
    known = known_to_rules(bank, used)
    unanswered = tuple(q.id for q in visible if q.id not in used and not q.optional)
    overall, dimensions = scores(bank, visible, known)
    settled = not unanswered and not unknown
    ctx = EvalContext(
        known,
        overall if settled else None,
        dimensions if settled else {},
    )
    fired = tuple(rule for rule in bank.rules if evaluate(rule.when, ctx) is True)
    kinds = {rule.kind for rule in fired}
    verdict = "no_go" if "knockout" in kinds else "not_yet" if "blocker" in kinds else "go"
    return Judgement(verdict, fired, overall, dimensions, visible, used, unanswered, ctx, unknown)


def best_value(question: Question) -> Scalar:
    """The best possible answer: first option, the largest number, a text in the top band."""
    return KINDS[question.kind].best(question)


def worst_value(question: Question) -> Scalar:
    """The worst possible answer: last option, the smallest number, a text in the lowest band."""
    return KINDS[question.kind].worst(question)


def completed(bank: Bank, answers: Mapping[str, Scalar], best: bool) -> Judgement:
    """Judge the answers with every open question filled in with its best (or worst) answer."""
    filled = {k: v for k, v in answers.items() if v != DONT_KNOW}  # "don't know": open
    pick = best_value if best else worst_value
    for _ in range(len(bank.questions) + 1):
        current = judge(bank, filled)
        if not current.unanswered:
            return current
        for question_id in current.unanswered:
            question = bank.by_id[question_id]
            filled[question_id] = pick(question)
    return judge(bank, filled)
