"""The Markdown report: renders on common viewers; the action plan is a ``- [ ]`` checklist."""

from __future__ import annotations

import html
import re

from smreadiness.i18n import N_, _
from smreadiness.report.document import ReportDoc
from smreadiness.textsafe import clean

# Babel on Python 3.11 cannot extract _() inside f-strings: these are marked here.
_IN_FSTRINGS = (
    N_("Dimension"),
    N_("Score"),
)

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md(text: str) -> str:
    """User text made literal: HTML escaped, Markdown punctuation backslashed, one line."""
    flat = clean(text, single_line=True)
    return _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _score(score: int | None) -> str:
    return _("not answered yet") if score is None else f"{score}/100"


def render_markdown(doc: ReportDoc) -> str:  # noqa: C901 - the report's sections in order
    lines = [
        f"# {md(doc.subject)}: {md(doc.name)}",
        "",
        f"{md(doc.bank)} · {doc.date}",
        "",
    ]
    if doc.open_range:
        lines += [
            f"## {_('Verdict so far:')} **{md(doc.range)}**",
            "",
            md(doc.progress) + ".",
        ]
        if doc.score is not None:
            so_far = _("Score so far: {score}/100, from the answers given")
            lines += ["", so_far.format(score=f"**{doc.score}**")]
    else:
        lines += [f"## {_('Verdict:')} **{doc.verdict_word}**", "", md(doc.verdict_meaning)]
    if doc.score is not None and not doc.open_range:
        lines += ["", _("Overall score: {score}/100").format(score=f"**{doc.score}**")]
    if doc.why:
        lines += ["", _("Your why: “{why}”").format(why=md(doc.why))]
    if not doc.complete and not doc.open_range:
        partial = _("Partial assessment: {progress}; {range}.").format(
            progress=doc.progress, range=md(doc.range)
        )
        lines += ["", f"*{partial}*"]
    lines += ["", f"## {_('Reasons')}", ""]
    for section in doc.sections:
        lines += [f"### {md(section.heading)}", ""]
        for reason in section.reasons:
            lines.append(f"- **{reason.kind_word}**: {md(reason.message)}")
            for answer in reason.answers:
                lines.append(f"  - {md(answer.prompt)} → {md(answer.answer)}")
            if reason.answered_by:
                what = _("What to do: {actions}").format(actions="; ".join(reason.answered_by))
                lines.append(f"  - {md(what)}")
            if reason.idea:
                cited = f" ({md('; '.join(reason.sources))})" if reason.sources else ""
                lines.append(f"  - *{_('Why:')} {md(reason.idea)}{cited}*")
        lines.append("")
    if not doc.reasons:
        lines.append(_("No rule applies."))
    lines += [
        "",
        f"## {_('Scores by dimension')}",
        "",
        f"| {_('Dimension')} | {_('Score')} |",
        "|---|---:|",
    ]
    lines += [f"| {md(d.title)} | {_score(d.score)} |" for d in doc.dimensions]
    if doc.what_if:
        lines += ["", f"## {_('What would change the verdict')}", ""]
        for item in doc.what_if:
            changes = _("; and ").join(f"{md(c.prompt)} → {md(c.answer)}" for c in item.changes)
            lines.append(f"- {changes} ⇒ **{item.verdict_word}**")
    if doc.change is not None:
        change = doc.change
        before = change.score_before if change.score_before is not None else "-"
        lines += [
            "",
            "## " + _("What changed since {since}").format(since=md(change.since)),
            "",
            _("Verdict then: {verdict}, score {score}").format(
                verdict=f"**{doc.word(change.verdict_before)}**", score=before
            ),
            "",
        ]
        lines += [f"- {md(p)}: {md(b)} → {md(a)}" for p, b, a in change.answers]
    lines += ["", f"## {_('Action plan')}", ""]
    for step in doc.steps:
        lines += [f"### {md(step.title)}", ""]
        for action in step.actions:
            box = "x" if action.done else " "
            lines.append(f"- [{box}] **{md(action.title)}** ({md(action.dimension)})")
            if action.detail:
                lines.append(f"  {md(action.detail)}")
        lines.append("")
    if not doc.steps:
        lines += [_("Nothing to add: keep going as planned."), ""]
    if doc.sources:
        lines += [f"## {_('Sources')}", ""]
        for source in doc.sources:
            link = f" <{source.url}>" if source.url else ""
            lines.append(f"- {md(source.title)}{link}")
        lines.append("")
    if doc.unanswered:
        lines += [f"## {_('Unanswered')}", ""]
        lines += [f"- {md(prompt)}" for prompt in doc.unanswered]
        lines.append("")
    if doc.flagged:
        lines += [f"## {_('Flagged to revisit')}", ""]
        for line in doc.flagged:
            note = f" — *{md(line.note)}*" if line.note else ""
            lines.append(f"- {md(line.prompt)} → **{md(line.answer)}**{note}")
        lines.append("")
    lines += [f"## {_('Your answers')}", ""]
    header = f"| {_('Question')} | {_('Answer')} | {_('Note')} |"
    for group in doc.answers:
        lines += [f"### {md(group.title)}", "", header, "|---|---|---|"]
        lines += [f"| {md(a.prompt)} | {md(a.answer)} | {md(a.note)} |" for a in group.answers]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
