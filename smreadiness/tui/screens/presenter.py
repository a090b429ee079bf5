"""The presenter view: large verdict, every answer at once, answers flipped live for a room.

Works on a :class:`~smreadiness.presenting.Workshop`, a scratch copy: nothing is written
unless the presenter asks (ctrl+s), and then only as a new assessment.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from smreadiness.i18n import N_, _, language, ngettext
from smreadiness.presenting import FileMark, Workshop
from smreadiness.problems import ProblemsError
from smreadiness.tui.base import AppScreen
from smreadiness.tui.navigation import GoBack
from smreadiness.tui.text import literal
from smreadiness.tui.widgets.answer_board import AnswerBoard
from smreadiness.tui.widgets.big_verdict import BigVerdict
from smreadiness.tui.widgets.key_bar import KeyBar
from smreadiness.tui.widgets.reason_lines import ReasonLines
from smreadiness.wording import answer_label

WATCH_SECONDS = 1.0


class PresenterScreen(AppScreen):
    """Arrows pick an answer, space and ← → change it; the verdict follows at once."""

    CSS_PATH = "presenter.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        Binding("down", "move(1)", N_("Pick"), key_display="↑↓", priority=True),
        Binding("up", "move(-1)", N_("Pick"), show=False, priority=True),
        Binding("tab", "move(1)", N_("Next answer"), show=False, priority=True),
        Binding("shift+tab", "move(-1)", N_("Previous answer"), show=False, priority=True),
        Binding("space", "step(1)", N_("Change"), key_display="space ←→", priority=True),
        Binding("right", "step(1)", N_("Next option"), show=False, priority=True),
        Binding("left", "step(-1)", N_("Previous option"), show=False, priority=True),
        Binding("w", "what_if", N_("What-if"), tooltip=N_("What would change this")),
        Binding("r", "reset", N_("Reset"), tooltip=N_("Back to the original answers")),
        Binding("ctrl+s", "save", N_("Save copy"), tooltip=N_("Save these answers as a new one")),
        Binding("escape,p", "close", N_("Close"), key_display="p"),
    ]

    def __init__(self, workshop: Workshop, *, watch: bool = False) -> None:
        super().__init__()
        self.workshop = workshop
        self.watching = watch
        self.selected: str | None = None
        self.saved_as: str | None = None
        self._mark: FileMark = ()

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        with Horizontal(id="band"):
            yield BigVerdict(id="verdict")
            yield ReasonLines(id="reasons")
        with VerticalScroll(id="board-scroll", can_focus=False):
            yield AnswerBoard(self.workshop, id="board")
        yield Static("", id="detail")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.watching:
            self._mark = self.workshop.bank_mark(language())
            self.set_interval(WATCH_SECONDS, self.check_bank)
        self.refresh_all()

    async def relabel(self) -> None:
        """After a language switch: the bank in the new language, every text again."""
        from smreadiness.bank.loader import load_bank

        try:
            self.workshop.use_bank(load_bank(self.workshop.bank_spec, language()))
        except ProblemsError as error:
            self.notify(str(error.problems[0]), severity="error", markup=False)
        await self.recompose()
        self.refresh_all()

    # ------------------------------------------------------------------ showing

    def refresh_all(self) -> None:
        workshop = self.workshop
        visible = [q.id for q in workshop.visible()]
        if self.selected not in visible:  # hidden by an answer, or gone from a reloaded bank
            self.selected = visible[0] if visible else None
        now, then = workshop.evaluate(), workshop.original_evaluation()
        self.query_one(BigVerdict).show(now, then, workshop.bank)
        compact = self.has_class("-short")
        self.query_one(ReasonLines).show(now, then, compact=compact, bank=workshop.bank)
        self.query_one(AnswerBoard).show(self.selected, spaced=self.has_class("-tall"))
        self.show_title()
        self.show_detail()
        self.call_after_refresh(self.keep_selection_in_view)

    def show_title(self) -> None:
        count = len(self.workshop.changed())
        state = (
            ngettext("{count} answer changed", "{count} answers changed", count).format(count=count)
            + " · "
            + _("not saved")
            if count
            else _("the original answers")
        )
        parts = [
            Content.styled(" " + _("PRESENTER") + " ", "bold reverse"),
            Content(" "),
            literal(self.workshop.name, "bold", single_line=True),
            Content.styled("  · " + state, "bold $text-warning" if count else ""),
        ]
        if self.saved_as:
            parts.append(Content.styled("  · " + _("saved a copy"), "$text-success"))
        if self.watching:
            parts.append(Content.styled("  · " + _("watching the bank file"), "dim"))
        self.query_one("#title", Static).update(Content.assemble(*parts))

    def show_detail(self) -> None:
        detail = self.query_one("#detail", Static)
        bank = self.workshop.bank
        question = bank.question(self.selected) if self.selected else None
        if question is None:
            detail.update("")
            return
        value = self.workshop.answers.get(question.id)
        body = Content.assemble(
            literal(question.prompt, "bold", single_line=True),
            " → ",
            literal(answer_label(bank, question.id, value), "bold $text-accent", single_line=True),
        )
        original = self.workshop.original.get(question.id)
        if question.id in self.workshop.changed():
            label = answer_label(bank, question.id, original)
            was = "  (" + _("was: {answer}").format(answer=label) + ")"
            body = Content.assemble(body, literal(was, "dim", single_line=True))
        if question.kind == "text":
            body = Content.assemble(body, ("  " + _("(text: not changed here)"), "dim"))
        detail.update(body)

    def keep_selection_in_view(self) -> None:
        board = self.query_one(AnswerBoard)
        if self.selected:
            line = board.line_of(self.selected)
            region = Region(0, line, max(1, board.size.width), 1)
            self.query_one("#board-scroll", VerticalScroll).scroll_to_region(
                region, animate=False, immediate=True
            )

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_all)

    # ------------------------------------------------------------------ actions

    def action_move(self, step: int) -> None:
        order = self.query_one(AnswerBoard).order()
        if not order:
            return
        index = order.index(self.selected) if self.selected in order else -step
        self.selected = order[(index + step) % len(order)]
        self.query_one(AnswerBoard).show(self.selected)
        self.show_detail()
        self.keep_selection_in_view()

    @on(AnswerBoard.Picked)
    def answer_clicked(self, event: AnswerBoard.Picked) -> None:
        self.selected = event.question_id
        self.query_one(AnswerBoard).show(self.selected)
        self.show_detail()

    def action_step(self, step: int) -> None:
        if self.selected is None or self.workshop.step(self.selected, step) is None:
            self.app.bell()
            return
        self.refresh_all()

    def action_reset(self) -> None:
        if not self.workshop.changed():
            return
        self.workshop.reset()
        self.refresh_all()
        self.notify(_("Back to the original answers."), timeout=3)

    def action_what_if(self) -> None:
        from smreadiness.tui.screens.what_if_picker import WhatIfPicker

        evaluation = self.workshop.what_ifs()

        def apply(number: int | None) -> None:
            if number is None or number > len(evaluation.what_if):
                return
            self.workshop.apply(evaluation.what_if[number - 1].changes)
            self.selected = self.workshop.last_changed or self.selected
            self.refresh_all()

        self.app.push_screen(WhatIfPicker(self.workshop.bank, evaluation), apply)

    def action_save(self) -> None:
        copy = self.saving(lambda: self.workshop.save_copy(self.nav.store, language()))
        if copy is None:
            return
        self.saved_as = copy.id
        self.show_title()
        self.notify(
            _("Saved as a new assessment: {name}").format(name=copy.name),
            title=_("Copy saved"),
            markup=False,
            timeout=5,
        )

    def action_close(self) -> None:
        self.post_message(GoBack())

    # ------------------------------------------------------------------ --watch

    def check_bank(self) -> None:
        """Reload the bank when its file changed, keeping the answers; a bad bank is not used."""
        from smreadiness.bank.loader import load_bank

        mark = self.workshop.bank_mark(language())
        if mark == self._mark:
            return
        self._mark = mark
        try:
            bank = load_bank(self.workshop.bank_spec, language())
        except ProblemsError as error:
            problems = error.problems
            more = len(problems) - 1
            message = str(problems[0]) + (
                "\n" + _("and {count} more").format(count=more) if more else ""
            )
            self.notify(
                message,
                title=_("Bank not reloaded; still using the last good one"),
                severity="error",
                markup=False,
                timeout=8,
            )
            return
        self.workshop.use_bank(bank)
        self.refresh_all()
        self.notify(_("The answers are kept."), title=_("Bank reloaded"), timeout=3)
