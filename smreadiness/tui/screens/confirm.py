"""A yes/no question before something that cannot be undone."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smreadiness.i18n import N_, _, language

ANSWER_KEYS = {"en": ("y", "n"), "fi": ("k", "e"), "sv": ("j", "n")}
"""The yes and no letters of each language (kyllä/ei, ja/nej); the buttons name them."""


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True only when the user confirms; the safe answer has the focus."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "answer(False)", N_("No"))]

    def __init__(self, title: str, message: Content, yes: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes = yes or _("Delete")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.title_text), classes="title")
            yield Static(self.message)
            with Horizontal(classes="buttons"):
                yes, no = self.keys()
                yield Button(f"{self.yes} ({yes})", variant="error", id="yes")
                yield Button(f"{_('Keep it')} ({no})", variant="primary", id="no")

    @staticmethod
    def keys() -> tuple[str, str]:
        return ANSWER_KEYS.get(language(), ANSWER_KEYS["en"])

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_key(self, event: events.Key) -> None:
        yes, no = self.keys()
        if event.key in (yes, no):
            event.stop()
            self.dismiss(event.key == yes)

    @on(Button.Pressed)
    def button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
