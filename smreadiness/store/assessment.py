"""One assessment as saved on disk, and its TOML form (``interface.md``).

Loading is tolerant: any file an older version wrote loads, keys we do not know are kept and
written back, and answers are kept as written even when the bank no longer accepts them (the
engine reports those), so saving never loses anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from smreadiness.i18n import _
from smreadiness.moments import EARLIEST_YEAR, LATEST_YEAR, read_moment
from smreadiness.problems import Problem, ProblemsError

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar

SCHEMA_VERSION = 1
MAX_NAME = 200
MAX_NOTE = 1000
"""The longest note the interview takes."""
MAX_NOTE_IN_FILE = 200_000
"""The longest note a file may hold (written elsewhere, or by an older version); longer ones are
refused on reading, so importing one can never produce a file too large to read back."""
MAX_KEY = 200
MAX_CHOSEN = 200
"""The most options one multi answer may list (each a non-empty word)."""
_META_KEYS = {
    "schema_version",
    "id",
    "name",
    "bank",
    "bank_version",
    "language",
    "created",
    "updated",
}
_TOP_KEYS = {"meta", "answers", "notes", "evidence", "state", "history"}


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_id() -> str:
    import secrets  # only when creating: keeps reading and scoring quick

    return secrets.token_hex(4)


class Assessment(NamedTuple):
    """An assessment: who, which bank, the answers and notes, and where the user was.

    Immutable: every change makes a new one (``with_answer`` and friends, ``_replace``).
    """

    id: str
    name: str
    created: datetime
    updated: datetime
    bank: str = "readiness"
    bank_version: str = ""
    language: str = ""
    """The language it was answered in; empty when its file named none (then the environment's
    language is used, and nothing is written back)."""
    answers: Mapping[str, Any] = {}
    notes: Mapping[str, str] = {}
    flagged: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    current: str | None = None
    done: tuple[str, ...] = ()
    """Action-plan items ticked off, by action id."""
    fingerprints: Mapping[str, str] = {}
    """Question id -> the question's fingerprint when it was answered (re-ask on change)."""
    history: tuple[Mapping[str, Any], ...] = ()
    extra: Mapping[str, Any] = {}
    extra_meta: Mapping[str, Any] = {}
    extra_state: Mapping[str, Any] = {}
    evidence: Mapping[str, str] = {}
    """Question id -> what the business gave as evidence for a strong answer (the bank's
    ``evidence`` follow-up, e.g. "Name your last three posts")."""

    @classmethod
    def new(
        cls, name: str, *, bank: str = "readiness", bank_version: str = "", language: str = "en"
    ) -> Assessment:
        stamp = now()
        return cls(new_id(), name, stamp, stamp, bank, bank_version, language)

    def with_answer(self, question: str, value: Scalar | None, fingerprint: str = "") -> Assessment:
        """A copy with one answer set (or removed when ``value`` is None).

        ``fingerprint`` is the question's :attr:`~smreadiness.bank.model.Question.fingerprint`;
        with it, a later bank that changes the question asks it again.
        """
        answers = dict(self.answers)
        prints = dict(self.fingerprints)
        if value is None:
            answers.pop(question, None)
            prints.pop(question, None)
        else:
            answers[question] = value
            if fingerprint:
                prints[question] = fingerprint
        skipped = tuple(q for q in self.skipped if q != question)
        return self._replace(answers=answers, fingerprints=prints, skipped=skipped, updated=now())

    def with_done(self, action: str, done: bool) -> Assessment:
        """Tick (or untick) an action of the plan."""
        rest = tuple(a for a in self.done if a != action)
        return self._replace(done=(*rest, action) if done else rest, updated=now())

    def with_note(self, question: str, note: str) -> Assessment:
        notes = dict(self.notes)
        if note.strip():
            notes[question] = note
        else:
            notes.pop(question, None)
        return self._replace(notes=notes, updated=now())

    def with_evidence(self, question: str, text: str) -> Assessment:
        evidence = dict(self.evidence)
        if text.strip():
            evidence[question] = text
        else:
            evidence.pop(question, None)
        return self._replace(evidence=evidence, updated=now())

    def with_flag(self, question: str, flagged: bool) -> Assessment:
        rest = tuple(q for q in self.flagged if q != question)
        return self._replace(flagged=(*rest, question) if flagged else rest, updated=now())

    def with_skip(self, question: str) -> Assessment:
        answers = dict(self.answers)
        answers.pop(question, None)
        rest = tuple(q for q in self.skipped if q != question)
        return self._replace(answers=answers, skipped=(*rest, question), updated=now())

    def to_toml(self) -> dict[str, Any]:
        """The document written to disk; unknown keys read earlier are written back."""
        meta: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "name": self.name,
            "bank": self.bank,
            "bank_version": self.bank_version,
            "language": self.language,
            "created": self.created,
            "updated": self.updated,
            **self.extra_meta,
        }
        if not self.language:
            del meta["language"]
        state: dict[str, Any] = {
            **self.extra_state,
            "flagged": list(self.flagged),
            "skipped": list(self.skipped),
        }
        if self.current:
            state["current"] = self.current
        if self.fingerprints:
            state["fingerprints"] = dict(self.fingerprints)
        if self.done:
            state["done"] = list(self.done)
        doc: dict[str, Any] = {
            "meta": meta,
            "answers": dict(self.answers),
            "notes": dict(self.notes),
            "state": state,
        }
        if self.evidence:
            doc["evidence"] = dict(self.evidence)
        if self.history:
            doc["history"] = [dict(h) for h in self.history]
        doc.update(self.extra)
        return doc


def _too_long(length: int, limit: int) -> str:
    return _("is {length} characters; at most {limit} allowed").format(
        length=f"{length:,}", limit=f"{limit:,}"
    )


def _valid_id(text: str) -> bool:
    return 0 < len(text) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)


def id_from_name(text: str) -> str:
    """An id made from a file name: letters, digits, - and _ kept; else a fresh one."""
    slug = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in text)
    slug = "-".join(part for part in slug.split("-") if part)[:64]
    return slug if _valid_id(slug) else new_id()


def _flatten_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """``purpose.goals = "x"`` written without quotes is a table in TOML: read it as meant."""
    flat: dict[str, Any] = {}
    for key, value in answers.items():
        unquoted = "." not in key  # a quoted "purpose.goals" = {..} is a real mistake
        if (
            unquoted
            and isinstance(value, dict)
            and value
            and not any(isinstance(v, dict) for v in value.values())
        ):
            for sub, inner in value.items():
                flat[f"{key}.{sub}"] = inner
        else:
            flat[key] = value
    return flat


_STATE_KEYS = {"flagged", "skipped", "current", "fingerprints", "done"}


def _texts(
    data: Mapping[str, Any], table: str, example: str, bad: Callable[[str, str], None]
) -> dict[str, str]:
    """A table of texts by question id (``[notes]``, ``[evidence]``), each within the limits."""
    found = data.get(table, {})
    if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
        bad(table, _("must be a table of texts, e.g. {example}").format(example=example))
        return {}
    for key, text in found.items():
        if len(key) > MAX_KEY:
            bad(f'{table}."{key[:MAX_KEY]}..."', _("is not a question id (too long)"))
        elif len(text) > MAX_NOTE_IN_FILE:
            bad(f'{table}."{key}"', _too_long(len(text), MAX_NOTE_IN_FILE))
    return found


def parse_assessment(data: dict[str, Any], name: str, *, fallback_id: str = "") -> Assessment:  # noqa: C901 - every key checked in one pass, so all problems show at once
    """Read an assessment or answers file; raises :class:`ProblemsError` naming each bad key."""
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(name, message, key=key))

    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        bad("meta", _("must be a table ([meta])"))
        meta = {}
    answers = data.get("answers")
    if answers is None:
        bad("answers", _("missing: an answers file needs an [answers] table"))
        answers = {}
    elif not isinstance(answers, dict):
        bad("answers", _("must be a table ([answers])"))
        answers = {}
    answers = _flatten_answers(answers)
    for key, value in answers.items():
        shown = key if len(key) <= MAX_KEY else key[:MAX_KEY] + "..."
        if len(key) > MAX_KEY:
            bad(f'answers."{shown}"', _("is not a question id (too long)"))
        elif isinstance(value, dict) or (
            isinstance(value, list)
            and (len(value) > MAX_CHOSEN or not all(isinstance(v, str) and v for v in value))
        ):
            kind = _("a table") if isinstance(value, dict) else _("a list")
            bad(
                f'answers."{key}"',
                _("expected a word, number or text, or a list of option values; got {kind}").format(
                    kind=kind
                ),
            )
    version = meta.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        bad("meta.schema_version", _("must be a whole number, 1 or more"))
    elif version > SCHEMA_VERSION:
        bad(
            "meta.schema_version",
            _(
                "written by a newer smreadiness (schema {version}; this one reads up to "
                "{supported}); upgrade smreadiness to open it"
            ).format(version=version, supported=SCHEMA_VERSION),
        )

    def text(key: str, default: str, limit: int = MAX_NAME) -> str:
        value = meta.get(key, default)
        if not isinstance(value, str):
            kind = type(value).__name__
            bad(f"meta.{key}", _("must be text in quotes; got {kind}").format(kind=kind))
            return default
        if len(value) > limit:
            bad(f"meta.{key}", _too_long(len(value), limit))
            return default
        return value

    def moment(key: str) -> datetime | None:
        if key not in meta:
            return None
        value = read_moment(meta[key])
        if value is None:
            bad(
                f"meta.{key}",
                _(
                    "must be a date and time between the years {first} and {last}, "
                    "e.g. 2026-11-23T10:00:00Z"
                ).format(first=EARLIEST_YEAR, last=LATEST_YEAR),
            )
        return value

    notes = _texts(data, "notes", '"purpose.goals" = "ask Anna"', bad)
    evidence = _texts(
        data, "evidence", '"culture.already_social" = "our last three posts: ..."', bad
    )
    state = data.get("state", {})
    if not isinstance(state, dict):
        bad("state", _("must be a table ([state])"))
        state = {}
    flagged = state.get("flagged", [])
    skipped = state.get("skipped", [])
    current = state.get("current")
    done = state.get("done", [])
    for key, value in (("flagged", flagged), ("skipped", skipped), ("done", done)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad(f"state.{key}", _("must be a list of question ids"))
    if current is not None and not isinstance(current, str):
        bad("state.current", _("must be a question id"))
    fingerprints = state.get("fingerprints", {})
    if not isinstance(fingerprints, dict) or not all(
        isinstance(v, str) for v in fingerprints.values()
    ):
        bad("state.fingerprints", _("must be a table of question id = checksum"))
        fingerprints = {}
    history = data.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
        bad("history", _("must be a list of tables ([[history]])"))
        history = []
    if "id" in meta:
        assessment_id = text("id", "", 64)
        if not _valid_id(assessment_id):
            bad("meta.id", _("may hold only letters, digits, - and _"))
    else:
        assessment_id = id_from_name(fallback_id) if fallback_id else new_id()
    fields = {
        "name": text("name", ""),
        "bank": text("bank", "readiness", 1000),
        "bank_version": text("bank_version", "", 40),
        "language": text("language", "", 10),
    }
    created = moment("created")
    updated = moment("updated")
    if problems:
        raise ProblemsError(problems)
    created = created or now()
    return Assessment(
        id=assessment_id,
        **fields,
        created=created,
        updated=updated or created,
        answers=dict(answers),
        notes=dict(notes),
        evidence=dict(evidence),
        flagged=tuple(flagged),
        skipped=tuple(skipped),
        current=current,
        fingerprints=dict(fingerprints),
        done=tuple(done),
        history=tuple(history),
        extra={k: v for k, v in data.items() if k not in _TOP_KEYS},
        extra_meta={k: v for k, v in meta.items() if k not in _META_KEYS},
        extra_state={k: v for k, v in state.items() if k not in _STATE_KEYS},
    )
