"""The verdict for a room to read: the word in big letters, its symbol, the score, what it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from smreadiness.engine import Evaluation
from smreadiness.i18n import _
from smreadiness.tui.text import VERDICT_COLOUR, VERDICT_SYMBOL, verdict_content
from smreadiness.tui.widgets.verdict_banner import big_letters
from smreadiness.wording import verdict_word

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank


class BigVerdict(Static):
    """Four lines: the word in three rows, then the score; a change says what it was."""

    DEFAULT_CSS = """
    BigVerdict { width: auto; height: auto; }
    """

    def show(self, now: Evaluation, then: Evaluation, bank: Bank | None = None) -> None:
        colour = VERDICT_COLOUR.get(now.verdict, "")
        symbol = VERDICT_SYMBOL.get(now.verdict, "?")
        word = verdict_word(now.verdict, bank)
        rows = big_letters(word)
        if any(len(row) > 40 for row in rows):  # a long word in some language: plain, bold
            rows = [f"{word}", "", ""]
        side = [f" {symbol}", "", ""]
        lines = [
            Content.styled(row + mark, f"bold {colour}")
            for row, mark in zip(rows, side, strict=True)
        ]
        score = Content("")
        if now.score is not None:
            score = Content.styled(_("Score {score}/100").format(score=now.score), "bold")
            if then.score is not None and then.score != now.score:
                up = now.score > then.score
                score = Content.assemble(
                    score,
                    " ",
                    (
                        f"{'▲' if up else '▼'}{abs(now.score - then.score)}",
                        "bold $success" if up else "bold $error",
                    ),
                )
        if then.verdict != now.verdict:
            was = Content.assemble(
                (" " + _("was") + " ", "bold reverse"),
                verdict_content(then.verdict, bank, "bold reverse"),
                (" ", "reverse"),
            )
            score = Content.assemble(score, "  ", was) if score.cell_length else was
        lines.append(score)
        for name in ("go", "not_yet", "no_go"):
            self.set_class(name == now.verdict, f"-{name}")
        self.update(Content("\n").join(lines))
