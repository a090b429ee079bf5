"""Textual's footer, with each key's description in the language chosen now, and Help and Quit
always on it.

Key descriptions are marked with ``N_()`` where the bindings are declared (at import, before
any language is chosen) and translated here when shown, so switching the language in the app
changes the footer too. When the keys do not fit the width, the palette key and then the
screen's own keys give way (from the right); Help (F1) and Quit never do: F1 lists every key.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

from smreadiness.i18n import _

ESSENTIAL = ("f1", "ctrl+q")


def _width(widget: Widget) -> int:
    key = str(getattr(widget, "key_display", "") or getattr(widget, "key", ""))
    description = str(getattr(widget, "description", ""))
    return len(key) + len(description) + 3  # the key's padding and the gap after the text


class LocalFooter(Footer):
    """The same footer; descriptions and tooltips go through the catalog as they are shown."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn_for = 0

    def compose(self) -> ComposeResult:
        widgets: list[Widget] = []
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str) and description:
                widget.description = _(description)  # type: ignore[attr-defined]
            tooltip = widget.tooltip
            if isinstance(tooltip, str) and tooltip:
                widget.tooltip = _(tooltip)
            widgets.append(widget)
        self._drawn_for = room = self.app.size.width
        while sum(_width(w) for w in widgets) > room:
            palette = [w for w in widgets if w.has_class("-command-palette")]
            optional = [w for w in widgets if getattr(w, "key", None) not in ESSENTIAL]
            if palette:
                widgets.remove(palette[0])
            elif optional:
                widgets.remove(optional[-1])
            else:
                break
        self.styles.grid_size_columns = sum(
            1 for w in widgets if not w.has_class("-command-palette")
        )
        yield from widgets

    async def on_resize(self) -> None:
        if self.app.size.width != self._drawn_for:
            await self.recompose()
