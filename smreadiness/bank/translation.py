"""Translations of a bank: ``ID.LANG.toml`` beside ``ID.toml`` holds only texts, keyed by id.

Ids, option values, rules, weights and conditions live once, in the base bank; a translation
cannot change them, so every language shares them by construction. ``questions validate``
reports texts a translation is missing and keys that name nothing in the base bank.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class SourceText(_Spec):
    note: Text | None = None
    """What the article contributes, in this language."""


class DimensionText(_Spec):
    title: Text
    short: Text | None = None
    description: Text | None = None


class QuestionText(_Spec):
    prompt: Text
    """The question."""
    short: Text | None = None
    """A word or two naming it (where the base bank has a short name)."""
    help: Text | None = None
    """Why it matters; may quote a source article in its own language. (A grid's rows take
    their grid's: give it under the grid's id, with the grid's prompt and options.)"""
    options: dict[str, Text] = {}
    """Option labels by option value (every option of a choice question)."""
    option_help: dict[str, Text] = {}
    """Option clarifications by value, where the base bank has them."""
    option_evidence: dict[str, Text] = {}
    """The evidence follow-ups by option value, where the base bank has them."""
    unit: Text | None = None
    unit_one: Text | None = None
    placeholder: Text | None = None


class RuleText(_Spec):
    message: Text
    idea: Text | None = None


class StepText(_Spec):
    title: Text
    summary: Text | None = None


class ActionText(_Spec):
    title: Text
    detail: Text | None = None


class ExampleText(_Spec):
    name: Text
    story: Text | None = None
    answers: dict[str, Text] = {}
    """The example's answers to text questions (pitch, platforms...), in this language."""


class VerdictText(_Spec):
    label: Text
    summary: Text
    summary_one: Text | None = None


class ScaleText(_Spec):
    options: dict[str, Text] = {}
    """Each option's label, by value, for every question on the scale."""
    option_help: dict[str, Text] = {}


class TranslationSpec(_Spec):
    """The texts of one bank in one more language."""

    format: Literal[1] = 1
    translation_of: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]
    """Id of the base bank."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    """Language code, e.g. ``fi``."""
    version: Text
    """The base bank version this translation was made from."""
    title: Text
    description: Text | None = None
    asks: Text | None = None
    verdicts: dict[Literal["go", "not_yet", "no_go"], VerdictText] = {}
    """The base bank's verdict words, in this language."""
    sources: dict[str, SourceText] = {}
    scales: dict[str, ScaleText] = {}
    """The labels of the base bank's scales, by scale id."""
    dimensions: dict[str, DimensionText] = {}
    questions: dict[str, QuestionText] = {}
    rules: dict[str, RuleText] = {}
    steps: dict[str, StepText] = {}
    actions: dict[str, ActionText] = {}
    examples: dict[str, ExampleText] = {}


_SECTIONS = ("sources", "dimensions", "questions", "rules", "steps", "actions", "examples")
_REQUIRED = {
    "dimensions": ("title", "short", "description"),
    "questions": ("prompt", "short", "help", "unit", "unit_one", "placeholder"),
    "rules": ("message", "idea"),
    "steps": ("title", "summary"),
    "actions": ("title", "detail"),
    "examples": ("name", "story"),
    "sources": ("note",),
}


def check_translation(base: dict[str, Any], spec: TranslationSpec) -> list[tuple[str, str]]:  # noqa: C901 - one check per section of a translation
    """(key, message) for every text missing and every key the base bank does not have."""
    problems: list[tuple[str, str]] = []
    if spec.translation_of != base["id"]:
        problems.append(
            ("translation_of", f"translates {spec.translation_of!r}, not {base['id']!r}")
        )
    if spec.version != base["version"]:
        problems.append(
            ("version", f"made from version {spec.version}; the base bank is {base['version']}")
        )
    if base.get("description") and not spec.description:
        problems.append(("description", "missing"))
    if base.get("asks") and not spec.asks:
        problems.append(("asks", "missing"))
    problems += _check_verdicts(base, spec)
    scales = {scale["id"] for scale in base.get("scales", [])}
    problems += [(f"scales.{name}", "missing") for name in sorted(scales - set(spec.scales))]
    problems += [
        (f"scales.{name}", f"no scale {name!r} in the base bank")
        for name in sorted(set(spec.scales) - scales)
    ]
    grids = _grids(base)
    for section in _SECTIONS:
        items = {item["id"]: item for item in base.get(section, [])}
        if section == "questions":
            items.update(grids)
        texts: dict[str, Any] = getattr(spec, section)
        for key in texts:
            if key not in items:
                problems.append((f"{section}.{key}", f"no {section[:-1]} {key!r} in the base bank"))
        for key, item in items.items():
            text = texts.get(key)
            if text is None:
                problems.append((f"{section}.{key}", "missing"))
                continue
            row = section == "questions" and bool(item.get("grid")) and key not in grids
            for field in _REQUIRED[section]:
                if row and field == "help" and not _own_help(item):
                    continue  # the grid's
                if item.get(field) and getattr(text, field) in (None, ""):
                    problems.append((f"{section}.{key}.{field}", "missing"))
            if section == "questions" and not row and item.get("scale") not in spec.scales:
                problems += _check_options(key, item, text)
            if section == "examples":
                problems += _check_example_answers(key, item, text, base)
    return problems


def _grids(base: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each grid of the base bank by its id, as its texts are translated: the grid's prompt,
    help and options (its rows are questions of their own, translated by their ids)."""
    found: dict[str, dict[str, Any]] = {}
    for question in base.get("questions", []):
        grid = question.get("grid")
        if grid and grid not in found:
            found[grid] = {
                **question,
                "id": grid,
                "prompt": question.get("grid_prompt", ""),
                "help": question.get("grid_help", ""),
                "short": "",
                "grid": None,
            }
    return found


def _own_help(row: dict[str, Any]) -> bool:
    """A grid's row with help of its own (not its grid's)."""
    return bool(row.get("grid")) and row.get("help") != row.get("grid_help")


def _check_verdicts(base: dict[str, Any], spec: TranslationSpec) -> list[tuple[str, str]]:
    words: dict[str, Any] = base.get("verdicts") or {}
    problems = [
        (f"verdicts.{verdict}", "missing")
        for verdict, given in words.items()
        if given and verdict not in spec.verdicts
    ]
    problems += [
        (f"verdicts.{verdict}", "the base bank has no words for this verdict")
        for verdict in spec.verdicts
        if not words.get(verdict)
    ]
    return problems


def _check_options(key: str, item: dict[str, Any], text: QuestionText) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    values = {o["value"]: o for o in item.get("options", [])}
    for value in text.options:
        if value not in values:
            problems.append((f"questions.{key}.options.{value}", "not an option of the base bank"))
    for value, option in values.items():
        if value not in text.options:
            problems.append((f"questions.{key}.options.{value}", "missing"))
        if option.get("help") and value not in text.option_help:
            problems.append((f"questions.{key}.option_help.{value}", "missing"))
        if option.get("evidence") and value not in text.option_evidence:
            problems.append((f"questions.{key}.option_evidence.{value}", "missing"))
    return problems


def _check_example_answers(
    key: str, item: dict[str, Any], text: ExampleText, base: dict[str, Any]
) -> list[tuple[str, str]]:
    kinds = {q["id"]: q["kind"] for q in base.get("questions", [])}
    problems = []
    for question in text.answers:
        if kinds.get(question) != "text" or question not in item.get("answers", {}):
            problems.append(
                (f"examples.{key}.answers.{question}", "not a text answer of this example")
            )
    return problems


def _translated_verdicts(words: dict[str, Any], spec: TranslationSpec) -> dict[str, Any]:
    """The base bank's verdict words with this language's in place of those it names."""
    merged = dict(words)
    for verdict, given in spec.verdicts.items():
        if merged.get(verdict):
            merged[verdict] = {
                "label": given.label,
                "summary": given.summary,
                "summary_one": given.summary_one or "",
            }
    return merged


def apply_translation(base: dict[str, Any], spec: TranslationSpec) -> dict[str, Any]:  # noqa: C901 - one overlay per section of a translation
    """The base bank's plain data with this language's texts in place (ids untouched)."""
    merged = dict(base)
    merged["language"] = spec.language
    merged["title"] = spec.title
    if spec.description:
        merged["description"] = spec.description
    if spec.asks:
        merged["asks"] = spec.asks
    if spec.verdicts and base.get("verdicts"):
        merged["verdicts"] = _translated_verdicts(base["verdicts"], spec)

    def overlay(section: str, fields: tuple[str, ...]) -> None:
        texts: dict[str, Any] = getattr(spec, section)
        out = []
        for item in base.get(section, []):
            text = texts.get(item["id"])
            item = dict(item)
            if text is not None:
                for name in fields:
                    value = getattr(text, name)
                    if value:
                        item[name] = value
            out.append(item)
        merged[section] = out

    for section, fields in _REQUIRED.items():
        overlay(section, fields)
    questions = []
    base_rows = {q["id"]: q for q in base.get("questions", []) if q.get("grid")}
    for item in merged["questions"]:
        scale = spec.scales.get(item.get("scale") or "")
        if scale is not None and item.get("options"):
            item = dict(item)
            item["options"] = [
                {
                    **o,
                    "label": scale.options.get(o["value"], o["label"]),
                    "help": scale.option_help.get(o["value"], o.get("help", "")),
                }
                for o in item["options"]
            ]
        text = spec.questions.get(item["id"])
        grid = spec.questions.get(item.get("grid") or "")
        if grid is not None:  # a grid's row: the grid's prompt, help and options
            base_row = base_rows.get(item["id"], item)
            help_text = item["help"] if _own_help(base_row) else grid.help or item["help"]
            grid_help = grid.help or item.get("grid_help", "")
            item = {**item, "grid_prompt": grid.prompt, "grid_help": grid_help, "help": help_text}
            text = grid
        if text is not None and item.get("options"):
            item = dict(item)
            item["options"] = [
                {
                    **o,
                    "label": text.options.get(o["value"], o["label"]),
                    "help": text.option_help.get(o["value"], o.get("help", "")),
                    "evidence": text.option_evidence.get(o["value"], o.get("evidence", "")),
                }
                for o in item["options"]
            ]
        questions.append(item)
    merged["questions"] = questions
    examples = []
    for item in merged["examples"]:
        example = spec.examples.get(item["id"])
        if example is not None and example.answers:
            kinds = {q["id"]: q["kind"] for q in base["questions"]}
            answers = dict(item["answers"])
            answers.update(
                {
                    q: v
                    for q, v in example.answers.items()
                    if kinds.get(q) == "text" and q in answers
                }
            )
            item = {**item, "answers": answers}
        examples.append(item)
    merged["examples"] = examples
    return merged
