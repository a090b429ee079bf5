"""What a room (or a team) answered, together: verdict counts, the spread of answers per
question, how far people agree, and for a team one combined assessment.

**Agreement** of a question, over the respondents who answered it (at least two):

- scored questions: ``1 - d / 50``, where ``d`` is the mean absolute distance of the answers'
  scores (0-100) from their mean. Everyone giving answers of the same score is 1.0; half the
  room at 0 and half at 100 is 0.0.
- unscored choices: the share of respondents who gave the most common answer.
- text, and unscored numbers (facts such as the company's size): not measured.

A question with agreement below the bank's ``disagree_below`` (default 0.6) is a
*disagreement*; disagreements are listed most split first.

**Combined answers** (team): per question, the lower median of the members' answers, ordered
by score (for a number, by value; for an unscored choice, the most common answer, ties to the
lower option). Its verdict is never better than the best member's: when the combined answers
would give a better one, it is lowered to that, and a note says so. "Talk about these first"
are the disagreements where one member's answer, put in place of the combined one, would
change the combined verdict (up or down): the verdict rests on what the team settles there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import VERDICT_RANK, VERDICTS, Bank, Question
from smreadiness.engine import Evaluation, check_answers, evaluate_answers
from smreadiness.store import Entry
from smreadiness.workshops.folder import ROLE_KEY, Workshop

DISAGREE_BELOW = 0.6


class Respondent(NamedTuple):
    id: str
    name: str
    role: str
    answers: Mapping[str, Scalar]
    answered: int = 0
    total: int = 0
    complete: bool = False
    verdict: str | None = None
    """The verdict when complete (or already decided), else None."""
    score: int | None = None
    unreadable: str | None = None


class Spread(NamedTuple):
    """One question across the room."""

    id: str
    prompt: str
    answered: int
    counts: Mapping[str, int]
    """Answer -> how many gave it, in the bank's order (best first) for choices."""
    labels: Mapping[str, str]
    """Answer -> its words (a choice's label; a number with its unit)."""
    agreement: float | None


class Summary(NamedTuple):
    workshop: Workshop
    bank: Bank
    respondents: tuple[Respondent, ...]
    verdicts: Mapping[str, int]
    questions: tuple[Spread, ...]
    disagreements: tuple[str, ...]
    combined: Evaluation | None = None
    combined_answers: Mapping[str, Scalar] = {}
    capped: bool = False
    """The combined verdict was lowered to the best member's."""
    talk_first: tuple[str, ...] = ()


def respondent_of(entry: Entry, bank: Bank) -> Respondent:
    assessment = entry.assessment
    if assessment is None:
        name = entry.path.stem
        return Respondent(entry.id, name, "", {}, unreadable=entry.problem or "?")
    role = assessment.extra_meta.get(ROLE_KEY, "")
    answers, _problems = check_answers(bank, assessment.answers)
    result = evaluate_answers(bank, answers, what_if=False, plan=False)
    verdict = result.verdict if result.complete or result.decided else None
    return Respondent(
        entry.id,
        assessment.name or entry.id,
        role if isinstance(role, str) else "",
        answers,
        result.answered_count,
        result.question_count,
        result.complete,
        verdict,
        result.score,
    )


def agreement(question: Question, values: list[Scalar]) -> float | None:
    """How much the answers agree, 0.0-1.0 (see the module's text); None when unmeasured."""
    if len(values) < 2 or question.kind == "text":
        return None
    if question.kind == "number" and not question.scored:
        return None  # a fact such as the company's size: different firms differ
    scores = [question.score_of(v) for v in values]
    if question.scored and all(s is not None for s in scores):
        points = [float(s) for s in scores if s is not None]
        mean = sum(points) / len(points)
        spread = sum(abs(p - mean) for p in points) / len(points)
        return round(max(0.0, 1.0 - spread / 50.0), 2)
    most = Counter(str(v) for v in values).most_common(1)[0][1]
    return round(most / len(values), 2)


def _label(question: Question, value: Scalar) -> str:
    from smreadiness.bank.kinds import KINDS

    return KINDS[question.kind].label(question, value)


def _spread(question: Question, answers: list[Scalar]) -> Spread:
    counts: Counter[str] = Counter(str(v) for v in answers)
    labels: dict[str, str] = {}
    ordered: dict[str, int] = {}
    if question.kind == "choice":
        for option in question.options:
            if option.value in counts:
                ordered[option.value] = counts[option.value]
                labels[option.value] = option.label
    elif question.kind == "multi":  # a checklist: how many ticked each option
        for option in question.options:
            ticked = sum(1 for v in answers if isinstance(v, tuple) and option.value in v)
            if ticked:
                ordered[option.value] = ticked
                labels[option.value] = option.label
    elif question.kind == "number":
        for value in sorted({v for v in answers if isinstance(v, int | float)}):
            key = str(value)
            ordered[key] = counts[key]
            labels[key] = _label(question, value)
    return Spread(
        question.id,
        question.prompt,
        len(answers),
        ordered,
        labels,
        agreement(question, answers),
    )


def _lower_median(question: Question, values: list[Scalar]) -> Scalar:
    if question.kind == "number":
        ordered = sorted(values, key=lambda v: float(v) if isinstance(v, int | float) else 0.0)
    elif question.scored:
        ordered = sorted(values, key=lambda v: question.score_of(v) or 0)
    else:
        counts = Counter(str(v) for v in values)
        best = max(counts.values())
        tied = [v for v in values if counts[str(v)] == best]
        return max(tied, key=lambda v: question.rank(str(v)) or 0)  # the lower option
    return ordered[(len(ordered) - 1) // 2]


def combine(bank: Bank, members: list[Respondent]) -> dict[str, Scalar]:
    """The team's combined answers (see the module's text)."""
    combined: dict[str, Scalar] = {}
    for question in bank.questions:
        values = [m.answers[question.id] for m in members if question.id in m.answers]
        if values:
            combined[question.id] = _lower_median(question, values)
    return combined


def summarise(workshop: Workshop, bank: Bank, entries: list[Entry]) -> Summary:
    """Everything the board and the workshop report show."""
    # In the order they joined, so "Respondent 3" stays the same person on the board.
    ordered = sorted(
        entries,
        key=lambda e: (e.assessment is None, e.assessment.created if e.assessment else 0, e.id),
    )
    respondents = tuple(respondent_of(entry, bank) for entry in ordered)
    readable = [r for r in respondents if r.unreadable is None]
    verdicts = {v: sum(1 for r in readable if r.verdict == v) for v in reversed(VERDICTS)}
    spreads = []
    for question in bank.questions:
        answers = [r.answers[question.id] for r in readable if question.id in r.answers]
        if answers:
            spreads.append(_spread(question, answers))
    threshold = bank.disagree_below
    split = sorted(
        (s for s in spreads if s.agreement is not None and s.agreement < threshold),
        key=lambda s: (s.agreement, -s.answered),
    )
    summary = Summary(
        workshop, bank, respondents, verdicts, tuple(spreads), tuple(s.id for s in split)
    )
    if workshop.team and readable:
        summary = _with_combined(summary, readable)
    return summary


def _with_combined(summary: Summary, members: list[Respondent]) -> Summary:
    bank = summary.bank
    answers = combine(bank, members)
    result = evaluate_answers(bank, answers)
    best_member = max(
        (VERDICT_RANK[m.verdict] for m in members if m.verdict is not None), default=None
    )
    capped = best_member is not None and VERDICT_RANK[result.verdict] > best_member
    if capped and best_member is not None:
        result = result._replace(verdict=VERDICTS[best_member])
    talk_first = []
    for question_id in summary.disagreements:
        given = {
            str(m.answers[question_id]): m.answers[question_id]
            for m in members
            if question_id in m.answers
        }
        for value in given.values():
            if value == answers.get(question_id):
                continue
            other = evaluate_answers(
                bank, {**answers, question_id: value}, what_if=False, plan=False
            )
            if other.verdict != result.verdict:
                talk_first.append(question_id)
                break
    return summary._replace(
        combined=result, combined_answers=answers, capped=capped, talk_first=tuple(talk_first)
    )


def to_json(summary: Summary) -> dict[str, Any]:
    """The workshop report JSON of the public interface, extended with ids and labels."""
    doc: dict[str, Any] = {
        "workshop": summary.workshop.slug,
        "name": summary.workshop.name,
        "team": summary.workshop.team,
        "bank": summary.bank.id,
        "respondents": [
            {
                "name": r.name,
                "role": r.role or None,
                "complete": r.complete,
                "verdict": r.verdict,
                "score": r.score,
                "answered": r.answered,
                "questions": r.total,
                **({"error": r.unreadable} if r.unreadable else {}),
            }
            for r in summary.respondents
        ],
        "verdicts": dict(summary.verdicts),
        "questions": [
            {
                "id": s.id,
                "answered": s.answered,
                "answers": dict(s.counts),
                "agreement": s.agreement,
            }
            for s in summary.questions
        ],
        "disagreements": list(summary.disagreements),
    }
    if summary.combined is not None:
        combined = summary.combined
        doc["combined"] = {
            "verdict": combined.verdict,
            "score": combined.score,
            "complete": combined.complete,
            "capped": summary.capped,
            "reasons": [
                {"kind": r.kind, "rule": r.rule, "message": r.message} for r in combined.reasons
            ],
            "talk_first": list(summary.talk_first),
        }
    return doc
