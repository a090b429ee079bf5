"""The list of saved assessments: a virtual table that draws only the rows on screen.

With 50,000 saved assessments a ``DataTable`` holding every row takes seconds to fill and to
filter. Here the rows come from a :class:`RowSource` (the index, queried a page at a time with
``LIMIT``/``OFFSET``): the widget knows how many rows there are, asks for the page it needs to
draw, and keeps the few pages it has seen until the source changes (:meth:`SavedTable.reset`).
The header (:class:`SavedHeader`) sits above it and sorts by a column when clicked.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from smreadiness.i18n import N_, _
from smreadiness.textsafe import clean
from smreadiness.tui.overview import Summary
from smreadiness.tui.text import RICH_COLOUR, VERDICT_SYMBOL

COLUMNS = {
    "name": N_("Company"),
    "progress": N_("Progress"),
    "verdict": N_("Verdict so far"),
    "updated": N_("Last change"),
}
PAGE = 100
"""Rows asked of the source at once (a tall terminal shows fewer)."""
KEEP_CURSOR_UP_TO = 5_000
"""A new filter or sort keeps the cursor on its row in lists up to this long."""
_GAP = 2
_FIXED = {"progress": 9, "verdict": 30, "updated": 16}
_NARROW_VERDICT = 22
"""On a terminal under 100 columns the verdict column gives way to the name."""
_MIN_NAME = 12


class RowSource(Protocol):
    """Where the rows come from: how many there are, and any slice of them in order."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> list[Summary]: ...


def cells(row: Summary) -> tuple[Text, Text, Text, Text]:
    """A row as text: names literally (Rich ``Text``, never markup), verdicts with a symbol."""
    name = Text(clean(row.name, single_line=True))
    if row.unreadable:
        name = Text.assemble(("⚠ ", "bold red"), name)
    progress = Text(f"{row.answered}/{row.total}") if row.total else Text("-", style="dim")
    if row.verdict is not None:
        text = f"{VERDICT_SYMBOL[row.verdict]} {row.verdict_text}"
        verdict = Text(text, style=RICH_COLOUR[row.verdict])
        if row.reassess_due:
            verdict.append(" · " + _("look again"), style="bold yellow")
    else:
        verdict = Text(row.verdict_text, style="bold red" if row.problem else "dim")
    # ISO dates read the same in every language, and skip loading Babel at startup.
    when = row.updated.astimezone().strftime("%Y-%m-%d %H:%M") if row.updated else "-"
    return name, progress, verdict, Text(when)


def widths(total: int) -> list[int]:
    """Column widths for a table ``total`` cells wide: the name takes what the others leave."""
    wanted = dict(_FIXED, verdict=_NARROW_VERDICT) if total < 100 else _FIXED
    fixed = [max(wanted[key], cell_len(_(COLUMNS[key])) + 2) for key in list(COLUMNS)[1:]]
    name = max(_MIN_NAME, total - sum(fixed) - _GAP * len(COLUMNS) - 1)
    return [name, *fixed]


def line(parts: list[Text], sizes: list[int], style: Style | None = None) -> Text:
    """Cells cut or padded to their widths, one space before and two between."""
    out = Text(" ", no_wrap=True, end="")
    for index, (part, size) in enumerate(zip(parts, sizes, strict=True)):
        cell = part.copy()
        cell.truncate(size, overflow="ellipsis", pad=True)
        out.append_text(cell)
        if index < len(parts) - 1:
            out.append(" " * _GAP)
    if style is not None:
        out.stylize(style)
    return out


class SavedHeader(Widget):
    """The column names, the sorted one with an arrow; a click sorts by that column."""

    DEFAULT_CSS = """
    SavedHeader {
        height: 1;
        background: $panel;
        text-style: bold;
    }
    """

    sort_key: reactive[str] = reactive("updated")
    sort_reverse: reactive[bool] = reactive(False)

    class Selected(Message):
        """A column's name was clicked."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def labels(self) -> list[Text]:
        arrow = " ▲" if self.sort_reverse else " ▼"
        return [
            Text(_(label) + (arrow if key == self.sort_key else ""))
            for key, label in COLUMNS.items()
        ]

    def render(self) -> Text:
        return line(self.labels(), widths(self.size.width))

    def on_click(self, event: events.Click) -> None:
        x = 1
        for key, size in zip(COLUMNS, widths(self.size.width), strict=True):
            if x <= event.x < x + size + _GAP:
                self.post_message(self.Selected(key))
                return
            x += size + _GAP


class SavedTable(ScrollView, can_focus=False):
    """The rows of a :class:`RowSource`, one line each, with a cursor on one of them.

    Focus stays in the filter above: the screen moves the cursor with the arrow keys.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "saved-table--cursor",
        "saved-table--even-row",
    }

    DEFAULT_CSS = """
    SavedTable {
        background: $surface;
        & > .saved-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .saved-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .saved-table--even-row {
            background: $surface-darken-1 40%;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The cursor is on another row (or the rows changed under it)."""

    class Chosen(Message):
        """The row under the cursor was clicked again: open it."""

    def __init__(self, source: RowSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.row_count = source.count()
        self._pages: dict[int, list[Summary]] = {}

    # ------------------------------------------------------------------ rows

    def reset(self, source: RowSource | None = None, keep: str | None = None) -> None:
        """The rows changed (another filter, sort or what is saved): read them anew. The cursor
        stays on the row whose id is ``keep`` when it is still listed, else on the first."""
        if source is not None:
            self.source = source
        self._pages.clear()
        self.row_count = self.source.count()
        self.virtual_size = Size(self.size.width, self.row_count)
        position = self._position_of(keep) if keep is not None else None
        self.set_reactive(SavedTable.cursor_row, position or 0)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.call_after_refresh(self._centre_cursor)  # once the new size is known
        self.refresh()
        self.post_message(self.Highlighted())

    def _centre_cursor(self) -> None:
        if self.cursor_row >= self.size.height:
            target = self.cursor_row - self.size.height // 2
            self.scroll_to(y=target, animate=False, immediate=True)

    def _position_of(self, file: str) -> int | None:
        """Where the row of ``file`` now stands; on a very long list the cursor goes back to
        the top instead (finding it there means ranking every row)."""
        finder = getattr(self.source, "position", None)
        if finder is None or self.row_count > KEEP_CURSOR_UP_TO:
            return None
        found: int | None = finder(file)
        return found

    def row_at(self, index: int) -> Summary | None:
        """Row ``index`` of the list (read from the source a page at a time)."""
        if not 0 <= index < self.row_count:
            return None
        number, at = divmod(index, PAGE)
        if number not in self._pages:
            if len(self._pages) > 50:  # a long scroll: keep memory flat
                self._pages.clear()
            self._pages[number] = self.source.page(number * PAGE, PAGE)
        rows = self._pages[number]
        return rows[at] if at < len(rows) else None

    def selected(self) -> Summary | None:
        return self.row_at(self.cursor_row)

    def rows(self, limit: int | None = None) -> list[Summary]:
        """The first ``limit`` rows (all without one): for tests and small lists."""
        wanted = self.row_count if limit is None else min(limit, self.row_count)
        return self.source.page(0, wanted) if wanted else []

    # ------------------------------------------------------------------ the cursor

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = row

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self.row_count - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._show_cursor()
        self.refresh()
        self.post_message(self.Highlighted())

    def _show_cursor(self) -> None:
        if self.row_count:
            self.scroll_to_region(Region(0, self.cursor_row, 1, 1), animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.cursor_row += 1
        self._show_cursor()

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1
        self._show_cursor()

    def page_step(self, pages: int) -> None:
        self.cursor_row += pages * max(1, self.size.height - 1)
        self._show_cursor()

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if not 0 <= index < self.row_count:
            return
        if index == self.cursor_row:
            self.post_message(self.Chosen())
        else:
            self.cursor_row = index

    # ------------------------------------------------------------------ drawing

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.row_count)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, self.rich_style)
        base = self.rich_style
        if index == self.cursor_row:
            base = base + self.get_component_rich_style("saved-table--cursor")
        elif index % 2:
            base = base + self.get_component_rich_style("saved-table--even-row")
        text = line(list(cells(row)), widths(width))
        segments = [
            Segment(segment.text, base + segment.style if segment.style else base)
            for segment in text.render(self.app.console)
            if segment.text != "\n"
        ]
        return Strip(segments).adjust_cell_length(width, base)
