"""Compare with last time: the verdict then and now, score changes, and the answers that moved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from smreadiness.engine import check_answers
from smreadiness.history import Snapshot
from smreadiness.i18n import N_, _, format_date
from smreadiness.report.compare import Comparison, ScoreChange, Side, compare
from smreadiness.session import Session
from smreadiness.tui.text import literal, score_colour, verdict_content


def _score(value: int | None) -> Content:
    if value is None:
        return Content.styled("  –", "dim")
    return Content.styled(f"{value:3d}", score_colour(value))


def _delta(change: ScoreChange) -> Content:
    delta = change.delta
    if not delta:
        return Content.styled("  ·", "dim")
    up = delta > 0
    return Content.styled(
        f"{'▲' if up else '▼'}{abs(delta):>2}", "bold $success" if up else "bold $error"
    )


def comparison_content(result: Comparison, width: int) -> Content:
    """Verdict then → now, overall and per-dimension scores, changed answers then → now."""
    then, now = result.before.verdict, result.after.verdict
    if then == now:
        verdict = Content.assemble(_("Verdict unchanged: "), verdict_content(now))
    else:
        verdict = Content.assemble(
            _("Verdict: "), verdict_content(then), "  →  ", verdict_content(now)
        )
    score = result.score
    lines = [
        verdict,
        Content.assemble(
            _("Score") + " ", _score(score.before), " → ", _score(score.after), " ", _delta(score)
        ),
        Content(""),
        Content.styled(_("Scores by dimension"), "bold underline"),
    ]
    name_width = min(max(len(d.title) for d in result.dimensions), max(10, width - 16))
    for change in result.dimensions:
        title = (
            change.title
            if len(change.title) <= name_width
            else change.title[: name_width - 1] + "…"
        )
        lines.append(
            Content.assemble(
                "  ",
                literal(title.ljust(name_width)),
                " ",
                _score(change.before),
                " → ",
                _score(change.after),
                " ",
                _delta(change),
            )
        )
    lines += [
        Content(""),
        Content.styled(
            _("Changed answers ({count})").format(count=len(result.answers)), "bold underline"
        ),
    ]
    for answer in result.answers:
        lines.append(literal("  " + answer.prompt, "dim"))
        lines.append(
            Content.assemble(
                "    ",
                literal(answer.before_label, single_line=True),
                " → ",
                literal(answer.after_label, "bold", single_line=True),
            )
        )
    if not result.answers:
        lines.append(Content.styled("  " + _("none"), "dim"))
    return Content("\n").join(lines)


class CompareScreen(ModalScreen[None]):
    """The assessment now against its previous finished snapshot; Esc closes."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape,c,q", "close", N_("Close"))]

    def __init__(self, session: Session, snapshot: Snapshot) -> None:
        super().__init__()
        self.session = session
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        session, snapshot = self.session, self.snapshot
        before, _problems = check_answers(session.bank, snapshot.answers)
        if snapshot.finished:
            since = _("your assessment on {date} (snapshot {number})").format(
                date=format_date(snapshot.finished), number=snapshot.number
            )
        else:
            since = _("snapshot {number}").format(number=snapshot.number)
        result = compare(session.bank, Side(since, before), Side(_("now"), session.answers))
        width = min(96, self.app.size.width - 8)
        with Vertical(id="dialog", classes="-wide -tall"):
            yield Static(_("Compared with last time"), classes="title")
            yield Static(
                literal(_("Since {when}").format(when=since), single_line=True),
                classes="intro",
            )
            with VerticalScroll(id="comparison"):
                yield Static(comparison_content(result, width))
            yield Static(_("Esc closes"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#comparison", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
