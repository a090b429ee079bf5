"""Every answer at once, by dimension, in as many columns as the width allows (presenter view).

Each dimension is a block of rows: its short name, its score and how far that moved, then its
answers as short "chips" (``◐ owner: Someone``). The chosen answer is shown reversed; answers
that differ from the original carry ``✱``; a chip's mark (●, ◐, ○) says how good the answer is,
so colour is never the only signal.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Dimension, Question
from smreadiness.i18n import _, format_number
from smreadiness.presenting import Workshop
from smreadiness.textsafe import clean
from smreadiness.tui.text import score_colour

MIN_CHIP = 28
ROOMY_CHIP = 32
MAX_COLUMNS = 4
NAME_LIMIT = 12
HEADING_EXTRA = 10
"""Cells after a dimension's name: space, score (3), space, change (4), space."""


def short_name(name: str) -> str:
    """A dimension's short name, cut to fit beside its score."""
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"


def short_answer(question: Question, value: Scalar | None, room: int = 20) -> str:
    """An answer in a few words: an option's words up to its first colon or comma, a number with
    its unit, the start of a text."""
    if value is None:
        return "—"
    if question.kind == "number" and isinstance(value, int | float):
        return f"{format_number(value)} {question.unit_for(value)}".strip()
    if isinstance(value, tuple):  # a checklist: its options when they fit, else how many
        from smreadiness.bank.kinds.multi import MULTI, chosen, countable

        label = clean(MULTI.label(question, value), single_line=True)
        total = len(countable(question))
        many = _("{chosen} of {total}").format(chosen=len(chosen(question, value)), total=total)
        return label if len(label) <= room else many
    if question.kind == "text":
        text = clean(str(value), single_line=True)
        return f"“{text}”" if len(text) <= room - 2 else f"“{text[: max(1, room - 3)]}…”"
    option = question.option(str(value))
    label = clean(option.label if option else str(value), single_line=True)
    head = re.split(r"[:,]", label, maxsplit=1)[0].strip()
    return head if head and len(head) <= room else label


def fit(text: str, room: int) -> str:
    """``text`` cut to ``room`` cells at a word where it can be, with an ellipsis."""
    if len(text) <= room:
        return text
    cut = text[: max(1, room - 1)]
    if " " in cut[room // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"


def mark(question: Question, value: Scalar | None) -> tuple[str, str]:
    """How good an answer is, as a symbol and a colour: ● good, ◐ middling, ○ weak."""
    if value is None:
        return "·", "dim"
    points = question.score_of(value) if question.scored else None
    if points is None:
        return "•", ""
    symbol = "●" if points >= 70 else "◐" if points >= 40 else "○"
    return symbol, f"bold {score_colour(points)}"


class Row(NamedTuple):
    """One line of the board: a dimension's heading (first row only) and its chips."""

    dimension: str
    first: bool
    questions: tuple[str, ...]


class AnswerBoard(Widget):
    """The answers of a :class:`Workshop`; the screen moves the selection and changes answers."""

    DEFAULT_CSS = """
    AnswerBoard { height: auto; }
    """

    class Picked(Message):
        """An answer was clicked."""

        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    def __init__(self, workshop: Workshop, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workshop = workshop
        self.selected: str | None = None
        self.spaced = False
        """A blank line between dimensions, when there is height to spare."""
        self._spots: list[tuple[int, int, int, str]] = []

    def show(self, selected: str | None, *, spaced: bool | None = None) -> None:
        self.selected = selected
        if spaced is not None:
            self.spaced = spaced
        self.refresh(layout=True)

    # ------------------------------------------------------------------ layout

    def _full_titles(self, width: int) -> bool:
        """Whole dimension titles when they leave as many columns as short names, each still
        roomy (answers matter more than titles)."""
        titles = [d.title for d in self.workshop.bank.dimensions]
        shorts = [short_name(d.name) for d in self.workshop.bank.dimensions]
        long_room = width - max((len(t) for t in titles), default=6) - HEADING_EXTRA
        short_room = width - max((len(t) for t in shorts), default=6) - HEADING_EXTRA
        columns = min(MAX_COLUMNS, max(1, short_room // MIN_CHIP))
        return long_room // columns >= ROOMY_CHIP

    def heading_name(self, dimension: Dimension, width: int) -> str:
        return dimension.title if self._full_titles(width) else short_name(dimension.name)

    def _heading_width(self, width: int) -> int:
        names = [self.heading_name(d, width) for d in self.workshop.bank.dimensions]
        return max((len(n) for n in names), default=6) + HEADING_EXTRA

    def _columns(self, width: int) -> int:
        room = width - self._heading_width(width)
        return max(1, min(MAX_COLUMNS, room // MIN_CHIP))

    def rows(self, width: int) -> list[Row]:
        columns = self._columns(width)
        visible = self.workshop.visible()
        rows: list[Row] = []
        for dimension in self.workshop.bank.dimensions:
            ids = [q.id for q in visible if q.dimension == dimension.id]
            if ids and rows and self.spaced:
                rows.append(Row("", False, ()))
            for start in range(0, len(ids), columns):
                chunk = tuple(ids[start : start + columns])
                rows.append(Row(dimension.id, start == 0, chunk))
        return rows

    def order(self) -> list[str]:
        """Question ids in reading order: across, then down."""
        width = self.content_size.width or 80
        return [q for row in self.rows(width) for q in row.questions]

    def line_of(self, question_id: str) -> int:
        width = self.content_size.width or 80
        for number, row in enumerate(self.rows(width)):
            if question_id in row.questions:
                return number
        return 0

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.rows(width)))

    # ------------------------------------------------------------------ drawing

    def _heading(self, dimension_id: str, width: int, full: int) -> Content:
        workshop = self.workshop
        dimension = workshop.bank.dimension(dimension_id)
        name = self.heading_name(dimension, full) if dimension else dimension_id
        now = workshop.evaluate().dimensions.get(dimension_id)
        then = workshop.original_evaluation().dimensions.get(dimension_id)
        score = (
            Content.styled("  -", "dim")
            if now is None
            else Content.styled(f"{now:3d}", f"bold {score_colour(now)}")
        )
        delta = Content("")
        if now is not None and then is not None and now != then:
            up = now > then
            delta = Content.styled(
                f"{'▲' if up else '▼'}{abs(now - then)}", "bold $success" if up else "bold $error"
            )
        return Content.assemble(
            (name.ljust(width - HEADING_EXTRA) + " ", "bold $text-accent"),
            score,
            " ",
            delta.truncate(4, pad=True),
        )

    def _chip(self, question_id: str, room: int) -> Content:
        workshop = self.workshop
        question = workshop.bank.question(question_id)
        if question is None:
            return Content("")
        value = workshop.answers.get(question_id)
        symbol, colour = mark(question, value)
        changed = question_id in workshop.changed()
        name = question.name
        answer_room = max(4, room - len(name) - 4)
        answer = fit(short_answer(question, value, answer_room), answer_room)
        rest = Content.assemble(
            ("✱" if changed else " ", "bold $accent"),
            (name + ": ", "bold" if changed else ""),
            (answer, "bold underline $text-accent" if changed else "bold"),
        ).truncate(room - 1, ellipsis=True, pad=True)
        if question_id == self.selected:  # one plain, strong highlight: readable from afar
            rest = Content.styled(rest.plain, "bold reverse")
        return Content.assemble((symbol, colour), rest)

    def render(self) -> Content:
        width = self.content_size.width or 80
        heading = self._heading_width(width)
        columns = self._columns(width)
        room = (width - heading) // columns
        lines: list[Content] = []
        self._spots = []
        for number, row in enumerate(self.rows(width)):
            head = (
                self._heading(row.dimension, heading, width)
                if row.first
                else Content(" " * heading)
            )
            parts = [head.truncate(heading, pad=True)]
            for index, question_id in enumerate(row.questions):
                start = heading + index * room
                self._spots.append((number, start, start + room, question_id))
                parts += [self._chip(question_id, room - 1), Content(" ")]
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for line, start, end, question_id in self._spots:
            if offset.y == line and start <= offset.x < end:
                self.post_message(self.Picked(question_id))
                return
