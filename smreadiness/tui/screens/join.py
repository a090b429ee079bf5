"""A workshop served to browsers: each browser is one respondent. The first screen asks a name
(and, for a team, a role), then runs the normal interview on that respondent's own folder.

Each browser's app process sees only its own data folder (the server gives each browser one,
by a cookie), so a respondent never sees anyone else's answers; the name is checked against
the names already in the workshop, so two respondents cannot take the same one. Coming back
in the same browser finds the respondent's answers where they were left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from smreadiness.i18n import _
from smreadiness.store.assessment import MAX_NAME
from smreadiness.tui.text import literal

if TYPE_CHECKING:
    from smreadiness.store import Assessment
    from smreadiness.tui.app import SmReadinessApp
    from smreadiness.workshops.folder import Workshop


class JoinScreen(Screen[None]):
    """Name (and role) of one respondent; then the interview, or the answers given before."""

    CSS_PATH = "dialog.tcss"

    def __init__(self, workshop: Workshop) -> None:
        super().__init__()
        self.workshop = workshop

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dialog"):
            yield Static(literal(self.workshop.name), classes="title")
            yield Static(
                _(
                    "Welcome. Answer the questions for your own business; only you see your "
                    "answers and your result, the room sees the totals."
                )
                if not self.workshop.team
                else _(
                    "Welcome. Answer the questions as you see your business; only you see your "
                    "answers, the team sees where you agree and differ."
                ),
                classes="intro",
            )
            yield Input(
                placeholder=_("Your company's name or a nickname")
                if not self.workshop.team
                else _("Your name or a nickname"),
                max_length=MAX_NAME,
                id="respondent",
            )
            if self.workshop.team:
                yield Input(
                    placeholder=_("Your role, e.g. owner, staff, marketing"),
                    max_length=60,
                    id="role",
                )
            yield Static("", classes="problem", id="join-problem")
            yield Static(_("Enter starts the interview"), classes="hint")
        yield Footer()

    def own(self) -> Assessment | None:
        """This browser's answers, if it has joined before (one respondent per browser)."""
        found = [e.assessment for e in self.app_.store.entries() if e.assessment is not None]
        return found[0] if found else None

    def on_mount(self) -> None:
        own = self.own()
        if own is not None:  # this browser has joined before: straight back to its answers
            self.call_after_refresh(self.open, own)
            return
        self.query_one("#respondent", Input).focus()

    @property
    def app_(self) -> SmReadinessApp:
        from smreadiness.tui.app import SmReadinessApp

        assert isinstance(self.app, SmReadinessApp)
        return self.app

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        from smreadiness.store import Assessment as NewAssessment
        from smreadiness.store import StoreError
        from smreadiness.workshops.folder import ROLE_KEY, taken_names

        problem = self.query_one("#join-problem", Static)
        own = self.own()
        if own is not None:  # one respondent per browser: back to the answers given
            self.open(own)
            return
        name = " ".join(self.query_one("#respondent", Input).value.split())
        if not name:
            problem.update(Content(_("Type a name first (a nickname will do).")))
            self.query_one("#respondent", Input).focus()
            return
        if self.workshop.team and event.input.id == "respondent":
            self.query_one("#role", Input).focus()
            return
        from smreadiness.store.store import fold

        if fold(name) in taken_names(self.workshop):
            problem.update(
                literal(
                    _("Someone has joined as {name} already: choose another name.").format(
                        name=name
                    )
                )
            )
            return
        role = ""
        if self.workshop.team:
            role = " ".join(self.query_one("#role", Input).value.split())[:60]
        try:
            from smreadiness.bank.loader import load_bank

            bank = load_bank(self.workshop.bank or None, self.app_.language)
            assessment = NewAssessment.new(
                name,
                bank=self.workshop.bank,
                bank_version=bank.version,
                language=self.app_.language,
            )
            if role:
                assessment = assessment._replace(extra_meta={ROLE_KEY: role})
            saved = self.app_.store.save(assessment, new=True)
        except (StoreError, OSError) as error:
            problem.update(literal(str(error)))
            return
        self.open(saved)

    def open(self, assessment: Assessment) -> None:
        from smreadiness.opening import StartError, open_session
        from smreadiness.problems import ProblemsError

        try:
            session = open_session(self.app_.store, assessment, self.app_.language)
        except (StartError, ProblemsError) as error:
            self.query_one("#join-problem", Static).update(literal(str(error)))
            return
        self.app_.open_session(session)
