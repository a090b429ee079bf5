"""The app as a whole: starting from the command line, themes, palette, help, sizes, imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import args, make_app, save, screen_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("namespace", "message"),
    [
        (args("resume", target="nobody"), "no saved assessment named 'nobody'"),
        (args("resume", target=""), "no saved assessments yet"),
        (args("new", name="x" * 300), "--name is 300 characters"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_1(
    namespace: Any, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from smreadiness.cli.tui import run_tui as run_app

    assert run_app(namespace) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_unreadable_saved_file_named_on_resume(
    tui_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smreadiness.cli.tui import run_tui as run_app

    tui_environment.mkdir(parents=True, exist_ok=True)
    (tui_environment / "broken.toml").write_text("[meta\n", encoding="utf-8")
    assert run_app(args("resume", target="broken")) == 3  # bad input file, as in `report`
    err = capsys.readouterr().err
    assert "broken.toml" in err and "TOML syntax error" in err
    assert err.count("\n") == 1


def test_startup_imports_only_the_first_screen(tui_environment: Path) -> None:
    script = textwrap.dedent(
        """
        import asyncio, sys
        from smreadiness.tui.app import SmReadinessApp
        before = sorted(m for m in sys.modules if m.startswith("smreadiness.tui.screens."))
        async def main():
            app = SmReadinessApp(cursor_blink=False)
            async with app.run_test() as pilot:
                await pilot.pause()
        asyncio.run(main())
        after = sorted(m for m in sys.modules if m.startswith("smreadiness.tui.screens."))
        print(before, after)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[] ['smreadiness.tui.screens.home']"


async def test_theme_is_remembered_between_runs(tui_environment: Path) -> None:
    from smreadiness.paths import config_dir

    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert 'theme = "nord"' in (config_dir() / "config.toml").read_text("utf-8")
    again = make_app()
    assert again.theme == "nord"


async def test_a_damaged_settings_file_is_left_alone(tui_environment: Path) -> None:
    from smreadiness.paths import config_dir

    config_dir().mkdir(parents=True)
    settings = config_dir() / "config.toml"
    settings.write_text("language = [oops", encoding="utf-8")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert settings.read_text("utf-8") == "language = [oops"


async def test_no_color_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Welcome to smreadiness" in screen_text(app)


async def test_help_opens_and_closes() -> None:
    from smreadiness.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "How it works" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_goes_to_a_question() -> None:
    save("Palette", {}, current="purpose.goals")
    app = make_app(args("resume", target="Palette"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for char in "elevator story":
            await pilot.press(char if char != " " else "space")
        for _ in range(50):  # the palette searches in the background
            await pilot.pause(0.1)
            if "Go to question" in screen_text(app):
                break
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.question_id == "message.pitch"


async def test_palette_offers_export_and_report_commands() -> None:
    save("Palette", {}, current="purpose.goals")
    app = make_app(args("resume", target="Palette"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in ("Theme", "Help", "Go to question", "Save report", "Export assessment"):
            assert wanted in titles


async def test_resize_between_small_and_large(bank: Any) -> None:
    answers = dict(bank.example("webshop-no-plan").answers)
    del answers["purpose.goals"]
    save("Sizes", answers, current="purpose.goals")
    app = make_app(args("resume", target="Sizes"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Resources and ownership" in screen_text(app)  # full names when wide
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = screen_text(app)
        assert "Resources " in text and "Resources and ownership" not in text
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "Resources and ownership" in screen_text(app)


async def test_new_without_a_name_asks_for_one() -> None:
    from smreadiness.tui.screens.interview import InterviewScreen

    app = make_app(args("new"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "What is the company called?" in screen_text(app)
        for char in "Acme":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_back_and_home_from_the_first_screen(bank: Any) -> None:
    """The screen a command opens on is the first: going back or home from it must work."""
    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # from the result: to the review
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        app.switch_to_home()
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Socks" in screen_text(app)
        app.switch_to_home()  # already there: stays
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_keys_typed_while_the_app_starts_are_kept_in_order() -> None:
    """Keys that reach the app before the first screen has the keyboard are held, then given
    to it in order once it is drawn (they used to be dropped: type ahead at start-up lost)."""
    from textual import events
    from textual.widgets import Input

    app = make_app(args("new", name="Early"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app._early_keys is None  # released after the first frame
        app._early_keys = []  # as while starting
        for character in "Hi!":
            await app.on_event(events.Key(character, character))
        field = app.screen.query_one("#text-input", Input)
        assert field.value == ""  # held, not lost and not yet typed
        await app.first_screen_shown()
        await pilot.press("?")  # typed after the screen appeared: comes after them
        await pilot.pause()
        assert field.value == "Hi!?"


async def test_quitting_an_open_assessment_says_it_is_saved_and_how_to_go_on() -> None:
    save("Café Mokka", {"purpose.goals": "vague"}, current="purpose.growth")
    save("Café Mokka Kallio", {})
    app = make_app(args("resume", target="cafe mokka"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.goodbye == (
        "Every answer is saved. Continue where you left off with: smreadiness resume 'Café Mokka'"
    )


async def test_quitting_from_home_says_nothing() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.goodbye is None
