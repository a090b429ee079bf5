"""Re-assessment history: a snapshot each time an assessment is finished with changed answers.

Snapshots live in the assessment file as ``[[history]]`` tables (answers, verdict, scores,
date, bank version). Files without history, or with entries an older version wrote, load.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

from smreadiness.bank.model import Bank
from smreadiness.engine import check_answers, evaluate_answers
from smreadiness.engine.result import Evaluation
from smreadiness.i18n import _, format_date
from smreadiness.moments import read_moment
from smreadiness.store.assessment import Assessment, now
from smreadiness.wording import answer_label


class Change(NamedTuple):
    """What moved since the previous finished snapshot."""

    since: str
    verdict_before: str
    score_before: int | None
    answers: tuple[tuple[str, str, str], ...]  # prompt, before, after


class Snapshot(NamedTuple):
    """One finished state of an assessment; ``number`` counts from 1, oldest first."""

    number: int
    finished: datetime | None
    verdict: str
    score: int | None
    dimensions: Mapping[str, int | None]
    answers: Mapping[str, Any]
    bank_version: str


def snapshots(assessment: Assessment) -> list[Snapshot]:
    """The snapshots that can be read; malformed entries are skipped, never rewritten."""
    found: list[Snapshot] = []
    for entry in assessment.history:
        answers = entry.get("answers")
        if not isinstance(answers, dict):
            continue
        finished = read_moment(entry.get("finished"))
        dimensions = entry.get("dimensions")
        score = entry.get("score")
        found.append(
            Snapshot(
                number=len(found) + 1,
                finished=finished,
                verdict=str(entry.get("verdict", "")),
                score=score if isinstance(score, int) and not isinstance(score, bool) else None,
                dimensions=dimensions if isinstance(dimensions, dict) else {},
                answers=answers,
                bank_version=str(entry.get("bank_version", "")),
            )
        )
    return found


def add_snapshot(assessment: Assessment, bank: Bank) -> Assessment:
    """Record the finished state, unless the answers are those of the latest snapshot."""
    answers, _problems = check_answers(bank, assessment.answers)
    previous = snapshots(assessment)
    if previous and dict(previous[-1].answers) == dict(answers):
        return assessment
    result = evaluate_answers(bank, answers, what_if=False, plan=False)
    entry: dict[str, Any] = {
        "finished": now(),
        "bank": bank.id,
        "bank_version": bank.version,
        "verdict": result.verdict,
        "complete": result.complete,
        "dimensions": {k: v for k, v in result.dimensions.items() if v is not None},
        "answers": dict(answers),
    }
    if result.score is not None:
        entry["score"] = result.score
    from smreadiness.tasks.state import set_reassess

    finished = assessment._replace(history=(*assessment.history, entry))
    return set_reassess(finished, entry["finished"], bank.reassess_after_days)


def previous_snapshot(assessment: Assessment, answers: Mapping[str, Any]) -> Snapshot | None:
    """The snapshot to compare the current answers with: the latest that differs from them."""
    newest_first: list[Snapshot] = snapshots(assessment)[::-1]
    return next((s for s in newest_first if dict(s.answers) != dict(answers)), None)


def change_since_previous(
    assessment: Assessment, bank: Bank, evaluation: Evaluation
) -> Change | None:
    """What moved since the previous finished snapshot, for reports and the result screen."""
    snapshot = previous_snapshot(assessment, evaluation.answers)
    if snapshot is None:
        return None
    before, _problems = check_answers(bank, snapshot.answers)
    then = evaluate_answers(bank, before, what_if=False, plan=False)
    moved = []
    for question in bank.questions:
        old, new = before.get(question.id), evaluation.answers.get(question.id)
        if old != new:
            moved.append(
                (
                    question.prompt,
                    answer_label(bank, question.id, old),
                    answer_label(bank, question.id, new),
                )
            )
    if snapshot.finished:
        since = _("your assessment on {date} (snapshot {number})").format(
            date=format_date(snapshot.finished), number=snapshot.number
        )
    else:
        since = _("snapshot {number}").format(number=snapshot.number)
    return Change(since, then.verdict, then.score, tuple(moved))
