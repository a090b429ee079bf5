"""What a parsed condition names and why it holds: used by validation, what-if and reasons."""

from __future__ import annotations

from collections.abc import Iterator

from smreadiness.bank.conditions import (
    Answered,
    BoolOp,
    Compare,
    Count,
    EvalContext,
    Literal,
    Membership,
    Node,
    Not,
    Ref,
    ScoreRef,
    evaluate,
)


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


def _collect_witnesses(node: Node, ctx: EvalContext, want: bool, out: dict[str, None]) -> None:  # noqa: C901 - one branch per node type of the condition language
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
