"""Fixtures for the TUI tests: isolated directories, fixed time zone, colour on for pictures."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def bank_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One validated-bank cache for the whole run: validating the bank per test is slow."""
    return tmp_path_factory.mktemp("bank-cache")


@pytest.fixture(autouse=True)
def tui_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bank_cache: Path
) -> Iterator[Path]:
    """Data and config in ``tmp_path`` (never the real home), UTC clock, colours on."""
    data = tmp_path / "data"
    monkeypatch.setenv("SMREADINESS_DATA_DIR", str(data))
    monkeypatch.setenv("SMREADINESS_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SMREADINESS_CACHE_DIR", str(bank_cache))
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setenv("SMREADINESS_DOCUMENTS_DIR", str(documents))
    # The screenshots are compared in colour; NO_COLOR has its own test.
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield data
    time.tzset()
    from smreadiness.i18n import set_language

    set_language("en")  # a test that switched language must not change the next one


@pytest.fixture
def bank() -> Any:
    from smreadiness.bank.loader import load_bank

    return load_bank()


os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
