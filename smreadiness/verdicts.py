"""The three verdicts, worst first. A module of its own so that listing saved assessments
(the home screen's first frame) does not import the bank's condition language."""

from __future__ import annotations

VERDICTS: tuple[str, ...] = ("no_go", "not_yet", "go")
VERDICT_RANK = {name: rank for rank, name in enumerate(VERDICTS)}
