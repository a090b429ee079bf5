"""How big a workshop stays quick: the joint report and the board's recount, by respondents.

    .venv/bin/python bench/workshop.py [--sizes 40,500]

Builds workshops of N respondents in a temporary data directory (answers drawn at random from
each question's options, so the room disagrees), then measures:

- ``workshop report --format json``, the whole command as a user runs it (median of 3);
- the board's recount in the process (scan the folders' stamps, read and score every file),
  which with the one-second poll bounds how long a saved answer takes to show on the board;
- 40 respondents saving answers at once from separate processes (as 40 browser sessions'
  apps do), and the time until the board's count has every answer.

Printed as a table; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(size: int, data: Path) -> None:
    os.environ["SMREADINESS_DATA_DIR"] = str(data)
    from smreadiness.bank.loader import load_bank
    from smreadiness.store import Assessment
    from smreadiness.workshops.folder import create

    bank = load_bank()
    workshop = create(f"Bench {size}", team=False, bank="readiness", language="en")
    store = workshop.respondents
    rng = random.Random(size)
    for number in range(size):
        answers: dict[str, object] = {}
        for question in bank.questions:
            if question.kind == "choice":
                answers[question.id] = rng.choice(question.options).value
            elif question.kind == "number":
                answers[question.id] = rng.randint(int(question.min or 0), 20)
            else:
                answers[question.id] = "We help local families eat well, six days a week."
        assessment = Assessment.new(f"Respondent {number}", language="en")
        store.save(assessment._replace(answers=answers, id=f"r{number:05d}"))


def time_report(data: Path, slug: str) -> float:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "smreadiness", "workshop", "report", slug, "--format", "json"],
            env={**os.environ, "SMREADINESS_DATA_DIR": str(data)},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def time_recount(slug: str) -> float:
    from smreadiness.bank.loader import load_bank
    from smreadiness.tui.board import stamp
    from smreadiness.workshops.aggregate import summarise
    from smreadiness.workshops.folder import find

    workshop = find(slug)
    bank = load_bank()
    start = time.perf_counter()
    stamp(workshop)
    summarise(workshop, bank, workshop.entries())
    return time.perf_counter() - start


SAVER = """
import sys
from smreadiness.store import Store
from pathlib import Path
store = Store(Path(sys.argv[1]))
store.update(sys.argv[2], lambda a: a.with_answer("purpose.goals", "measurable"))
"""


def time_forty_saves(slug: str) -> float:
    """40 processes save one answer each at once; from the last save to every answer counted
    (process start-up, ~0.1 s each on this machine, is the app's, not the board's)."""
    from smreadiness.bank.loader import load_bank
    from smreadiness.workshops.aggregate import summarise
    from smreadiness.workshops.folder import find

    workshop = find(slug)
    bank = load_bank()
    ids = [f"r{n:05d}" for n in range(40)]
    start = time.perf_counter()
    procs = [
        subprocess.Popen([sys.executable, "-c", SAVER, str(workshop.respondents.root), i])
        for i in ids
    ]
    for proc in procs:
        proc.wait()
    saved = time.perf_counter()
    while True:
        summary = summarise(workshop, bank, workshop.entries())
        goals = next(s for s in summary.questions if s.id == "purpose.goals")
        if goals.counts.get("measurable", 0) >= 40:
            del start
            return time.perf_counter() - saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="40,500")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            data = Path(folder) / f"data-{size}"
            build(size, data)
            slug = f"bench-{size}"
            report = time_report(data, slug)
            recount = time_recount(slug)
            saves = time_forty_saves(slug) if size >= 40 else float("nan")
            rows.append((size, report, recount, saves))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| respondents | `workshop report` (json) | board recount | 40 saves: last to counted |")
    print("|---|---|---|---|")
    for size, report, recount, saves in rows:
        print(f"| {size} | {report:.2f} s | {recount:.2f} s | {saves:.2f} s |")
    print("A saved answer shows on the board within the 1 s poll plus one recount.")


if __name__ == "__main__":
    main()
