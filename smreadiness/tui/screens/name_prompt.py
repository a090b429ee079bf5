"""Asking for the company name before a new interview starts."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smreadiness.i18n import N_, _
from smreadiness.store.assessment import MAX_NAME


class NamePrompt(ModalScreen[str | None]):
    """The company name; dismissed with the name, or None when cancelled."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(_("New assessment"), classes="title")
            yield Static(
                _(
                    "What is the company called? The name is only used to find the "
                    "assessment again and to title its report."
                ),
                classes="intro",
            )
            yield Input(placeholder=_("Company name"), max_length=MAX_NAME, id="name")
            yield Static("", classes="problem", id="name-problem")
            yield Static(_("Enter starts the interview · Esc cancels"), classes="hint")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @on(Input.Submitted, "#name")
    def name_given(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            self.query_one("#name-problem", Static).update(
                Content(_("Type a name first (any name will do; you can use the company's)."))
            )
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
