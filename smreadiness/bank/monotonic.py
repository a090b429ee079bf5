"""Exhaustive monotonicity check: a better answer must never give a worse verdict.

For each question (and the scores, which rules may also name), only the knock-out and blocker
rules that mention it can change when it changes. So we enumerate every combination of the
variables those rules mention, with each number reduced to the values around the constants it is
compared with, and compare the verdict level before and after each improvement.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from smreadiness.bank.analysis import numeric_constants, referenced_questions, walk
from smreadiness.bank.conditions import (
    Chosen,
    Compare,
    Contains,
    EvalContext,
    Literal,
    Node,
    ScoreRef,
    evaluate,
)
from smreadiness.bank.kinds.multi import countable, exclusive
from smreadiness.bank.model import Bank, Question, Rule

MAX_COMBINATIONS = 200_000
MAX_MULTI_OPTIONS = 8
"""Options of one multi question tried in every combination (2**8 answers)."""
SCORE = "score"
_LEVEL_NAMES = ("no-go", "not yet", "go")


@dataclass(frozen=True, slots=True)
class Violation:
    """An improvement of ``variable`` that makes the verdict worse, with the setting it needs."""

    variable: str
    worse: object
    better: object
    before: str
    after: str
    setting: dict[str, object]
    rule_ids: tuple[str, ...]

    def __str__(self) -> str:
        others = ", ".join(f"{k}={_show(v)}" for k, v in self.setting.items() if k != self.variable)
        where = f" when {others}" if others else ""
        return (
            f"not monotonic: changing {self.variable} from {_show(self.worse)} to the better "
            f"{_show(self.better)} turns the verdict from {self.before} to {self.after}{where} "
            f"(rules: {', '.join(self.rule_ids)})"
        )


def _show(value: object) -> str:
    if value is None:
        return "unanswered"
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _score_vars(node: Node) -> set[str]:
    return {
        SCORE if sub.dimension is None else f"dimension:{sub.dimension}"
        for sub in walk(node)
        if isinstance(sub, ScoreRef)
    }


def _score_constants(node: Node) -> list[float]:
    found: list[float] = []
    for sub in walk(node):
        if isinstance(sub, Compare) and sub.left is not None and sub.right is not None:
            for a, b in ((sub.left, sub.right), (sub.right, sub.left)):
                if isinstance(a, ScoreRef) and isinstance(b, Literal):
                    if isinstance(b.value, int | float) and not isinstance(b.value, bool):
                        found.append(float(b.value))
    return found


def _number_domain(
    low: float | None, high: float | None, constants: Sequence[float]
) -> list[float]:
    lo = low if low is not None else min([0.0, *constants]) - 1
    hi = high if high is not None else max([0.0, *constants]) + 1
    values = {lo, hi}
    for constant in constants:
        for probe in (constant - 1, constant - 0.5, constant, constant + 0.5, constant + 1):
            if lo <= probe <= hi:
                values.add(probe)
    return sorted(values)


def _domain(bank: Bank, name: str, rules: Sequence[Rule]) -> list[object]:
    """Values of a variable, worst first; ``None`` (unanswered) where a question can be hidden."""
    if name == SCORE or name.startswith("dimension:"):
        constants = [c for rule in rules for c in _score_constants(rule.when)]
        return list(_number_domain(0, 100, constants))
    question = bank.by_id[name]
    values: list[object]
    if question.kind == "choice":
        values = [o.value for o in reversed(question.ordered)]
    elif question.kind == "multi":
        values = list(_multi_domain(question, rules))
    elif question.kind == "number":
        constants = [c for rule in rules for c in numeric_constants(rule.when, name)]
        raw = _number_domain(question.min, question.max, constants)
        values = [int(v) if question.integer and float(v).is_integer() else v for v in raw]
        if question.integer:
            values = sorted({v for v in values if float(v).is_integer()}, key=float)  # type: ignore[arg-type]
        if question.lower_is_better:
            values.reverse()  # worst first: the largest
    else:
        values = ["x"]
    not_known = len(question.ordered) < len(question.options)  # "does not apply": not known
    if question.show_if is not None or question.optional or not_known:
        values.insert(0, None)
    return values


def _multi_pool(question: Question, rules: Sequence[Rule]) -> list[str]:
    """The options of a multi question worth combining: those the rules name, and enough
    others to reach the counts they compare with."""
    named: dict[str, None] = {}
    counts = [0.0]
    for rule in rules:
        for sub in walk(rule.when):
            if isinstance(sub, Contains) and sub.collection.question == question.id:
                if isinstance(sub.item.value, str) and sub.item.value not in question.alone:
                    named.setdefault(sub.item.value, None)
            if isinstance(sub, Compare):
                for a, b in ((sub.left, sub.right), (sub.right, sub.left)):
                    if isinstance(a, Chosen) and a.collection.question == question.id:
                        if isinstance(b, Literal) and isinstance(b.value, int | float):
                            counts.append(float(b.value))
    options = countable(question)
    pool = [v for v in options if v in named]
    need = min(len(options), max(0, int(max(counts))) + 1)
    return pool + [v for v in options if v not in named][: max(0, need - len(pool))]


def _multi_domain(question: Question, rules: Sequence[Rule]) -> list[tuple[str, ...]]:
    """A multi question's answers worth trying: the exclusive ones, then every combination of
    its pool (:func:`_multi_pool`, at most :data:`MAX_MULTI_OPTIONS` options)."""
    pool = _multi_pool(question, rules)[:MAX_MULTI_OPTIONS]
    combos = [c for size in range(len(pool) + 1) for c in itertools.combinations(pool, size)]
    order = question.ranks.__getitem__
    return [(value,) for value in exclusive(question)] + [
        tuple(sorted(c, key=order)) for c in combos
    ]


def _improvements(values: Sequence[object], alone: frozenset[str]) -> list[tuple[int, int]]:
    """Pairs (worse, better) of positions in a variable's domain: every later value on a
    chain (values listed worst first); on a multi question, an answer and those holding it
    and more, where an exclusive answer ("none of these") is below the empty one."""
    if not any(isinstance(v, tuple) for v in values):
        return [(i, j) for i in range(len(values)) for j in range(i + 1, len(values))]

    def key(value: object) -> tuple[frozenset[object], int]:
        items = frozenset(value) if isinstance(value, tuple) else frozenset()
        return (frozenset(), -1) if items & alone else (items, 0)

    keys = [key(v) for v in values]
    return [
        (i, j)
        for i, (a, a_level) in enumerate(keys)
        for j, (b, b_level) in enumerate(keys)
        if (a < b) or (a == b and a_level < b_level)
    ]


def _variables(rule: Rule) -> set[str]:
    return set(referenced_questions(rule.when)) | _score_vars(rule.when)


def _level(rules: Sequence[Rule], ctx: EvalContext) -> int:
    level = 2
    for rule in rules:
        if evaluate(rule.when, ctx) is True:
            if rule.kind == "knockout":
                return 0
            level = 1
    return level


def _context(setting: dict[str, object]) -> EvalContext:
    answers = {
        k: v
        for k, v in setting.items()
        if v is not None and k != SCORE and not k.startswith("dimension:")
    }
    dims = {k.split(":", 1)[1]: v for k, v in setting.items() if k.startswith("dimension:")}
    score = setting.get(SCORE)
    return EvalContext(answers, score, dims)  # type: ignore[arg-type]


def check_monotonic(bank: Bank, budget: float = 10.0) -> Iterator[tuple[str, str | Violation]]:
    """Yield ``(variable, problem)`` for each variable whose improvement can worsen the verdict:
    the :class:`Violation` found, or why it could not be checked. Rules monotonic by their
    shape (:mod:`smreadiness.bank.shape`) are not enumerated; the rest stop after ``budget``
    seconds in all."""
    import time

    deadline = time.monotonic() + budget
    from smreadiness.bank.shape import falls

    verdict_rules = [r for r in bank.rules if r.kind in ("knockout", "blocker")]
    variables = {id(r): _variables(r) for r in verdict_rules}  # each condition walked once
    by_variable: dict[str, list[Rule]] = {}
    for rule in verdict_rules:
        for variable in variables[id(rule)]:
            by_variable.setdefault(variable, []).append(rule)
    names: list[str] = [q.id for q in bank.questions if _orderable(q)]
    names += sorted({v for r in verdict_rules for v in variables[id(r)] if v not in bank.by_id})
    for name in names:
        involved = by_variable.get(name, [])
        if not involved or all(falls(r.when, name, bank) for r in involved):
            continue  # no rule, or monotonic by the shape of every rule that names it
        others = sorted({v for r in involved for v in variables[id(r)]} - {name})
        wide = [v for v in [name, *others] if _too_many_options(bank, v, involved)]
        if wide:
            yield (
                name,
                (
                    f"rules {', '.join(r.id for r in involved)} test more than "
                    f"{MAX_MULTI_OPTIONS} options of {wide[0]} together, too many to check "
                    "monotonicity; split them into smaller rules"
                ),
            )
            continue
        domains = {v: _domain(bank, v, involved) for v in [name, *others]}
        size = len(domains[name]) ** 2
        for other in others:
            size *= len(domains[other])
        if size > MAX_COMBINATIONS:
            yield (
                name,
                (
                    f"rules {', '.join(r.id for r in involved)} combine too many answers to check "
                    f"monotonicity exhaustively ({size:,} cases); split them into smaller rules"
                ),
            )
            continue
        if time.monotonic() > deadline:
            ids = ", ".join(r.id for r in involved)
            yield name, f"could not check rules {ids} within {budget:g} s; simplify them"
            continue
        question = bank.by_id.get(name)
        alone = question.alone if question is not None else frozenset()
        violation = _first_violation(name, others, domains, involved, alone)
        if violation is not None:
            yield name, violation


def _too_many_options(bank: Bank, name: str, rules: Sequence[Rule]) -> bool:
    question = bank.by_id.get(name)
    if question is None or question.kind != "multi":
        return False
    return len(_multi_pool(question, rules)) > MAX_MULTI_OPTIONS


def _orderable(question: Question) -> bool:
    return question.kind in ("choice", "multi", "number")


def _first_violation(
    name: str,
    others: list[str],
    domains: dict[str, list[object]],
    rules: Sequence[Rule],
    alone: frozenset[str] = frozenset(),
) -> Violation | None:
    own = [v for v in domains[name] if v is not None]
    pairs = _improvements(own, alone)
    for combo in itertools.product(*(domains[o] for o in others)):
        setting: dict[str, object] = dict(zip(others, combo, strict=True))
        levels = []
        for value in own:
            setting[name] = value
            levels.append(_level(rules, _context(setting)))
        for worse_index, better_index in pairs:
            if levels[better_index] < levels[worse_index]:
                setting[name] = own[better_index]
                fired = tuple(r.id for r in rules if evaluate(r.when, _context(setting)) is True)
                return Violation(
                    name,
                    own[worse_index],
                    own[better_index],
                    _LEVEL_NAMES[levels[worse_index]],
                    _LEVEL_NAMES[levels[better_index]],
                    dict(setting),
                    fired,
                )
    return None
