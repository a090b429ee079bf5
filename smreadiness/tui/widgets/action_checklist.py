"""The action plan as a checklist, in the order of the strategy steps, with each action's
size, status, owner and due date: ticked, started and assigned with a key each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from smreadiness.bank.model import Bank
from smreadiness.engine import ActionItem
from smreadiness.i18n import N_, _, format_date
from smreadiness.tasks.state import ActionState
from smreadiness.tasks.worklist import VERDICT_MOVING, size_of
from smreadiness.tui.text import hanging, literal
from smreadiness.tui.widgets.wrapped_list import WrappedList


class ActionChecklist(WrappedList):
    """Space (or Enter, or a click) ticks a step off; w marks it started; o and d ask for its
    owner and due date. The screen saves each change."""

    DEFAULT_CSS = """
    ActionChecklist, ActionChecklist:focus {
        height: auto; max-height: 100%; border: none; padding: 0;
    }
    """
    BINDINGS = [
        Binding("space", "tick", N_("Tick off")),
        Binding("w", "doing", N_("Started"), tooltip=N_("Mark the action as being worked on")),
        Binding("o", "edit('owner')", N_("Owner")),
        Binding("d", "edit('due')", N_("Due date")),
    ]

    class Ticked(Message):
        """A step was ticked off (``done``) or unticked."""

        def __init__(self, checklist: ActionChecklist, action_id: str, done: bool) -> None:
            super().__init__()
            self.checklist = checklist
            self.action_id = action_id
            self.done = done

        @property
        def control(self) -> ActionChecklist:
            return self.checklist

    class Edit(Message):
        """Change one action: ``what`` is ``doing`` (toggle started), ``owner`` or ``due``."""

        def __init__(self, checklist: ActionChecklist, action_id: str, what: str) -> None:
            super().__init__()
            self.checklist = checklist
            self.action_id = action_id
            self.what = what

        @property
        def control(self) -> ActionChecklist:
            return self.checklist

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ticked: set[str] = set()
        self.states: Mapping[str, ActionState] = {}
        self.bank: Bank | None = None
        self.actions: tuple[ActionItem, ...] = ()

    def show(
        self,
        bank: Bank,
        actions: tuple[ActionItem, ...],
        done: Iterable[str] = (),
        states: Mapping[str, ActionState] | None = None,
    ) -> None:
        self.bank, self.actions = bank, actions
        self.states = states or {}
        self.ticked = set(done) | {a for a, s in self.states.items() if s.status == "done"}
        self.rebuild()

    def build(self, width: int) -> list[Option]:
        return [self._option(n, action, width) for n, action in enumerate(self.actions, 1)]

    def _option(self, number: int, action: ActionItem, width: int) -> Option:
        assert self.bank is not None
        dimension = self.bank.dimension(action.dimension)
        lifts = dimension.title if dimension else action.dimension
        when = _("This week") if action.horizon == "now" else action.step_title
        body = Content.assemble(
            literal(when, "bold $warning" if action.horizon == "now" else "$text-accent"),
            ": ",
            literal(action.title, "bold"),
            ("  " + _("(lifts {area})").format(area=lifts), "dim"),
        )
        facts = self._facts(action)
        if facts:
            body = Content.assemble(body, "\n", literal(facts, "$text-accent"))
        if action.detail:
            body = Content.assemble(body, "\n", literal(action.detail, "dim"))
        done = action.id in self.ticked
        doing = not done and self.states.get(action.id, ActionState()).status == "doing"
        mark = "[x]" if done else "[~]" if doing else "[ ]"
        prefix = Content.assemble(
            (mark, "bold $success" if done else "bold $warning" if doing else ""),
            f" {number:>2}. ",
        )
        return Option(hanging(prefix, body, width), id=action.id)

    def _facts(self, action: ActionItem) -> str:
        """Size, and owner, due date and "started" where set, on one line."""
        state = self.states.get(action.id, ActionState())
        size = size_of(action.effort)
        parts = [_("size {size}").format(size=size)]
        if size == "S" and self.bank is not None:
            kinds = {rule.id: rule.kind for rule in self.bank.rules}
            if any(kinds.get(rule) in VERDICT_MOVING for rule in action.because):
                parts.append(_("quick win"))
        if state.status == "doing" and action.id not in self.ticked:
            parts.append(_("started"))
        if state.owner:
            parts.append(_("owner: {owner}").format(owner=state.owner))
        if state.due is not None:
            when = datetime(state.due.year, state.due.month, state.due.day)
            parts.append(_("due {date}").format(date=format_date(when)))
        return " · ".join(parts)

    def highlighted_action(self) -> str | None:
        option = self.highlighted_option
        return None if option is None else option.id

    def action_doing(self) -> None:
        action_id = self.highlighted_action()
        if action_id is not None:
            self.post_message(self.Edit(self, action_id, "doing"))

    def action_edit(self, what: str) -> None:
        action_id = self.highlighted_action()
        if action_id is not None:
            self.post_message(self.Edit(self, action_id, what))

    def action_tick(self) -> None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        self.ticked ^= {option.id}
        index = self.highlighted or 0
        prompt = self._option(index + 1, self.actions[index], self.width_used).prompt
        self.replace_option_prompt_at_index(index, prompt)
        self.post_message(self.Ticked(self, option.id, option.id in self.ticked))

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()
