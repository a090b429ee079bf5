"""``workshop present``: the live board for a projector.

Who has joined and how far they are, the verdict counts in large digits, where the room (or
team) disagrees most, and, for a team, the combined verdict. It follows the workshop's folder:
every second it compares the files' stamps and, when one changed, recounts in a worker thread,
so the board never freezes. Names are shown only when the trainer turns them on (``n``);
``←``/``→`` step through the questions one at a time, each with its spread, for discussion.
"""

from __future__ import annotations

import os
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Footer, Static

from smreadiness.i18n import N_, _, ngettext
from smreadiness.textsafe import clean
from smreadiness.wording import verdict_word
from smreadiness.workshops.aggregate import Spread, Summary
from smreadiness.workshops.folder import Workshop

POLL_SECONDS = 1.0
VERDICT_STYLE = {"go": "bold green", "not_yet": "bold yellow", "no_go": "bold red"}


def stamp(workshop: Workshop) -> tuple[tuple[str, int, int], ...]:
    """What changes when any respondent's file is saved, added or removed."""
    out = []
    for store in workshop.stores():
        try:
            with os.scandir(store.root) as entries:
                for entry in entries:
                    if entry.name.endswith(".toml") and not entry.name.startswith("."):
                        info = entry.stat()
                        out.append((entry.path, info.st_mtime_ns, info.st_size))
        except OSError:
            continue
    return tuple(sorted(out))


def spread_text(spread: Spread, width: int = 30) -> Text:
    """One question's answers as bars, largest first in the bank's order."""
    text = Text()
    top = max(spread.counts.values(), default=1)
    for value, count in spread.counts.items():
        bar = "█" * max(1, round(width * count / top))
        text.append(f"{bar} ", style="cyan")
        text.append(f"{count:>3}  ", style="bold")
        text.append(clean(spread.labels.get(value, value), single_line=True) + "\n")
    return text


class BoardApp(App[None]):
    """The board: one screen, large type, no input from the room."""

    TITLE = "smreadiness"
    CSS = """
    Screen { layout: vertical; }
    #top { height: auto; padding: 0 1; text-style: bold; }
    #counts { height: auto; }
    .count { width: 1fr; height: auto; align: center top; }
    .count Static { width: 100%; text-align: center; text-style: bold; }
    .count Digits { width: auto; }
    #go Digits { color: $success; } #not_yet Digits { color: $warning; }
    #no_go Digits { color: $error; }
    #body { height: 1fr; }
    #people { width: 30; border: round $primary; padding: 0 1; }
    #main { width: 1fr; border: round $primary; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("right", "step(1)", N_("Next question")),
        Binding("left", "step(-1)", N_("Previous"), show=False),
        Binding("o", "overview", N_("Overview")),
        Binding("n", "names", N_("Names on/off")),
        Binding("q", "quit", N_("Quit")),
    ]

    def __init__(self, workshop: Workshop, language: str, names: bool = False) -> None:
        super().__init__()
        self.workshop = workshop
        self.language = language
        self.show_names = names
        self.summary: Summary | None = None
        self.question = -1
        """-1: the overview; else the index of the question shown alone."""
        self._stamp: tuple[tuple[str, int, int], ...] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="top")
        with Horizontal(id="counts"):
            for verdict in ("go", "not_yet", "no_go"):
                with Vertical(classes="count", id=verdict):
                    yield Digits("0")
                    yield Static(verdict_word(verdict))
        with Horizontal(id="body"):
            yield VerticalScroll(Static("", id="people-text"), id="people")
            yield VerticalScroll(Static("", id="main-text"), id="main")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.workshop.name
        self.query_one("#top", Static).update(Text(_("Counting the answers...")))
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        current = stamp(self.workshop)
        if current != self._stamp:
            self._stamp = current
            self.recount()

    @work(thread=True, exclusive=True)
    def recount(self) -> None:
        from smreadiness.bank.loader import load_bank
        from smreadiness.workshops.aggregate import summarise

        bank = load_bank(self.workshop.bank or None, self.language)
        summary = summarise(self.workshop, bank, self.workshop.entries())
        self.call_from_thread(self.show, summary)

    def show(self, summary: Summary) -> None:
        self.summary = summary
        readable = [r for r in summary.respondents if r.unreadable is None]
        finished = sum(1 for r in readable if r.complete)
        kind = _("team") if self.workshop.team else _("room")
        top = Text.assemble(
            (clean(self.workshop.name, single_line=True), "bold"),
            f"  ({kind})  ",
            ngettext("{count} joined", "{count} joined", len(readable)).format(count=len(readable)),
            " · ",
            _("{count} finished").format(count=finished),
        )
        unreadable = len(summary.respondents) - len(readable)
        if unreadable:
            top.append(
                "  " + _("{count} file(s) cannot be read").format(count=unreadable), "bold red"
            )
        self.query_one("#top", Static).update(top)
        for verdict, count in summary.verdicts.items():
            self.query_one(f"#{verdict} Digits", Digits).update(str(count))
        self.query_one("#people-text", Static).update(self.people())
        self.query_one("#main-text", Static).update(self.main_text())

    def people(self) -> Text:
        assert self.summary is not None
        text = Text()
        for number, respondent in enumerate(self.summary.respondents, start=1):
            if self.show_names:
                name = clean(respondent.name, single_line=True)[:20]
                if respondent.role:
                    name += f" ({clean(respondent.role, single_line=True)[:10]})"
            else:
                name = _("Respondent {number}").format(number=number)
            if respondent.unreadable:
                text.append(f"{name}: " + _("cannot be read") + "\n", style="red")
                continue
            done = f"{respondent.answered}/{respondent.total}"
            text.append(f"{name}  {done}")
            if respondent.verdict is not None and respondent.complete:
                word = verdict_word(respondent.verdict, self.summary.bank)
                text.append(f"  {word}", style=VERDICT_STYLE[respondent.verdict])
            text.append("\n")
        if not self.summary.respondents:
            text.append(_("Nobody has joined yet."))
        return text

    def one_question(self) -> Text:
        """The question stepped to, alone, with its spread of answers."""
        assert self.summary is not None
        questions = self.summary.questions
        index = self.question % len(questions)
        spread = questions[index]
        heading = _("Question {number} of {count}").format(number=index + 1, count=len(questions))
        text = Text.assemble((heading + "\n", "dim"), (clean(spread.prompt) + "\n\n", "bold"))
        text.append_text(spread_text(spread))
        if spread.agreement is not None:
            text.append("\n" + _("agreement {value}").format(value=f"{spread.agreement:.2f}"))
        return text

    def main_text(self) -> Text:
        assert self.summary is not None
        summary = self.summary
        if self.question >= 0 and summary.questions:
            return self.one_question()
        text = Text()
        if summary.combined is not None:
            verdict = summary.combined.verdict
            text.append(_("Combined verdict of the team: "))
            text.append(verdict_word(verdict, summary.bank) + "\n", style=VERDICT_STYLE[verdict])
            for reason in summary.combined.reasons:
                if reason.kind in ("knockout", "blocker"):
                    text.append("• " + clean(reason.message, single_line=True) + "\n")
            if summary.talk_first:
                text.append("\n" + _("Talk about these first:") + "\n", style="bold")
                for question_id in summary.talk_first:
                    text.append("• " + clean(summary.bank.by_id[question_id].prompt) + "\n")
            text.append("\n")
        by_id = {s.id: s for s in summary.questions}
        if summary.disagreements:
            text.append(_("Where they disagree most") + "\n\n", style="bold")
            for question_id in summary.disagreements[:5]:
                spread = by_id[question_id]
                text.append(clean(spread.prompt, single_line=True) + "\n", style="bold")
                text.append_text(spread_text(spread, 20))
                text.append("\n")
        elif summary.respondents:
            text.append(_("No disagreements so far."))
        text.append(_("→ steps through the questions one at a time."), style="dim")
        return text

    def action_step(self, delta: int) -> None:
        if self.summary is None or not self.summary.questions:
            return
        count = len(self.summary.questions)
        self.question = (max(self.question, 0) + delta) % count if self.question >= 0 else 0
        self.query_one("#main-text", Static).update(self.main_text())

    def action_overview(self) -> None:
        self.question = -1
        if self.summary is not None:
            self.query_one("#main-text", Static).update(self.main_text())

    def action_names(self) -> None:
        self.show_names = not self.show_names
        if self.summary is not None:
            self.query_one("#people-text", Static).update(self.people())


def run_board(workshop: Workshop, language: str, names: bool) -> int:
    BoardApp(workshop, language, names).run()
    return 0
