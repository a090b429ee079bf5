"""The Textual app: which screen comes first, moving between screens, themes and the palette.

Only the first screen's module is imported at startup; the others are imported when first shown.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from smreadiness.i18n import N_, _
from smreadiness.opening import Start
from smreadiness.tui import navigation

if TYPE_CHECKING:
    from textual.command import Provider

    from smreadiness.presenting import Workshop
    from smreadiness.session import Session
    from smreadiness.store import Store
    from smreadiness.tui.base import SessionScreen


SCREENS_DIR = Path(__file__).resolve().parent / "screens"
ALL_CSS = (
    "home.tcss",
    "interview.tcss",
    "review.tcss",
    "result.tcss",
    "dialog.tcss",
    "presenter.tcss",
)
FIRST_CSS = {
    "home": ("home.tcss",),
    "name": ("home.tcss", "dialog.tcss"),
    "interview": ("interview.tcss",),
    "result": ("result.tcss",),
    "presenter": ("presenter.tcss",),
    "join": ("dialog.tcss",),
}


def _question_commands() -> type[Provider]:
    from smreadiness.tui.commands import QuestionCommands

    return QuestionCommands


class SmReadinessApp(App[int]):
    """Is social media right for this business now? The interview, its review and the result."""

    TITLE = "smreadiness"
    # Each screen names its own .tcss (CSS_PATH). The first screen's is read at startup; the
    # others are read together once the first screen is on the terminal (first_screen_shown), as
    # a screen bringing new CSS later makes Textual re-parse and re-apply every stylesheet.
    CSS_PATH = [SCREENS_DIR / "home.tcss"]
    COMMANDS = App.COMMANDS | {_question_commands}
    BINDINGS = [
        Binding("f1", "help", N_("Help"), tooltip=N_("How this works, and every key")),
        Binding(
            "ctrl+q", "quit", N_("Quit"), priority=True, tooltip=N_("Quit; every answer is saved")
        ),
    ]

    def __init__(
        self, start: Start | None = None, *, store: Store | None = None, cursor_blink: bool = True
    ) -> None:
        self.start = start or Start()
        super().__init__(css_path=[SCREENS_DIR / name for name in FIRST_CSS[self.start.opening]])
        self._store = store
        self.cursor_blink = cursor_blink
        self.goodbye: str | None = None
        """Printed after the app closes (Ctrl+Q on an open assessment: saved, and how to go on)."""
        """False in tests and screenshots: a blinking cursor makes pictures differ."""
        self._early_keys: list[events.Key] | None = []
        """Keys typed before the first screen has the keyboard; None once it has."""
        from smreadiness.settings import load_theme

        saved = load_theme()
        if saved and saved in self.available_themes:
            self.theme = saved

    @property
    def store(self) -> Store:
        if self._store is None:
            from smreadiness.store import Store

            self._store = Store()
        return self._store

    # ------------------------------------------------------------------ startup

    def get_default_screen(self) -> Screen[None]:
        """The screen the command asked for is the bottom of the stack (its CSS is preloaded)."""
        start = self.start
        if start.opening == "interview" and start.session is not None:
            from smreadiness.tui.screens.interview import InterviewScreen

            return InterviewScreen(start.session, start.question)
        if start.opening == "result" and start.session is not None:
            from smreadiness.tui.screens.result import ResultScreen

            return ResultScreen(start.session)
        if start.opening == "join" and start.respondent_of is not None:
            return self.join_screen()
        if start.opening == "presenter" and start.workshop is not None:
            from smreadiness.tui.screens.presenter import PresenterScreen

            return PresenterScreen(start.workshop, watch=start.watch)
        from smreadiness.tui.screens.home import HomeScreen

        return HomeScreen(start.language, pick=start.pick)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.call_after_refresh(self.first_screen_shown)
        if self.start.opening == "name":
            self.ask_for_new_name(self.start.bank)

    async def on_event(self, event: events.Event) -> None:
        # Keys typed while the app starts (a user who knows the first answer) reach the app
        # before the first screen has put the keyboard anywhere; they would be dropped.
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._early_keys is not None:
                self._early_keys.append(event)
                return
        await super().on_event(event)

    async def first_screen_shown(self) -> None:
        """Work left until the first screen is on the terminal: the keys typed ahead, the other
        screens' styles, and the garbage collector, which ``smreadiness`` pauses for start-up
        (cli/tui.py)."""
        early, self._early_keys = self._early_keys or [], None
        for key in early:  # in order, before any key typed later (those wait in the queue)
            await super().on_event(key)
        self._read_other_css()
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def _read_other_css(self) -> None:
        """Every screen's stylesheet, read once (a screen bringing new CSS makes Textual
        re-parse and re-apply every stylesheet, a pause best taken before the first key)."""
        stylesheet = self.stylesheet
        for name in ALL_CSS:
            path = SCREENS_DIR / name
            if not stylesheet.has_source(str(path), ""):
                stylesheet.read(path)
        stylesheet.reparse()
        stylesheet.update(self)

    @property
    def language(self) -> str:
        """The interface language now."""
        from smreadiness.i18n import language

        return language()

    def _remember_theme(self, theme: object) -> None:
        from smreadiness.settings import SettingsError, save_theme

        try:
            save_theme(self.theme)
        except SettingsError as error:
            self.notify(
                str(error), title=_("Theme not remembered"), severity="warning", markup=False
            )

    # ------------------------------------------------------------------ moving around
    # Screens ask by message (smreadiness.tui.navigation); these handlers do the moving.

    @on(navigation.OpenSession)
    def _on_open_session(self, message: navigation.OpenSession) -> None:
        self.open_session(message.session)

    @on(navigation.OpenInterview)
    def _on_open_interview(self, message: navigation.OpenInterview) -> None:
        self.open_interview(message.session, message.question, review_after=message.review_after)

    @on(navigation.OpenReview)
    def _on_open_review(self, message: navigation.OpenReview) -> None:
        self.open_review(message.session)

    @on(navigation.OpenResult)
    def _on_open_result(self, message: navigation.OpenResult) -> None:
        self.open_result(message.session, finished=message.finished)

    @on(navigation.GoBack)
    def _on_go_back(self, message: navigation.GoBack) -> None:
        self.go_back(message.fallback or self.home_screen)

    @on(navigation.AskNewName)
    def _on_ask_new_name(self, message: navigation.AskNewName) -> None:
        self.ask_for_new_name(message.bank)

    @on(navigation.SaveReport)
    def _on_save_report(self, message: navigation.SaveReport) -> None:
        self.save_report(message.session)

    def go_back(self, fallback: Callable[[], Screen[None]]) -> None:
        """Back to the screen below, or to ``fallback`` when this one was the first."""
        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:
            # Textual 8 cannot switch away from the first screen (get_default_screen gives it
            # no result callback to pop), so the fallback goes on top of it.
            self.push_screen(fallback())

    def home_screen(self) -> Screen[None]:
        if self.start.respondent_of is not None:
            return self.join_screen()  # a served respondent has no home list
        from smreadiness.tui.screens.home import HomeScreen

        return HomeScreen(self.language)

    def join_screen(self) -> Screen[None]:
        from smreadiness.tui.screens.join import JoinScreen
        from smreadiness.workshops.folder import read

        assert self.start.respondent_of is not None
        return JoinScreen(read(self.start.respondent_of))

    def ask_for_new_name(self, bank: str | None = None) -> None:
        """The name prompt; a name starts a new interview."""
        if self.start.respondent_of is not None:
            self.notify(_("In a workshop each browser answers once."), markup=False)
            return
        from smreadiness.tui.screens.name_prompt import NamePrompt

        def create(name: str | None) -> None:
            if name:
                self.new_assessment(name, bank)

        self.push_screen(NamePrompt(), create)

    def new_assessment(self, name: str, bank_spec: str | None = None) -> None:
        from smreadiness.problems import ProblemsError
        from smreadiness.session import Session
        from smreadiness.store import StoreError

        try:
            from smreadiness.bank.loader import bank_reference, load_bank

            bank = load_bank(bank_spec, self.language)
            assessment = self.store.create(
                name,
                bank=bank_reference(bank_spec),
                bank_version=bank.version,
                language=self.language,
            )
        except (StoreError, ProblemsError) as error:
            self.notify(str(error), title=_("Cannot start"), severity="error", markup=False)
            return
        self.open_interview(Session(self.store, assessment, bank), bank.questions[0].id)

    def open_session(self, session: Session) -> None:
        """Continue where the user left off, or the result when every answer is in."""
        point = session.resume_point()
        if point is None:
            self.open_result(session)
        else:
            self.open_interview(session, point)

    def open_interview(
        self, session: Session, question: str | None = None, *, review_after: bool = False
    ) -> None:
        from smreadiness.tui.screens.interview import InterviewScreen

        if self._pop_to(InterviewScreen, session):
            screen = self.screen
            if question and isinstance(screen, InterviewScreen):
                screen.go_to(question, review_after=review_after)
            return
        self.push_screen(InterviewScreen(session, question, review_after=review_after))

    def _pop_to(self, kind: type[SessionScreen], session: Session) -> bool:
        """Back down to an open screen of this kind for this session, if there is one."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, kind) and screen.session is session:
                while self.screen is not screen:
                    self.pop_screen()
                return True
        return False

    def open_review(self, session: Session) -> None:
        from smreadiness.tui.screens.review import ReviewScreen

        if not self._pop_to(ReviewScreen, session):
            self.push_screen(ReviewScreen(session))

    def open_result(self, session: Session, *, finished: bool = False) -> None:
        """The result; ``finished`` when the user finishes (not a resume): a snapshot is kept
        when the answers changed since the last one."""
        from smreadiness.problems import ProblemsError
        from smreadiness.store import StoreError
        from smreadiness.tui.screens.result import ResultScreen

        if finished:
            try:
                session.finish()
            except (StoreError, ProblemsError) as error:
                self.notify(str(error), title=_("Not saved"), severity="error", markup=False)
        if not self._pop_to(ResultScreen, session):
            self.push_screen(ResultScreen(session))

    def open_presenter(self, workshop: Workshop) -> None:
        """The presenter view on a scratch copy; closing it comes back here."""
        from smreadiness.tui.screens.presenter import PresenterScreen

        self.push_screen(PresenterScreen(workshop))

    @property
    def respondent(self) -> bool:
        """A browser answering in a served workshop: its own interview and result only."""
        return self.start.respondent_of is not None

    def present_session(self, session: Session) -> None:
        if self.respondent:
            return  # a copy saved from the presenter would be a second respondent
        from smreadiness.presenting import Workshop

        bank_spec = session.assessment.bank or None
        self.open_presenter(Workshop(session.bank, bank_spec, session.name, session.answers))

    def action_present(self) -> None:
        """The presenter view on the assessment in front (key p on the interview and result)."""
        session: Session | None = getattr(self.screen, "session", None)
        if session is not None:
            self.present_session(session)

    async def switch_language(self, code: str) -> None:
        from smreadiness.tui.language import switch_language

        await switch_language(self, code)

    # ------------------------------------------------------------------ everywhere

    async def action_quit(self) -> None:
        """Quit; when an assessment is open, say on leaving that it is saved and how to go on."""
        session = next(
            (
                found
                for screen in reversed(self.screen_stack)
                if (found := getattr(screen, "session", None)) is not None
            ),
            None,
        )
        command = self.start.resume_command
        self.goodbye = resume_hint(session, command) if session is not None else None
        self.exit()

    def action_help(self) -> None:
        from smreadiness.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def save_report(self, session: Session) -> None:
        self.save_file(session, "report")

    def export_assessment(self, session: Session) -> None:
        self.save_file(session, "assessment")

    def save_file(self, session: Session, what: str) -> None:
        """A path on this machine in a terminal; in a browser, a download and never a path."""
        if self.is_web:
            from smreadiness.tui.screens.download import DownloadScreen

            self.push_screen(DownloadScreen(session, what))
            return
        from smreadiness.tui.screens.save_file import SaveFileScreen

        self.push_screen(SaveFileScreen(session, what))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from smreadiness.tui.palette import system_commands

        yield from system_commands(self, screen, super().get_system_commands(screen))

    def switch_to_home(self) -> None:
        from smreadiness.tui.screens.home import HomeScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, HomeScreen):
                while self.screen is not screen:
                    self.pop_screen()
                return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(self.home_screen())  # on top of the first screen: see go_back


def run_app(start: Start) -> int:
    """Open the TUI on what the command line chose (:func:`smreadiness.opening.resolve_start`);
    returns the exit code."""
    app = SmReadinessApp(start)
    app.run()
    if app.goodbye and not getattr(app, "is_web", False):
        print(app.goodbye)
    return app.return_code or 0


def resume_hint(session: Session, again: str = "smreadiness resume") -> str:
    """ "Saved. Continue with: smreadiness resume 'Café Mokka'" (the id when the name is not
    unique, so the line always works as printed)."""
    command = f"{again} {session.handle()}"
    if session.evaluate().complete:
        return _("Every answer is saved. See the result again with: {command}").format(
            command=command
        )
    return _("Every answer is saved. Continue where you left off with: {command}").format(
        command=command
    )
