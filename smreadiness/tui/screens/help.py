"""Help: how the interview works and the keys of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from smreadiness.i18n import N_, _

HELP = N_(
    """\
How it works
  Questions in a few areas, each with why it matters. Every
  answer is saved the moment you give it: quit at any time
  (ctrl+q), and `smreadiness resume NAME` brings you back to the
  same place. The verdict is one of three (go, not yet, no-go,
  in the question bank's words), always with its reasons.
  Unanswered questions are never guessed: while some are open,
  the side panel shows the range the verdict can still take.

Home
  type          filter the list by name
  ↑ ↓  Enter    choose and open
  ctrl+n        new assessment
  ctrl+e        open an example company (as a copy)
  ctrl+d        delete (asks first)
  ctrl+s        sort by the next column (or click a header)

Interview
  1-9           choose an option and move on
  ↑ ↓  Enter    the same with arrows (or the mouse)
  Enter         save a typed number or text and move on
  1-9  Enter    a checklist: tick options, then Done (or →)
  ↑ ↓           a grid: another row (1-9 answers the row)
  Esc  ←        previous question
  →  PgDn       next question, unchanged
  f2      k     don't know (counted as answered; the plan
                says to find it out)
  ctrl+s  s     skip for now (left unanswered)
  ctrl+g  f     flag to revisit
  ctrl+n  n     note
  ctrl+y  ?     why this matters, and its sources
  ctrl+o  o     outline: jump to any question
  ctrl+r  r     review all answers
  The ctrl keys work on every kind of question; the single
  letters while choosing (in a field, letters are text).

Review
  Enter         edit the answer
  v             see the result
  u             next unanswered question

Result
  1-8           try a what-if (nothing is saved)
  k             keep the tried change (saved; u undoes it)
  Esc           stop trying, or go back
  ← →           switch tabs
  Space         tick off a step of the plan (kept)
  s             save the full report (.txt, .md or .html)
  r             review the answers
  c             compare with last time (after a change)
  p             presenter view (also from the interview)

Presenter (smreadiness present)
  ↑ ↓           pick an answer (or click it)
  Space  →      its next option, or one more (numbers)
  ←             its previous option, or one less
  w             what would change this; its number applies it
  r             back to the original answers
  ctrl+s        save these answers as a new assessment
  p  Esc        close; nothing else is ever saved

Everywhere
  ctrl+p        command palette: go to a question, language,
                theme, presenter, save the report, export
  F1            this help
  ctrl+q        quit
"""
)


class HelpScreen(ModalScreen[None]):
    """Closed with Esc, F1 or q."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape,f1,q", "close", N_("Close"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide"):
            yield Static(_("Help"), classes="title")
            with VerticalScroll():
                yield Static(Content(_(HELP)))
            yield Static(_("Esc closes"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
