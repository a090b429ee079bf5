"""The JSON result of ``score`` and ``report --format json`` (``interface.md``)."""

from __future__ import annotations

import json
import re
from typing import Any

from smreadiness.engine.result import Evaluation
from smreadiness.store.assessment import Assessment

# json.dumps escapes C0 controls; these it would pass through raw.
_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def result_document(assessment: Assessment, evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation plus who it is about. Deterministic: no clocks in it."""
    return {
        "name": assessment.name,
        "id": assessment.id,
        "language": assessment.language,
        **evaluation.to_json(),
    }


def dumps(document: Any) -> str:
    """JSON with non-ASCII kept readable, but every control character escaped."""
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
