"""The Markdown report: renders on common viewers; the action plan is a ``- [ ]`` checklist."""

from __future__ import annotations

import html
import re

from smreadiness.report.document import ReportDoc
from smreadiness.report.labels import verdict_word
from smreadiness.textsafe import clean

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md(text: str) -> str:
    """User text made literal: HTML escaped, Markdown punctuation backslashed, one line."""
    flat = clean(text, single_line=True)
    return _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _score(score: int | None) -> str:
    return "not answered yet" if score is None else f"{score}/100"


def render_markdown(doc: ReportDoc) -> str:
    lines = [
        f"# Social media readiness: {md(doc.name)}",
        "",
        f"{md(doc.bank)} · {doc.date}",
        "",
        f"## Verdict: **{doc.verdict_word}**",
        "",
        md(doc.verdict_meaning),
    ]
    if doc.score is not None:
        lines += ["", f"Overall score: **{doc.score}/100**"]
    if not doc.complete:
        lines += ["", f"*Partial assessment: {doc.progress}; {md(doc.range)}.*"]
    lines += ["", "## Reasons", ""]
    for reason in doc.reasons:
        lines.append(f"- **{reason.kind_word}**: {md(reason.message)}")
        for answer in reason.answers:
            lines.append(f"  - {md(answer.prompt)} → {md(answer.answer)}")
        if reason.idea:
            cited = f" ({', '.join(reason.sources)})" if reason.sources else ""
            lines.append(f"  - *Why: {md(reason.idea)}{cited}*")
    if not doc.reasons:
        lines.append("No rule applies.")
    lines += ["", "## Scores by dimension", "", "| Dimension | Score |", "|---|---:|"]
    lines += [f"| {md(d.title)} | {_score(d.score)} |" for d in doc.dimensions]
    if doc.what_if:
        lines += ["", "## What would change the verdict", ""]
        for item in doc.what_if:
            changes = "; and ".join(f"{md(c.prompt)} → {md(c.answer)}" for c in item.changes)
            lines.append(f"- {changes} ⇒ **{item.verdict_word}**")
    if doc.change is not None:
        change = doc.change
        before = change.score_before if change.score_before is not None else "-"
        lines += [
            "",
            f"## What changed since {md(change.since)}",
            "",
            f"Verdict then: **{verdict_word(change.verdict_before)}**, score {before}.",
            "",
        ]
        lines += [f"- {md(p)}: {md(b)} → {md(a)}" for p, b, a in change.answers]
    lines += ["", "## Action plan", ""]
    for step in doc.steps:
        lines += [f"### {md(step.title)}", ""]
        for action in step.actions:
            lines.append(f"- [ ] **{md(action.title)}** ({md(action.dimension)})")
            if action.detail:
                lines.append(f"  {md(action.detail)}")
        lines.append("")
    if not doc.steps:
        lines += ["Nothing to add: keep going as planned.", ""]
    if doc.unanswered:
        lines += ["## Unanswered", ""]
        lines += [f"- {md(prompt)}" for prompt in doc.unanswered]
        lines.append("")
    lines += ["## Your answers", ""]
    for group in doc.answers:
        lines += [f"### {md(group.title)}", "", "| Question | Answer | Note |", "|---|---|---|"]
        lines += [f"| {md(a.prompt)} | {md(a.answer)} | {md(a.note)} |" for a in group.answers]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
