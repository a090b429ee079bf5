"""A number question: checked as you type (range, whole number), the problem beside the field."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Question
from smreadiness.engine import rounded, typed_number
from smreadiness.i18n import _
from smreadiness.tui.widgets.question import QuestionWidget
from smreadiness.wording import describe_range, plain_number


class NumberQuestion(QuestionWidget):
    """An input for a number with the range under it and any problem beside it."""

    DEFAULT_CSS = """
    NumberQuestion { height: auto; }
    NumberQuestion > Horizontal { height: auto; }
    NumberQuestion Input { width: 24; }
    NumberQuestion .problem { width: 1fr; padding: 1 0 0 2; color: $error; }
    NumberQuestion .problem.-ok { color: $success; }
    NumberQuestion .hint { color: $text-muted; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Input(type="number", id="number-input", select_on_focus=False)
            yield Static("", classes="problem", id="number-problem")
        yield Static("", classes="hint", id="number-hint")

    def load(self, question: Question, value: Scalar | None) -> None:
        super().load(question, value)
        field = self.query_one(Input)
        field.placeholder = question.placeholder or _("a number")
        field.value = plain_number(float(value)) if isinstance(value, int | float) else ""
        field.cursor_position = len(field.value)
        self.query_one("#number-hint", Static).update(describe_range(question))
        self._check(field.value)

    def focus_answer(self) -> None:
        self.screen.set_focus(self.query_one(Input))

    def pending(self) -> bool:
        saved = plain_number(float(self.value)) if isinstance(self.value, int | float) else ""
        return self.query_one(Input).value.strip() != saved

    def submit_pending(self) -> None:
        field = self.query_one(Input)
        field.post_message(Input.Submitted(field, field.value))

    def _parse(self, text: str) -> tuple[Scalar | None, str | None]:
        """The checked number, or what is wrong with the text so far."""
        assert self.question is not None
        text = text.strip()
        if not text:
            return None, None
        try:
            number: float = float(text)
        except ValueError:
            return None, _("not a number yet")
        return typed_number(self.question, text, number)

    def _check(self, text: str) -> bool:
        value, problem = self._parse(text)
        shown = self.query_one("#number-problem", Static)
        if problem:
            shown.update(Content.assemble(("✘ ", "bold"), problem))
        elif value is not None and rounded(text, value):
            shown.update(
                Content("✔ " + _("saved as {value}: whole numbers only").format(value=value))
            )
        elif value is not None:
            shown.update(Content("✔ " + _("ok")))
        else:
            shown.update("")
        shown.set_class(problem is None and value is not None, "-ok")
        return problem is None

    @on(Input.Changed, "#number-input")
    def number_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._check(event.value)

    @on(Input.Submitted, "#number-input")
    def number_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.question is None:
            return
        value, problem = self._parse(event.value)
        if problem:
            self.app.bell()
            return
        if value is None and not self.question.optional:
            self.query_one("#number-problem", Static).update(
                Content("✘ " + _("type a number, or skip: don't know yet"))
            )
            self.app.bell()
            return
        self.answered(value)
