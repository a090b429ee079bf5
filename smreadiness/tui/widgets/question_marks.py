"""Under the answer: don't know yet, flagged to revisit, and the user's note."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from smreadiness.i18n import _
from smreadiness.session import Session
from smreadiness.tui.text import literal


class QuestionMarks(Static):
    """Hidden when the question carries no mark."""

    def show(self, session: Session, question_id: str) -> None:
        parts: list[Content] = []
        if session.status(question_id) == "skipped":
            parts.append(Content.styled("? " + _("don't know yet (unanswered)"), "$warning"))
        if session.is_flagged(question_id):
            parts.append(Content.styled("⚑ " + _("flagged to revisit"), "bold $warning"))
        note = session.note(question_id)
        if note:
            mark = "✎ " + _("note:") + " "
            parts.append(Content.assemble((mark, "$accent"), literal(note, "italic")))
        self.display = bool(parts)
        self.update(Content("\n").join(parts))
