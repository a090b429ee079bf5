"""The presenter's scratch copy of an assessment: answers flipped on the fly, never saved unless
asked, and then only as a new assessment."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import Bank, Example, Question
from smreadiness.engine import Evaluation, check_answers, evaluate_answers
from smreadiness.engine.judge import visible_questions
from smreadiness.i18n import _
from smreadiness.store import Assessment, Store

FileMark = tuple[tuple[int, int] | None, ...]


class Workshop:
    """Original answers, the answers on screen, and the bank they are judged by.

    ``bank_spec`` is what the bank was loaded from (a bundled id or a path), for reloading it
    in another language or when its file changes.
    """

    def __init__(
        self, bank: Bank, bank_spec: str | None, name: str, answers: Mapping[str, object]
    ) -> None:
        self.bank = bank
        self.bank_spec = bank_spec
        self.name = name
        self.raw_original = dict(answers)
        self.original: dict[str, Scalar] = check_answers(bank, answers)[0]
        self.answers: dict[str, Scalar] = dict(self.original)
        self.last_changed: str | None = None
        self._evaluation: Evaluation | None = None
        self._original_evaluation: Evaluation | None = None

    # ------------------------------------------------------------------ reading

    def visible(self) -> tuple[Question, ...]:
        return visible_questions(self.bank, self.answers)

    def evaluate(self) -> Evaluation:
        if self._evaluation is None:
            self._evaluation = evaluate_answers(self.bank, self.answers, what_if=False, plan=False)
        return self._evaluation

    def original_evaluation(self) -> Evaluation:
        if self._original_evaluation is None:
            self._original_evaluation = evaluate_answers(
                self.bank, self.original, what_if=False, plan=False
            )
        return self._original_evaluation

    def what_ifs(self) -> Evaluation:
        """The current answers with what would lift the verdict (slower: asked on demand)."""
        return evaluate_answers(self.bank, self.answers, what_if=True, plan=False)

    def changed(self) -> set[str]:
        """Questions whose answer differs from the original."""
        ids = set(self.answers) | set(self.original)
        return {q for q in ids if self.answers.get(q) != self.original.get(q)}

    # ------------------------------------------------------------------ changing

    def _changed(self) -> None:
        self._evaluation = None

    def step(self, question_id: str, step: int) -> Scalar | None:
        """The next (``step`` 1) or previous (-1) answer: options cycle, numbers move by one,
        a checklist gains (or loses) its next option in the bank's order.

        Returns the new answer, or None when this question cannot be stepped (text).
        """
        question = self.bank.question(question_id)
        if question is None:
            return None
        current = self.answers.get(question_id)
        value: Scalar
        if question.kind == "choice":
            values = [o.value for o in question.options]
            if not values:
                return None
            if current is None or str(current) not in values:
                value = values[0] if step > 0 else values[-1]
            else:
                value = values[(values.index(str(current)) + step) % len(values)]
        elif question.kind == "multi":
            value = _step_checklist(question, current, step)
        elif question.kind == "number":
            low = question.min if question.min is not None else 0
            high = question.max
            base = current if isinstance(current, int | float) else low - step
            number = base + step
            number = max(low, number)
            if high is not None:
                number = min(high, number)
            value = int(number) if question.integer or float(number).is_integer() else number
        else:
            return None
        self.set(question_id, value)
        return value

    def set(self, question_id: str, value: Scalar | None) -> None:
        if value is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        self.last_changed = question_id
        self._changed()

    def apply(self, changes: Mapping[str, Scalar]) -> None:
        """A what-if's changes, all at once."""
        for question_id, value in changes.items():
            self.answers[question_id] = value
        self.last_changed = next(iter(changes), None)
        self._changed()

    def reset(self) -> None:
        """Back to the answers the presenter started with."""
        self.answers = dict(self.original)
        self.last_changed = None
        self._changed()

    def use_bank(self, bank: Bank) -> None:
        """A reloaded (or translated) bank; the answers stay, minus those it no longer takes."""
        self.bank = bank
        self.original = check_answers(bank, self.raw_original)[0]
        self.answers = check_answers(bank, self.answers)[0]
        self._evaluation = None
        self._original_evaluation = None

    # ------------------------------------------------------------------ the bank file

    def bank_files(self, language: str) -> list[Path]:
        """The files the bank is read from: the base file and, if there is one, its translation."""
        from smreadiness.bank.loader import resolve_bank, translation_path

        base = resolve_bank(self.bank_spec)
        return [base, translation_path(base, language)]

    def bank_mark(self, language: str) -> FileMark:
        """Modification time and size of each bank file (None when missing): cheap to poll."""
        marks: list[tuple[int, int] | None] = []
        try:
            files = self.bank_files(language)
        except Exception:  # noqa: BLE001 - a missing bank is reported when it is reloaded
            return ()
        for path in files:
            try:
                info = path.stat()
            except OSError:
                marks.append(None)
                continue
            marks.append((info.st_mtime_ns, info.st_size))
        return tuple(marks)

    # ------------------------------------------------------------------ saving

    def save_copy(self, store: Store, language: str) -> Assessment:
        """A new saved assessment, "NAME (workshop)", with the answers on screen."""
        from smreadiness.bank.loader import bank_reference

        name = _("{name} (workshop)").format(name=self.name)
        reference = bank_reference(self.bank_spec)
        return save_as_new(store, name, self.bank, reference, language, self.answers)


def save_as_new(
    store: Store,
    name: str,
    bank: Bank,
    reference: str,
    language: str,
    answers: Mapping[str, Scalar],
) -> Assessment:
    """A new saved assessment with these answers, each with its question's fingerprint."""
    from smreadiness.reask import record_fingerprints
    from smreadiness.session import replace_fields
    from smreadiness.store.assessment import MAX_NAME

    copy = store.create(
        name[:MAX_NAME], bank=reference, bank_version=bank.version, language=language
    )
    kept = dict(answers)
    return store.update(
        copy.id, lambda latest: record_fingerprints(replace_fields(latest, answers=kept), bank)
    )


def copy_example(store: Store, bank: Bank, example: Example) -> Assessment:
    """A bundled example company as a saved assessment of its own; the example never changes."""
    name = _("{name} (example)").format(name=example.name)
    return save_as_new(store, name, bank, bank.id, bank.language, example.answers)


def _step_checklist(question: Question, current: Scalar | None, step: int) -> Scalar:
    """One option more (the first not yet ticked) or one fewer (the last ticked), keeping the
    rest of the answer; past every option, round to "none of these", and back."""
    from smreadiness.bank.kinds.multi import MULTI, chosen, countable

    have = list(chosen(question, current)) if current is not None else []
    if step > 0:
        missing = [v for v in countable(question) if v not in have]
        if not missing:
            return MULTI.worst(question)
        have.append(missing[0])
    else:
        if not have:
            return MULTI.best(question)
        have.pop()  # the last ticked in the bank's order
    if not have:
        return MULTI.worst(question)
    return tuple(sorted(have, key=question.ranks.__getitem__))
