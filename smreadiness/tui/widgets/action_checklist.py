"""The action plan as a checklist, in the order of the strategy steps."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from smreadiness.bank.model import Bank
from smreadiness.engine import ActionItem
from smreadiness.i18n import N_, _
from smreadiness.tui.text import hanging, literal
from smreadiness.tui.widgets.wrapped_list import WrappedList


class ActionChecklist(WrappedList):
    """Space (or Enter, or a click) ticks a step off; the screen saves the tick."""

    DEFAULT_CSS = """
    ActionChecklist, ActionChecklist:focus {
        height: auto; max-height: 100%; border: none; padding: 0;
    }
    """
    BINDINGS = [Binding("space", "tick", N_("Tick off"))]

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ticked: set[str] = set()
        self.bank: Bank | None = None
        self.actions: tuple[ActionItem, ...] = ()

    def show(self, bank: Bank, actions: tuple[ActionItem, ...], done: Iterable[str] = ()) -> None:
        self.bank, self.actions = bank, actions
        self.ticked = set(done)
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
        if action.detail:
            body = Content.assemble(body, "\n", literal(action.detail, "dim"))
        done = action.id in self.ticked
        prefix = Content.assemble(
            ("[x]" if done else "[ ]", "bold $success" if done else ""), f" {number:>2}. "
        )
        return Option(hanging(prefix, body, width), id=action.id)

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
