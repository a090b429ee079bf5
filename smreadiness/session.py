"""One assessment being worked on: its bank, the latest saved copy, and every change saved."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Bank, Question
from smreadiness.engine import Evaluation, check_answers, evaluate_answers
from smreadiness.engine.judge import visible_questions
from smreadiness.i18n import _
from smreadiness.store import Assessment, Store

if TYPE_CHECKING:
    from smreadiness.tasks.state import PlanState

Status = Literal["answered", "skipped", "open"]


T = TypeVar("T")


def replace_fields(record: T, **changes: Any) -> T:
    """A copy with some fields changed, for NamedTuples and dataclasses alike."""
    replace = getattr(record, "_replace", None)
    if replace is not None:
        return cast(T, replace(**changes))
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


class Session:
    """An assessment, its bank and the store it lives in.

    Every change goes through :meth:`Store.update` (reload under the lock, change, atomic
    write), so closing the terminal at any moment loses nothing and two windows never lose
    each other's answers.
    """

    def __init__(self, store: Store, assessment: Assessment, bank: Bank) -> None:
        self.store = store
        self.bank = bank
        self.assessment = assessment
        self._answers: dict[str, Scalar] | None = None
        self._problems: dict[str, str] = {}
        self._evaluations: dict[bool, Evaluation] = {}
        self._stale: tuple[str, ...] | None = None

    # ------------------------------------------------------------------ reading

    @property
    def name(self) -> str:
        return self.assessment.name or _("Unnamed assessment")

    @property
    def answers(self) -> dict[str, Scalar]:
        """The saved answers this bank accepts (others are reported, never used)."""
        if self._answers is None:
            clean, problems = check_answers(self.bank, self.assessment.answers)
            self._answers = clean
            self._problems = {p.question: p.message for p in problems}
        return self._answers

    def handle(self) -> str:
        """How to name this assessment on a command line, shell-quoted: its name when that
        finds it (``smreadiness resume 'Café Mokka'``), else its id."""
        import shlex

        from smreadiness.i18n import language
        from smreadiness.index import find
        from smreadiness.problems import ProblemsError
        from smreadiness.store import StoreError
        from smreadiness.textsafe import clean

        assessment = self.assessment
        handle = assessment.name or assessment.id
        store = self.store
        try:
            if find(store, language(), handle).id != assessment.id:
                handle = assessment.id
        except (StoreError, ProblemsError):
            handle = assessment.id
        return shlex.quote(clean(handle, single_line=True))

    def problem(self, question_id: str) -> str | None:
        """Why a saved answer cannot be used (e.g. written for an older bank), if it cannot."""
        self.answers  # noqa: B018 - fills the problems as a side effect
        problem = self._problems.get(question_id)
        if problem is None and question_id in self.stale():
            problem = _("the question changed since it was answered; please answer it again")
        return problem

    def visible(self) -> tuple[Question, ...]:
        return visible_questions(self.bank, self.answers)

    def evaluate(self, *, full: bool = False) -> Evaluation:
        """The live picture; ``full`` adds what-if and the action plan (the result screen)."""
        cached = self._evaluations.get(full)
        if cached is None:
            cached = evaluate_answers(self.bank, self.answers, what_if=full, plan=full)
            self._evaluations[full] = cached
        return cached

    def evaluate_with(self, changes: Mapping[str, Scalar], *, full: bool = True) -> Evaluation:
        """What the result would be with some answers changed; nothing is saved. ``full``
        (the result screen) adds what-if and the plan; without it, the live picture."""
        return evaluate_answers(self.bank, {**self.answers, **changes}, what_if=full, plan=full)

    def status(self, question_id: str) -> Status:
        if question_id in self.answers:
            return "answered"
        if question_id in self.assessment.skipped:
            return "skipped"
        return "open"

    def is_flagged(self, question_id: str) -> bool:
        return question_id in self.assessment.flagged

    def note(self, question_id: str) -> str:
        return self.assessment.notes.get(question_id, "")

    def neighbour(self, question_id: str, step: int) -> str | None:
        """The visible question ``step`` places away, or None past either end."""
        ids = [q.id for q in self.visible()]
        if question_id not in ids:
            return ids[0] if ids and step > 0 else None
        index = ids.index(question_id) + step
        return ids[index] if 0 <= index < len(ids) else None

    def following(self, question_id: str, value: Scalar | None) -> str | None:
        """The question after this one once it has ``value`` (show_if may add or drop some)."""
        answers = {k: v for k, v in self.answers.items() if k != question_id}
        if value is not None:
            answers[question_id] = value
        ids = [q.id for q in visible_questions(self.bank, answers)]
        if question_id not in ids:
            return ids[0] if ids else None
        index = ids.index(question_id) + 1
        return ids[index] if index < len(ids) else None

    def resume_point(self) -> str | None:
        """Where to continue: the question the user was on if still open, else the first open
        one (skipped ones last; changed ones count as open); None when all are answered."""
        visible = [q.id for q in self.visible()]
        unanswered = set(self.evaluate().unanswered) | set(self.stale())
        open_ids = [q for q in visible if q in unanswered]
        if not open_ids:
            return None
        current = self.assessment.current
        if current in open_ids and current not in self.assessment.skipped:
            return current
        fresh = [q for q in open_ids if q not in self.assessment.skipped]
        return (fresh or list(open_ids))[0]

    def stale(self) -> tuple[str, ...]:
        """Answered questions the bank changed since: asked again, never silently kept."""
        if self._stale is None:
            from smreadiness.reask import stale_answers

            self._stale = stale_answers(self.assessment, self.bank).reask
        return self._stale

    def _fingerprint(self, question_id: str) -> str:
        question = self.bank.question(question_id)
        return question.fingerprint if question is not None else ""

    # ------------------------------------------------------------------ writing

    def change(self, change: Callable[[Assessment], Assessment]) -> Assessment:
        """Apply one change to the saved file (raises StoreError when it cannot be saved)."""
        self.assessment = self.store.update(self.assessment.id, change)
        self._answers = None
        self._stale = None
        self._evaluations.clear()
        return self.assessment

    def answer(self, question_id: str, value: Scalar | None, then: str | None = None) -> None:
        """Save an answer (None removes it), and where the user goes next. An answer the
        question does not accept is refused (:class:`ProblemsError`), never written."""
        if value is not None:
            from smreadiness.engine import check_answer
            from smreadiness.problems import Problem, ProblemsError

            question = self.bank.question(question_id)
            checked, problem = (
                (None, _("unknown question"))
                if question is None
                else (check_answer(question, value))
            )
            if problem is not None:
                message = f"{question_id}: {problem}"
                raise ProblemsError([Problem(self.assessment.name or "", message)])
            value = checked  # None for a blank text: no answer
        fingerprint = self._fingerprint(question_id)

        def apply(latest: Assessment) -> Assessment:
            changed = latest.with_answer(question_id, value, fingerprint)
            return replace_fields(changed, current=then)

        self.change(apply)

    def skip(self, question_id: str, then: str | None = None) -> None:
        """ "Don't know yet": left unanswered and marked, never guessed."""
        self.change(lambda latest: replace_fields(latest.with_skip(question_id), current=then))

    def set_flag(self, question_id: str, flagged: bool) -> None:
        self.change(lambda latest: latest.with_flag(question_id, flagged))

    def set_note(self, question_id: str, text: str) -> None:
        self.change(lambda latest: latest.with_note(question_id, text))

    def evidence(self, question_id: str) -> str:
        """What was given as evidence for this question's answer."""
        return self.assessment.evidence.get(question_id, "")

    def set_evidence(self, question_id: str, text: str) -> None:
        self.change(lambda latest: latest.with_evidence(question_id, text))

    def move_to(self, question_id: str | None) -> None:
        if self.assessment.current != question_id:
            self.change(lambda latest: replace_fields(latest, current=question_id))

    def set_done(self, action_id: str, done: bool) -> None:
        """Tick (or untick) a step of the action plan; kept in the file."""
        self.set_plan(action_id, status="done" if done else "todo")

    def set_plan(self, action_id: str, **changes: Any) -> None:
        """Change one action of the plan (``owner``, ``due``/``clear_due``, ``status``), applied
        to the latest file under the store's lock."""
        from smreadiness.tasks.state import update_action

        self.change(lambda latest: update_action(latest, action_id, **changes))

    def plan_state(self) -> PlanState:
        """What was decided about the plan; raises ProblemsError when the file's is damaged."""
        from smreadiness.tasks.state import read_plan

        return read_plan(self.assessment)

    def finish(self) -> None:
        """Keep a snapshot of the finished state, unless the answers are the last snapshot's."""
        from smreadiness.history import add_snapshot, snapshots

        taken = snapshots(self.assessment)
        if taken and dict(taken[-1].answers) == self.answers:
            return  # nothing new: spare the write
        bank = self.bank
        self.change(lambda latest: add_snapshot(latest, bank))

    def use_bank(self, bank: Bank) -> None:
        """The same bank in another language (or reloaded): every derived picture is redone."""
        self.bank = bank
        self._answers = None
        self._stale = None
        self._evaluations.clear()

    def apply_changes(self, changes: Mapping[str, Scalar | None]) -> dict[str, Scalar | None]:
        """Set several answers at once; returns the answers they replaced (for undo)."""
        before: dict[str, Scalar | None] = {q: self.answers.get(q) for q in changes}

        def apply(latest: Assessment) -> Assessment:
            for question_id, value in changes.items():
                latest = latest.with_answer(question_id, value, self._fingerprint(question_id))
            return latest

        self.change(apply)
        return before
