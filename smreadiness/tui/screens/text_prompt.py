"""Asking for one short value (an action's owner, its due date), checked before it is kept."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smreadiness.i18n import N_, _
from smreadiness.tui.text import literal


class TextPrompt(ModalScreen[str | None]):
    """One line of text; dismissed with it (empty clears), or None when cancelled.

    ``check`` returns why a value cannot be used, or None: the dialog stays open and says why.
    """

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(
        self,
        title: str,
        intro: str,
        value: str = "",
        *,
        placeholder: str = "",
        max_length: int = 200,
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text, self.intro, self.value = title, intro, value
        self.placeholder, self.max_length, self.check = placeholder, max_length, check

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(literal(self.title_text), classes="title")
            yield Static(literal(self.intro), classes="intro")
            yield Input(
                self.value, placeholder=self.placeholder, max_length=self.max_length, id="value"
            )
            yield Static("", classes="problem", id="value-problem")
            yield Static(
                _("Enter keeps it · an empty line clears it · Esc cancels"), classes="hint"
            )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @on(Input.Submitted, "#value")
    def given(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        problem = self.check(text) if self.check and text else None
        if problem:
            self.query_one("#value-problem", Static).update(literal(problem))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
