"""The verdict, large: the word in big letters, a symbol and a colour (never colour alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from smreadiness.i18n import _
from smreadiness.tui.text import VERDICT_COLOUR, VERDICT_SYMBOL
from smreadiness.wording import VERDICT_WORDS, verdict_meaning, verdict_word

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank

# Three rows per letter, in the style of figlet's "future" font; enough letters for the
# verdict words in every language (KYLLÄ, EI VIELÄ, INTE ÄN, NEJ, ...).
_GLYPHS = {
    "A": ("┏━┓", "┣━┫", "╹ ╹"),
    "Ä": ("┏¨┓", "┣━┫", "╹ ╹"),
    "Å": ("┏°┓", "┣━┫", "╹ ╹"),
    "B": ("┏┓ ", "┣┻┓", "┗━┛"),
    "C": ("┏━╸", "┃  ", "┗━╸"),
    "D": ("╺┳┓", " ┃┃", "╺┻┛"),
    "E": ("┏━╸", "┣╸ ", "┗━╸"),
    "F": ("┏━╸", "┣╸ ", "╹  "),
    "G": ("┏━╸", "┃╺┓", "┗━┛"),
    "H": ("╻ ╻", "┣━┫", "╹ ╹"),
    "I": ("╻", "┃", "╹"),
    "J": ("  ╻", "  ┃", "┗━┛"),
    "K": ("╻┏╸", "┣┻┓", "╹ ╹"),
    "L": ("╻  ", "┃  ", "┗━╸"),
    "M": ("┏┳┓", "┃┃┃", "╹ ╹"),
    "N": ("┏┓╻", "┃┗┫", "╹ ╹"),
    "O": ("┏━┓", "┃ ┃", "┗━┛"),
    "Ö": ("┏¨┓", "┃ ┃", "┗━┛"),
    "P": ("┏━┓", "┣━┛", "╹  "),
    "R": ("┏━┓", "┣┳┛", "╹┗╸"),
    "S": ("┏━┓", "┗━┓", "┗━┛"),
    "T": ("╺┳╸", " ┃ ", " ╹ "),
    "U": ("╻ ╻", "┃ ┃", "┗━┛"),
    "V": ("╻ ╻", "┃┏┛", "┗┛ "),
    "W": ("╻ ╻", "┃╻┃", "┗┻┛"),
    "Y": ("╻ ╻", "┗┳┛", " ╹ "),
    "-": ("   ", "╺━╸", "   "),
    " ": ("  ", "  ", "  "),
}


def big_letters(word: str) -> list[str]:
    """The word in three rows of box-drawing letters (unknown letters as they are)."""
    rows = ["", "", ""]
    for char in word.upper():
        glyph = _GLYPHS.get(char, (char, " " * len(char), " " * len(char)))
        for index in range(3):
            rows[index] += glyph[index] + " "
    return [row.rstrip() for row in rows]


class VerdictBanner(Static):
    """The verdict as a banner; the CSS class ``-go``/``-not_yet``/``-no_go`` gives the colour."""

    DEFAULT_CSS = """
    VerdictBanner { height: auto; padding: 0 2; border: heavy $primary; }
    VerdictBanner.-go { border: heavy $success; }
    VerdictBanner.-not_yet { border: heavy $warning; }
    VerdictBanner.-no_go { border: heavy $error; }
    """

    def show(
        self,
        verdict: str,
        *extra: Content,
        score: int | None = None,
        blockers: int | None = None,
        bank: Bank | None = None,
    ) -> None:
        colour = VERDICT_COLOUR.get(verdict, "")
        symbol = VERDICT_SYMBOL.get(verdict, "?")
        word = verdict_word(verdict, bank)
        rows = big_letters(word) if set(word.upper()) <= set(_GLYPHS) else [f" {word} ", "", ""]
        side = [f" {symbol}", "", ""]
        lines = [
            Content.assemble((row, f"bold {colour}"), (mark, f"bold {colour}"))
            for row, mark in zip(rows, side, strict=True)
        ]
        meaning = Content.assemble(
            (f"{symbol} {word}: ", f"bold {colour}"),
            (verdict_meaning(verdict, blockers, bank) if verdict in VERDICT_WORDS else "", "bold"),
        )
        if score is not None:
            meaning = Content.assemble(
                meaning, ("  " + _("Score {score}/100").format(score=score), "dim")
            )
        lines.append(meaning)
        lines.extend(extra)
        for name in ("go", "not_yet", "no_go"):
            self.set_class(name == verdict, f"-{name}")
        self.update(Content("\n").join(lines))
