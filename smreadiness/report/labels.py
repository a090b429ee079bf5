"""Human words for the engine's values, shared by every report format and the TUI."""

from __future__ import annotations

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Bank

VERDICT_WORDS = {"go": "GO", "not_yet": "NOT YET", "no_go": "NO-GO"}
VERDICT_MEANING = {
    "go": "Social media can work for you now: start with the plan below.",
    "not_yet": "It can work, but fix these first.",
    "no_go": "Social media is not right for your business now.",
}
VERDICT_STYLE = {"go": "bold green", "not_yet": "bold yellow", "no_go": "bold red"}
KIND_WORDS = {"knockout": "knock-out", "blocker": "fix first", "strength": "strength"}


def verdict_word(verdict: str) -> str:
    return VERDICT_WORDS.get(verdict, verdict)


def answer_label(bank: Bank, question_id: str, value: Scalar | None) -> str:
    """How an answer reads: the option's label, the number with its unit, or the text."""
    if value is None:
        return "unanswered"
    question = bank.question(question_id)
    if question is None:
        return str(value)
    if question.kind == "choice":
        option = question.option(str(value))
        return option.label if option else str(value)
    if question.kind == "number":
        shown = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        return f"{shown} {question.unit}".strip()
    return str(value)


def range_text(worst: str, best: str) -> str:
    if worst == best:
        return f"already decided: {verdict_word(worst)}"
    return f"still open: {verdict_word(worst)} to {verdict_word(best)}"
