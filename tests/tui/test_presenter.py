"""The presenter view: flip answers live, reset, what-if, save a copy, never touch the original."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import args, make_app, save, screen_text, stored

OWNER_DOWN = ("down",) * 17  # from the first answer to "Who will be responsible for ..."


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def present(target: str | None = None, **more: Any) -> Any:
    return make_app(args("present", target=target, **more))


async def test_flipping_an_answer_changes_the_verdict_and_reset_restores_it(
    bank: Any, tui_environment: Path
) -> None:
    from smreadiness.bank.loader import resolve_bank
    from smreadiness.store import Store

    before = digest(resolve_bank())
    app = present("bakery-cafe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Bakery Aurora" in text and "the original answers" in text
        assert "┏━╸ ┏━┓ ✔" in text  # GO in big letters
        await pilot.press(*OWNER_DOWN)
        await pilot.pause()
        assert app.screen.selected == "resources.owner"
        assert "Responsible: A named person" in screen_text(app)
        await pilot.press("space", "space")  # side task, then nobody
        await pilot.pause()
        text = screen_text(app)
        assert "┏┓╻ ┏━┓ ╺┳╸    ╻ ╻ ┏━╸ ╺┳╸ ◐" in text  # NOT YET
        assert "was ✔ GO" in text
        assert "NEW  ! fix first: Nobody" in text
        assert "○✱Responsible: Nobody yet" in text
        assert "1 answer changed · not saved" in text
        await pilot.press("left")  # one back: someone, on top of other work
        await pilot.pause()
        assert "◐✱Responsible: Someone" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "┏━╸ ┏━┓ ✔" in text and "the original answers" in text
        assert "was ✔ GO" not in text
    assert digest(resolve_bank()) == before  # the bundled example never changes
    assert Store().entries() == []  # and nothing was saved


async def test_numbers_step_by_one(bank: Any) -> None:
    app = present("bakery-cafe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*OWNER_DOWN, "down")  # hours: 4 h/week
        await pilot.press("right", "right", "left")
        await pilot.pause()
        assert app.screen.workshop.answers["resources.hours"] == 5
        assert "●✱Hours: 5 h/week" in screen_text(app)


async def test_what_if_is_one_key_away_and_one_more_applies_it(bank: Any) -> None:
    app = present("webshop-no-plan")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        workshop = app.screen.workshop
        assert workshop.evaluate().verdict == "not_yet"
        await pilot.press("w")
        await pilot.pause()
        assert "What would change this" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert workshop.evaluate().verdict == "go"
        assert workshop.changed()
        assert "was ◐ NOT YET" in screen_text(app)


async def test_ctrl_s_saves_a_new_copy_and_leaves_the_saved_original_alone(
    bank: Any, tui_environment: Path
) -> None:
    from smreadiness.store import Store

    answers = dict(bank.example("bakery-cafe").answers)
    save("Bakery Aurora", answers, assessment_id="bakery")
    original = digest(tui_environment / "bakery.toml")
    app = present("Bakery Aurora")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*OWNER_DOWN, "space", "space", "ctrl+s")
        await pilot.pause()
        assert "saved a copy" in screen_text(app)
    assert digest(tui_environment / "bakery.toml") == original
    copies = [e.assessment for e in Store().entries() if e.id != "bakery"]
    assert len(copies) == 1 and copies[0] is not None
    copy = copies[0]
    assert copy.name == "Bakery Aurora (workshop)"
    assert copy.answers == {**answers, "resources.owner": "nobody"}
    assert copy.bank == "readiness" and copy.fingerprints
    assert stored("bakery").answers == answers


async def test_p_toggles_the_presenter_from_the_result_and_back(bank: Any) -> None:
    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert "PRESENTER" in screen_text(app)
        await pilot.press("down", "space")  # flip the first choice
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(app)
        assert "PRESENTER" not in text and "Reasons" in text
        assert stored("socks").answers == dict(bank.example("webshop-no-plan").answers)


def test_present_names_what_it_cannot_find(capsys: pytest.CaptureFixture[str]) -> None:
    from smreadiness.cli.tui import run_tui as run_app

    assert run_app(args("present", target="nobody-here")) == 1
    err = capsys.readouterr().err
    assert "'nobody-here' is not an example" in err and "bakery-cafe" in err
    assert err.count("\n") == 1


async def test_watch_reloads_an_edited_bank_and_keeps_the_answers(
    bank: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smreadiness.bank.loader import resolve_bank

    monkeypatch.setattr("smreadiness.tui.screens.presenter.WATCH_SECONDS", 0.05)
    source = resolve_bank().read_text("utf-8")
    message = "Nobody is responsible for social media in your company"
    assert message in source
    path = tmp_path / "workshop.toml"
    path.write_text(source, encoding="utf-8")
    app = present("bakery-cafe", bank=str(path), watch=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*OWNER_DOWN, "space", "space")
        await pilot.pause()
        assert message in screen_text(app)

        def rewrite(text: str, stamp: int) -> None:
            path.write_text(text, encoding="utf-8")
            os.utime(path, ns=(stamp, stamp))  # a new time even on coarse clocks

        async def shown(words: str) -> str:
            # Reloading validates the whole bank (rules, worked examples): on a busy machine
            # that takes a moment, so wait for it rather than for a fixed time.
            for _ in range(100):
                await pilot.pause(0.1)
                if words in (text := screen_text(app)):
                    return text
            return screen_text(app)

        rewrite(source.replace(message, "No one at all looks after the accounts"), 10**18)
        text = await shown("Bank reloaded")
        assert "No one at all looks after the accounts" in text
        assert "Bank reloaded" in text
        assert app.screen.workshop.answers["resources.owner"] == "nobody"  # answers kept

        rewrite("this is [not a bank", 2 * 10**18)
        text = await shown("Bank not reloaded")
        assert "Bank not reloaded" in text
        assert "No one at all looks after the accounts" in text  # the last good bank stays


async def test_closing_the_presenter_it_started_on_goes_home_with_the_copy_listed(
    bank: Any,
) -> None:
    app = present("bakery-cafe")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "space", "ctrl+s", "p")
        await pilot.pause()
        text = screen_text(app)
        assert "Bakery Aurora (workshop)" in text and "PRESENTER" not in text


async def test_an_answer_can_be_picked_with_the_mouse(bank: Any) -> None:
    from smreadiness.tui.widgets.answer_board import AnswerBoard

    app = present("bakery-cafe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(AnswerBoard)
        line = board.line_of("purpose.plan_fit")
        await pilot.click(AnswerBoard, offset=(board.size.width - 5, line))
        await pilot.pause()
        assert app.screen.selected == "purpose.plan_fit"
