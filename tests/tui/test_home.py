"""Home: first run, the saved list (filter, sort, unreadable files), new, example, delete."""

from __future__ import annotations

from datetime import date
from typing import Any

from tui_helpers import args, make_app, save, screen_text, type_text


async def test_first_run_is_a_welcome_not_an_empty_table() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Welcome to smreadiness" in text
        assert "New assessment" in text
        assert not app.screen.query("#saved")


async def test_company_names_are_shown_literally_everywhere(bank: Any) -> None:
    from smreadiness.tui.screens.interview import InterviewScreen

    save("[red]x[/red]", {"purpose.goals": "vague"}, current="purpose.growth")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "[red]x[/red]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "[red]x[/red]" in screen_text(app)  # in the header


async def test_new_assessment_asks_for_a_name_then_interviews() -> None:
    from smreadiness.store import Store
    from smreadiness.tui.screens.interview import InterviewScreen

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "What is the company called?" in screen_text(app)
        await pilot.press("enter")  # no name yet: asked again
        await pilot.pause()
        assert "Type a name first" in screen_text(app)
        await type_text(pilot, "Bakery [b]Aurora[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        [entry] = Store().entries()
        assert entry.assessment is not None
        assert entry.assessment.name == "Bakery [b]Aurora[/b]"
        await pilot.press("escape")  # back from the first question with nothing answered
        await pilot.pause()
        await pilot.pause(0.2)  # the toast is drawn a frame later
        assert "was not kept" in screen_text(app)  # an empty assessment is not left behind
        assert Store().entries() == []


async def test_table_progress_verdict_filter_and_sort(bank: Any) -> None:
    save("Bakery Aurora", dict(bank.example("bakery-cafe").answers))
    save("Koskinen Machining", dict(bank.example("machine-shop").answers))
    save("Just started", {"purpose.goals": "vague"})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "33/33" in text and "✔ GO" in text and "✘ NO-GO" in text
        assert "open: NO-GO to GO" in text
        assert "1/32" in text  # the staff question waits for the company size
        await type_text(pilot, "kosk")
        text = screen_text(app)
        assert "Koskinen Machining" in text
        assert "Bakery Aurora" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Bakery Aurora" in screen_text(app)
        home = app.screen
        await pilot.press("ctrl+s")  # by name
        await pilot.pause()
        assert [row.name for row in home.shown_rows()] == [
            "Bakery Aurora",
            "Just started",
            "Koskinen Machining",
        ]
        await pilot.press("ctrl+s")  # by progress, most done first
        await pilot.pause()
        assert home.shown_rows()[-1].name == "Just started"
        await pilot.press("ctrl+s")  # by verdict: best first, open and unreadable ones last
        await pilot.pause()
        assert [row.name for row in home.shown_rows()] == [
            "Bakery Aurora",
            "Koskinen Machining",
            "Just started",
        ]


async def test_unreadable_files_are_listed_with_their_reason(tui_environment: Any) -> None:
    save("Fine", {})
    (tui_environment / "broken.toml").write_text("this is [not toml", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "⚠ broken.toml" in text
        assert "unreadable" in text
        home = app.screen
        index = [row.file for row in home.shown_rows()].index("broken.toml")
        home.query_one("#table").move_cursor(row=index)
        await pilot.pause()
        assert "broken.toml cannot be opened: line 1: TOML syntax error" in screen_text(app)
        await pilot.press("enter")  # cannot be opened: told, not crashed
        await pilot.pause()
        assert (tui_environment / "broken.toml").exists()


async def test_the_list_follows_changes_made_elsewhere(bank: Any, tui_environment: Any) -> None:
    """The list comes from a cache of scored files, but never shows a row older than its
    file; a file that breaks while the list is on screen is told about, not opened."""
    from smreadiness.store import Store

    save("Bakery Aurora", dict(bank.example("bakery-cafe").answers))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "✔ GO" in screen_text(app)  # scored, and the row cached
    Store().update("bakery-aurora", lambda a: a.with_answer("market.industry", "contested"))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "✘ NO-GO" in text and "✔ GO" not in text
        (tui_environment / "bakery-aurora.toml").write_text("answers = [", encoding="utf-8")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Cannot open" in text and "TOML syntax error" in text
        assert "⚠ bakery-aurora.toml" in text  # the list now shows it as it is
        assert app.screen is app.screen_stack[0]  # still home


async def test_a_long_list_draws_only_what_is_on_screen(bank: Any) -> None:
    """The list is a window on the index: every row can be reached, a filter or sort is a new
    query that never mixes in rows from the list before it, and the cursor stays on its row."""
    from smreadiness.tui.widgets.saved_table import PAGE, SavedTable

    count = PAGE + 30
    for number in range(count):
        save(f"Company {number:03d}", {}, assessment_id=f"c{number:03d}")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(SavedTable)
        assert table.row_count == count
        assert len(table._pages) == 1  # only the first page was read to draw the screen
        await pilot.press(*["pagedown"] * 6)
        await pilot.pause()
        assert table.cursor_row == count - 1  # the last row reached, and shown
        last = table.selected()
        assert last is not None and last.name in screen_text(app)
        await type_text(pilot, "Company 12")  # 012, 112 and 120-129 (the last from page two)
        await pilot.pause()
        assert table.row_count == 12
        await pilot.press("ctrl+s")  # by name
        await pilot.pause()
        names = [row.name for row in app.screen.shown_rows()]
        assert names[0] == "Company 012" and names[-1] == "Company 129"
        assert table.row_count == 12
        assert _name(table.selected()) == "Company 129"  # the cursor kept its row
        await pilot.press("up", "up")
        await pilot.pause()
        assert _name(table.selected()) == "Company 127"
        await pilot.press("escape")  # filter cleared: everything again, once
        await pilot.pause()
        assert table.row_count == count
        assert _name(table.selected()) == "Company 127"
        assert "Company 127" in screen_text(app)  # scrolled to where the cursor is


def _name(row: Any) -> str | None:
    return None if row is None else str(row.name)


async def test_delete_asks_first(bank: Any) -> None:
    from smreadiness.store import Store

    save("Keep me", {})
    save("Delete me", {})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "delete")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "Delete assessment" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert len(Store().entries()) == 2
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [e.assessment.name for e in Store().entries() if e.assessment] == ["Keep me"]


async def test_example_opens_as_a_scratch_copy_at_its_result(bank: Any) -> None:
    from smreadiness.store import Store
    from smreadiness.tui.screens.result import ResultScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert "Virtanen Roofing" in screen_text(app)
        ids = [e.id for e in bank.examples]
        await pilot.press(*["down"] * ids.index("webshop-no-plan"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        [entry] = Store().entries()
        assert entry.assessment is not None
        assert entry.assessment.name == "Northern Wool Socks (example)"
        assert dict(entry.assessment.answers) == dict(bank.example("webshop-no-plan").answers)


async def test_deleting_the_last_one_shows_the_welcome_again() -> None:
    save("Only one", {})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Welcome to smreadiness" in screen_text(app)
        await pilot.press("ctrl+e")  # and the welcome's keys work
        await pilot.pause()
        assert "Open an example company" in screen_text(app)


async def test_a_file_dated_past_the_end_of_time_does_not_take_home_down(
    tui_environment: Any,
) -> None:
    """One imported file dated 9999-12-31T23:59:59-23:59 crashed the home screen for everyone
    (a served room included); now it is one unreadable row and the rest still opens."""
    save("Fine", {})
    planted = tui_environment / "future.toml"
    planted.write_text(
        '[meta]\nname = "Future"\nupdated = 9999-12-31T23:59:59-23:59\n\n[answers]\n',
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "⚠ future.toml" in text
        assert "Fine" in text
        home = app.screen
        index = [row.file for row in home.shown_rows()].index("future.toml")
        home.query_one("#table").move_cursor(row=index)
        await pilot.pause()
        assert "meta.updated" in screen_text(app)
    assert planted.exists()


async def test_bidi_and_invisible_characters_in_a_name_are_shown_escaped() -> None:
    save("Evil\u202eyrekab\u200b", {})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "\u202e" not in text and "\u200b" not in text
        assert "\\u202e" in text


async def test_the_delete_dialog_speaks_swedish_keys_too() -> None:
    from smreadiness.store import Store

    save("Behåll mig", {})
    save("Radera mig", {})
    app = make_app(args(lang="sv", lang_given=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_text(pilot, "radera")
        await pilot.press("ctrl+d")
        await pilot.pause()
        text = screen_text(app)
        assert "(j)" in text and "Behåll (n)" in text and "(y)" not in text
        await pilot.press("y")  # not a Swedish answer: nothing happens
        await pilot.pause()
        assert len(Store().entries()) == 2
        await pilot.press("j")
        await pilot.pause()
        assert [e.assessment.name for e in Store().entries() if e.assessment] == ["Behåll mig"]
        assert "Avsluta" in screen_text(app)  # Quit stays on the footer at 120 columns


async def test_resume_of_a_name_several_share_opens_the_list_to_pick_from(
    tui_environment: Any,
) -> None:
    from smreadiness.tui.screens.home import HomeScreen

    save("Café Mokka", {})
    save("Café Mokka Kallio", {})
    save("Bakery", {})
    app = make_app(args("resume", target="mokka"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen)
        assert {row.name for row in app.screen.shown_rows()} == {"Café Mokka", "Café Mokka Kallio"}
        assert "Several assessments match 'mokka'" in screen_text(app)


async def test_the_home_list_says_which_assessments_are_due_to_be_looked_at_again(
    bank: Any,
) -> None:
    save(
        "Due Bakery",
        dict(bank.example("bakery-cafe").answers),
        extra={"plan": {"reassess": date(2020, 1, 1)}},
    )
    save(
        "Fresh Bakery",
        dict(bank.example("bakery-cafe").answers),
        extra={"plan": {"reassess": date(2099, 1, 1)}},
    )
    app = make_app(args())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        due = next(line for line in lines if "Due Bakery" in line)
        fresh = next(line for line in lines if "Fresh Bakery" in line)
        assert "look again" in due and "look again" not in fresh
