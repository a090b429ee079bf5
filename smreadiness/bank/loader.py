"""Finding and loading banks, with a cache of validated banks keyed by their content."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from smreadiness import __version__
from smreadiness.bank.model import Bank, build_bank
from smreadiness.files import StoreError
from smreadiness.paths import bundled_banks_dir, cache_dir
from smreadiness.problems import Problem, ProblemsError

DEFAULT_BANK = "readiness"
_CACHE_FORMAT = "1"


def bundled_bank_ids() -> list[str]:
    """Ids of the bundled banks (one file each; translations are ``ID.LANG.toml``)."""
    folder = bundled_banks_dir()
    return sorted({p.name.split(".")[0] for p in folder.glob("*.toml")})


def resolve_bank(spec: str | None = None, language: str | None = None) -> Path:
    """The bank file for a path or bundled id (default: the readiness bank)."""
    wanted = spec or DEFAULT_BANK
    candidate = Path(wanted).expanduser()
    if candidate.suffix == ".toml" or "/" in wanted or candidate.exists():
        if not candidate.exists():
            raise ProblemsError([Problem(wanted, "no such bank file")])
        return candidate
    folder = bundled_banks_dir()
    if language:
        translated = folder / f"{wanted}.{language}.toml"
        if translated.is_file():
            return translated
    plain = folder / f"{wanted}.toml"
    if plain.is_file():
        return plain
    known = ", ".join(bundled_bank_ids()) or "none"
    raise ProblemsError(
        [Problem(wanted, f"no such bank; give a path to a .toml file or one of: {known}")]
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ProblemsError([Problem(str(path), "is a directory, not a bank file")]) from None
    except FileNotFoundError:
        raise ProblemsError([Problem(str(path), "no such bank file")]) from None
    except OSError as error:
        raise ProblemsError([Problem(str(path), f"cannot be read: {error.strerror}")]) from None


def load_bank(spec: str | Path | None = None, language: str | None = None) -> Bank:
    """Load and validate a bank; raises :class:`ProblemsError` listing every problem.

    A bank that validated once is cached as plain JSON under its content hash, so later loads
    skip pydantic entirely (this keeps ``score`` and ``list`` quick).
    """
    path = spec if isinstance(spec, Path) else resolve_bank(spec, language)
    raw = _read(path)
    # Content checksum and size, not a cryptographic hash: the cache only guards against
    # re-validating an unchanged bank, and _hashlib alone costs scoring several percent.
    key = f"{zlib.crc32(raw):08x}-{len(raw)}-{__version__}-{_CACHE_FORMAT}"
    cached = _cache_path(key)
    if cached is not None:
        try:
            return build_bank(json.loads(cached.read_text("utf-8")), str(path))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or stale cache: validate afresh
    from smreadiness.bank.validate import validate_bank_bytes

    report = validate_bank_bytes(raw, str(path))
    if report.bank is None or report.data is None:
        raise ProblemsError(report.problems)
    if cached is not None:
        _write_cache(cached, report.data)
    return report.bank


def _cache_path(key: str) -> Path | None:
    try:
        return cache_dir() / "banks" / f"{key}.json"
    except Exception:  # noqa: BLE001 - no cache dir on this platform: run without one
        return None


def _write_cache(target: Path, data: object) -> None:
    """Best effort: a cache that cannot be written only costs speed."""
    from smreadiness.files import atomic_write

    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(target, json.dumps(data).encode("utf-8"))
    except (OSError, StoreError):
        pass
