"""Writing a note on one question ("ask Anna", "check the budget")."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smreadiness.i18n import N_, _
from smreadiness.store.assessment import MAX_NOTE
from smreadiness.tui.text import literal


class NoteScreen(ModalScreen[str | None]):
    """Dismissed with the note (empty removes it), or None when cancelled."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, prompt: str, note: str) -> None:
        super().__init__()
        self.prompt = prompt
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(_("Note"), classes="title")
            yield Static(literal(self.prompt, "italic"), classes="intro")
            yield Input(
                self.note,
                placeholder=_("e.g. ask Anna about the budget"),
                id="note",
                max_length=MAX_NOTE,
            )
            yield Static(_("Enter saves · an empty note removes it · Esc cancels"), classes="hint")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @on(Input.Submitted, "#note")
    def note_given(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
