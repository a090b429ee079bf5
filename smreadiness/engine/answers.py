"""Checking raw answers (from TOML or the TUI) against a bank."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from typing import NamedTuple

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.kinds import KINDS
from smreadiness.bank.kinds.values import HUGE as _HUGE
from smreadiness.bank.model import DONT_KNOW, Bank, Question
from smreadiness.i18n import _


class AnswerProblem(NamedTuple):
    """One answer that cannot be used, with the key it sits under."""

    question: str
    message: str


def check_answer(question: Question, value: object) -> tuple[Scalar | None, str | None]:
    """The clean answer, or an error saying what is expected. Blank text is no answer;
    ``"?"`` is "don't know", for any kind of question."""
    if value == DONT_KNOW:
        return DONT_KNOW, None
    return KINDS[question.kind].check(question, value)


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
        return isinstance(value, int | float) and float(text.strip().replace(",", ".")) != value
    except (TypeError, ValueError):
        return False
