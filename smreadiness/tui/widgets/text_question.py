"""A text question: a live character count against the limit (and the length that scores best)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import DONT_KNOW, Question
from smreadiness.i18n import _
from smreadiness.tui.widgets.question import QuestionWidget


def best_length(question: Question) -> int | None:
    """The longest text that still gets the top score, when the bank scores length."""
    if not question.length_bands:
        return None
    top = max(score for _edge, score in question.length_bands)
    return max(up_to for up_to, score in question.length_bands if score == top)


class TextQuestion(QuestionWidget):
    """A one-line text field with its count; the text is stored exactly as typed."""

    DEFAULT_CSS = """
    TextQuestion { height: auto; }
    TextQuestion .count { color: $text-muted; padding: 0 1; }
    TextQuestion .example { color: $text-muted; padding: 0 1; text-style: italic; }
    TextQuestion .count.-over { color: $warning; }
    TextQuestion .count.-too-long { color: $error; }
    """

    def compose(self) -> ComposeResult:
        yield Input(id="text-input", select_on_focus=False)
        yield Static("", classes="count", id="text-count")
        yield Static("", classes="example", id="text-example", markup=False)

    def load(self, question: Question, value: Scalar | None) -> None:
        super().load(question, value)
        field = self.query_one(Input)
        # The bank's example goes under the field, where it wraps; as a placeholder a long one
        # was cut mid-sentence in the one-line field.
        field.placeholder = ""
        example = self.query_one("#text-example", Static)
        example.update(question.placeholder)
        example.display = bool(question.placeholder)
        field.value = "" if value in (None, DONT_KNOW) else str(value)
        field.cursor_position = len(field.value)
        self._count(field.value)

    def focus_answer(self) -> None:
        self.screen.set_focus(self.query_one(Input))

    def pending(self) -> bool:
        """Text typed that differs from the saved answer (Next must not drop it)."""
        typed = self.query_one(Input).value.strip()
        return typed != ("" if self.value in (None, DONT_KNOW) else str(self.value))

    def submit_pending(self) -> None:
        """Check and save the typed text as Enter does."""
        field = self.query_one(Input)
        field.post_message(Input.Submitted(field, field.value))

    def _count(self, text: str) -> bool:
        """Update the count; False when the text is over the hard limit."""
        assert self.question is not None
        length = len(text.strip())
        limit = self.question.max_length
        best = best_length(self.question)
        parts: list[str] = []
        if best is not None and best != limit:
            parts.append(
                _("{count} characters, best at most {best}").format(count=length, best=best)
            )
            if limit is not None:
                parts.append(_("limit {limit}").format(limit=limit))
        elif limit is not None:
            parts.append(_("{count}/{limit} characters").format(count=length, limit=limit))
        else:
            parts.append(_("{count} characters").format(count=length))
        if self.question.optional:
            parts.append(_("optional: Enter on an empty field moves on"))
        else:
            parts.append(_("Enter saves it and moves on"))
        too_long = limit is not None and length > limit
        over = best is not None and length > best
        shown = self.query_one("#text-count", Static)
        shown.update(Content(" · ".join(parts)))
        shown.set_class(over and not too_long, "-over")
        shown.set_class(too_long, "-too-long")
        return not too_long

    @on(Input.Changed, "#text-input")
    def text_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._count(event.value)

    @on(Input.Submitted, "#text-input")
    def text_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.question is None:
            return
        if not self._count(event.value):
            self.app.bell()
            return
        text = event.value.strip()
        if not text and not self.question.optional:
            self.query_one("#text-count", Static).update(
                Content("✘ " + _("write a few words, or skip: don't know yet"))
            )
            self.app.bell()
            return
        self.answered(text or None)
