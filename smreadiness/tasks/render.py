"""The plan as work in words (text) and as JSON: one home for both, used by ``plan`` and the
line mode."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from smreadiness.i18n import _, format_date
from smreadiness.tasks.state import DROPPED
from smreadiness.tasks.worklist import Task, due_state
from smreadiness.textsafe import clean


def status_word(status: str) -> str:
    return {
        "todo": _("to do"),
        "doing": _("doing"),
        "done": _("done"),
        DROPPED: _("no longer needed"),
    }.get(status, status)


def size_word(size: str) -> str:
    return {"S": _("small"), "M": _("medium"), "L": _("large")}.get(size, size)


def _day(when: date) -> str:
    return format_date(datetime(when.year, when.month, when.day))


def reassess_line(reassess: date | None, today: date) -> str:
    """When to look again, in words; empty when no date is set."""
    if reassess is None:
        return _("Finish the assessment to set the date to look at it again.")
    state = due_state(reassess, today)
    if state == "due":
        return _("Due to be looked at again since {date}: re-assess it now.").format(
            date=_day(reassess)
        )
    return _("Look at it again by {date}.").format(date=_day(reassess))


def task_line(task: Task) -> str:
    """The facts of one task on one line, each named, readable aloud on its own."""
    parts = [_("id {id}").format(id=task.id)]
    if task.size:
        parts.append(_("size {size}").format(size=size_word(task.size)))
    if task.quick_win:
        parts.append(_("quick win"))
    parts.append(_("status: {status}").format(status=status_word(task.status)))
    parts.append(
        _("owner: {owner}").format(owner=clean(task.owner, single_line=True))
        if task.owner
        else _("no owner yet")
    )
    if task.due is not None:
        parts.append(_("due {date}").format(date=_day(task.due)))
    return "; ".join(parts)


def plan_lines(name: str, tasks: list[Task], reassess: date | None, today: date) -> list[str]:
    """The plan as plain lines: a heading, when to look again, then each task."""
    lines = [_("Plan for {name}").format(name=clean(name, single_line=True)), ""]
    lines.append(reassess_line(reassess, today))
    needed = [t for t in tasks if t.status != DROPPED]
    dropped = [t for t in tasks if t.status == DROPPED]
    if not needed:
        lines += ["", _("The plan has no actions for these answers.")]
    for number, task in enumerate(needed, start=1):
        lines += ["", f"{number}. {clean(task.title, single_line=True)}", "   " + task_line(task)]
    if dropped:
        lines += ["", _("No longer needed after the answers changed:")]
        for task in dropped:
            lines.append("- " + clean(task.title, single_line=True) + " (" + task_line(task) + ")")
    done = sum(1 for t in needed if t.status == "done")
    if needed:
        lines += [
            "",
            _("{done} of {count} done.").format(done=done, count=len(needed)),
        ]
    return lines


def plan_json(
    assessment_id: str, name: str, verdict: str, tasks: list[Task], reassess: date | None
) -> dict[str, Any]:
    """``plan --format json``: the actions with owner, due, size and status, and ``reassess``."""
    return {
        "id": assessment_id,
        "name": name,
        "verdict": verdict,
        "reassess": reassess.isoformat() if reassess else None,
        "actions": [task.to_json() for task in tasks],
    }
