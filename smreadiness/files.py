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
    """Create a directory the app owns, and every missing parent, owner-only (0700).

    ``Path.mkdir(parents=True, mode=...)`` gives the parents the umask's mode instead, so each
    missing level is made here, top down.
    """
    if path.is_dir():
        return
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for folder in reversed(missing):
            try:
                folder.mkdir(mode=0o700)
            except FileExistsError:
                if not folder.is_dir():
                    raise
                continue  # made by another process just now: leave its mode alone
            folder.chmod(0o700)  # the umask may have taken bits off
        if not path.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(path))
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
        # Never through a link: a planted .lock -> elsewhere must not create files there.
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
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


def write_output(spec: str, data: bytes, mode: int = 0o600) -> Path | None:  # noqa: C901 - one branch per kind of target (stdout, FIFO, device, file)
    """Write ``-o OUT`` as the interface promises; returns the path written (None for stdout).

    ``-`` is standard output; an existing FIFO or character device is written through (never
    replaced by a regular file); anything else is written atomically, so a failed write (a full
    disk, ``/dev/full``) leaves no partial file. Every failure is a :class:`StoreError`.
    """
    import stat
    import sys

    if spec == "-":
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except OSError as error:
            raise describe_os_error(error, Path("-"), _("write the output")) from None
        return None
    from smreadiness.paths import user_path

    if spec.endswith(("/", os.sep)):
        raise StoreError(f"{spec}: " + _("ends with a slash; give a file name"))
    path = user_path(spec)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise describe_os_error(error, path, _("write the output")) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path}: " + _("is a directory; give a file name"))
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        _write_through(path, data)
        return path
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path}: " + _("is not a regular file; give a file name"))
    if info is not None and path.is_symlink():
        path = path.resolve()  # replace the file the link points to, not the link
    if info is not None and not os.access(path, os.W_OK):
        raise StoreError(f"{path}: " + _("is read-only; not replaced"))
    atomic_write(path, data, mode)
    return path


def _write_through(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError as error:
        raise describe_os_error(error, path, _("write the output")) from None
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as error:
        raise describe_os_error(error, path, _("write the output")) from None
    finally:
        os.close(fd)
