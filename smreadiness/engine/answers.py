"""Checking raw answers (from TOML or the TUI) against a bank."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from typing import NamedTuple

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Bank, Question


class AnswerProblem(NamedTuple):
    """One answer that cannot be used, with the key it sits under."""

    question: str
    message: str


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, int | float):
        return f"number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def check_answer(question: Question, value: object) -> tuple[Scalar | None, str | None]:
    """The clean answer, or an error saying what is expected. Blank text is no answer."""
    if question.kind == "choice":
        allowed = ", ".join(o.value for o in question.options)
        if not isinstance(value, str):
            return None, f"expected one of {allowed}; got {_describe(value)}"
        if question.option(value) is None:
            return None, f"{value!r} is not an option; expected one of {allowed}"
        return value, None
    if question.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, f"expected a number; got {_describe(value)}"
        if isinstance(value, float) and not math.isfinite(value):
            return None, f"expected a finite number; got {value}"
        if question.integer:
            if isinstance(value, float) and not value.is_integer():
                return None, f"expected a whole number; got {value}"
            value = int(value)
        low, high = question.min, question.max
        if (low is not None and value < low) or (high is not None and value > high):
            return None, f"{value} is out of range; expected {_range(question)}"
        return value, None
    if not isinstance(value, str):
        return None, f"expected text; got {_describe(value)}"
    text = value.strip()
    if not text:
        return None, None
    if question.max_length is not None and len(text) > question.max_length:
        return None, f"text is {len(text)} characters; at most {question.max_length} allowed"
    return text, None


def _range(question: Question) -> str:
    def fmt(x: float | None) -> str:
        return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))

    if question.min is not None and question.max is not None:
        return f"{fmt(question.min)} to {fmt(question.max)}"
    if question.min is not None:
        return f"at least {fmt(question.min)}"
    return f"at most {fmt(question.max)}"


def check_answers(
    bank: Bank, raw: Mapping[str, object]
) -> tuple[dict[str, Scalar], list[AnswerProblem]]:
    """Split raw answers into usable ones and problems (unknown ids, wrong types, ranges)."""
    clean: dict[str, Scalar] = {}
    problems: list[AnswerProblem] = []
    for key, value in raw.items():
        question = bank.question(key)
        if question is None:
            hint = difflib.get_close_matches(key, list(bank.by_id), n=1)
            tip = f"; did you mean {hint[0]!r}?" if hint else ""
            problems.append(AnswerProblem(key, f"unknown question {key!r}{tip}"))
            continue
        answer, error = check_answer(question, value)
        if error is not None:
            problems.append(AnswerProblem(key, error))
        elif answer is not None:
            clean[key] = answer
    return clean, problems
