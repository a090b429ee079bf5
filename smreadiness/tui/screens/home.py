"""Home: start a new assessment, continue a saved one, open an example, delete, quit."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Container, Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Static

from smreadiness.i18n import N_, _, language
from smreadiness.store import StoreError
from smreadiness.tui.banks import BankCache
from smreadiness.tui.base import AppScreen
from smreadiness.tui.navigation import AskNewName, OpenSession
from smreadiness.tui.overview import SORT_KEYS, IndexRows, Summary
from smreadiness.tui.text import literal
from smreadiness.tui.widgets.local_footer import LocalFooter
from smreadiness.tui.widgets.saved_table import SavedHeader, SavedTable
from smreadiness.wording import bank_question

if TYPE_CHECKING:
    from textual.timer import Timer

    from smreadiness.index import SavedIndex

SAVED_AS_YOU_GO = N_(
    "Every answer is saved the moment you give it, so you can stop at any time and carry on later."
)


QUICK_ROWS = 2_000
"""With fewer rows indexed, the directory is compared with the index before the list is drawn
(a few milliseconds); with more, the list is drawn from the index at once and brought up to
date in the background."""
QUICK_READS = 200
"""Files to read (new or changed) that are still read before drawing; more are read in the
background while a loading line shows how far it has got."""
DEBOUNCE_ROWS = 5_000
"""From this many rows on, a filter waits for a pause in typing before it is run."""
DEBOUNCE_SECONDS = 0.08


class HomeScreen(AppScreen):
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
        Binding("pagedown", "page(1)", N_("Page down"), show=False),
        Binding("pageup", "page(-1)", N_("Page up"), show=False),
    ]

    sort_key: reactive[str] = reactive("updated", init=False)
    sort_reverse: reactive[bool] = reactive(False, init=False)

    def __init__(self, language: str = "en", pick: str = "") -> None:
        super().__init__()
        self.pick = pick
        """A name that matched several assessments: the list starts filtered by it."""
        self.banks = BankCache(language)
        self.index: SavedIndex | None = None
        self.has_rows = False
        self.building = False
        """A refresh runs in the background (the list shows what the index had)."""
        self.fresh = True
        self.reloading = asyncio.Lock()
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        from smreadiness.index import SavedIndex

        self.index = SavedIndex(self.nav.store, self.banks.language)
        self.has_rows = self.bring_up_to_date()
        yield Header()
        with Container(id="home-body"):
            yield self.body()
        yield LocalFooter()

    def body(self) -> Widget:
        """Only what is shown is built, the list or the welcome: startup time counts."""
        if self.has_rows:
            return Vertical(
                Input(placeholder=_("Type to filter by name"), id="filter"),
                SavedHeader(id="columns"),
                SavedTable(self.source(), id="table"),
                Static("", id="loading"),
                Static("", id="detail"),
                id="saved",
            )
        buttons = Horizontal(
            Button(_("New assessment (ctrl+n)"), variant="primary", id="new"),
            Button(_("Open an example (ctrl+e)"), id="example"),
            classes="buttons",
        )
        # What the bank asks is added right after the first frame (_say_what_it_asks): reading
        # the bank costs more than drawing the rest.
        welcome = Vertical(
            Static(_("Welcome to smreadiness"), classes="title"),
            Static(Content(_(SAVED_AS_YOU_GO)), id="about"),
            buttons,
            id="welcome-box",
        )
        return Center(welcome, id="welcome")

    def on_mount(self) -> None:
        self.prepare()

    def prepare(self) -> None:
        """What a freshly composed screen sets up (after mounting, and after a relabel)."""
        self.shown()
        self.call_after_refresh(self._say_what_it_asks)  # the bank is read after the first frame
        self.call_after_refresh(self.start_background)  # the first frame first
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

    def _say_what_it_asks(self) -> None:
        bank = self.banks.get(None)
        self.sub_title = bank_question(bank) if not isinstance(bank, str) else ""
        about = self.query("#about").results(Static)
        for shown in about:  # the first run's welcome: the bank says what it asks
            texts = [_(SAVED_AS_YOU_GO)]
            if not isinstance(bank, str):
                texts[:0] = [bank_question(bank), bank.description.strip()]
            shown.update(Content("\n\n".join(texts)))

    def on_unmount(self) -> None:
        if self.index is not None:
            self.index.close()

    async def relabel(self) -> None:
        """After a language switch: everything again, in the new language."""
        self.banks = BankCache(language())
        if self.index is not None:
            self.index.close()
        await self.recompose()
        self.prepare()

    async def on_screen_resume(self) -> None:
        if self.fresh:  # just built from what is on disk
            self.fresh = False
        else:  # back from another screen: something may have changed
            await self.reload()

    # ------------------------------------------------------------------ the index

    def bring_up_to_date(self) -> bool:
        """Make the index agree with the files: at once when that is quick (or the index lives
        in memory), else in the background (:meth:`start_background`). True when there is
        anything to list, or files are being read."""
        index = self._index()
        try:
            if index.count() < QUICK_ROWS or index.path is None:
                planned = index.plan()
                if len(planned.wanted) <= QUICK_READS or index.path is None:
                    index.apply(planned)
                    return index.has_rows()
        except StoreError as error:
            self.notify(str(error), title=_("Cannot list"), severity="error", markup=False)
            return index.has_rows()
        self.building = True
        return True

    def start_background(self) -> None:
        if self.building:
            self.run_worker(self._refresh_in_background, thread=True, exclusive=True, group="index")

    def _index(self) -> SavedIndex:
        if self.index is None:
            from smreadiness.index import SavedIndex

            self.index = SavedIndex(self.nav.store, self.banks.language)
        return self.index

    def _refresh_in_background(self) -> None:
        """A worker thread: the index brought up to date on a connection of its own, the
        loading line telling how far it has got."""
        twin = self._index().twin()
        try:
            twin.refresh(
                lambda done, total: self.app.call_from_thread(self._loading, done, total),
                lambda total: self.app.call_from_thread(self._loading, 0, total),
            )
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Cannot list"), severity="error", markup=False
            )
        finally:
            twin.close()
            self.app.call_from_thread(lambda: self.call_later(self._refreshed))

    def _loading(self, done: int, total: int) -> None:
        if self.has_rows:
            line = self.query_one("#loading", Static)
            line.update(
                Content(
                    _("Reading saved assessments: {done} of {total}…").format(
                        done=f"{done:,}", total=f"{total:,}"
                    )
                )
            )
            line.add_class("-shown")

    async def _refreshed(self) -> None:
        self.building = False
        async with self.reloading:
            await self._show_rows()
            if self.has_rows:
                self.query_one("#loading", Static).remove_class("-shown")

    # ------------------------------------------------------------------ the list

    def source(self) -> IndexRows:
        fields = self.query("#filter").results(Input)
        text = next((field.value for field in fields), "")
        return IndexRows(self._index(), text, self.sort_key, self.sort_reverse)

    async def reload(self) -> None:
        """Read the data directory again (an assessment may have changed or been added)."""
        async with self.reloading:  # a dialog closing and its callback may both ask at once
            self.bring_up_to_date()
            await self._show_rows()
            self.start_background()

    async def _show_rows(self) -> None:
        has_rows = self._index().has_rows() or self.building
        if has_rows != self.has_rows:
            self.has_rows = has_rows
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
        """The list again from the index, for the filter and sort now chosen."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        table = self.query_one(SavedTable)
        header = self.query_one(SavedHeader)
        header.sort_key, header.sort_reverse = self.sort_key, self.sort_reverse
        kept = table.selected()
        table.reset(self.source(), keep=kept.file if kept is not None else None)

    def _selected(self) -> Summary | None:
        return self.query_one(SavedTable).selected() if self.has_rows else None

    def shown_rows(self, limit: int | None = None) -> list[Summary]:
        """The rows listed now, in order (the first ``limit``): what a test reads."""
        return self.query_one(SavedTable).rows(limit) if self.has_rows else []

    def show_detail(self) -> None:
        row = self._selected()
        detail = self.query_one("#detail", Static)
        if row is None:
            message = _("No assessment matches the filter.") if self._any_rows() else ""
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

    def _any_rows(self) -> bool:
        return self.has_rows and self._index().has_rows()

    @on(SavedTable.Highlighted)
    def row_highlighted(self) -> None:
        self.show_detail()

    @on(SavedTable.Chosen)
    def row_chosen(self) -> None:
        self.action_open()

    @on(SavedHeader.Selected)
    def header_chosen(self, event: SavedHeader.Selected) -> None:
        if event.key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_reverse = False
            self.sort_key = event.key

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        if self.query_one(SavedTable).row_count >= DEBOUNCE_ROWS or self._debounce is not None:
            if self._debounce is not None:
                self._debounce.stop()
            self._debounce = self.set_timer(DEBOUNCE_SECONDS, self.fill)
        else:
            self.fill()

    def watch_sort_key(self) -> None:
        self.fill()

    def watch_sort_reverse(self) -> None:
        self.fill()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "delete", "sort", "move", "page"):
            return self.has_rows
        return True

    def action_move(self, step: int) -> None:
        table = self.query_one(SavedTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_page(self, step: int) -> None:
        self.query_one(SavedTable).page_step(step)

    def action_clear_filter(self) -> None:
        if self.has_rows:
            self.query_one("#filter", Input).value = ""

    def action_sort(self) -> None:
        self.sort_reverse = False
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]

    def action_new(self) -> None:
        self.post_message(AskNewName())

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
        from smreadiness.presenting import copy_example
        from smreadiness.session import Session

        bank = self.banks.get(None)
        example = bank.example(example_id) if example_id and not isinstance(bank, str) else None
        if example is None or isinstance(bank, str):
            return
        try:
            copy = copy_example(self.nav.store, bank, example)
        except StoreError as error:
            self.notify(str(error), title=_("Cannot copy"), severity="error", markup=False)
            return
        self.post_message(OpenSession(Session(self.nav.store, copy, bank)))

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
        self.post_message(OpenSession(Session(self.nav.store, entry.assessment, bank)))

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
