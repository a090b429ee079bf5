"""Cache files: a format line with a content hash, then JSON. Damage of any kind is a miss.

Caches only save time; the TOML files are the truth. So a cache that is empty, truncated,
edited, of another format, nested absurdly deep or holding text that cannot be printed is
ignored (and rebuilt by its owner), never an error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

try:  # the BLAKE2 module alone: hashlib would also load OpenSSL (~2.5 ms on every `score`)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

FORMAT = b"smreadiness-cache/2"


def digest(*parts: bytes) -> str:
    """A content hash of ``parts`` (BLAKE2b, 160 bits), for cache keys and checks."""
    hasher = blake2b(digest_size=20)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()


def read_cache(path: Path) -> Any | None:
    """The cached document, or None when it is missing or damaged in any way."""
    raw = _read_regular(path)
    if raw is None:
        return None
    header, newline, payload = raw.partition(b"\n")
    if not newline or header != FORMAT + b" " + digest(payload).encode():
        return None
    try:
        return json.loads(payload.decode("utf-8"))
    except (ValueError, RecursionError):
        return None


MAX_CACHE_BYTES = 64 * 1024 * 1024


def _read_regular(path: Path) -> bytes | None:
    """A regular file's bytes, never following a link and never waiting on a FIFO or device
    (a shared workshop folder must not be able to hang or flood whoever lists it)."""
    import os
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_CACHE_BYTES + 1)
        return raw if len(raw) <= MAX_CACHE_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def write_cache(path: Path, document: object) -> None:
    """Best effort: a cache that cannot be written only costs speed."""
    from smreadiness.files import StoreError, atomic_write, ensure_dir

    try:
        payload = json.dumps(document, ensure_ascii=True).encode("ascii")
        ensure_dir(path.parent)
        atomic_write(path, FORMAT + b" " + digest(payload).encode() + b"\n" + payload)
    except (OSError, StoreError, ValueError, TypeError, RecursionError):
        pass


def printable(text: object) -> bool:
    """Text that can be written out (no lone surrogates from a ``\\ud800`` escape)."""
    if not isinstance(text, str):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
