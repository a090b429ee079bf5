"""Making user text harmless on a terminal: control bytes and bidi overrides shown, not obeyed."""

from __future__ import annotations

_UNSAFE = [
    *range(0x00, 0x09),  # tab and newline are kept
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_VISIBLE = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _UNSAFE}
"""Each unsafe character's visible form (a table: ``str.translate`` is fast and needs no
regular expression compiled at start-up)."""


def clean(text: str, *, single_line: bool = False) -> str:
    """Replace control characters (escape bytes, bidi overrides) with a visible ``\\x1b`` form.

    Rich/Textual markup is not handled here: render user text as ``Text``/``Content`` (never as
    markup) and it stays literal.
    """
    cleaned = text.translate(_VISIBLE)
    if single_line:
        cleaned = cleaned.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return cleaned
