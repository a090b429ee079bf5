"""What every question widget shares: the question it shows and the message it sends."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Question


class QuestionWidget(Widget):
    """Base of the answer widgets (choice, number, text); one is shown at a time."""

    class Answered(Message):
        """The user gave an answer (None: left empty where that is allowed)."""

        def __init__(self, question_id: str, value: Scalar | None) -> None:
            super().__init__()
            self.question_id = question_id
            self.value = value

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.question: Question | None = None
        self.value: Scalar | None = None
        """The saved answer shown when the question was loaded."""

    def load(self, question: Question, value: Scalar | None) -> None:
        """Show ``question`` with its saved answer (or none)."""
        self.question = question
        self.value = value

    def pending(self) -> bool:
        """Something typed but not yet given as the answer (moving on must not drop it)."""
        return False

    def submit_pending(self) -> None:
        """Give what was typed as the answer, checked as Enter checks it."""

    def focus_answer(self) -> None:
        """Put the keyboard where the answer is given, at once (keys typed ahead go there)."""
        self.screen.set_focus(self)

    def answered(self, value: Scalar | None) -> None:
        if self.question is not None:
            self.post_message(self.Answered(self.question.id, value))
