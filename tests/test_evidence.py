"""Evidence for strong claims: an option may carry a follow-up ("Give the dates of the last five
releases"); choosing it asks for it, in the TUI and in line mode, the answer is saved in the
file's [evidence] table, and reports show it beside the claim."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import tomli_w

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "docs" / "examples" / "daily-releases.toml"
ASK = "Give the dates of the last five releases."
GIVEN = "3, 4, 5, 8 and 9 December"


def _saved(data_dir: Path) -> dict[str, Any]:
    import tomllib

    [path] = list(data_dir.glob("*.toml"))
    return tomllib.loads(path.read_text("utf-8"))


def test_line_mode_asks_for_the_evidence_and_keeps_it(isolated_dirs: Path) -> None:
    typed = "1\n" + GIVEN + "\n" + "q\n"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "smreadiness",
            "ask",
            "--name",
            "Team Aurora",
            "--bank",
            str(EXAMPLE),
        ],
        input=typed,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert f"Show it: {ASK}" in done.stdout
    data = _saved(isolated_dirs)
    assert data["answers"]["delivery.frequency"] == "daily"
    assert data["evidence"] == {"delivery.frequency": GIVEN}
    shown = run_cli("report", "Team Aurora")
    assert f"(shown: {GIVEN})" in " ".join(shown.out.split())


def test_an_answer_without_a_follow_up_asks_nothing(isolated_dirs: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "smreadiness", "ask", "--name", "Team B", "--bank", str(EXAMPLE)],
        input="2\nq\n",
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )
    assert "Show it" not in done.stdout
    assert "evidence" not in _saved(isolated_dirs)


def test_an_answers_file_with_evidence_reports_it(tmp_path: Path) -> None:
    path = tmp_path / "aurora.toml"
    path.write_text(
        tomli_w.dumps(
            {
                "meta": {"name": "Team Aurora", "bank": str(EXAMPLE)},
                "answers": {"delivery.frequency": "daily"},
                "evidence": {"delivery.frequency": GIVEN + " \u202e"},
            }
        ),
        encoding="utf-8",
    )
    scored = json.loads(run_cli("score", str(path), "--format", "json").out)
    assert scored["evidence"] == {"delivery.frequency": GIVEN + " \u202e"}
    for form in ("text", "md", "html"):
        shown = run_cli("report", str(path), "--format", form)
        assert GIVEN in " ".join(shown.out.split())
        assert "\u202e" not in shown.out  # shown escaped, as every text others write


def test_a_bad_evidence_table_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        f'[meta]\nbank = "{EXAMPLE}"\n\n[answers]\n\n[evidence]\n"delivery.frequency" = 5\n',
        encoding="utf-8",
    )
    result = run_cli("score", str(path))
    assert result.code == 3
    assert "evidence: must be a table of texts" in result.err
