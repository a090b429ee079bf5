"""The command palette's commands: Textual's own (in the chosen language), ours, the language."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from smreadiness.i18n import LANGUAGES, N_, _, language

if TYPE_CHECKING:
    from smreadiness.session import Session
    from smreadiness.tui.app import SmReadinessApp

LANGUAGE_NAMES = {"en": "English", "fi": "Suomi", "sv": "Svenska"}
"""Each language by its own name, so anyone can find their own whatever is on screen."""

# Textual's built-in commands, marked here so the catalogs carry them.
TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Hide the keys and widget help panel"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
)


def system_commands(
    app: SmReadinessApp, screen: Screen[object], textual: Iterable[SystemCommand]
) -> Iterable[SystemCommand]:
    """Every command for ``screen``: Textual's, the language switch, then ours."""
    for command in textual:
        yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)
    now = language()
    for code in LANGUAGES:
        title = _("Language: {name}").format(name=LANGUAGE_NAMES[code])
        help_text = (
            _("In use now")
            if code == now
            else _("Questions, screens and reports in this language; remembered")
        )
        yield SystemCommand(title, help_text, partial(app.switch_language, code))
    yield SystemCommand(_("Help"), _("How this works, and every key"), app.action_help)
    if not app.respondent:  # a workshop's respondent has its own answers and nothing else
        yield SystemCommand(
            _("Home"), _("Saved assessments, new ones and examples"), lambda: app.switch_to_home()
        )
    session: Session | None = getattr(screen, "session", None)
    if session is None:
        return
    if hasattr(screen, "action_outline"):
        yield SystemCommand(
            _("Go to question"), _("The outline of all questions"), screen.action_outline
        )
    yield SystemCommand(
        _("Review answers"), _("Every answer by dimension"), lambda: app.open_review(session)
    )
    yield SystemCommand(
        _("Result"),
        _("Verdict, reasons, what-if and plan"),
        lambda: app.open_result(session, finished=session.evaluate().complete),
    )
    if not app.respondent:
        yield SystemCommand(
            _("Presenter view"),
            _("Large type for a projector; flip answers live, nothing saved"),
            lambda: app.present_session(session),
        )
    if hasattr(screen, "action_compare") and screen.check_action("compare", ()):
        yield SystemCommand(
            _("Compare with last time"),
            _("What changed since the previous finished snapshot"),
            screen.action_compare,
        )
    web = app.is_web  # in a browser both are downloads, never a path on the serving machine
    yield SystemCommand(
        _("Save report"),
        _("Download the full report to your browser")
        if web
        else _("Write the full report to a text file"),
        lambda: app.save_report(session),
    )
    yield SystemCommand(
        _("Export assessment"),
        _("Download the assessment file, to move it elsewhere")
        if web
        else _("Write the assessment file, to move it elsewhere"),
        lambda: app.export_assessment(session),
    )
