"""The plan as work: each action of the current plan with its owner, due date, size and
status, quick wins first, and the actions that answers changed out of the plan kept as
"no longer needed" rather than lost."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from smreadiness.bank.model import Bank
from smreadiness.engine.result import ActionItem, Evaluation
from smreadiness.tasks.state import DROPPED, ActionState, PlanState

VERDICT_MOVING = ("knockout", "blocker")


def size_of(effort: int) -> str:
    """S, M or L from the bank's effort (1-5): 1-2 small, 3 medium, 4-5 large."""
    return "S" if effort <= 2 else "M" if effort == 3 else "L"


class Task(NamedTuple):
    """One action of the plan as work."""

    id: str
    step: str
    step_title: str
    title: str
    detail: str
    dimension: str
    size: str
    owner: str
    due: date | None
    status: str
    """``todo``, ``doing``, ``done``, or ``dropped`` (no longer in the plan)."""
    quick_win: bool
    """Small and it moves the verdict: one of the first things to do."""
    horizon: str = "later"

    @property
    def needed(self) -> bool:
        return self.status != DROPPED

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "step": self.step,
            "title": self.title,
            "detail": self.detail,
            "dimension": self.dimension,
            "owner": self.owner or None,
            "due": self.due.isoformat() if self.due else None,
            "size": self.size,
            "status": self.status,
            "quick_win": self.quick_win,
            "horizon": "this_week" if self.horizon == "now" else "later",
        }


def _moves_verdict(action: ActionItem, result: Evaluation) -> bool:
    kinds = {reason.rule: reason.kind for reason in result.reasons}
    return any(kinds.get(rule) in VERDICT_MOVING for rule in action.because)


def worklist(bank: Bank, result: Evaluation, state: PlanState) -> list[Task]:
    """The current plan's actions as tasks (quick wins first, then the plan's order), then
    the actions decided on earlier that the answers no longer call for, as ``dropped``."""
    tasks: list[Task] = []
    for action in result.actions:
        decided = state.actions.get(action.id, ActionState())
        size = size_of(action.effort)
        tasks.append(
            Task(
                id=action.id,
                step=action.step,
                step_title=action.step_title,
                title=action.title,
                detail=action.detail,
                dimension=action.dimension,
                size=size,
                owner=decided.owner,
                due=decided.due,
                status=decided.status,
                quick_win=size == "S" and _moves_verdict(action, result),
                horizon=action.horizon,
            )
        )
    tasks.sort(key=lambda t: not t.quick_win)  # stable: the plan's order within each
    planned = {t.id for t in tasks}
    known = {action.id: action for action in bank.actions}
    for action_id, decided in state.actions.items():
        if action_id in planned:
            continue
        spec = known.get(action_id)
        step_title = ""
        if spec is not None:
            index = bank.step_index(spec.step)
            step_title = bank.steps[index].title if index < len(bank.steps) else spec.step
        tasks.append(
            Task(
                id=action_id,
                step=spec.step if spec else "",
                step_title=step_title,
                title=spec.title if spec else action_id,
                detail=spec.detail if spec else "",
                dimension=spec.dimension if spec else "",
                size="",
                owner=decided.owner,
                due=decided.due,
                status=DROPPED,
                quick_win=False,
            )
        )
    return tasks


def due_state(reassess: date | None, today: date) -> str:
    """``due`` when the re-assessment date has come, ``soon`` within 14 days, else ``""``."""
    if reassess is None:
        return ""
    if reassess <= today:
        return "due"
    if (reassess - today).days <= 14:
        return "soon"
    return ""
