"""The small settings file in the platform config directory: theme and language, remembered.

The file is shared with other settings, so keys we do not own are kept. A file that cannot be
read is left alone, never overwritten: the user is told once, and the app keeps working with
its defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smreadiness.paths import config_dir

FILE_NAME = "config.toml"
SECTION = "tui"


class SettingsError(Exception):
    """The settings file exists but cannot be read or written; the message names it."""


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def _read(path: Path) -> dict[str, Any]:
    """The settings, or {} when there are none; :class:`SettingsError` when unreadable
    (bounded like every file we read: no device, nothing over 8 MiB, nothing nested absurdly)."""
    from smreadiness.problems import ProblemsError
    from smreadiness.tomlfile import parse_toml, read_limited

    if not path.exists():
        return {}
    try:
        raw = read_limited(path)
        if not raw.strip():
            return {}
        data, _text = parse_toml(raw, str(path))
    except ProblemsError as error:
        raise SettingsError(f"{error.problems[0]}; settings not saved") from None
    return data


def load_setting(key: str) -> str | None:
    """A text setting of ``[tui]`` saved last time, or None (also when unreadable)."""
    try:
        value = _read(settings_path()).get(SECTION, {}).get(key)
    except (SettingsError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def save_setting(key: str, value: str) -> None:
    """Remember a setting; raises :class:`SettingsError` rather than clobber a damaged file."""
    import tomli_w

    from smreadiness.files import StoreError, atomic_write, ensure_dir

    path = settings_path()
    data = _read(path)
    section = data.get(SECTION)
    if not isinstance(section, dict):
        section = {}
    if section.get(key) == value:
        return
    data[SECTION] = {**section, key: value}
    try:
        ensure_dir(path.parent)
        atomic_write(path, tomli_w.dumps(data).encode("utf-8"))
    except StoreError as error:
        raise SettingsError(str(error)) from None


def load_theme() -> str | None:
    """The theme saved last time, or None (also when the file cannot be read)."""
    return load_setting("theme")


def save_theme(theme: str) -> None:
    save_setting("theme", theme)


def load_language() -> str | None:
    """The interface language chosen in the app last time (``[tui] language``), or None."""
    from smreadiness.i18n import LANGUAGES

    language = load_setting("language")
    return language if language in LANGUAGES else None


def save_language(language: str) -> None:
    save_setting("language", language)
