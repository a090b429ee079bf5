"""Shared plumbing of the commands: errors as one line each, targets, banks, answers."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smreadiness.cli import EXIT_BAD_INPUT, EXIT_PROBLEM
from smreadiness.i18n import _
from smreadiness.paths import exists, user_path
from smreadiness.problems import Problem, ProblemsError, print_problems
from smreadiness.store import Assessment, NotFoundError, Store, StoreError, parse_assessment
from smreadiness.textsafe import clean, shorten
from smreadiness.tomlfile import Locator, read_toml

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar
    from smreadiness.bank.model import Bank
    from smreadiness.engine.answers import AnswerProblem


def error(message: str) -> None:
    """One line on stderr, with user text made harmless."""
    print(clean(message, single_line=True), file=sys.stderr)


def handles_errors(run: Callable[[Any], int]) -> Callable[[Any], int]:
    """Bad input becomes one line per problem and exit 3; store problems exit 1."""

    @functools.wraps(run)
    def wrapper(args: Any) -> int:
        try:
            return run(args)
        except ProblemsError as problems:
            print_problems(problems.problems)
            return EXIT_BAD_INPUT
        except StoreError as failure:
            error(f"smreadiness: {failure}")
            return EXIT_PROBLEM

    return wrapper


class Target:
    """An assessment to work on: from a file the user named, or from the store."""

    def __init__(self, assessment: Assessment, label: str, locator: Locator | None) -> None:
        self.assessment = assessment
        self.label = label
        self.locator = locator


def _key_path(key: str) -> tuple[str, ...]:
    """``answers."purpose.goals"`` -> ``("answers", "purpose.goals")``; ``meta.name`` split."""
    head, _dot, rest = key.partition(".")
    if rest.startswith('"') and rest.endswith('"'):
        return (head, rest[1:-1])
    return (head, *rest.split(".")) if rest else (head,)


def _with_lines(problems: list[Problem], locator: Locator) -> list[Problem]:
    return [
        p._replace(line=locator.line(_key_path(p.key))) if p.key and p.line is None else p
        for p in problems
    ]


def open_file(path: Path, *, check_with_bank: str | None = None, language: str = "en") -> Target:
    """Read an assessment or answers file. Every problem at once: its [meta] and, when
    ``check_with_bank`` names the bank to check against (or ``""`` for the file's own), its
    answers too."""
    data, text = read_toml(path)
    locator = Locator(text)
    label = str(path)
    try:
        assessment = parse_assessment(data, label, fallback_id=path.stem)
    except ProblemsError as failure:
        problems = _with_lines(failure.problems, locator)
        answers = data.get("answers")
        if check_with_bank is not None and isinstance(answers, dict):
            meta = data.get("meta")
            own = meta.get("bank") if isinstance(meta, dict) else None
            spec = check_with_bank or (own if isinstance(own, str) else None)
            problems += _answer_problems(spec, answers, label, locator, language)
        raise ProblemsError(problems) from None
    return Target(assessment, label, locator)


def _answer_problems(
    spec: str | None, answers: dict[str, Any], label: str, locator: Locator, language: str
) -> list[Problem]:
    from smreadiness.bank.loader import load_bank
    from smreadiness.engine import check_answers

    try:
        bank = load_bank(spec or None, language)
    except ProblemsError:
        return []  # the bank's own problem is reported when it is used
    flat = {k: v for k, v in answers.items() if not isinstance(v, dict | list)}
    _clean, problems = check_answers(bank, flat)
    return _answer_lines(problems, label, locator)


def _answer_lines(
    problems: list[AnswerProblem], label: str, locator: Locator | None
) -> list[Problem]:
    """Answer problems as lines naming the file, the answer's key and its line."""
    return [
        Problem(
            label,
            item.message,
            key=f'answers."{item.question}"',
            line=locator.line(("answers", item.question)) if locator else None,
        )
        for item in problems
    ]


def open_target(spec: str, store: Store | None = None, **options: Any) -> Target:
    """A path to an existing file, else a saved assessment's name or id."""
    if not spec.strip():
        raise NotFoundError(_("give the name or id of a saved assessment, or a file"))
    path = user_path(spec)
    if exists(path) or spec.endswith(".toml"):
        return open_file(path, **options)
    from smreadiness.i18n import language
    from smreadiness.index import find

    saved_in = store or Store()
    assessment = find(saved_in, language(), spec)
    saved = saved_in.path_for(assessment.id)
    return open_file(saved, **options) if exists(saved) else Target(assessment, str(saved), None)


def bank_for(assessment: Assessment, override: str | None, language: str, label: str = "") -> Bank:
    """The bank to use: ``--bank`` if given, else the one the assessment names."""
    from smreadiness.bank.loader import load_bank

    if override:
        return load_bank(override, language)
    try:
        return load_bank(assessment.bank or None, language)
    except ProblemsError as failure:
        if not label:
            raise
        reasons = "; ".join(p.message for p in failure.problems)
        message = _("names bank {bank}: {reason}").format(
            bank=repr(shorten(assessment.bank)), reason=reasons
        )
        raise ProblemsError([Problem(label, message, key="meta.bank")]) from None


def checked_answers(bank: Bank, target: Target) -> dict[str, Scalar]:
    """The target's answers, or :class:`ProblemsError` naming each bad one with its line."""
    from smreadiness.engine import check_answers

    answers, problems = check_answers(bank, target.assessment.answers)
    if problems:
        raise ProblemsError(_answer_lines(problems, target.label, target.locator))
    return answers
