"""The JSON result of ``score`` and ``report --format json`` (``interface.md``)."""

from __future__ import annotations

import json
from typing import Any

from smreadiness.engine.result import Evaluation
from smreadiness.i18n import language
from smreadiness.store.assessment import Assessment
from smreadiness.textsafe import escape_raw


def result_document(assessment: Assessment, evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation plus who it is about. Deterministic: no clocks in it."""
    return {
        "name": assessment.name,
        "id": assessment.id,
        "language": assessment.language or language(),
        **evaluation.to_json(),
        **({"evidence": dict(assessment.evidence)} if assessment.evidence else {}),
    }


def dumps(document: Any) -> str:
    """JSON with non-ASCII kept readable, but every control character escaped."""
    return escape_raw(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False))
