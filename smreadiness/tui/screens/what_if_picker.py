"""What would change the verdict, for the presenter: one more key applies a change."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from smreadiness.bank.model import Bank
from smreadiness.engine import Evaluation
from smreadiness.i18n import N_, _
from smreadiness.tui.text import verdict_content
from smreadiness.tui.widgets.what_if_list import WhatIfList


class WhatIfPicker(ModalScreen[int | None]):
    """The engine's what-ifs for the answers on screen; dismissed with the number chosen."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("1", "apply(1)", N_("Apply"), key_display="1-9"),
        *(Binding(str(n), f"apply({n})", N_("Apply"), show=False) for n in range(2, 10)),
        Binding("escape,w", "cancel", N_("Close")),
    ]

    def __init__(self, bank: Bank, evaluation: Evaluation) -> None:
        super().__init__()
        self.bank = bank
        self.evaluation = evaluation

    def compose(self) -> ComposeResult:
        what_ifs = self.evaluation.what_if
        with Vertical(id="dialog", classes="-wide"):
            yield Static(_("What would change this"), classes="title")
            yield Static(
                Content.assemble(_("Now: "), verdict_content(self.evaluation.verdict, self.bank)),
                classes="intro",
            )
            if what_ifs:
                yield WhatIfList(id="what-ifs")
                hint = _("Press its number (or Enter) to apply it · Esc closes")
            else:
                message = (
                    _("Nothing to lift: the verdict is already GO.")
                    if self.evaluation.verdict == "go"
                    else _("No single or double change lifts the verdict; see the reasons.")
                )
                yield Static(message)
                hint = _("Esc closes")
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        if self.evaluation.what_if:
            what_ifs = self.query_one(WhatIfList)
            what_ifs.show(self.bank, self.evaluation.what_if, None)
            what_ifs.focus()

    def action_apply(self, number: int) -> None:
        if number > len(self.evaluation.what_if):
            self.app.bell()
            return
        self.dismiss(number)

    @on(OptionList.OptionSelected, "#what-ifs")
    def what_if_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
