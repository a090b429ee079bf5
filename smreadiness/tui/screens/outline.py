"""The outline: every question by dimension, marked answered, skipped or flagged; jump anywhere."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smreadiness.i18n import N_, _
from smreadiness.session import Session
from smreadiness.tui.lines import list_width, question_line
from smreadiness.tui.text import literal


class OutlineScreen(ModalScreen[str | None]):
    """Dismissed with the id of the question to jump to, or None."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape,o", "cancel", N_("Close"))]

    def __init__(self, session: Session, current: str | None) -> None:
        super().__init__()
        self.session = session
        self.current = current
        self.width_used = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide -tall"):
            yield Static(_("Outline: jump to any question"), classes="title")
            yield OptionList(id="outline")
            yield Static(
                _("✔ answered  ? don't know yet  ○ open  ⚑ flagged  ✎ note")
                + "\n"
                + _("Enter jumps there · Esc closes"),
                classes="hint",
            )

    def fill(self, width: int) -> None:
        self.width_used = width
        options: list[Option] = []
        highlight = 0
        number = 0
        visible = self.session.visible()
        for dimension in self.session.bank.dimensions:
            questions = [q for q in visible if q.dimension == dimension.id]
            if not questions:
                continue
            done = sum(1 for q in questions if self.session.status(q.id) == "answered")
            options.append(
                Option(
                    Content.assemble(
                        literal(dimension.title, "bold"), (f"  {done}/{len(questions)}", "dim")
                    ),
                    disabled=True,
                )
            )
            for question in questions:
                number += 1
                if question.id == self.current:
                    highlight = len(options)
                here = question.id == self.current
                line = question_line(self.session, question.id, number, here, width)
                options.append(Option(line, id=question.id))
        outline = self.query_one(OptionList)
        highlighted = outline.highlighted
        outline.set_options(options)
        outline.highlighted = highlight if highlighted is None else highlighted

    def on_mount(self) -> None:
        outline = self.query_one(OptionList)
        self.fill(list_width(0, min(100, self.app.size.width * 95 // 100) - 8))
        outline.focus()

    def on_resize(self) -> None:
        width = list_width(self.query_one(OptionList).scrollable_content_region.width, 0)
        if width > 0 and width != self.width_used:
            self.fill(width)

    @on(OptionList.OptionSelected, "#outline")
    def question_chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
