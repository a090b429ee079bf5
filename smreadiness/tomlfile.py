"""Reading TOML the user gave us: every failure becomes a :class:`Problem`, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from smreadiness.i18n import _
from smreadiness.problems import Problem, ProblemsError

MAX_FILE_BYTES = 8 * 1024 * 1024
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_limited(
    path: Path, label: str | None = None, directory: str = "", missing: str = ""
) -> bytes:
    """A regular file's bytes, at most :data:`MAX_FILE_BYTES`; else :class:`ProblemsError`.

    Devices and pipes (``/dev/zero``) are refused rather than read without end. ``directory``
    is the message for a directory given where a file belongs, ``missing`` for no file.
    """
    name = label or str(path)
    try:
        if path.is_dir():
            message = directory or _("is a directory, not a TOML file")
            raise ProblemsError([Problem(name, message)])
        if not path.exists():
            raise FileNotFoundError
        if not path.is_file():
            raise ProblemsError([Problem(name, _("is not a regular file"))])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            size = f"{path.stat().st_size:,}"
            message = _("is {size} bytes; at most {limit} MiB read").format(size=size, limit=limit)
            raise ProblemsError([Problem(name, message)])
    except FileNotFoundError:
        raise ProblemsError([Problem(name, missing or _("no such file"))]) from None
    except PermissionError:
        raise ProblemsError([Problem(name, _("cannot be read: permission denied"))]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        message = _("cannot be read: {reason}").format(reason=reason)
        raise ProblemsError([Problem(name, message)]) from None
    return raw


def read_toml(path: Path, label: str | None = None) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; returns the data and its text, or raises :class:`ProblemsError`."""
    name = label or str(path)
    return parse_toml(read_limited(path, name), name)


MAX_NESTING = 32
"""Tables and lists nested deeper than this are refused: no file of ours nests past four, and
deeper ones would exhaust the recursion of whatever walks them (writing TOML back, JSON)."""

_WIDE_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 text (with a byte-order mark, or ASCII with a zero byte between)."""
    for mark, encoding in _WIDE_ENCODINGS:
        if raw.startswith(mark):
            return encoding
    head = raw[:64]
    if len(head) >= 8:
        if head[1::2].count(0) == len(head[1::2]) or head[0::2].count(0) == len(head[0::2]):
            if head[2::4].count(0) == len(head[2::4]) and head[1::4].count(0) == len(head[1::4]):
                return "UTF-32"
            return "UTF-16"
    return None


def nesting_depth(data: object) -> int:
    """How deep tables and lists nest (without recursion: the data may nest thousands deep)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = list(item)
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_NESTING:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_toml(raw: bytes, name: str) -> tuple[dict[str, Any], str]:
    encoding = _wide_encoding(raw)
    if encoding is not None:
        message = _("is {encoding} text; save it as UTF-8").format(encoding=encoding)
        raise ProblemsError([Problem(name, message)])
    if b"\x00" in raw:
        raise ProblemsError([Problem(name, _("is a binary file, not TOML text"))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark some editors write: harmless, so ignored
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        message = _("is not UTF-8 text (byte {byte}); save it as UTF-8").format(byte=error.start)
        raise ProblemsError([Problem(name, message)]) from None
    if not text.strip():
        raise ProblemsError([Problem(name, _("is empty"))])
    import tomllib  # here: listing saved files from their cache needs no TOML parser

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _AT_LINE.search(message)
        line = int(match.group(1)) if match else None
        message = _AT_LINE.sub("", message).strip()
        if match:
            message = f"{message} (column {match.group(2)})"
        problem = _("TOML syntax error: {message}").format(message=message)
        raise ProblemsError([Problem(name, problem, line=line)]) from None
    except (ValueError, RecursionError):
        # tomllib gives up on integers of thousands of digits and on nesting thousands deep.
        problem = _("holds a number too long or tables nested too deep to be an assessment")
        raise ProblemsError([Problem(name, problem)]) from None
    if nesting_depth(data) > MAX_NESTING:
        problem = _("nests tables or lists more than {limit} deep").format(limit=MAX_NESTING)
        raise ProblemsError([Problem(name, problem)])
    return data, text




def _header(line: str) -> tuple[str, str] | None:
    """``("[[", "questions.options")`` for a table header line, else None.

    Plain string work, not a regular expression: a line of ``[`` and 100,000 spaces made the
    old pattern backtrack for minutes.
    """
    stripped = line.strip()
    if not stripped.startswith("["):
        return None
    double = stripped.startswith("[[")
    close = stripped.find("]")
    if close == -1:
        return None
    name = stripped[2 if double else 1 : close].strip()
    rest = stripped[close + (2 if double else 1) :].strip()
    if not name or (rest and not rest.startswith("#")):
        return None
    return ("[[" if double else "["), name
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")


class Locator:
    """Best-effort line numbers for keys of a parsed TOML document (``questions[3].options``)."""

    def __init__(self, text: str) -> None:
        self.tables: dict[tuple[str | int, ...], int] = {}
        self.keys: dict[tuple[str | int, ...], int] = {}
        counters: dict[tuple[str | int, ...], int] = {}
        current: tuple[str | int, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _header(line)
            if header:
                parts = [p.strip().strip("\"'") for p in header[1].split(".")]
                path: list[str | int] = []
                for depth, part in enumerate(parts):
                    path.append(part)
                    last = depth == len(parts) - 1
                    prefix = tuple(path)
                    if last and header[0] == "[[":
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
