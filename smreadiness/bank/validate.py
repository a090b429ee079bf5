"""``questions validate``: every problem in a bank file, each with file, line and key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

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

if TYPE_CHECKING:
    from smreadiness.bank.monotonic import Violation
    from smreadiness.bank.translation import TranslationSpec

M = TypeVar("M", bound=BaseModel)


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
    report = _validate(raw, name)
    # A grid's shared key is checked on each of its rows: say each problem once.
    report.problems = list(dict.fromkeys(report.problems))
    return report


def _validate(raw: bytes, name: str) -> BankReport:
    report = BankReport(name)
    try:
        data, text = parse_toml(raw, name)
    except ProblemsError as error:
        report.problems = error.problems
        return report
    locator = Locator(text)
    # Imported here: only validation pays for building the pydantic models.
    from smreadiness.bank.grids import expand_grids
    from smreadiness.bank.scales import expand_scales
    from smreadiness.bank.schema import BankSpec

    data, grid_findings, origins = expand_grids(data)

    def problem(path: tuple[str | int, ...], message: str) -> Problem:
        path = origins.path(path)  # a grid's row: the row's line, or the grid's
        return Problem(name, message, key=dotted(path), line=locator.line(path))

    if grid_findings:
        report.problems = [problem(path, message) for path, message in grid_findings]
        return report
    data, scale_findings = expand_scales(data)
    if scale_findings:
        report.problems = [problem(path, message) for path, message in scale_findings]
        return report
    spec, schema_problems = _model(BankSpec, data, name, locator, origins.path)
    if spec is None:
        report.problems = schema_problems
        return report

    findings = list(check_ids(spec, origins.path)) + list(check_core(spec))
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


def _model(
    model: type[M],
    data: dict[str, Any],
    name: str,
    locator: Locator,
    where: Callable[[tuple[str | int, ...]], tuple[str | int, ...]] | None = None,
) -> tuple[M | None, list[Problem]]:
    """Validate data with a pydantic model; every error as a Problem with key and line
    (``where`` maps a path in ``data`` to the file's, for grids expanded into rows)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            path = tuple(item["loc"])
            if where is not None:
                path = where(path)
            message = item["msg"]
            if item["type"] == "extra_forbidden":
                message = "unknown key (check the spelling; see the bank format)"
                close = _close_keys(model, path)
                if close:
                    message = f"unknown key; did you mean {close!r}? (see the bank format)"
            elif item["type"] == "literal_error" and _question_kind(path):
                kinds = "choice, multi, number, text, scale or grid"
                message = f"unknown kind {item['input']!r}; a question's kind is {kinds}"
            elif item["type"] != "missing" and "input" in item:
                try:
                    shown = repr(item["input"])
                except ValueError:  # an integer too long to print
                    shown = "a number too long to show"
                message += f" (got {shown[:60]}{'…' if len(shown) > 60 else ''})"
            problems.append(Problem(name, message, key=dotted(path), line=locator.line(path)))
        return None, problems


def _question_kind(path: tuple[Any, ...]) -> bool:
    return len(path) == 3 and path[0] == "questions" and path[2] == "kind"


def _close_keys(model: type[Any], path: tuple[Any, ...]) -> str | None:
    """The nearest allowed key to the unknown one at the end of ``path``, if one is close."""
    import difflib
    import typing

    current: Any = model
    for step in path[:-1]:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or step not in fields:
            return None
        annotation: Any = fields[step].annotation
        while True:  # list[X], X | None, Annotated[X, ...]: down to the model inside
            arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
            if hasattr(annotation, "model_fields") or not arguments:
                break
            annotation = next((a for a in arguments if hasattr(a, "model_fields")), arguments[0])
        current = annotation
    fields = getattr(current, "model_fields", None)
    if fields is None or not isinstance(path[-1], str):
        return None
    found = difflib.get_close_matches(path[-1], list(fields), n=1, cutoff=0.7)
    return found[0] if found else None


def parse_translation(raw: bytes, name: str) -> TranslationSpec:
    """A translation file's texts, or :class:`ProblemsError` (TOML and schema problems)."""
    from smreadiness.bank.translation import TranslationSpec

    data, text = parse_toml(raw, name)
    spec, problems = _model(TranslationSpec, data, name, Locator(text))
    if spec is None:
        raise ProblemsError(problems)
    return spec


def validate_translation_bytes(base: dict[str, Any], raw: bytes, name: str) -> list[Problem]:
    """Every problem of a translation: TOML, schema, missing texts, keys the base lacks."""
    from smreadiness.bank.translation import check_translation

    try:
        spec = parse_translation(raw, name)
    except ProblemsError as error:
        return error.problems
    locator = Locator(raw.decode("utf-8"))
    out = []
    for key, message in check_translation(base, spec):
        path = tuple(_split_key(key))
        out.append(Problem(name, message, key=key, line=locator.line(path)))
    if not out:
        out += _check_translated_examples(base, spec, name, locator)
    return out


def _check_translated_examples(
    base: dict[str, Any], spec: TranslationSpec, name: str, locator: Locator
) -> list[Problem]:
    """The worked examples must give the same verdicts in every language (text answers,
    e.g. a translated pitch, can change a score)."""
    from smreadiness.bank.translation import apply_translation
    from smreadiness.engine.answers import check_answers
    from smreadiness.engine.evaluate import evaluate_answers

    bank = build_bank(apply_translation(base, spec), name)
    problems = []
    for example in bank.examples:
        answers, _problems = check_answers(bank, example.answers)
        verdict = evaluate_answers(bank, answers, what_if=False, plan=False).verdict
        if verdict != example.expected:
            path = ("examples", example.id, "answers")
            problems.append(
                Problem(
                    name,
                    f"example {example.id!r} expects {example.expected} but gives {verdict} "
                    "in this language",
                    key=f"examples.{example.id}",
                    line=locator.line(path),
                )
            )
    return problems


def _split_key(key: str) -> list[str]:
    """``questions.purpose.goals.help`` -> ``questions``, ``purpose.goals``, ``help``."""
    section, _dot, rest = key.partition(".")
    if section == "questions" and rest.count(".") >= 1:
        first, second, *tail = rest.split(".")
        return [section, f"{first}.{second}", *tail]
    return [section, *rest.split(".")] if rest else [section]


def _with_answers(bank: Bank, violation: Violation) -> tuple[str, str]:
    """The violation, and two complete answer sets that show it, as TOML to paste into an
    answers file and run with ``score``: every other answer at its best, so only the rules
    named can move the verdict. Without such a pair (the rules test the score, which answers
    set only indirectly) the setting alone is given."""
    import tomli_w

    from smreadiness.bank.kinds import KINDS
    from smreadiness.engine.evaluate import evaluate_answers

    base: dict[str, Any] = {}
    for question in bank.questions:
        base[question.id] = KINDS[question.kind].best(question)
    for key, value in violation.setting.items():
        if key in bank.by_id:
            if value is None:
                base.pop(key, None)
            else:
                base[key] = value
    worse = {**base, violation.variable: violation.worse}
    better = {**base, violation.variable: violation.better}
    before = evaluate_answers(bank, worse, what_if=False, plan=False).verdict
    after = evaluate_answers(bank, better, what_if=False, plan=False).verdict
    from smreadiness.verdicts import VERDICT_RANK

    if VERDICT_RANK[after] >= VERDICT_RANK[before]:
        return str(violation), ""
    pair = [
        f"# worse answer, verdict {before}:\n" + tomli_w.dumps({"answers": worse}),
        f"# better answer, verdict {after}:\n" + tomli_w.dumps({"answers": better}),
    ]
    return str(violation), "\n".join(pair)


def _check_semantics(bank: Bank, problem: Any) -> list[Problem]:
    from smreadiness.bank.monotonic import check_monotonic
    from smreadiness.engine.answers import check_answers
    from smreadiness.engine.evaluate import evaluate_answers

    problems: list[Problem] = []
    question_index = {q.id: i for i, q in enumerate(bank.questions)}
    for variable, found in check_monotonic(bank):
        message, detail = (found, "") if isinstance(found, str) else _with_answers(bank, found)
        where = ("questions", question_index[variable], "id")
        found_at = problem(where if variable in question_index else ("rules",), message)
        problems.append(found_at._replace(detail=detail))
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
