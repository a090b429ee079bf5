"""A number: within ``min``-``max``, whole or not, scored by bands; more is better, or less
(``better = "lower"``, with ``at_most`` bands)."""

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
        if not question.bands or isinstance(value, str | tuple):
            return None
        if question.lower_is_better:  # the first band whose upper edge the number is under
            return next((points for edge, points in question.bands if value <= edge), 0)
        points: int | None = None
        for edge, band_score in question.bands:
            if value >= edge:
                points = band_score
        return points if points is not None else 0

    def best(self, question: Question) -> Scalar:
        return self._low(question) if question.lower_is_better else self._high(question)

    def worst(self, question: Question) -> Scalar:
        return self._high(question) if question.lower_is_better else self._low(question)

    @staticmethod
    def _high(question: Question) -> Scalar:
        return question.max if question.max is not None else 1_000_000

    @staticmethod
    def _low(question: Question) -> Scalar:
        return question.min if question.min is not None else 0

    def better(
        self, question: Question, current: Scalar, edges: Sequence[float]
    ) -> list[tuple[Scalar, int]]:
        if isinstance(current, str | tuple):
            return []
        lower = question.lower_is_better
        step = 1 if question.integer else 0.5
        found: set[float] = {edge for edge, _ in question.bands}
        for constant in edges:
            found.update((constant, constant - step if lower else constant + step))
        bound = question.min if lower else question.max
        if bound is not None:
            found.add(bound)
        values: list[float] = sorted(
            (
                v
                for v in found
                if (v < current if lower else v > current)
                and (question.max is None or v <= question.max)
                and (question.min is None or v >= question.min)
            ),
            reverse=lower,
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
        lower = question.better == "lower"
        edge_key, other_key = ("at_most", "at_least") if lower else ("at_least", "at_most")
        for index, band in enumerate(question.bands):
            if getattr(band, edge_key) is None or getattr(band, other_key) is not None:
                which = 'better = "lower"' if lower else "more is better"
                yield (
                    (*where, "bands", index),
                    f"{which}: each band gives {edge_key}, not {other_key}",
                )
                return
        yield from _band_order(question, where, edge_key, lower)

    def foreign(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        if question.bands:
            yield (*where, "bands"), "bands apply to number questions only"
        if question.better != "higher":
            yield (*where, "better"), "better applies to number questions only"


def _band_order(
    question: QuestionSpec, where: Path, edge_key: str, lower: bool
) -> Iterator[Finding]:
    for index in range(1, len(question.bands)):
        before, band = question.bands[index - 1], question.bands[index]
        if getattr(band, edge_key) <= getattr(before, edge_key):
            yield (*where, "bands", index, edge_key), "bands must be listed lowest first"
        if lower and band.score > before.score:
            yield (
                (*where, "bands", index, "score"),
                "lower is better: a higher band may not score higher than the one before",
            )
        if not lower and band.score < before.score:
            yield (
                (*where, "bands", index, "score"),
                ("more is better: a higher band may not score lower than the one before"),
            )


NUMBER = Number()
