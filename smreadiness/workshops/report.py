"""The workshop report: text, Markdown, HTML and JSON, from one :class:`Summary`.

Respondents' names and answers are user text: text and Markdown clean control characters,
HTML escapes everything. The HTML is one self-contained file (inline CSS and SVG), each chart
with a text alternative.
"""

from __future__ import annotations

from html import escape

from smreadiness.i18n import _, language, ngettext
from smreadiness.textsafe import clean
from smreadiness.wording import verdict_word
from smreadiness.workshops.aggregate import Spread, Summary

BAR = 24


def _c(text: str) -> str:
    return clean(text, single_line=True)


def kind_text(summary: Summary) -> str:
    return (
        _("a team answering for one business")
        if summary.workshop.team
        else _("a room of businesses")
    )


def _counts_line(summary: Summary) -> str:
    return " · ".join(
        f"{verdict_word(verdict, summary.bank)} {count}"
        for verdict, count in summary.verdicts.items()
    )


def _agreement_text(spread: Spread) -> str:
    if spread.agreement is None:
        return ""
    return _("agreement {value}").format(value=f"{spread.agreement:.2f}")


def text_lines(summary: Summary) -> list[str]:
    """The report as plain lines, each meaningful on its own."""
    shop = summary.workshop
    readable = [r for r in summary.respondents if r.unreadable is None]
    finished = sum(1 for r in readable if r.complete)
    lines = [
        _("Workshop: {name} ({kind})").format(name=_c(shop.name), kind=kind_text(summary)),
        _("Question bank: {title}").format(title=_c(summary.bank.title)),
        "",
        ngettext(
            "{count} respondent, {finished} finished.",
            "{count} respondents, {finished} finished.",
            len(readable),
        ).format(count=len(readable), finished=finished),
        _("Verdicts: {counts}").format(counts=_counts_line(summary)),
    ]
    unreadable = [r for r in summary.respondents if r.unreadable is not None]
    for r in unreadable:
        lines.append(
            _("Not counted, cannot be read: {name}: {reason}").format(
                name=_c(r.name), reason=_c(r.unreadable or "")
            )
        )
    lines += _combined_lines(summary)
    lines += ["", _("Respondents")]
    for r in readable:
        role = f" ({_c(r.role)})" if r.role else ""
        state = verdict_word(r.verdict, summary.bank) if r.verdict else _("still answering")
        lines.append(
            _("- {name}{role}: {state}, {answered} of {total} answered").format(
                name=_c(r.name), role=role, state=state, answered=r.answered, total=r.total
            )
        )
    return lines + _question_lines(summary)


def _combined_lines(summary: Summary) -> list[str]:
    """A team's combined verdict, its reasons, and what to talk about first."""
    combined = summary.combined
    if combined is None:
        return []
    lines = [
        "",
        _("Combined verdict of the team: {verdict} (score {score})").format(
            verdict=verdict_word(combined.verdict, summary.bank), score=combined.score
        ),
    ]
    if summary.capped:
        lines.append(_("Lowered to the best member's verdict: combined answers never rate higher."))
    lines += ["- " + _c(r.message) for r in combined.reasons if r.kind in ("knockout", "blocker")]
    if summary.talk_first:
        lines += ["", _("Talk about these first (the verdict changes with who is right):")]
        lines += ["- " + _c(summary.bank.by_id[q].prompt) for q in summary.talk_first]
    return lines


def _question_lines(summary: Summary) -> list[str]:
    """Where they disagree most, then every question's spread of answers."""
    lines: list[str] = []
    by_id = {s.id: s for s in summary.questions}
    if summary.disagreements:
        lines += ["", _("Where they disagree most")]
        for number, question_id in enumerate(summary.disagreements, start=1):
            spread = by_id[question_id]
            lines.append(f"{number}. {_c(spread.prompt)} ({_agreement_text(spread)})")
            lines.append("   " + _spread_words(spread))
    lines += ["", _("Answers per question")]
    for spread in summary.questions:
        heading = _c(spread.prompt)
        facts = ngettext("{count} answer", "{count} answers", spread.answered).format(
            count=spread.answered
        )
        if spread.agreement is not None:
            facts += ", " + _agreement_text(spread)
        lines += ["", f"{heading} ({facts})"]
        top = max(spread.counts.values(), default=1)
        for value, count in spread.counts.items():
            bar = "█" * max(1, round(BAR * count / top))
            lines.append(f"  {bar} {count}  {_c(spread.labels.get(value, value))}")
    return lines


def _spread_words(spread: Spread) -> str:
    return "; ".join(
        f"{_c(spread.labels.get(value, value))}: {count}" for value, count in spread.counts.items()
    )


def render_text(summary: Summary) -> str:
    return "\n".join(line.rstrip() for line in text_lines(summary)) + "\n"


def _md(text: str) -> str:
    out = _c(text)
    for char in "\\`*_[]<>|#":
        out = out.replace(char, "\\" + char)
    return out


def render_markdown(summary: Summary) -> str:
    shop = summary.workshop
    readable = [r for r in summary.respondents if r.unreadable is None]
    out = [
        f"# {_md(shop.name)}",
        "",
        f"{_md(kind_text(summary))}; {_md(summary.bank.title)}",
        "",
        _("Verdicts: {counts}").format(counts=_counts_line(summary)),
        "",
    ]
    if summary.combined is not None:
        out += [
            "## " + _("Combined verdict of the team"),
            "",
            f"**{verdict_word(summary.combined.verdict, summary.bank)}** "
            f"({summary.combined.score})",
            "",
        ]
        out += [
            f"- {_md(r.message)}"
            for r in summary.combined.reasons
            if r.kind in ("knockout", "blocker")
        ]
        if summary.talk_first:
            out += ["", "### " + _("Talk about these first"), ""]
            out += [f"- {_md(summary.bank.by_id[q].prompt)}" for q in summary.talk_first]
        out.append("")
    out += [
        "## " + _("Respondents"),
        "",
        "| " + " | ".join((_("name"), _("role"), _("verdict"), _("answered"))) + " |",
        "|---|---|---|---|",
    ]
    for r in readable:
        state = verdict_word(r.verdict, summary.bank) if r.verdict else _("still answering")
        out.append(f"| {_md(r.name)} | {_md(r.role)} | {state} | {r.answered}/{r.total} |")
    by_id = {s.id: s for s in summary.questions}
    if summary.disagreements:
        out += ["", "## " + _("Where they disagree most"), ""]
        for question_id in summary.disagreements:
            spread = by_id[question_id]
            out.append(
                f"- **{_md(spread.prompt)}** ({_agreement_text(spread)}): "
                + _md(_spread_words(spread))
            )
    out += ["", "## " + _("Answers per question"), ""]
    for spread in summary.questions:
        facts = _agreement_text(spread)
        out.append(f"- **{_md(spread.prompt)}**" + (f" ({facts})" if facts else ""))
        for value, count in spread.counts.items():
            out.append(f"  - {_md(spread.labels.get(value, value))}: {count}")
    return "\n".join(out) + "\n"


_CSS = """
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#1b1b1f; } main { max-width:50rem; margin:0 auto; padding:1.25rem; }
h1 { font-size:1.6rem; margin:0; overflow-wrap:anywhere; } h2 { border-bottom:2px solid #d6d6dd; }
table { border-collapse:collapse; width:100%; } th, td { text-align:left; padding:.3rem .5rem;
  border-bottom:1px solid #d6d6dd; overflow-wrap:anywhere; }
.meta { color:#4a4a55; } .chart { width:100%; max-width:40rem; height:auto; display:block; }
.go { color:#13652e; } .not_yet { color:#7a4d00; } .no_go { color:#a31621; }
@media print { @page { size:A4; margin:16mm 14mm 18mm;
  @bottom-center { content:counter(page) " / " counter(pages); font-size:9pt; } }
  section, svg, tr { break-inside:avoid; } }
"""


def _bars_svg(spread: Spread) -> str:
    """The spread as bars, each under its answer's words, with the same numbers as text for
    screen readers."""
    rows = list(spread.counts.items())
    top = max((c for _v, c in rows), default=1)
    height = 40 * len(rows) + 4
    alt = "; ".join(f"{spread.labels.get(v, v)}: {c}" for v, c in rows)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 640 {height}" '
        f'aria-label="{escape(_c(alt))}"><title>{escape(_c(alt))}</title>'
    ]
    for index, (value, count) in enumerate(rows):
        y = 4 + index * 40
        width = max(2, round(560 * count / top))
        label = _c(spread.labels.get(value, value))
        label = label if len(label) <= 78 else label[:77] + "…"
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="14">{escape(label)}</text>'
            f'<rect x="0" y="{y + 18}" width="{width}" height="14" fill="#1f5f8b"/>'
            f'<text x="{width + 6}" y="{y + 30}" font-size="14" font-weight="bold">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render_html(summary: Summary) -> str:
    shop = summary.workshop
    readable = [r for r in summary.respondents if r.unreadable is None]
    body = [
        f"<h1>{escape(_c(shop.name))}</h1>",
        f'<p class="meta">{escape(kind_text(summary))}; {escape(_c(summary.bank.title))}</p>',
        f"<p>{escape(_('Verdicts: {counts}').format(counts=_counts_line(summary)))}</p>",
    ]
    if summary.combined is not None:
        combined = summary.combined
        body.append(f"<section><h2>{escape(_('Combined verdict of the team'))}</h2>")
        body.append(
            f'<p class="{combined.verdict}"><strong>'
            f"{escape(verdict_word(combined.verdict, summary.bank))}"
            f"</strong> ({combined.score})</p><ul>"
        )
        body += [
            f"<li>{escape(_c(r.message))}</li>"
            for r in combined.reasons
            if r.kind in ("knockout", "blocker")
        ]
        body.append("</ul>")
        if summary.talk_first:
            body.append(f"<h3>{escape(_('Talk about these first'))}</h3><ul>")
            body += [
                f"<li>{escape(_c(summary.bank.by_id[q].prompt))}</li>" for q in summary.talk_first
            ]
            body.append("</ul>")
        body.append("</section>")
    body.append(f"<section><h2>{escape(_('Respondents'))}</h2><table><thead><tr>")
    body += [f"<th>{escape(h)}</th>" for h in (_("name"), _("role"), _("verdict"), _("answered"))]
    body.append("</tr></thead><tbody>")
    for r in readable:
        state = verdict_word(r.verdict, summary.bank) if r.verdict else _("still answering")
        body.append(
            f"<tr><td>{escape(_c(r.name))}</td><td>{escape(_c(r.role))}</td>"
            f'<td class="{r.verdict or ""}">{escape(state)}</td>'
            f"<td>{r.answered}/{r.total}</td></tr>"
        )
    body.append("</tbody></table></section>")
    by_id = {s.id: s for s in summary.questions}
    if summary.disagreements:
        body.append(f"<section><h2>{escape(_('Where they disagree most'))}</h2><ol>")
        for question_id in summary.disagreements:
            spread = by_id[question_id]
            body.append(
                f"<li><strong>{escape(_c(spread.prompt))}</strong> "
                f"({escape(_agreement_text(spread))})</li>"
            )
        body.append("</ol></section>")
    body.append(f"<section><h2>{escape(_('Answers per question'))}</h2>")
    for spread in summary.questions:
        if not spread.counts:
            continue
        facts = _agreement_text(spread)
        body.append(
            f"<h3>{escape(_c(spread.prompt))}</h3>"
            + (f'<p class="meta">{escape(facts)}</p>' if facts else "")
            + _bars_svg(spread)
        )
    body.append("</section>")
    title = escape(_c(shop.name))
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_CSS}</style></head><body><main>"
        + "".join(body)
        + "</main></body></html>\n"
    )
