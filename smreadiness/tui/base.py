"""What every screen of the app shares: the typed app, and for the session screens, the
session they show (the app finds an open one by it, never by looking for an attribute)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from smreadiness.session import Session
    from smreadiness.tui.app import SmReadinessApp


class AppScreen(Screen[None]):
    """A screen of smreadiness: ``nav`` is the app with its settings and store."""

    @property
    def nav(self) -> SmReadinessApp:
        return cast("SmReadinessApp", self.app)

    async def relabel(self) -> None:
        """The interface language changed: show everything again in the new one (a screen
        with state to keep overrides this)."""
        await self.recompose()


class SessionScreen(AppScreen):
    """A screen showing one assessment being answered (interview, review, result)."""

    session: Session
