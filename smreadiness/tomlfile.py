"""Reading TOML the user gave us: every failure becomes a :class:`Problem`, never a traceback."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from smreadiness.problems import Problem, ProblemsError

MAX_FILE_BYTES = 8 * 1024 * 1024
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path, label: str | None = None) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; returns the data and its text, or raises :class:`ProblemsError`."""
    name = label or str(path)
    try:
        if path.is_dir():
            raise ProblemsError([Problem(name, "is a directory, not a TOML file")])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise ProblemsError([Problem(name, f"is {size:,} bytes; at most {limit} MiB read")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProblemsError([Problem(name, "no such file")]) from None
    except PermissionError:
        raise ProblemsError([Problem(name, "cannot be read: permission denied")]) from None
    except OSError as error:
        raise ProblemsError([Problem(name, f"cannot be read: {error.strerror}")]) from None
    return parse_toml(raw, name)


def parse_toml(raw: bytes, name: str) -> tuple[dict[str, Any], str]:
    if b"\x00" in raw:
        raise ProblemsError([Problem(name, "is a binary file, not TOML text")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemsError(
            [Problem(name, f"is not UTF-8 text (byte {error.start}); save it as UTF-8")]
        ) from None
    if not text.strip():
        raise ProblemsError([Problem(name, "is empty")])
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _AT_LINE.search(message)
        line = int(match.group(1)) if match else None
        message = _AT_LINE.sub("", message).strip()
        if match:
            message = f"{message} (column {match.group(2)})"
        raise ProblemsError([Problem(name, f"TOML syntax error: {message}", line=line)]) from None


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")


class Locator:
    """Best-effort line numbers for keys of a parsed TOML document (``questions[3].options``)."""

    def __init__(self, text: str) -> None:
        self.tables: dict[tuple[str | int, ...], int] = {}
        self.keys: dict[tuple[str | int, ...], int] = {}
        counters: dict[tuple[str | int, ...], int] = {}
        current: tuple[str | int, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                parts = [p.strip().strip("\"'") for p in header.group(2).split(".")]
                path: list[str | int] = []
                for depth, part in enumerate(parts):
                    path.append(part)
                    last = depth == len(parts) - 1
                    prefix = tuple(path)
                    if last and header.group(1) == "[[":
                        counters[prefix] = counters.get(prefix, -1) + 1
                        path.append(counters[prefix])
                    elif not last and prefix in counters:
                        path.append(counters[prefix])
                current = tuple(path)
                self.tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                name = key.group(1).strip("\"'")
                self.keys.setdefault((*current, name), number)

    def line(self, path: tuple[str | int, ...]) -> int | None:
        """The line of a key, else of the nearest enclosing table that has one."""
        probe = tuple(path)
        while probe:
            if probe in self.keys:
                return self.keys[probe]
            if probe in self.tables:
                return self.tables[probe]
            probe = probe[:-1]
        return None


def dotted(path: tuple[str | int, ...]) -> str:
    """``('questions', 3, 'id')`` as ``questions[3].id``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
