"""The text report, rendered with Rich. User text goes in as ``Text``, never as markup."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from smreadiness.bank.model import Bank
from smreadiness.engine.result import Evaluation
from smreadiness.report.labels import (
    KIND_WORDS,
    VERDICT_MEANING,
    VERDICT_STYLE,
    answer_label,
    range_text,
    verdict_word,
)
from smreadiness.store.assessment import Assessment
from smreadiness.textsafe import clean


def safe(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _bar(score: int | None, width: int = 20) -> Text:
    if score is None:
        return Text("not answered yet", style="dim")
    filled = round(score / 100 * width)
    style = "green" if score >= 70 else "yellow" if score >= 40 else "red"
    return Text.assemble(("█" * filled, style), ("░" * (width - filled), "dim"), f" {score:3d}")


def verdict_block(evaluation: Evaluation) -> Text:
    verdict = evaluation.verdict
    block = Text.assemble(
        ("Verdict: ", "bold"),
        (f" {verdict_word(verdict)} ", f"{VERDICT_STYLE[verdict]} reverse"),
        "  ",
        VERDICT_MEANING[verdict],
    )
    if not evaluation.complete:
        block.append(
            f"\nPartial assessment: {evaluation.answered_count} of "
            f"{evaluation.question_count} answered; "
            f"{range_text(evaluation.worst, evaluation.best)}.",
            style="italic",
        )
    if evaluation.score is not None:
        block.append(f"\nOverall score: {evaluation.score}/100", style="bold")
    return block


def reasons_block(bank: Bank, evaluation: Evaluation) -> Iterator[RenderableType]:
    for reason in evaluation.reasons:
        style = {"knockout": "red", "blocker": "yellow", "strength": "green"}[reason.kind]
        line = Text.assemble((f"[{KIND_WORDS[reason.kind]}] ", f"bold {style}"), reason.message)
        yield line
        details: list[Text] = []
        if reason.rule != "unanswered":
            for question_id in reason.questions:
                question = bank.question(question_id)
                prompt = question.prompt if question else question_id
                value = evaluation.answers.get(question_id)
                details.append(
                    Text.assemble(
                        "• ", (prompt, "dim"), " → ", safe(answer_label(bank, question_id, value))
                    )
                )
        if reason.idea:
            cited = f" ({', '.join(reason.sources)})" if reason.sources else ""
            details.append(Text(f"Why: {reason.idea}{cited}", style="italic dim"))
        if details:
            yield Padding(Group(*details), (0, 0, 0, 4))


def dimensions_table(bank: Bank, evaluation: Evaluation) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("dimension", min_width=22)
    table.add_column("score")
    for dimension in bank.dimensions:
        table.add_row(dimension.title, _bar(evaluation.dimensions.get(dimension.id)))
    return table


def what_if_block(bank: Bank, evaluation: Evaluation) -> Iterator[RenderableType]:
    for item in evaluation.what_if:
        changes = "; and ".join(
            f"{(q.prompt if (q := bank.question(qid)) else qid)} → {answer_label(bank, qid, value)}"
            for qid, value in item.changes.items()
        )
        yield Text.assemble(
            "• ", changes, " ⇒ ", (verdict_word(item.verdict), VERDICT_STYLE[item.verdict])
        )


def render_result(
    assessment: Assessment, bank: Bank, evaluation: Evaluation, *, full: bool
) -> list[RenderableType]:
    """The report as Rich renderables; ``full`` adds the plan, the answers and the notes."""
    title = assessment.name or "Unnamed assessment"
    out: list[RenderableType] = [
        Text.assemble(("Social media readiness: ", "bold"), safe(title, "bold")),
        Text(
            f"{bank.title}, version {bank.version} · updated "
            f"{assessment.updated:%Y-%m-%d %H:%M} UTC",
            style="dim",
        ),
        Text(""),
        verdict_block(evaluation),
        _heading("Reasons"),
    ]
    out += list(reasons_block(bank, evaluation)) or [Text("No rule applies.", style="dim")]
    out += [_heading("Scores by dimension"), dimensions_table(bank, evaluation)]
    if evaluation.what_if:
        out += [_heading("What would change the verdict"), *what_if_block(bank, evaluation)]
    if not full:
        return out
    out.append(_heading("Action plan"))
    step = None
    for number, action in enumerate(evaluation.actions, start=1):
        if action.step != step:
            step = action.step
            out.append(Text(action.step_title, style="bold"))
        dimension = bank.dimension(action.dimension)
        lifts = dimension.title if dimension else action.dimension
        out.append(
            Text.assemble(f"  [ ] {number}. ", (action.title, "bold"), (f"  ({lifts})", "dim"))
        )
        if action.detail:
            out.append(Padding(Text(action.detail), (0, 0, 0, 9)))
    if not evaluation.actions:
        out.append(Text("Nothing to add: keep going as planned.", style="dim"))
    if evaluation.unanswered:
        out.append(_heading("Unanswered"))
        for question_id in evaluation.unanswered:
            question = bank.question(question_id)
            out.append(Text(f"• {question.prompt if question else question_id}"))
    out.append(_heading("Your answers"))
    for dimension in bank.dimensions:
        questions = [
            q
            for q in bank.questions
            if q.dimension == dimension.id and q.id not in evaluation.hidden
        ]
        if not questions:
            continue
        out.append(Text(dimension.title, style="bold"))
        for question in questions:
            value = assessment.answers.get(question.id)
            out.append(
                Text.assemble(
                    "  ",
                    (question.prompt, "dim"),
                    " ",
                    safe(answer_label(bank, question.id, value)),
                )
            )
            note = assessment.notes.get(question.id)
            if note:
                out.append(Padding(Text.assemble(("Note: ", "italic"), safe(note)), (0, 0, 0, 4)))
    return out


def print_result(console: Console, *renderables: RenderableType) -> None:
    for renderable in renderables:
        console.print(renderable)
