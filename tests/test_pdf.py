"""``report --format pdf``: the HTML report printed by Chromium, A4 with page numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import tomli_w

from tests.businesses import BUSINESSES
from tests.conftest import run_cli

KIOSK = next(b for b in BUSINESSES if b.id == "kiosk-one-hour")
HAS_CHROMIUM = any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome"))


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(tomli_w.dumps({"meta": {"name": KIOSK.name}, "answers": KIOSK.answers}))
    return path


@pytest.mark.skipif(not HAS_CHROMIUM, reason="Chromium is not installed")
def test_a_pdf_report_is_a4_with_numbered_pages(answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "kiosk.pdf"
    result = run_cli("report", str(answers), "-o", str(out))
    assert result.code == 0, result.err
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    # A4 is 595 x 842 points.
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data))
    assert sizes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in sizes)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = text.split("\f")
        assert "NOT YET" in pages[0] and "Kioski Lähde" in pages[0]
        count = len([p for p in pages if p.strip()])
        numbers = [re.sub(r"\s", "", p.strip().splitlines()[-1]) for p in pages if p.strip()]
        assert numbers == [f"{n}/{count}" for n in range(1, count + 1)]


def test_without_chromium_it_says_how_to_get_it_and_writes_nothing(
    answers: Path, tmp_path: Path
) -> None:
    out = tmp_path / "kiosk.pdf"
    result = run_cli(
        "report", str(answers), "-o", str(out), env={"SMREADINESS_CHROMIUM": "no-such-browser"}
    )
    assert result.code == 1
    assert "PDF needs Chromium" in result.err and "apt install chromium" in result.err
    assert not out.exists()


def test_a_pdf_asked_for_without_a_file_is_not_written_into_a_pipe_by_accident(
    answers: Path,
) -> None:
    # Piped: the bytes go to the pipe (a script asked for them); on a terminal it refuses.
    result = run_cli(
        "report", str(answers), "--format", "pdf", env={"SMREADINESS_CHROMIUM": "no-such-browser"}
    )
    assert result.code == 1 and "PDF needs Chromium" in result.err
