"""A choice: options listed best first, each with its score; answered by an option's value.

Options with ``not_applicable = true`` ("does not apply to us") come last and are outside the
order: never the best or worst answer, never "better" than another, never scored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from smreadiness.bank.kinds import Finding, Path
from smreadiness.bank.kinds.values import describe_value
from smreadiness.i18n import _

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar
    from smreadiness.bank.model import Question
    from smreadiness.bank.schema import QuestionSpec


class Choice:
    name = "choice"

    def check(self, question: Question, value: object) -> tuple[Scalar | None, str | None]:
        allowed = ", ".join(o.value for o in question.options)
        if not isinstance(value, str):
            return None, _("expected one of {allowed}; got {value}").format(
                allowed=allowed, value=describe_value(value)
            )
        if question.option(value) is None:
            return None, _("{value} is not an option; expected one of {allowed}").format(
                value=repr(value), allowed=allowed
            )
        return value, None

    def score(self, question: Question, value: Scalar) -> int | None:
        index = question.ranks.get(str(value))
        if index is None or question.options[index].not_applicable:
            return None
        return question.options[index].score

    def best(self, question: Question) -> Scalar:
        return question.ordered[0].value

    def worst(self, question: Question) -> Scalar:
        return question.ordered[-1].value

    def better(
        self, question: Question, current: Scalar, edges: Sequence[float]
    ) -> list[tuple[Scalar, int]]:
        rank = question.rank(str(current))
        if rank is None or question.not_applicable(current):
            return []
        return [(question.options[i].value, rank - i) for i in range(rank - 1, -1, -1)]

    def label(self, question: Question, value: Scalar) -> str:
        option = question.option(str(value))
        return option.label if option else str(value)

    def check_spec(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        if len(question.options) < 2:
            yield (*where, "options"), "a choice question needs at least two options"
        counts = Counter(o.value for o in question.options)
        for dup in [name for name, count in counts.items() if count > 1]:
            yield (*where, "options"), f"duplicate option value {dup!r}"
        yield from _not_applicable_last(question, where)
        missing = [
            i for i, o in enumerate(question.options) if o.score is None and not o.not_applicable
        ]
        for index in missing:
            yield (*where, "options", index, "score"), "each option needs a score (0-100)"
        if missing:
            return
        for index in range(1, len(question.options)):
            before, option = question.options[index - 1], question.options[index]
            if option.not_applicable:
                break
            if (option.score or 0) > (before.score or 0):  # both given: checked above
                yield (
                    (*where, "options", index, "score"),
                    (
                        f"options are listed best first, but {option.value!r} ({option.score}) "
                        f"scores higher than {before.value!r} ({before.score})"
                    ),
                )
        for key in ("bands", "length_bands"):
            if getattr(question, key):
                yield (*where, key), f"{key} applies to number or text questions, not choice"

    def foreign(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        if question.options and question.kind != "multi":
            yield (*where, "options"), f"a {question.kind} question has no options"


def _not_applicable_last(question: QuestionSpec, where: Path) -> Iterator[Finding]:
    seen_not_applicable = False
    for index, option in enumerate(question.options):
        if option.not_applicable:
            seen_not_applicable = True
        elif seen_not_applicable:
            yield (
                (*where, "options", index),
                "options that say the question does not apply (not_applicable) come last",
            )
            return
    if sum(not o.not_applicable for o in question.options) < 2:
        yield (*where, "options"), "a choice question needs at least two options that score"


CHOICE = Choice()
