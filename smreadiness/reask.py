"""Which saved answers a changed bank must ask again, and which no longer belong to it."""

from __future__ import annotations

from typing import NamedTuple

from smreadiness.bank.model import Bank
from smreadiness.engine import check_answer
from smreadiness.store.assessment import Assessment


class Stale(NamedTuple):
    """Answers to ask again (bank order) and answers whose question is gone from the bank."""

    reask: tuple[str, ...]
    orphaned: tuple[str, ...]


def stale_answers(assessment: Assessment, bank: Bank) -> Stale:
    """Ask again where the question changed since it was answered, or the answer no longer fits.

    An answer without a recorded fingerprint (older files, imports) is kept while it still
    fits the question: nothing says it changed.
    """
    reask = []
    for question in bank.questions:
        if question.id not in assessment.answers:
            continue
        recorded = assessment.fingerprints.get(question.id)
        _, error = check_answer(question, assessment.answers[question.id])
        if error is not None or (recorded and recorded != question.fingerprint):
            reask.append(question.id)
    orphaned = tuple(q for q in assessment.answers if bank.question(q) is None)
    return Stale(tuple(reask), orphaned)


def record_fingerprints(assessment: Assessment, bank: Bank) -> Assessment:
    """Note the current fingerprint of every answer that fits (on import and bank upgrade)."""
    prints = dict(assessment.fingerprints)
    for question_id, value in assessment.answers.items():
        question = bank.question(question_id)
        if question is not None and check_answer(question, value)[1] is None:
            prints.setdefault(question_id, question.fingerprint)
    return assessment._replace(fingerprints=prints, bank_version=bank.version)
