"""The condition language of question banks: small, safe, and never ``eval``.

Grammar (``or`` binds loosest)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand
                           | ["not"] "in" list)?
    operand    := QUESTION_ID | "score" | NUMBER | STRING | list | "(" expr ")"
                | "count" "(" expr ("," expr)* ")"      # how many of the conditions hold
                | "answered" "(" QUESTION_ID ")"
                | "dimension" "(" STRING ")"             # a dimension's score, 0-100
    list       := "[" [literal ("," literal)*] "]"

Evaluation is three-valued: a comparison that names an unanswered question is *unknown*
(``None``), and ``and``/``or``/``not`` follow Kleene logic, so a rule "fires" on a partial
assessment only when no later answer could make it false.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

Scalar = str | int | float
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

# --------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,)
    """,
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false"}
_FUNCTIONS = {"count", "answered", "dimension"}
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}


class _Token(NamedTuple):
    kind: str
    text: str
    pos: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN_RE.match(source, pos)
        if match is None:
            raise ConditionError(f"unexpected character {source[pos]!r}", pos)
        kind = match.lastgroup or ""
        if kind != "ws":
            text = match.group()
            if kind == "name" and text in _KEYWORDS:
                kind = text
            tokens.append(_Token(kind, text, pos))
        pos = match.end()
    tokens.append(_Token("end", "", len(source)))
    return tokens


def _unquote(text: str) -> str:
    body = text[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


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


# --------------------------------------------------------------------------- parser


MAX_DEPTH = 40


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0

    def _deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(
                f"nested more than {MAX_DEPTH} levels deep; split it into simpler rules",
                self.token.pos,
            )

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def take(self, kind: str, text: str | None = None) -> _Token:
        token = self.token
        if token.kind != kind or (text is not None and token.text != text):
            wanted = text or kind
            found = token.text or "the end"
            raise ConditionError(f"expected {wanted!r}, found {found!r}", token.pos)
        self.index += 1
        return token

    def accept(self, kind: str, text: str | None = None) -> bool:
        token = self.token
        if token.kind == kind and (text is None or token.text == text):
            self.index += 1
            return True
        return False

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise ConditionError("empty condition", 0)
        node = self.expr()
        if self.token.kind != "end":
            raise ConditionError(f"unexpected {self.token.text!r}", self.token.pos)
        return node

    def expr(self) -> Node:
        self._deeper()
        try:
            return self._chain("or", self.and_expr)
        finally:
            self.depth -= 1

    def and_expr(self) -> Node:
        return self._chain("and", self.not_expr)

    def _chain(self, op: str, parse_part: Callable[[], Node]) -> Node:
        parts = [parse_part()]
        while self.accept(op):
            parts.append(parse_part())
        if len(parts) == 1:
            return parts[0]
        operands = tuple(parts)
        fns = tuple(p.fn for p in operands)
        return BoolOp(_and(fns) if op == "and" else _or(fns), op, operands)

    def not_expr(self) -> Node:
        if self.accept("not"):
            self._deeper()
            try:
                operand = self.not_expr()
            finally:
                self.depth -= 1
            return Not(_not(operand.fn), operand)
        return self.comparison()

    def comparison(self) -> Node:
        left = self.operand()
        token = self.token
        if token.kind == "op" and token.text in ("==", "!=", "<", "<=", ">", ">="):
            self.index += 1
            right = self.operand()
            return Compare(_comparison(token.text, left.fn, right.fn), token.text, left, right)
        negated = False
        if token.kind == "not" and self.tokens[self.index + 1].kind == "in":
            self.index += 1
            negated = True
        if self.accept("in"):
            options = self.list_literal()
            fn = _membership(negated, left.fn, frozenset(options.values))
            return Membership(fn, negated, left, options)
        return left

    def list_literal(self) -> ListLit:
        self.take("op", "[")
        values: list[Scalar] = []
        if not self.accept("op", "]"):
            while True:
                start = self.token.pos
                literal = self.operand()
                if not isinstance(literal, Literal) or isinstance(literal.value, bool):
                    raise ConditionError("a list holds only words and numbers", start)
                values.append(literal.value)
                if self.accept("op", "]"):
                    break
                self.take("op", ",")
        return ListLit(_const(tuple(values)), tuple(values))

    def operand(self) -> Node:
        token = self.token
        if token.kind == "number":
            self.index += 1
            value: Scalar = float(token.text) if "." in token.text else int(token.text)
            return Literal(_const(value), value)
        if token.kind == "string":
            self.index += 1
            text = _unquote(token.text)
            return Literal(_const(text), text)
        if token.kind in ("true", "false"):
            self.index += 1
            flag = token.kind == "true"
            return Literal(_const(flag), flag)
        if token.kind == "op" and token.text == "(":
            self.index += 1
            inner = self.expr()
            self.take("op", ")")
            return inner
        if token.kind == "op" and token.text == "[":
            return self.list_literal()
        if token.kind == "name":
            self.index += 1
            if token.text in _FUNCTIONS and self.token.text == "(":
                return self.call(token)
            if token.text == "score":
                return ScoreRef(_score(None), None)
            return Ref(_ref(token.text), token.text)
        found = token.text or "the end"
        raise ConditionError(f"expected a question id, number or word, found {found!r}", token.pos)

    def call(self, name: _Token) -> Node:
        self.take("op", "(")
        if name.text == "count":
            items = [self.expr()]
            while self.accept("op", ","):
                items.append(self.expr())
            self.take("op", ")")
            parts = tuple(items)
            return Count(_count(tuple(p.fn for p in parts)), parts)
        if name.text == "answered":
            question = self.take("name").text
            self.take("op", ")")
            return Answered(_answered(question), question)
        dimension = _unquote(self.take("string").text)
        self.take("op", ")")
        return ScoreRef(_score(dimension), dimension)


def parse(source: str) -> Node:
    """Parse a condition; raises :class:`ConditionError` with the column of the problem."""
    return _Parser(source).parse()


def evaluate(node: Node, ctx: EvalContext) -> Tri:
    """True, False, or None when unanswered questions leave it open."""
    value = node.fn(ctx)
    if value is None or isinstance(value, bool):
        return value
    return bool(value)


# --------------------------------------------------------------------------- analysis


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children():
        yield from walk(child)


def referenced_questions(node: Node) -> list[str]:
    """Question ids the condition names, in order of first mention."""
    seen: dict[str, None] = {}
    for sub in walk(node):
        if isinstance(sub, Ref | Answered):
            seen.setdefault(sub.question, None)
    return list(seen)


def uses_scores(node: Node) -> bool:
    return any(isinstance(sub, ScoreRef) for sub in walk(node))


def numeric_constants(node: Node, question: str) -> list[float]:
    """Numbers a question is compared with: the edges worth probing for monotonicity."""
    found: list[float] = []
    for sub in walk(node):
        if isinstance(sub, Compare):
            pair = (sub.left, sub.right)
            for a, b in (pair, pair[::-1]):
                if isinstance(a, Ref) and a.question == question and isinstance(b, Literal):
                    if isinstance(b.value, int | float) and not isinstance(b.value, bool):
                        found.append(float(b.value))
        if isinstance(sub, Membership) and isinstance(sub.left, Ref):
            if sub.left.question == question:
                found.extend(float(v) for v in sub.options.values if isinstance(v, int | float))
    return found


def witnesses(node: Node, ctx: EvalContext) -> list[str]:
    """The answered questions that make a true condition true: the answers behind a reason."""
    out: dict[str, None] = {}
    _collect_witnesses(node, ctx, True, out)
    return list(out)


def _collect_witnesses(node: Node, ctx: EvalContext, want: bool, out: dict[str, None]) -> None:
    if isinstance(node, BoolOp):
        satisfied = (node.op == "and") == want
        for child in node.operands:
            if satisfied or evaluate(child, ctx) is want:
                _collect_witnesses(child, ctx, want, out)
        return
    if isinstance(node, Not):
        _collect_witnesses(node.operand, ctx, not want, out)
        return
    if isinstance(node, Count):
        for item in node.items:
            if evaluate(item, ctx) is True:
                _collect_witnesses(item, ctx, True, out)
        return
    if isinstance(node, Ref | Answered):
        if node.question in ctx.answers:
            out.setdefault(node.question, None)
        return
    for child in node.children():
        _collect_witnesses(child, ctx, want, out)
