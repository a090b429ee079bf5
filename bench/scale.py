"""Thousands of saved assessments: how `list`, the home screen and lookups scale (issue 20).

    .venv/bin/python bench/scale.py [--sizes 1000,10000,50000] [--runs 3] [--no-tui]

Builds, in a temp dir, archives of N assessments (copies of real ones with their own ids, names
and times, written straight to disk) and a 2,000-question / 600-rule bank, then prints:

- `list --format json` warm (the index or cache already filled), and its ratio to the smallest
  archive; the first `list` after the files appear (no index or list cache yet);
- the home screen's first frame in tmux against a minimal Textual app (as bench/tui_startup.py);
- in-process with Pilot: typing a filter until the list shows the one match, and a sort;
- `report NAME` against `report ID`;
- `questions validate` of the big bank.

A report, never an assertion: no test runs this.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT / "bench"))

WORDS = (
    "Aurora Birch Cedar Delta Ember Fjord Granite Harbor Iris Juniper Kestrel Linden Maple "
    "Nordic Orchid Pine Quartz Raven Spruce Tundra Umber Vale Willow Yarrow Zephyr Café Åbo "
    "Mökki Sauna Kallio"
).split()
TRADES = "Bakery Roofing Machining Florist Studio Dental Garage Bistro Books Yoga".split()
JSON = ("--format", "json")
GOALS = {
    "list json, warm": "<= 0.5 s and <= 3x the 1,000 time",
    "first list after the files appear": "<= 10 s",
    "home first frame / minimal app": "<= 1.3x",
    "type a filter until one match": "<= 1 s",
    "sort": "<= 0.2 s",
    "report NAME / report ID": "<= 1.3x",
}


def company(number: int) -> str:
    """A distinct, plausible name: two words, a trade and the number."""
    first = WORDS[number % len(WORDS)]
    second = WORDS[(number // len(WORDS)) % len(WORDS)]
    return f"{first} {second} {TRADES[number % len(TRADES)]} {number}"


def templates() -> list[bytes]:
    """Real saved files (complete and half-done examples) with placeholders to fill in."""
    from smreadiness.bank.loader import load_bank
    from smreadiness.store import Assessment
    from smreadiness.store.store import dump

    bank = load_bank()
    made = []
    for index, example in enumerate(bank.examples[:6]):
        answers = dict(example.answers)
        if index % 2:
            answers = dict(list(answers.items())[: 4 + index])
        assessment = Assessment(
            "TEMPLATEID",
            "TEMPLATENAME",
            datetime(2001, 1, 1, tzinfo=UTC),
            datetime(2002, 2, 2, tzinfo=UTC),
            bank=bank.id,
            bank_version=bank.version,
            language="en",
            answers=answers,
        )
        made.append(dump(assessment))
    return made


def build_archive(folder: Path, count: int, shapes: list[bytes]) -> None:
    """``count`` files written directly (the store's own save would take minutes)."""
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for number in range(count):
        ident = f"a{number:06d}"
        when = (start + timedelta(minutes=number * 7)).isoformat(sep=" ")
        data = (
            shapes[number % len(shapes)]
            .replace(b'"TEMPLATEID"', f'"{ident}"'.encode())
            .replace(b'"TEMPLATENAME"', f'"{company(number)}"'.encode())
            .replace(b"2002-02-02 00:00:00+00:00", when.encode())
        )
        (folder / f"{ident}.toml").write_bytes(data)


def build_bank(path: Path, questions: int = 2000, rules: int = 600) -> None:
    """The bundled bank's questions and rules copied over and over, each copy with its own ids
    (conditions rewritten to name the copy's questions), until there are enough."""
    import tomli_w

    source = tomllib.loads((ROOT / "questions" / "readiness.toml").read_text(encoding="utf-8"))
    ids = sorted((q["id"] for q in source["questions"]), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, ids)) + r")(?!\w)")

    def renamed(text: str, copy: int) -> str:
        return pattern.sub(lambda m: f"{m.group(1)}_{copy}", text) if copy else text

    bank = {k: v for k, v in source.items() if k not in ("questions", "rules", "examples", "core")}
    bank.update(id="scale", title="Scale bench bank")
    made_questions: list[dict[str, Any]] = []
    made_rules: list[dict[str, Any]] = []
    copies: dict[str, list[str]] = {}
    copy = 0
    while len(made_questions) < questions or len(made_rules) < rules:
        for question in source["questions"][: questions - len(made_questions)]:
            question = {**question, "id": renamed(question["id"], copy)}
            if "show_if" in question:
                question["show_if"] = renamed(question["show_if"], copy)
            made_questions.append(question)
        for rule in source["rules"][: rules - len(made_rules)]:
            new_id = f"{rule['id']}-{copy}" if copy else rule["id"]
            copies.setdefault(rule["id"], []).append(new_id)
            made_rules.append({**rule, "id": new_id, "when": renamed(rule["when"], copy)})
        copy += 1
    actions = []
    for action in source.get("actions", []):
        if "rules" in action:  # every caution copy stays answered by its action
            action = {**action, "rules": [c for r in action["rules"] for c in copies.get(r, [r])]}
        actions.append(action)
    bank.update(questions=made_questions, rules=made_rules, actions=actions)
    path.write_text(tomli_w.dumps(bank), encoding="utf-8")


def command(*arguments: str) -> list[str]:
    """The installed command, as users start it."""
    script = Path(PYTHON).parent / "smreadiness"
    program = [str(script)] if script.exists() else [PYTHON, "-m", "smreadiness"]
    return [*program, *arguments]


def run(env: dict[str, str], *arguments: str) -> float:
    """Seconds one CLI command takes (output discarded; a failure stops the bench)."""
    began = time.perf_counter()
    subprocess.run(command(*arguments), env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def forget_list_cache(cache: Path) -> None:
    """The list cache or index only: the bank cache stays warm."""
    if cache.is_dir():
        for path in cache.iterdir():
            if path.name.startswith(("list-", "index")):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()


def home_first_frame(env: dict[str, str], folder: Path, runs: int) -> float:
    """Median of (home's first frame / the minimal app's just before it) in tmux."""
    import importlib

    tui_startup = importlib.import_module("tui_startup")  # bench/tui_startup.py, beside this
    first_screen = tui_startup.first_screen

    minimal = folder / "minimal_app.py"
    minimal.write_text(tui_startup.MINIMAL_APP, encoding="utf-8")
    size = (120, 40)
    base = ([PYTHON, str(minimal)], "Minimal app ready", env, size, folder)
    ours = (command(), "Last change", env, size, folder)
    first_screen(*base)  # warm-up
    first_screen(*ours)
    ratios = []
    for _ in range(runs):
        before = first_screen(*base)
        ratios.append(first_screen(*ours) / before)
    return float(statistics.median(ratios))


async def filter_and_sort(wanted: str) -> tuple[float, float]:
    """Pilot: seconds from the first key of ``wanted`` until the list holds one row; a sort."""
    from smreadiness.opening import resolve_start
    from smreadiness.tui.app import SmReadinessApp

    app = SmReadinessApp(
        resolve_start(argparse.Namespace(command=None, lang="en")), cursor_blink=False
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#table")
        for _ in range(2000):  # a first build may still be under way
            if table.row_count > 1 and not screen.building:
                break
            await pilot.pause(0.05)
        from textual import events

        began = time.perf_counter()
        for char in wanted:  # as a fast typist types: every key queued at once
            app.post_message(events.Key(char, char))
        while table.row_count != 1:
            await pilot.pause(0.005)
        typed = time.perf_counter() - began
        await pilot.press("escape")
        while table.row_count == 1:
            await pilot.pause(0.01)
        await pilot.pause()
        began = time.perf_counter()
        await pilot.press("ctrl+s")
        await pilot.pause()
        sorted_in = time.perf_counter() - began
    return typed, sorted_in


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return float(statistics.median(measure() for _ in range(runs)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-tui", action="store_true", help="skip the tmux and Pilot rows")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    tui = not options.no_tui and shutil.which("tmux") is not None
    if not options.no_tui and not tui:
        print("tmux not found (apt-get install tmux): the home screen row is skipped")
    results: dict[str, dict[int, str]] = {name: {} for name in GOALS}
    results["questions validate, 2,000 questions / 600 rules"] = {}
    with tempfile.TemporaryDirectory(prefix="smr-scale-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "SMREADINESS_CONFIG_DIR": str(folder / "config"),
            "TERM": os.environ.get("TERM", "xterm-256color"),
            "LANG": "C.UTF-8",
        }
        env.pop("SMREADINESS_DATA_DIR", None)
        os.environ.update({k: env[k] for k in ("SMREADINESS_CONFIG_DIR", "LANG")})
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "smreadiness")], check=True)
        shapes = templates()
        warm_smallest: float | None = None
        if tui:
            subprocess.run(["tmux", "start-server"], check=False)
            subprocess.run(["tmux", "new-session", "-d", "-s", "smr-keepalive"], check=False)
        try:
            for size in sizes:
                data, cache = folder / f"data-{size}", folder / f"cache-{size}"
                build_archive(data, size, shapes)
                env.update(SMREADINESS_DATA_DIR=str(data), SMREADINESS_CACHE_DIR=str(cache))
                os.environ.update(SMREADINESS_DATA_DIR=str(data), SMREADINESS_CACHE_DIR=str(cache))
                run(env, "questions", "validate")  # the bank cache, warm
                forget_list_cache(cache)
                first = run(env, "list", "--format", "json")
                warm = median_of(options.runs, lambda: run(env, "list", "--format", "json"))
                warm_smallest = warm_smallest or warm
                results["first list after the files appear"][size] = f"{first:.2f} s"
                results["list json, warm"][size] = f"{warm:.3f} s ({warm / warm_smallest:.1f}x)"
                middle = size // 2
                name, ident = company(middle), f"a{middle:06d}"
                by_name = median_of(options.runs, partial(run, env, "report", name, *JSON))
                by_id = median_of(options.runs, partial(run, env, "report", ident, *JSON))
                results["report NAME / report ID"][size] = f"{by_name / by_id:.2f}x"
                if tui:
                    ratio = home_first_frame(env, folder, options.runs)
                    results["home first frame / minimal app"][size] = f"{ratio:.2f}x"
                    typed, sorted_in = asyncio.run(filter_and_sort(company(middle)))
                    results["type a filter until one match"][size] = f"{typed:.2f} s"
                    results["sort"][size] = f"{sorted_in:.3f} s"
                shutil.rmtree(data)
                shutil.rmtree(cache, ignore_errors=True)
            big = folder / "scale.toml"
            build_bank(big)
            run(env, "questions", "validate", str(big))  # parsed once; the cache is for loading
            validate = median_of(options.runs, lambda: run(env, "questions", "validate", str(big)))
            results["questions validate, 2,000 questions / 600 rules"][0] = f"{validate:.2f} s"
        finally:
            if tui:
                subprocess.run(["tmux", "kill-session", "-t", "smr-keepalive"], check=False)
    print_table(sizes, results)
    return 0


def print_table(sizes: list[int], results: dict[str, dict[int, str]]) -> None:
    goals = {**GOALS, "questions validate, 2,000 questions / 600 rules": "<= 2 s"}
    header = ["what", *(f"{size:,}" for size in sizes), f"goal at {sizes[-1]:,}"]
    print("\n| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, values in results.items():
        if 0 in values:
            cells = ["-"] * (len(sizes) - 1) + [values[0]]
        else:
            cells = [values.get(size, "-") for size in sizes]
        print(f"| {name} | " + " | ".join(cells) + f" | {goals[name]} |")


if __name__ == "__main__":
    sys.exit(main())
