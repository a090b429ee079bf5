"""Shared plumbing of the commands: errors as one line each, targets, banks, answers."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smreadiness.cli import EXIT_BAD_INPUT, EXIT_PROBLEM
from smreadiness.problems import Problem, ProblemsError
from smreadiness.store import Assessment, Store, StoreError, parse_assessment
from smreadiness.textsafe import clean
from smreadiness.tomlfile import Locator, read_toml

if TYPE_CHECKING:
    from smreadiness.bank.conditions import Scalar
    from smreadiness.bank.model import Bank


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
            for problem in problems.problems:
                error(str(problem))
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


def open_file(path: Path) -> Target:
    data, text = read_toml(path)
    return Target(
        parse_assessment(data, str(path), fallback_id=path.stem), str(path), Locator(text)
    )


def open_target(spec: str, store: Store | None = None) -> Target:
    """A path to an existing file, else a saved assessment's name or id."""
    path = Path(spec).expanduser()
    if path.exists() or spec.endswith(".toml"):
        return open_file(path)
    store = store or Store()
    assessment = store.find(spec)
    saved = store.path_for(assessment.id)
    return open_file(saved) if saved.exists() else Target(assessment, str(saved), None)


def bank_for(assessment: Assessment, override: str | None, language: str) -> Bank:
    from smreadiness.bank.loader import load_bank

    return load_bank(override or assessment.bank or None, language)


def checked_answers(bank: Bank, target: Target) -> dict[str, Scalar]:
    """The target's answers, or :class:`ProblemsError` naming each bad one with its line."""
    from smreadiness.engine import check_answers

    answers, problems = check_answers(bank, target.assessment.answers)
    if problems:
        raise ProblemsError(
            [
                Problem(
                    target.label,
                    item.message,
                    key=f'answers."{item.question}"',
                    line=target.locator.line(("answers", item.question))
                    if target.locator
                    else None,
                )
                for item in problems
            ]
        )
    return answers
