"""An option list whose prompts we wrap ourselves, so long lines hang under their own text."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option


class WrappedList(OptionList):
    """Subclasses say what to show for a width; the list re-wraps itself when resized."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.width_used = 0

    def wrap_width(self) -> int:
        width = self.scrollable_content_region.width
        return (width if width > 0 else max(30, self.app.size.width - 8)) - 1

    def build(self, width: int) -> list[Option]:
        """The options, wrapped to ``width`` cells."""
        return []

    def rebuild(self) -> None:
        """Show the options again (after the data or the width changed), keeping the cursor."""
        self.width_used = width = self.wrap_width()
        highlighted = self.highlighted
        options = self.build(width)
        self.set_options(options)
        if options:
            self.highlighted = min(highlighted or 0, len(options) - 1)

    def on_resize(self) -> None:
        if self.wrap_width() != self.width_used:
            self.rebuild()
