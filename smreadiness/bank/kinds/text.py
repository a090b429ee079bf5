"""A text: free words, scored by length bands and capped when it leans on buzzwords."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from smreadiness.bank.kinds import Finding, Path
from smreadiness.bank.kinds.values import describe_value
from smreadiness.i18n import _

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar
    from smreadiness.bank.model import Question
    from smreadiness.bank.schema import QuestionSpec

WORD = re.compile(r"[\w-]+")


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (lower case) as a whole word or phrase."""
    folded = " " + " ".join(WORD.findall(text.casefold())) + " "
    return any(f" {word} " in folded for word in words)


class Text:
    name = "text"

    def check(self, question: Question, value: object) -> tuple[Scalar | None, str | None]:
        if not isinstance(value, str):
            return None, _("expected text; got {value}").format(value=describe_value(value))
        text = value.strip()
        if not text:
            return None, None
        if question.max_length is not None and len(text) > question.max_length:
            return None, _("text is {length} characters; at most {limit} allowed").format(
                length=len(text), limit=question.max_length
            )
        return text, None

    def score(self, question: Question, value: Scalar) -> int | None:
        text = str(value).strip()
        points = self._length_score(question, len(text))
        if question.weak_words and has_any(text, question.weak_words):
            points = min(points, question.weak_words_score)
        return points

    @staticmethod
    def _length_score(question: Question, length: int) -> int:
        if not question.length_bands:
            return 100
        for up_to, band_score in question.length_bands:
            if length <= up_to:
                return band_score
        return question.length_bands[-1][1]

    def _band_length(self, question: Question, best: bool) -> int:
        scores = [score for _, score in question.length_bands]
        wanted = max(scores) if best else min(scores)
        return next(up_to for up_to, score in question.length_bands if score == wanted)

    def best(self, question: Question) -> Scalar:
        if question.length_bands:
            return "x" * self._band_length(question, best=True)
        return "x"

    def worst(self, question: Question) -> Scalar:
        if question.length_bands:
            length = self._band_length(question, best=False)
            return "x" * min(length, question.max_length or length)
        return "x"

    def better(
        self, question: Question, current: Scalar, edges: Sequence[float]
    ) -> list[tuple[Scalar, int]]:
        return []  # a text is the business's own words: what-if never rewrites it

    def label(self, question: Question, value: Scalar) -> str:
        return str(value)

    def check_spec(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        for index in range(1, len(question.length_bands)):
            if question.length_bands[index].up_to <= question.length_bands[index - 1].up_to:
                yield (*where, "length_bands", index, "up_to"), "length bands must grow"

    def foreign(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        if question.length_bands or question.max_length is not None:
            yield (*where, "length_bands"), "length limits apply to text questions only"


TEXT = Text()
