"""What the app opens on, worked out before Textual starts so bad input never shows a traceback."""

from __future__ import annotations

import argparse
from typing import Literal, NamedTuple

from smreadiness.i18n import LANGUAGES, set_language
from smreadiness.problems import ProblemsError
from smreadiness.store import Assessment, Store, StoreError
from smreadiness.store.assessment import MAX_NAME
from smreadiness.tui.session import Session

Opening = Literal["home", "name", "interview", "result"]


class StartError(Exception):
    """The command cannot open the app; the message is one line for stderr."""


class Start(NamedTuple):
    """The first screen and what it shows."""

    opening: Opening = "home"
    session: Session | None = None
    question: str | None = None
    language: str = "en"
    bank: str | None = None


def _problem_text(error: ProblemsError) -> str:
    return "; ".join(str(p) for p in error.problems)


def open_session(store: Store, assessment: Assessment, language: str) -> Session:
    """The session for a saved assessment, with the bank it was made with."""
    from smreadiness.bank.loader import load_bank

    try:
        bank = load_bank(assessment.bank or None, language)
    except ProblemsError as error:
        raise StartError(f"smreadiness: {_problem_text(error)}") from None
    return Session(store, assessment, bank)


def where_to_resume(session: Session) -> Start:
    """Result for a finished assessment, else the question to continue at."""
    point = session.resume_point()
    if point is None:
        return Start("result", session, None, session.assessment.language)
    return Start("interview", session, point, session.assessment.language)


def resolve_start(args: argparse.Namespace) -> Start:
    """Read the command line into a :class:`Start`; raises :class:`StartError`."""
    command = getattr(args, "command", None)
    language = getattr(args, "lang", None) or "en"
    if command == "resume":
        store = Store()
        try:
            assessment = store.find(str(getattr(args, "target", "")))
        except StoreError as error:
            raise StartError(f"smreadiness: {error}") from None
        except ProblemsError as error:
            raise StartError(f"smreadiness: {_problem_text(error)}") from None
        if not getattr(args, "lang_given", True) and assessment.language in LANGUAGES:
            # No --lang: the screens speak the language the assessment was made in.
            language = assessment.language
            set_language(language)
        return where_to_resume(open_session(store, assessment, language))
    if command == "new":
        from smreadiness.bank.loader import load_bank

        spec = getattr(args, "bank", None)
        try:
            bank = load_bank(spec, language)
        except ProblemsError as error:
            raise StartError(f"smreadiness: {_problem_text(error)}") from None
        name = (getattr(args, "name", None) or "").strip()
        if not name:
            return Start("name", None, None, language, spec)
        if len(name) > MAX_NAME:
            raise StartError(f"smreadiness: --name is {len(name)} characters; at most {MAX_NAME}")
        store = Store()
        try:
            assessment = store.create(
                name, bank=spec or bank.id, bank_version=bank.version, language=language
            )
        except StoreError as error:
            raise StartError(f"smreadiness: {error}") from None
        session = Session(store, assessment, bank)
        return Start("interview", session, bank.questions[0].id, language, spec)
    return Start("home", None, None, language)
