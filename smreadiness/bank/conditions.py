"""The condition language of question banks: small, safe, and never ``eval``.

Grammar (``or`` binds loosest)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand
                           | ["not"] "in" (list | QUESTION_ID))?
    operand    := QUESTION_ID | "score" | NUMBER | STRING | list | "(" expr ")"
                | "count" "(" QUESTION_ID ")"             # options chosen on a multi question
                | "count" "(" expr ("," expr)* ")"      # how many of the conditions hold
                | "answered" "(" QUESTION_ID ")"
                | "dimension" "(" STRING ")"             # a dimension's score, 0-100
    list       := "[" [literal ("," literal)*] "]"

``STRING in QUESTION_ID`` asks whether a multi question's answer includes that option.

Evaluation is three-valued: a comparison that names an unanswered question is *unknown*
(``None``), and ``and``/``or``/``not`` follow Kleene logic, so a rule "fires" on a partial
assessment only when no later answer could make it false.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from smreadiness.bank.nodes import (
    Answered,
    BoolOp,
    Chosen,
    Compare,
    ConditionError,
    Contains,
    Count,
    EvalContext,
    Evaluator,
    Interval,
    ListLit,
    Literal,
    Membership,
    Node,
    Not,
    Ref,
    Scalar,
    ScoreRef,
    Tri,
    _and,
    _answered,
    _comparison,
    _const,
    _contains,
    _count,
    _membership,
    _not,
    _or,
    _ref,
    _score,
    make_literal,
)

__all__ = [
    "Scalar",
    "Tri",
    "ConditionError",
    "Interval",
    "EvalContext",
    "Evaluator",
    "Node",
    "Ref",
    "ScoreRef",
    "Literal",
    "ListLit",
    "Answered",
    "Count",
    "Chosen",
    "Contains",
    "Compare",
    "Membership",
    "Not",
    "BoolOp",
    "parse",
    "evaluate",
    "make_literal",
    "MAX_DEPTH",
]

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
            if self.token.kind == "name":
                where = self.token.pos
                collection = self.operand()
                if not isinstance(collection, Ref) or not isinstance(left, Literal):
                    raise ConditionError(
                        'write an option in quotes before "in" a question, e.g. '
                        '"server" in tech.devices',
                        where,
                    )
                fn = _contains(negated, left.value, collection.fn)
                return Contains(fn, negated, left, collection)
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
            following = self.tokens[min(self.index + 1, len(self.tokens) - 1)]
            if self.token.kind == "name" and following.text == ")":
                if self.token.text not in _FUNCTIONS | {"score"}:
                    collection = Ref(_ref(self.token.text), self.token.text)
                    self.index += 2
                    return Chosen(collection)
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
