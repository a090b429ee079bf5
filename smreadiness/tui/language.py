"""Switching the interface language while the app runs (from the command palette).

The choice is remembered in the config (``[tui] language``) for the next start without
``--lang``; open assessments remember it too. Every open screen that can (``async relabel()``)
builds itself again in the new language, with its bank reloaded in that language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smreadiness.i18n import LANGUAGES, _, set_language

if TYPE_CHECKING:
    from smreadiness.session import Session
    from smreadiness.tui.app import SmReadinessApp


async def switch_language(app: SmReadinessApp, code: str) -> None:
    """Speak ``code`` from now on: settings, open assessments, banks and every screen."""
    from smreadiness.settings import SettingsError, save_language

    if code not in LANGUAGES:
        return
    set_language(code)
    app.start = app.start._replace(language=code)
    try:
        save_language(code)
    except SettingsError as error:
        app.notify(str(error), title=_("Language not remembered"), severity="warning", markup=False)
    problems = _reload_sessions(app, code)
    from smreadiness.tui.base import AppScreen

    for screen in list(app.screen_stack):
        if isinstance(screen, AppScreen):
            await screen.relabel()
    for problem in problems:
        app.notify(problem, title=_("Question bank"), severity="error", markup=False)


def _reload_sessions(app: SmReadinessApp, code: str) -> list[str]:
    """The bank of each open assessment in the new language; the assessment remembers it."""
    from smreadiness.bank.loader import load_bank
    from smreadiness.problems import ProblemsError
    from smreadiness.session import replace_fields
    from smreadiness.store import StoreError

    problems: list[str] = []
    sessions: dict[int, Session] = {}
    for screen in app.screen_stack:
        session: Session | None = getattr(screen, "session", None)
        if session is not None:
            sessions[id(session)] = session
    for session in sessions.values():
        try:
            session.use_bank(load_bank(session.assessment.bank or None, code))
            if session.assessment.language != code:
                session.change(lambda latest: replace_fields(latest, language=code))
        except (ProblemsError, StoreError) as error:
            problems.append(str(error))
    return problems
