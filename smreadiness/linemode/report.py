"""The result as sentences: one thought per line, nothing drawn (no bars, tables or boxes)."""

from __future__ import annotations

from smreadiness.i18n import _, ngettext
from smreadiness.report.document import ReportDoc


def report_lines(doc: ReportDoc) -> list[str]:  # noqa: C901 - the report's sections in order
    """The verdict, its reasons, what would change it, the plan and the scores, as lines that
    each make sense read aloud on their own."""
    lines = [_("Result for {name}.").format(name=doc.name)]
    if doc.open_range:
        lines.append(_("Verdict so far: {range}.").format(range=doc.range))
        lines.append(doc.progress + ".")
        if doc.score is not None:
            lines.append(
                _("Score so far: {score} out of 100, from the answers given.").format(
                    score=doc.score
                )
            )
        doc = doc._replace(complete=True)  # said once above
    else:
        lines.append(
            _("Verdict: {verdict}. {meaning}").format(
                verdict=doc.verdict_word, meaning=doc.verdict_meaning
            )
        )
        if doc.score is not None:
            lines.append(_("Overall score: {score} out of 100.").format(score=doc.score))
    if not doc.complete:
        lines.append(
            _("This is a partial result: {progress}; {range}.").format(
                progress=doc.progress, range=doc.range
            )
        )
    if doc.reasons:
        lines.append("")
        total = len(doc.reasons)
        for number, reason in enumerate(doc.reasons, start=1):
            lines.append(
                _("Reason {number} of {total}, {kind}: {message}").format(
                    number=number, total=total, kind=reason.kind_word, message=reason.message
                )
            )
            for answer in reason.answers:
                lines.append(
                    _("Because you answered {answer} to: {prompt}").format(
                        answer=answer.answer, prompt=answer.prompt
                    )
                )
    if doc.what_if:
        lines.append("")
        total = len(doc.what_if)
        for number, item in enumerate(doc.what_if, start=1):
            lines.append(
                _(
                    "What would change it, {number} of {total}: the verdict would be {verdict} "
                    "with these answers."
                ).format(number=number, total=total, verdict=item.verdict_word)
            )
            for line in item.changes:
                lines.append(
                    _("Answer {answer} to: {prompt}").format(
                        answer=line.answer.rstrip("."), prompt=line.prompt
                    )
                )
    actions = [(group.title, action) for group in doc.steps for action in group.actions]
    if actions:
        lines.append("")
        for number, (step, action) in enumerate(actions, start=1):
            lines.append(
                _("Plan step {number} of {total} ({step}): {title}. {detail}").format(
                    number=number,
                    total=len(actions),
                    step=step,
                    title=action.title.rstrip("."),
                    detail=action.detail,
                )
            )
    scored = [d for d in doc.dimensions if d.score is not None]
    if scored:
        lines.append("")
        for dimension in scored:
            lines.append(
                _("{area}: {score} out of 100.").format(area=dimension.title, score=dimension.score)
            )
    if doc.unanswered:
        lines.append("")
        count = len(doc.unanswered)
        lines.append(
            ngettext(
                "Still unanswered: {count} question.", "Still unanswered: {count} questions.", count
            ).format(count=count)
        )
        for prompt in doc.unanswered:
            lines.append(_("Unanswered: {prompt}").format(prompt=prompt))
    for line in doc.flagged:
        lines.append(
            _("Flagged to revisit: {prompt} Your answer: {answer}.").format(
                prompt=line.prompt, answer=line.answer.rstrip(".")
            )
        )
        if line.note:
            lines.append(_("Your note on it: {note}").format(note=line.note))
    return lines
