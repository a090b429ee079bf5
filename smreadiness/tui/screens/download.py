"""Saving the report (or the assessment file) from a browser session: a download, never a path.

The app then runs on the serving machine, so a path typed here would name a file there; the
visitor picks a format instead, and the browser receives the file (``App.deliver_text``).
"""

from __future__ import annotations

import io
from pathlib import PurePosixPath

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smreadiness.i18n import N_, _
from smreadiness.saving import default_name, report_text
from smreadiness.session import Session

TITLES = {"report": N_("Download the report"), "assessment": N_("Download the assessment")}
EXPLAIN = {
    "report": N_(
        "The full report: verdict, reasons, what-if, the action plan as a checklist, scores "
        "and every answer with its note. Your browser saves it where it saves downloads."
    ),
    "assessment": N_(
        "The assessment file itself (TOML), to import on another machine with "
        "`smreadiness import`. Your browser saves it where it saves downloads."
    ),
}
# (button id and key, label, file suffix, MIME type)
FORMATS = {
    "report": (
        ("h", N_("Web page (h)"), ".html", "text/html"),
        ("m", N_("Markdown (m)"), ".md", "text/markdown"),
        ("t", N_("Text (t)"), ".txt", "text/plain"),
    ),
    "assessment": (("d", N_("Download (d)"), ".toml", "application/toml"),),
}


class DownloadScreen(ModalScreen[str | None]):
    """Dismissed with the file name sent to the browser, or None when cancelled."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        *(
            Binding(key, f"download('{key}')", N_("Download"), show=False)
            for key in ("h", "m", "t", "d")
        ),
    ]

    def __init__(self, session: Session, what: str) -> None:
        super().__init__()
        self.session = session
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide"):
            yield Static(_(TITLES[self.what]), classes="title")
            yield Static(Content(_(EXPLAIN[self.what])), classes="intro")
            with Horizontal(classes="buttons"):
                for key, label, _suffix, _mime in FORMATS[self.what]:
                    yield Button(_(label), id=f"as-{key}", variant="primary")
            yield Static(_("Esc cancels"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def format_pressed(self, event: Button.Pressed) -> None:
        self.action_download((event.button.id or "").removeprefix("as-"))

    def action_download(self, key: str) -> None:
        chosen = next((f for f in FORMATS[self.what] if f[0] == key), None)
        if chosen is None:
            return
        _key, _label, suffix, mime = chosen
        name = str(PurePosixPath(default_name(self.session, self.what)).with_suffix(suffix))
        if self.what == "report":
            text = report_text(self.session, suffix)
        else:
            from smreadiness.store.store import dump

            text = dump(self.session.assessment).decode("utf-8")
        self.app.deliver_text(
            io.StringIO(text),
            save_filename=name,
            open_method="download",
            encoding="utf-8",
            mime_type=mime,
        )
        self.app.notify(name, title=_("Sent to your browser"), markup=False, timeout=6)
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
