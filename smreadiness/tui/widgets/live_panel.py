"""The live picture beside the interview: where the verdict can still go, and scores as bars."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from smreadiness.bank.model import Bank
from smreadiness.engine import UNANSWERED_RULE, Evaluation
from smreadiness.i18n import _
from smreadiness.tui.text import VERDICT_COLOUR, literal, verdict_content
from smreadiness.tui.widgets.dimension_chart import DimensionChart, DimensionRow
from smreadiness.wording import verdict_word


def range_content(evaluation: Evaluation, bank: Bank | None = None) -> Content:
    """ "still open: NO-GO to GO" or "already decided: NO-GO, because ..."."""
    worst, best = evaluation.worst, evaluation.best
    if evaluation.complete:
        head = Content.assemble(_("Verdict: "), verdict_content(evaluation.verdict, bank))
    elif worst == best:
        head = Content.assemble(_("already decided: "), verdict_content(worst, bank))
    else:
        head = Content.assemble(
            _("still open: "),
            (verdict_word(worst, bank), f"bold {VERDICT_COLOUR[worst]}"),
            _(" to "),
            (verdict_word(best, bank), f"bold {VERDICT_COLOUR[best]}"),
        )
    if evaluation.verdict == "go" or not (evaluation.complete or worst == best):
        return head
    kind = "knockout" if evaluation.verdict == "no_go" else "blocker"
    because = [r for r in evaluation.reasons if r.kind == kind and r.rule != UNANSWERED_RULE]
    if not because:
        return head
    message = because[0].message
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    return Content.assemble(head, _(", because "), literal(message))


def dimension_rows(
    bank: Bank, evaluation: Evaluation, status: dict[str, bool]
) -> list[DimensionRow]:
    """Rows for the chart; ``status`` maps each visible question to answered or not."""
    rows = []
    for dimension in bank.dimensions:
        ids = [q.id for q in bank.questions if q.dimension == dimension.id and q.id in status]
        rows.append(
            DimensionRow(
                dimension.title,
                dimension.name,
                evaluation.dimensions.get(dimension.id),
                sum(1 for q in ids if status[q]),
                len(ids),
            )
        )
    return rows


class LivePanel(VerticalScroll):
    """Updated after every answer; shows nothing the engine did not say."""

    DEFAULT_CSS = """
    LivePanel { padding: 0 1; }
    LivePanel > .heading { text-style: bold; color: $text-accent; }
    LivePanel > #live-range { margin-bottom: 1; }
    LivePanel > #live-progress { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(_("Live picture"), classes="heading")
        yield Static("", id="live-range")
        yield Static("", id="live-progress")
        yield DimensionChart(id="live-chart")

    def show(
        self, bank: Bank, evaluation: Evaluation, status: dict[str, bool], preview: bool = False
    ) -> None:
        """The picture for ``evaluation``; ``preview``: with options ticked but not yet saved."""
        self.query_one("#live-range", Static).update(range_content(evaluation, bank))
        score = (
            ""
            if evaluation.score is None
            else "\n" + _("Score so far {score}/100").format(score=evaluation.score)
        )
        # Counted as the question header counts: every question asked now, optional included.
        progress = _("{answered} of {total} answered").format(
            answered=sum(status.values()), total=len(status)
        )
        optional = len(status) - evaluation.question_count
        if optional > 0:
            progress += " " + _("({count} optional)").format(count=optional)
        if preview:
            progress += "\n" + _("with the ticks, not saved until Done")
        self.query_one("#live-progress", Static).update(Content(progress + score))
        self.query_one(DimensionChart).show(dimension_rows(bank, evaluation, status))
