"""A yes/no question before something that cannot be undone."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smreadiness.i18n import N_, _


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True only when the user confirms; the safe answer has the focus."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes")),
        Binding("n,escape", "answer(False)", N_("No")),
    ]

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
                yield Button(_("{action} (y)").format(action=self.yes), variant="error", id="yes")
                yield Button(_("Keep it (n)"), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
