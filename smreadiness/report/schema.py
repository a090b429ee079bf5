"""The JSON result as pydantic models: the contract of ``score``/``report --format json``.

Only used to publish and check the JSON Schema; the commands build the JSON directly from the
engine's result, and the tests validate that output against these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Verdict = Literal["no_go", "not_yet", "go"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class ReasonModel(_Model):
    kind: Literal["knockout", "blocker", "caution", "strength"]
    """knockout: no-go; blocker: not yet; caution: something to watch, answered by the
    actions that name its rule in ``because``; strength: reported only. Cautions and
    strengths never change the verdict. After a no-go only knock-outs and up to three
    cautions ``weak-<dimension>`` (the weakest areas) are listed."""
    rule: str
    """Rule id from the bank (``unanswered`` while questions are open, ``unknown`` while
    "don't know" answers keep the verdict open)."""
    message: str
    """The reason as the user reads it."""
    questions: list[str]
    """Question ids whose answers make the rule apply."""
    idea: str
    """The idea behind the rule."""
    sources: list[str]
    """Source article ids."""


class WhatIfModel(_Model):
    changes: dict[str, str | int | float | list[str]]
    """Answer changes, question id -> new answer (a list of option values for a multi
    question)."""
    verdict: Verdict
    """The verdict the changes would give."""
    effort: int
    """How hard the changes are (lower is easier); the list is sorted easiest first."""
    facts: list[str] = []
    """Changed questions whose answers are facts about the business rather than choices
    (industry, size, how it is organised): the change applies only if it is really true."""


class ActionModel(_Model):
    id: str
    step: str
    """Strategy step id (listening, goals, content, presence, channels, measurement, ...)."""
    title: str
    detail: str
    dimension: str
    """The dimension the action lifts."""
    because: list[str]
    """Rule ids, ``weak:<dimension>`` or ``condition``: why the action is proposed."""
    horizon: Literal["this_week", "later"] = "later"
    """``this_week``: one of the (at most three) actions to start with, or after a no-go one
    of the one or two things to do instead; ``later``: the rest of the plan."""
    question: str | None = None
    """For a "find out" action: the question answered "don't know"."""


class RangeModel(_Model):
    worst: Verdict
    best: Verdict
    decided: bool
    """True when no remaining answer can change the verdict."""


class ProgressModel(_Model):
    answered: int
    total: int


class BankRefModel(_Model):
    id: str
    version: str


class ResultModel(_Model):
    """The JSON result of ``smreadiness score`` and ``smreadiness report --format json``."""

    name: str
    """Company name."""
    id: str
    """Assessment id (or the file's name for an answers file)."""
    language: str
    verdict: Verdict
    complete: bool
    """False while required questions are unanswered."""
    score: int | None
    """Overall score 0-100 from answered questions; null before any scored answer."""
    dimensions: dict[str, int | None]
    """Score per dimension, 0-100; null where nothing is answered yet."""
    reasons: list[ReasonModel]
    unanswered: list[str]
    unknown: list[str] = []
    """Questions answered "don't know" (``"?"``): answered, left out of scores and rules."""
    what_if: list[WhatIfModel]
    actions: list[ActionModel]
    verdict_range: RangeModel
    progress: ProgressModel
    bank: BankRefModel
    answers: dict[str, str | int | float | list[str]]
    """The answers by question id: an option's value, a number, a text, ``"?"`` for don't
    know, or a list of option values for a multi question."""
    evidence: dict[str, str] = {}
    """What was given as evidence for strong answers, by question id (the bank's ``evidence``
    follow-ups); absent when none was asked for."""
