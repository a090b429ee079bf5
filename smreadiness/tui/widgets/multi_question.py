"""A multi question: a checklist; number keys and Enter tick options, "Done" gives the answer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import DONT_KNOW, Question
from smreadiness.bank.model import Option as Choice
from smreadiness.engine import check_answer
from smreadiness.i18n import _
from smreadiness.tui.text import hanging, literal
from smreadiness.tui.widgets.question import QuestionWidget

DONE = "-done"
"""The row that gives the ticked options as the answer."""


def tick_prompt(number: int, option: Choice, ticked: bool, width: int) -> Content:
    """``1 [x] Label`` with its help under the label."""
    body = literal(option.label)
    if option.help:
        body = Content.assemble(body, "\n", literal(option.help, "dim italic"))
    box = " [x] " if ticked else " [ ] "
    prefix = Content.assemble((str(number), "bold $accent"), (box, "bold" if ticked else ""))
    return hanging(prefix, body, width)


class MultiQuestion(QuestionWidget):
    """Options numbered 1-9 to tick (the interview binds the number keys); Enter, Space or a
    click ticks the highlighted one; the last row, "Done", saves the ticked ones and moves on."""

    class Ticked(Message):
        """The ticks changed: ``value`` is them as an answer, or None if they are not one
        yet (the live picture shows what saving them would give)."""

        def __init__(self, question_id: str, value: Scalar | None) -> None:
            super().__init__()
            self.question_id = question_id
            self.value = value

    DEFAULT_CSS = """
    MultiQuestion { height: auto; }
    MultiQuestion > OptionList { height: auto; max-height: 100%; border: none; padding: 0; }
    MultiQuestion > OptionList:focus { border: none; }
    MultiQuestion > .problem { color: $error; height: auto; }
    MultiQuestion > .hint { color: $text-muted; height: auto; }
    """
    BINDINGS = [Binding("space", "tick", "Tick", show=False)]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.ticked: list[str] = []
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Static("", classes="hint", id="multi-hint")
        yield OptionList(id="checklist")
        yield Static("", classes="problem", id="multi-problem")

    def load(self, question: Question, value: Scalar | None) -> None:
        super().load(question, value)
        self.ticked = list(value) if isinstance(value, tuple) else []
        self.query_one("#multi-hint", Static).update(
            _("Tick all that apply (number keys, Space or Enter), then Done.")
        )
        self._fill(0)
        self._problem("")

    def _fill(self, highlighted: int | None) -> None:
        question = self.question
        if question is None:
            return
        checklist = self.query_one(OptionList)
        width = checklist.scrollable_content_region.width or max(30, self.app.size.width - 52)
        width -= 1
        rows = [
            Option(tick_prompt(n, option, option.value in self.ticked, width), id=option.value)
            for n, option in enumerate(question.options, start=1)
        ]
        unknown = self.value == DONT_KNOW and not self.ticked
        prefix = Content.assemble(("k", "bold $accent"), " ●  " if unknown else " ○  ")
        rows.append(
            Option(hanging(prefix, literal(_("Don't know"), "italic"), width), id=DONT_KNOW)
        )
        count = len(self.ticked)
        saving = count and self.pending()
        done = _("Done: save {count} ticked").format(count=count) if saving else _("Done")
        rows.append(Option(Content.assemble(("↵ ", "bold $accent"), (done, "bold")), id=DONE))
        checklist.set_options(rows)
        checklist.highlighted = highlighted
        self._width = width

    def _problem(self, text: str) -> None:
        shown = self.query_one("#multi-problem", Static)
        shown.update(Content.assemble(("✘ ", "bold"), text) if text else "")
        shown.display = bool(text)

    def on_resize(self) -> None:
        checklist = self.query_one(OptionList)
        width = checklist.scrollable_content_region.width - 1
        if self.question is not None and width > 0 and width != self._width:
            self._fill(checklist.highlighted)

    def focus_answer(self) -> None:
        self.screen.set_focus(self.query_one(OptionList))

    def toggle(self, number: int) -> bool:
        """Tick or untick option ``number`` (from 1); an exclusive option ("none of these")
        clears the others, and any other clears it. False if there is no such option."""
        question = self.question
        if question is None or not 1 <= number <= len(question.options):
            return False
        value = question.options[number - 1].value
        if value in self.ticked:
            self.ticked.remove(value)
        elif value in question.alone:
            self.ticked = [value]
        else:
            self.ticked = [v for v in self.ticked if v not in question.alone] + [value]
        self.ticked.sort(key=question.ranks.__getitem__)
        self._problem("")
        self._fill(number - 1)
        answer, problem = check_answer(question, list(self.ticked))
        self.post_message(self.Ticked(question.id, None if problem else answer))
        return True

    def action_tick(self) -> None:
        """Space ticks or unticks the highlighted option (on Done: gives the answer)."""
        question = self.question
        highlighted = self.query_one(OptionList).highlighted
        if question is None or highlighted is None:
            return
        if highlighted < len(question.options):
            self.toggle(highlighted + 1)
        elif highlighted == len(question.options):  # the "don't know" row
            self.ticked = []
            self.answered(DONT_KNOW)
        else:
            self.give()

    def pending(self) -> bool:
        saved = list(self.value) if isinstance(self.value, tuple) else []
        return sorted(self.ticked) != sorted(saved)

    def submit_pending(self) -> None:
        self.give()

    def give(self) -> None:
        """The ticked options as the answer, or what is wrong with them shown."""
        value = self.checked()
        if value is not None:
            self.answered(value)

    def quietly_checked(self) -> Scalar | None:
        """The ticks as an answer, or None (nothing shown) when they are not one."""
        if self.question is None:
            return None
        value, problem = check_answer(self.question, list(self.ticked))
        return None if problem else value

    def checked(self) -> Scalar | None:
        """The ticked options checked as an answer; None, with the problem shown, if they
        cannot be one. (The interview's → takes this at once, so keys typed right after it
        land on the next question.)"""
        if self.question is None:
            return None
        value, problem = check_answer(self.question, list(self.ticked))
        if problem is not None or value is None:
            self._problem(problem or "")
            self.app.bell()
            return None
        return value

    def mark_unknown(self) -> None:
        """Show the "don't know" row chosen (k pressed)."""
        if self.question is not None:
            self.ticked = []
            self.query_one(OptionList).highlighted = len(self.question.options)

    @on(OptionList.OptionSelected, "#checklist")
    def row_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question = self.question
        if question is None or event.option.id is None:
            return
        if event.option.id == DONE:
            self.give()
        elif event.option.id == DONT_KNOW:
            self.ticked = []
            self.answered(DONT_KNOW)
        else:
            self.toggle(question.ranks[event.option.id] + 1)
