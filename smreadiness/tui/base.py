"""What every screen of the app shares: the typed app, and for the session screens, the
session they show (the app finds an open one by it, never by looking for an attribute)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from smreadiness.session import Session
    from smreadiness.tui.app import SmReadinessApp


T = TypeVar("T")


class AppScreen(Screen[None]):
    """A screen of smreadiness: ``nav`` is the app with its settings and store."""

    @property
    def nav(self) -> SmReadinessApp:
        return cast("SmReadinessApp", self.app)

    def saving(self, change: Callable[[], T]) -> T | None:
        """Run a change that writes to disk. A file or bank problem becomes a message and the
        screen keeps working; None then."""
        from smreadiness.i18n import _
        from smreadiness.problems import ProblemsError
        from smreadiness.store import StoreError

        try:
            return change()
        except (StoreError, ProblemsError) as error:
            self.notify(str(error), title=_("Not saved"), severity="error", markup=False)
            return None

    async def relabel(self) -> None:
        """The interface language changed: show everything again in the new one (a screen
        with state to keep overrides this)."""
        await self.recompose()


class SessionScreen(AppScreen):
    """A screen showing one assessment being answered (interview, review, result)."""

    session: Session
