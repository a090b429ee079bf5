"""Fixtures of the bad-input suite: the CLI as users run it, never allowed a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from badinput_support import assert_no_traceback


@pytest.fixture
def run(cli: Callable[..., Any]) -> Callable[..., Any]:
    """``run(*args)``: the CLI in a subprocess (no terminal, no stdin), checked for tracebacks."""

    def go(*args: str, **kwargs: Any) -> Any:
        result = cli(*args, **kwargs)
        assert_no_traceback(result)
        return result

    return go
