"""What the engine returns: immutable, and convertible to the public JSON result."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from smreadiness.bank.conditions import Scalar

WEAK_RULE_PREFIX = "weak-"
"""Rule id prefix of the engine's own "this area is weak" cautions (``weak-<dimension>``)."""


class Reason(NamedTuple):
    """Why the verdict is what it is: one rule that applies, with the answers behind it."""

    kind: str
    rule: str
    message: str
    idea: str
    sources: tuple[str, ...]
    questions: tuple[str, ...]


class WhatIf(NamedTuple):
    """A smallest set of answer changes that would lift the verdict."""

    changes: Mapping[str, Scalar]
    verdict: str
    effort: int
    facts: tuple[str, ...] = ()
    """Changed questions whose answers are facts about the business, not choices: the
    change applies only if it is really true."""


class ActionItem(NamedTuple):
    """One step of the action plan."""

    id: str
    step: str
    step_title: str
    title: str
    detail: str
    dimension: str
    because: tuple[str, ...]
    horizon: str = "later"
    """``now`` for this week's few first actions (and a no-go's bridges), else ``later``."""
    effort: int = 3
    """How hard it is, 1-5: the bank's effort of the easiest answer it changes."""
    question: str | None = None
    """A "find out" action: the question answered "don't know"."""


class Evaluation(NamedTuple):
    """Scores, verdict and plan for one set of answers against one bank."""

    bank_id: str
    bank_version: str
    verdict: str
    complete: bool
    score: int | None
    dimensions: Mapping[str, int | None]
    reasons: tuple[Reason, ...]
    unanswered: tuple[str, ...]
    best: str
    worst: str
    answers: Mapping[str, Scalar]
    hidden: tuple[str, ...] = ()
    what_if: tuple[WhatIf, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    answered_count: int = 0
    """Required (non-optional) questions answered."""
    question_count: int = 0
    """Required questions asked for these answers (``show_if`` applied)."""
    extra: Mapping[str, Any] = {}
    unknown: tuple[str, ...] = ()
    """Questions answered "don't know" (answered, left out of scores and rules)."""

    @property
    def decided(self) -> bool:
        """True when no remaining answer can change the verdict."""
        return self.best == self.worst

    def to_json(self) -> dict[str, Any]:
        """The public JSON result (``interface.md``), extended with range and progress."""
        return {
            "verdict": self.verdict,
            "complete": self.complete,
            "score": self.score,
            "dimensions": dict(self.dimensions),
            "reasons": [
                {
                    "kind": r.kind,
                    "rule": r.rule,
                    "message": r.message,
                    "questions": list(r.questions),
                    "idea": r.idea,
                    "sources": list(r.sources),
                }
                for r in self.reasons
            ],
            "unanswered": list(self.unanswered),
            "unknown": list(self.unknown),
            "what_if": [
                {
                    "changes": dict(w.changes),
                    "verdict": w.verdict,
                    "effort": w.effort,
                    "facts": list(w.facts),
                }
                for w in self.what_if
            ],
            "actions": [
                {
                    "id": a.id,
                    "step": a.step,
                    "title": a.title,
                    "detail": a.detail,
                    "dimension": a.dimension,
                    "because": list(a.because),
                    "horizon": "this_week" if a.horizon == "now" else "later",
                    **({"question": a.question} if a.question else {}),
                }
                for a in self.actions
            ],
            "verdict_range": {"worst": self.worst, "best": self.best, "decided": self.decided},
            "progress": {"answered": self.answered_count, "total": self.question_count},
            "bank": {"id": self.bank_id, "version": self.bank_version},
            "answers": dict(self.answers),
            **self.extra,
        }
