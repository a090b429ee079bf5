"""The interview: one question at a time, the live picture beside it, every answer saved at once."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Header, Input, Static

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import DONT_KNOW, Question
from smreadiness.i18n import N_, _, ngettext
from smreadiness.session import Session
from smreadiness.tui.base import SessionScreen
from smreadiness.tui.navigation import GoBack, OpenReview
from smreadiness.tui.text import dots, literal
from smreadiness.tui.widgets.choice_question import ChoiceQuestion
from smreadiness.tui.widgets.grid_question import GridQuestion
from smreadiness.tui.widgets.key_bar import KeyBar
from smreadiness.tui.widgets.live_panel import LivePanel
from smreadiness.tui.widgets.multi_question import MultiQuestion
from smreadiness.tui.widgets.number_question import NumberQuestion
from smreadiness.tui.widgets.question import QuestionWidget
from smreadiness.tui.widgets.question_marks import QuestionMarks
from smreadiness.tui.widgets.text_question import TextQuestion
from smreadiness.tui.widgets.why_panel import WhyPanel

ANSWER_WIDGETS: dict[str, type[QuestionWidget]] = {
    "choice": ChoiceQuestion,
    "multi": MultiQuestion,
    "number": NumberQuestion,
    "text": TextQuestion,
    "grid": GridQuestion,
}
"""The answer widget for each kind of question (and for a grid's rows); its id is the kind."""


def widget_kind(question: Question) -> str:
    """Which answer widget shows ``question``: its kind's, or the grid's for a grid's row."""
    return "grid" if question.grid else question.kind


# The ctrl keys work on every kind of question, and the key bar shows them; single letters
# are quicker while choosing (letters typed into a field are text).
FIELD = "field"
ARROW = "arrow"
PAGE = "page"
"""PgDn moves on whatever has the keyboard (a choice list would otherwise page through it)."""
KEYED = ("forward", "skip", "dont_know", "flag", "note", "why", "outline", "review")


class InterviewScreen(SessionScreen):
    """One question at a time; back, forward, skip, flag, note, outline, review."""

    CSS_PATH = "interview.tcss"
    # show_question focuses the answer; auto focus would first focus the scrolling question
    # area, and moving focus off it restyles everything inside it (~10 ms at start-up).
    AUTO_FOCUS = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("The previous question")),
        Binding("left", f"back('{ARROW}')", N_("Back"), show=False, priority=True),
        Binding(
            "right",
            "forward",
            N_("Next"),
            key_display="→",
            priority=True,
            tooltip=N_("Next, unchanged"),
        ),
        Binding(
            "pagedown",
            f"forward('{PAGE}')",
            N_("Next"),
            priority=True,
            tooltip=N_("Next, unchanged"),
        ),
        Binding(
            "f2",
            f"dont_know('{FIELD}')",
            N_("Don't know"),
            tooltip=N_("Nobody here knows: counted as answered, and the plan says to find out"),
        ),
        Binding("k", "dont_know", N_("Don't know"), show=False),
        Binding(
            "ctrl+s",
            f"skip('{FIELD}')",
            N_("Skip"),
            tooltip=N_("Not now: leave it unanswered for now"),
        ),
        Binding("s", "skip", N_("Skip"), show=False),
        Binding(
            "ctrl+r", f"review('{FIELD}')", N_("Review"), tooltip=N_("All answers, then the result")
        ),
        Binding("r", "review", N_("Review"), show=False),
        Binding("ctrl+g", f"flag('{FIELD}')", N_("Flag"), tooltip=N_("Mark it to revisit")),
        Binding("f", "flag", N_("Flag"), show=False),
        Binding("ctrl+n", f"note('{FIELD}')", N_("Note")),
        Binding("n", "note", N_("Note"), show=False),
        Binding("ctrl+y", f"why('{FIELD}')", N_("Why"), tooltip=N_("Why this matters")),
        Binding("question_mark", "why", N_("Why"), key_display="?", show=False),
        Binding(
            "ctrl+o",
            f"outline('{FIELD}')",
            N_("Outline"),
            tooltip=N_("All questions; jump anywhere"),
        ),
        Binding("o", "outline", N_("Outline"), show=False),
        # Last of the footer's keys: the numbers are on screen beside the options.
        Binding("1", "pick(1)", N_("Pick"), key_display="1-9", priority=True),
        *(
            Binding(str(n), f"pick({n})", f"Pick {n}", show=False, priority=True)
            for n in range(2, 10)
        ),
        # Shown in help and the palette: the footer has no room left at 80 columns.
        Binding("p", "app.present", N_("Present"), show=False),
    ]

    show_why: reactive[bool] = reactive(False)

    def __init__(
        self, session: Session, question: str | None = None, *, review_after: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        visible = session.visible()
        ids = [q.id for q in visible]
        self.question_id: str = question if question in ids else (ids[0] if ids else "")
        self.review_after = review_after
        """Set when editing from the review: after the answer, back to the review."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with VerticalScroll(id="main"):
                yield Static("", id="where")
                yield Static("", id="prompt")
                yield Static("", id="saved-problem")
                # The other kinds' widgets come after the first frame (build_answer_widgets).
                first = self.session.bank.question(self.question_id)
                kind = widget_kind(first) if first is not None else "choice"
                yield ANSWER_WIDGETS[kind](id=kind, classes="answer")
                yield QuestionMarks("", id="marks")
                yield WhyPanel(id="why")
            yield LivePanel(id="live")
        yield KeyBar()

    def on_mount(self) -> None:
        self.prepare()

    def prepare(self) -> None:
        """What a freshly composed screen sets up (after mounting, and after a relabel)."""
        self.sub_title = self.session.name
        for field in self.query(Input):
            field.cursor_blink = self.nav.cursor_blink
        self.show_question()
        self.call_after_refresh(self.build_answer_widgets)

    async def build_answer_widgets(self) -> None:
        """The answer widgets not composed (only the first question's kind is, for start-up)."""
        missing = [
            widget(id=kind, classes="answer")
            for kind, widget in ANSWER_WIDGETS.items()
            if not self.query(f"#{kind}")
        ]
        if not missing:
            return
        for widget in missing:
            widget.display = False
        await self.query_one("#main").mount_all(missing, before="#marks")
        for field in self.query(Input):
            field.cursor_blink = self.nav.cursor_blink

    async def relabel(self) -> None:
        """After a language switch: built again, in the new language."""
        await self.recompose()
        self.prepare()

    # ------------------------------------------------------------------ showing

    def question(self) -> Question:
        question = self.session.bank.question(self.question_id)
        assert question is not None
        return question

    def show_question(self) -> None:
        """Everything about the current question, and the live picture."""
        session = self.session
        question = self.question()
        visible = session.visible()
        ids = [q.id for q in visible]
        number = ids.index(question.id) + 1 if question.id in ids else 0
        dimension = session.bank.dimension(question.dimension)
        area = dimension.title if dimension else question.dimension
        in_area = [q.id for q in visible if q.dimension == question.dimension]
        done = sum(1 for q in in_area if q in session.answers)
        self.query_one("#where", Static).update(
            Content.assemble(
                (area, "bold $text-accent"),
                " · "
                + _("question {number} of {total}").format(number=number, total=len(ids))
                + " ",
                dots(done, len(in_area)),
            )
        )
        prompt = question.grid_prompt if question.grid else question.prompt
        self.query_one("#prompt", Static).update(literal(prompt, "bold"))
        problem = session.problem(question.id)
        saved_problem = self.query_one("#saved-problem", Static)
        saved_problem.display = problem is not None
        if problem:
            needs = _("Your earlier answer needs a look: {problem}.").format(problem=problem)
            saved_problem.update(Content("⚠ " + needs))
        self.show_answer(question)
        self.show_marks()
        self.query_one(WhyPanel).show(session.bank, question)
        self.query_one(WhyPanel).display = self.show_why
        self.refresh_live()
        self.query_one("#main", VerticalScroll).scroll_home(animate=False)

    def show_answer(self, question: Question) -> None:
        """The answer widget for the question's kind, with the saved answer, and the keyboard."""
        kind = widget_kind(question)
        for widget in self.query(".answer").results(QuestionWidget):
            widget.display = widget.id == kind
        found = self.query(f"#{kind}").results(QuestionWidget)
        answer_widget = next(iter(found), None)
        if answer_widget is None:  # keys typed ahead of build_answer_widgets
            self.call_next(self._show_answer_when_built, question.id)
            return
        if isinstance(answer_widget, GridQuestion):
            rows = [q for q in self.session.visible() if q.grid == question.grid]
            answer_widget.load_rows(question, rows, self.session.answers)
        else:
            answer_widget.load(question, self.session.answers.get(question.id))
        answer_widget.focus_answer()

    async def _show_answer_when_built(self, question_id: str) -> None:
        await self.build_answer_widgets()
        if question_id == self.question_id:
            self.show_answer(self.question())

    def _answer_widget(self) -> QuestionWidget | None:
        question = self.session.bank.question(self.question_id)
        if question is None:
            return None
        found = self.query(f"#{widget_kind(question)}").results(QuestionWidget)
        return next(iter(found), None)

    def show_marks(self) -> None:
        self.query_one(QuestionMarks).show(self.session, self.question_id)

    def refresh_live(self) -> None:
        session = self.session
        status = {q.id: q.id in session.answers for q in session.visible()}
        self.query_one(LivePanel).show(session.bank, session.evaluate(), status)

    def watch_show_why(self, show: bool) -> None:
        if self.is_mounted:
            why = self.query_one(WhyPanel)
            why.display = show
            if show:  # on a small terminal it opens below the fold
                self.call_after_refresh(why.scroll_visible, animate=False)

    # ------------------------------------------------------------------ moving

    def _keep_ticks(self) -> None:
        """Leaving a checklist with ticks not yet given: they are saved if they make an
        answer (every answer is kept as it is given), else left as they were."""
        widget = self._answer_widget()
        if not isinstance(widget, MultiQuestion) or widget.question is None:
            return
        if widget.question.id != self.question_id or not widget.pending():
            return
        value = widget.quietly_checked()
        if value is not None:
            question_id = self.question_id
            self._save(lambda: self.session.answer(question_id, value, question_id))

    def go_to(self, question_id: str, *, review_after: bool = False) -> None:
        """Show a question (from the outline, the review or the palette) and remember it."""
        self._keep_ticks()
        self.review_after = review_after
        self.question_id = question_id
        self._save(lambda: self.session.move_to(question_id))
        self.show_question()

    def _advance(self, following: str | None) -> None:
        if self.review_after or following is None:
            self.review_after = False
            if following is not None:
                self.question_id = following
                self.show_question()  # what is under the review is what the keys answer
            self.post_message(OpenReview(self.session))
            return
        self.question_id = following
        self.show_question()

    def _save(self, change: Callable[[], object]) -> bool:
        """Run a store change; a problem becomes a message, and the screen keeps working."""
        return self.saving(lambda: change() or True) is not None

    @on(QuestionWidget.Answered)
    def answer_given(self, event: QuestionWidget.Answered) -> None:
        event.stop()
        if event.question_id == self.question_id:  # a late Enter for a question already left
            self.submit(event.question_id, event.value)

    @on(MultiQuestion.Ticked)
    def ticks_changed(self, event: MultiQuestion.Ticked) -> None:
        """The live picture as it would be with the ticks saved (a trainer shows the verdict
        move as options are ticked); the saved one when the ticks are not an answer yet."""
        event.stop()
        if event.question_id != self.question_id:
            return
        if event.value is None or event.value == self.session.answers.get(event.question_id):
            self.refresh_live()
            return
        session = self.session
        status = {q.id: q.id in session.answers for q in session.visible()}
        status[event.question_id] = True
        preview = session.evaluate_with({event.question_id: event.value}, full=False)
        self.query_one(LivePanel).show(session.bank, preview, status, preview=True)

    @on(GridQuestion.RowPicked)
    def grid_row_picked(self, event: GridQuestion.RowPicked) -> None:
        event.stop()
        self.go_to(event.question_id, review_after=self.review_after)

    def action_pick(self, number: int) -> None:
        question = self.question()
        if question.kind == "multi":  # a checklist: the number ticks, Done moves on
            widget = self._answer_widget()
            if not isinstance(widget, MultiQuestion) or not widget.toggle(number):
                self.app.bell()
            return
        if question.kind != "choice" or not 1 <= number <= len(question.options):
            self.app.bell()
            return
        for widget in self.query(ChoiceQuestion).results(ChoiceQuestion):
            widget.pick(number)  # shown chosen as it moves on (absent if typed far ahead)
        self.submit(self.question_id, question.options[number - 1].value)

    def submit(self, question_id: str, value: Scalar | None) -> None:
        """Save the answer and show what comes next, before the next key is read."""
        before = {q.id for q in self.session.visible()}
        following = self.session.following(question_id, value)
        if not self._save(lambda: self.session.answer(question_id, value, following)):
            return
        added = [q.id for q in self.session.visible() if q.id not in before]
        if added:
            self.notify(
                ngettext(
                    "That answer adds {count} follow-up question: {total} in all now.",
                    "That answer adds {count} follow-up questions: {total} in all now.",
                    len(added),
                ).format(count=len(added), total=len(self.session.visible())),
                timeout=4,
            )
            if self.review_after:  # editing from the review: ask the follow-up before going back
                self.question_id = added[0]
                self.show_question()
                return
        if self._ask_evidence(question_id, value, following):
            return
        self._advance(following)

    def _ask_evidence(self, question_id: str, value: Scalar | None, following: str | None) -> bool:
        """An answer the bank wants backed ("Name your last three posts"): ask for it in a
        dialog, keep what is given, then move on. True when the dialog is shown."""
        from smreadiness.tui.screens.text_prompt import TextPrompt

        question = self.session.bank.by_id.get(question_id)
        ask = question.evidence_for(value) if question is not None else ""
        if not ask:
            return False

        def keep(given: str | None) -> None:
            if given is not None:
                self._save(lambda: self.session.set_evidence(question_id, given))
            self._advance(following)

        prompt = TextPrompt(
            _("Show it"),
            ask,
            self.session.evidence(question_id),
            placeholder=_("e.g. names, dates, links"),
            max_length=2000,
        )
        self.app.push_screen(prompt, keep)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, Input)
        if action in KEYED:
            if parameters == (PAGE,):  # the key bar shows it where → is off (typing)
                return True
            if parameters == (FIELD,):  # the ctrl keys: the same on every kind of question
                return True
            return not typing
        if action == "back" and parameters == (ARROW,):
            return not typing
        if action == "pick":
            question = self.session.bank.question(self.question_id)
            # Not the focus: it moves a moment later, and type-ahead must land on this question.
            if question is None or question.kind not in ("choice", "multi"):
                return False
            return not parameters or int(str(parameters[0])) <= len(question.options)
        return True

    def action_back(self, _via: str = "") -> None:
        self._keep_ticks()
        previous = self.session.neighbour(self.question_id, -1)
        if previous is None:
            discarded = self._discard_if_untouched()
            app = self.app
            self.post_message(GoBack())
            if discarded:
                message = _("Nothing was answered, so {name} was not kept.")
                app.call_after_refresh(
                    app.notify, message.format(name=self.session.name), timeout=4, markup=False
                )
            return
        self.go_to(previous)

    def _discard_if_untouched(self) -> bool:
        """Back out of a new interview before any answer: nothing is left behind."""
        kept = self.session.assessment
        if kept.answers or kept.notes or kept.flagged or kept.skipped or kept.done or kept.history:
            return False
        return self._save(lambda: self.session.store.delete(kept.id))

    def action_forward(self, _via: str = "") -> None:
        typed = self._answer_widget()
        if isinstance(typed, MultiQuestion) and typed.pending() and typed.question is not None:
            value = typed.checked()  # at once: the next key belongs to the next question
            if value is not None:
                self.submit(typed.question.id, value)
            return
        if typed is not None and typed.pending():
            typed.submit_pending()  # saved and moved on as Enter would, or the problem shown
            return
        following = self.session.neighbour(self.question_id, 1)
        if following is not None:
            self._save(lambda: self.session.move_to(following))
        self._advance(following)

    def action_skip(self, _via: str = "") -> None:
        question_id = self.question_id
        following = self.session.following(question_id, None)
        if self._save(lambda: self.session.skip(question_id, following)):
            self._advance(following)

    def action_dont_know(self, _via: str = "") -> None:
        """ "Don't know": answered, left out of scores, and a "find out" step in the plan."""
        question_id = self.question_id
        for widget in self.query(".answer"):
            if isinstance(widget, ChoiceQuestion | MultiQuestion):
                widget.mark_unknown()
        self.submit(question_id, DONT_KNOW)

    def action_flag(self, _via: str = "") -> None:
        flagged = not self.session.is_flagged(self.question_id)
        if self._save(lambda: self.session.set_flag(self.question_id, flagged)):
            self.show_marks()
            self.notify(_("Flagged to revisit") if flagged else _("Flag removed"), timeout=2)

    def action_note(self, _via: str = "") -> None:
        from smreadiness.tui.screens.note import NoteScreen

        question_id = self.question_id

        def keep(note: str | None) -> None:
            if note is not None and self._save(lambda: self.session.set_note(question_id, note)):
                self.show_marks()

        prompt, current = self.question().prompt, self.session.note(question_id)
        self.app.push_screen(NoteScreen(prompt, current), keep)

    def action_why(self, _via: str = "") -> None:
        self.show_why = not self.show_why

    def action_outline(self, _via: str = "") -> None:
        from smreadiness.tui.screens.outline import OutlineScreen

        self._keep_ticks()

        def jump(question_id: str | None) -> None:
            if question_id:
                self.go_to(question_id)

        self.app.push_screen(OutlineScreen(self.session, self.question_id), jump)

    def action_review(self, _via: str = "") -> None:
        self._keep_ticks()
        self.post_message(OpenReview(self.session))
