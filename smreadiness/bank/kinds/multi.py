"""A multi-select: a checklist answered with the options that apply, as a list.

Scored by the sum of the chosen options' scores (at most 100), or with ``scoring = "share"``
by the share of the options chosen. An ``exclusive`` option ("none of these") stands alone;
so does an option saying the question does not apply. More is better: an answer is at least
as good as any answer it contains, so the best answer is every option and the worst is the
exclusive one (or nothing). Answers are kept in the bank's order, without repeats.
"""

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


def countable(question: Question) -> tuple[str, ...]:
    """The options that can be ticked together, in the bank's order: the best answer."""
    return tuple(o.value for o in question.options if o.value not in question.alone)


def exclusive(question: Question) -> tuple[str, ...]:
    """The "none of these" options (exclusive, not saying the question does not apply)."""
    return tuple(o.value for o in question.options if o.exclusive and not o.not_applicable)


def chosen(question: Question, value: Scalar) -> tuple[str, ...]:
    """The options of an answer that count (not an exclusive one): what ``count(q)`` counts."""
    if not isinstance(value, tuple):
        return ()
    return tuple(v for v in value if v in question.ranks and v not in question.alone)


def _named(question: Question, value: str) -> str:
    """``'none' (None of these)``: the value as files hold it, and its words."""
    option = question.option(value)
    return f"{value!r} ({option.label})" if option is not None else repr(value)


class Multi:
    name = "multi"

    def check(  # noqa: C901 - one message per way a list can be wrong
        self, question: Question, value: object
    ) -> tuple[Scalar | None, str | None]:
        allowed = ", ".join(o.value for o in question.options)
        if not isinstance(value, list | tuple):
            return None, _("expected a list of options from {allowed}; got {value}").format(
                allowed=allowed, value=describe_value(value)
            )
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str):
                return None, _("expected a list of options from {allowed}; got {value}").format(
                    allowed=allowed, value=describe_value(item)
                )
            if item not in question.ranks:
                shown = item if len(item) <= 40 else item[:37] + "..."
                return None, _("{value} is not an option; expected options from {allowed}").format(
                    value=repr(shown), allowed=allowed
                )
            if item in seen:
                return None, _("{value} is listed twice").format(value=repr(item))
            seen.add(item)
        alone = seen & question.alone
        if alone and len(seen) > 1:
            return None, _("{value} cannot be combined with other options").format(
                value=_named(question, sorted(alone)[0])
            )
        none_of_these = exclusive(question)
        if not seen and none_of_these:
            return None, _("choose at least one option; {value} says none apply").format(
                value=_named(question, none_of_these[0])
            )
        return tuple(sorted(seen, key=question.ranks.__getitem__)), None

    def score(self, question: Question, value: Scalar) -> int | None:
        if not isinstance(value, tuple):
            return None
        picked = chosen(question, value)
        if question.share_scoring:
            total = len(countable(question))
            return round(100 * len(picked) / total) if total else 0
        return min(100, sum(question.options[question.ranks[v]].score for v in picked))

    def best(self, question: Question) -> Scalar:
        return countable(question)

    def worst(self, question: Question) -> Scalar:
        return exclusive(question)[:1]

    def better(
        self, question: Question, current: Scalar, edges: Sequence[float]
    ) -> list[tuple[Scalar, int]]:
        """One option more (the highest scoring first), then every option."""
        if not isinstance(current, tuple) or question.not_applicable(current):
            return []
        have = set(chosen(question, current))
        missing = [o for o in question.options if o.value not in have | question.alone]
        missing.sort(key=lambda o: -o.score)
        order = question.ranks.__getitem__
        out: list[tuple[Scalar, int]] = [
            (tuple(sorted([*have, o.value], key=order)), 1) for o in missing
        ]
        if len(missing) > 1:
            out.append((self.best(question), len(missing)))
        return out

    def label(self, question: Question, value: Scalar) -> str:
        if isinstance(value, list):  # as written in a file, not yet checked
            value = tuple(str(v) for v in value)
        if not isinstance(value, tuple):
            return str(value)
        if not value:
            return _("none of these")
        labels = []
        for item in value:
            option = question.option(item)
            labels.append(option.label if option else item)
        return "; ".join(labels)

    def check_spec(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        counts = Counter(o.value for o in question.options)
        for dup in [name for name, count in counts.items() if count > 1]:
            yield (*where, "options"), f"duplicate option value {dup!r}"
        if sum(not (o.exclusive or o.not_applicable) for o in question.options) < 2:
            yield (
                (*where, "options"),
                "a multi question needs at least two options that can be chosen together",
            )
        share = question.scoring == "share"
        for index, option in enumerate(question.options):
            at = (*where, "options", index)
            alone = option.exclusive or option.not_applicable
            if share and option.score is not None:
                yield (
                    (*at, "score"),
                    'scoring = "share" counts the options chosen; leave out their scores',
                )
            elif not share and not alone and option.score is None:
                yield (*at, "score"), "each option needs a score (0-100), added up when chosen"
            elif alone and option.score:
                yield (
                    (*at, "score"),
                    f"{option.value!r} stands alone (exclusive or not_applicable) and scores 0",
                )
        for key in ("bands", "length_bands"):
            if getattr(question, key):
                yield (*where, key), f"{key} applies to number or text questions, not multi"

    def foreign(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        if question.scoring != "sum":
            yield (*where, "scoring"), "scoring applies to multi questions only"
        for index, option in enumerate(question.options):
            if option.exclusive:
                yield (
                    (*where, "options", index, "exclusive"),
                    "exclusive applies to the options of multi questions only",
                )


MULTI = Multi()
