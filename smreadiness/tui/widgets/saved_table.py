"""The table of saved assessments: one row each, sorted by a column, the sort shown by an arrow."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

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


FIRST_ROWS = 100
"""Rows added before the table is drawn; the rest follow right after the frame (adding 1,000
rows to a DataTable takes ~100 ms, and no terminal shows more than this many at once)."""


class SavedTable(DataTable[Text]):
    """Rows are :class:`Summary` objects; the row key is the assessment id."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[Summary] = []
        self._filling = 0
        """Which call of show() the rows still being added belong to."""

    def show(self, rows: list[Summary], sort_key: str, reverse: bool) -> None:
        """Show these rows (already sorted), keeping the cursor on the same assessment."""
        selected = self.selected()
        labels = [
            _(label) + ((" ▲" if reverse else " ▼") if key == sort_key else "")
            for key, label in COLUMNS.items()
        ]
        # Columns are rebuilt only when a label changes: rebuilding them while rows are still
        # being measured leaves the widths at the labels' widths.
        if labels != [str(column.label) for column in self.columns.values()]:
            self.clear(columns=True)
            for key, label in zip(COLUMNS, labels, strict=True):
                self.add_column(label, key=key)
        else:
            self.clear()
        self.rows_shown = rows
        self._filling += 1
        self._add(rows[:FIRST_ROWS], selected)
        if len(rows) > FIRST_ROWS:
            self.call_after_refresh(self._add_later, rows[FIRST_ROWS:], selected, self._filling)

    def _add(self, rows: list[Summary], selected: Summary | None) -> None:
        for row in rows:
            self.add_row(*cells(row), key=row.id)
        if selected is not None and any(row.id == selected.id for row in rows):
            self.move_cursor(row=self.get_row_index(selected.id))

    def _add_later(self, rows: list[Summary], selected: Summary | None, filling: int) -> None:
        if filling == self._filling:  # not shown anew since
            self._add(rows, selected)

    def selected(self) -> Summary | None:
        if not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]
