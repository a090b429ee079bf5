"""The action plan: blockers and weak dimensions turned into ordered strategy steps."""

from __future__ import annotations

from smreadiness.bank.conditions import evaluate
from smreadiness.bank.model import Bank
from smreadiness.engine.judge import Judgement
from smreadiness.engine.result import ActionItem, Evaluation


def build_plan(bank: Bank, result: Evaluation, current: Judgement) -> tuple[ActionItem, ...]:
    """Actions that apply, ordered by strategy step, those answering a rule first within a step."""
    fired = {rule.id for rule in current.fired}
    weak = {
        dimension
        for dimension, score in result.dimensions.items()
        if score is not None and score < bank.weak_below
    }
    chosen: list[tuple[int, int, int, ActionItem]] = []
    for position, action in enumerate(bank.actions):
        if result.verdict not in action.verdicts:
            continue
        because = [rule for rule in action.rules if rule in fired]
        if action.when is not None and evaluate(action.when, current.context) is True:
            because.append("condition")
        if not action.rules and action.when is None and action.dimension in weak:
            because.append(f"weak:{action.dimension}")
        if not because:
            continue
        step_index = bank.step_index(action.step)
        step_title = bank.steps[step_index].title if step_index < len(bank.steps) else action.step
        item = ActionItem(
            id=action.id,
            step=action.step,
            step_title=step_title,
            title=action.title,
            detail=action.detail,
            dimension=action.dimension,
            because=tuple(because),
        )
        by_rule = 0 if any(not b.startswith(("weak:", "condition")) for b in because) else 1
        chosen.append((step_index, by_rule, position, item))
    chosen.sort(key=lambda entry: entry[:3])
    return tuple(entry[3] for entry in chosen)
