"""Parsed conditions: the node classes and their three-valued evaluation.

See :mod:`smreadiness.bank.conditions` for the language; :func:`~smreadiness.bank.conditions.parse`
builds these nodes, each carrying a compiled evaluator ``fn``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

Scalar = str | int | float | tuple[str, ...]
"""An answer: an option's value, a number, a text, or a multi question's chosen options."""
Tri = bool | None


class ConditionError(ValueError):
    """A condition that cannot be parsed; ``position`` is the 0-based column."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return f"{self.message} (at column {self.position + 1})"


class Interval(NamedTuple):
    """A number known only to lie in ``[lo, hi]``: what ``count`` gives on partial answers."""

    lo: float
    hi: float


class EvalContext:
    """What a condition is evaluated against: the visible answers and the scores so far."""

    __slots__ = ("answers", "score", "dimensions")

    def __init__(
        self,
        answers: Mapping[str, Scalar],
        score: int | None = None,
        dimensions: Mapping[str, int | None] | None = None,
    ) -> None:
        self.answers = answers
        self.score = score
        self.dimensions = dimensions or {}


Evaluator = Callable[[EvalContext], object]


# --------------------------------------------------------------------------- nodes
# Plain slotted classes, not dataclasses: importing ``dataclasses`` alone costs more than
# the whole of ``smreadiness score``'s own work.


class Node:
    """A parsed condition; ``fn`` evaluates it against an :class:`EvalContext`."""

    __slots__ = ("fn",)

    def __init__(self, fn: Evaluator) -> None:
        self.fn = fn

    def children(self) -> Sequence[Node]:
        return ()


class Ref(Node):
    __slots__ = ("question",)

    def __init__(self, fn: Evaluator, question: str) -> None:
        super().__init__(fn)
        self.question = question


class ScoreRef(Node):
    """``score`` (dimension None) or ``dimension("id")``."""

    __slots__ = ("dimension",)

    def __init__(self, fn: Evaluator, dimension: str | None) -> None:
        super().__init__(fn)
        self.dimension = dimension


class Literal(Node):
    __slots__ = ("value",)

    def __init__(self, fn: Evaluator, value: Scalar | bool) -> None:
        super().__init__(fn)
        self.value = value


class ListLit(Node):
    __slots__ = ("values",)

    def __init__(self, fn: Evaluator, values: tuple[Scalar, ...]) -> None:
        super().__init__(fn)
        self.values = values


class Answered(Node):
    __slots__ = ("question",)

    def __init__(self, fn: Evaluator, question: str) -> None:
        super().__init__(fn)
        self.question = question


class Count(Node):
    __slots__ = ("items",)

    def __init__(self, fn: Evaluator, items: tuple[Node, ...]) -> None:
        super().__init__(fn)
        self.items = items

    def children(self) -> Sequence[Node]:
        return self.items


class Compare(Node):
    __slots__ = ("op", "left", "right")

    def __init__(self, fn: Evaluator, op: str, left: Node, right: Node) -> None:
        super().__init__(fn)
        self.op = op
        self.left = left
        self.right = right

    def children(self) -> Sequence[Node]:
        return (self.left, self.right)


class Membership(Node):
    __slots__ = ("negated", "left", "options")

    def __init__(self, fn: Evaluator, negated: bool, left: Node, options: ListLit) -> None:
        super().__init__(fn)
        self.negated = negated
        self.left = left
        self.options = options

    def children(self) -> Sequence[Node]:
        return (self.left, self.options)


class Contains(Node):
    """``"server" in tech.devices``: a multi question's answer includes an option."""

    __slots__ = ("negated", "item", "collection")

    def __init__(self, fn: Evaluator, negated: bool, item: Literal, collection: Ref) -> None:
        super().__init__(fn)
        self.negated = negated
        self.item = item
        self.collection = collection

    def children(self) -> Sequence[Node]:
        return (self.item, self.collection)


class Chosen(Node):
    """``count(tech.devices)``: how many options a multi question's answer holds (an
    exclusive one, such as "none of these", counts as none)."""

    __slots__ = ("collection", "exclusive")

    def __init__(self, collection: Ref) -> None:
        super().__init__(_chosen(collection.fn, self))
        self.collection = collection
        self.exclusive: frozenset[str] = frozenset()
        """The options not counted; set when the bank is built (:func:`bind_options`)."""

    def children(self) -> Sequence[Node]:
        return (self.collection,)


class Not(Node):
    __slots__ = ("operand",)

    def __init__(self, fn: Evaluator, operand: Node) -> None:
        super().__init__(fn)
        self.operand = operand

    def children(self) -> Sequence[Node]:
        return (self.operand,)


class BoolOp(Node):
    __slots__ = ("op", "operands")

    def __init__(self, fn: Evaluator, op: str, operands: tuple[Node, ...]) -> None:
        super().__init__(fn)
        self.op = op
        self.operands = operands

    def children(self) -> Sequence[Node]:
        return self.operands


# --------------------------------------------------------------------------- semantics


def _compare(op: str, left: object, right: object) -> Tri:
    if left is None or right is None:
        return None
    if isinstance(left, Interval) or isinstance(right, Interval):
        lo_l, hi_l = (left.lo, left.hi) if isinstance(left, Interval) else (left, left)
        lo_r, hi_r = (right.lo, right.hi) if isinstance(right, Interval) else (right, right)
        return _compare_intervals(op, lo_l, hi_l, lo_r, hi_r)  # type: ignore[arg-type]
    try:
        if op == "==":
            return bool(left == right)
        if op == "!=":
            return bool(left != right)
        if op == "<":
            return bool(left < right)  # type: ignore[operator]
        if op == "<=":
            return bool(left <= right)  # type: ignore[operator]
        if op == ">":
            return bool(left > right)  # type: ignore[operator]
        return bool(left >= right)  # type: ignore[operator]
    except TypeError:
        return False  # a number compared with a word: never true, validate reports it


def _compare_intervals(op: str, a: float, b: float, c: float, d: float) -> Tri:
    """Compare x in [a, b] with y in [c, d]: True/False when certain, else None."""
    if op == "<":
        return True if b < c else False if a >= d else None
    if op == "<=":
        return True if b <= c else False if a > d else None
    if op == ">":
        return True if a > d else False if b <= c else None
    if op == ">=":
        return True if a >= d else False if b < c else None
    if op == "==":
        if a == b == c == d:
            return True
        return False if b < c or d < a else None
    if a == b == c == d:
        return False
    return True if b < c or d < a else None


def _and(fns: tuple[Evaluator, ...]) -> Evaluator:
    def run(ctx: EvalContext) -> Tri:
        unknown = False
        for fn in fns:
            value = fn(ctx)
            if value is False:
                return False
            if value is None:
                unknown = True
        return None if unknown else True

    return run


def _or(fns: tuple[Evaluator, ...]) -> Evaluator:
    def run(ctx: EvalContext) -> Tri:
        unknown = False
        for fn in fns:
            value = fn(ctx)
            if value is True:
                return True
            if value is None:
                unknown = True
        return None if unknown else False

    return run


def _not(fn: Evaluator) -> Evaluator:
    def run(ctx: EvalContext) -> Tri:
        value = fn(ctx)
        return None if value is None else not value

    return run


def _count(fns: tuple[Evaluator, ...]) -> Evaluator:
    def run(ctx: EvalContext) -> Interval:
        sure = unknown = 0
        for fn in fns:
            value = fn(ctx)
            if value is True:
                sure += 1
            elif value is None:
                unknown += 1
        return Interval(sure, sure + unknown)

    return run


def _ref(question: str) -> Evaluator:
    def run(ctx: EvalContext) -> object:
        return ctx.answers.get(question)

    return run


def _answered(question: str) -> Evaluator:
    def run(ctx: EvalContext) -> bool:
        return question in ctx.answers

    return run


def _score(dimension: str | None) -> Evaluator:
    if dimension is None:
        return lambda ctx: ctx.score
    return lambda ctx: ctx.dimensions.get(dimension)


def _const(value: object) -> Evaluator:
    return lambda ctx: value


def make_literal(value: Scalar | bool) -> Literal:
    """A literal node, e.g. for checking each value of an ``in`` list as a comparison."""
    return Literal(_const(value), value)


def _comparison(op: str, left: Evaluator, right: Evaluator) -> Evaluator:
    def run(ctx: EvalContext) -> Tri:
        return _compare(op, left(ctx), right(ctx))

    return run


def _contains(negated: bool, item: object, collection: Evaluator) -> Evaluator:
    def run(ctx: EvalContext) -> Tri:
        value = collection(ctx)
        if not isinstance(value, tuple):
            return None  # unanswered, or not a multi answer (validate reports that)
        inside = item in value
        return not inside if negated else inside

    return run


def _chosen(collection: Evaluator, node: Chosen) -> Evaluator:
    def run(ctx: EvalContext) -> int | None:
        value = collection(ctx)
        if not isinstance(value, tuple):
            return None
        exclusive = node.exclusive
        return sum(1 for v in value if v not in exclusive)

    return run


def _membership(negated: bool, left: Evaluator, values: frozenset[Scalar]) -> Evaluator:
    def run(ctx: EvalContext) -> Tri:
        value = left(ctx)
        if value is None:
            return None
        if isinstance(value, Interval):
            if value.lo != value.hi:
                return None
            value = value.lo
        inside = value in values
        return not inside if negated else inside

    return run
