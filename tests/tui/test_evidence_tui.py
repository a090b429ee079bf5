"""The interview asks for evidence behind a strong answer, in a dialog, and moves on."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tui_helpers import args, make_app, screen_text, type_text

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "daily-releases.toml"
ASK = "Give the dates of the last five releases."
GIVEN = "3, 4, 5, 8 and 9 December"


async def test_the_interview_asks_for_evidence_in_a_dialog(isolated_dirs: Path) -> None:
    app = make_app(args("new", name="Team Aurora", bank=str(EXAMPLE)))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # every day: a strong claim
        await pilot.pause()
        assert ASK in screen_text(app)
        await type_text(pilot, GIVEN)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "How many days does a finished change wait" in text  # moved on
    [saved] = list(isolated_dirs.glob("*.toml"))
    assert tomllib.loads(saved.read_text("utf-8"))["evidence"] == {"delivery.frequency": GIVEN}
