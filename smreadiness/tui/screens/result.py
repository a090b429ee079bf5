"""The result: the verdict large, its reasons, what would change it, the plan and the scores."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, OptionList, Static

from smreadiness.bank.conditions import Scalar
from smreadiness.engine import ActionItem, Evaluation
from smreadiness.history import Snapshot, previous_snapshot
from smreadiness.i18n import N_, _, ngettext
from smreadiness.problems import ProblemsError
from smreadiness.session import Session
from smreadiness.store import StoreError
from smreadiness.tui.base import SessionScreen
from smreadiness.tui.navigation import GoBack, OpenReview, SaveReport
from smreadiness.tui.widgets.local_footer import LocalFooter
from smreadiness.tui.widgets.reason_list import ReasonList
from smreadiness.tui.widgets.tab_bar import TabBar
from smreadiness.tui.widgets.verdict_banner import VerdictBanner
from smreadiness.wording import blocker_count, range_text

if TYPE_CHECKING:  # the tabs behind the first are built after the first frame (build_tabs)
    from smreadiness.tui.widgets.action_checklist import ActionChecklist

TABS = ("reasons", "what-if", "plan", "scores")
TAB_NAMES = (N_("Reasons"), N_("What would change this"), N_("Action plan"), N_("Scores"))


class ResultScreen(SessionScreen):
    """A what-if is tried on a scratch copy (nothing saved) until the user keeps it."""

    CSS_PATH = "result.tcss"
    AUTO_FOCUS = ""  # on_mount puts the keyboard on the first tab
    BINDINGS = [
        Binding("1", "try(1)", N_("Try what-if"), key_display="1-8"),
        *(Binding(str(n), f"try({n})", f"what-if {n}", show=False) for n in range(2, 9)),
        Binding("k", "keep", N_("Keep it"), tooltip=N_("Save the tried change to the assessment")),
        Binding(
            "u", "undo", N_("Undo"), tooltip=N_("Put back the answers before the last kept change")
        ),
        Binding("escape", "back", N_("Back")),
        Binding("left", "tab(-1)", N_("Tabs"), key_display="←→", priority=True),
        Binding("right", "tab(1)", N_("Next tab"), show=False, priority=True),
        Binding("s", "save", N_("Save report")),
        Binding("r", "review", N_("Review")),
        Binding("c", "compare", N_("Compare"), tooltip=N_("What changed since last time")),
        Binding("p", "app.present", N_("Present"), tooltip=N_("Presenter view for a projector")),
    ]

    trying: reactive[int | None] = reactive(None, init=False)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.undo_stack: list[dict[str, Scalar | None]] = []
        self.fresh = True
        """Just shown by on_mount: the first resume has nothing new to show."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="top"):
            yield VerdictBanner(id="banner")
        yield TabBar(
            [(tab, _(name)) for tab, name in zip(TABS, TAB_NAMES, strict=True)],
            TABS[0],
            id="tab-bar",
        )
        with ContentSwitcher(id="tabs", initial=TABS[0]):
            with VerticalScroll(id="reasons", classes="pane"):
                yield ReasonList(id="reason-list")
            # The other tabs are filled in once this screen is on the terminal (build_tabs):
            # their lists cost a third of the screen's start-up, for tabs not yet seen.
            # What-if and the plan are lists that scroll themselves, below their intro.
            yield Vertical(id="what-if", classes="pane")
            yield Vertical(id="plan", classes="pane")
            yield VerticalScroll(id="scores", classes="pane")
        yield LocalFooter()

    def on_mount(self) -> None:
        self.prepare()

    def prepare(self) -> None:
        """What a freshly composed screen sets up (after mounting, and after a relabel)."""
        self.sub_title = _("{name}: result").format(name=self.session.name)
        self.refresh_all()
        self.show_tab(TABS[0])
        self.call_after_refresh(self.build_tabs)

    async def build_tabs(self) -> None:
        """The widgets of the tabs behind the first one, filled at once."""
        if self.query("#what-ifs"):
            return
        from smreadiness.tui.widgets.action_checklist import ActionChecklist
        from smreadiness.tui.widgets.dimension_chart import DimensionChart
        from smreadiness.tui.widgets.what_if_list import WhatIfList

        await self.query_one("#what-if").mount(
            Static("", id="what-if-intro"), WhatIfList(id="what-ifs")
        )
        await self.query_one("#plan").mount(
            Static("", id="plan-intro"), ActionChecklist(id="checklist")
        )
        await self.query_one("#scores").mount(
            DimensionChart(progress=False, id="chart"), Static("", id="scores-note")
        )
        self.refresh_tabs()
        if self.active_tab != TABS[0]:  # the user went there before its widgets came
            self.show_tab(self.active_tab)

    def on_screen_resume(self) -> None:
        if self.fresh:
            self.fresh = False
        elif self.is_mounted:  # back from another screen: answers may have changed
            self.refresh_all()
            self.refresh_bindings()

    async def relabel(self) -> None:
        """After a language switch: built again, in the new language, on the same tab."""
        active = self.active_tab
        await self.recompose()
        self.prepare()
        await self.build_tabs()
        self.show_tab(active)

    # ------------------------------------------------------------------ showing

    def current(self) -> Evaluation:
        """The saved answers' result, or the tried what-if's."""
        base = self.session.evaluate(full=True)
        if self.trying is None or self.trying > len(base.what_if):
            return base
        return self.session.evaluate_with(base.what_if[self.trying - 1].changes)

    def refresh_all(self) -> None:
        bank = self.session.bank
        base = self.session.evaluate(full=True)
        shown = self.current()
        extra: list[Content] = []
        if self.trying is not None and self.trying <= len(base.what_if):
            from smreadiness.tui.widgets.what_if_list import changes_content

            changes = base.what_if[self.trying - 1].changes
            extra += [
                Content.assemble(
                    (f" TRYING WHAT-IF {self.trying}, NOT SAVED ", "bold reverse $accent"),
                    ("  " + _("k keeps it · Esc: back to your answers"), "dim"),
                ),
                changes_content(bank, changes),
            ]
        else:
            if not shown.complete:
                extra.append(
                    Content.styled(
                        _("Partial: {answered} of {total} answered; {range}.").format(
                            answered=shown.answered_count,
                            total=shown.question_count,
                            range=range_text(shown.worst, shown.best, bank),
                        ),
                        "italic",
                    )
                )
            flagged = self.session.assessment.flagged
            if flagged:
                asked = {question.id for question in self.session.visible()}
                flagged = tuple(q for q in flagged if q in asked)
            if flagged:
                extra.append(
                    Content.styled(
                        "⚑ "
                        + ngettext(
                            "{count} question flagged to revisit: r reviews it",
                            "{count} questions flagged to revisit: r reviews them",
                            len(flagged),
                        ).format(count=len(flagged)),
                        "$warning",
                    )
                )
            if self.undo_stack:
                extra.append(Content.styled(_("Changed here; u undoes the last change."), "dim"))
        blockers = blocker_count(r.kind for r in shown.reasons)
        self.query_one(VerdictBanner).show(
            shown.verdict, *extra, score=shown.score, blockers=blockers, bank=bank
        )
        self.query_one(ReasonList).show(bank, shown)
        self.refresh_tabs()

    def refresh_tabs(self) -> None:
        """The tabs behind the first, once build_tabs has built them."""
        if not self.query("#what-ifs"):
            return
        from smreadiness.tui.widgets.dimension_chart import DimensionChart
        from smreadiness.tui.widgets.live_panel import dimension_rows
        from smreadiness.tui.widgets.what_if_list import WhatIfList

        bank = self.session.bank
        base = self.session.evaluate(full=True)
        shown = self.current()
        intro = (
            _(
                "Each line is the smallest change that lifts the verdict. Press its number to "
                "try it (nothing is saved); k keeps it, Esc goes back."
            )
            if base.what_if
            else _("Nothing to lift: the verdict is already GO.")
            if base.verdict == "go"
            else _("No single or double change lifts the verdict; see the reasons.")
        )
        self.query_one("#what-if-intro", Static).update(Content(intro))
        self.query_one(WhatIfList).show(bank, base.what_if, self.trying)
        self.query_one("#plan-intro", Static).update(
            Content(
                _(
                    "Space ticks a step off, w marks it started, o names who does it, d sets "
                    "when; s saves the whole report, plan included, to a file."
                )
            )
            if shown.actions
            else Content(_("Nothing to add: keep going as planned."))
        )
        self.show_plan(shown.actions)
        status = {q.id: q.id in shown.answers for q in self.session.visible()}
        self.query_one(DimensionChart).show(dimension_rows(bank, shown, status))
        self.query_one("#scores-note", Static).update(
            Content.styled(
                _("Scores 0-100 from the answers so far; below {weak} counts as weak.").format(
                    weak=bank.weak_below
                ),
                "dim",
            )
        )

    def watch_trying(self) -> None:
        self.refresh_all()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        what_ifs = self.session.evaluate(full=True).what_if
        if action == "try":
            return bool(what_ifs) and (not parameters or int(str(parameters[0])) <= len(what_ifs))
        if action == "keep":
            return self.trying is not None
        if action == "undo":
            return bool(self.undo_stack)
        if action == "compare":
            return self.previous() is not None
        return True

    def previous(self) -> Snapshot | None:
        """The latest finished snapshot whose answers differ from these, if there is one."""
        return previous_snapshot(self.session.assessment, self.session.answers)

    def action_try(self, number: int) -> None:
        if number > len(self.session.evaluate(full=True).what_if):
            self.app.bell()
            return
        self.trying = number
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#what-ifs")
    def what_if_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_try(int(event.option.id))

    def _apply(self, changes: Mapping[str, Scalar | None]) -> dict[str, Scalar | None] | None:
        return self.saving(lambda: self.session.apply_changes(changes))

    def action_keep(self) -> None:
        base = self.session.evaluate(full=True)
        if self.trying is None or self.trying > len(base.what_if):
            return
        changes = dict(base.what_if[self.trying - 1].changes)
        before = self._apply(changes)
        if before is None:
            return
        self.undo_stack.append(before)
        self.set_reactive(ResultScreen.trying, None)
        self.refresh_all()
        self.refresh_bindings()
        self.notify(_("Saved to the assessment. u undoes it."), title=_("Change kept"), timeout=4)

    def action_undo(self) -> None:
        if not self.undo_stack:
            return
        if self._apply(self.undo_stack[-1]) is None:
            return
        self.undo_stack.pop()
        self.set_reactive(ResultScreen.trying, None)
        self.refresh_all()
        self.refresh_bindings()
        self.notify(_("The earlier answers are back."), title=_("Undone"), timeout=4)

    def action_back(self) -> None:
        if self.trying is not None:
            self.trying = None
            self.refresh_bindings()
            return
        self.post_message(GoBack(self._review))

    def _review(self) -> Screen[None]:
        from smreadiness.tui.screens.review import ReviewScreen

        return ReviewScreen(self.session)

    @property
    def active_tab(self) -> str:
        return self.query_one(ContentSwitcher).current or TABS[0]

    def action_tab(self, step: int) -> None:
        index = TABS.index(self.active_tab) if self.active_tab in TABS else 0
        self.show_tab(TABS[(index + step) % len(TABS)])

    @on(TabBar.Chosen)
    def tab_clicked(self, event: TabBar.Chosen) -> None:
        self.show_tab(event.tab_id)

    def show_tab(self, tab: str) -> None:
        """Show a tab; keys go to what it shows: the list to pick from, or the text to scroll."""
        self.query_one(ContentSwitcher).current = tab
        self.query_one(TabBar).active = tab
        pane = self.query_one(f"#{tab}")
        lists = pane.query(OptionList)
        self.set_focus(lists.first() if lists else pane)

    def action_save(self) -> None:
        self.post_message(SaveReport(self.session))

    def action_review(self) -> None:
        self.post_message(OpenReview(self.session))

    def action_compare(self) -> None:
        from smreadiness.tui.screens.compare import CompareScreen

        snapshot = self.previous()
        if snapshot is not None:
            self.app.push_screen(CompareScreen(self.session, snapshot))

    def show_plan(self, actions: tuple[ActionItem, ...] | None = None) -> None:
        """The checklist with what was decided about each action (a damaged [plan] table in
        the file is said once and shown as nothing decided)."""
        from smreadiness.tui.widgets.action_checklist import ActionChecklist

        checklist = self.query_one(ActionChecklist)
        try:
            states = self.session.plan_state().actions
        except ProblemsError as error:
            states = {}
            self.notify(str(error), title=_("Plan not read"), severity="error", markup=False)
        shown = checklist.actions if actions is None else actions
        checklist.show(self.session.bank, shown, self.session.assessment.done, states)

    def on_action_checklist_edit(self, event: ActionChecklist.Edit) -> None:
        """w, o and d on the plan: started, owner, due date; saved to the file at once."""
        action_id = event.action_id
        try:
            current = self.session.plan_state().actions.get(action_id)
        except ProblemsError as error:
            self.notify(str(error), title=_("Plan not read"), severity="error", markup=False)
            return
        title = next((a.title for a in event.checklist.actions if a.id == action_id), action_id)
        if event.what == "doing":
            started = current is not None and current.status == "doing"
            self.save_plan(action_id, status="todo" if started else "doing")
        elif event.what == "owner":
            self.ask_owner(action_id, title, current.owner if current else "")
        else:
            self.ask_due(
                action_id, title, current.due.isoformat() if current and current.due else ""
            )

    def ask_owner(self, action_id: str, title: str, owner: str) -> None:
        from smreadiness.tasks.state import check_owner
        from smreadiness.tui.screens.text_prompt import TextPrompt

        def problem(text: str) -> str | None:
            try:
                check_owner(text)
            except ValueError as bad:
                return str(bad)
            return None

        def given(text: str | None) -> None:
            if text is not None:
                self.save_plan(action_id, owner=text)

        prompt = TextPrompt(
            _("Who does it?"), title, owner, placeholder=_("A name, e.g. Anna"), check=problem
        )
        self.app.push_screen(prompt, given)

    def ask_due(self, action_id: str, title: str, due: str) -> None:
        from smreadiness.tasks.state import parse_due
        from smreadiness.tui.screens.text_prompt import TextPrompt

        def problem(text: str) -> str | None:
            try:
                when = parse_due(text)
            except ValueError as bad:
                return str(bad)
            if when < self.session.assessment.created.astimezone().date():
                return _("{date} is before the assessment was started").format(
                    date=when.isoformat()
                )
            return None

        def given(text: str | None) -> None:
            if text:
                self.save_plan(action_id, due=parse_due(text))
            elif text is not None:
                self.save_plan(action_id, clear_due=True)

        prompt = TextPrompt(
            _("When should it be done?"),
            title,
            due,
            placeholder=_("YYYY-MM-DD, e.g. 2027-01-15"),
            max_length=10,
            check=problem,
        )
        self.app.push_screen(prompt, given)

    def save_plan(self, action_id: str, **changes: Any) -> None:
        try:
            self.session.set_plan(action_id, **changes)
        except (StoreError, ProblemsError, ValueError) as error:
            self.notify(str(error), title=_("Not saved"), severity="error", markup=False)
            return
        self.show_plan()

    def on_action_checklist_ticked(self, event: ActionChecklist.Ticked) -> None:
        """Ticks are kept in the assessment file, so they are there next time."""
        try:
            self.session.set_done(event.action_id, event.done)
        except (StoreError, ProblemsError) as error:
            self.notify(str(error), title=_("Not saved"), severity="error", markup=False)
