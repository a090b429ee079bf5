"""``plan``: the action plan as work (owner, due date, size, status), shown, exported as CSV or
iCalendar, or one action updated."""

from __future__ import annotations

import argparse
import difflib
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from smreadiness.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, use_language
from smreadiness.cli.common import bank_for, checked_answers, error, handles_errors, open_target
from smreadiness.i18n import _
from smreadiness.store import Store
from smreadiness.store.assessment import Assessment
from smreadiness.textsafe import clean, shorten

if TYPE_CHECKING:
    from smreadiness.tasks.worklist import Task

CLEAR = ("", "none", "-")
"""``--due none`` (or an empty value) clears a due date; ``--owner ""`` clears the owner."""


def _today() -> date:
    return datetime.now().astimezone().date()


def _emit(text: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from smreadiness.files import write_output

    written = write_output(output, text.encode("utf-8"))
    if written is not None:
        print(_("Saved to {path}").format(path=written), file=sys.stderr)
    return EXIT_OK


def _unknown_action(action: str, known: list[str]) -> int:
    close = difflib.get_close_matches(action, known, n=3, cutoff=0.5)
    message = _("{action} is not an action of this plan").format(action=repr(shorten(action, 60)))
    if close:
        message += "; " + _("did you mean {ids}?").format(ids=", ".join(close))
    else:
        message += "; " + _("see the ids with: smreadiness plan NAME")
    error(f"smreadiness plan: {clean(message, single_line=True)}")
    return EXIT_PROBLEM


@handles_errors
def run_plan(args: argparse.Namespace) -> int:
    from smreadiness.engine import evaluate_answers
    from smreadiness.tasks.state import read_plan
    from smreadiness.tasks.worklist import worklist

    store = Store()
    target = open_target(args.target, store, language=args.lang)
    use_language(args, target.assessment.language)
    bank = bank_for(target.assessment, None, args.lang, target.label)
    result = evaluate_answers(bank, checked_answers(bank, target))
    state = read_plan(target.assessment, target.label)
    tasks = worklist(bank, result, state)
    if args.action is not None and args.action not in (known := [t.id for t in tasks]):
        return _unknown_action(args.action, known)
    if args.owner is not None or args.due is not None or args.status is not None:
        changed = _change(args, store, target.assessment, target.label)
        if isinstance(changed, int):
            return changed
        state = read_plan(changed, target.label)
        tasks = worklist(bank, result, state)
    if args.action is not None:
        tasks = [t for t in tasks if t.id == args.action]
    reassess = None
    if result.complete:
        from smreadiness.tasks.state import reassess_date

        reassess = reassess_date(target.assessment, state, bank.reassess_after_days)
    return _show(args, target.assessment, bank.title, result.verdict, tasks, reassess)


def _change(
    args: argparse.Namespace, store: Store, assessment: Assessment, label: str
) -> Assessment | int:
    """One action changed in the saved file (the latest, under the lock), or an exit code."""
    from smreadiness.tasks.state import update_action

    if args.action is None:
        error(_("smreadiness plan: name the action to change, e.g. plan NAME write-goals"))
        return EXIT_USAGE
    if label != str(store.path_for(assessment.id)):
        error(
            _(
                "smreadiness plan: {file} is not a saved assessment; import it first "
                "(smreadiness import FILE) to keep a plan"
            ).format(file=clean(label, single_line=True))
        )
        return EXIT_PROBLEM
    try:
        changes = _checked_changes(args, assessment)
    except ValueError as bad:
        error(f"smreadiness plan: {clean(str(bad), single_line=True)}")
        return EXIT_USAGE
    action = args.action
    return store.update(
        assessment.id,
        lambda latest: update_action(
            latest,
            action,
            owner=changes.owner,
            due=changes.due,
            clear_due=changes.clear_due,
            status=changes.status,
        ),
    )


class _Changes(NamedTuple):
    owner: str | None = None
    due: date | None = None
    clear_due: bool = False
    status: str | None = None


def _checked_changes(args: argparse.Namespace, assessment: Assessment) -> _Changes:
    """``--owner``, ``--due`` and ``--status`` as checked values; ValueError says what is wrong."""
    from smreadiness.tasks.state import check_owner, parse_due

    changes = _Changes(status=args.status)
    if args.owner is not None:
        changes = changes._replace(owner=check_owner(args.owner))
    if args.due is not None and args.due.strip().lower() in CLEAR:
        changes = changes._replace(clear_due=True)
    elif args.due is not None:
        due = parse_due(args.due)
        if due < assessment.created.astimezone().date():
            raise ValueError(
                _("{date} is before the assessment was started").format(date=due.isoformat())
            )
        changes = changes._replace(due=due)
    return changes


def _show(
    args: argparse.Namespace,
    assessment: Assessment,
    title: str,
    verdict: str,
    tasks: list[Task],
    reassess: date | None,
) -> int:
    from smreadiness.tasks.render import plan_json, plan_lines

    name = assessment.name or assessment.id
    output = getattr(args, "output", None)
    if args.format == "json":
        from smreadiness.report.jsonout import dumps

        return _emit(dumps(plan_json(assessment.id, name, verdict, tasks, reassess)) + "\n", output)
    if args.format == "csv":
        from smreadiness.tasks.export import plan_csv

        return _emit(plan_csv(tasks), output)
    if args.format == "ics":
        from smreadiness.tasks.export import plan_ics

        text = plan_ics(
            tasks,
            assessment_id=assessment.id,
            name=name,
            reassess=reassess,
            stamp=assessment.updated,
            reassess_title=_("Look again: {title}, {name}").format(title=title, name=name),
            owner_word=_("Owner"),
        )
        return _emit(text, output)
    return _emit("\n".join(plan_lines(name, tasks, reassess, _today())) + "\n", output)
