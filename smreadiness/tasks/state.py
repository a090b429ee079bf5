"""What the user decided about the plan: owner, due date and status per action, and when to
look again. Kept in the assessment file as a ``[plan]`` table, beside the answers:

    [plan]
    reassess = 2027-03-03

    [plan.actions.write-goals]
    owner = "Anna"
    due = 2027-01-15
    status = "doing"

Older files have none and load as "nothing decided yet"; the ``[state] done`` list the plan tab
used to tick with counts as status ``done``. Everything is checked when read: a file that
names a date that is not a date or an owner of 10,000 characters is refused with one line per
problem, as the rest of the file is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from smreadiness.i18n import _
from smreadiness.problems import Problem, ProblemsError
from smreadiness.store.assessment import Assessment

STATUSES = ("todo", "doing", "done")
"""Statuses a user can set; ``dropped`` is the app's: the action is no longer in the plan."""
DROPPED = "dropped"
MAX_OWNER = 200
DEFAULT_REASSESS_DAYS = 90
PLAN_KEY = "plan"


class ActionState(NamedTuple):
    """What was decided about one action."""

    owner: str = ""
    due: date | None = None
    status: str = "todo"


class PlanState(NamedTuple):
    """Every decision about the plan of one assessment."""

    actions: Mapping[str, ActionState] = {}
    reassess: date | None = None


def _date(value: Any) -> date | None:
    """A TOML date, a date-time (its date) or ``YYYY-MM-DD`` text; None when it is none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def parse_due(text: str) -> date:
    """A due date typed by a user (``YYYY-MM-DD``); raises ValueError with the reason."""
    parsed = _date(text) if len(text) <= 40 else None
    if parsed is None or len(text.strip()) != 10:
        raise ValueError(
            _("{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2027-01-15").format(
                text=text[:40]
            )
        )
    return parsed


def check_owner(owner: str) -> str:
    """An owner's name as typed, trimmed; raises ValueError when it cannot be one."""
    owner = " ".join(owner.split())
    if len(owner) > MAX_OWNER:
        raise ValueError(
            _("an owner is at most {limit} characters; this one is {length:,}").format(
                limit=MAX_OWNER, length=len(owner)
            )
        )
    return owner


def read_plan(assessment: Assessment, file: str = "") -> PlanState:
    """The plan decisions in an assessment; raises :class:`ProblemsError` for bad ones."""
    raw = assessment.extra.get(PLAN_KEY, {})
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(file or assessment.id, message, key=key))

    if not isinstance(raw, dict):
        bad(PLAN_KEY, _("must be a table ([plan])"))
        raw = {}
    reassess = None
    if "reassess" in raw:
        reassess = _date(raw["reassess"])
        if reassess is None:
            bad("plan.reassess", _("must be a date, e.g. 2027-03-03"))
    actions: dict[str, ActionState] = {
        action: ActionState(status="done") for action in assessment.done
    }
    table = raw.get("actions", {})
    if not isinstance(table, dict):
        bad("plan.actions", _("must be a table of actions ([plan.actions.ACTION-ID])"))
        table = {}
    for action, entry in table.items():
        decided = _action_state(entry, f"plan.actions.{action[:64]}", bad)
        if decided is not None:
            actions[action] = decided
    if problems:
        raise ProblemsError(problems)
    return PlanState(actions, reassess)


def _action_state(entry: object, key: str, bad: Callable[[str, str], None]) -> ActionState | None:
    """One ``[plan.actions.ID]`` table, each bad value reported through ``bad``."""
    if not isinstance(entry, dict):
        bad(key, _("must be a table with owner, due and status"))
        return None
    owner = entry.get("owner", "")
    if not isinstance(owner, str) or len(owner) > MAX_OWNER:
        bad(f"{key}.owner", _("must be text of at most {limit} characters").format(limit=MAX_OWNER))
        owner = ""
    due = None
    if entry.get("due") not in (None, ""):
        due = _date(entry["due"])
        if due is None:
            bad(f"{key}.due", _("must be a date, e.g. 2027-01-15"))
    status = entry.get("status", "todo")
    if status not in STATUSES:
        bad(f"{key}.status", _("must be one of {choices}").format(choices=", ".join(STATUSES)))
        status = "todo"
    return ActionState(owner, due, status)


def _table(state: PlanState) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if state.reassess is not None:
        out["reassess"] = state.reassess
    actions: dict[str, Any] = {}
    for action, entry in state.actions.items():
        row: dict[str, Any] = {"status": entry.status}
        if entry.owner:
            row["owner"] = entry.owner
        if entry.due is not None:
            row["due"] = entry.due
        actions[action] = row
    if actions:
        out["actions"] = actions
    return out


def with_plan(assessment: Assessment, state: PlanState) -> Assessment:
    """A copy holding these plan decisions (``done`` kept in step for older readers)."""
    extra = {k: v for k, v in assessment.extra.items() if k != PLAN_KEY}
    table = _table(state)
    if table:
        extra[PLAN_KEY] = table
    done = tuple(a for a, entry in state.actions.items() if entry.status == "done")
    return assessment._replace(extra=extra, done=done)


def update_action(
    assessment: Assessment,
    action: str,
    *,
    owner: str | None = None,
    due: date | None = None,
    clear_due: bool = False,
    status: str | None = None,
) -> Assessment:
    """Set what was given for one action, keep the rest (applied to the latest file)."""
    state = read_plan(assessment)
    entry = state.actions.get(action, ActionState())
    if owner is not None:
        entry = entry._replace(owner=check_owner(owner))
    if due is not None or clear_due:
        entry = entry._replace(due=None if clear_due else due)
    if status is not None:
        if status not in STATUSES:
            raise ValueError(status)
        entry = entry._replace(status=status)
    actions = {**state.actions, action: entry}
    from smreadiness.store.assessment import now

    changed = with_plan(assessment, state._replace(actions=actions))
    return changed._replace(updated=now())


def reassess_date(assessment: Assessment, state: PlanState, days: int) -> date | None:
    """When to look again: the date set when it was finished; for a file finished elsewhere
    (imported complete, never finished here), its last finish or change plus ``days``."""
    if state.reassess is not None:
        return state.reassess
    from smreadiness.moments import read_moment

    finishes = [read_moment(entry.get("finished")) for entry in assessment.history]
    last = max((f for f in finishes if f is not None), default=None)
    return ((last or assessment.updated) + timedelta(days=days)).date()


def set_reassess(assessment: Assessment, finished: datetime, days: int) -> Assessment:
    """Set the date to look again: ``days`` after ``finished``."""
    try:
        state = read_plan(assessment)
    except ProblemsError:
        return assessment  # a damaged [plan] is reported where it is used; never rewritten
    when = (finished + timedelta(days=days)).date()
    return with_plan(assessment, state._replace(reassess=when))
