"""Scales, numbers where less is better, and answers saying a question does not apply.

Through the commands, with the example bank docs/examples/daily-releases.toml (which uses all
of them) and broken variants of it.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.conftest import ROOT, run_cli, validate_broken

EXAMPLE = ROOT / "docs" / "examples" / "daily-releases.toml"
HARBOR = {
    "delivery.frequency": "weekly",
    "delivery.lead_days": 5,
    "stability.failure_pct": 20,
    "stability.restore_hours": 4,
    "stability.team_size": 2,
    "practices.tests": "sometimes",
    "practices.review": "mostly",
    "practices.rollback": "mostly",
    "practices.flags": "not_applicable",
    "stability.first_hour": "Fix it by hand.",
    "stability.signals": ["monitoring", "customers"],
    "delivery.build": "machine",
    "delivery.deploy": "partly",
    "delivery.migrations": "none",
}


def _score(tmp_path: Path, answers: dict[str, Any], bank: Path = EXAMPLE) -> dict[str, Any]:
    path = tmp_path / f"answers-{len(list(tmp_path.iterdir()))}.toml"
    path.write_text(
        tomli_w.dumps({"meta": {"name": "Team", "bank": str(bank)}, "answers": answers}),
        encoding="utf-8",
    )
    result = run_cli("score", str(path), "--format", "json")
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def test_the_example_bank_is_valid_and_its_examples_hold() -> None:
    result = run_cli("questions", "validate", str(EXAMPLE))
    assert result.code == 0, result.out + result.err
    assert "3 worked examples give their expected verdicts" in result.out


def test_the_example_bank_uses_every_kind_of_question() -> None:
    raw = tomllib.loads(EXAMPLE.read_text("utf-8"))
    kinds = {question["kind"] for question in raw["questions"]}
    assert kinds == {"choice", "multi", "grid", "scale", "number", "text"}
    numbers = [q for q in raw["questions"] if q["kind"] == "number"]
    assert {q.get("better", "higher") for q in numbers} == {"higher", "lower"}
    options = [o for q in raw["questions"] for o in q.get("options", [])]
    options += [o for scale in raw["scales"] for o in scale["options"]]
    assert any(o.get("not_applicable") for o in options)
    assert any(o.get("exclusive") for o in options)
    assert any(o.get("evidence") for o in options)


def test_a_not_applicable_answer_is_answered_but_left_out_of_the_score(tmp_path: Path) -> None:
    with_it = _score(tmp_path, HARBOR)
    assert with_it["complete"] is True
    assert with_it["unknown"] == []  # not a "don't know": nothing to find out
    assert with_it["verdict"] == "not_yet"
    without = _score(tmp_path, {**HARBOR, "practices.flags": "never"})
    assert without["dimensions"]["practices"] < with_it["dimensions"]["practices"]
    shown = run_cli("report", str(sorted(tmp_path.glob("answers-*.toml"))[0]))
    assert "Does not apply to us" in " ".join(shown.out.split())


def test_a_rule_sees_a_not_applicable_answer_as_not_known(tmp_path: Path) -> None:
    """The knock-out needs a slow recovery and a rollback that is not quick; 'does not
    apply' on the rollback is not a reason to knock out."""
    slow = {**HARBOR, "stability.restore_hours": 200, "practices.tests": "always"}
    assert _score(tmp_path, {**slow, "practices.rollback": "never"})["verdict"] == "no_go"
    assert _score(tmp_path, {**slow, "practices.rollback": "not_applicable"})["verdict"] != "no_go"


@pytest.mark.parametrize(
    ("days", "points"), [(0, 100), (1, 100), (2, 70), (7, 70), (8, 35), (30, 35), (31, 0)]
)
def test_less_is_better_scores_by_the_first_band_that_fits(
    tmp_path: Path, days: int, points: int
) -> None:
    answers = {**HARBOR, "delivery.lead_days": days, "delivery.frequency": "daily"}
    answers.update({"delivery.build": "none", "delivery.deploy": "none"})  # left out
    document = _score(tmp_path, answers)
    assert document["dimensions"]["delivery"] == (100 + points) // 2 + ((100 + points) % 2)


def test_what_if_for_a_lower_is_better_number_suggests_a_lower_one(tmp_path: Path) -> None:
    answers = {**HARBOR, "practices.tests": "always", "delivery.lead_days": 45}
    document = _score(tmp_path, answers)
    assert document["verdict"] == "not_yet"
    changes = [item["changes"] for item in document["what_if"]]
    suggested = [c["delivery.lead_days"] for c in changes if "delivery.lead_days" in c]
    assert suggested and all(days <= 30 for days in suggested)


def _broken(tmp_path: Path, old: str, new: str) -> str:
    result = validate_broken(EXAMPLE, tmp_path, old, new)
    assert result.code != 0, result.out
    return result.out + result.err


BROKEN = {
    "scale-missing": (
        'scale = "agree"\nprompt = "Tests',
        'scale = "agre"\nprompt = "Tests',
        r"unknown scale 'agre'; did you mean 'agree'",
    ),
    "scale-not-named": (
        'kind = "scale"\nscale = "agree"\nprompt = "Tests',
        'kind = "scale"\nprompt = "Tests',
        r"a scale question names its scale",
    ),
    "scale-on-a-choice": (
        'kind = "choice"\nprompt = "How often',
        'kind = "choice"\nscale = "agree"\nprompt = "How often',
        r"scale applies to scale questions only",
    ),
    "at-least-on-lower": (
        "[[questions.bands]]\nat_most = 5\n",
        "[[questions.bands]]\nat_least = 5\n",
        r"each band gives at_most",
    ),
    "at-most-out-of-order": (
        "at_most = 7\nscore = 70",
        "at_most = 0\nscore = 70",
        r"bands must be listed lowest first",
    ),
    "lower-band-scores-higher": (
        "at_most = 30\nscore = 35",
        "at_most = 30\nscore = 90",
        r"lower is better",
    ),
    "not-applicable-first": (
        'value = "always"\nlabel = "Always"\nscore = 100',
        'value = "always"\nlabel = "Always"\nscore = 100\nnot_applicable = true',
        r"not_applicable\) come last",
    ),
    "better-on-a-choice": (
        'kind = "choice"\nprompt = "How often',
        'kind = "choice"\nbetter = "lower"\nprompt = "How often',
        r"better applies to number questions only",
    ),
    "better-misspelt": (
        'better = "lower"\nprompt = "How many days',
        'better = "less"\nprompt = "How many days',
        r"better",
    ),
    "min-not-a-number": ("min = 0\nmax = 365", "min = nan\nmax = 365", r"finite number"),
    "band-infinite": ("at_most = 365", "at_most = inf", r"finite number"),
    "not-applicable-on-a-number": (
        '[[questions]]\nid = "delivery.automation"',
        '[[questions.options]]\nvalue = "na"\nlabel = "n/a"\nscore = 0\nnot_applicable = true\n\n'
        '[[questions]]\nid = "delivery.automation"',
        r"number question has no options",
    ),
}


@pytest.mark.parametrize(("old", "new", "expected"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_kinds_are_clear_errors(tmp_path: Path, old: str, new: str, expected: str) -> None:
    output = _broken(tmp_path, old, new)
    assert re.search(expected, output), output
    assert re.search(r"broken\.toml:\d+: ", output), output  # file:line, as every problem
