"""One question as a line of the outline or the review, wrapping under its own text."""

from __future__ import annotations

from textual.content import Content

from smreadiness.session import Session
from smreadiness.tui.text import hanging, literal

MARKS = {"answered": ("✔", "$success"), "skipped": ("?", "$warning"), "open": ("○", "dim")}


def question_line(
    session: Session, question_id: str, number: int, current: bool, width: int, *extra: Content
) -> Content:
    """``▸ 12 ✔⚑✎ Prompt``: where we are, status, flag, note; ``extra`` lines go under it."""
    question = session.bank.question(question_id)
    prompt = question.prompt if question is not None else question_id
    mark, style = MARKS[session.status(question_id)]
    prefix = Content.assemble(
        ("▸" if current else " ", "bold $accent"),
        (f"{number:>4} ", "dim"),
        (mark, style),
        ("⚑" if session.is_flagged(question_id) else " ", "bold $warning"),
        ("✎" if session.note(question_id) else " ", "$accent"),
        " ",
    )
    body = Content("\n").join([literal(prompt), *extra])
    return hanging(prefix, body, width)


def list_width(widget_width: int, fallback: int) -> int:
    """The width to wrap option text to: the list's own once laid out, else a guess."""
    return (widget_width if widget_width > 0 else fallback) - 1
