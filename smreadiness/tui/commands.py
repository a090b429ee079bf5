"""The command palette's "go to question": every visible question, searchable by its words."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from smreadiness.i18n import _
from smreadiness.session import Session
from smreadiness.textsafe import clean


class QuestionCommands(Provider):
    """One command per question of the assessment on screen: jump straight to it."""

    def _questions(self) -> list[tuple[str, str, Callable[[], None]]]:
        session: Session | None = getattr(self.screen, "session", None)
        if session is None:
            return []
        from smreadiness.tui.app import SmReadinessApp

        app = self.app
        if not isinstance(app, SmReadinessApp):
            return []
        items: list[tuple[str, str, Callable[[], None]]] = []
        for number, question in enumerate(session.visible(), start=1):
            dimension = session.bank.dimension(question.dimension)
            area = dimension.title if dimension else question.dimension
            prompt = clean(question.prompt, single_line=True)
            text = _("Go to question {number}: {prompt}").format(number=number, prompt=prompt)
            items.append((text, area, partial(app.open_interview, session, question.id)))
        return items

    async def discover(self) -> Hits:
        for text, area, command in self._questions():
            yield DiscoveryHit(Content(text), command, text=text, help=area)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, area, command in self._questions():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=area)
