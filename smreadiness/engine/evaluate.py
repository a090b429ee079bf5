"""From answers to scores, verdict, reasons, the range still reachable, what-if and plan."""

from __future__ import annotations

from collections.abc import Mapping

from smreadiness.bank.analysis import witnesses
from smreadiness.bank.conditions import EvalContext, Scalar
from smreadiness.bank.model import VERDICT_RANK, VERDICTS, Bank, Rule
from smreadiness.engine.judge import Judgement, completed, judge
from smreadiness.engine.plan import build_plan
from smreadiness.engine.result import WEAK_RULE_PREFIX, Evaluation, Reason
from smreadiness.engine.whatif import find_what_ifs
from smreadiness.i18n import _, ngettext

UNANSWERED_RULE = "unanswered"
UNKNOWN_RULE = "unknown"
"""The engine's reason when "don't know" answers keep the verdict open."""
MAX_ALSO_WEAK = 3
_KIND_ORDER = {"knockout": 0, "blocker": 1, "caution": 2, "strength": 3}


def _reason(rule: Rule, ctx: EvalContext) -> Reason:
    return Reason(
        kind=rule.kind,
        rule=rule.id,
        message=rule.message,
        idea=rule.idea,
        sources=rule.sources,
        questions=tuple(witnesses(rule.when, ctx)),
    )


def _weak_questions(bank: Bank, current: Judgement, dimension: str) -> tuple[str, ...]:
    """The answered questions of a dimension that score below the bank's ``weak_below``."""
    out = []
    for question in current.visible:
        if question.dimension != dimension or not question.scored:
            continue
        if question.id not in current.answers:
            continue
        points = question.score_of(current.answers[question.id])
        if points is not None and points < bank.weak_below:
            out.append(question.id)
    return tuple(out)


def _weak_dimension_reasons(
    bank: Bank, current: Judgement, covered: set[str], limit: int | None
) -> list[Reason]:
    """A caution for each weak dimension that no caution or blocker of the bank speaks to yet.

    A "go" with a weak area is never shown with strengths alone; after a no-go these are the
    "also weak" lines (the weakest few, weakest first).
    """
    weak = sorted(
        (
            (score, index, dimension)
            for index, dimension in enumerate(bank.dimensions)
            if (score := current.dimensions.get(dimension.id)) is not None
            and score < bank.weak_below
            and dimension.id not in covered
        ),
    )
    if limit is not None:
        weak = weak[:limit]
    reasons = []
    for score, _index, dimension in weak:
        if limit is not None:
            message = _("{dimension} is also weak ({score} of 100).")
        else:
            message = _(
                "{dimension} is weak ({score} of 100): watch it, and work through the "
                "actions for it in the plan."
            )
        reasons.append(
            Reason(
                kind="caution",
                rule=WEAK_RULE_PREFIX + dimension.id,
                message=message.format(dimension=dimension.title, score=score),
                # After a no-go these are one line each: the knock-out carries the idea.
                idea=""
                if limit is not None
                else _(
                    "Map your strengths and weaknesses first: a weak area is where effort is "
                    "most likely to be wasted."
                ),
                sources=("002",) if bank.core and limit is None else (),
                questions=_weak_questions(bank, current, dimension.id),
            )
        )
    return reasons


def _unanswered_reason(unanswered: tuple[str, ...], worst: str, best: str, bank: Bank) -> Reason:
    from smreadiness.wording import verdict_word

    count = len(unanswered)
    message = ngettext(
        "{count} question is still unanswered; the verdict can still move between "
        "{worst} and {best}.",
        "{count} questions are still unanswered; the verdict can still move between "
        "{worst} and {best}.",
        count,
    ).format(count=count, worst=verdict_word(worst, bank), best=verdict_word(best, bank))
    return Reason(
        kind="blocker",
        rule=UNANSWERED_RULE,
        message=message,
        idea=_("Unanswered questions are never guessed: the verdict waits for them."),
        sources=(),
        questions=unanswered,
    )


def _verdict_range(bank: Bank, current: Judgement) -> tuple[str, str, str, Judgement | None]:
    """(verdict, worst, best, best completion or None when complete)."""
    if current.settled:
        return current.verdict, current.verdict, current.verdict, None
    top = completed(bank, current.answers, best=True)
    best = top.verdict
    worst = completed(bank, current.answers, best=False).verdict
    if best == worst:
        return best, worst, best, top
    capped = min(VERDICT_RANK[current.verdict], VERDICT_RANK["not_yet"])
    verdict = VERDICTS[max(VERDICT_RANK[worst], min(VERDICT_RANK[best], capped))]
    return verdict, worst, best, top


def _unknown_reason(unknown: tuple[str, ...], worst: str, best: str, bank: Bank) -> Reason:
    from smreadiness.wording import verdict_word

    count = len(unknown)
    message = ngettext(
        '{count} answer is "don\'t know"; until it is known, the verdict can move between '
        "{worst} and {best}.",
        '{count} answers are "don\'t know"; until they are known, the verdict can move '
        "between {worst} and {best}.",
        count,
    ).format(count=count, worst=verdict_word(worst, bank), best=verdict_word(best, bank))
    return Reason(
        kind="blocker",
        rule=UNKNOWN_RULE,
        message=message,
        idea=_("Answers nobody knows yet are never guessed: find them out, then look again."),
        sources=(),
        questions=unknown,
    )


def shown_verdict(bank: Bank, current: Judgement) -> tuple[str, str, str]:
    """(verdict, worst, best). A partial assessment gets the range still reachable (exact,
    because rules are monotonic); while it is open, the verdict is at most ``not_yet``."""
    return _verdict_range(bank, current)[:3]


def _certain_rules(current: Judgement, top: Judgement | None) -> list[Reason]:
    """Knock-outs and blockers that hold however the open questions are answered.

    They fire even in the best completion (rules are monotonic), so they are reasons now,
    though their condition could not be judged on the partial answers: a rule on the overall
    score, for example, is unknown until every question is answered.
    """
    if top is None:
        return []
    fired = {rule.id for rule in current.fired}
    return [
        _reason(rule, top.context)
        for rule in top.fired
        if rule.kind in ("knockout", "blocker") and rule.id not in fired
    ]


def evaluate_answers(
    bank: Bank,
    answers: Mapping[str, Scalar],
    *,
    what_if: bool = True,
    plan: bool = True,
) -> Evaluation:
    """The full evaluation. Same answers, same result, always.

    A partial assessment gets the range of verdicts still reachable (best and worst completion,
    exact because rules are monotonic). While that range is open, the verdict is at most
    ``not_yet``: a "go" needs every question answered.
    """
    current = judge(bank, answers)
    verdict, worst, best, top = _verdict_range(bank, current)
    certain = _certain_rules(current, top)
    if verdict == "no_go":
        # After a knock-out, blockers and strengths are noise: the report shows the
        # knock-out, a few "also weak" areas and what to do instead.
        reasons = [_reason(r, current.context) for r in current.fired if r.kind == "knockout"]
        reasons += [r for r in certain if r.kind == "knockout"]
        reasons += _weak_dimension_reasons(bank, current, set(), MAX_ALSO_WEAK)
    else:
        reasons = [_reason(rule, current.context) for rule in current.fired]
        reasons += certain
        covered = {
            question.dimension
            for reason in reasons
            if reason.kind in ("blocker", "caution")
            for q in reason.questions
            if (question := bank.question(q)) is not None
        }
        reasons += _weak_dimension_reasons(bank, current, covered, None)
    if worst != best and current.unanswered:
        reasons.append(_unanswered_reason(current.unanswered, worst, best, bank))
    if worst != best and current.unknown:
        reasons.append(_unknown_reason(current.unknown, worst, best, bank))
    reasons.sort(key=lambda r: _KIND_ORDER[r.kind])
    visible_ids = {q.id for q in current.visible}
    result = Evaluation(
        bank_id=bank.id,
        bank_version=bank.version,
        verdict=verdict,
        complete=not current.unanswered,
        score=current.score,
        dimensions=current.dimensions,
        reasons=tuple(reasons),
        unanswered=current.unanswered,
        unknown=current.unknown,
        best=best,
        worst=worst,
        answers=current.answers,
        hidden=tuple(q.id for q in bank.questions if q.id not in visible_ids),
        answered_count=sum(
            1 for q in current.visible if q.id in current.answers and not q.optional
        ),
        question_count=sum(1 for q in current.visible if not q.optional),
    )
    if what_if:
        if not current.settled:
            floor = VERDICT_RANK[verdict]

            def verdict_of(changed: dict[str, Scalar]) -> str:
                trial = judge(bank, changed)
                if not trial.settled:
                    # What-if keeps only a change that lifts the verdict: when even the best
                    # completion does not, the worst completion need not be worked out.
                    top = completed(bank, trial.answers, best=True)
                    if VERDICT_RANK[top.verdict] <= floor:
                        return top.verdict
                return shown_verdict(bank, trial)[0]

            found = find_what_ifs(bank, current, verdict, verdict_of)
        else:
            found = find_what_ifs(bank, current)
        result = result._replace(what_if=found)
    if plan:
        result = result._replace(actions=build_plan(bank, result, current))
    return result
