"""Rich views of a bank for ``questions list`` and ``questions show``."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from smreadiness.bank.model import Bank, Question


def questions_table(bank: Bank) -> Table:
    table = Table(title=f"{bank.title} ({bank.id} {bank.version}, {bank.language})")
    table.add_column("id", no_wrap=True)
    table.add_column("question")
    table.add_column("answers")
    for dimension in bank.dimensions:
        table.add_section()
        table.add_row(Text(dimension.title, style="bold"), "", "")
        for question in bank.questions:
            if question.dimension == dimension.id:
                table.add_row(question.id, Text(question.prompt), Text(_answers(question)))
    return table


def _answers(question: Question) -> str:
    if question.kind == "choice":
        return " / ".join(o.value for o in question.options)
    if question.kind == "number":
        low = "" if question.min is None else f"{question.min:g}"
        high = "" if question.max is None else f"{question.max:g}"
        return f"number {low}-{high} {question.unit}".strip()
    return f"text, up to {question.max_length or 'any'} characters"


def question_detail(bank: Bank, question: Question) -> RenderableType:
    dimension = bank.dimension(question.dimension)
    parts: list[RenderableType] = [
        Text(question.prompt, style="bold"),
        Text(f"Dimension: {dimension.title if dimension else question.dimension}", style="dim"),
        Text(""),
        Text.assemble(("Why this matters: ", "italic"), question.help),
    ]
    if question.sources:
        titles = [s.title for s in bank.sources if s.id in question.sources]
        parts.append(
            Text(f"Sources: {', '.join(question.sources)} ({'; '.join(titles)})", style="dim")
        )
    if question.show_if_text:
        parts.append(Text(f"Asked only when: {question.show_if_text}", style="dim"))
    if question.kind == "choice":
        table = Table(box=None, show_header=True, pad_edge=False)
        table.add_column("value")
        table.add_column("answer")
        table.add_column("score", justify="right")
        for option in question.options:
            table.add_row(option.value, Text(option.label), str(option.score))
        parts += [Text(""), table]
    else:
        parts.append(Text(f"Answer: {_answers(question)}"))
        if question.bands:
            bands = ", ".join(f"≥{edge:g}: {score}" for edge, score in question.bands)
            parts.append(Text(f"Scores: {bands}"))
        if question.length_bands:
            bands = ", ".join(f"≤{up_to} chars: {score}" for up_to, score in question.length_bands)
            parts.append(Text(f"Scores: {bands}"))
    return Panel(Group(*parts), title=question.id, title_align="left", expand=False)
