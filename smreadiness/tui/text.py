"""Building what the screens show. User text always goes in as plain text, never as markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from smreadiness.textsafe import clean
from smreadiness.wording import verdict_word

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank

# A verdict is never told by colour alone: a word and a symbol go with it.
VERDICT_SYMBOL = {"go": "✔", "not_yet": "◐", "no_go": "✘"}
VERDICT_COLOUR = {"go": "$success", "not_yet": "$warning", "no_go": "$error"}
RICH_COLOUR = {"go": "green", "not_yet": "yellow", "no_go": "red"}


def literal(text: str, style: str = "", *, single_line: bool = False) -> Content:
    """User text as it was typed: markup shown as characters, control bytes made visible."""
    return Content.styled(clean(text, single_line=single_line), style)


def verdict_label(verdict: str, bank: Bank | None = None) -> str:
    """``✔ GO``: the symbol and the word (the bank's, when given)."""
    return f"{VERDICT_SYMBOL.get(verdict, '?')} {verdict_word(verdict, bank)}"


def verdict_content(verdict: str, bank: Bank | None = None, style: str = "bold") -> Content:
    colour = VERDICT_COLOUR.get(verdict, "")
    return Content.styled(verdict_label(verdict, bank), f"{style} {colour}".strip())


def score_colour(score: int) -> str:
    return "$success" if score >= 70 else "$warning" if score >= 40 else "$error"


def bar(score: int | None, width: int) -> Content:
    """A score 0-100 as a bar of ``width`` cells and the number; ``-`` when nothing counts yet."""
    if score is None:
        return Content.assemble(("·" * width, "dim"), ("   -", "dim"))
    filled = round(score / 100 * width)
    return Content.assemble(
        ("█" * filled, score_colour(score)), ("░" * (width - filled), "dim"), f" {score:3d}"
    )


def dots(done: int, total: int) -> Content:
    """Progress through a few questions: one dot each, filled when answered."""
    return Content.assemble(("●" * done, "$accent"), ("○" * (total - done), "dim"))


def hanging(prefix: Content, body: Content, width: int) -> Content:
    """``prefix`` then ``body`` wrapped to ``width``, later lines indented under the body.

    Cheaper to draw than a Rich table grid, which option lists measure again and again.
    """
    indent = prefix.cell_length
    room = max(8, width - indent)
    lines: list[Content] = []
    for paragraph in body.split("\n"):
        lines.extend(paragraph.wrap(room) or [Content("")])
    pad = Content(" " * indent)
    return Content("\n").join([prefix + lines[0], *(pad + line for line in lines[1:])])
