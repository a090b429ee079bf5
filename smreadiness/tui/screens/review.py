"""The review: every answer by dimension, unanswered and flagged ones marked; Enter edits one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from smreadiness.i18n import N_, _
from smreadiness.session import Session
from smreadiness.tui.base import SessionScreen
from smreadiness.tui.lines import list_width, question_line
from smreadiness.tui.navigation import GoBack, OpenInterview, OpenResult
from smreadiness.tui.text import literal
from smreadiness.tui.widgets.local_footer import LocalFooter
from smreadiness.wording import answer_label


class ReviewScreen(SessionScreen):
    """All answers before the result; the user edits any of them from here."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("enter", "edit", N_("Edit answer"), priority=True),
        Binding("v", "result", N_("See the result")),
        Binding("u", "next_open", N_("Next unanswered")),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.width_used = 0
        self.fresh = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="summary")
        yield OptionList(id="answers")
        yield LocalFooter()

    def on_mount(self) -> None:
        self.sub_title = _("{name}: review").format(name=self.session.name)
        self.fill()
        self.query_one(OptionList).focus()

    async def relabel(self) -> None:
        """After a language switch: built again, in the new language."""
        highlighted = self.query_one(OptionList).highlighted
        await self.recompose()
        self.sub_title = _("{name}: review").format(name=self.session.name)
        self.fill(highlighted)
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        if self.fresh:  # just filled by on_mount
            self.fresh = False
        elif self.is_mounted:  # back from editing an answer: stay on it, where it was
            answers = self.query_one(OptionList)
            edited = self._highlighted()
            self.fill(answers.highlighted)
            if edited is not None:
                try:
                    answers.highlighted = answers.get_option_index(edited)
                except KeyError:
                    pass  # the question is no longer asked
            self.call_after_refresh(answers.scroll_to_highlight)

    def fill(self, highlighted: int | None = None) -> None:  # noqa: C901 - one row per question state
        session = self.session
        answers = self.query_one(OptionList)
        width = list_width(answers.scrollable_content_region.width, self.app.size.width - 4)
        self.width_used = width
        result = session.evaluate()
        visible = session.visible()
        flagged = [q.id for q in visible if session.is_flagged(q.id)]
        summary = [
            Content.styled(
                _("{answered} of {total} answered").format(
                    answered=sum(1 for q in visible if q.id in session.answers),
                    total=len(visible),
                ),
                "bold",
            )
        ]
        if result.unanswered:
            open_count = len(result.unanswered)
            summary.append(
                Content.styled(_("{count} still open").format(count=open_count), "$warning")
            )
        optional_empty = sum(1 for q in visible if q.optional and q.id not in session.answers)
        if optional_empty:
            summary.append(
                Content.styled(_("{count} optional left empty").format(count=optional_empty), "dim")
            )
        if flagged:
            summary.append(
                Content.styled(_("{count} flagged").format(count=len(flagged)), "$warning")
            )
        hint = _("Enter edits an answer · v shows the result")
        self.query_one("#summary", Static).update(
            Content.assemble(Content(" · ").join(summary), ("\n" + hint, "dim"))
        )
        options: list[Option] = []
        number = 0
        for dimension in session.bank.dimensions:
            questions = [q for q in visible if q.dimension == dimension.id]
            if not questions:
                continue
            options.append(
                Option(Content.styled(dimension.title, "bold $text-accent"), disabled=True)
            )
            for question in questions:
                number += 1
                status = session.status(question.id)
                if status == "answered":
                    label = answer_label(session.bank, question.id, session.answers[question.id])
                    answer = Content.assemble("→ ", literal(label, "bold"))
                elif status == "skipped":
                    answer = Content.styled("→ " + _("don't know yet (unanswered)"), "$warning")
                elif question.optional:
                    answer = Content.styled("→ " + _("(optional, left empty)"), "dim")
                else:
                    answer = Content.styled("→ " + _("unanswered"), "bold $warning")
                lines = [answer]
                note = session.note(question.id)
                if note:
                    lines.append(Content.assemble(("✎ ", "$accent"), literal(note, "italic")))
                line = question_line(session, question.id, number, False, width, *lines)
                options.append(Option(line, id=question.id))
        answers.set_options(options)
        if highlighted is None:
            highlighted = 1 if len(options) > 1 else None
        answers.highlighted = highlighted

    def on_resize(self) -> None:
        answers = self.query_one(OptionList)
        if list_width(answers.scrollable_content_region.width, 0) != self.width_used:
            self.fill(answers.highlighted)

    def _highlighted(self) -> str | None:
        answers = self.query_one(OptionList)
        option = answers.highlighted_option
        return option.id if option is not None else None

    def action_edit(self) -> None:
        question_id = self._highlighted()
        if question_id:
            self.post_message(OpenInterview(self.session, question_id, review_after=True))

    @on(OptionList.OptionSelected, "#answers")
    def answer_clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenInterview(self.session, event.option.id, review_after=True))

    def action_next_open(self) -> None:
        answers = self.query_one(OptionList)
        start = (answers.highlighted or 0) + 1
        count = answers.option_count
        for offset in range(count):
            index = (start + offset) % count
            option = answers.get_option_at_index(index)
            if option.id and self.session.status(option.id) != "answered":
                question = self.session.bank.question(option.id)
                if question is not None and not question.optional:
                    answers.highlighted = index
                    return
        self.notify(_("Every question is answered."), timeout=3)

    def action_result(self) -> None:
        self.post_message(OpenResult(self.session, finished=True))

    def action_back(self) -> None:
        self.post_message(GoBack(lambda: self._interview()))

    def _interview(self) -> Screen[None]:
        from smreadiness.tui.screens.interview import InterviewScreen

        return InterviewScreen(self.session, self.session.resume_point())
