"""``questions validate``: every problem in a bank file, each with file, line and key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smreadiness.bank.checks import (
    check_condition,
    check_core,
    check_ids,
    check_optional_in_rules,
    check_show_if_cycles,
    compile_conditions,
)
from smreadiness.bank.model import Bank, build_bank
from smreadiness.problems import Problem, ProblemsError
from smreadiness.tomlfile import Locator, dotted, parse_toml


@dataclass
class BankReport:
    """What validation found: the bank when it is usable, and every problem otherwise."""

    name: str
    problems: list[Problem] = field(default_factory=list)
    bank: Bank | None = None
    data: dict[str, Any] | None = None
    examples_checked: int = 0


def validate_bank_bytes(raw: bytes, name: str) -> BankReport:
    """Check a bank: TOML, schema, ids, conditions, cycles, core ids, monotonicity, examples."""
    report = BankReport(name)
    try:
        data, text = parse_toml(raw, name)
    except ProblemsError as error:
        report.problems = error.problems
        return report
    locator = Locator(text)

    def problem(path: tuple[str | int, ...], message: str) -> Problem:
        return Problem(name, message, key=dotted(path), line=locator.line(path))

    # Imported here: only validation pays for building the pydantic models.
    from pydantic import ValidationError

    from smreadiness.bank.schema import BankSpec

    try:
        spec = BankSpec.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            path = tuple(item["loc"])
            message = item["msg"]
            if item["type"] == "extra_forbidden":
                message = "unknown key (check the spelling; see the bank format)"
            elif item["type"] not in ("missing",) and "input" in item:
                shown = repr(item["input"])
                message += f" (got {shown[:60]}{'…' if len(shown) > 60 else ''})"
            report.problems.append(problem(path, message))
        return report

    findings = list(check_ids(spec)) + list(check_core(spec))
    parsed, parse_findings = compile_conditions(spec)
    findings += parse_findings
    for path, node in parsed.items():
        findings += list(check_condition(node, spec, path))
    findings += list(check_show_if_cycles(spec, parsed))
    findings += list(check_optional_in_rules(spec, parsed))
    report.problems += [problem(path, message) for path, message in findings]
    if report.problems:
        return report

    dumped = spec.model_dump(mode="json")
    bank = build_bank(dumped, name)
    report.problems += _check_semantics(bank, problem)
    report.examples_checked = len(bank.examples)
    if not report.problems:
        report.bank = bank
        report.data = dumped
    return report


def _check_semantics(bank: Bank, problem: Any) -> list[Problem]:
    from smreadiness.bank.monotonic import check_monotonic
    from smreadiness.engine.answers import check_answers
    from smreadiness.engine.evaluate import evaluate_answers

    problems: list[Problem] = []
    question_index = {q.id: i for i, q in enumerate(bank.questions)}
    for variable, message in check_monotonic(bank):
        if variable in question_index:
            problems.append(problem(("questions", question_index[variable], "id"), message))
        else:
            problems.append(problem(("rules",), message))
    for index, example in enumerate(bank.examples):
        answers, answer_problems = check_answers(bank, example.answers)
        for item in answer_problems:
            problems.append(problem(("examples", index, "answers", item.question), item.message))
        if answer_problems:
            continue
        result = evaluate_answers(bank, answers, what_if=False, plan=False)
        if result.verdict != example.expected:
            because = ", ".join(r.rule for r in result.reasons) or "no rule applies"
            partial = "" if result.complete else f"; {len(result.unanswered)} unanswered"
            problems.append(
                problem(
                    ("examples", index, "expected"),
                    f"example {example.id!r} expects {example.expected} but its answers give "
                    f"{result.verdict} (score {result.score}; {because}{partial})",
                )
            )
    return problems
