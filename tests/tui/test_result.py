"""The result: what-if tried on a scratch basis, kept, undone; the report saved to a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import args, make_app, save, screen_text, stored, type_text


def _meanings() -> dict[str, str]:
    """What the bundled bank says under each verdict (its own words, ``[verdicts]``)."""
    from smreadiness.bank.loader import load_bank

    return {verdict: words.summary for verdict, words in load_bank().verdicts.items()}


MEANING = _meanings()


async def test_what_if_is_tried_without_saving_then_kept_then_undone(bank: Any) -> None:
    answers = dict(bank.example("webshop-no-plan").answers)
    save("Socks", answers)
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        what_if = screen.session.evaluate(full=True).what_if[0]
        assert MEANING["not_yet"] in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        text = screen_text(app)
        assert "TRYING WHAT-IF 1, NOT SAVED" in text
        assert MEANING[what_if.verdict] in text
        assert dict(stored("socks").answers) == answers  # nothing saved yet
        await pilot.press("escape")
        await pilot.pause()
        assert MEANING["not_yet"] in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        saved = dict(stored("socks").answers)
        assert saved == {**answers, **what_if.changes}
        assert MEANING[what_if.verdict] in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert dict(stored("socks").answers) == answers
        assert MEANING["not_yet"] in screen_text(app)


async def test_tabs_show_what_if_plan_and_scores(bank: Any) -> None:
    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "fix first:" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "smallest change that lifts the verdict" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert "[ ]  1." in text
        await pilot.press("space")
        await pilot.pause()
        assert "[x]  1." in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "Resources and ownership" in screen_text(app)


async def test_tabs_are_chosen_by_a_click_on_their_name(bank: Any) -> None:
    from smreadiness.tui.widgets.tab_bar import TabBar

    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(TabBar)
        start, _stop, tab = bar.spans()[2]
        assert tab == "plan"
        await pilot.click(TabBar, offset=(start + 1, 0))
        await pilot.pause()
        assert "[ ]  1." in screen_text(app)
        assert bar.active == "plan"
        await pilot.click(TabBar, offset=(bar.spans()[0][0], 1))  # the line under a name too
        await pilot.pause()
        assert "fix first:" in screen_text(app)


async def test_narrow_tabs_and_lists_that_scroll_once(bank: Any) -> None:
    """At 50 columns every tab name still shows (cut short) with the mark under the current
    one; the plan list scrolls by itself, so there is one scrollbar, not one per container."""
    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        [row] = [n for n, line in enumerate(lines) if line.startswith(" Reasons ")]
        assert lines[row].rstrip().endswith("Scores") and "…" in lines[row]
        assert "━" in lines[row + 1]
        checklist = app.screen.query_one("#checklist")
        assert checklist.max_scroll_y > 0  # the list scrolls...
        assert app.screen.query_one("#plan").max_scroll_y == 0  # ...and only the list
        await pilot.press("down", "down")
        await pilot.pause()
        assert checklist.scroll_y > 0


async def test_a_tab_chosen_the_moment_the_result_appears_has_its_list(bank: Any) -> None:
    """The tabs behind the first are built just after the first frame; a quick user who is
    already there gets the list, with the keyboard on it."""
    from smreadiness.tui.widgets.what_if_list import WhatIfList

    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right")  # no pause: as soon as the app takes keys
        await pilot.pause()
        assert "smallest change that lifts the verdict" in screen_text(app)
        assert isinstance(app.screen.focused, WhatIfList)
        await pilot.press("1")
        await pilot.pause()
        assert "TRYING WHAT-IF 1, NOT SAVED" in screen_text(app)


@pytest.mark.parametrize(
    ("suffix", "marker", "name"),
    [
        (".txt", "Social media readiness", "[red]x[/red]"),
        (".md", "# Social media readiness", "\\[red\\]x\\[/red\\]"),  # escaped, not markup
    ],
)
async def test_save_report_to_a_file(
    bank: Any, tmp_path: Path, suffix: str, marker: str, name: str
) -> None:
    save("[red]x[/red]", dict(bank.example("bakery-cafe").answers))
    app = make_app(args("resume", target="[red]x[/red]"))
    target = tmp_path / f"out{suffix}"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "Save the report" in screen_text(app)
        await pilot.press("ctrl+u")  # clear the suggested path
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
    text = target.read_text("utf-8")
    assert marker in text
    assert name in text
    assert "GO" in text


async def test_an_unwritable_report_path_is_reported_in_the_dialog(
    bank: Any, tmp_path: Path
) -> None:
    save("Bakery", dict(bank.example("bakery-cafe").answers))
    app = make_app(args("resume", target="Bakery"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, str(tmp_path / "missing" / "dir" / "r.txt"))
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot" in str(app.screen.query_one("#save-problem").content)


async def test_flags_are_still_mentioned_on_the_result(bank: Any) -> None:
    """Flags used to vanish after the review: the result says how many, and how to see them."""
    save("Flagged", dict(bank.example("bakery-cafe").answers), flagged=("resources.hours",))
    app = make_app(args("resume", target="Flagged"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "1 question flagged to revisit: r reviews it" in screen_text(app)


async def test_the_plan_tab_assigns_owner_due_date_and_status(bank: Any) -> None:
    """o, d and w on the Action plan tab; what is typed is checked, and kept in the file."""
    import tomllib

    from smreadiness.store import Store

    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        first = app.screen.query_one("#checklist").actions[0].id
        await pilot.press("o")
        await pilot.pause()
        assert "Who does it?" in screen_text(app)
        await type_text(pilot, "Anna")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await type_text(pilot, "2027-02-30")
        await pilot.press("enter")
        await pilot.pause()
        assert "is not a date" in screen_text(app)  # the dialog stays open and says why
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "2099-01-15")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        text = screen_text(app)
        assert "[~]  1." in text
        assert "started · owner: Anna · due 15 Jan 2099" in text
    on_disk = tomllib.loads(Store().path_for("socks").read_text("utf-8"))
    entry = on_disk["plan"]["actions"][first]
    assert (entry["owner"], entry["due"].isoformat(), entry["status"]) == (
        "Anna",
        "2099-01-15",
        "doing",
    )
