"""Regenerate the SVG pictures of the main screens in docs/screens/, made by the app itself.

    .venv/bin/python scripts/screenshots.py [--size 120x40] [--out docs/screens]

Each picture is the app driven by Textual's Pilot over example companies from the bundled bank,
saved with ``App.save_screenshot``. Data, settings and cache live in a temporary directory, and
the saved assessments carry fixed dates, so the pictures only change when the screens do.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

Steps = Callable[[Any], Awaitable[None]]


def save(
    bank: Any,
    example_id: str,
    assessment_id: str,
    keep: int | None = None,
    bank_ref: str | None = None,
    **extra: Any,
) -> None:
    """An example company as a saved assessment (``keep`` answers only: part-way through)."""
    from smreadiness.store import Assessment, Store

    example = bank.example(example_id)
    answers = dict(example.answers)
    if keep is not None:
        answers = dict(list(answers.items())[:keep])
    Store().save(
        Assessment(
            id=assessment_id,
            name=example.name,
            created=FIXED,
            updated=FIXED,
            bank=bank_ref or bank.id,
            bank_version=bank.version,
            language=bank.language,
            answers=answers,
            **extra,
        )
    )


def keys(*pressed: str) -> Steps:
    async def run(pilot: Any) -> None:
        await pilot.press(*pressed)
        await pilot.pause()

    return run


async def shoot(
    command: argparse.Namespace, steps: Steps, size: tuple[int, int], target: Path
) -> None:
    from smreadiness.opening import resolve_start
    from smreadiness.tui.app import SmReadinessApp

    app = SmReadinessApp(resolve_start(command), cursor_blink=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await steps(pilot)
        await pilot.pause(0.2)
        app.save_screenshot(filename=target.name, path=str(target.parent))
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def home() -> argparse.Namespace:
    return argparse.Namespace(command=None, lang="en")


def resume(target: str) -> argparse.Namespace:
    return argparse.Namespace(command="resume", target=target, lang="en")


def present(target: str) -> argparse.Namespace:
    return argparse.Namespace(command="present", target=target, bank=None, watch=False, lang="en")


async def main(size: tuple[int, int], out: Path) -> None:
    from smreadiness.bank.loader import load_bank

    bank = load_bank()
    out.mkdir(parents=True, exist_ok=True)
    empty = os.environ["SMREADINESS_DATA_DIR"]
    os.environ["SMREADINESS_DATA_DIR"] = str(Path(empty).parent / "empty")
    await shoot(home(), keys(), size, out / "first-run.svg")
    os.environ["SMREADINESS_DATA_DIR"] = empty
    save(bank, "bakery-cafe", "bakery")
    save(bank, "machine-shop", "machine")
    save(bank, "roofing-subcontractor", "roofing")
    save(
        bank,
        "webshop-no-plan",
        "socks",
        keep=6,
        current="market.position",
        flagged=("purpose.goals",),
        notes={"purpose.goals": "ask Anna about targets"},
    )
    save(bank, "webshop-no-plan", "socks-done")
    await shoot(home(), keys(), size, out / "home.svg")
    await shoot(home(), keys("ctrl+e"), size, out / "examples.svg")
    await shoot(resume("socks"), keys(), size, out / "interview.svg")
    await shoot(resume("socks"), keys("question_mark"), size, out / "why-this-matters.svg")
    await shoot(resume("socks"), keys("o"), size, out / "outline.svg")
    await shoot(resume("socks"), keys("r"), size, out / "review.svg")
    await shoot(resume("socks-done"), keys(), size, out / "result.svg")
    await shoot(resume("socks-done"), keys("right", "1"), size, out / "what-if.svg")
    await shoot(resume("socks-done"), keys("right", "right"), size, out / "action-plan.svg")
    await shoot(resume("machine"), keys("left"), size, out / "scores.svg")
    # The owner flipped to "nobody" live: GO becomes NOT YET, the change highlighted.
    flip = keys(*("down",) * 14, "space", "space")
    await shoot(present("bakery-cafe"), flip, size, out / "presenter.svg")
    socks = bank.example("webshop-no-plan")
    assert socks is not None
    before = dict(socks.answers)
    save(
        bank,
        "webshop-no-plan",
        "socks-again",
        history=({"finished": FIXED, "verdict": "not_yet", "answers": before},),
    )
    from smreadiness.store import Store

    Store().update(
        "socks-again",
        lambda a: a._replace(
            answers={**a.answers, "purpose.goals": "measurable", "measurement.metrics": "business"}
        ),
    )
    await shoot(resume("socks-again"), keys("c"), size, out / "compare.svg")
    # A bank of checklists and grids: one checklist part-ticked, then a grid half answered.
    from smreadiness.bank.loader import load_bank as load

    path = ROOT / "docs" / "examples" / "digital-maturity.toml"
    maturity = load(path)
    save(maturity, "mill", "mill-start", keep=0, bank_ref=str(path))
    await shoot(resume("mill-start"), keys("2", "4", "5"), size, out / "checklist.svg")
    save(maturity, "mill", "mill-grid", keep=7, bank_ref=str(path), current="basics.remote")
    await shoot(resume("mill-grid"), keys(), size, out / "grid.svg")


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="120x40", help="terminal size, e.g. 80x24")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screens"), help="folder to write")
    options = parser.parse_args()
    width, height = (int(part) for part in options.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="smr-screens-") as tmp:
        os.environ.update(
            SMREADINESS_DATA_DIR=str(Path(tmp) / "data"),
            SMREADINESS_CONFIG_DIR=str(Path(tmp) / "config"),
            SMREADINESS_CACHE_DIR=str(Path(tmp) / "cache"),
            TZ="UTC",
        )
        os.environ.pop("NO_COLOR", None)
        time.tzset()
        sys.path.insert(0, str(ROOT))
        asyncio.run(main((width, height), Path(options.out).resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(run())
