"""The small settings file in the platform config directory: the theme, remembered between runs.

The file is shared with other settings (e.g. the language), so keys we do not own are kept. A
file that cannot be read is left alone, never overwritten: the user is told once, and the app
keeps working with its defaults.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from smreadiness.paths import config_dir

FILE_NAME = "config.toml"


class SettingsError(Exception):
    """The settings file exists but cannot be read or written; the message names it."""


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"{path}: cannot be read ({error}); settings not saved") from None


def load_theme() -> str | None:
    """The theme saved last time, or None (also when the file cannot be read)."""
    try:
        theme = _read(settings_path()).get("tui", {}).get("theme")
    except (SettingsError, AttributeError):
        return None
    return theme if isinstance(theme, str) else None


def save_theme(theme: str) -> None:
    """Remember the theme; raises :class:`SettingsError` rather than clobber a damaged file."""
    import tomli_w

    from smreadiness.files import StoreError, atomic_write, ensure_dir

    path = settings_path()
    data = _read(path)
    section = data.get("tui")
    if not isinstance(section, dict):
        section = {}
    if section.get("theme") == theme:
        return
    data["tui"] = {**section, "theme": theme}
    try:
        ensure_dir(path.parent)
        atomic_write(path, tomli_w.dumps(data).encode("utf-8"))
    except StoreError as error:
        raise SettingsError(str(error)) from None
