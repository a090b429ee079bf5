"""Speed of the non-TUI commands, as ratios measured in one run on this machine.

    .venv/bin/python bench/startup.py [--runs 15] [--assessments 1000]

Prints a table: each command's median wall time, and the ratio to its baseline. Targets from
the foundation issue: ``score --format json`` within 1.3x of ``python -c "import pydantic,
tomllib"``; ``list`` under 0.5 s with 1,000 saved assessments; no Textual on non-TUI commands.
Never run by the tests as an assertion: it is a report.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


BASELINE = [PYTHON, "-c", "import pydantic, tomllib"]


def _once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def timed(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median of the command and of the baseline, sampled alternately so noise hits both."""
    mine, base = [], []
    for _ in range(runs):
        mine.append(_once(command, env))
        base.append(_once(BASELINE, env))
    return statistics.median(mine), statistics.median(base)


def make_store(folder: Path, count: int, examples: list[dict[str, object]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        example = examples[index % len(examples)]
        answers = dict(example["answers"])  # type: ignore[call-overload]
        if index % 3 == 0:  # a third are partial
            for key in list(answers)[: index % 17]:
                del answers[key]
        doc = {
            "meta": {
                "schema_version": 1,
                "id": f"bench{index:05d}",
                "name": f"{example['name']} #{index}",
                "bank": "readiness",
                "language": "en",
            },
            "answers": answers,
        }
        (folder / f"bench{index:05d}.toml").write_text(tomli_w.dumps(doc))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--assessments", type=int, default=1000)
    options = parser.parse_args()
    # Installed packages (pydantic in the baseline) carry bytecode; give ours the same, even
    # where PYTHONDONTWRITEBYTECODE is set, so the ratio compares like with like.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "smreadiness")], check=True)
    bank = tomllib.loads((ROOT / "questions" / "readiness.toml").read_text("utf-8"))
    examples = bank["examples"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # No SMREADINESS_* overrides: platformdirs finds the data and cache dirs under a
        # temporary home, exactly as on a user's machine.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SMREADINESS_", "XDG_"))}
        env.update(HOME=str(work), XDG_DATA_HOME=str(work / "xdg-data"), NO_COLOR="1")
        data = work / "xdg-data" / "smreadiness"
        answers_file = work / "bakery.toml"
        answers_file.write_text(tomli_w.dumps({"answers": examples[1]["answers"]}))
        partial = work / "partial.toml"
        partial.write_text(
            tomli_w.dumps({"answers": dict(list(examples[3]["answers"].items())[:12])})
        )
        script = Path(PYTHON).parent / "smreadiness"
        cli = [str(script)] if script.exists() else [PYTHON, "-m", "smreadiness"]
        # Warm the bank cache and the OS file cache once, as a user's second run would be.
        subprocess.run(
            [*cli, "score", str(answers_file)], env=env, stdout=subprocess.DEVNULL, check=True
        )
        python_only, baseline = timed([PYTHON, "-c", "pass"], env, options.runs)
        rows: list[tuple[str, float, float | None, str]] = [
            ("python -c pass", python_only, None, ""),
            ("python -c 'import pydantic, tomllib'", baseline, 1.0, "baseline"),
        ]
        for label, command in (
            ("score FILE --format json", [*cli, "score", str(answers_file), "--format", "json"]),
            ("score PARTIAL --format json", [*cli, "score", str(partial), "--format", "json"]),
            ("score FILE (text)", [*cli, "score", str(answers_file)]),
            ("questions list", [*cli, "questions", "list"]),
        ):
            seconds, base = timed(command, env, options.runs)
            note = "target <= 1.3x" if "json" in label else ""
            rows.append((label, seconds, seconds / base, note))
        make_store(data, options.assessments, examples)
        for cached in (work / ".cache" / "smreadiness").glob("list-*.json"):
            cached.unlink()
        cold = _once([*cli, "list"], env)
        rows.append((f"list ({options.assessments} saved, no cache yet)", cold, None, "first run"))
        for label, command in (
            (f"list ({options.assessments} saved)", [*cli, "list"]),
            (f"list --format json ({options.assessments})", [*cli, "list", "--format", "json"]),
        ):
            seconds, base = timed(command, env, max(3, options.runs // 3))
            rows.append((label, seconds, seconds / base, "target < 0.5 s"))
        probe = (
            "import sys; import smreadiness.cli as c; "
            f"c.main(['score', {str(answers_file)!r}, '--format', 'json']); "
            "print('textual' in sys.modules, file=sys.stderr)"
        )
        textual = subprocess.run(
            [PYTHON, "-c", probe], env=env, capture_output=True, text=True, check=True
        ).stderr.strip()
    print(f"{'command':44} {'median':>9} {'ratio':>7}  note")
    for label, seconds, ratio, note in rows:
        shown = "" if ratio is None else f"{ratio:6.2f}x"
        print(f"{label:44} {seconds * 1000:7.1f}ms {shown:>7}  {note}")
    print(f"textual imported by score: {textual}")
    print(json.dumps({label: round(seconds, 4) for label, seconds, _, _ in rows}))


if __name__ == "__main__":
    main()
