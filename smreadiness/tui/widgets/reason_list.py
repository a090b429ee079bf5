"""Why the verdict is what it is: each reason with the answers behind it and what they mean."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from smreadiness.bank.model import Bank
from smreadiness.engine import UNANSWERED_RULE, Evaluation
from smreadiness.i18n import _
from smreadiness.textsafe import clean
from smreadiness.wording import answer_label, kind_word, section_heading, source_title

KIND_STYLE = {
    "knockout": "bold red",
    "blocker": "bold yellow",
    "caution": "bold magenta",
    "strength": "bold green",
}
KIND_MARK = {"knockout": "✘", "blocker": "!", "caution": "~", "strength": "✔"}
MAX_LISTED = 6


def _bullets(lines: list[Text]) -> Table:
    """Bulleted lines that wrap under their own text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1)
    for line in lines:
        grid.add_row("•", line)
    return grid


def _answered_by(evaluation: Evaluation, rule: str, kind: str) -> list[str]:
    """Titles of the plan's actions that answer a blocker or caution."""
    if kind not in ("blocker", "caution"):
        return []
    weak = rule.removeprefix("weak-") if rule.startswith("weak-") else None
    return [
        a.title
        for a in evaluation.actions
        if rule in a.because or (weak is not None and a.dimension == weak)
    ]


class ReasonList(Static):
    """Knock-outs first, then what to fix first, what to watch, then strengths; each kind
    under its own heading."""

    DEFAULT_CSS = """
    ReasonList { height: auto; padding: 0 1; }
    """

    def show(self, bank: Bank, evaluation: Evaluation) -> None:  # noqa: C901 - one section per kind of reason
        blocks: list[RenderableType] = []
        last_kind = ""
        for reason in evaluation.reasons:
            if reason.kind != last_kind:
                last_kind = reason.kind
                heading = section_heading(
                    reason.kind,
                    evaluation.verdict,
                    sum(1 for r in evaluation.reasons if r.kind == reason.kind),
                )
                blocks.append(Text(heading, style=f"{KIND_STYLE[reason.kind]} underline"))
            head = Table.grid(padding=(0, 1))
            head.add_column(width=1)
            head.add_column(ratio=1)
            head.add_row(
                Text(KIND_MARK[reason.kind], style=KIND_STYLE[reason.kind]),
                Text.assemble(
                    (f"{kind_word(reason.kind)}: ", KIND_STYLE[reason.kind]), clean(reason.message)
                ),
            )
            blocks.append(head)
            details: list[Text] = []
            for question_id in reason.questions[:MAX_LISTED]:
                question = bank.question(question_id)
                prompt = clean(question.prompt if question else question_id)
                if reason.rule == UNANSWERED_RULE:
                    details.append(Text(prompt, style="dim"))
                    continue
                value = evaluation.answers.get(question_id)
                line = Text.assemble(
                    (prompt, "dim"), " → ", (clean(answer_label(bank, question_id, value)), "bold")
                )
                option = question.option(str(value)) if question and value is not None else None
                if option is not None and option.help:
                    line.append("\n" + clean(option.help), style="dim italic")
                details.append(line)
            if len(reason.questions) > MAX_LISTED:
                more = len(reason.questions) - MAX_LISTED
                details.append(Text(_("and {count} more").format(count=more), style="dim"))
            parts: list[RenderableType] = [_bullets(details)] if details else []
            todo = _answered_by(evaluation, reason.rule, reason.kind)
            if todo:
                what = _("What to do: {actions}").format(actions="; ".join(todo))
                parts.append(Text(clean(what)))
            if reason.idea:
                cited = "; ".join(source_title(bank, s) for s in reason.sources)
                why = _("Why: {idea}").format(idea=reason.idea)
                if cited:
                    why += f" ({cited})"
                parts.append(Text(clean(why), style="italic"))
            if parts:
                blocks.append(Padding(Group(*parts), (0, 0, 1, 2)))
            else:
                blocks.append(Text(""))
        if not blocks:
            blocks.append(Text(_("No rule applies."), style="dim"))
        self.update(Group(*blocks))
