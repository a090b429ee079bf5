"""Atomic writes and an inter-process lock: a killed process never leaves a torn file.

Shared by the store (assessments), the bank cache and report output.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from smreadiness.i18n import _


class StoreError(Exception):
    """A file-system problem, phrased for the user: which path, and why."""


def describe_os_error(error: OSError, path: Path, doing: str) -> StoreError:
    """``doing`` is a translated phrase such as "save the file"."""
    reason = error.strerror or str(error)
    return StoreError(
        f"{path}: " + _("cannot {doing}: {reason}").format(doing=doing, reason=reason)
    )


def ensure_dir(path: Path) -> None:
    """Create the data directory (owner-only) on first write."""
    if path.is_dir():
        return
    try:
        path.mkdir(parents=True, mode=0o700, exist_ok=True)
        path.chmod(0o700)
    except OSError as error:
        raise describe_os_error(error, path, _("create the directory")) from None


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write beside the target, flush and fsync, then ``os.replace`` it into place."""
    import tempfile  # only writers pay for it (with shutil and random): reading stays quick

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise describe_os_error(error, path.parent, _("write in the directory")) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise describe_os_error(error, path, _("save the file")) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the data directory's lock: one writer at a time across processes."""
    lock_path = folder / ".lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise describe_os_error(error, folder, _("write in the directory")) from None
    try:
        _lock(fd)
        yield
    finally:
        _unlock(fd)
        os.close(fd)


if os.name == "posix":
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
