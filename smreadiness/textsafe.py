"""Making user text harmless on a terminal: control bytes and bidi overrides shown, not obeyed."""

from __future__ import annotations

import re

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


_RAW: re.Pattern[str] | None = None


def _json_escape(char: str) -> str:
    """``\\u202e``; a character past U+FFFF as its UTF-16 surrogate pair, as JSON spells it."""
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def escape_raw(json_text: str) -> str:
    """JSON text with the characters ``json.dumps`` leaves raw (DEL, C1 controls, bidi and
    invisible formatting) escaped as ``\\uXXXX``: valid JSON that cannot act on a terminal."""
    global _RAW
    if _RAW is None:
        _RAW = re.compile(_character_class(sorted(code for code in set(UNSAFE) if code >= 0x7F)))
    return _RAW.sub(lambda m: _json_escape(m.group()), json_text)


def toml_escaped(toml_text: str) -> str:
    """TOML as written by ``tomli_w`` with the characters it leaves raw (DEL, C1 controls, bidi
    and invisible formatting, all only ever inside its double-quoted strings) written as
    ``\\uXXXX`` escapes: the same document, harmless on a terminal."""
    global _RAW
    if _RAW is None:
        _RAW = re.compile(_character_class(sorted(code for code in set(UNSAFE) if code >= 0x7F)))
    return _RAW.sub(lambda m: _toml_escape(m.group()), toml_text)


def _toml_escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
