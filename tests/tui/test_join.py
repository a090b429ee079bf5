"""A served workshop's browser app: the join screen, one respondent per browser, no way to the
host's other screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import args, make_app, screen_text, type_text

from smreadiness.paths import RESPONDENT_ENV
from smreadiness.workshops.folder import create


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """One browser's app as `workshop serve` starts it: its own data folder in the workshop's."""
    workshop = create("Spring course", team=True, bank="readiness", language="en")
    own = workshop.folder / "browsers" / "abc" / "data"
    own.mkdir(parents=True)
    monkeypatch.setenv(RESPONDENT_ENV, str(workshop.folder))
    monkeypatch.setenv("SMREADINESS_DATA_DIR", str(own))
    return own


async def test_a_respondent_joins_with_a_name_and_role_and_answers(browser: Path) -> None:
    app = make_app(args())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Spring course" in screen_text(app) and "Your role" in screen_text(app)
        await type_text(pilot, "Anna")
        await pilot.press("enter")
        await type_text(pilot, "owner")
        await pilot.press("enter")
        await pilot.pause()
        assert "question 2 of" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Home" not in titles and "Presenter view" not in titles
        app.action_present()  # p: a saved copy would be a second respondent
        app.ask_for_new_name()
        await pilot.pause()
    (saved,) = browser.glob("*.toml")
    text = saved.read_text("utf-8")
    assert 'name = "Anna"' in text and 'role = "owner"' in text
    assert '"purpose.goals" = "measurable"' in text


async def test_the_same_browser_comes_back_to_its_answers(browser: Path, bank: Any) -> None:
    app = make_app(args())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Ben")
        await pilot.press("enter")
        await type_text(pilot, "staff")
        await pilot.press("enter")
        await pilot.pause()
    again = make_app(args())
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "question 2 of" in screen_text(again)  # no second join screen
    assert len(list(browser.glob("*.toml"))) == 1
