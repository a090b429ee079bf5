"""The reasons for the verdict, one line each when room is short (presenter view)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from smreadiness.engine import UNANSWERED_RULE, Evaluation
from smreadiness.i18n import _
from smreadiness.tui.text import VERDICT_COLOUR, hanging, literal
from smreadiness.wording import blocker_count, kind_word, verdict_meaning

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank

KIND_MARK = {"knockout": "✘", "blocker": "!", "caution": "~", "strength": "✔"}
KIND_COLOUR = {
    "knockout": "$error",
    "blocker": "$warning",
    "caution": "$secondary",
    "strength": "$success",
}


class ReasonLines(Static):
    """Knock-outs, then what to fix, what to watch, then strengths; a reason the change
    brought is marked NEW.

    With ``compact`` each reason keeps to one line and what does not fit is counted.
    """

    DEFAULT_CSS = """
    ReasonLines { height: 1fr; }
    ReasonLines.-compact { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.now: Evaluation | None = None
        self.then: Evaluation | None = None
        self.compact = False

    def show(
        self, now: Evaluation, then: Evaluation, *, compact: bool, bank: Bank | None = None
    ) -> None:
        self.bank = bank
        self.set_class(compact, "-compact")
        self.now, self.then, self.compact = now, then, compact
        self.update(self._content())

    def on_resize(self) -> None:
        if self.now is not None and self.then is not None:
            self.update(self._content())

    def _blocks(self) -> list[tuple[Content, Content]]:
        """(prefix, text) for each line: the verdict's meaning, then each reason."""
        now, then = self.now, self.then
        assert now is not None and then is not None
        before = {r.rule for r in then.reasons}
        blocks: list[tuple[Content, Content]] = []
        if not self.compact:
            colour = VERDICT_COLOUR.get(now.verdict, "")
            blocks.append(
                (
                    Content(""),
                    Content.styled(
                        verdict_meaning(
                            now.verdict, blocker_count(r.kind for r in now.reasons), self.bank
                        ),
                        f"bold {colour}",
                    ),
                )
            )
        for reason in now.reasons:
            if reason.rule == UNANSWERED_RULE:
                blocks.append((Content.styled("? ", "dim"), literal(reason.message, "dim")))
                continue
            new = reason.rule not in before
            prefix = Content.assemble(
                (" " + _("NEW") + " ", "bold reverse $accent") if new else "",
                " " if new else "",
                (KIND_MARK[reason.kind] + " ", f"bold {KIND_COLOUR[reason.kind]}"),
            )
            text = Content.assemble(
                (kind_word(reason.kind) + ": ", KIND_COLOUR[reason.kind]),
                literal(reason.message, "bold" if new else ""),
            )
            blocks.append((prefix, text))
        if not now.reasons:
            blocks.append((Content(""), Content.styled(_("No rule applies."), "dim")))
        return blocks

    def _content(self) -> Content:
        width = self.content_size.width or 60
        room = self.content_size.height
        blocks = self._blocks()
        lines: list[Content] = []
        for shown, (prefix, text) in enumerate(blocks):
            block = prefix + text if self.compact else hanging(prefix, text, width)
            height = 1 if self.compact else len(block.split("\n"))
            left = len(blocks) - shown
            if room and len(lines) + height > room - (1 if left > 1 else 0):
                more = _("and {count} more").format(count=left)
                lines.append(Content.styled(more, "dim"))
                break
            lines.append(block)
        return Content("\n").join(lines)
