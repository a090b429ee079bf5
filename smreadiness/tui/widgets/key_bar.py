"""A one-line footer of keys that redraws as text instead of rebuilding widgets.

Textual's ``Footer`` rebuilds one widget per key whenever the focus moves. On the interview the
focus moves between an option list and a text field several times, and that rebuild alone cost
up to 50 ms per answer in a real terminal. This bar shows the same bindings (first key of each
action, greyed when disabled) and redraws only when what it shows changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from smreadiness.i18n import _


class KeyBar(Static):
    """The active bindings of the screen, as one line of text."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    ESSENTIAL = ("f1", "ctrl+q")
    """Help and Quit stay on the bar at any width; the screen's own keys give way first (F1 and
    the palette list them all)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._shown: tuple[tuple[str, str, bool, bool], ...] = ()
        self._width = 0

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._draw()

    def bindings_changed(self, screen: Screen[object]) -> None:
        seen: set[str] = set()
        shown: list[tuple[str, str, bool, bool]] = []
        for _namespace, binding, enabled, _tooltip in screen.active_bindings.values():
            text = _(binding.description)
            # One key per action, and per name: → and PgDn both say "Next" while choosing.
            if not binding.show or binding.action in seen or text in seen:
                continue
            seen.update((binding.action, text))
            essential = binding.key in self.ESSENTIAL
            shown.append((self.app.get_key_display(binding), text, enabled, essential))
        palette = screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            key = self.app.get_key_display(palette.binding)
            shown.append((key, _("palette"), palette.enabled, False))
        if tuple(shown) == self._shown:
            return
        self._shown = tuple(shown)
        self._draw()

    def _draw(self) -> None:
        self._width = width = self.size.width or self.app.size.width
        items = list(self._shown)
        essential = [item for item in items if item[3]]
        others = [item for item in items if not item[3]]

        def length(chosen: list[tuple[str, str, bool, bool]]) -> int:
            return sum(len(key) + len(text) + 3 for key, text, _enabled, _e in chosen)

        room = width - length(essential)
        kept: list[tuple[str, str, bool, bool]] = []
        for item in others:
            if length([*kept, item]) > room:
                break
            kept.append(item)
        self.update(
            Content("").join(
                Content.assemble(
                    (f" {key} ", "bold $footer-key-foreground" if enabled else "dim"),
                    (f"{text} ", "" if enabled else "dim"),
                )
                for key, text, enabled, _essential in [*kept, *essential]
            )
        )
