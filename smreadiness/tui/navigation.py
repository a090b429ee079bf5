"""Where a screen wants to go, said as a message: the app decides how to get there.

Screens post these (``self.post_message(OpenResult(session))``); they bubble up to the app,
which keeps one screen per session and kind on its stack and knows the way back. A screen
never calls the app's navigation methods, so a new screen needs no knowledge of the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.screen import Screen

    from smreadiness.session import Session


class Navigate(Message):
    """Any request to move to another screen."""


class OpenSession(Navigate):
    """Continue an assessment where it was left, or its result when every answer is in."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class OpenInterview(Navigate):
    """The interview of a session, at ``question`` (the review's "change this answer")."""

    def __init__(
        self, session: Session, question: str | None = None, *, review_after: bool = False
    ) -> None:
        super().__init__()
        self.session, self.question, self.review_after = session, question, review_after


class OpenReview(Navigate):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class OpenResult(Navigate):
    """The result; ``finished`` when the user finished the interview (a snapshot is kept)."""

    def __init__(self, session: Session, *, finished: bool = False) -> None:
        super().__init__()
        self.session, self.finished = session, finished


class GoBack(Navigate):
    """Back to the screen below, or to ``fallback`` (default: home) when there is none."""

    def __init__(self, fallback: Callable[[], Screen[None]] | None = None) -> None:
        super().__init__()
        self.fallback = fallback


class AskNewName(Navigate):
    """The name prompt for a new assessment."""

    def __init__(self, bank: str | None = None) -> None:
        super().__init__()
        self.bank = bank


class SaveReport(Navigate):
    """The save dialog for a session's report."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
