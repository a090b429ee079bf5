"""What would change the verdict: the smallest sets of answer changes that lift it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from smreadiness.bank.analysis import numeric_constants, referenced_questions, uses_scores
from smreadiness.bank.conditions import Scalar
from smreadiness.bank.kinds import KINDS
from smreadiness.bank.model import VERDICT_RANK, Bank, Question
from smreadiness.engine.judge import Judgement, judge
from smreadiness.engine.result import WhatIf

MAX_RESULTS = 8
MAX_PAIR_TRIALS = 6000

Change = tuple[str, Scalar, int]  # question id, new value, effort


def _better_values(bank: Bank, question: Question, current: Scalar) -> list[tuple[Scalar, int]]:
    """Better answers than ``current`` with their distance, nearest first."""
    edges: list[float] = []
    if question.kind == "number":  # only numbers move towards the constants rules name
        edges = [c for rule in bank.rules for c in numeric_constants(rule.when, question.id)]
    return KINDS[question.kind].better(question, current, edges)


def _changes(bank: Bank, current: Judgement, ids: list[str]) -> Iterator[Change]:
    for question_id in ids:
        question = bank.by_id[question_id]
        for value, distance in _better_values(bank, question, current.answers[question_id]):
            yield question_id, value, question.effort * distance


def _focus(bank: Bank, current: Judgement) -> list[str]:
    """Answered questions that can turn off a rule holding the verdict down."""
    level = "knockout" if current.verdict == "no_go" else "blocker"
    holding = [rule for rule in current.fired if rule.kind == level]
    if any(uses_scores(rule.when) for rule in holding):
        return list(current.answers)
    named = {q for rule in holding for q in referenced_questions(rule.when)}
    return [q.id for q in bank.questions if q.id in named and q.id in current.answers]


def find_what_ifs(  # noqa: C901 - singles, then pairs, then a smallest set
    bank: Bank,
    current: Judgement,
    verdict: str | None = None,
    verdict_of: Callable[[dict[str, Scalar]], str] | None = None,
) -> tuple[WhatIf, ...]:
    """One change if any lifts the verdict, else two; easiest first, the nearest value each.

    ``verdict``/``verdict_of`` are the verdict as shown and how to work it out for changed
    answers (on a partial assessment the shown verdict is capped by the open questions, so a
    change cannot claim "go" while questions remain); by default, the judged verdict.
    """
    verdict = verdict or current.verdict
    verdict_of = verdict_of or (lambda answers: judge(bank, answers).verdict)
    if verdict == "go":
        return ()
    rank = VERDICT_RANK[verdict]
    found: dict[tuple[tuple[str, ...], str], WhatIf] = {}

    def keep(changes: dict[str, Scalar], effort: int) -> None:
        verdict = verdict_of({**current.answers, **changes})
        if VERDICT_RANK[verdict] <= rank:
            return
        key = (tuple(sorted(changes)), verdict)
        if key not in found or found[key].effort > effort:
            found[key] = WhatIf(changes, verdict, effort)

    answered = [q.id for q in bank.questions if q.id in current.answers]
    for question_id, value, effort in _changes(bank, current, answered):
        keep({question_id: value}, effort)
    if not found:
        focus = _focus(bank, current)
        others = list(_changes(bank, current, answered))
        trials = 0
        for first_id, first_value, first_effort in _changes(bank, current, focus):
            for second_id, second_value, second_effort in others:
                if second_id == first_id or (second_id in focus and second_id < first_id):
                    continue
                trials += 1
                if trials > MAX_PAIR_TRIALS:
                    break
                keep({first_id: first_value, second_id: second_value}, first_effort + second_effort)
    if not found:
        smallest = _smallest_set(bank, current, rank, verdict_of)
        if smallest is not None:
            keep(*smallest)
    order = {q.id: i for i, q in enumerate(bank.questions)}
    ranked = sorted(
        found.values(),
        key=lambda w: (
            len(w.changes),
            w.effort,
            -VERDICT_RANK[w.verdict],
            [order[q] for q in w.changes],
        ),
    )
    marked = [
        w._replace(facts=tuple(q for q in w.changes if getattr(bank.by_id.get(q), "fact", False)))
        for w in _drop_dominated(ranked)
    ]
    return tuple(_choices_before_facts(marked)[:MAX_RESULTS])


def _choices_before_facts(ranked: list[WhatIf]) -> list[WhatIf]:
    """Drop a change of facts (size, industry, hierarchy) when changes the business can
    choose reach as far: "with six people you would be a go" helps no one who has a choice.
    Facts stay when nothing else lifts the verdict that far."""
    reach = max(
        (VERDICT_RANK[w.verdict] for w in ranked if not w.facts),
        default=-1,
    )
    return [w for w in ranked if not w.facts or VERDICT_RANK[w.verdict] > reach]


def _smallest_set(  # noqa: C901 - the greedy search and its pruning in one loop
    bank: Bank,
    current: Judgement,
    rank: int,
    verdict_of: Callable[[dict[str, Scalar]], str],
) -> tuple[dict[str, Scalar], int] | None:
    """When no single change or pair lifts the verdict: a small set that does.

    Greedy: switch off each rule holding the verdict down with its easiest change (or, for a
    rule on the score, keep adding the change that raises the score most per unit of effort),
    then drop every change the set can do without.
    """
    level = "knockout" if current.verdict == "no_go" else "blocker"
    answered = [q.id for q in bank.questions if q.id in current.answers]
    options = sorted(_changes(bank, current, answered), key=lambda c: c[2])
    chosen: dict[str, tuple[Scalar, int]] = {}

    def state() -> dict[str, Scalar]:
        return {**current.answers, **{q: v for q, (v, _e) in chosen.items()}}

    for _round in range(len(answered) + 1):
        now = judge(bank, state())
        if VERDICT_RANK[verdict_of(state())] > rank:
            break
        holding = [rule for rule in now.fired if rule.kind == level]
        if not holding:
            break
        rule = holding[0]
        pick: Change | None = None
        for question_id, value, effort in options:
            if question_id in chosen:
                continue
            trial = judge(bank, {**state(), question_id: value})
            if rule.id not in {r.id for r in trial.fired}:
                pick = (question_id, value, effort)
                break
        if pick is None and uses_scores(rule.when):
            best = 0.0
            for question_id, value, effort in options:
                if question_id in chosen:
                    continue
                trial = judge(bank, {**state(), question_id: value})
                gain = ((trial.score or 0) - (now.score or 0)) / max(effort, 1)
                if gain > best:
                    best, pick = gain, (question_id, value, effort)
        if pick is None:
            return None
        chosen[pick[0]] = (pick[1], pick[2])
    else:
        return None
    if VERDICT_RANK[verdict_of(state())] <= rank:
        return None
    for question_id in sorted(chosen, key=lambda q: -chosen[q][1]):
        saved = chosen.pop(question_id)
        if VERDICT_RANK[verdict_of(state())] <= rank:
            chosen[question_id] = saved
    return {q: v for q, (v, _e) in chosen.items()}, sum(e for _v, e in chosen.values())


def _drop_dominated(ranked: list[WhatIf]) -> list[WhatIf]:
    """Drop a change set when an easier one on the same questions reaches as far."""
    kept: list[WhatIf] = []
    for candidate in ranked:
        if any(
            set(k.changes) == set(candidate.changes)
            and VERDICT_RANK[k.verdict] >= VERDICT_RANK[candidate.verdict]
            for k in kept
        ):
            continue
        kept.append(candidate)
    return kept
