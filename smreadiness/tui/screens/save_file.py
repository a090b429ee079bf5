"""Asking where to save the report (or the assessment file), and saving it: in a terminal only.

In a browser session the app is on someone else's machine, so nothing typed there may name a
path on it: the app pushes ``DownloadScreen`` instead, and this dialog refuses to write.
"""

from __future__ import annotations

import stat
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smreadiness.i18n import N_, _
from smreadiness.paths import documents_dir
from smreadiness.saving import default_name, write_file
from smreadiness.session import Session
from smreadiness.store import StoreError
from smreadiness.tui.text import literal

TITLES = {"report": N_("Save the report"), "assessment": N_("Export the assessment")}
EXPLAIN = {
    "report": N_(
        "The full report: verdict, reasons, what-if, the action plan as a checklist, "
        "scores and every answer with its note. A name ending in .html gives a web page, .pdf "
        "a PDF (needs Chromium), .md Markdown, .json the JSON result, anything else plain text."
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
            suggested = documents_dir() / default_name(self.session, self.what)
            yield Input(str(suggested), id="path")
            yield Static(self.where(str(suggested)), id="save-where")
            yield Static("", classes="problem", id="save-problem")
            yield Static(
                _("Enter saves (asks before replacing a file) · Esc cancels"), classes="hint"
            )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @staticmethod
    def resolved(text: str) -> Path:
        """Where ``text`` saves: ``~`` expanded, relative to the working folder, links followed."""
        return Path(text.strip()).expanduser().resolve()

    def where(self, text: str) -> Content:
        if not text.strip():
            return Content("")
        try:
            target = self.resolved(text)
        except (OSError, RuntimeError, ValueError):
            return Content("")
        return literal(_("Saves to: {path}").format(path=target), "dim", single_line=True)

    @on(Input.Changed, "#path")
    def path_changed(self, event: Input.Changed) -> None:
        self.query_one("#save-where", Static).update(self.where(event.value))
        self.query_one("#save-problem", Static).update("")

    def refusal(self, target: Path) -> str | None:
        """Why ``target`` is not a file this dialog writes, or None."""
        try:
            mode = target.stat().st_mode
        except FileNotFoundError:
            return None
        except OSError as error:
            return f"{target}: {error.strerror or error}"
        if stat.S_ISDIR(mode):
            return _("{path} is a folder: add a file name to it.").format(path=target)
        if not stat.S_ISREG(mode):
            return _("{path} is a device, pipe or socket, not a file: choose a file name.").format(
                path=target
            )
        return None

    @on(Input.Submitted, "#path")
    def path_given(self, event: Input.Submitted) -> None:
        problem = self.query_one("#save-problem", Static)
        text = event.value.strip()
        if self.app.is_web:  # never a path on the serving machine from a browser
            problem.update(Content(_("In a browser the report is downloaded instead.")))
            return
        if not text:
            problem.update(Content(_("Type a file name first.")))
            return
        try:
            target = self.resolved(text)
        except (OSError, RuntimeError, ValueError) as error:
            problem.update(literal(str(error)))
            return
        refusal = self.refusal(target)
        if refusal:
            problem.update(literal(refusal))
            return
        if target.exists():
            from smreadiness.tui.screens.confirm import ConfirmScreen

            def answered(replace: bool | None) -> None:
                if replace:
                    self.write(target)

            self.app.push_screen(
                ConfirmScreen(
                    _("Replace the file?"),
                    literal(_("{path} exists. Replace it?").format(path=target)),
                    yes=_("Replace"),
                ),
                answered,
            )
            return
        self.write(target)

    def write(self, target: Path) -> None:
        if self.what == "report" and target.suffix.lower() == ".pdf":
            # Chromium takes a second or two to print: off the event loop, the screen live.
            self.query_one("#save-problem", Static).update(Content(_("Printing the PDF...")))
            self.run_worker(lambda: self._write_in_thread(target), thread=True, exclusive=True)
            return
        self.written(self._write(target))

    def _write(self, target: Path) -> Path | str:
        from smreadiness.report.pdf import PdfUnavailable

        try:
            return write_file(self.session, self.what, target)
        except (StoreError, OSError, PdfUnavailable) as error:
            return str(error)

    def _write_in_thread(self, target: Path) -> None:
        outcome = self._write(target)
        self.app.call_from_thread(self.written, outcome)

    def written(self, outcome: Path | str) -> None:
        """The file was written (a path), or why not (a message)."""
        if isinstance(outcome, str):
            self.query_one("#save-problem", Static).update(literal(outcome))
            return
        self.app.notify(str(outcome), title=_("Saved"), markup=False, timeout=6)
        self.dismiss(outcome)

    def action_cancel(self) -> None:
        self.dismiss(None)
