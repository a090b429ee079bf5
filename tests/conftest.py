"""Shared fixtures: no test touches the real home directory; the CLI run as users run it."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w

ROOT = Path(__file__).resolve().parent.parent
BANK_FILE = ROOT / "questions" / "readiness.toml"
# The readiness model's dimensions, in order.
DIMENSIONS = (
    "purpose",
    "market",
    "message",
    "resources",
    "culture",
    "foundation",
    "measurement",
    "risk",
)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point data, config and cache at ``tmp_path``; colours off for stable text."""
    data = tmp_path / "data"
    monkeypatch.setenv("SMREADINESS_DATA_DIR", str(data))
    monkeypatch.setenv("SMREADINESS_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SMREADINESS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield data


@pytest.fixture(scope="session")
def bank_data() -> dict[str, Any]:
    return tomllib.loads(BANK_FILE.read_text("utf-8"))


@pytest.fixture(scope="session")
def examples(bank_data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in bank_data["examples"]}


@pytest.fixture
def bank() -> Any:
    from smreadiness.bank.loader import load_bank

    return load_bank()


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run the installed command in a subprocess, no terminal and no stdin, as CI and scripts do."""
    result = subprocess.run(
        [sys.executable, "-m", "smreadiness", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def validate_broken(bank: Path, tmp_path: Path, old: str, new: str) -> Run:
    """``questions validate`` on a copy of ``bank`` (``broken.toml``) with ``old`` replaced by
    ``new`` once; ``old`` must be there, and no traceback may show."""
    text = bank.read_text("utf-8")
    assert old in text, old
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli("questions", "validate", str(path))
    assert "Traceback" not in result.err
    return result


@pytest.fixture
def cli() -> Any:
    return run_cli


def write_toml(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def answers_file(tmp_path: Path, examples: dict[str, dict[str, Any]]) -> Any:
    """Write an example company's answers as an answers file: ``answers_file("bakery-cafe")``."""

    def make(example_id: str, **meta: Any) -> Path:
        example = examples[example_id]
        doc: dict[str, Any] = {
            "meta": {"name": example["name"], **meta},
            "answers": example["answers"],
        }
        return write_toml(tmp_path / f"{example_id}.toml", doc)

    return make


def chromium_command(binary: str, profile: Path, *extra: str) -> list[str]:
    """Headless Chromium as this machine's network allows it: no background traffic."""
    return [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *extra,
    ]
