"""Making user text harmless on a terminal: control bytes and bidi overrides shown, not obeyed."""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, *, single_line: bool = False) -> str:
    """Replace control characters (escape bytes, bidi overrides) with a visible ``\\x1b`` form.

    Rich/Textual markup is not handled here: render user text as ``Text``/``Content`` (never as
    markup) and it stays literal.
    """
    cleaned = _UNSAFE.sub(_visible, text)
    if single_line:
        cleaned = cleaned.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return cleaned
