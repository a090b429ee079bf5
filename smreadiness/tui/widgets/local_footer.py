"""Textual's footer, with each key's description in the language chosen now.

Key descriptions are marked with ``N_()`` where the bindings are declared (at import, before
any language is chosen) and translated here when shown, so switching the language in the app
changes the footer too.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from smreadiness.i18n import _


class LocalFooter(Footer):
    """The same footer; descriptions and tooltips go through the catalog as they are shown."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str) and description:
                widget.description = _(description)  # type: ignore[attr-defined]
            tooltip = widget.tooltip
            if isinstance(tooltip, str) and tooltip:
                widget.tooltip = _(tooltip)
            yield widget
