"""Dimension scores as bars, with how far each dimension's questions are answered."""

from __future__ import annotations

from typing import NamedTuple

from textual.content import Content
from textual.widget import Widget

from smreadiness.tui.text import bar, dots


class DimensionRow(NamedTuple):
    """One line of the chart."""

    title: str
    short: str
    score: int | None
    answered: int
    total: int


class DimensionChart(Widget):
    """One line per dimension: name, progress dots (optional), score bar and number.

    Long titles give way to the short name when the widget is narrow (80 columns).
    """

    DEFAULT_CSS = """
    DimensionChart { height: auto; }
    """

    def __init__(
        self, *, progress: bool = True, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.progress = progress
        self.rows: list[DimensionRow] = []

    def show(self, rows: list[DimensionRow]) -> None:
        self.rows = rows
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.rows))

    def render(self) -> Content:
        if not self.rows:
            return Content("")
        width = max(20, self.content_size.width or self.size.width or 40)
        dots_width = max(r.total for r in self.rows) + 1 if self.progress else 0
        long_name = max(len(r.title) for r in self.rows)
        room_for_long = width - long_name - dots_width - 1 - 4 >= 8
        names = [r.title if room_for_long else r.short for r in self.rows]
        fixed = 1 + dots_width + 4
        name_width = min(max(len(n) for n in names), max(6, width - fixed - 5))
        bar_width = max(3, min(20, width - name_width - fixed))
        lines: list[Content] = []
        for row, name in zip(self.rows, names, strict=True):
            shown = name if len(name) <= name_width else name[: name_width - 1] + "…"
            parts: list[Content | str] = [shown.ljust(name_width), " "]
            if self.progress:
                parts += [dots(row.answered, row.total), " " * (dots_width - row.total)]
            parts.append(bar(row.score, bar_width))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)
