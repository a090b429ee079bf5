"""A number: within ``min``-``max``, whole or not, scored by bands (more is better)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from smreadiness.bank.kinds import Finding, Path
from smreadiness.bank.kinds.values import HUGE, describe_range, describe_value, short_number
from smreadiness.i18n import _

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar
    from smreadiness.bank.model import Question
    from smreadiness.bank.schema import QuestionSpec


class Number:
    name = "number"

    def check(self, question: Question, value: object) -> tuple[Scalar | None, str | None]:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, _("expected a number; got {value}").format(value=describe_value(value))
        if isinstance(value, int) and abs(value) > HUGE:
            return None, _("{value} is out of range; expected {range}").format(
                value=describe_value(value), range=describe_range(question)
            )
        if isinstance(value, float) and not math.isfinite(value):
            return None, _("expected a finite number; got {value}").format(value=value)
        low, high = question.min, question.max
        if (low is not None and value < low) or (high is not None and value > high):
            return None, _("{value} is out of range; expected {range}").format(
                value=short_number(value), range=describe_range(question)
            )
        if question.integer:
            if isinstance(value, float) and not value.is_integer():
                return None, _("expected a whole number; got {value}").format(value=value)
            value = int(value)
        return value, None

    def score(self, question: Question, value: Scalar) -> int | None:
        if not question.bands or isinstance(value, str):
            return None
        points: int | None = None
        for edge, band_score in question.bands:
            if value >= edge:
                points = band_score
        return points if points is not None else 0

    def best(self, question: Question) -> Scalar:
        return question.max if question.max is not None else 1_000_000

    def worst(self, question: Question) -> Scalar:
        return question.min if question.min is not None else 0

    def better(
        self, question: Question, current: Scalar, edges: Sequence[float]
    ) -> list[tuple[Scalar, int]]:
        if isinstance(current, str):
            return []
        found: set[float] = {edge for edge, _ in question.bands}
        for constant in edges:
            found.update((constant, constant + 1 if question.integer else constant + 0.5))
        if question.max is not None:
            found.add(question.max)
        values: list[float] = sorted(
            v
            for v in found
            if v > current
            and (question.max is None or v <= question.max)
            and (question.min is None or v >= question.min)
        )
        return [
            (int(value) if question.integer else value, distance)
            for distance, value in enumerate(values, start=1)
        ]

    def label(self, question: Question, value: Scalar) -> str:
        from smreadiness.i18n import format_number

        return f"{format_number(value)} {question.unit_for(value)}".strip()  # type: ignore[arg-type]

    def check_spec(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        if question.min is not None and question.max is not None and question.min > question.max:
            yield (*where, "min"), f"min ({question.min}) is larger than max ({question.max})"
        for index in range(1, len(question.bands)):
            lower, band = question.bands[index - 1], question.bands[index]
            if band.at_least <= lower.at_least:
                yield (*where, "bands", index, "at_least"), "bands must be listed lowest first"
            if band.score < lower.score:
                yield (
                    (*where, "bands", index, "score"),
                    ("more is better: a higher band may not score lower than the one before"),
                )

    def foreign(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        if question.bands:
            yield (*where, "bands"), "bands apply to number questions only"


NUMBER = Number()
