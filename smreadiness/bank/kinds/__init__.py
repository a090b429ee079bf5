"""Question kinds: one module each, one registry everything reads.

A kind says how an answer of its kind is checked, scored and worded, which answers are the
best and worst (for the verdict range), which answers are better than a given one (for
what-if), and what a bank must get right when it defines such a question. The schema, the
bank checks, the engine (answers, range, what-if) and the wording all look a kind up here, so
adding a kind is one module here (and, for the screens, one answer widget).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar
    from smreadiness.bank.model import Question
    from smreadiness.bank.schema import QuestionSpec

Kind = Literal["choice", "multi", "number", "text"]
"""The kinds a bank may use (``kind = "..."`` on a question)."""

Path = tuple[str | int, ...]
Finding = tuple[Path, str]


class QuestionKind(Protocol):
    """What the rest of the app needs from a kind of question."""

    name: str

    def check(self, question: Question, value: object) -> tuple[Scalar | None, str | None]:
        """The clean answer, or why ``value`` cannot be one (a message for the user)."""
        ...

    def score(self, question: Question, value: Scalar) -> int | None:
        """Points 0-100 for an answer, or None when answers of it are not scored."""
        ...

    def best(self, question: Question) -> Scalar:
        """The best possible answer (the verdict range's best completion)."""
        ...

    def worst(self, question: Question) -> Scalar:
        """The worst possible answer."""
        ...

    def better(
        self, question: Question, current: Scalar, edges: Sequence[float]
    ) -> list[tuple[Scalar, int]]:
        """Answers better than ``current``, nearest first, each with its distance; ``edges``
        are the numbers the bank's rules compare this question with."""
        ...

    def label(self, question: Question, value: Scalar) -> str:
        """An answer in words, as reports show it."""
        ...

    def check_spec(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        """What a bank must get right in a question of this kind."""
        ...

    def foreign(self, question: QuestionSpec, where: Path) -> Iterator[Finding]:
        """This kind's own keys, used on a question of another kind."""
        ...


def _registry() -> Mapping[str, QuestionKind]:
    from smreadiness.bank.kinds.choice import CHOICE
    from smreadiness.bank.kinds.multi import MULTI
    from smreadiness.bank.kinds.number import NUMBER
    from smreadiness.bank.kinds.text import TEXT

    return {kind.name: kind for kind in (CHOICE, MULTI, NUMBER, TEXT)}


KINDS: Mapping[str, QuestionKind] = _registry()
"""Every kind by name."""


def kind_of(question: Question | QuestionSpec) -> QuestionKind:
    return KINDS[question.kind]


def check_spec(question: QuestionSpec, where: Path) -> Iterator[Finding]:
    """A question's own kind's checks, then any key of another kind it carries."""
    kind = kind_of(question)
    yield from kind.check_spec(question, where)
    for other in KINDS.values():
        if other is not kind:
            yield from other.foreign(question, where)
