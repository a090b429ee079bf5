"""Every directory the app uses, in one place. Nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "smreadiness"
DATA_DIR_ENV = "SMREADINESS_DATA_DIR"
CONFIG_DIR_ENV = "SMREADINESS_CONFIG_DIR"
CACHE_DIR_ENV = "SMREADINESS_CACHE_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def user_path(text: str) -> Path:
    """A path the user typed, ``~`` expanded; ``~nobody/x`` (no such user) stays as typed."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        return Path(text)


def exists(path: Path) -> bool:
    """Whether anything is there; False also when the name is too long or a folder on the way
    cannot be searched (the reader then says why)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


RESPONDENT_ENV = "SMREADINESS_RESPONDENT_OF"
"""Set by ``workshop serve`` for each browser's app: the folder of the workshop it answers for."""


def data_dir() -> Path:
    """Where saved assessments live: ``SMREADINESS_DATA_DIR`` or the platform's user data dir."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return user_path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Where the small settings file (theme, language) lives."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return user_path(override)
    if os.environ.get(DATA_DIR_ENV):
        # A workshop room, a portable folder or a test run keeps its settings beside its data:
        # choosing a theme there never rewrites the user's own settings.
        return data_dir() / ".settings"
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Where validated question banks are cached; safe to delete at any time."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return user_path(override)
    if os.environ.get(DATA_DIR_ENV):
        # A portable or test data dir keeps its cache beside it, not in the user's home.
        return data_dir() / ".cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


DOCUMENTS_DIR_ENV = "SMREADINESS_DOCUMENTS_DIR"


def documents_dir() -> Path:
    """Where the app suggests saving reports: ``SMREADINESS_DOCUMENTS_DIR``, else the user's
    documents folder when there is one, else the downloads folder, else the working folder."""
    override = os.environ.get(DOCUMENTS_DIR_ENV)
    if override:
        return user_path(override)
    from platformdirs import user_documents_path, user_downloads_path

    for folder in (user_documents_path(), user_downloads_path()):
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue
    return Path.cwd()


def bundled_banks_dir() -> Path:
    """The bundled question banks: inside the wheel, or ``questions/`` in a source checkout."""
    inside = _PACKAGE_DIR / "questions"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / "questions"
