"""The action plan: what to do this week first, then the rest in strategy-step order.

An action is proposed only where it fits this business: while a rule it answers applies, its
condition holds, or (with neither) its dimension is weak; and, when it names the answers it
improves (``weak_answers``), only while one of them is weak. The plan then starts somewhere:
at most three actions for this week (the blockers' fixes, easiest first; on a "go", what
answers the cautions), the rest later, and fewer of them when the hours are scarce. After a
no-go it holds one or two things to do instead.
"""

from __future__ import annotations

import re

from smreadiness.bank.analysis import referenced_questions
from smreadiness.bank.conditions import evaluate
from smreadiness.bank.model import Action, Bank
from smreadiness.engine.judge import Judgement
from smreadiness.engine.result import WEAK_RULE_PREFIX, ActionItem, Evaluation

THIS_WEEK = 3
_Candidate = tuple[int, int, int, int, ActionItem]
"""(priority, effort, step index, bank position, item)."""
MAX_BRIDGES = 2
HOURS_QUESTION = "resources.hours"
_DEFAULT_EFFORT = 3
ANSWER_FIELD = re.compile(r"\{answer:([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)\}")
"""``{answer:message.pitch}`` in an action's text: the business's own answer, quoted."""


def fill_answers(text: str, current: Judgement) -> str:
    """An action's text with ``{answer:ID}`` replaced by this business's answer to ID."""

    def answer(match: re.Match[str]) -> str:
        value = current.answers.get(match.group(1))
        return "" if value is None else str(value)

    return ANSWER_FIELD.sub(answer, text)


def plan_limit(hours: object) -> int:
    """How many actions a plan holds for the weekly hours given (unknown: no limit)."""
    if isinstance(hours, bool) or not isinstance(hours, int | float):
        return 99
    if hours < 2:
        return 5
    if hours < 4:
        return 7
    if hours < 8:
        return 10
    return 14


def _weak_answer(bank: Bank, current: Judgement, question_ids: tuple[str, ...]) -> bool:
    for question_id in question_ids:
        question = bank.question(question_id)
        if question is None or question_id not in current.answers:
            continue
        points = question.score_of(current.answers[question_id])
        if points is not None and points < bank.weak_below:
            return True
    return False


def _effort(bank: Bank, action: Action, because: list[str], current: Judgement) -> int:
    """How hard the action's answers are to change: the easiest of the questions behind it."""
    ids: list[str] = list(action.weak_answers)
    rules = {rule.id: rule for rule in current.fired}
    for reason in because:
        if reason in rules:
            ids += referenced_questions(rules[reason].when)
    if action.when is not None:
        ids += referenced_questions(action.when)
    efforts = [q.effort for q in (bank.question(i) for i in ids) if q is not None]
    return min(efforts) if efforts else _DEFAULT_EFFORT


def _varied(ordered: list[_Candidate]) -> list[_Candidate]:
    """This week's few actions, in order, but at most one per area while others wait.

    Three website tasks are not a start: among the cautions' fixes, and then the rest, a
    second action for the same dimension is taken only when no other dimension has one left.
    Blockers' fixes come first, easiest first, whatever their area.
    """
    picked: list[_Candidate] = []
    seen: set[str] = set()
    for priority in sorted({c[0] for c in ordered}):
        group = [c for c in ordered if c[0] == priority]
        if priority == 0:  # blockers' fixes stay easiest first: each must be done
            fresh = group
        else:
            fresh = []
            for candidate in group:
                if candidate[4].dimension not in seen:
                    fresh.append(candidate)
                    seen.add(candidate[4].dimension)
        for candidate in fresh + [c for c in group if c not in fresh]:
            if len(picked) == THIS_WEEK:
                return picked
            picked.append(candidate)
            seen.add(candidate[4].dimension)
    return picked


FIND_OUT_PREFIX = "find-out-"


def _find_outs(bank: Bank, result: Evaluation) -> list[_Candidate]:
    """A "find out" action for each "don't know" answer: the verdict waits for it. None after
    a no-go (the knock-out holds whatever it turns out to be)."""
    if result.verdict == "no_go" or not result.unknown:
        return []
    from smreadiness.i18n import _

    first = bank.steps[0] if bank.steps else None
    found: list[_Candidate] = []
    for position, question_id in enumerate(result.unknown):
        question = bank.question(question_id)
        if question is None:
            continue
        item = ActionItem(
            id=FIND_OUT_PREFIX + question_id,
            step=first.id if first else "",
            step_title=first.title if first else "",
            title=_("Find out: {question}").format(question=question.prompt),
            detail=_(
                'You answered "don\'t know". Ask whoever in the business would know, or look '
                "it up, then give the answer: until then the verdict can still move."
            ),
            dimension=question.dimension,
            because=("unknown",),
            effort=1,
            question=question_id,
        )
        found.append((1, 1, 0, -len(bank.actions) + position, item))
    return found


def build_plan(bank: Bank, result: Evaluation, current: Judgement) -> tuple[ActionItem, ...]:  # noqa: C901 - the plan's selection rules, documented at the top
    """The actions that fit these answers: this week's first, then later ones by step."""
    fired = {rule.id: rule for rule in current.fired}
    shown = {reason.rule for reason in result.reasons}
    weak = {
        dimension
        for dimension, score in result.dimensions.items()
        if score is not None and score < bank.weak_below
    }
    # Areas the report cautions about as weak: their actions answer a caution too.
    weak_shown = {
        reason.rule.removeprefix(WEAK_RULE_PREFIX)
        for reason in result.reasons
        if reason.kind == "caution" and reason.rule.startswith(WEAK_RULE_PREFIX)
    }
    candidates: list[_Candidate] = []
    for position, action in enumerate(bank.actions):
        if result.verdict not in action.verdicts:
            continue
        because = [rule for rule in action.rules if rule in fired and rule in shown]
        if action.when is not None and evaluate(action.when, current.context) is True:
            because.append("condition")
        if not action.rules and action.when is None and action.dimension in weak:
            because.append(f"weak:{action.dimension}")
        if not because:
            continue
        if action.weak_answers and not _weak_answer(bank, current, action.weak_answers):
            continue
        kinds = {fired[b].kind for b in because if b in fired}
        cautioned = "caution" in kinds or action.dimension in weak_shown
        priority = 0 if kinds & {"knockout", "blocker"} else 1 if cautioned else 2
        step_index = bank.step_index(action.step)
        step_title = bank.steps[step_index].title if step_index < len(bank.steps) else action.step
        item = ActionItem(
            id=action.id,
            step=action.step,
            step_title=step_title,
            title=fill_answers(action.title, current),
            detail=fill_answers(action.detail, current),
            dimension=action.dimension,
            because=tuple(because),
        )
        effort = _effort(bank, action, because, current)
        item = item._replace(effort=effort)
        if result.verdict == "no_go":
            # The most specific bridge first: one answering fewer knock-outs fits better.
            effort = len(action.rules)
        candidates.append((priority, effort, step_index, position, item))
    candidates += _find_outs(bank, result)
    if result.verdict == "no_go":
        candidates.sort(key=lambda c: (c[1], c[3]))
        return tuple(c[4]._replace(horizon="now") for c in candidates[:MAX_BRIDGES])
    first = _varied(
        sorted((c for c in candidates if c[0] < 2), key=lambda c: (c[0], c[1], c[2], c[3]))
    )
    if result.verdict == "go" or not first:
        # On a go (or with nothing to fix), the week's few slots fill in step order.
        ids = {c[4].id for c in first}
        more = sorted((c for c in candidates if c[4].id not in ids), key=lambda c: (c[2], c[3]))
        first = _varied(first + more)
    now_ids = {c[4].id for c in first}
    rest = sorted((c for c in candidates if c[4].id not in now_ids), key=lambda c: (c[2], c[3]))
    limit = plan_limit(current.answers.get(HOURS_QUESTION))
    kept_rest = [c for c in rest if c[0] == 0]  # a blocker's fix is never dropped
    for c in rest:
        if len(first) + len(kept_rest) >= limit:
            break
        if c[0] != 0:
            kept_rest.append(c)
    kept_rest.sort(key=lambda c: (c[2], c[3]))
    return tuple(c[4]._replace(horizon="now") for c in first) + tuple(
        c[4]._replace(horizon="later") for c in kept_rest
    )
