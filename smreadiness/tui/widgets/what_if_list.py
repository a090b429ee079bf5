"""What would change the verdict: each set of changes numbered, one key away from trying it."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets.option_list import Option

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Bank
from smreadiness.engine import WhatIf
from smreadiness.i18n import _
from smreadiness.tui.text import hanging, literal, verdict_content
from smreadiness.tui.widgets.wrapped_list import WrappedList
from smreadiness.wording import answer_label


def changes_content(bank: Bank, changes: Mapping[str, Scalar | None]) -> Content:
    """``Who will own social media? → A named person``; several joined by "and". An answer
    that is a fact about the business, not a choice, says it applies only if really true."""
    parts: list[Content] = []
    for question_id, value in changes.items():
        question = bank.question(question_id)
        prompt = question.prompt if question else question_id
        label = answer_label(bank, question_id, value)
        part = Content.assemble(literal(prompt, "dim"), " → ", literal(label, "bold"))
        if question is not None and question.fact:
            part = Content.assemble(part, (" (" + _("only if this is really true") + ")", "italic"))
        parts.append(part)
    return Content("\n" + _("and") + " ").join(parts)


class WhatIfList(WrappedList):
    """The engine's what-if changes, easiest first; the option id is its number."""

    DEFAULT_CSS = """
    WhatIfList, WhatIfList:focus { height: auto; max-height: 100%; border: none; padding: 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bank: Bank | None = None
        self.what_ifs: tuple[WhatIf, ...] = ()
        self.trying: int | None = None

    def show(self, bank: Bank, what_ifs: tuple[WhatIf, ...], trying: int | None) -> None:
        self.bank, self.what_ifs, self.trying = bank, what_ifs, trying
        self.rebuild()

    def build(self, width: int) -> list[Option]:
        if self.bank is None:
            return []
        options = []
        for number, item in enumerate(self.what_ifs, start=1):
            mark = "▶" if number == self.trying else " "
            body = Content.assemble(
                changes_content(self.bank, item.changes),
                "\n⇒ ",
                verdict_content(item.verdict, self.bank),
            )
            prefix = Content.styled(f"{mark}{number} ", "bold $accent")
            options.append(Option(hanging(prefix, body, width), id=str(number)))
        return options
