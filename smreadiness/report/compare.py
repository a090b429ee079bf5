"""``compare``: what changed between two assessments or two snapshots of one.

Both sides are evaluated by the engine against the same bank, so differences come from the
answers alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Bank
from smreadiness.engine import evaluate_answers
from smreadiness.engine.result import Evaluation
from smreadiness.i18n import _
from smreadiness.report.markdown import md
from smreadiness.textsafe import clean
from smreadiness.wording import answer_label, verdict_word


class Side(NamedTuple):
    label: str
    answers: Mapping[str, Scalar]


class AnswerChange(NamedTuple):
    question: str
    prompt: str
    before: Scalar | None
    after: Scalar | None
    before_label: str
    after_label: str


class ScoreChange(NamedTuple):
    id: str
    title: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


class Comparison(NamedTuple):
    a: str
    b: str
    before: Evaluation
    after: Evaluation
    answers: tuple[AnswerChange, ...]
    dimensions: tuple[ScoreChange, ...]
    score: ScoreChange
    bank: Bank | None = None


def compare(bank: Bank, a: Side, b: Side) -> Comparison:
    before = evaluate_answers(bank, a.answers, what_if=False, plan=False)
    after = evaluate_answers(bank, b.answers, what_if=False, plan=False)
    changes = tuple(
        AnswerChange(
            q.id,
            q.prompt,
            a.answers.get(q.id),
            b.answers.get(q.id),
            answer_label(bank, q.id, a.answers.get(q.id)),
            answer_label(bank, q.id, b.answers.get(q.id)),
        )
        for q in bank.questions
        if a.answers.get(q.id) != b.answers.get(q.id)
    )
    dimensions = tuple(
        ScoreChange(d.id, d.title, before.dimensions.get(d.id), after.dimensions.get(d.id))
        for d in bank.dimensions
    )
    overall = ScoreChange("score", _("Overall"), before.score, after.score)
    return Comparison(a.label, b.label, before, after, changes, dimensions, overall, bank)


def to_json(result: Comparison) -> dict[str, Any]:
    return {
        "a": result.a,
        "b": result.b,
        "verdict": {
            "before": result.before.verdict,
            "after": result.after.verdict,
            "changed": result.before.verdict != result.after.verdict,
        },
        "score": {
            "before": result.score.before,
            "after": result.score.after,
            "delta": result.score.delta,
        },
        "dimensions": {
            d.id: {"before": d.before, "after": d.after, "delta": d.delta}
            for d in result.dimensions
        },
        "answers": [
            {"question": c.question, "before": c.before, "after": c.after} for c in result.answers
        ],
    }


def _delta(change: ScoreChange) -> str:
    if change.delta is None:
        return "–"
    return f"{change.delta:+d}"


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)


def verdict_line(result: Comparison) -> str:
    before = verdict_word(result.before.verdict, result.bank)
    after = verdict_word(result.after.verdict, result.bank)
    if before == after:
        return _("Verdict unchanged: {verdict}").format(verdict=after)
    return _("Verdict: {before} → {after}").format(before=before, after=after)


def _overall(result: Comparison) -> str:
    return _("Overall score: {before} → {after} ({delta})").format(
        before=_score(result.score.before),
        after=_score(result.score.after),
        delta=_delta(result.score),
    )


def _changed_heading(result: Comparison) -> str:
    return _("Changed answers ({count})").format(count=len(result.answers))


def render_text_lines(result: Comparison) -> list[tuple[str, str]]:
    """(text, style) lines for Rich; user text made harmless."""
    lines = [
        (_("Comparing {name}").format(name=clean(result.a, single_line=True)), "bold"),
        (_("     with {name}").format(name=clean(result.b, single_line=True)), "bold"),
        ("", ""),
        (verdict_line(result), "bold"),
        (_overall(result), ""),
        ("", ""),
        (_("Scores by dimension"), "bold underline"),
    ]
    for d in result.dimensions:
        lines.append(
            (f"  {d.title:<24} {_score(d.before):>3} → {_score(d.after):>3}  {_delta(d)}", "")
        )
    lines += [("", ""), (_changed_heading(result), "bold underline")]
    for change in result.answers:
        lines.append((f"  {change.prompt}", "dim"))
        before = clean(change.before_label, single_line=True)
        after = clean(change.after_label, single_line=True)
        lines.append((f"    {before} → {after}", ""))
    if not result.answers:
        lines.append(("  " + _("none"), "dim"))
    return lines


def render_markdown(result: Comparison) -> str:
    title = _("Comparison: {a} → {b}").format(a=md(result.a), b=md(result.b))
    header = "| {} | {} | {} | {} |".format(_("Dimension"), _("Before"), _("After"), _("Change"))
    out = [
        f"# {title}",
        "",
        f"**{verdict_line(result)}**",
        "",
        _overall(result),
        "",
        "## " + _("Scores by dimension"),
        "",
        header,
        "|---|---:|---:|---:|",
    ]
    out += [
        f"| {md(d.title)} | {_score(d.before)} | {_score(d.after)} | {_delta(d)} |"
        for d in result.dimensions
    ]
    out += ["", "## " + _changed_heading(result), ""]
    if result.answers:
        out += ["| {} | {} | {} |".format(_("Question"), _("Before"), _("After")), "|---|---|---|"]
        out += [
            f"| {md(c.prompt)} | {md(c.before_label)} | {md(c.after_label)} |"
            for c in result.answers
        ]
    else:
        out.append(_("None."))
    return "\n".join(out) + "\n"
