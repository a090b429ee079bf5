"""Finding and loading banks, with a cache of validated banks keyed by their content."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from smreadiness import __version__
from smreadiness.bank.locate import DEFAULT_BANK as DEFAULT_BANK
from smreadiness.bank.locate import bank_reference as bank_reference
from smreadiness.bank.locate import bundled_bank_ids as bundled_bank_ids
from smreadiness.bank.locate import resolve_bank as resolve_bank
from smreadiness.bank.locate import translation_path as translation_path
from smreadiness.bank.locate import translations_of as translations_of
from smreadiness.bank.model import Bank, build_bank
from smreadiness.files import StoreError
from smreadiness.i18n import _
from smreadiness.paths import cache_dir
from smreadiness.problems import ProblemsError
from smreadiness.tomlfile import read_limited

_CACHE_FORMAT = "2"


def read_bank_file(path: Path) -> bytes:
    """A bank file's bytes (bounded, regular files only), or :class:`ProblemsError`."""
    return read_limited(
        path,
        directory=_("is a directory, not a bank file"),
        missing=_("no such bank file"),
    )


def _key(*parts: bytes) -> str:
    # Content checksum and size, not a cryptographic hash: the cache only guards against
    # re-validating an unchanged bank, and _hashlib alone costs scoring several percent.
    sums = "-".join(f"{zlib.crc32(raw):08x}{len(raw):x}" for raw in parts)
    return f"{sums}-{__version__}-{_CACHE_FORMAT}"


def _cached(key: str) -> tuple[Path | None, dict[str, Any] | None]:
    cached = _cache_path(key)
    if cached is None:
        return None, None
    try:
        data = json.loads(cached.read_text("utf-8"))
    except (OSError, ValueError):
        return cached, None  # missing or damaged: validate afresh
    return cached, data if isinstance(data, dict) else None


def load_bank(spec: str | Path | None = None, language: str | None = None) -> Bank:
    """Load and validate a bank, in ``language`` where a translation exists beside it.

    Raises :class:`ProblemsError` listing every problem. A bank that validated once is cached
    as plain JSON under its checksum, so later loads skip pydantic entirely (this keeps
    ``score`` and ``list`` quick). A translation missing some texts falls back to the base
    language for those; ``questions validate`` reports them.
    """
    path = spec if isinstance(spec, Path) else resolve_bank(spec, language)
    raw = read_bank_file(path)
    translated = translation_path(path, language) if language else None
    extra = read_bank_file(translated) if translated is not None and translated.is_file() else None
    key = _key(raw) if extra is None else _key(raw, extra)
    cached, data = _cached(key)
    if data is not None:
        try:
            return build_bank(data, str(path))
        except (KeyError, TypeError, ValueError):
            pass  # a stale cache layout: validate afresh
    data = validated_data(path, raw)
    if extra is not None and translated is not None and data.get("language") != language:
        data = translated_data(data, translated, extra)
    if cached is not None:
        _write_cache(cached, data)
    return build_bank(data, str(path))


def validated_data(path: Path, raw: bytes) -> dict[str, Any]:
    """The base bank's plain data after full validation (cached on its own key)."""
    cached, data = _cached(_key(raw))
    if data is not None:
        return data
    from smreadiness.bank.validate import validate_bank_bytes

    report = validate_bank_bytes(raw, str(path))
    if report.bank is None or report.data is None:
        raise ProblemsError(report.problems)
    if cached is not None:
        _write_cache(cached, report.data)
    return report.data


def translated_data(base: dict[str, Any], path: Path, raw: bytes) -> dict[str, Any]:
    """The base data with a translation's texts applied; its schema errors are raised."""
    from smreadiness.bank.translation import apply_translation
    from smreadiness.bank.validate import parse_translation

    spec = parse_translation(raw, str(path))
    return apply_translation(base, spec)


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
