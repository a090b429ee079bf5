"""The HTML report: one self-contained file (inline CSS and SVG, no network), readable on a
phone, printable on A4, accessible (landmarks, headings, alt text, contrast >= 4.5:1)."""

from __future__ import annotations

from html import escape

from smreadiness.i18n import _, language
from smreadiness.report.document import DimensionItem, ReportDoc
from smreadiness.textsafe import clean

_VERDICT_CLASS = {"go": "go", "not_yet": "notyet", "no_go": "nogo"}
_VERDICT_ICON = {"go": "✔", "not_yet": "!", "no_go": "✖"}

_CSS = """
:root { --ink:#1b1b1f; --muted:#4a4a55; --line:#d6d6dd; --go:#13652e; --notyet:#7a4d00;
  --nogo:#a31621; --bg:#ffffff; --soft:#f4f4f7; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:var(--ink); background:var(--bg); }
main { max-width:46rem; margin:0 auto; padding:1.25rem; }
h1 { font-size:1.6rem; margin:0 0 .25rem; overflow-wrap:anywhere; }
h2 { font-size:1.25rem; margin:2rem 0 .5rem; border-bottom:2px solid var(--line); }
h3 { font-size:1.05rem; margin:1.25rem 0 .25rem; }
.meta { color:var(--muted); margin:0; }
.verdict { border:3px solid; border-radius:.5rem; padding:1rem; margin:1.25rem 0; }
.verdict .word { font-size:2rem; font-weight:800; letter-spacing:.03em; }
.verdict.go { border-color:var(--go); color:var(--go); }
.verdict.notyet { border-color:var(--notyet); color:var(--notyet); }
.verdict.nogo { border-color:var(--nogo); color:var(--nogo); }
.verdict p { color:var(--ink); margin:.25rem 0 0; }
.kind { font-weight:700; text-transform:uppercase; font-size:.8rem; padding:.1rem .4rem;
  border-radius:.25rem; color:#fff; }
.kind.knockout { background:var(--nogo); } .kind.blocker { background:var(--notyet); }
.kind.strength { background:var(--go); } .kind.caution { background:#5b2a86; }
ul { padding-left:1.25rem; } li { margin:.25rem 0; }
.why { color:var(--muted); font-style:italic; }
table { border-collapse:collapse; width:100%; margin:.5rem 0; }
th, td { text-align:left; vertical-align:top; padding:.35rem .5rem;
  border-bottom:1px solid var(--line); overflow-wrap:anywhere; }
th { background:var(--soft); overflow-wrap:normal; }  /* a heading never breaks inside a word */
.chart { width:100%; max-width:32rem; height:auto; display:block; }
.checklist { list-style:none; padding-left:0; }
.checklist li { display:flex; gap:.5rem; }
.checklist input { margin-top:.35rem; width:1.1rem; height:1.1rem; flex:none; }
.detail { color:var(--muted); margin:.1rem 0 0; }
section { break-inside:auto; }
@media (max-width: 30rem) { body { font-size:15px; } main { padding:.75rem; }
  .verdict .word { font-size:1.6rem; } }
@media print {
  @page { size:A4; margin:16mm 14mm 18mm;
    @bottom-center { content:counter(page) " / " counter(pages); font-size:9pt; color:#4a4a55; } }
  body { font-size:11pt; } main { max-width:none; padding:0; }
  h2, h3 { break-after:avoid; } section.page { break-before:page; }
  .verdict, tr, li, .chart, svg { break-inside:avoid; }
  .checklist input { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
}
"""


def t(text: str) -> str:
    """User or bank text, escaped for HTML with control characters made visible."""
    return escape(clean(text), quote=True)


def _chart(dimensions: tuple[DimensionItem, ...]) -> str:
    """Bars with their labels above them: narrow enough to stay legible on a phone."""
    row, width, bar_w = 44, 360, 310
    height = row * len(dimensions) + 4
    summary = "; ".join(
        f"{d.title} {_('not answered yet') if d.score is None else d.score}" for d in dimensions
    )
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="chart-title">',
        f'<title id="chart-title">{t(_("Scores by dimension"))} (0-100): {t(summary)}</title>',
    ]
    for index, dimension in enumerate(dimensions):
        y = index * row
        score = dimension.score
        colour = "#13652e" if (score or 0) >= 70 else "#7a4d00" if (score or 0) >= 40 else "#a31621"
        filled = 0 if score is None else round(bar_w * score / 100)
        shown = t(_("not answered yet")) if score is None else str(score)
        parts += [
            f'<text x="0" y="{y + 15}" font-size="14" fill="#1b1b1f">{t(dimension.title)}</text>',
            f'<rect x="0" y="{y + 21}" width="{bar_w}" height="16" fill="#f4f4f7" '
            'stroke="#d6d6dd"/>',
            f'<rect x="0" y="{y + 21}" width="{filled}" height="16" fill="{colour}"/>',
            f'<text x="{bar_w + 6}" y="{y + 34}" font-size="14" fill="#1b1b1f">{shown}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def _table_head(*columns: str) -> str:
    cells = "".join(f'<th scope="col">{t(c)}</th>' for c in columns)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>"


def render_html(doc: ReportDoc) -> str:  # noqa: C901 - the report's sections in order
    css_class = _VERDICT_CLASS[doc.verdict]
    title = f"{t(doc.subject)}: {t(doc.name)}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f'<h1 id="company">{title}</h1>',
        f'<p class="meta">{t(doc.bank)} · <time datetime="{doc.iso_date}">{t(doc.date)}</time></p>',
        "</header>",
        f'<section class="verdict {css_class}" id="verdict" aria-label="{t(_("Verdict:"))}">',
    ]
    if doc.open_range:
        out += [
            f'<div class="word"><span id="verdict-word">{t(_("Verdict so far:"))} '
            f"{t(doc.range)}</span></div>",
            f"<p>{t(doc.progress)}.</p>",
        ]
        if doc.score is not None:
            so_far = _("Score so far: {score}/100, from the answers given")
            out.append(f"<p>{t(so_far.format(score=doc.score))}</p>")
    else:
        out += [
            f'<div class="word"><span aria-hidden="true">{_VERDICT_ICON[doc.verdict]}</span> '
            f'<span id="verdict-word">{t(doc.verdict_word)}</span></div>',
            f"<p>{t(doc.verdict_meaning)}</p>",
        ]
    if doc.score is not None and not doc.open_range:
        score = _("Overall score: {score}/100").format(score=doc.score)
        out.append(f"<p><strong>{t(score)}</strong></p>")
    if doc.why:
        out.append(f'<p class="why-answer">{t(_("Your why: “{why}”").format(why=doc.why))}</p>')
    if not doc.complete and not doc.open_range:
        partial = _("Partial assessment: {progress}; {range}.").format(
            progress=doc.progress, range=doc.range
        )
        out.append(f"<p><em>{t(partial)}</em></p>")
    out += ["</section>", f'<section id="reasons"><h2>{t(_("Reasons"))}</h2>']
    for section in doc.sections:
        out += [f'<h3 class="{section.kind}">{t(section.heading)}</h3>', "<ul>"]
        for reason in section.reasons:
            out.append(
                f'<li><span class="kind {reason.kind}">{t(reason.kind_word)}</span> '
                f"{t(reason.message)}"
            )
            if reason.answers or reason.idea or reason.answered_by:
                out.append("<ul>")
                out += [
                    f"<li>{t(a.prompt)} → <strong>{t(a.answer)}</strong></li>"
                    for a in reason.answers
                ]
                if reason.answered_by:
                    what = _("What to do: {actions}").format(actions="; ".join(reason.answered_by))
                    out.append(f'<li class="todo">{t(what)}</li>')
                if reason.idea:
                    cited = f" ({'; '.join(reason.sources)})" if reason.sources else ""
                    out.append(f'<li class="why">{t(_("Why:"))} {t(reason.idea)}{t(cited)}</li>')
                out.append("</ul>")
            out.append("</li>")
        out.append("</ul>")
    if not doc.reasons:
        out.append(f"<p>{t(_('No rule applies.'))}</p>")
    out += ["</section>", f'<section id="scores"><h2>{t(_("Scores by dimension"))}</h2>']
    out.append(_chart(doc.dimensions))
    out.append("</section>")
    if doc.what_if:
        heading = t(_("What would change the verdict"))
        out.append(f'<section id="what-if"><h2>{heading}</h2><ul>')
        for item in doc.what_if:
            changes = t(_("; and ")).join(
                f"{t(c.prompt)} → <strong>{t(c.answer)}</strong>" for c in item.changes
            )
            out.append(f"<li>{changes} ⇒ <strong>{t(item.verdict_word)}</strong></li>")
        out.append("</ul></section>")
    if doc.change is not None:
        change = doc.change
        before = change.score_before if change.score_before is not None else "–"
        verdict = f"<strong>{t(doc.word(change.verdict_before))}</strong>"
        heading = t(_("What changed since {since}").format(since=change.since))
        then = t(_("Verdict then: {verdict}, score {score}")).format(verdict=verdict, score=before)
        out += [
            f'<section id="change"><h2>{heading}</h2>',
            f"<p>{then}</p>",
            _table_head(_("Question"), _("Then"), _("Now")),
        ]
        out += [
            f"<tr><td>{t(p)}</td><td>{t(b)}</td><td>{t(a)}</td></tr>" for p, b, a in change.answers
        ]
        out.append("</tbody></table></section>")
    out.append(f'<section id="plan" class="page"><h2>{t(_("Action plan"))}</h2>')
    for step in doc.steps:
        out += [f"<h3>{t(step.title)}</h3>", '<ul class="checklist">']
        for action in step.actions:
            box = f"action-{action.number}"
            detail = f'<p class="detail">{t(action.detail)}</p>' if action.detail else ""
            out.append(
                f'<li><input type="checkbox" id="{box}"{" checked" if action.done else ""}>'
                f'<div><label for="{box}">'
                f"<strong>{t(action.title)}</strong> ({t(action.dimension)})</label>"
                f"{detail}</div></li>"
            )
        out.append("</ul>")
    if not doc.steps:
        out.append(f"<p>{t(_('Nothing to add: keep going as planned.'))}</p>")
    out.append("</section>")
    if doc.sources:
        out.append(f'<section id="sources"><h2>{t(_("Sources"))}</h2><ul>')
        for source in doc.sources:
            # The address as text, not a link: the report stays free of outside references.
            link = f' <span class="url">{t(source.url)}</span>' if source.url else ""
            out.append(f"<li>{t(source.title)}{link}</li>")
        out.append("</ul></section>")
    if doc.unanswered:
        out.append(f'<section id="unanswered"><h2>{t(_("Unanswered"))}</h2><ul>')
        out += [f"<li>{t(prompt)}</li>" for prompt in doc.unanswered]
        out.append("</ul></section>")
    if doc.flagged:
        out.append(f'<section id="flagged"><h2>{t(_("Flagged to revisit"))}</h2><ul>')
        for line in doc.flagged:
            note = f' <em class="note">{t(line.note)}</em>' if line.note else ""
            out.append(f"<li>{t(line.prompt)} → <strong>{t(line.answer)}</strong>{note}</li>")
        out.append("</ul></section>")
    out.append(f'<section id="answers" class="page"><h2>{t(_("Your answers"))}</h2>')
    for group in doc.answers:
        out += [f"<h3>{t(group.title)}</h3>", _table_head(_("Question"), _("Answer"), _("Note"))]
        out += [
            f"<tr><td>{t(a.prompt)}</td><td>{t(a.answer)}</td><td>{t(a.note)}</td></tr>"
            for a in group.answers
        ]
        out.append("</tbody></table>")
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
