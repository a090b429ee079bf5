"""The text report, rendered with Rich. User text goes in as ``Text``, never as markup."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from smreadiness.i18n import _
from smreadiness.report.document import ReportDoc
from smreadiness.textsafe import clean
from smreadiness.wording import VERDICT_STYLE

_KIND_STYLE = {"knockout": "red", "blocker": "yellow", "caution": "magenta", "strength": "green"}


def safe(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def bar(score: int | None, width: int = 20) -> Text:
    if score is None:
        return Text(_("not answered yet"), style="dim")
    filled = round(score / 100 * width)
    style = "green" if score >= 70 else "yellow" if score >= 40 else "red"
    return Text.assemble(("█" * filled, style), ("░" * (width - filled), "dim"), f" {score:3d}")


def _hang(lead: str | Text, body: str | Text) -> Table:
    """``lead`` then ``body``, the body's wrapped lines under its own first word (a hanging
    indent), so a long line read in a pipe or a file keeps its shape."""
    grid = Table.grid(padding=(0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(lead if isinstance(lead, Text) else Text(lead), body)
    return grid


def _indent(*lines: RenderableType) -> Padding:
    return Padding(Group(*lines), (0, 0, 0, 4), expand=False)


def verdict_block(doc: ReportDoc) -> Text:
    if doc.open_range:
        # Partial: the range leads, so nothing reads as decided that is not.
        block = Text.assemble(
            (_("Verdict so far:") + " ", "bold"),
            (doc.range, "bold"),
            "\n",
            (doc.progress + ".", "italic"),
        )
        if doc.score is not None:
            block.append(
                "\n"
                + _("Score so far: {score}/100, from the answers given").format(score=doc.score)
            )
        if doc.why:
            block.append("\n" + _("Your why: “{why}”").format(why=clean(doc.why, single_line=True)))
        return block
    block = Text.assemble(
        (_("Verdict:") + " ", "bold"),
        (f" {doc.verdict_word} ", f"{VERDICT_STYLE[doc.verdict]} reverse"),
        "  ",
        doc.verdict_meaning,
    )
    if not doc.complete:
        block.append(
            "\n"
            + _("Partial assessment: {progress}; {range}.").format(
                progress=doc.progress, range=doc.range
            ),
            style="italic",
        )
    if doc.score is not None:
        block.append("\n" + _("Overall score: {score}/100").format(score=doc.score), style="bold")
    if doc.why:
        block.append("\n" + _("Your why: “{why}”").format(why=clean(doc.why, single_line=True)))
    return block


def render_report(doc: ReportDoc, *, full: bool) -> list[RenderableType]:  # noqa: C901 - the report's sections in order
    """The report as Rich renderables; ``full`` adds the plan, the answers and the notes."""
    out: list[RenderableType] = [
        Text.assemble((doc.subject + ": ", "bold"), safe(doc.name, "bold")),
        Text(f"{doc.bank} · {doc.date}", style="dim"),
        Text(""),
        verdict_block(doc),
        _heading(_("Reasons")),
    ]
    for section in doc.sections:
        style = _KIND_STYLE.get(section.kind, "")
        out.append(Text(section.heading, style=f"bold {style}"))
        for reason in section.reasons:
            tag = Text(f"[{reason.kind_word}] ", style=f"bold {style}")
            out.append(_hang(tag, Text(reason.message)))
            details: list[RenderableType] = [
                _hang("• ", Text.assemble((a.prompt, "dim"), " → ", safe(a.answer)))
                for a in reason.answers
            ]
            if reason.answered_by:
                what = _("What to do: {actions}").format(actions="; ".join(reason.answered_by))
                details.append(Text(what))
            if reason.idea:
                cited = f" ({'; '.join(reason.sources)})" if reason.sources else ""
                details.append(Text(_("Why:") + f" {reason.idea}{cited}", style="italic dim"))
            if details:
                out.append(_indent(*details))
    if not doc.reasons:
        out.append(Text(_("No rule applies."), style="dim"))
    out.append(_heading(_("Scores by dimension")))
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("dimension", min_width=22)
    table.add_column("score")
    for dimension in doc.dimensions:
        table.add_row(Text(dimension.title), bar(dimension.score))
    out.append(table)
    if doc.what_if:
        out.append(_heading(_("What would change the verdict")))
        for item in doc.what_if:
            changes = _("; and ").join(f"{c.prompt} → {c.answer}" for c in item.changes)
            out.append(
                _hang(
                    "• ",
                    Text.assemble(changes, " ⇒ ", (item.verdict_word, VERDICT_STYLE[item.verdict])),
                )
            )
    if doc.change is not None:
        change = doc.change
        out.append(_heading(_("What changed since {since}").format(since=change.since)))
        score = change.score_before if change.score_before is not None else "–"
        out.append(
            Text(
                _("Verdict then: {verdict}, score {score}").format(
                    verdict=doc.word(change.verdict_before), score=score
                )
            )
        )
        for prompt, before, after in change.answers:
            out.append(Text.assemble("• ", (prompt, "dim"), " ", safe(before), " → ", safe(after)))
    if not full:
        return out
    out.append(_heading(_("Action plan")))
    for step in doc.steps:
        out.append(Text(step.title, style="bold"))
        for action in step.actions:
            out.append(
                _hang(
                    f"  [{'x' if action.done else ' '}] {action.number}. ",
                    Text.assemble((action.title, "bold"), (f"  ({action.dimension})", "dim")),
                )
            )
            if action.detail:
                out.append(Padding(Text(action.detail), (0, 0, 0, 9), expand=False))
    if not doc.steps:
        out.append(Text(_("Nothing to add: keep going as planned."), style="dim"))
    if doc.sources:
        out.append(_heading(_("Sources")))
        for source in doc.sources:
            link = f" {source.url}" if source.url else ""
            out.append(Text.assemble("• ", safe(source.title), (link, "dim")))
    if doc.unanswered:
        out.append(_heading(_("Unanswered")))
        out += [_hang("• ", Text(prompt)) for prompt in doc.unanswered]
    if doc.flagged:
        out.append(_heading(_("Flagged to revisit")))
        for line in doc.flagged:
            out.append(
                _hang("⚑ ", Text.assemble(safe(line.prompt), " → ", safe(line.answer, "bold")))
            )
            if line.note:
                out.append(Text.assemble("    ✎ ", safe(line.note, "italic")))
    out.append(_heading(_("Your answers")))
    for group in doc.answers:
        out.append(Text(group.title, style="bold"))
        for line in group.answers:
            out.append(_hang("  ", Text.assemble((line.prompt, "dim"), " → ", safe(line.answer))))
            if line.note:
                out.append(_indent(Text.assemble((_("Note:") + " ", "italic"), safe(line.note))))
    return out


def print_result(console: Console, *renderables: RenderableType) -> None:
    for renderable in renderables:
        console.print(renderable)
