"""Scales: options shared by many questions, written once.

A bank lists ``[[scales]]`` (an id and its options, best first) and a question says
``kind = "scale"`` and ``scale = "<id>"``. Before the bank is checked, each such question is
given its scale's options and becomes a choice question that remembers its scale, so
everything after (scores, rules, the monotonicity check, the screens) treats it as a choice;
a translation gives a scale's labels once for all its questions.
"""

from __future__ import annotations

from typing import Any

from smreadiness.bank.checks import Finding, _unknown


def expand_scales(data: dict[str, Any]) -> tuple[dict[str, Any], list[Finding]]:
    """The bank's raw data with scale questions turned into choices; what is wrong with them."""
    questions = data.get("questions")
    scales = data.get("scales")
    if not isinstance(questions, list):
        return data, []
    known: dict[str, Any] = {}
    if isinstance(scales, list):
        known = {s["id"]: s for s in scales if isinstance(s, dict) and isinstance(s.get("id"), str)}
    findings: list[Finding] = []
    out: list[Any] = []
    for index, question in enumerate(questions):
        expanded, problem = _expand(question, index, known)
        out.append(expanded)
        findings += problem
    return {**data, "questions": out}, findings


def _expand(question: Any, index: int, known: dict[str, Any]) -> tuple[Any, list[Finding]]:
    where = ("questions", index)
    if not isinstance(question, dict):
        return question, []
    if question.get("kind") != "scale":
        if "scale" in question:
            return question, [((*where, "scale"), "scale applies to scale questions only")]
        return question, []
    name = question.get("scale")
    if not isinstance(name, str):
        return question, [((*where, "scale"), 'a scale question names its scale: scale = "<id>"')]
    if name not in known:
        return question, [((*where, "scale"), _unknown("scale", name, known))]
    if "options" in question:
        message = "a scale question takes its options from its scale; leave options out"
        return question, [((*where, "options"), message)]
    return {**question, "kind": "choice", "options": known[name].get("options", [])}, []
