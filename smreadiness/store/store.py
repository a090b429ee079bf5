"""The saved assessments: one TOML file each in the data directory."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from smreadiness.files import (
    StoreError,
    atomic_write,
    describe_os_error,
    ensure_dir,
    locked,
)
from smreadiness.i18n import _
from smreadiness.paths import data_dir
from smreadiness.problems import Problem, ProblemsError
from smreadiness.store.assessment import Assessment, new_id, now, parse_assessment
from smreadiness.tomlfile import MAX_FILE_BYTES, parse_toml, read_limited

Index = Callable[[], "list[tuple[Path, str, str | None]]"]
"""Each saved file's path, id and name (None when it cannot be read)."""

SUFFIX = ".toml"
_STALE_TEMP_SECONDS = 3600


class NotFoundError(StoreError):
    """No saved assessment matches the name or id."""


class AmbiguousError(NotFoundError):
    """Several saved assessments match; :attr:`matches` holds each one's id and name."""

    def __init__(self, wanted: str, matches: list[tuple[str, str]]) -> None:
        self.matches = matches
        shown = "; ".join(f"{name} ({assessment_id})" for assessment_id, name in matches[:10])
        more = len(matches) - 10
        if more > 0:
            shown += " " + _("and {count} more").format(count=more)
        super().__init__(
            _("{count} assessments match {name}: {matches}; use an id").format(
                count=len(matches), name=repr(wanted), matches=shown
            )
        )


def fold(text: str) -> str:
    """For matching names as people type them: no accents, any case, single spaces."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _steps(wanted: str) -> list[Callable[[tuple[Path, str, str | None]], bool]]:
    """How :meth:`Store.find` matches a name, in order: the first step with a match decides."""
    folded = fold(wanted)
    return [
        lambda row: str(row[2]).casefold() == wanted.casefold(),
        lambda row: fold(str(row[2])) == folded,
        lambda row: _safe_id(wanted) and row[1].startswith(wanted),
        lambda row: fold(str(row[2])).startswith(folded),
        lambda row: _words_start(fold(str(row[2])), folded),
    ]


def _words_start(name: str, wanted: str) -> bool:
    words = name.replace("-", " ").split()
    return any(" ".join(words[i:]).startswith(wanted) for i in range(1, len(words)))


class Entry(NamedTuple):
    """A file in the data directory: its assessment, or why it cannot be read."""

    path: Path
    assessment: Assessment | None
    problem: str | None

    @property
    def id(self) -> str:
        return self.assessment.id if self.assessment else self.path.stem


def dump(assessment: Assessment) -> bytes:
    """The file's bytes; :class:`StoreError` if they would be too large to read back."""
    import tomli_w

    data = tomli_w.dumps(assessment.to_toml()).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = _("not saved: it would be {size} bytes, and at most {limit} MiB can be read")
        name = assessment.name or assessment.id
        raise StoreError(f"{name}: " + message.format(size=f"{len(data):,}", limit=limit))
    return data


def read_assessment(path: Path, label: str | None = None) -> Assessment:
    """Load one assessment file; raises :class:`ProblemsError` saying what is wrong."""
    name = label or str(path)
    raw = read_limited(path, name, directory=_("is a directory, not an assessment file"))
    data, _text = parse_toml(raw, name)
    return parse_assessment(data, name, fallback_id=path.stem)


def _reason(problem: Problem) -> str:
    """A problem of a file, without the file's name: ``line 8: key: message``."""
    where = _("line {line}: ").format(line=problem.line) if problem.line else ""
    return f"{where}{problem.key}: {problem.message}" if problem.key else where + problem.message


class Store:
    """Saved assessments in one directory. Every write is atomic and made under a lock."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else data_dir()

    def path_for(self, assessment_id: str) -> Path:
        return self.root / f"{assessment_id}{SUFFIX}"

    # ------------------------------------------------------------------ reading

    def files(self) -> list[Path]:
        """The assessment files in the data directory (temp files of killed saves excluded)."""
        if not self.root.exists():
            return []
        try:
            paths = sorted(p for p in self.root.iterdir() if self._is_assessment(p))
        except OSError as error:
            raise describe_os_error(error, self.root, _("list the directory")) from None
        self._sweep_temp_files()
        return paths

    @staticmethod
    def read(path: Path) -> Assessment:
        """A file of the data directory. Its name is its id: a copy (``cp a.toml b.toml``) is
        assessment ``b``, and saving it writes ``b.toml``, never the file it was copied from.
        A file whose name is not an id cannot be saved back, so it is refused, untouched."""
        if not _safe_id(path.stem):
            message = _(
                "its file name is not an assessment id (letters, digits, - and _ only); "
                "import it instead: smreadiness import FILE"
            )
            raise ProblemsError([Problem(str(path), message)])
        assessment = read_assessment(path)
        return assessment if assessment.id == path.stem else assessment._replace(id=path.stem)

    @classmethod
    def entry(cls, path: Path) -> Entry:
        """One file's assessment, or why it cannot be read."""
        try:
            return Entry(path, cls.read(path), None)
        except ProblemsError as error:
            return Entry(path, None, "; ".join(_reason(p) for p in error.problems))

    def entries(self) -> list[Entry]:
        """Every assessment file, newest first; unreadable ones carry their reason."""
        entries = [self.entry(path) for path in self.files()]
        epoch = now().replace(year=1970)
        entries.sort(key=lambda e: e.assessment.updated if e.assessment else epoch, reverse=True)
        return entries

    @staticmethod
    def _is_assessment(path: Path) -> bool:
        return path.suffix == SUFFIX and not path.name.startswith(".")

    def _sweep_temp_files(self) -> None:
        """Remove temp files a killed process left behind (never a real assessment)."""
        cutoff = time.time() - _STALE_TEMP_SECONDS
        with contextlib.suppress(OSError):
            for leftover in self.root.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    if leftover.stat().st_mtime < cutoff:
                        leftover.unlink()

    def load(self, assessment_id: str) -> Assessment:
        path = self.path_for(assessment_id)
        if not path.exists():
            raise NotFoundError(
                _("no saved assessment with id {id}").format(id=repr(assessment_id))
            )
        return self.read(path)

    def find(self, name_or_id: str, index: Index | None = None) -> Assessment:
        """By id, then by name: exactly (any case), then ignoring accents ("cafe mokka" finds
        "Café Mokka"), then by unique id prefix, then by the start of the name or of one of its
        words ("mokka"). Several matches at one step are listed, never guessed between.

        Names are looked up in ``index`` when given (each file's path, id and name, None when
        unreadable: :func:`smreadiness.listing.name_index` serves it from a cache), else by
        reading every file.
        """
        wanted = name_or_id.strip()
        if not wanted:
            raise NotFoundError(_("give the name or id of a saved assessment"))
        if _safe_id(wanted) and self.path_for(wanted).exists():
            return self.load(wanted)
        listed = list(index()) if index is not None else self._index()
        readable = [row for row in listed if row[2] is not None]
        for matches in _steps(wanted):
            named = [row for row in readable if matches(row)]
            if len(named) == 1:
                return self.read(named[0][0])
            if len(named) > 1:
                raise AmbiguousError(wanted, [(row[1], str(row[2])) for row in named])
        broken = [row for row in listed if row[2] is None and row[1] == wanted]
        if broken:
            return self.read(broken[0][0])  # raises ProblemsError: why it cannot be read
        raise NotFoundError(
            _("no saved assessment named {name}; `smreadiness list` shows the saved ones").format(
                name=repr(wanted)
            )
        )

    def holds_id(self, wanted: str) -> bool:
        """Whether ``wanted`` is the id of a saved file (:meth:`find` then reads just that)."""
        wanted = wanted.strip()
        return _safe_id(wanted) and self.path_for(wanted).exists()

    @staticmethod
    def answers_to(assessment: Assessment, name_or_id: str) -> bool:
        """Whether :meth:`find` could pick ``assessment`` for ``name_or_id`` (at any step)."""
        wanted = name_or_id.strip()
        row = (Path(), assessment.id, assessment.name)
        return assessment.id == wanted or any(matches(row) for matches in _steps(wanted))

    def most_recent(self, index: Index | None = None) -> Assessment:
        """The assessment changed last (``resume`` with no name)."""
        listed = list(index()) if index is not None else self._index()
        readable = [row for row in listed if row[2] is not None]
        if not readable:
            raise NotFoundError(_("no saved assessments yet; start one with `smreadiness new`"))
        # The file written last: saved times are whole seconds, the file's own time is finer.
        newest = max(readable, key=lambda row: _written(row[0]))
        return self.read(newest[0])

    def _index(self) -> list[tuple[Path, str, str | None]]:
        return [(e.path, e.id, e.assessment.name if e.assessment else None) for e in self.entries()]

    # ------------------------------------------------------------------ writing

    def create(
        self, name: str, *, bank: str = "readiness", bank_version: str = "", language: str = "en"
    ) -> Assessment:
        assessment = Assessment.new(name, bank=bank, bank_version=bank_version, language=language)
        return self.save(assessment, new=True)

    def save(self, assessment: Assessment, *, new: bool = False) -> Assessment:
        """Write a whole assessment. ``new`` picks a fresh id if that one is taken."""
        ensure_dir(self.root)
        with locked(self.root):
            if new:
                while self.path_for(assessment.id).exists():
                    assessment = assessment._replace(id=new_id())
            atomic_write(self.path_for(assessment.id), dump(assessment))
        return assessment

    def update(self, assessment_id: str, change: Callable[[Assessment], Assessment]) -> Assessment:
        """Reload under the lock, apply ``change``, write: two processes never lose an answer."""
        ensure_dir(self.root)
        with locked(self.root):
            path = self.path_for(assessment_id)
            if not path.exists():
                raise NotFoundError(_("assessment {id} was deleted").format(id=repr(assessment_id)))
            latest = self.read(path)
            changed = change(latest)
            atomic_write(path, dump(changed))
        return changed

    def delete(self, assessment_id: str) -> None:
        path = self.path_for(assessment_id)
        with locked(self.root):
            try:
                path.unlink()
            except FileNotFoundError:
                raise NotFoundError(
                    _("no saved assessment with id {id}").format(id=repr(assessment_id))
                ) from None
            except OSError as error:
                raise describe_os_error(error, path, _("delete the file")) from None

    def add(self, assessment: Assessment) -> Assessment:
        """Save an assessment from elsewhere; keeps its id unless that one is taken.

        Whether the id is taken is decided under the lock, so two imports of the same file at
        once keep both.
        """
        return self.save(assessment, new=True)


def _safe_id(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= 64
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)
    )


def _written(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
