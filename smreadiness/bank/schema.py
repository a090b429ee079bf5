"""The question bank's TOML format, as frozen pydantic models: this file is its reference.

A bank is validated with these models once; the engine then runs on the light runtime form in
:mod:`smreadiness.bank.model`, built from :meth:`BankSpec.model_dump`, so commands that only
score never pay for building pydantic models.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from smreadiness.bank.kinds import Kind

Verdict = Literal["no_go", "not_yet", "go"]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
Name = Annotated[str, StringConstraints(max_length=24)]
FiniteNumber = Annotated[float, Field(allow_inf_nan=False)]
"""A number a bank may compare answers with: ``nan`` and ``inf`` are refused."""


class _Spec(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", strict=True, use_attribute_docstrings=True
    )


class SourceSpec(_Spec):
    """An article the bank's ideas come from; help texts and rules cite it by ``id``."""

    id: SourceId
    """Short id cited elsewhere, e.g. ``"002"``."""
    title: ShortText
    """Title in the article's own language."""
    language: str = "en"
    """Language code of the article."""
    note: LongText = ""
    """One line on what the article contributes."""
    url: Annotated[str, StringConstraints(pattern=r"^(https?://\S+)?$", max_length=500)] = ""
    """Where the article can be read, if it is public; reports name the source by title
    and give this link."""


class DimensionSpec(_Spec):
    """One area of readiness; the report scores each 0-100."""

    id: Slug
    """Stable id, e.g. ``"culture"``; question ids start with it."""
    title: ShortText
    """Name shown to the user."""
    short: Name = ""
    """A word or two for narrow places (the live picture at 80 columns, the presenter's
    board), e.g. ``"Resources"``; default: the title's first word."""
    weight: float = Field(1.0, ge=0, le=100)
    """Share of the overall score (relative to the other dimensions)."""
    description: LongText = ""
    """What the dimension covers."""


class OptionSpec(_Spec):
    """One answer of a choice question (options listed best first), or one item of a multi
    question's checklist."""

    value: Slug
    """Stable value stored in answers files, e.g. ``"measurable"``."""
    label: ShortText
    """What the user reads."""
    score: int | None = Field(None, ge=0, le=100)
    """Points for this answer, 0-100; on a choice, never higher than the option before it; on
    a multi question, added up over the options chosen (left out with ``scoring = "share"``).
    Required except there and on options that say the question does not apply."""
    help: LongText = ""
    """Optional clarification shown with the option."""
    exclusive: bool = False
    """Multi questions: an option such as "none of these" that cannot be combined with the
    others; it scores 0."""
    not_applicable: bool = False
    """"Does not apply to us": choosing it leaves the question out of the scores, and rules
    treat the answer as not known. Listed after the other options."""
    evidence: Annotated[str, StringConstraints(max_length=300)] = ""
    """A follow-up asked when this option is chosen, e.g. ``"Name your last three posts"``:
    people over-rate themselves, and naming the proof makes them look. The answer is kept and
    shown beside the claim in reports."""


class ScaleSpec(_Spec):
    """Options shared by many questions (``kind = "scale"``, ``scale = "<id>"``), e.g. agree
    ... disagree, listed best first."""

    id: Slug
    """Named by the questions that use it."""
    options: list[OptionSpec] = Field(min_length=2)
    """The answers, best first."""


class NumberBand(_Spec):
    """A score for numbers at or above ``at_least`` (the highest band reached applies), or, on
    a question where lower is better, at or below ``at_most`` (the first band that fits)."""

    at_least: FiniteNumber | None = None
    """Lower edge of the band (more is better)."""
    at_most: FiniteNumber | None = None
    """Upper edge of the band (``better = "lower"``)."""
    score: int = Field(ge=0, le=100)
    """Points for a number in this band."""


class LengthBand(_Spec):
    """A score for texts of at most ``up_to`` characters (the first band that fits applies)."""

    up_to: int = Field(ge=1)
    """Upper edge of the band, in characters."""
    score: int = Field(ge=0, le=100)
    """Points for a text of this length."""


class QuestionSpec(_Spec):
    """One question of the interview."""

    id: QuestionId
    """``dimension.name``, stable across languages and versions."""
    dimension: Slug
    """Id of the dimension it belongs to."""
    kind: Kind
    """Answer type."""
    prompt: ShortText
    """The question as the user reads it."""
    short: Name = ""
    """A word or two naming it on the presenter's board, e.g. ``"Owner"``; default: the
    last part of the id."""
    help: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    """Why it matters: the idea behind the question and where it comes from."""
    sources: list[SourceId] = []
    """Ids of the sources the help text draws on."""
    weight: float = Field(1.0, ge=0, le=100)
    """Weight within its dimension; 0 asks the question without scoring it."""
    effort: int = Field(2, ge=1, le=5)
    """How hard this answer is to change (1 easy, 5 very hard); orders "what would change"."""
    optional: bool = False
    """An optional question may stay unanswered without making the assessment partial."""
    show_if: str | None = None
    """Condition; the question is asked only while it holds."""
    options: list[OptionSpec] = []
    """Choice questions: the options, best first; multi questions: the checklist."""
    min: FiniteNumber | None = None
    """Number questions: smallest accepted value."""
    max: FiniteNumber | None = None
    """Number questions: largest accepted value."""
    integer: bool = True
    """Number questions: whole numbers only."""
    better: Literal["higher", "lower"] = "higher"
    """Number questions: which way is better; ``"lower"`` (e.g. days to answer a customer)
    scores with ``at_most`` bands."""
    scoring: Literal["sum", "share"] = "sum"
    """Multi questions: ``"sum"`` adds up the chosen options' scores (at most 100);
    ``"share"`` scores the share of the options chosen, as checklists often are."""
    scale: Slug | None = None
    """Scale questions: the ``[[scales]]`` entry whose options it offers."""
    unit: str = ""
    """Number questions: unit shown after the field, e.g. ``"h/week"``."""
    unit_one: str = ""
    """Number questions: the unit after exactly 1, where it differs, e.g. ``"person"`` for
    ``unit = "people"``."""
    bands: list[NumberBand] = []
    """Number questions: score bands, lowest first; none leaves the number unscored."""
    max_length: int | None = Field(None, ge=1, le=100_000)
    """Text questions: longest accepted answer, in characters."""
    length_bands: list[LengthBand] = []
    """Text questions: score by length, shortest first; none scores any text 100."""
    placeholder: str = ""
    """Text and number questions: hint shown in the empty field."""
    fact: bool = False
    """True when the answer states a fact about the business (its industry, its size, how it
    is organised) rather than a choice it can make: "what would change the verdict" then
    shows a change to it as applying only if it is really true."""
    weak_words: list[Annotated[str, StringConstraints(min_length=2, max_length=40)]] = []
    """Text questions: words or phrases (any language, matched case-insensitively) that make
    an answer weak, e.g. buzzwords in an elevator story."""
    weak_words_score: int = Field(40, ge=0, le=100)
    """Text questions: the most an answer containing one of ``weak_words`` can score."""
    grid: QuestionId | None = None
    """Set on each row of a grid (``kind = "grid"`` with ``[[questions.rows]]``): the grid's
    id. Rows of one grid are shown together; not written by hand."""
    grid_prompt: Annotated[str, StringConstraints(max_length=300)] = ""
    """Set on each row of a grid: the grid's prompt, shown above its rows."""
    grid_help: LongText = ""
    """Set on each row of a grid: the grid's help (a row without help of its own shows it)."""
    revision: int = Field(1, ge=1)
    """Bump when the question's meaning changes: saved answers to it are then asked again.
    (Changing its kind, options or range does that by itself; rewording does not.)"""


class RuleSpec(_Spec):
    """A knock-out (no-go), blocker (not yet), caution or strength, with the reason shown."""

    id: Slug
    """Stable id, reported in results (``rule`` in JSON)."""
    kind: Literal["knockout", "blocker", "caution", "strength"]
    """``knockout`` gives no-go, ``blocker`` gives not-yet; ``caution`` (something to watch,
    answered by the actions that name it) and ``strength`` are reported only and never change
    the verdict."""
    when: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    """Condition under which the rule applies."""
    message: ShortText
    """The reason as the user reads it."""
    idea: LongText = ""
    """The idea behind it, in a sentence or two."""
    sources: list[SourceId] = []
    """Ids of the sources behind it."""


class StepSpec(_Spec):
    """A strategy step; actions are ordered by their step's position in this list."""

    id: Slug
    """Stable id, e.g. ``"goals"`` (``step`` in JSON)."""
    title: ShortText
    """Name of the step."""
    summary: LongText = ""
    """What the step is about."""


class ActionSpec(_Spec):
    """One concrete thing to do, lifting one dimension.

    Proposed while one of its ``rules`` applies or its ``when`` holds; with neither, while its
    dimension scores below the bank's ``weak_below``.
    """

    id: Slug
    """Stable id."""
    step: Slug
    """Id of the strategy step it belongs to."""
    dimension: Slug
    """Id of the dimension it lifts."""
    title: ShortText
    """The action, imperative and concrete."""
    detail: LongText = ""
    """How to do it, with an example."""
    rules: list[Slug] = []
    """Ids of rules this action answers: it is proposed while one of them applies."""
    when: str | None = None
    """Condition under which the action is proposed."""
    weak_answers: list[QuestionId] = []
    """Questions whose answer this action improves: with any listed, the action is proposed
    only while one of them scores below the bank's ``weak_below`` (and its ``rules`` or
    ``when``, if any, also apply), so it never speaks of a problem this business lacks."""
    verdicts: list[Verdict] = ["not_yet", "go"]
    """Verdicts for which the action is proposed (``no_go`` ones say what to do instead)."""


class ExampleSpec(_Spec):
    """A worked example: an example company with its answers and the verdict they must give."""

    id: Slug
    """Stable id, used with ``smreadiness present``."""
    name: ShortText
    """Company name."""
    story: LongText = ""
    """A few sentences about the company."""
    answers: dict[str, str | int | float | list[str]] = {}
    """Answers by question id, as in an answers file (a list for a multi question)."""
    expected: Verdict
    """The verdict these answers must give; ``questions validate`` checks it."""


class VerdictWordsSpec(_Spec):
    """How the bank names one verdict in reports and on screen."""

    label: Annotated[str, StringConstraints(min_length=1, max_length=24)]
    """The verdict as one short word or two, shown in capitals, e.g. ``"GO"``."""
    summary: ShortText
    """The sentence under the verdict, e.g. ``"Social media can work for you now."``."""
    summary_one: Annotated[str, StringConstraints(max_length=300)] = ""
    """``not_yet`` only: the sentence when exactly one thing is to be fixed first; default:
    ``summary``."""


class VerdictsSpec(_Spec):
    """The bank's own words for its three verdicts; a verdict left out keeps the app's plain
    wording (GO, NOT YET, NO-GO)."""

    go: VerdictWordsSpec | None = None
    not_yet: VerdictWordsSpec | None = None
    no_go: VerdictWordsSpec | None = None


class BankSpec(_Spec):
    """A question bank: dimensions, questions, rules, strategy steps, actions and examples."""

    format: Literal[1] = 1
    """Version of this file format."""
    id: Slug
    """Bank id, e.g. ``"readiness"``; assessments remember it."""
    version: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    """Bank version; assessments remember it."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "en"
    """Language of the texts (``en``, ``fi``, ``sv``); ids and values are shared."""
    title: ShortText
    """Title shown on the home screen and in reports."""
    description: LongText = ""
    """What the bank assesses and for whom."""
    asks: Annotated[str, StringConstraints(max_length=300)] = ""
    """The question the bank answers, e.g. ``"Is social media right for your business
    now?"``: the home screen's heading and the report's subtitle. Default: the title."""
    verdicts: VerdictsSpec = VerdictsSpec()
    """The bank's words for its verdicts (``[verdicts.go]``, ``[verdicts.not_yet]``,
    ``[verdicts.no_go]``)."""
    core: bool = False
    """True if the bank implements the readiness core contract (ids and values)."""
    weak_below: int = Field(60, ge=0, le=100)
    """A dimension scoring below this gets its actions in the plan."""
    reassess_after_days: int = Field(90, ge=1, le=3650)
    """Days from finishing an assessment to the date it is due to be looked at again."""
    disagree_below: float = Field(0.6, ge=0.0, le=1.0)
    """Workshops: a question whose agreement (0-1) is below this counts as a disagreement."""
    sources: list[SourceSpec] = []
    """Articles cited by help texts and rules."""
    scales: list[ScaleSpec] = []
    """Options shared by many questions (``kind = "scale"``)."""
    dimensions: list[DimensionSpec] = Field(min_length=1)
    """The dimensions, in the order they are asked."""
    questions: list[QuestionSpec] = Field(min_length=1)
    """The questions, in the order they are asked."""
    rules: list[RuleSpec] = []
    """Knock-outs, blockers and strengths."""
    steps: list[StepSpec] = []
    """Strategy steps, in order."""
    actions: list[ActionSpec] = []
    """The action plan's building blocks."""
    examples: list[ExampleSpec] = []
    """Worked examples (also the demo companies)."""
