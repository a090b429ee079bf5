"""Answers in words for error messages: what was given, and what is expected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smreadiness.i18n import _

if TYPE_CHECKING:
    from smreadiness.bank.model import Question

HUGE = 10**40
"""Past this, a number is described, not printed."""


def digits(value: int) -> int:
    """Digits of a huge integer, without ``str()`` (refused past 4,300 digits)."""
    return int(abs(value).bit_length() * 0.30103) + 1


def describe_value(value: object) -> str:
    """What was given, in a few words: ``text 'high'``, ``number 3``, ``a list``."""
    if isinstance(value, bool):
        return _("true/false ({value})").format(value=str(value).lower())
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("text {value}").format(value=repr(shown))
    if isinstance(value, int) and abs(value) > HUGE:
        return _("a number of {digits} digits").format(digits=digits(value))
    if isinstance(value, int | float):
        return _("number {value}").format(value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__


def short_number(value: float) -> str:
    """A number as typed when short; ``1e+308`` rather than its 309 digits."""
    return str(value) if isinstance(value, int) or abs(value) < 1e15 else f"{value:.6g}"


def describe_range(question: Question) -> str:
    """``1 to 40``, ``at least 0``, ``at most 100``."""

    def fmt(x: float | None) -> str:
        return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))

    if question.min is not None and question.max is not None:
        return _("{low} to {high}").format(low=fmt(question.min), high=fmt(question.max))
    if question.min is not None:
        return _("at least {low}").format(low=fmt(question.min))
    return _("at most {high}").format(high=fmt(question.max))
