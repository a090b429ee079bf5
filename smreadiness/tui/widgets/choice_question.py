"""A choice question: numbered options; a number key picks one and moves on at once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import DONT_KNOW, Question
from smreadiness.bank.model import Option as Choice
from smreadiness.i18n import _
from smreadiness.tui.text import hanging, literal
from smreadiness.tui.widgets.question import QuestionWidget


def option_prompt(number: int, option: Choice, chosen: bool, width: int) -> Content:
    """``1 ○ Label`` with its help under the label; long lines wrap under the label."""
    body = literal(option.label)
    if option.help:
        body = Content.assemble(body, "\n", literal(option.help, "dim italic"))
    prefix = Content.assemble((str(number), "bold $accent"), " ●  " if chosen else " ○  ")
    return hanging(prefix, body, width)


class ChoiceQuestion(QuestionWidget):
    """Options numbered 1-9 (the interview binds the number keys); arrows, Enter, mouse."""

    DEFAULT_CSS = """
    ChoiceQuestion { height: auto; }
    ChoiceQuestion > OptionList { height: auto; max-height: 100%; border: none; padding: 0; }
    ChoiceQuestion > OptionList:focus { border: none; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.chosen: int | None = None
        self._width = 0

    def compose(self) -> ComposeResult:
        yield OptionList(id="options")

    def load(self, question: Question, value: Scalar | None) -> None:
        super().load(question, value)
        if value == DONT_KNOW:
            chosen: int | None = len(question.options)  # the "don't know" row
        else:
            chosen = question.rank(str(value)) if value is not None else None
        self.chosen = chosen
        self._fill(chosen if chosen is not None else 0)

    def _fill(self, highlighted: int | None) -> None:
        if self.question is None:
            return
        options = self.query_one(OptionList)
        width = options.scrollable_content_region.width or max(30, self.app.size.width - 52)
        width -= 1
        rows = [
            Option(option_prompt(n, option, n - 1 == self.chosen, width), id=option.value)
            for n, option in enumerate(self.question.options, start=1)
        ]
        unknown = self.chosen == len(self.question.options)
        prefix = Content.assemble(("k", "bold $accent"), " ●  " if unknown else " ○  ")
        rows.append(
            Option(hanging(prefix, literal(_("Don't know"), "italic"), width), id=DONT_KNOW)
        )
        options.set_options(rows)
        options.highlighted = highlighted
        self._width = width

    def on_resize(self) -> None:
        options = self.query_one(OptionList)
        width = options.scrollable_content_region.width - 1
        if self.question is not None and width > 0 and width != self._width:
            self._fill(options.highlighted)

    def focus_answer(self) -> None:
        self.screen.set_focus(self.query_one(OptionList))

    def pick(self, number: int) -> str | None:
        """Highlight option ``number`` (from 1) and return its value, or None if there is none.

        The interview calls this from its own number keys, so a quick typist's next key always
        lands on the next question.
        """
        if self.question is None or not 1 <= number <= len(self.question.options):
            return None
        self.query_one(OptionList).highlighted = number - 1
        return self.question.options[number - 1].value

    def mark_unknown(self) -> None:
        """Show the "don't know" row chosen (k pressed)."""
        if self.question is not None:
            self.query_one(OptionList).highlighted = len(self.question.options)

    @on(OptionList.OptionSelected, "#options")
    def option_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.answered(event.option.id)
