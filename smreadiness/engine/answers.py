"""Checking raw answers (from TOML or the TUI) against a bank."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from typing import NamedTuple

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import DONT_KNOW, Bank, Question
from smreadiness.i18n import _


class AnswerProblem(NamedTuple):
    """One answer that cannot be used, with the key it sits under."""

    question: str
    message: str


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return _("true/false ({value})").format(value=str(value).lower())
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("text {value}").format(value=repr(shown))
    if isinstance(value, int) and abs(value) > _HUGE:
        return _("a number of {digits} digits").format(digits=_digits(value))
    if isinstance(value, int | float):
        return _("number {value}").format(value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__


_HUGE = 10**40  # past this, a number is described, not printed


def _short(value: float) -> str:
    """A number as typed when short; ``1e+308`` rather than its 309 digits."""
    return str(value) if isinstance(value, int) or abs(value) < 1e15 else f"{value:.6g}"


def _digits(value: int) -> int:
    """Digits of a huge integer, without ``str()`` (refused past 4,300 digits)."""
    return int(abs(value).bit_length() * 0.30103) + 1


def check_answer(question: Question, value: object) -> tuple[Scalar | None, str | None]:
    """The clean answer, or an error saying what is expected. Blank text is no answer;
    ``"?"`` is "don't know", for any kind of question."""
    if value == DONT_KNOW:
        return DONT_KNOW, None
    if question.kind == "choice":
        allowed = ", ".join(o.value for o in question.options)
        if not isinstance(value, str):
            return None, _("expected one of {allowed}; got {value}").format(
                allowed=allowed, value=_describe(value)
            )
        if question.option(value) is None:
            return None, _("{value} is not an option; expected one of {allowed}").format(
                value=repr(value), allowed=allowed
            )
        return value, None
    if question.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, _("expected a number; got {value}").format(value=_describe(value))
        if isinstance(value, int) and abs(value) > _HUGE:
            return None, _("{value} is out of range; expected {range}").format(
                value=_describe(value), range=_range(question)
            )
        if isinstance(value, float) and not math.isfinite(value):
            return None, _("expected a finite number; got {value}").format(value=value)
        low, high = question.min, question.max
        if (low is not None and value < low) or (high is not None and value > high):
            return None, _("{value} is out of range; expected {range}").format(
                value=_short(value), range=_range(question)
            )
        if question.integer:
            if isinstance(value, float) and not value.is_integer():
                return None, _("expected a whole number; got {value}").format(value=value)
            value = int(value)
        return value, None
    if not isinstance(value, str):
        return None, _("expected text; got {value}").format(value=_describe(value))
    text = value.strip()
    if not text:
        return None, None
    if question.max_length is not None and len(text) > question.max_length:
        return None, _("text is {length} characters; at most {limit} allowed").format(
            length=len(text), limit=question.max_length
        )
    return text, None


def _range(question: Question) -> str:
    def fmt(x: float | None) -> str:
        return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))

    if question.min is not None and question.max is not None:
        return _("{low} to {high}").format(low=fmt(question.min), high=fmt(question.max))
    if question.min is not None:
        return _("at least {low}").format(low=fmt(question.min))
    return _("at most {high}").format(high=fmt(question.max))


def check_answers(
    bank: Bank, raw: Mapping[str, object]
) -> tuple[dict[str, Scalar], list[AnswerProblem]]:
    """Split raw answers into usable ones and problems (unknown ids, wrong types, ranges)."""
    clean: dict[str, Scalar] = {}
    problems: list[AnswerProblem] = []
    unknown = 0
    for key, value in raw.items():
        question = bank.question(key)
        if question is None:
            # "Did you mean" for the first few only: only 50 lines are shown, and difflib on
            # each of 300,000 unknown keys took a minute.
            unknown += 1
            guessing = unknown <= 50
            hint = difflib.get_close_matches(key[:100], list(bank.by_id), n=1) if guessing else []
            tip = _("; did you mean {id}?").format(id=repr(hint[0])) if hint else ""
            message = _("unknown question {id}").format(id=repr(key)) + tip
            problems.append(AnswerProblem(key, message))
            continue
        answer, error = check_answer(question, value)
        if error is not None:
            problems.append(AnswerProblem(key, error))
        elif answer is not None:
            clean[key] = answer
    return clean, problems


def typed_number(question: Question, text: str, number: float) -> tuple[Scalar | None, str | None]:
    """A number typed into the interview, checked as an answer. Where the question takes whole
    numbers, a fraction such as 2.5 is rounded half up (to 3) rather than refused: the screens
    and line mode say so (:func:`rounded`). Answers files still need whole numbers."""
    if question.integer and math.isfinite(number) and not number.is_integer():
        number = math.floor(number + 0.5)
    if float(number).is_integer() and "e" not in text.lower() and abs(number) < _HUGE:
        return check_answer(question, int(number))
    return check_answer(question, number)


def rounded(text: str, value: Scalar) -> bool:
    """Whether ``value`` was rounded from the number typed as ``text``."""
    try:
        return float(text.strip().replace(",", ".")) != float(value)
    except (TypeError, ValueError):
        return False
