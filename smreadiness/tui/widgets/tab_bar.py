"""A row of tab names over a line: the current tab bold with a heavy line under it.

Drawn as text by one widget. Textual's ``TabbedContent`` builds a dozen widgets for its tabs
and cost the result screen ~15-30 ms before its first frame (paired runs on this machine);
the result screen pairs this bar with a ``ContentSwitcher``.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

GAP = 2
"""Spaces between two tab names (and before the first, one)."""


class TabBar(Widget):
    """Tab names; the current one is bold and has ``━`` under it (not colour alone)."""

    DEFAULT_CSS = """
    TabBar { height: 2; text-wrap: nowrap; text-overflow: clip; }
    """

    active: reactive[str] = reactive("", layout=False)

    class Chosen(Message):
        """A tab name was clicked."""

        def __init__(self, tab_id: str) -> None:
            super().__init__()
            self.tab_id = tab_id

    def __init__(self, tabs: list[tuple[str, str]], active: str, *, id: str | None = None):
        super().__init__(id=id)
        self.tabs = tabs
        """(id, name) of each tab, in order."""
        self.set_reactive(TabBar.active, active)

    def names(self) -> list[str]:
        """The names as drawn: whole when they fit the width, else each cut to its share."""
        names = [name for _, name in self.tabs]
        room = (self.size.width or 80) - 1 - GAP * (len(names) - 1)
        if sum(Content(name).cell_length for name in names) <= room:
            return names
        share = max(3, room // max(1, len(names)))
        return [name if len(name) <= share else name[: share - 1] + "…" for name in names]

    def spans(self) -> list[tuple[int, int, str]]:
        """Where each name is drawn: (first column, column after it, tab id)."""
        found, column = [], 1
        for (tab_id, _), name in zip(self.tabs, self.names(), strict=True):
            width = Content(name).cell_length
            found.append((column, column + width, tab_id))
            column += width + GAP
        return found

    def render(self) -> Content:
        names: list[Content | str] = [" "]
        line: list[tuple[str, str]] = []
        end = 0
        for (start, stop, tab_id), name in zip(self.spans(), self.names(), strict=True):
            current = tab_id == self.active
            names += [
                Content.styled(name, "bold $text" if current else "$text-muted"),
                " " * GAP,
            ]
            rule = "━" if current else "─"
            line += [
                ("─" * (start - end), "$panel-lighten-2"),
                (rule * (stop - start), "bold $accent" if current else "$panel-lighten-2"),
            ]
            end = stop
        line.append(("─" * max(0, self.size.width - end), "$panel-lighten-2"))
        return Content.assemble(*names, "\n", *line)

    def on_click(self, event: events.Click) -> None:
        for start, stop, tab_id in self.spans():
            if start <= event.x < stop:
                self.post_message(self.Chosen(tab_id))
                return
