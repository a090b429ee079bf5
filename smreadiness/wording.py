"""Human words for the engine's values, shared by every report format and the TUI."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from smreadiness.i18n import N_, _

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar
    from smreadiness.bank.model import Bank, Question

VERDICT_WORDS = {"go": N_("GO"), "not_yet": N_("NOT YET"), "no_go": N_("NO-GO")}
VERDICT_MEANING = {
    "go": N_("Ready now: start with the plan below."),
    "not_yet": N_("It can work, but fix these first."),
    "no_go": N_("Not right for you now."),
}
"""The app's plain words, for a bank that names no verdicts of its own (``[verdicts]``)."""
VERDICT_STYLE = {"go": "bold green", "not_yet": "bold yellow", "no_go": "bold red"}
KIND_WORDS = {
    "knockout": N_("knock-out"),
    "blocker": N_("fix first"),
    "caution": N_("watch"),
    "strength": N_("strength"),
}
SECTION_HEADINGS = {
    "knockout": N_("Why not now"),
    "blocker": N_("Fix these first"),
    "caution": N_("Watch"),
    "strength": N_("Strengths"),
}


def verdict_word(verdict: str, bank: Bank | None = None) -> str:
    """The verdict as a word: the bank's own (``[verdicts.go] label``), else GO, NOT YET or
    NO-GO in the interface language."""
    words = bank.verdicts.get(verdict) if bank is not None else None
    if words is not None:
        return words.label
    return _(VERDICT_WORDS[verdict]) if verdict in VERDICT_WORDS else verdict


def verdict_meaning(verdict: str, blockers: int | None = None, bank: Bank | None = None) -> str:
    """What the verdict means, in the bank's words when it has them; "fix this first" when
    exactly one thing is to be fixed."""
    words = bank.verdicts.get(verdict) if bank is not None else None
    if words is not None:
        return words.summary_one if blockers == 1 and words.summary_one else words.summary
    if verdict == "not_yet" and blockers == 1:
        return _("It can work, but fix this first.")
    return _(VERDICT_MEANING[verdict]) if verdict in VERDICT_MEANING else verdict


def bank_question(bank: Bank) -> str:
    """The question the bank answers (its ``asks``), else its title."""
    return bank.asks or bank.title


def kind_word(kind: str) -> str:
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def section_heading(kind: str, verdict: str, count: int = 2) -> str:
    """The heading of one kind of reason; after a no-go the cautions are the weakest areas.
    ``count`` is how many reasons the heading stands over (one blocker: "Fix this first")."""
    if kind == "caution" and verdict == "no_go":
        return _("Also weak")
    if kind == "blocker" and count == 1:
        return _("Fix this first")
    return _(SECTION_HEADINGS[kind]) if kind in SECTION_HEADINGS else kind


def source_title(bank: Bank, source_id: str) -> str:
    """A source as a reader knows it: by its title, not by its id."""
    source = next((s for s in bank.sources if s.id == source_id), None)
    return source.title if source else source_id


def answer_label(bank: Bank, question_id: str, value: Scalar | None) -> str:
    """How an answer reads: the option's label, the number with its unit, or the text."""
    if value is None:
        return _("unanswered")
    if value == "?":
        return _("Don't know")
    question = bank.question(question_id)
    if question is None:
        return str(value)
    from smreadiness.bank.kinds import KINDS

    return KINDS[question.kind].label(question, value)


def range_text(worst: str, best: str, bank: Bank | None = None) -> str:
    if worst == best:
        return _("already decided: {verdict}").format(verdict=verdict_word(worst, bank))
    return _("still open: {worst} to {best}").format(
        worst=verdict_word(worst, bank), best=verdict_word(best, bank)
    )


def open_verdict_text(worst: str, best: str, bank: Bank | None = None) -> str:
    """A partial assessment's verdict as every list shows it: "open: NO-GO to GO", or
    "NOT YET (decided)" when no open answer can change it."""
    if worst == best:
        return _("{verdict} (decided)").format(verdict=verdict_word(worst, bank))
    return _("open: {worst} to {best}").format(
        worst=verdict_word(worst, bank), best=verdict_word(best, bank)
    )


def plain_number(value: float | None) -> str:
    """``4`` for 4.0, ``2.5`` as it is, empty for None (as typed into a number field)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def describe_range(question: Question) -> str:
    """``A whole number from 0 to 168 (h/week)``."""
    low, high = plain_number(question.min), plain_number(question.max)
    whole = question.integer
    if low and high:
        text = (
            _("A whole number from {low} to {high}")
            if whole
            else _("A number from {low} to {high}")
        )
    elif low:
        text = _("A whole number of at least {low}") if whole else _("A number of at least {low}")
    elif high:
        text = _("A whole number of at most {high}") if whole else _("A number of at most {high}")
    else:
        text = _("A whole number") if whole else _("A number")
    unit = f" ({question.unit})" if question.unit else ""
    return text.format(low=low, high=high) + unit + ". " + _("Enter saves it and moves on.")


def blocker_count(kinds: Iterable[str]) -> int:
    """How many of the reasons are things to fix first."""
    return sum(1 for kind in kinds if kind == "blocker")
