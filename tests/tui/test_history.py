"""Finishing keeps snapshots and the result compares with last time; ticks and banks are kept."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import args, make_app, save, screen_text, stored


async def test_finishing_twice_with_a_change_keeps_two_snapshots_and_c_compares(
    bank: Any,
) -> None:
    save("Bakery", dict(bank.example("bakery-cafe").answers))
    app = make_app(args("resume", target="Bakery"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert stored("bakery").history == ()  # opening a finished one is not finishing it
        assert "Compare" not in screen_text(app)
        await pilot.press("r")  # review, then "see the result": finished
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert len(stored("bakery").history) == 1
        assert "Compare" not in screen_text(app)  # nothing earlier to compare with
        await pilot.press("r", "v")  # finishing again unchanged keeps no new snapshot
        await pilot.pause()
        assert len(stored("bakery").history) == 1
        app.open_interview(app.screen.session, "resources.owner", review_after=True)
        await pilot.pause()
        await pilot.press("3")  # Nobody yet; back to the review
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        history = stored("bakery").history
        assert [h["verdict"] for h in history] == ["go", "not_yet"]
        assert "c Compare" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert "Compared with last time" in text
        assert "Verdict: ✔ GO  →  ◐ NOT YET" in text
        assert "Who will be responsible for your social media?" in text
        assert "A named person with time set aside for it → Nobody yet" in text
        assert "Resources and ownership" in text and "▼" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Compared with last time" not in screen_text(app)


async def test_ticks_are_saved_and_shown_again_on_reopen(bank: Any) -> None:
    save("Socks", dict(bank.example("webshop-no-plan").answers))
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        await pilot.press("down", "space")
        await pilot.pause()
        first, second = app.screen.session.evaluate(full=True).actions[:2]
        assert stored("socks").done == (second.id,)
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        text = screen_text(app)
        assert "[ ]  1." in text and "[x]  2." in text
        await pilot.press("down", "space")  # unticked, and saved so
        await pilot.pause()
        assert stored("socks").done == ()


def test_new_remembers_a_bank_file_by_its_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smreadiness.bank.loader import resolve_bank
    from smreadiness.opening import resolve_start
    from smreadiness.store import Store

    shutil.copy(resolve_bank("quickcheck"), tmp_path / "mine.toml")
    monkeypatch.chdir(tmp_path)
    start = resolve_start(args("new", name="Quick", bank="mine.toml"))
    assert start.session is not None
    saved = Store().load(start.session.assessment.id)
    assert saved.bank == str((tmp_path / "mine.toml").resolve())
    start = resolve_start(args("new", name="Bundled", bank="quickcheck"))
    assert start.session is not None and start.session.assessment.bank == "quickcheck"


def test_new_with_a_broken_bank_prints_each_problem_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smreadiness.cli import main

    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nversion = 3\n[[questions]]\nid = 5\n', encoding="utf-8")
    assert main(["new", "--name", "X", "--bank", str(broken)]) == 3
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) > 1 and all(str(broken) in line for line in lines)
    assert "Traceback" not in err
    assert main(["new", "--name", "X", "--bank", "no-such-bank"]) == 3
    assert "no such bank" in capsys.readouterr().err
