"""Monotonicity proven from the shape of a condition, without trying answers.

A knock-out or blocker must never start to hold when an answer gets better. For most rules
this follows from how they are written: ``hours < 2`` can only stop holding as the hours grow;
``goals == "none"`` (the worst option) or ``goals in ["vague", "none"]`` (the worse end of the
options) only as the answer improves; ``score < 60`` likewise; and ``and``, ``or`` of such
tests keep the property, ``not`` turns it round. On a multi question more options are better:
``"server" in tech.devices`` and ``count(tech.devices) >= 2`` can only start to hold as options
are added (unless the option is an exclusive one such as "none of these"), so as knock-outs
they are written negated or with ``<``. Kleene's three-valued logic (an unanswered
question is "not known") keeps it too, since ``and``, ``or`` and ``not`` are monotone in the
order false < not known < true.

:func:`falls` answers, for one condition and one variable (a question id, ``score`` or
``dimension:ID``), whether the condition's truth can only fall as that variable improves.
Whatever it cannot prove is left to the exhaustive check in :mod:`smreadiness.bank.monotonic`.
"""

from __future__ import annotations

from smreadiness.bank.conditions import (
    Answered,
    BoolOp,
    Chosen,
    Compare,
    Contains,
    Literal,
    Membership,
    Node,
    Not,
    Ref,
    ScoreRef,
)
from smreadiness.bank.model import Bank

FALLS, RISES, FLAT = 1, -1, 0
"""Holds only for worse values / only for better values / does not depend on the variable."""
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def falls(node: Node, variable: str, bank: Bank) -> bool:
    """True when ``node`` provably never starts to hold as ``variable`` gets better."""
    return _direction(node, variable, bank) in (FALLS, FLAT)


def _direction(node: Node, variable: str, bank: Bank) -> int | None:  # noqa: C901 - one case per kind of node
    if not _mentions(node, variable):
        return FLAT
    if isinstance(node, Not):
        inner = _direction(node.operand, variable, bank)
        return None if inner is None else -inner
    if isinstance(node, BoolOp):
        found = {_direction(child, variable, bank) for child in node.operands} - {FLAT}
        return FLAT if not found else found.pop() if len(found) == 1 else None
    if isinstance(node, Compare):
        return _compare(node, variable, bank)
    if isinstance(node, Membership):
        return _membership(node, variable, bank)
    if isinstance(node, Contains):
        return _contains(node, variable, bank)
    if isinstance(node, Answered):
        return FLAT  # among answers, "answered" does not change
    return None


def _mentions(node: Node, variable: str) -> bool:
    if _is_variable(node, variable) or (isinstance(node, Answered) and node.question == variable):
        return True
    return any(_mentions(child, variable) for child in node.children())


def _is_variable(node: Node, variable: str) -> bool:
    if isinstance(node, Chosen):
        return node.collection.question == variable
    if isinstance(node, Ref):
        return node.question == variable
    if isinstance(node, ScoreRef):
        name = "score" if node.dimension is None else f"dimension:{node.dimension}"
        return name == variable
    return False


def _compare(node: Compare, variable: str, bank: Bank) -> int | None:
    left, right, op = node.left, node.right, node.op
    if _is_variable(right, variable) and isinstance(left, Literal):
        left, right, op = right, left, _FLIP[op]
    if not (_is_variable(left, variable) and isinstance(right, Literal)):
        return None
    value = right.value
    if isinstance(left, ScoreRef | Chosen) or _kind(bank, variable) == "number":
        lower_better = _lower_is_better(bank, variable)
        if op in ("<", "<="):
            return RISES if lower_better else FALLS
        if op in (">", ">="):
            return FALLS if lower_better else RISES
        return None
    order = _options(bank, variable)
    if order is None or value not in order:
        return None
    if op == "==":
        return FALLS if value == order[-1] else RISES if value == order[0] else None
    if op == "!=":
        return FALLS if value == order[0] else RISES if value == order[-1] else None
    return None


def _membership(node: Membership, variable: str, bank: Bank) -> int | None:
    order = _options(bank, variable)
    if order is None or not _is_variable(node.left, variable):
        return None
    chosen: set[object] = set(node.options.values)
    if node.negated:
        chosen = set(order) - chosen
    if not chosen or chosen >= set(order):
        return FLAT
    ranks = sorted(order.index(v) for v in chosen if v in order)
    if ranks == list(range(len(order) - len(ranks), len(order))):
        return FALLS  # the worse end of the options
    if ranks == list(range(len(ranks))):
        return RISES  # the better end
    return None


def _contains(node: Contains, variable: str, bank: Bank) -> int | None:
    """``"x" in q`` holds for better answers (more options), unless x stands alone."""
    question = bank.by_id.get(variable)
    if question is None or question.kind != "multi" or node.collection.question != variable:
        return None
    if node.item.value in question.not_applicable_values:
        return FLAT  # "does not apply" is not known to rules: the test never holds
    direction = FALLS if node.item.value in question.alone else RISES
    return -direction if node.negated else direction


def _kind(bank: Bank, variable: str) -> str | None:
    question = bank.by_id.get(variable)
    return None if question is None else question.kind


def _lower_is_better(bank: Bank, variable: str) -> bool:
    question = bank.by_id.get(variable)
    if question is None or question.kind == "multi":
        return False
    return getattr(question, "lower_is_better", False)


def _options(bank: Bank, variable: str) -> list[object] | None:
    """A choice question's values, best first."""
    question = bank.by_id.get(variable)
    if question is None or question.kind != "choice":
        return None
    return [option.value for option in question.ordered]
