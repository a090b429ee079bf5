"""Choosing an example company (a published persona) to open as a scratch copy."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smreadiness.bank.model import Example
from smreadiness.i18n import N_, _
from smreadiness.tui.text import literal, verdict_content


class ExamplePicker(ModalScreen[str | None]):
    """The bank's examples with their expected verdict; dismissed with an example id."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, examples: tuple[Example, ...]) -> None:
        super().__init__()
        self.examples = examples

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide -tall"):
            yield Static(_("Open an example company"), classes="title")
            yield Static(
                _(
                    "A copy is saved under your assessments, so you can change answers freely "
                    "and watch the verdict move; the example itself never changes."
                ),
                classes="intro",
            )
            options: list[Option | None] = []
            for example in self.examples:
                if options:
                    options.append(None)  # a rule between companies
                options.append(
                    Option(
                        Content.assemble(
                            literal(example.name, "bold"),
                            "  ",
                            verdict_content(example.expected),
                            "\n",
                            literal(example.story, "dim"),
                        ),
                        id=example.id,
                    )
                )
            yield OptionList(*options, id="examples")
            yield Static(_("Enter opens a copy · Esc cancels"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#examples")
    def example_chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
