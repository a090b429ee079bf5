"""Finding and loading banks, with a cache of validated banks keyed by their content."""

from __future__ import annotations

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
from smreadiness.cachefile import digest, read_cache, write_cache
from smreadiness.i18n import _
from smreadiness.paths import cache_dir
from smreadiness.problems import ProblemsError
from smreadiness.tomlfile import read_limited

_CACHE_FORMAT = "6"  # 6: multi questions, grids


def read_bank_file(path: Path) -> bytes:
    """A bank file's bytes (bounded, regular files only), or :class:`ProblemsError`."""
    return read_limited(
        path,
        directory=_("is a directory, not a bank file"),
        missing=_("no such bank file"),
    )


def _key(*parts: bytes) -> str:
    return f"{digest(*parts)}-{__version__}-{_CACHE_FORMAT}"


def _cached(key: str) -> tuple[Path | None, dict[str, Any] | None]:
    cached = _cache_path(key)
    if cached is None:
        return None, None
    data = read_cache(cached)
    return cached, data if isinstance(data, dict) else None


def _from_cache(data: dict[str, Any], path: Path) -> Bank | None:
    """The bank built from cached data, or None when the data is damaged or of another layout."""
    try:
        return build_bank(data, str(path))
    except Exception:  # noqa: BLE001 - any damage to a cache is a miss, never an error
        return None


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
    extra = read_bank_file(translated) if translated is not None and _is_file(translated) else None
    key = _key(raw) if extra is None else _key(raw, extra)
    cached, data = _cached(key)
    if data is not None:
        bank = _from_cache(data, path)
        if bank is not None:
            return bank
    data = validated_data(path, raw)
    if extra is not None and translated is not None and data.get("language") != language:
        data = translated_data(data, translated, extra)
    if cached is not None:
        write_cache(cached, data)
    return build_bank(data, str(path))


def validated_data(path: Path, raw: bytes) -> dict[str, Any]:
    """The base bank's plain data after full validation (cached on its own key)."""
    cached, data = _cached(_key(raw))
    if data is not None and _from_cache(data, path) is not None:
        return data
    from smreadiness.bank.validate import validate_bank_bytes

    report = validate_bank_bytes(raw, str(path))
    if report.bank is None or report.data is None:
        raise ProblemsError(report.problems)
    if cached is not None:
        write_cache(cached, report.data)
    return report.data


def translated_data(base: dict[str, Any], path: Path, raw: bytes) -> dict[str, Any]:
    """The base data with a translation's texts applied; its schema errors are raised."""
    from smreadiness.bank.translation import apply_translation
    from smreadiness.bank.validate import parse_translation

    spec = parse_translation(raw, str(path))
    return apply_translation(base, spec)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, a folder that cannot be searched
        return False


def _cache_path(key: str) -> Path | None:
    try:
        return cache_dir() / "banks" / f"{key}.json"
    except Exception:  # noqa: BLE001 - no cache dir on this platform: run without one
        return None
