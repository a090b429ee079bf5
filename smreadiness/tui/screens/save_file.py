"""Asking where to save the report (or the assessment file), and saving it."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smreadiness.i18n import N_, _
from smreadiness.session import Session
from smreadiness.store import StoreError
from smreadiness.tui.report_file import default_name, write_file
from smreadiness.tui.text import literal

TITLES = {"report": N_("Save the report"), "assessment": N_("Export the assessment")}
EXPLAIN = {
    "report": N_(
        "The full report: verdict, reasons, what-if, the action plan as a checklist, "
        "scores and every answer with its note. A name ending in .md gives Markdown, .html a "
        "web page, anything else plain text."
    ),
    "assessment": N_(
        "The assessment file itself (TOML), to import on another machine with `smreadiness import`."
    ),
}


class SaveFileScreen(ModalScreen[Path | None]):
    """Dismissed with the path written, or None when cancelled."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, session: Session, what: str) -> None:
        super().__init__()
        self.session = session
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide"):
            yield Static(_(TITLES[self.what]), classes="title")
            yield Static(Content(_(EXPLAIN[self.what])), classes="intro")
            yield Input(str(Path.cwd() / default_name(self.session, self.what)), id="path")
            yield Static("", classes="problem", id="save-problem")
            yield Static(
                _("Enter saves (an existing file is replaced) · Esc cancels"), classes="hint"
            )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @on(Input.Submitted, "#path")
    def path_given(self, event: Input.Submitted) -> None:
        problem = self.query_one("#save-problem", Static)
        text = event.value.strip()
        if not text:
            problem.update(Content(_("Type a file name first.")))
            return
        target = Path(text).expanduser()
        if target.is_dir():
            target = target / default_name(self.session, self.what)
        try:
            written = write_file(self.session, self.what, target)
        except (StoreError, OSError) as error:
            problem.update(literal(str(error)))
            return
        self.app.notify(str(written), title=_("Saved"), markup=False, timeout=6)
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
