"""Home: start a new assessment, continue a saved one, open an example, delete, quit."""

from __future__ import annotations

import asyncio
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Container, Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Header, Input, Static

from smreadiness.i18n import N_, _, language
from smreadiness.store import StoreError
from smreadiness.tui.app import SmReadinessApp
from smreadiness.tui.banks import BankCache
from smreadiness.tui.overview import SORT_KEYS, Summary, matches, sort_summaries, summarise
from smreadiness.tui.text import literal
from smreadiness.tui.widgets.local_footer import LocalFooter
from smreadiness.tui.widgets.saved_table import SavedTable

WELCOME = N_(
    "Is social media right for your business now?\n\n"
    "About 30 short questions in eight areas (purpose, audience, message, resources, culture, "
    "online foundations, measurement and risk) give an honest verdict: GO, NOT YET or NO-GO, "
    "each with the reasons behind it, what would change it, and a step-by-step plan.\n\n"
    "It takes 10-15 minutes. Every answer is saved the moment you give it, so you can stop "
    "at any time and carry on later."
)


class HomeScreen(Screen[None]):
    """The saved assessments, or a welcome when there are none yet."""

    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("ctrl+n", "new", N_("New"), priority=True, tooltip=N_("Start a new assessment")),
        Binding(
            "ctrl+e", "example", N_("Example"), priority=True, tooltip=N_("Open an example company")
        ),
        Binding(
            "enter", "open", N_("Open"), priority=True, tooltip=N_("Continue the selected one")
        ),
        Binding(
            "ctrl+d", "delete", N_("Delete"), priority=True, tooltip=N_("Delete the selected one")
        ),
        Binding("ctrl+s", "sort", N_("Sort"), priority=True, tooltip=N_("Sort by the next column")),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False),
        Binding("down", "move(1)", N_("Down"), show=False),
        Binding("up", "move(-1)", N_("Up"), show=False),
    ]

    sort_key: reactive[str] = reactive("updated", init=False)
    sort_reverse: reactive[bool] = reactive(False, init=False)

    def __init__(self, language: str = "en", pick: str = "") -> None:
        super().__init__()
        self.pick = pick
        """A name that matched several assessments: the list starts filtered by it."""
        self.banks = BankCache(language)
        self.summaries: list[Summary] = []
        self.rows: list[Summary] = []
        self.has_rows = False
        self.fresh = True
        self.reloading = asyncio.Lock()

    @property
    def nav(self) -> SmReadinessApp:
        return cast(SmReadinessApp, self.app)

    def compose(self) -> ComposeResult:
        self.summaries = self.read()
        yield Header()
        with Container(id="home-body"):
            yield self.body()
        yield LocalFooter()

    def body(self) -> Widget:
        """Only what is shown is built, the table or the welcome: startup time counts."""
        self.has_rows = bool(self.summaries)
        if self.has_rows:
            return Vertical(
                Input(placeholder=_("Type to filter by name"), id="filter"),
                SavedTable(id="table"),
                Static("", id="detail"),
                id="saved",
            )
        buttons = Horizontal(
            Button(_("New assessment (ctrl+n)"), variant="primary", id="new"),
            Button(_("Open an example (ctrl+e)"), id="example"),
            classes="buttons",
        )
        welcome = Vertical(
            Static(_("Welcome to smreadiness"), classes="title"),
            Static(_(WELCOME)),
            buttons,
            id="welcome-box",
        )
        return Center(welcome, id="welcome")

    def on_mount(self) -> None:
        self.sub_title = _("Is social media right for your business now?")
        self.shown()
        if self.pick and self.has_rows:
            self.query_one("#filter", Input).value = self.pick
            self.notify(
                _("Several assessments match {name}: choose one and press Enter.").format(
                    name=repr(self.pick)
                ),
                timeout=6,
                markup=False,
            )
            self.pick = ""

    async def relabel(self) -> None:
        """After a language switch: everything again, in the new language."""
        self.banks = BankCache(language())
        await self.recompose()
        self.on_mount()

    async def on_screen_resume(self) -> None:
        if self.fresh:  # just built from what is on disk
            self.fresh = False
        else:  # back from another screen: something may have changed
            await self.reload()

    # ------------------------------------------------------------------ the table

    def read(self) -> list[Summary]:
        from smreadiness.listing import overviews

        try:
            found = overviews(self.nav.store, self.banks.language)
        except StoreError as error:
            self.notify(str(error), title=_("Cannot list"), severity="error", markup=False)
            return []
        return [summarise(row) for row in found]

    async def reload(self) -> None:
        """Read the data directory again (an assessment may have changed or been added)."""
        async with self.reloading:  # a dialog closing and its callback may both ask at once
            self.summaries = self.read()
            if bool(self.summaries) != self.has_rows:
                holder = self.query_one("#home-body")
                await holder.remove_children()
                await holder.mount(self.body())
            self.shown()

    def shown(self) -> None:
        if self.has_rows:
            field = self.query_one("#filter", Input)
            field.cursor_blink = self.nav.cursor_blink
            self.fill()
            self.set_focus(field)
        else:
            self.set_focus(self.query_one("#new", Button))

    def fill(self) -> None:
        text = self.query_one("#filter", Input).value
        rows = [row for row in self.summaries if matches(row, text)]
        self.rows = sort_summaries(rows, self.sort_key, self.sort_reverse)
        self.query_one(SavedTable).show(self.rows, self.sort_key, self.sort_reverse)
        self.show_detail()

    def _selected(self) -> Summary | None:
        return self.query_one(SavedTable).selected() if self.has_rows else None

    def show_detail(self) -> None:
        row = self._selected()
        detail = self.query_one("#detail", Static)
        if row is None:
            message = _("No assessment matches the filter.") if self.summaries else ""
            detail.update(Content(message))
        elif row.problem:
            detail.update(
                Content.assemble(
                    ("⚠ ", "bold $error"),
                    literal(row.file),
                    (" cannot be opened: ", "$error"),
                    literal(row.problem, single_line=True),
                )
            )
        else:
            detail.update(
                Content.assemble(
                    literal(row.name, "bold", single_line=True),
                    ("  · " + _("file {file} · Enter continues it").format(file=row.file), "dim"),
                )
            )

    @on(DataTable.RowHighlighted, "#table")
    def row_highlighted(self) -> None:
        self.show_detail()

    @on(DataTable.RowSelected, "#table")
    def row_chosen(self) -> None:
        self.action_open()

    @on(DataTable.HeaderSelected, "#table")
    def header_chosen(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_reverse = False
            self.sort_key = key

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.fill()

    def watch_sort_key(self) -> None:
        self.fill()

    def watch_sort_reverse(self) -> None:
        self.fill()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "delete", "sort", "move"):
            return bool(self.summaries)
        return True

    def action_move(self, step: int) -> None:
        table = self.query_one(SavedTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_clear_filter(self) -> None:
        if self.has_rows:
            self.query_one("#filter", Input).value = ""

    def action_sort(self) -> None:
        self.sort_reverse = False
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]

    def action_new(self) -> None:
        self.nav.ask_for_new_name()

    @on(Button.Pressed, "#new, #example")
    def welcome_button_pressed(self, event: Button.Pressed) -> None:
        self.action_new() if event.button.id == "new" else self.action_example()

    def action_example(self) -> None:
        from smreadiness.tui.screens.examples import ExamplePicker

        bank = self.banks.get(None)
        if isinstance(bank, str):
            self.notify(bank, title=_("No examples"), severity="error", markup=False)
            return
        self.app.push_screen(ExamplePicker(bank.examples), self.open_example)

    def open_example(self, example_id: str | None) -> None:
        from smreadiness.session import Session
        from smreadiness.tui.workshop import copy_example

        bank = self.banks.get(None)
        example = bank.example(example_id) if example_id and not isinstance(bank, str) else None
        if example is None or isinstance(bank, str):
            return
        try:
            copy = copy_example(self.nav.store, bank, example)
        except StoreError as error:
            self.notify(str(error), title=_("Cannot copy"), severity="error", markup=False)
            return
        self.nav.open_session(Session(self.nav.store, copy, bank))

    def action_open(self) -> None:
        from smreadiness.session import Session

        row = self._selected()
        if row is None:
            return
        # Read the file again: it may have changed since the list was made.
        entry = self.nav.store.entry(row.path)
        if entry.assessment is None:
            self.cannot_open(row, entry.problem or row.problem or _("cannot be read"))
            return
        bank = self.banks.get(entry.assessment.bank)
        if isinstance(bank, str):
            self.cannot_open(row, _("question bank: {problem}").format(problem=bank))
            return
        self.nav.open_session(Session(self.nav.store, entry.assessment, bank))

    def cannot_open(self, row: Summary, problem: str) -> None:
        self.notify(
            f"{row.file}: {problem}", title=_("Cannot open"), severity="error", markup=False
        )
        if row.problem is None:  # it was fine when listed: show it as it is now
            self.call_later(self.reload)

    def action_delete(self) -> None:
        from smreadiness.tui.screens.confirm import ConfirmScreen

        row = self._selected()
        if row is None:
            return
        message = Content.assemble(
            _("Delete") + " ",
            literal(row.name, "bold", single_line=True),
            ("" if row.name == row.file else f" ({row.file})", "dim"),
            "?\n" + _("The file is removed from this computer; this cannot be undone."),
        )

        async def delete(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.nav.store.delete(row.id)
            except StoreError as error:
                self.notify(str(error), title=_("Not deleted"), severity="error", markup=False)
            await self.reload()

        self.app.push_screen(ConfirmScreen(_("Delete assessment"), message), delete)
