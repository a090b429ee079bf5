"""Pictures of every screen at 80x24 and 120x40 (pytest-textual-snapshot).

Review a changed SVG before accepting it with ``--snapshot-update``. Nothing in view depends on
the clock: saved assessments carry fixed timestamps and the time zone is UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import args, make_app, save, type_text

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def examples() -> Any:
    from smreadiness.bank.loader import load_bank

    return load_bank()


def some_saved(tmp_data: Any) -> None:
    bank = examples()
    save("Bakery Aurora", dict(bank.example("bakery-cafe").answers), assessment_id="bakery")
    save("Koskinen Machining", dict(bank.example("machine-shop").answers), assessment_id="shop")
    partial = dict(list(bank.example("webshop-no-plan").answers.items())[:12])
    save("Northern Wool Socks", partial, assessment_id="socks")
    save("[red]x[/red]", {"purpose.goals": "none"}, assessment_id="markup")
    tmp_data.joinpath("broken.toml").write_text("this is [not toml", encoding="utf-8")


def halfway() -> None:
    """An assessment part-way through, with a flag and a note on the current question."""
    answers = dict(list(examples().example("webshop-no-plan").answers.items())[:8])
    save(
        "Northern Wool Socks",
        answers,
        assessment_id="socks",
        current="market.employees",
        flagged=("purpose.goals",),
        notes={"purpose.goals": "ask [b]Anna[/b] about targets"},
    )


def finished(example: str = "webshop-no-plan") -> None:
    bank = examples()
    save(bank.example(example).name, dict(bank.example(example).answers), assessment_id="done")


def keys(*pressed: str) -> Callable[[Any], Any]:
    async def run(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press(*pressed)
        await pilot.pause()

    return run


def typed(text: str, *then: str) -> Callable[[Any], Any]:
    async def run(pilot: Any) -> None:
        await pilot.pause()
        await type_text(pilot, text)
        if then:
            await pilot.press(*then)
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
def test_home_first_run(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_home_saved_list(snap_compare: Any, size: tuple[int, int], tui_environment: Any) -> None:
    tui_environment.mkdir(parents=True, exist_ok=True)
    some_saved(tui_environment)
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_home_unreadable_selected(
    snap_compare: Any, size: tuple[int, int], tui_environment: Any
) -> None:
    tui_environment.mkdir(parents=True, exist_ok=True)
    some_saved(tui_environment)
    assert snap_compare(make_app(), terminal_size=size, run_before=typed("broken"))


@pytest.mark.parametrize("size", SIZES)
def test_home_name_prompt(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=keys("ctrl+n"))


@pytest.mark.parametrize("size", SIZES)
def test_home_examples(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=keys("ctrl+e", "down"))


@pytest.mark.parametrize("size", SIZES)
def test_home_delete_confirmation(
    snap_compare: Any, size: tuple[int, int], tui_environment: Any
) -> None:
    tui_environment.mkdir(parents=True, exist_ok=True)
    some_saved(tui_environment)
    assert snap_compare(make_app(), terminal_size=size, run_before=keys("ctrl+d"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_choice(snap_compare: Any, size: tuple[int, int]) -> None:
    halfway()
    app = make_app(args("resume", target="socks"))
    assert snap_compare(app, terminal_size=size, run_before=keys("escape", "escape"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_number_with_error(snap_compare: Any, size: tuple[int, int]) -> None:
    halfway()
    app = make_app(args("resume", target="socks"))
    assert snap_compare(app, terminal_size=size, run_before=typed("0"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_text_with_count_and_why(snap_compare: Any, size: tuple[int, int]) -> None:
    halfway()
    app = make_app(args("resume", target="socks"))

    async def run(pilot: Any) -> None:
        await pilot.pause()
        await type_text(pilot, "3")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Warm wool socks knitted in Finland, [i]by hand[/i].")
        await pilot.press("ctrl+y")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_interview_outline(snap_compare: Any, size: tuple[int, int]) -> None:
    halfway()
    app = make_app(args("resume", target="socks"))
    assert snap_compare(app, terminal_size=size, run_before=keys("escape", "o"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_note(snap_compare: Any, size: tuple[int, int]) -> None:
    halfway()
    app = make_app(args("resume", target="socks"))
    assert snap_compare(app, terminal_size=size, run_before=keys("ctrl+n"))


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare: Any, size: tuple[int, int]) -> None:
    halfway()
    app = make_app(args("resume", target="socks"))
    assert snap_compare(app, terminal_size=size, run_before=keys("ctrl+r"))


@pytest.mark.parametrize("size", SIZES)
def test_result_not_yet(snap_compare: Any, size: tuple[int, int]) -> None:
    finished()
    assert snap_compare(make_app(args("resume", target="done")), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_result_trying_a_what_if(snap_compare: Any, size: tuple[int, int]) -> None:
    finished()
    app = make_app(args("resume", target="done"))
    assert snap_compare(app, terminal_size=size, run_before=keys("right", "1"))


@pytest.mark.parametrize("size", SIZES)
def test_result_go_plan(snap_compare: Any, size: tuple[int, int]) -> None:
    finished("bakery-cafe")
    app = make_app(args("resume", target="done"))
    assert snap_compare(app, terminal_size=size, run_before=keys("right", "right", "space"))


@pytest.mark.parametrize("size", SIZES)
def test_result_no_go_scores(snap_compare: Any, size: tuple[int, int]) -> None:
    finished("machine-shop")
    app = make_app(args("resume", target="done"))
    assert snap_compare(app, terminal_size=size, run_before=keys("left"))


@pytest.mark.parametrize("size", SIZES)
def test_save_report_dialog(
    snap_compare: Any, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMREADINESS_DOCUMENTS_DIR", "/tmp")  # the same path on every machine
    finished()
    app = make_app(args("resume", target="done"))
    assert snap_compare(app, terminal_size=size, run_before=keys("s"))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=keys("f1"))


def present_flipped() -> Callable[[Any], Any]:
    """The presenter on the bakery with its owner flipped to nobody: GO becomes NOT YET."""
    return keys(*("down",) * 14, "space", "space")


@pytest.mark.parametrize("size", SIZES)
def test_presenter(snap_compare: Any, size: tuple[int, int]) -> None:
    app = make_app(args("present", target="bakery-cafe"))
    assert snap_compare(app, terminal_size=size, run_before=present_flipped())


@pytest.mark.parametrize("size", SIZES)
def test_presenter_what_if(snap_compare: Any, size: tuple[int, int]) -> None:
    app = make_app(args("present", target="webshop-no-plan"))
    assert snap_compare(app, terminal_size=size, run_before=keys("w"))


@pytest.mark.parametrize("size", SIZES)
def test_result_compare_with_last_time(snap_compare: Any, size: tuple[int, int]) -> None:
    from tui_helpers import FIXED_TIME

    bank = examples()
    before = dict(bank.example("webshop-no-plan").answers)
    now = {**before, "purpose.goals": "measurable", "measurement.metrics": "business"}
    snapshot = {"finished": FIXED_TIME, "verdict": "not_yet", "answers": before}
    save("Northern Wool Socks", now, assessment_id="done", history=(snapshot,))
    app = make_app(args("resume", target="done"))
    assert snap_compare(app, terminal_size=size, run_before=keys("c"))


CHECKLISTS = str(Path(__file__).resolve().parents[1] / "data" / "checklists.toml")


@pytest.mark.parametrize("size", SIZES)
def test_interview_checklist_part_ticked(snap_compare: Any, size: tuple[int, int]) -> None:
    save("Checklist Co", {}, assessment_id="multi", bank=CHECKLISTS, bank_version="1")
    app = make_app(args("resume", target="multi"))
    assert snap_compare(app, terminal_size=size, run_before=keys("1", "3"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_grid_half_answered(snap_compare: Any, size: tuple[int, int]) -> None:
    answers = {"tech.devices": ["cloud"], "tech.habits": ["backups"], "tech.cloud": "some"}
    save(
        "Grid Co",
        answers,
        assessment_id="grid",
        bank=CHECKLISTS,
        bank_version="1",
        current="tech.erp",
    )
    app = make_app(args("resume", target="grid"))
    assert snap_compare(app, terminal_size=size)
