"""A grid: the rows of one prompt on one screen, answered row by row on a shared scale.

Each row is a question of its own (its own id, score and rules); the interview moves through
them as through any questions, and this widget shows them all at once: the scale's options
numbered once above, each row with its answer so far, the current row marked. A number key
answers the current row and moves on to the next; up and down (or a click) pick another row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import DONT_KNOW, Question
from smreadiness.i18n import _
from smreadiness.tui.text import hanging, literal
from smreadiness.tui.widgets.question import QuestionWidget


class GridQuestion(QuestionWidget):
    """The scale once (a numbered line per option), then one line per row:
    ``▸ Cloud services    Partly``."""

    DEFAULT_CSS = """
    GridQuestion { height: auto; }
    GridQuestion > .legend { height: auto; color: $text-muted; margin-bottom: 1; }
    GridQuestion > OptionList { height: auto; max-height: 100%; border: none; padding: 0; }
    GridQuestion > OptionList:focus { border: none; }
    """

    class RowPicked(Message):
        """Up, down or a click chose another row of the grid."""

        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: tuple[Question, ...] = ()
        self.answers: dict[str, Scalar] = {}
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Static("", classes="legend", id="grid-legend")
        yield OptionList(id="grid-rows")

    def load_rows(
        self, question: Question, rows: Sequence[Question], answers: Mapping[str, Scalar]
    ) -> None:
        """Show the grid of ``question`` (a row): every row of it, the current one marked."""
        self.load(question, answers.get(question.id))
        self.rows = tuple(rows)
        self.answers = {row.id: answers[row.id] for row in rows if row.id in answers}
        legend = [
            Content.assemble((str(n), "bold $accent"), "  ", literal(option.label))
            for n, option in enumerate(question.options, start=1)
        ]
        legend.append(Content.assemble(("k", "bold $accent"), "  ", _("Don't know")))
        self.query_one("#grid-legend", Static).update(Content("\n").join(legend))
        self._fill()

    def _fill(self) -> None:
        """The rows: label and answer side by side where they fit, else the answer under."""
        question = self.question
        if question is None:
            return
        options = self.query_one(OptionList)
        width = options.scrollable_content_region.width or max(30, self.app.size.width - 52)
        widths = {row.id: literal(row.row).cell_length for row in self.rows}
        answers = {row.id: self._answer(row, self.answers.get(row.id)) for row in self.rows}
        label_width = max(widths.values(), default=0)
        # The widest answer any row could get, so the layout does not jump as rows are answered.
        words = [option.label for option in question.options] + [_("Don't know")]
        answer_width = max(literal(word).cell_length for word in words)
        side_by_side = 2 + label_width + 2 + answer_width <= width - 1
        lines = []
        for row in self.rows:
            current = row.id == question.id
            mark = Content.styled("▸ " if current else "  ", "bold $accent")
            label = literal(row.row, "bold" if current else "")
            if side_by_side:
                padding = " " * (label_width - widths[row.id] + 2)
                body = Content.assemble(mark, label, padding, answers[row.id])
            else:
                body = Content.assemble(hanging(mark, label, width - 1), "\n    ", answers[row.id])
            lines.append(Option(body, id=row.id))
        with options.prevent(OptionList.OptionHighlighted):
            options.set_options(lines)
            options.highlighted = next(
                (i for i, row in enumerate(self.rows) if row.id == question.id), None
            )
        self._width = width

    def on_resize(self) -> None:
        width = self.query_one(OptionList).scrollable_content_region.width
        if self.question is not None and width > 0 and width != self._width:
            self._fill()

    @staticmethod
    def _answer(row: Question, value: Scalar | None) -> Content:
        if value is None:
            return Content.styled("—", "dim")
        if value == DONT_KNOW:
            return Content.styled(_("Don't know"), "italic")
        option = row.option(str(value))
        return literal(option.label if option else str(value), "$text-accent")

    def focus_answer(self) -> None:
        options = self.query_one(OptionList)
        self.screen.set_focus(options)
        # On a short terminal the rows may sit below the fold: bring them into view.
        self.call_after_refresh(options.scroll_visible, animate=False)

    @on(OptionList.OptionHighlighted, "#grid-rows")
    def row_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        chosen = event.option.id
        if chosen is not None and self.question is not None and chosen != self.question.id:
            self.post_message(self.RowPicked(chosen))

    @on(OptionList.OptionSelected, "#grid-rows")
    def row_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on the current row keeps its answer and moves on, as on any question; a row
        not answered yet is answered with the number keys."""
        event.stop()
        question = self.question
        if question is None or event.option.id != question.id:
            return
        value = self.answers.get(question.id)
        if value is None:
            self.app.bell()
            return
        self.answered(value)
