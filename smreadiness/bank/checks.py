"""Checks of a bank that its schema alone cannot make: ids, references, conditions, cycles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from smreadiness.bank.analysis import referenced_questions
from smreadiness.bank.conditions import (
    Answered,
    BoolOp,
    Chosen,
    Compare,
    ConditionError,
    Contains,
    Count,
    ListLit,
    Literal,
    Membership,
    Node,
    Not,
    Ref,
    ScoreRef,
    make_literal,
    parse,
)
from smreadiness.bank.core import CORE_NUMBER_RANGES, CORE_QUESTIONS
from smreadiness.bank.schema import BankSpec, QuestionSpec
from smreadiness.tomlfile import dotted

Path = tuple[str | int, ...]
Finding = tuple[Path, str]


def _near(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to a misspelt one, if one is close."""
    import difflib

    found = difflib.get_close_matches(name[:100], sorted(known), n=1, cutoff=0.6)
    return found[0] if found else None


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    """``unknown rule 'no-goal'; did you mean 'no-goals'?``"""
    near = _near(name, known)
    tip = f"; did you mean {near!r}?" if near else ""
    return f"unknown {what} {name!r}{tip}"


def _duplicates(ids: Iterable[str]) -> list[str]:
    return [name for name, count in Counter(ids).items() if count > 1]


def check_ids(  # noqa: C901 - every cross-reference of a bank in one pass
    spec: BankSpec, origin: Callable[[Path], Path] | None = None
) -> Iterator[Finding]:
    """Duplicate and unknown ids; ``origin`` maps a question's place to the file's (a grid's
    rows are questions of their own), to name where the first of a duplicate is."""
    groups = {
        "sources": [s.id for s in spec.sources],
        "dimensions": [d.id for d in spec.dimensions],
        "questions": [q.id for q in spec.questions],
        "rules": [r.id for r in spec.rules],
        "steps": [s.id for s in spec.steps],
        "actions": [a.id for a in spec.actions],
        "examples": [e.id for e in spec.examples],
    }
    for group, ids in groups.items():
        for duplicate in _duplicates(ids):
            index = len(ids) - 1 - ids[::-1].index(duplicate)
            first: Path = (group, ids.index(duplicate))
            place = dotted(origin(first) if origin is not None else first)
            yield (group, index, "id"), f"duplicate id {duplicate!r}; the first is {place}"
    dimensions = set(groups["dimensions"])
    sources = set(groups["sources"])
    for index, question in enumerate(spec.questions):
        where: Path = ("questions", index)
        if question.dimension not in dimensions:
            yield (*where, "dimension"), _unknown("dimension", question.dimension, dimensions)
        elif question.id.split(".")[0] != question.dimension:
            yield (*where, "id"), f"id must start with its dimension: {question.dimension}.…"
        for source in question.sources:
            if source not in sources:
                yield (*where, "sources"), _unknown("source", source, sources)
        yield from _check_question_kind(question, where)
        if question.grid is not None:
            if question.grid in groups["questions"]:
                yield (*where, "grid"), f"grid id {question.grid!r} is also a question's id"
            elif question.grid.split(".")[0] != question.dimension:
                yield (*where, "grid"), f"id must start with its dimension: {question.dimension}.…"
            if len(question.options) > 9:
                yield (
                    (*where, "options"),
                    "a grid's rows are answered with the number keys: at most 9 options",
                )
    for index, rule in enumerate(spec.rules):
        for source in rule.sources:
            if source not in sources:
                yield ("rules", index, "sources"), _unknown("source", source, sources)
    steps = set(groups["steps"])
    rules = set(groups["rules"])
    for index, action in enumerate(spec.actions):
        if action.step not in steps:
            yield ("actions", index, "step"), _unknown("step", action.step, steps)
        if action.dimension not in dimensions:
            yield (
                ("actions", index, "dimension"),
                _unknown("dimension", action.dimension, dimensions),
            )
        for rule_id in action.rules:
            if rule_id not in rules:
                yield ("actions", index, "rules"), _unknown("rule", rule_id, rules)
        for field in ("title", "detail"):
            for named in re.findall(r"\{answer:([^}]*)\}", getattr(action, field)):
                if named not in set(groups["questions"]):
                    yield ("actions", index, field), f"{{answer:{named}}} names no question"
                elif named not in action.weak_answers:
                    yield (
                        ("actions", index, field),
                        f"{{answer:{named}}} may be unanswered: list {named} in weak_answers",
                    )
        for question_id in action.weak_answers:
            if question_id not in set(groups["questions"]):
                yield (
                    ("actions", index, "weak_answers"),
                    _unknown("question", question_id, groups["questions"]),
                )
    answered = {rule_id for action in spec.actions for rule_id in action.rules}
    for index, rule in enumerate(spec.rules):
        if rule.kind == "caution" and spec.actions and rule.id not in answered:
            yield (
                ("rules", index, "id"),
                f"caution {rule.id!r} names no action that answers it; list it in the "
                "`rules` of at least one action",
            )


def _check_question_kind(question: QuestionSpec, where: Path) -> Iterator[Finding]:
    from smreadiness.bank.kinds import check_spec

    yield from check_spec(question, where)  # the question's kind, and other kinds' keys on it
    if question.optional and question.weight > 0:
        yield (*where, "weight"), "an optional question must have weight 0 (it may stay unanswered)"


def check_core(spec: BankSpec) -> Iterator[Finding]:
    """A bank with ``core = true`` must keep every core id and option value, best first."""
    if not spec.core:
        return
    by_id = {q.id: (i, q) for i, q in enumerate(spec.questions)}
    for question_id, expected in CORE_QUESTIONS.items():
        if question_id not in by_id:
            yield ("questions",), f"core question {question_id!r} is missing"
            continue
        index, question = by_id[question_id]
        if isinstance(expected, str):
            if question.kind != expected:
                yield ("questions", index, "kind"), f"core question must be a {expected} question"
            elif question_id in CORE_NUMBER_RANGES:
                low, high = CORE_NUMBER_RANGES[question_id]
                if question.min != low or question.max != high:
                    yield ("questions", index, "min"), f"core range is {low:g} to {high:g}"
            continue
        values = tuple(o.value for o in question.options)
        if question.kind != "choice" or values != expected:
            yield (
                ("questions", index, "options"),
                (
                    f"core options must be {', '.join(expected)} (best first); "
                    f"found {', '.join(values) or 'none'}"
                ),
            )


def compile_conditions(spec: BankSpec) -> tuple[dict[Path, Node], list[Finding]]:
    """Parse every condition; the parsed ones by key path, and the parse errors."""
    parsed: dict[Path, Node] = {}
    findings: list[Finding] = []
    sources: list[tuple[Path, str | None]] = []
    sources += [(("questions", i, "show_if"), q.show_if) for i, q in enumerate(spec.questions)]
    sources += [(("rules", i, "when"), r.when) for i, r in enumerate(spec.rules)]
    sources += [(("actions", i, "when"), a.when) for i, a in enumerate(spec.actions)]
    for path, text in sources:
        if text is None:
            continue
        try:
            parsed[path] = parse(text)
        except ConditionError as error:
            findings.append((path, f"condition {text!r}: {error}"))
    return parsed, findings


def check_condition(node: Node, spec: BankSpec, path: Path) -> Iterator[Finding]:
    """Unknown ids and option values, and comparisons that can never make sense."""
    questions: dict[str, QuestionSpec] = {}
    for question in spec.questions:
        questions.setdefault(question.id, question)  # a duplicate is reported on its own
    dimensions = {d.id for d in spec.dimensions}
    yield from _check_node(node, questions, dimensions, path, top=True)


def _is_boolean(node: Node) -> bool:
    if isinstance(node, Literal):
        return isinstance(node.value, bool)
    return isinstance(node, Compare | Membership | Contains | BoolOp | Not | Answered)


def _check_node(  # noqa: C901 - one branch per node type of the condition language
    node: Node,
    questions: dict[str, QuestionSpec],
    dimensions: set[str],
    path: Path,
    top: bool = False,
) -> Iterator[Finding]:
    if top and not _is_boolean(node):
        yield path, "a condition must be true or false, e.g. a comparison"
    if isinstance(node, Ref | Answered) and node.question not in questions:
        yield path, _unknown("question", node.question, questions)
    if isinstance(node, ScoreRef) and node.dimension is not None:
        if node.dimension not in dimensions:
            yield path, _unknown("dimension", node.dimension, dimensions)
    if isinstance(node, BoolOp | Not | Count):
        for child in node.children():
            if not _is_boolean(child):
                yield path, "and/or/not/count take conditions, not bare values"
    if isinstance(node, Compare) and node.left is not None and node.right is not None:
        yield from _check_compare(node.op, node.left, node.right, questions, path)
    if isinstance(node, Contains | Chosen):
        yield from _check_multi(node, questions, path)
    if isinstance(node, Membership) and node.left is not None and node.options is not None:
        for value in node.options.values:
            literal = make_literal(value)
            yield from _check_compare("==", node.left, literal, questions, path)
    for child in node.children():
        if not isinstance(child, ListLit):
            yield from _check_node(child, questions, dimensions, path)


def _check_multi(
    node: Contains | Chosen, questions: dict[str, QuestionSpec], path: Path
) -> Iterator[Finding]:
    """``"x" in q`` and ``count(q)``: q is a multi question, and x one of its options."""
    question = questions.get(node.collection.question)
    if question is None:
        return  # reported as an unknown question
    if question.kind != "multi":
        how = f'{question.id} == "..."' if question.kind == "choice" else f"answered({question.id})"
        what = f'"..." in {question.id}' if isinstance(node, Contains) else f"count({question.id})"
        yield path, f"{what} needs a multi question; {question.id} is a {question.kind}: use {how}"
        return
    if isinstance(node, Contains):
        values = [o.value for o in question.options]
        value = node.item.value
        if not isinstance(value, str) or value not in values:
            near = _near(str(value), values)
            tip = f"; did you mean {near!r}?" if near else ""
            yield path, f"{value!r} is not an option of {question.id} ({', '.join(values)}){tip}"


def _check_compare(
    op: str, left: Node, right: Node, questions: dict[str, QuestionSpec], path: Path
) -> Iterator[Finding]:
    for ref, other in ((left, right), (right, left)):
        if not isinstance(ref, Ref) or ref.question not in questions:
            continue
        question = questions[ref.question]
        value = other.value if isinstance(other, Literal) else None
        if question.kind == "multi":
            yield (
                path,
                (
                    f"{question.id} is a multi question (a list of options): test it with "
                    f'"<option>" in {question.id} or count({question.id})'
                ),
            )
        elif question.kind == "choice":
            if op not in ("==", "!="):
                yield path, f"{question.id} is a choice: compare it with == or != or in"
            elif isinstance(value, str) and value not in {o.value for o in question.options}:
                allowed = ", ".join(o.value for o in question.options)
                near = _near(value, [o.value for o in question.options])
                tip = f"; did you mean {near!r}?" if near else ""
                yield path, f"{value!r} is not an option of {question.id} ({allowed}){tip}"
            elif value is not None and not isinstance(value, str):
                yield path, f"{question.id} is a choice: compare it with an option value in quotes"
        elif question.kind == "number" and isinstance(value, str | bool):
            yield path, f"{question.id} is a number: compare it with a number"
        elif question.kind == "text" and op not in ("==", "!="):
            yield path, f"{question.id} is text: use answered({question.id}) or ==/!="


def check_show_if_cycles(spec: BankSpec, parsed: dict[Path, Node]) -> Iterator[Finding]:
    graph: dict[str, list[str]] = {}
    index_of = {q.id: i for i, q in enumerate(spec.questions)}
    for i, question in enumerate(spec.questions):
        node = parsed.get(("questions", i, "show_if"))
        graph[question.id] = referenced_questions(node) if node is not None else []
    state: dict[str, int] = {}
    reported: set[str] = set()

    def visit(qid: str, trail: list[str]) -> Iterator[Finding]:
        state[qid] = 1
        for nxt in graph.get(qid, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt) :] + [nxt] if nxt in trail else [qid, nxt]
                if nxt not in reported:
                    reported.add(nxt)
                    path: Path = ("questions", index_of[nxt], "show_if")
                    yield path, f"show_if cycle: {' -> '.join(cycle)}"
            elif state.get(nxt) is None:
                yield from visit(nxt, [*trail, nxt])
        state[qid] = 2

    for qid in graph:
        if state.get(qid) is None:
            yield from visit(qid, [qid])


def check_optional_in_rules(spec: BankSpec, parsed: dict[Path, Node]) -> Iterator[Finding]:
    optional = {q.id for q in spec.questions if q.optional}
    for i, rule in enumerate(spec.rules):
        node = parsed.get(("rules", i, "when"))
        if node is None or rule.kind in ("strength", "caution"):
            continue
        for qid in referenced_questions(node):
            if qid in optional:
                yield (
                    ("rules", i, "when"),
                    (f"{qid} is optional and may stay unanswered; a {rule.kind} cannot rest on it"),
                )
