"""The engine: answers plus a bank give scores, a verdict with reasons, what-if and a plan.

Plain Python: it never imports Textual, and not pydantic either, so scoring stays fast.
"""

from smreadiness.engine.answers import (
    AnswerProblem,
    check_answer,
    check_answers,
    rounded,
    typed_number,
)
from smreadiness.engine.evaluate import UNANSWERED_RULE, evaluate_answers
from smreadiness.engine.result import ActionItem, Evaluation, Reason, WhatIf

__all__ = [
    "UNANSWERED_RULE",
    "ActionItem",
    "AnswerProblem",
    "Evaluation",
    "Reason",
    "WhatIf",
    "check_answer",
    "rounded",
    "typed_number",
    "check_answers",
    "evaluate_answers",
]
