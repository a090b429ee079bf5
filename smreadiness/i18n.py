"""Interface language: gettext catalogs (made with Babel) and Babel's date and number formats.

Catalogs live in ``smreadiness/locale/LANG/LC_MESSAGES/smreadiness.po`` and are compiled to
``.mo`` beside them (``make catalogs``). Strings are marked with ``_()`` where they are used,
and with ``N_()`` where they are defined before a language is chosen.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

LANGUAGES = ("en", "fi", "sv")
DOMAIN = "smreadiness"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_catalog: gettext.NullTranslations | None = None
"""None for English, the language of the source strings (gettext is then not even imported)."""
_language = "en"


def set_language(language: str) -> None:
    """Use ``language`` for every interface string from now on (unknown codes give English)."""
    global _catalog, _language
    _language = language if language in LANGUAGES else "en"
    if _language == "en":
        _catalog = None
        return
    import gettext

    _catalog = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[_language], fallback=True
    )


def language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the current language."""
    return message if _catalog is None else _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message in the current language, for ``count``."""
    if _catalog is None:
        return singular if count == 1 else plural
    return _catalog.ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a message for extraction; translate it later with ``_()``."""
    return message


_DEFAULT_REGION = {"en": "GB", "fi": "FI", "sv": "SE"}
"""Where no locale names a region for the language: English dates are then written the
British way (3 Dec 2026), not the US way, which only an ``en_US`` locale asks for."""


def date_locale() -> str:
    """The Babel locale for dates: the language with the region of ``LC_ALL``/``LC_TIME``/
    ``LANG`` (``en`` with ``fi_FI`` writes ``3.12.2026``; ``en_US`` keeps the US style)."""
    import os

    from babel import Locale, UnknownLocaleError

    region = ""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0]
            if "_" in code:
                region = code.split("_", 1)[1].upper()
            break
    default = _DEFAULT_REGION.get(_language, "")
    for candidate in (f"{_language}_{region}", f"{_language}_{default}"):
        if candidate.endswith("_"):
            continue
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
        return candidate
    return _language


def format_date(moment: datetime, style: str = "medium") -> str:
    """A date as the current language and region write it (``3.12.2026`` in Finnish,
    ``3 Dec 2026`` in English unless the locale is US English)."""
    from babel.dates import format_date as babel_date

    return str(babel_date(moment, format=style, locale=date_locale()))


def format_datetime(moment: datetime, style: str = "short") -> str:
    from babel.dates import format_datetime as babel_datetime

    return str(babel_datetime(moment, format=style, locale=date_locale()))


def format_number(value: float) -> str:
    """A number with the language's decimal sign and grouping (``1 234,5`` in Finnish)."""
    if float(value).is_integer() and abs(value) < 1000:
        # Written alike in every language shipped; skips loading Babel's locale data (~30 ms,
        # paid by the first screen that shows an answer such as "12 people").
        return str(int(value))
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_language))
