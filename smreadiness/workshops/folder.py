"""Workshops on disk: one folder each under ``<data dir>/workshops/``.

    workshops/spring-course/workshop.toml     name, room or team, bank, language, created
    workshops/spring-course/respondents/*.toml one assessment file per respondent

The respondents' folder is an ordinary store (atomic writes, 0600 files, a lock for every
write), so a respondent's file is the same format as a single assessment, and a respondent
can answer with the normal interview pointed at that folder.
"""

from __future__ import annotations

import tomllib
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from smreadiness.files import atomic_write, ensure_dir, locked
from smreadiness.i18n import _
from smreadiness.moments import read_moment
from smreadiness.paths import data_dir
from smreadiness.problems import Problem, ProblemsError
from smreadiness.store import Entry, NotFoundError, Store, StoreError
from smreadiness.store.assessment import MAX_NAME, now
from smreadiness.store.store import fold

FOLDER = "workshops"
META_FILE = "workshop.toml"
RESPONDENTS = "respondents"
BROWSERS = "browsers"
"""Served workshops: each browser's own folder (``browsers/<hash>/data``), one respondent."""
MAX_META_BYTES = 64 * 1024
ROLE_KEY = "role"
MAX_ROLE = 60


class Workshop(NamedTuple):
    """A room of businesses answering (``team`` False), or several people answering for one
    business (``team`` True)."""

    slug: str
    name: str
    team: bool
    bank: str
    language: str
    created: datetime
    folder: Path

    @property
    def respondents(self) -> Store:
        """Respondents added from files or joined in a terminal."""
        return Store(self.folder / RESPONDENTS)

    def stores(self) -> list[Store]:
        """Every folder respondents' files are in: the shared one and each browser's."""
        found = [self.respondents]
        browsers = self.folder / BROWSERS
        try:
            folders = sorted(p for p in browsers.iterdir() if (p / "data").is_dir())
        except OSError:
            folders = []
        found += [Store(p / "data") for p in folders]
        return found

    def entries(self) -> list[Entry]:
        """Every respondent's file, readable or not."""
        return [entry for store in self.stores() for entry in store.entries()]


def taken_names(workshop: Workshop) -> set[str]:
    """The respondents' names, folded (any case, accents optional), to refuse a second one."""
    return {
        fold(entry.assessment.name)
        for entry in workshop.entries()
        if entry.assessment is not None and entry.assessment.name
    }


def root() -> Path:
    return data_dir() / FOLDER


def slug_for(name: str) -> str:
    """A folder name from a workshop name: letters and digits (accents dropped), dashes."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in plain)
    slug = "-".join(part for part in slug.split("-") if part)[:48]
    return slug or "workshop"


def _meta_problems(data: dict[str, Any], label: str) -> list[Problem]:
    table = data.get("workshop")
    if not isinstance(table, dict):
        return [Problem(label, _("must have a [workshop] table"), key="workshop")]
    problems = []
    for key in ("name", "bank", "language"):
        value = table.get(key)
        if not isinstance(value, str) or not value or len(value) > MAX_NAME:
            problems.append(
                Problem(
                    label,
                    _("must be text of 1 to {limit} characters").format(limit=MAX_NAME),
                    key=f"workshop.{key}",
                )
            )
    if not isinstance(table.get("team"), bool):
        problems.append(Problem(label, _("must be true or false"), key="workshop.team"))
    if read_moment(table.get("created")) is None:
        problems.append(Problem(label, _("must be a date and time"), key="workshop.created"))
    return problems


def read(folder: Path) -> Workshop:
    """The workshop in ``folder``; raises ProblemsError when its file is damaged."""
    path = folder / META_FILE
    label = str(path)
    try:
        raw = path.read_bytes()[: MAX_META_BYTES + 1]
    except OSError as error:
        raise ProblemsError([Problem(label, error.strerror or str(error))]) from None
    if len(raw) > MAX_META_BYTES:
        raise ProblemsError([Problem(label, _("is too large to be a workshop file"))])
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ProblemsError(
            [Problem(label, _("is not valid TOML: {reason}").format(reason=error))]
        ) from None
    problems = _meta_problems(data, label)
    if problems:
        raise ProblemsError(problems)
    table = data["workshop"]
    created = read_moment(table["created"])
    assert created is not None
    return Workshop(
        folder.name,
        table["name"],
        table["team"],
        table["bank"],
        table["language"],
        created,
        folder,
    )


def create(name: str, *, team: bool, bank: str, language: str) -> Workshop:
    """A new workshop folder; a name already used is refused (folders are never merged)."""
    name = " ".join(name.split())
    if not name:
        raise StoreError(_("give the workshop a name"))
    if len(name) > MAX_NAME:
        raise StoreError(_("a workshop name is at most {limit} characters").format(limit=MAX_NAME))
    base = root()
    ensure_dir(base)
    with locked(base):
        for existing in all_workshops()[0]:
            if fold(existing.name) == fold(name):
                raise StoreError(
                    _("a workshop named {name} exists already ({folder})").format(
                        name=repr(existing.name), folder=existing.folder
                    )
                )
        slug, number = slug_for(name), 1
        while (base / slug).exists():
            number += 1
            slug = f"{slug_for(name)[:44]}-{number}"
        folder = base / slug
        ensure_dir(folder / RESPONDENTS)
        import tomli_w

        created = now()
        document = {
            "workshop": {
                "name": name,
                "team": team,
                "bank": bank,
                "language": language,
                "created": created,
            }
        }
        atomic_write(folder / META_FILE, tomli_w.dumps(document).encode("utf-8"))
    return Workshop(slug, name, team, bank, language, created, folder)


def all_workshops() -> tuple[list[Workshop], list[Problem]]:
    """Every workshop (oldest first), and the folders that cannot be read, with why."""
    base = root()
    found: list[Workshop] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return found, problems
    try:
        folders = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as error:
        return found, [Problem(str(base), error.strerror or str(error))]
    for folder in folders:
        try:
            found.append(read(folder))
        except ProblemsError as error:
            problems += error.problems
    found.sort(key=lambda w: w.created)
    return found, problems


def find(wanted: str) -> Workshop:
    """A workshop by its folder name or its name (any case, accents optional, unique start)."""
    workshops, _problems = all_workshops()
    key = fold(wanted.strip())
    if not key:
        raise NotFoundError(_("give the name of a workshop"))
    for exact in (
        [w for w in workshops if w.slug == wanted or fold(w.name) == key],
        [w for w in workshops if fold(w.name).startswith(key) or w.slug.startswith(key)],
    ):
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            names = ", ".join(f"{w.name} ({w.slug})" for w in exact)
            raise NotFoundError(
                _("{wanted} matches several workshops: {names}").format(
                    wanted=repr(wanted), names=names
                )
            )
    raise NotFoundError(
        _("no workshop named {wanted}; `smreadiness workshop list` shows them").format(
            wanted=repr(wanted)
        )
    )
