"""Grids: one prompt whose rows share a set of options, answered together on one screen.

A bank writes a ``kind = "grid"`` question with a ``scale`` (or its own ``options``) and
``[[questions.rows]]``, each row with its own question id and prompt::

    [[questions]]
    id = "adoption.tools"
    kind = "grid"
    scale = "adoption"
    prompt = "How far have you taken up these tools?"
    [[questions.rows]]
    id = "adoption.cloud"
    prompt = "Cloud services"

Before the bank is checked, each row becomes a question of its own (a scale or choice
question, with the grid's dimension, help, weight and options, and the row's id, prompt and
any of :data:`ROW_KEYS` it sets) that remembers its grid (``grid``, ``grid_prompt`` and
``grid_help``). So
rules, scores, not-applicable options and what-if see ordinary questions; the screens show a
grid's rows together. :class:`Origins` maps a problem found in a row back to the line of the
grid or row that caused it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from smreadiness.bank.checks import Finding, Path, _near

ROW_KEYS = ("id", "prompt", "short", "help", "weight", "effort", "optional", "fact", "revision")
"""What a row may set; the rest comes from its grid."""
_GRID_ONLY = ("rows",)
_SET_ON_ROWS = ("grid", "grid_prompt", "grid_help")


class Origin(NamedTuple):
    """Where an expanded question came from: its index in the file, and its row there."""

    position: int
    row: int | None = None
    row_keys: frozenset[str] = frozenset()


class Origins:
    """Expanded question positions back to the file's: ``questions[5].prompt`` of a row is
    ``questions[2].rows[1].prompt``; a key the row did not set is the grid's."""

    def __init__(self, origins: list[Origin] | None = None) -> None:
        self.origins = origins

    def path(self, path: Path) -> Path:
        if self.origins is None or len(path) < 2 or path[0] != "questions":
            return path
        index = path[1]
        if not isinstance(index, int) or not 0 <= index < len(self.origins):
            return path
        origin = self.origins[index]
        rest = path[2:]
        if origin.row is None:
            return ("questions", origin.position, *rest)
        if rest and rest[0] in origin.row_keys:
            return ("questions", origin.position, "rows", origin.row, *rest)
        if not rest:
            return ("questions", origin.position, "rows", origin.row)
        return ("questions", origin.position, *rest)


def expand_grids(data: dict[str, Any]) -> tuple[dict[str, Any], list[Finding], Origins]:
    """The bank's raw data with each grid's rows as questions; what is wrong with grids."""
    questions = data.get("questions")
    if not isinstance(questions, list) or not any(
        _is_grid(q) or _has_grid_keys(q) for q in questions
    ):
        return data, [], Origins()
    findings: list[Finding] = []
    out: list[Any] = []
    origins: list[Origin] = []
    for index, question in enumerate(questions):
        where: Path = ("questions", index)
        if not _is_grid(question):
            if isinstance(question, dict):
                for key in (*_GRID_ONLY, *_SET_ON_ROWS):
                    if key in question:
                        findings.append(((*where, key), _not_here(key)))
            out.append(question)
            origins.append(Origin(index))
            continue
        rows, problems = _rows(question, where)
        findings += problems
        for row_index, row in rows:
            out.append(row)
            origins.append(Origin(index, row_index, frozenset(question["rows"][row_index])))
    return {**data, "questions": out}, findings, Origins(origins)


def _is_grid(question: Any) -> bool:
    return isinstance(question, dict) and question.get("kind") == "grid"


def _has_grid_keys(question: Any) -> bool:
    return isinstance(question, dict) and any(
        k in question for k in ("rows", "grid", "grid_prompt")
    )


def _not_here(key: str) -> str:
    if key == "rows":
        return 'rows belong to a grid question: kind = "grid"'
    return f'{key} is set on the rows of a grid question (kind = "grid"), not by hand'


def _rows(
    question: dict[str, Any], where: Path
) -> tuple[list[tuple[int, dict[str, Any]]], list[Finding]]:
    findings: list[Finding] = []
    rows = question.get("rows")
    if not isinstance(rows, list) or not rows:
        message = "a grid needs rows: [[questions.rows]] with an id and a prompt each"
        return [], [((*where, "rows"), message)]
    if "scale" not in question and "options" not in question:
        message = 'a grid names its scale (scale = "<id>") or lists its options'
        findings.append(((*where, "scale"), message))
    for key in _SET_ON_ROWS:
        if key in question:
            findings.append(((*where, key), _not_here(key)))
    shared = {k: v for k, v in question.items() if k not in ("rows", "id")}
    shared["kind"] = "scale" if "scale" in question else "choice"
    shared["grid"] = question.get("id")
    shared["grid_prompt"] = question.get("prompt", "")
    shared["grid_help"] = question.get("help", "")
    out: list[tuple[int, dict[str, Any]]] = []
    for row_index, row in enumerate(rows):
        problems = list(_row_problems(row, (*where, "rows", row_index)))
        findings += problems
        if not problems:
            out.append((row_index, {**shared, **row}))
    return out, findings


def _row_problems(row: Any, at: Path) -> Iterator[Finding]:
    if not isinstance(row, dict):
        yield at, "a row is a table with an id and a prompt"
        return
    for key in row:
        if key not in ROW_KEYS:
            near = _near(key, ROW_KEYS)
            tip = f"; did you mean {near!r}?" if near else ""
            allowed = ", ".join(ROW_KEYS)
            yield (*at, key), f"a row cannot set {key!r}{tip} (it may set {allowed})"
    for key in ("id", "prompt"):
        if key not in row:
            yield (*at, key), f"a row needs its own {key}"
