"""Checklists and grids in the interview, driven with the keys a user presses."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from tui_helpers import args, make_app, screen_text

BANK = Path(__file__).resolve().parents[1] / "data" / "checklists.toml"


def _saved(name: str, answers: dict[str, Any], current: str | None = None) -> Any:
    """An assessment of the checklists bank, saved, resuming at ``current``."""
    from tui_helpers import save

    return save(name, answers, bank=str(BANK), bank_version="1", current=current)


def _answers(folder: Path) -> dict[str, Any]:
    [saved] = list(folder.glob("*.toml"))
    answers: dict[str, Any] = tomllib.loads(saved.read_text("utf-8"))["answers"]
    return answers


async def test_number_keys_tick_options_and_none_of_these_stands_alone(
    isolated_dirs: Path,
) -> None:
    app = make_app(args("new", name="Acme", bank=str(BANK)))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        assert "Tick all that apply" in screen_text(app)
        await pilot.press("1", "3")
        await pilot.pause()
        text = screen_text(app)
        assert "1 [x] A server" in text and "3 [x] Cloud services" in text
        assert "Done: save 2 ticked" in text
        # the live picture shows what saving the ticks would give, and says so
        assert "1 of 5 answered" in text and "not saved until Done" in text
        assert "Score so far 70/100" in text
        assert not list(isolated_dirs.glob("*.toml")) or "tech.devices" not in _answers(
            isolated_dirs
        )
        await pilot.press("4")  # none of these: the others are cleared
        await pilot.pause()
        text = screen_text(app)
        assert "4 [x] None of these" in text and "1 [ ] A server" in text
        await pilot.press("2")  # an option clears "none of these"
        await pilot.pause()
        assert "4 [ ] None of these" in screen_text(app)
        assert "Which habits do you keep?" not in screen_text(app)  # ticking does not move on
        await pilot.press("right")  # Next gives what is ticked
        await pilot.pause()
        assert "Which habits do you keep?" in screen_text(app)
    assert _answers(isolated_dirs) == {"tech.devices": ["laptops"]}


async def test_done_with_nothing_ticked_asks_for_none_of_these(isolated_dirs: Path) -> None:
    app = make_app(args("new", name="Acme", bank=str(BANK)))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await pilot.press("end", "enter")  # Done, nothing ticked
        await pilot.pause()
        text = screen_text(app)
        assert "choose at least one option; 'none' (None of these)" in " ".join(text.split())
        assert "Which of these do you use?" in text  # still here
        await pilot.press("up", "up", "enter")  # Enter ticks the highlighted option
        await pilot.pause()
        assert "4 [x] None of these" in screen_text(app)
        await pilot.press("space", "space")  # so does Space, twice: ticked, then not
        await pilot.pause()
        assert "4 [x] None of these" in screen_text(app)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert "Which habits do you keep?" in screen_text(app)
        await pilot.press("end", "enter")  # no exclusive option: nothing ticked is an answer
        await pilot.pause()
        assert "How far have you taken up these tools?" in screen_text(app)
    assert _answers(isolated_dirs) == {"tech.devices": ["none"], "tech.habits": []}


async def test_a_grid_shows_its_rows_together_and_number_keys_answer_row_by_row(
    isolated_dirs: Path,
) -> None:
    _saved("Grid Co", {"tech.devices": ["cloud"], "tech.habits": ["backups"]}, "tech.cloud")
    app = make_app(args("resume", target="Grid Co"))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "How far have you taken up these tools?" in text
        assert "1  In full use" in text and "4  Not relevant to us" in text
        assert "▸ Cloud services" in text
        assert "An ERP system" in text and "A customer register (CRM)" in text
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(app)
        assert "▸ An ERP system" in text  # the next row, on the same screen
        assert "Cloud services             Partly" in text
        await pilot.press("up")  # back to the first row
        await pilot.pause()
        assert "▸ Cloud services" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("4", "k")
        await pilot.pause()
    answers = _answers(isolated_dirs)
    assert answers["tech.cloud"] == "full"
    assert answers["tech.erp"] == "na"
    assert answers["tech.crm"] == "?"


async def test_enter_on_an_answered_row_keeps_it_and_moves_on(isolated_dirs: Path) -> None:

    answers = {"tech.devices": ["cloud"], "tech.habits": ["backups"], "tech.cloud": "some"}
    _saved("Grid Co", answers, "tech.cloud")
    app = make_app(args("resume", target="Grid Co"))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # answered: kept, and on to the next row
        await pilot.pause()
        assert "▸ An ERP system" in screen_text(app)
        await pilot.press("enter")  # not answered yet: the number keys answer it
        await pilot.pause()
        assert "▸ An ERP system" in screen_text(app)
    assert _answers(isolated_dirs)["tech.cloud"] == "some"


async def test_keys_typed_right_after_next_land_on_the_next_checklist(isolated_dirs: Path) -> None:
    app = make_app(args("new", name="Acme", bank=str(BANK)))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        from textual import events

        for key, char in [("2", "2"), ("right", None), ("1", "1"), ("3", "3"), ("right", None)]:
            app.post_message(events.Key(key, char))  # all queued at once: a quick typist
        await pilot.pause()
        await pilot.pause()
        assert "How far have you taken up these tools?" in screen_text(app)
    assert _answers(isolated_dirs) == {
        "tech.devices": ["laptops"],
        "tech.habits": ["backups", "passwords"],
    }


FULL = {
    "tech.devices": ["laptops"],
    "tech.habits": ["backups"],
    "tech.cloud": "some",
    "tech.erp": "no",
    "tech.crm": "full",
}


async def test_after_an_edit_from_the_review_the_interview_shows_what_the_keys_answer(
    isolated_dirs: Path,
) -> None:

    partial = {k: v for k, v in FULL.items() if k != "tech.crm"}  # resumes in the interview
    _saved("Grid Co", partial, "tech.crm")
    app = make_app(args("resume", target="Grid Co"))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # the review
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # edit the cloud row
        await pilot.pause()
        assert "▸ Cloud services" in screen_text(app)
        await pilot.press("3")  # saved, and back to the review
        await pilot.pause()
        assert "Enter edits an answer" in screen_text(app)
        await pilot.press("escape")  # back to the interview: it shows the next row
        await pilot.pause()
        assert "▸ An ERP system" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
    answers = _answers(isolated_dirs)
    assert answers["tech.cloud"] == "no" and answers["tech.erp"] == "some"
    assert "tech.crm" not in answers


async def test_leaving_a_checklist_keeps_its_ticks_and_nothing_foreign_is_saved(
    isolated_dirs: Path,
) -> None:
    _saved("Acme", {"tech.devices": ["laptops"]}, "tech.habits")
    app = make_app(args("resume", target="Acme"))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        assert "Which habits do you keep?" in screen_text(app)
        await pilot.press("1", "3", "escape")  # ticked, then back without Done
        await pilot.pause()
        assert "Which of these do you use?" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert "1 [x] Backups" in text and "3 [x] A password manager" in text
        await pilot.press("end", "up", "space")  # Space on "Don't know"
        await pilot.pause()
        assert "How far have you taken up these tools?" in screen_text(app)
    assert _answers(isolated_dirs) == {"tech.devices": ["laptops"], "tech.habits": "?"}


def test_a_session_refuses_an_answer_its_question_does_not_accept(isolated_dirs: Path) -> None:
    import pytest

    from smreadiness.opening import open_session
    from smreadiness.problems import ProblemsError
    from smreadiness.store import Store

    session = open_session(Store(), _saved("Acme", {}), "en")
    with pytest.raises(ProblemsError, match="'plan' is not an option"):
        session.answer("tech.habits", ("plan",))
    session.answer("tech.habits", ("updates", "backups"))  # put in the bank's order
    assert _answers(isolated_dirs) == {"tech.habits": ["backups", "updates"]}
