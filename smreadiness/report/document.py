"""One report, many formats: the content every format shows, built from the engine's result.

Text, Markdown and HTML render this document and nothing else, so they cannot drift apart and
there is no second scoring path. Strings here are raw user text: each renderer escapes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from smreadiness.bank.model import Bank
from smreadiness.engine.result import Evaluation
from smreadiness.history import Change
from smreadiness.i18n import _, format_date
from smreadiness.store.assessment import Assessment
from smreadiness.textsafe import clean
from smreadiness.wording import (
    answer_label,
    bank_question,
    blocker_count,
    kind_word,
    range_text,
    section_heading,
    source_title,
    verdict_meaning,
    verdict_word,
)

WHY_QUESTION = "purpose.why"
"""The core bank's "why, in one sentence" question: its answer is echoed with the verdict."""


class AnswerLine(NamedTuple):
    question: str
    prompt: str
    answer: str
    note: str = ""


class ReasonItem(NamedTuple):
    kind: str
    kind_word: str
    rule: str
    message: str
    idea: str
    sources: tuple[str, ...]
    """The titles of the articles behind it."""
    answers: tuple[AnswerLine, ...]
    answered_by: tuple[str, ...] = ()
    """Titles of the plan's actions that answer it (for blockers and cautions)."""


class ReasonSection(NamedTuple):
    """The reasons of one kind under their own heading."""

    kind: str
    heading: str
    reasons: tuple[ReasonItem, ...]


class SourceItem(NamedTuple):
    title: str
    url: str


class DimensionItem(NamedTuple):
    id: str
    title: str
    score: int | None


class WhatIfItem(NamedTuple):
    changes: tuple[AnswerLine, ...]
    verdict: str
    verdict_word: str


class ActionLine(NamedTuple):
    number: int
    title: str
    detail: str
    dimension: str
    done: bool = False
    """Ticked off in the app's plan (saved in the assessment as ``done``)."""


class StepGroup(NamedTuple):
    id: str
    title: str
    actions: tuple[ActionLine, ...]


class AnswerGroup(NamedTuple):
    title: str
    answers: tuple[AnswerLine, ...]


class ReportDoc(NamedTuple):
    name: str
    date: str
    iso_date: str
    bank: str
    verdict: str
    verdict_word: str
    verdict_meaning: str
    complete: bool
    progress: str
    range: str
    score: int | None
    reasons: tuple[ReasonItem, ...]
    dimensions: tuple[DimensionItem, ...]
    what_if: tuple[WhatIfItem, ...]
    steps: tuple[StepGroup, ...]
    unanswered: tuple[str, ...]
    answers: tuple[AnswerGroup, ...]
    change: Change | None = None
    sections: tuple[ReasonSection, ...] = ()
    """The reasons grouped by kind, each group under its heading."""
    sources: tuple[SourceItem, ...] = ()
    """The articles the reasons cite, by title, with a link where one is public."""
    why: str = ""
    subject: str = ""
    """What the report is about: the bank's title (its heading is "SUBJECT: NAME")."""
    asks: str = ""
    """The question the bank answers."""
    words: tuple[tuple[str, str], ...] = ()
    """Each verdict and the bank's word for it (for the change since last time)."""

    def word(self, verdict: str) -> str:
        return dict(self.words).get(verdict, verdict)

    """The business's own answer to "why social media?", echoed beside the verdict."""
    flagged: tuple[AnswerLine, ...] = ()
    """Questions marked to revisit, with their answers and notes."""
    open_range: bool = False
    """Partial, and the open answers can still move the verdict: reports lead with the range
    ("still open: NO-GO to GO"), not with a verdict word that reads as decided."""


def _claim(bank: Bank, assessment: Assessment, question_id: str, answers: Mapping[str, Any]) -> str:
    """An answer as the report shows it, with the evidence given for it beside the claim."""
    label = answer_label(bank, question_id, answers.get(question_id))
    given = assessment.evidence.get(question_id, "")
    if not given:
        return label
    return _("{answer} (shown: {evidence})").format(answer=label, evidence=clean(given))


def _prompt(bank: Bank, question_id: str) -> str:
    question = bank.question(question_id)
    return question.prompt if question else question_id


def _cleaned(value: object) -> object:
    """Every string in the document, recursively, with control characters made visible."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        named: Any = value
        return named._replace(**{f: _cleaned(getattr(named, f)) for f in named._fields})
    if isinstance(value, tuple):
        return tuple(_cleaned(v) for v in value)
    return value


def build_report(
    assessment: Assessment, bank: Bank, evaluation: Evaluation, change: Change | None = None
) -> ReportDoc:
    """The report's content; dated by the assessment's last change, never by the clock.

    Bank and user texts are cleaned of control characters here, once, for every format; the
    company name is kept to one line, so it cannot draw a verdict line of its own.
    """
    doc = _build(assessment, bank, evaluation, change)
    cleaned = _cleaned(doc)
    assert isinstance(cleaned, ReportDoc)
    return cleaned._replace(name=clean(doc.name, single_line=True))


def _build(
    assessment: Assessment, bank: Bank, evaluation: Evaluation, change: Change | None
) -> ReportDoc:
    def answered_by(rule: str, kind: str) -> tuple[str, ...]:
        if kind not in ("blocker", "caution"):
            return ()
        weak = rule.removeprefix("weak-") if rule.startswith("weak-") else None
        return tuple(
            a.title
            for a in evaluation.actions
            if rule in a.because or (weak is not None and a.dimension == weak)
        )

    reasons = tuple(
        ReasonItem(
            kind=reason.kind,
            kind_word=kind_word(reason.kind),
            rule=reason.rule,
            message=reason.message,
            idea=reason.idea,
            sources=tuple(source_title(bank, s) for s in reason.sources),
            answers=()
            if reason.rule == "unanswered"
            else tuple(
                AnswerLine(q, _prompt(bank, q), _claim(bank, assessment, q, evaluation.answers))
                for q in reason.questions
            ),
            answered_by=answered_by(reason.rule, reason.kind),
        )
        for reason in evaluation.reasons
    )
    sections: list[ReasonSection] = []
    for item in reasons:
        if sections and sections[-1].kind == item.kind:
            sections[-1] = sections[-1]._replace(reasons=(*sections[-1].reasons, item))
        else:
            heading = section_heading(
                item.kind, evaluation.verdict, sum(1 for r in reasons if r.kind == item.kind)
            )
            sections.append(ReasonSection(item.kind, heading, (item,)))
    cited = {s for reason in evaluation.reasons for s in reason.sources}
    sources = tuple(SourceItem(s.title, s.url) for s in bank.sources if s.id in cited)
    only_if_true = _("only if this is really true")
    what_if = tuple(
        WhatIfItem(
            tuple(
                AnswerLine(
                    q,
                    _prompt(bank, q),
                    answer_label(bank, q, v) + (f" ({only_if_true})" if q in item.facts else ""),
                )
                for q, v in item.changes.items()
            ),
            item.verdict,
            verdict_word(item.verdict, bank),
        )
        for item in evaluation.what_if
    )
    steps: list[StepGroup] = []
    for number, action in enumerate(evaluation.actions, start=1):
        dimension = bank.dimension(action.dimension)
        line = ActionLine(
            number,
            action.title,
            action.detail,
            dimension.title if dimension else action.dimension,
            action.id in assessment.done,
        )
        if action.horizon == "now":
            group_id = "instead" if evaluation.verdict == "no_go" else "this_week"
            title = (
                _("What you could do instead, or first")
                if evaluation.verdict == "no_go"
                else _("Start here, this week")
            )
        else:
            group_id = action.step
            title = _("Later: {step}").format(step=action.step_title)
        if steps and steps[-1].id == group_id:
            last = steps[-1]
            steps[-1] = last._replace(actions=(*last.actions, line))
        else:
            steps.append(StepGroup(group_id, title, (line,)))
    groups = []
    for dimension in bank.dimensions:
        lines = tuple(
            AnswerLine(
                q.id,
                q.prompt,
                _claim(bank, assessment, q.id, assessment.answers),
                assessment.notes.get(q.id, ""),
            )
            for q in bank.questions
            if q.dimension == dimension.id and q.id not in evaluation.hidden
        )
        if lines:
            groups.append(AnswerGroup(dimension.title, lines))
    return ReportDoc(
        name=assessment.name or _("Unnamed assessment"),
        date=format_date(assessment.updated),
        iso_date=f"{assessment.updated:%Y-%m-%d}",
        bank=_("{title}, version {version}").format(title=bank.title, version=bank.version),
        verdict=evaluation.verdict,
        verdict_word=verdict_word(evaluation.verdict, bank),
        verdict_meaning=verdict_meaning(
            evaluation.verdict, blocker_count(r.kind for r in evaluation.reasons), bank
        ),
        complete=evaluation.complete,
        progress=_("{answered} of {total} answered").format(
            answered=evaluation.answered_count, total=evaluation.question_count
        ),
        range=range_text(evaluation.worst, evaluation.best, bank),
        open_range=evaluation.worst != evaluation.best,
        flagged=tuple(
            AnswerLine(
                q,
                _prompt(bank, q),
                answer_label(bank, q, assessment.answers.get(q)),
                assessment.notes.get(q, ""),
            )
            for q in assessment.flagged
            if bank.question(q) is not None and q not in evaluation.hidden
        ),
        score=evaluation.score,
        reasons=reasons,
        dimensions=tuple(
            DimensionItem(d.id, d.title, evaluation.dimensions.get(d.id)) for d in bank.dimensions
        ),
        what_if=what_if,
        steps=tuple(steps),
        unanswered=tuple(_prompt(bank, q) for q in evaluation.unanswered),
        answers=tuple(groups),
        change=change,
        sections=tuple(sections),
        sources=sources,
        why=str(evaluation.answers.get(WHY_QUESTION, "")) if bank.core else "",
        subject=bank.title,
        asks=bank_question(bank),
        words=tuple((v, verdict_word(v, bank)) for v in ("go", "not_yet", "no_go")),
    )
