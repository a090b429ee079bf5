"""Rich views of a bank for ``questions list`` and ``questions show``.

Bank texts come from files anyone may write: they go in as ``Text`` (never markup), cleaned
of control characters.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from smreadiness.bank.model import Bank, Question
from smreadiness.i18n import N_, _
from smreadiness.textsafe import clean

# Babel on Python 3.11 cannot extract _() inside f-strings: these are marked here.
_IN_FSTRINGS = (
    N_("Answer:"),
    N_("Asked only when:"),
    N_("Scores:"),
    N_("Sources:"),
)


def _t(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def questions_table(bank: Bank) -> Table:
    table = Table(title=_t(f"{bank.title} ({bank.id} {bank.version}, {bank.language})"))
    table.add_column("id", no_wrap=True)
    table.add_column(_("question"))
    table.add_column(_("answers"))
    for dimension in bank.dimensions:
        table.add_section()
        table.add_row(_t(dimension.title, "bold"), "", "")
        for question in bank.questions:
            if question.dimension == dimension.id:
                table.add_row(question.id, _t(question.prompt), _t(_answers(question)))
    return table


def _answers(question: Question) -> str:
    if question.kind == "choice":
        return " / ".join(o.value for o in question.options)
    if question.kind == "multi":
        return _("any of: {values}").format(values=", ".join(o.value for o in question.options))
    if question.kind == "number":
        low = "" if question.min is None else f"{question.min:g}"
        high = "" if question.max is None else f"{question.max:g}"
        return (
            _("number {low}-{high} {unit}").format(low=low, high=high, unit=question.unit).strip()
        )
    return _("text, up to {limit} characters").format(limit=question.max_length or "∞")


def question_detail(bank: Bank, question: Question) -> RenderableType:
    dimension = bank.dimension(question.dimension)
    title = dimension.title if dimension else question.dimension
    parts: list[RenderableType] = [
        _t(question.prompt, "bold"),
        _t(_("Dimension: {title}").format(title=title), "dim"),
        Text(""),
        Text.assemble((_("Why this matters:") + " ", "italic"), clean(question.help)),
    ]
    if question.sources:
        by_id = {s.id: s.title for s in bank.sources}
        titles = "; ".join(by_id.get(source, source) for source in question.sources)
        parts.append(_t(f"{_('Sources:')} {', '.join(question.sources)} ({titles})", "dim"))
    if question.grid:
        where = _("A row of the grid {grid}: {prompt}").format(
            grid=question.grid, prompt=question.grid_prompt
        )
        parts.append(_t(where, "dim"))
    if question.show_if_text:
        parts.append(_t(f"{_('Asked only when:')} {question.show_if_text}", "dim"))
    if question.kind in ("choice", "multi"):
        table = Table(box=None, show_header=True, pad_edge=False)
        table.add_column(_("value"))
        table.add_column(_("answer"))
        table.add_column(_("score"), justify="right")
        for option in question.options:
            if question.share_scoring and option.value not in question.alone:
                points = _("a share")
            else:
                points = "-" if option.not_applicable else str(option.score)
            alone = " " + _("(alone)") if option.value in question.alone else ""
            table.add_row(option.value, _t(option.label + alone), points)
        if question.kind == "multi":
            parts.append(_t(_("Answer: any of these (a list)")))
        parts += [Text(""), table]
    else:
        parts.append(_t(f"{_('Answer:')} {_answers(question)}"))
        if question.bands:
            bands = ", ".join(f"≥{edge:g}: {score}" for edge, score in question.bands)
            parts.append(Text(f"{_('Scores:')} {bands}"))
        if question.length_bands:
            bands = ", ".join(f"≤{up_to}: {score}" for up_to, score in question.length_bands)
            parts.append(Text(f"{_('Scores:')} {bands}"))
    return Panel(Group(*parts), title=question.id, title_align="left", expand=False)
