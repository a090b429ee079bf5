"""Making user text harmless on a terminal: control bytes and bidi overrides shown, not obeyed."""

from __future__ import annotations

UNSAFE = (
    *range(0x00, 0x09),  # tab and newline are kept
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    0x061C,  # Arabic letter mark (bidi)
    0x180E,  # Mongolian vowel separator (invisible)
    *range(0x200B, 0x2010),  # zero-width space, joiners, LRM/RLM
    0x2028,  # line and paragraph separators: a line break to some terminals, not to others
    0x2029,
    *range(0x202A, 0x202F),  # bidi embeddings and overrides (U+202F, a real space, is kept)
    *range(0x2060, 0x2070),  # word joiner, invisible operators, bidi isolates
    0x034F,  # combining grapheme joiner (invisible)
    0x115F,  # Hangul fillers: letters that draw nothing
    0x1160,
    0x3164,
    0xFFA0,
    *range(0x0600, 0x0606),  # Arabic marks that prefix numbers, invisible on their own
    0xFEFF,  # zero-width no-break space
    *range(0xFFF9, 0xFFFC),  # interlinear annotation marks
    *range(0xE0000, 0xE0080),  # tag characters: invisible text riding along
)
"""Characters never shown as they are: terminal controls, and invisible or bidi-control
characters that can hide or reorder text (a name that reads one way and is another)."""
_VISIBLE = {
    code: f"\\x{code:02x}"
    if code < 0x100
    else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    for code in UNSAFE
}
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


def shorten(text: str, limit: int = 80) -> str:
    """At most ``limit`` characters, with "..." where it was cut (an error line names a
    300-character path the user typed, not all of it)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
