"""The runtime form of a validated bank: immutable NamedTuples with compiled conditions.

Built from the plain data of a validated :class:`~smreadiness.bank.schema.BankSpec` (or from the
cache of it), so scoring never imports pydantic's model machinery.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from smreadiness.bank.conditions import Node, Scalar, parse
from smreadiness.bank.kinds import Kind as Kind  # declared once, with the kinds
from smreadiness.bank.kinds.text import WORD
from smreadiness.verdicts import VERDICT_RANK as VERDICT_RANK
from smreadiness.verdicts import VERDICTS as VERDICTS

DONT_KNOW = "?"
"""The answer "don't know" to any question: counts as answered, is left out of scores, and
rules treat it as not known (the verdict range stays open, as for an unanswered question)."""


class Source(NamedTuple):
    id: str
    title: str
    language: str
    note: str
    url: str = ""


class Dimension(NamedTuple):
    id: str
    title: str
    weight: float
    description: str
    short: str = ""

    @property
    def name(self) -> str:
        """A word or two for narrow places: the bank's short name, else the title's first."""
        return self.short or (self.title.split() or ["?"])[0].rstrip(",:;")


class Option(NamedTuple):
    value: str
    label: str
    score: int
    help: str
    not_applicable: bool = False
    """"Does not apply": left out of the scores; rules see the answer as not known."""
    evidence: str = ""
    """The follow-up asked when this option is chosen (empty: none)."""
    exclusive: bool = False
    """Multi questions: stands alone ("none of these")."""


class Question(NamedTuple):
    id: str
    dimension: str
    kind: Kind
    prompt: str
    help: str
    sources: tuple[str, ...]
    weight: float
    effort: int
    optional: bool
    show_if: Node | None
    show_if_text: str | None
    options: tuple[Option, ...]
    min: float | None
    max: float | None
    integer: bool
    unit: str
    bands: tuple[tuple[float, int], ...]
    max_length: int | None
    length_bands: tuple[tuple[int, int], ...]
    placeholder: str
    ranks: Mapping[str, int]
    """Option value -> position (0 is the best)."""
    fingerprint: str = ""
    """Checksum of what an answer depends on (kind, option values, range, revision)."""
    short: str = ""
    fact: bool = False
    """The answer is a fact about the business, not a choice it can make."""
    weak_words: tuple[str, ...] = ()
    weak_words_score: int = 40
    unit_one: str = ""
    """The unit after exactly 1, where it differs (``person``/``people``)."""
    lower_is_better: bool = False
    """A number where less is better (``better = "lower"``); its bands are upper edges."""
    not_applicable_values: frozenset[Scalar] = frozenset()
    """The answers that say it does not apply (looked up on every judgement): the options'
    values, and on a multi question the one-item lists of them."""
    alone: frozenset[str] = frozenset()
    """Multi questions: the options that cannot be combined (exclusive or not applicable)."""
    share_scoring: bool = False
    """Multi questions: scored by the share of options chosen, not by their scores' sum."""
    grid: str | None = None
    """A grid's row: the grid's id (its rows are shown together)."""
    grid_prompt: str = ""
    """A grid's row: the grid's prompt, above the rows."""
    row: str = ""
    """A grid's row: the row's own words ("Cloud services"); ``prompt`` is then the grid's
    prompt and the row's, for places that show the row alone (reports, the outline)."""

    @property
    def name(self) -> str:
        """A word or two naming it: the bank's short name, else the last part of its id."""
        return self.short or self.id.rsplit(".", 1)[-1].replace("_", " ")

    def unit_for(self, value: Scalar) -> str:
        """The unit to print after ``value``: singular after exactly 1 where the bank has one."""
        return self.unit_one if value == 1 and self.unit_one else self.unit

    def option(self, value: str) -> Option | None:
        index = self.ranks.get(value)
        return None if index is None else self.options[index]

    def not_applicable(self, value: Scalar) -> bool:
        """The answer is an option saying the question does not apply."""
        if isinstance(value, list):  # a multi answer as read from a file, not yet checked
            value = tuple(value)
        return bool(self.not_applicable_values) and value in self.not_applicable_values

    def evidence_for(self, value: Scalar | None) -> str:
        """The follow-up the bank asks for this answer ("Name your last three posts"), or "";
        on a multi question, the first chosen option's that asks for one."""
        if isinstance(value, tuple):
            return next((e for e in map(self.evidence_for, value) if e), "")
        option = self.option(value) if isinstance(value, str) and self.options else None
        return option.evidence if option is not None else ""

    @property
    def ordered(self) -> tuple[Option, ...]:
        """The options that say how well, best first (not those saying it does not apply)."""
        return tuple(o for o in self.options if not o.not_applicable)

    def rank(self, value: str) -> int | None:
        """Position of an option, 0 for the best."""
        return self.ranks.get(value)

    def score_of(self, value: Scalar) -> int | None:
        """Points for an answer, or None when the question is not scored (or not known, or
        does not apply)."""
        if value == DONT_KNOW or self.not_applicable(value):
            return None
        from smreadiness.bank.kinds import KINDS

        return KINDS[self.kind].score(self, value)

    @property
    def scored(self) -> bool:
        if self.weight <= 0:
            return False
        return self.kind != "number" or bool(self.bands)


class Rule(NamedTuple):
    id: str
    kind: Literal["knockout", "blocker", "caution", "strength"]
    when: Node
    when_text: str
    message: str
    idea: str
    sources: tuple[str, ...]


class Step(NamedTuple):
    id: str
    title: str
    summary: str


class Action(NamedTuple):
    id: str
    step: str
    dimension: str
    title: str
    detail: str
    rules: tuple[str, ...]
    when: Node | None
    verdicts: tuple[str, ...]
    weak_answers: tuple[str, ...] = ()


class Example(NamedTuple):
    id: str
    name: str
    story: str
    answers: Mapping[str, Scalar]
    expected: str


class VerdictWords(NamedTuple):
    """A bank's name for one verdict and the sentence under it."""

    label: str
    summary: str
    summary_one: str = ""


class Bank(NamedTuple):
    id: str
    version: str
    language: str
    title: str
    description: str
    core: bool
    weak_below: int
    sources: tuple[Source, ...]
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    steps: tuple[Step, ...]
    actions: tuple[Action, ...]
    examples: tuple[Example, ...]
    path: str = ""
    by_id: Mapping[str, Question] = {}
    reassess_after_days: int = 90
    """Days from finishing to the date to look again."""
    disagree_below: float = 0.6
    """Workshops: agreement below this is a disagreement."""
    asks: str = ""
    """The question the bank answers (the home screen's heading); empty: the title."""
    verdicts: Mapping[str, VerdictWords] = {}
    """The bank's words for the verdicts it names (``go``, ``not_yet``, ``no_go``)."""

    def question(self, question_id: str) -> Question | None:
        return self.by_id.get(question_id)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def example(self, example_id: str) -> Example | None:
        return next((e for e in self.examples if e.id == example_id), None)

    def step_index(self, step_id: str) -> int:
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        return len(self.steps)


def _question(raw: Mapping[str, Any]) -> Question:
    options = tuple(
        Option(
            o["value"],
            o["label"],
            int(o["score"] or 0),
            o["help"],
            o["not_applicable"],
            o["evidence"],
            o["exclusive"],
        )
        for o in raw["options"]
    )
    multi = raw["kind"] == "multi"
    not_applicable = {o.value for o in options if o.not_applicable}
    alone = {o.value for o in options if o.exclusive or o.not_applicable} if multi else set()
    show_if = raw["show_if"]
    return Question(
        id=raw["id"],
        dimension=raw["dimension"],
        kind=raw["kind"],
        prompt=f"{raw['grid_prompt']} — {raw['prompt']}" if raw["grid"] else raw["prompt"],
        row=raw["prompt"] if raw["grid"] else "",
        help=raw["help"],
        sources=tuple(raw["sources"]),
        weight=float(raw["weight"]),
        effort=int(raw["effort"]),
        optional=bool(raw["optional"]),
        show_if=parse(show_if) if show_if else None,
        show_if_text=show_if or None,
        options=options,
        min=raw["min"],
        max=raw["max"],
        integer=bool(raw["integer"]),
        unit=raw["unit"],
        unit_one=raw["unit_one"],
        bands=tuple(
            (float(b["at_most"] if raw["better"] == "lower" else b["at_least"]), int(b["score"]))
            for b in raw["bands"]
        ),
        lower_is_better=raw["better"] == "lower",
        not_applicable_values=frozenset(
            [*not_applicable, *((v,) for v in not_applicable if multi)]
        ),
        alone=frozenset(alone),
        share_scoring=raw["scoring"] == "share",
        grid=raw["grid"],
        grid_prompt=raw["grid_prompt"],
        max_length=raw["max_length"],
        length_bands=tuple((int(b["up_to"]), int(b["score"])) for b in raw["length_bands"]),
        placeholder=raw["placeholder"],
        ranks={o.value: i for i, o in enumerate(options)},
        fingerprint=_fingerprint(raw),
        short=raw["short"],
        fact=bool(raw["fact"]),
        weak_words=tuple(" ".join(WORD.findall(w.casefold())) for w in raw["weak_words"]),
        weak_words_score=int(raw["weak_words_score"]),
    )


def _fingerprint(raw: Mapping[str, Any]) -> str:
    """Stable across rewording and translation; changes when an answer may no longer apply."""
    parts = [
        raw["kind"],
        ",".join(o["value"] for o in raw["options"]),
        f"{raw['min']}:{raw['max']}:{raw['integer']}:{raw['max_length']}",
        str(raw["revision"]),
    ]
    return f"{zlib.crc32('|'.join(parts).encode()):08x}"


def build_bank(raw: Mapping[str, Any], path: str = "") -> Bank:
    """Runtime bank from the plain data of a *validated* bank (``BankSpec.model_dump()``).

    Every default lives in the schema (``smreadiness.bank.schema``): the dumped data holds
    every field, so nothing is restated here.
    """
    questions = tuple(_question(q) for q in raw["questions"])
    bank = Bank(
        id=raw["id"],
        version=raw["version"],
        language=raw["language"],
        title=raw["title"],
        description=raw["description"],
        core=bool(raw["core"]),
        weak_below=int(raw["weak_below"]),
        reassess_after_days=int(raw["reassess_after_days"]),
        disagree_below=float(raw["disagree_below"]),
        asks=raw["asks"],
        verdicts={
            verdict: VerdictWords(words["label"], words["summary"], words["summary_one"])
            for verdict, words in raw["verdicts"].items()
            if words is not None
        },
        sources=tuple(
            Source(s["id"], s["title"], s["language"], s["note"], s["url"]) for s in raw["sources"]
        ),
        dimensions=tuple(
            Dimension(
                d["id"],
                d["title"],
                float(d["weight"]),
                d["description"],
                d["short"],
            )
            for d in raw["dimensions"]
        ),
        questions=questions,
        rules=tuple(
            Rule(
                r["id"],
                r["kind"],
                parse(r["when"]),
                r["when"],
                r["message"],
                r["idea"],
                tuple(r["sources"]),
            )
            for r in raw["rules"]
        ),
        steps=tuple(Step(s["id"], s["title"], s["summary"]) for s in raw["steps"]),
        actions=tuple(
            Action(
                a["id"],
                a["step"],
                a["dimension"],
                a["title"],
                a["detail"],
                tuple(a["rules"]),
                parse(a["when"]) if a["when"] else None,
                tuple(a["verdicts"]),
                tuple(a["weak_answers"]),
            )
            for a in raw["actions"]
        ),
        examples=tuple(
            Example(e["id"], e["name"], e["story"], dict(e["answers"]), e["expected"])
            for e in raw["examples"]
        ),
        path=path,
        by_id={q.id: q for q in questions},
    )
    bind_counts(bank)
    return bank


def bind_counts(bank: Bank) -> None:
    """Tell each ``count(q)`` of a multi question which of its options it does not count."""
    from smreadiness.bank.conditions import Chosen

    roots: list[Node | None] = [q.show_if for q in bank.questions]
    roots += [r.when for r in bank.rules] + [a.when for a in bank.actions]
    stack = [node for node in roots if node is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, Chosen):
            question = bank.by_id.get(node.collection.question)
            node.exclusive = question.alone if question is not None else frozenset()
        stack.extend(node.children())
