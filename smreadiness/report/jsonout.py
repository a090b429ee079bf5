"""The JSON result of ``score`` and ``report --format json`` (``interface.md``)."""

from __future__ import annotations

import json
import re
from typing import Any

from smreadiness.engine.result import Evaluation
from smreadiness.i18n import language
from smreadiness.store.assessment import Assessment
from smreadiness.textsafe import UNSAFE


# json.dumps escapes C0 controls; these it would pass through raw.
def _character_class(codes: list[int]) -> str:
    """``[\x7f-\x9f...]`` with runs of codes as ranges: a class of 250 single characters,
    some past U+FFFF, made the regular expression scan slowly (0.1 s on a 1,000-row list)."""
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(previous))
        parts.append(first if start == previous else f"{first}-{last}")
        start = previous = code
    return "[" + "".join(parts) + "]"


_RAW = re.compile(_character_class(sorted(code for code in set(UNSAFE) if code >= 0x7F)))


def result_document(assessment: Assessment, evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation plus who it is about. Deterministic: no clocks in it."""
    return {
        "name": assessment.name,
        "id": assessment.id,
        "language": assessment.language or language(),
        **evaluation.to_json(),
    }


def dumps(document: Any) -> str:
    """JSON with non-ASCII kept readable, but every control character escaped."""
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)
    return _RAW.sub(lambda m: _json_escape(m.group()), text)


def _json_escape(char: str) -> str:
    """``\\u202e``; a character past U+FFFF as its UTF-16 surrogate pair, as JSON spells it."""
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
