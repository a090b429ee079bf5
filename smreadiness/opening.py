"""What the app opens on, worked out before Textual starts so bad input never shows a traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from smreadiness.i18n import LANGUAGES, set_language
from smreadiness.paths import RESPONDENT_ENV
from smreadiness.problems import Problem, ProblemsError
from smreadiness.store import Assessment, NotFoundError, Store, StoreError
from smreadiness.store.assessment import MAX_NAME
from smreadiness.store.store import AmbiguousError

if TYPE_CHECKING:  # the home screen needs none of these: imported when used (start-up time)
    import argparse

    from smreadiness.bank.model import Bank
    from smreadiness.presenting import Workshop
    from smreadiness.session import Session
    from smreadiness.store.store import Index

Opening = Literal["home", "name", "interview", "result", "presenter", "join"]


class StartError(Exception):
    """The command cannot open the app: a message for stderr, or the problems of a bad file
    (one line each, exit 3)."""

    def __init__(self, message: str = "", problems: list[Problem] | None = None) -> None:
        super().__init__(message or "; ".join(str(p) for p in problems or []))
        self.problems = list(problems or [])


class Start(NamedTuple):
    """The first screen and what it shows."""

    opening: Opening = "home"
    session: Session | None = None
    question: str | None = None
    language: str = "en"
    bank: str | None = None
    workshop: Workshop | None = None
    watch: bool = False
    pick: str = ""
    """``resume NAME`` matched several: the home list, filtered by NAME, to pick one from."""
    respondent_of: Path | None = None
    """A served workshop: this browser is one respondent of the workshop in this folder."""
    resume_command: str = "smreadiness resume"
    """What the goodbye line tells to type to come back (a workshop's ``join ... --as``)."""


def _load_bank(spec: str | None, language: str) -> Bank:
    from smreadiness.bank.loader import load_bank

    try:
        return load_bank(spec or None, language)
    except ProblemsError as error:
        raise StartError(problems=error.problems) from None


def open_session(store: Store, assessment: Assessment, language: str) -> Session:
    """The session for a saved assessment, with the bank it was made with."""
    from smreadiness.session import Session

    return Session(store, assessment, _load_bank(assessment.bank or None, language))


def where_to_resume(session: Session) -> Start:
    """Result for a finished assessment, else the question to continue at."""
    from smreadiness.i18n import language

    # A file that names no language is shown in the one chosen for this run.
    spoken = session.assessment.language or language()
    point = session.resume_point()
    if point is None:
        return Start("result", session, None, spoken)
    return Start("interview", session, point, spoken)


def choose_language(args: argparse.Namespace, remembered: str | None = None) -> str:
    """``--lang`` if given, else ``remembered`` (the assessment's), else the language chosen
    in the app last time, else the environment's; the interface speaks it from now on."""
    language = getattr(args, "lang", None) or "en"
    if not getattr(args, "lang_given", True):
        from smreadiness.settings import load_language

        chosen = remembered if remembered in LANGUAGES else load_language()
        language = chosen or language
    set_language(language)
    return language


def _newest(store: Store) -> Index:
    """The rows written last, from the index rather than reading every file."""

    def index() -> list[tuple[Path, str, str | None]]:
        from smreadiness.i18n import language
        from smreadiness.index import newest_rows

        return newest_rows(store, language())

    return index


def _look_up(store: Store, target: str) -> Assessment:
    from smreadiness.i18n import language
    from smreadiness.index import find

    return find(store, language(), target)


def _find(store: Store, target: str) -> Assessment:
    try:
        if not target.strip():
            return store.most_recent(_newest(store))
        return _look_up(store, target)
    except StoreError as error:
        raise StartError(f"smreadiness: {error}") from None
    except ProblemsError as error:
        raise StartError(problems=error.problems) from None


def resolve_start(args: argparse.Namespace) -> Start:  # noqa: C901 - one branch per way the app can be opened
    """Read the command line into a :class:`Start`; raises :class:`StartError`."""
    command = getattr(args, "command", None)
    served_for = os.environ.get(RESPONDENT_ENV)
    if served_for:  # `workshop serve`: only the join screen and the own interview
        return Start("join", None, None, choose_language(args), respondent_of=Path(served_for))
    if command == "resume":
        store = Store()
        target = getattr(args, "target", None) or ""
        try:
            assessment = _look_up(store, target) if target.strip() else None
        except AmbiguousError:
            return Start("home", None, None, choose_language(args), pick=target.strip())
        except (StoreError, ProblemsError):
            assessment = None  # _find below says why, as one line
        if assessment is None:
            assessment = _find(store, target)
        language = choose_language(args, assessment.language)
        start = where_to_resume(open_session(store, assessment, language))
        again = getattr(args, "resume_command", None)
        return start._replace(resume_command=again) if again else start
    language = choose_language(args)
    if command == "present":
        return present(args, language)
    if command == "new":
        from smreadiness.bank.loader import bank_reference

        spec = getattr(args, "bank", None)
        bank = _load_bank(spec, language)
        name = (getattr(args, "name", None) or "").strip()
        if not name:
            return Start("name", None, None, language, spec)
        if len(name) > MAX_NAME:
            raise StartError(f"smreadiness: --name is {len(name)} characters; at most {MAX_NAME}")
        store = Store()
        try:
            assessment = store.create(
                name, bank=bank_reference(spec), bank_version=bank.version, language=language
            )
        except StoreError as error:
            raise StartError(f"smreadiness: {error}") from None
        from smreadiness.session import Session

        session = Session(store, assessment, bank)
        return Start("interview", session, bank.questions[0].id, language, spec)
    return Start("home", None, None, language)


def present(args: argparse.Namespace, language: str) -> Start:
    """The presenter on an example of the bank (the first when none is named) or a saved
    assessment, as a scratch copy."""
    spec = getattr(args, "bank", None)
    from smreadiness.presenting import Workshop

    target = (getattr(args, "target", None) or "").strip()
    watch = bool(getattr(args, "watch", False))
    bank = _load_bank(spec, language)
    example = bank.example(target) if target else (bank.examples[0] if bank.examples else None)
    if example is not None:
        workshop = Workshop(bank, spec, example.name, example.answers)
        return Start("presenter", None, None, language, spec, workshop, watch)
    if not target:
        raise StartError(
            f"smreadiness: bank {bank.id!r} has no example companies; "
            "name a saved assessment to present"
        )
    store = Store()
    try:
        assessment = _look_up(store, target)
    except NotFoundError as error:
        ids = ", ".join(e.id for e in bank.examples) or "none"
        raise StartError(
            f"smreadiness: {target!r} is not an example of bank {bank.id!r} ({ids}); {error}"
        ) from None
    except StoreError as error:
        raise StartError(f"smreadiness: {error}") from None
    except ProblemsError as error:
        raise StartError(problems=error.problems) from None
    if not spec and assessment.bank and assessment.bank != bank.id:
        spec = assessment.bank
        bank = _load_bank(spec, language)
    workshop = Workshop(bank, spec or assessment.bank or None, assessment.name, assessment.answers)
    return Start("presenter", None, None, language, spec, workshop, watch)
