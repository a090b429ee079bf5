"""Monotonicity proven by shape agrees with trying every answer.

Random conditions over a choice question, a number question and the score: whenever
:func:`smreadiness.bank.shape.falls` says a condition can only stop holding as a variable gets
better, trying every value of it (and every value of the others, unanswered included) finds no
better value for which it starts to hold. And the proof is not vacuous: the usual shapes of the
bundled bank's rules are proven.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from smreadiness.bank.conditions import EvalContext, evaluate, parse
from smreadiness.bank.shape import falls

OPTIONS = ["good", "fair", "poor"]  # best first
NUMBERS = [0, 1, 2, 3, 5, 8, 10]
SCORES = [0, 30, 59, 60, 61, 100]


class _Option:
    def __init__(self, value: str) -> None:
        self.value = value


class _Question:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.options = [_Option(v) for v in OPTIONS] if kind == "choice" else []
        self.ordered = self.options
        self.lower_is_better = False


class _Bank:
    by_id = {"a.choice": _Question("choice"), "a.number": _Question("number")}


def _quoted(values: list[str]) -> str:
    return ", ".join(f'"{value}"' for value in values)


atom = st.one_of(
    st.builds(
        lambda op, v: f'a.choice {op} "{v}"',
        st.sampled_from(["==", "!="]),
        st.sampled_from(OPTIONS),
    ),
    st.builds(
        lambda neg, vs: f"a.choice {'not in' if neg else 'in'} [{_quoted(vs)}]",
        st.booleans(),
        st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=3, unique=True),
    ),
    st.builds(
        lambda op, n: f"a.number {op} {n}",
        st.sampled_from(["<", "<=", ">", ">=", "==", "!="]),
        st.sampled_from(NUMBERS),
    ),
    st.builds(
        lambda op, n: f"score {op} {n}",
        st.sampled_from(["<", "<=", ">", ">="]),
        st.sampled_from(SCORES),
    ),
)


def combined(atoms: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Conditions of ``atoms`` joined by and, or and not, up to five atoms."""
    return st.recursive(
        atoms,
        lambda inner: st.one_of(
            st.builds(lambda a, b: f"({a}) and ({b})", inner, inner),
            st.builds(lambda a, b: f"({a}) or ({b})", inner, inner),
            st.builds(lambda a: f"not ({a})", inner),
        ),
        max_leaves=5,
    )


condition = combined(atom)

DOMAINS: dict[str, list[Any]] = {
    "a.choice": list(reversed(OPTIONS)),  # worst first
    "a.number": NUMBERS,
    "score": SCORES,
}


def _holds(node: Any, setting: dict[str, Any]) -> bool:
    answers = {k: v for k, v in setting.items() if k != "score" and v is not None}
    return evaluate(node, EvalContext(answers, setting.get("score"), {})) is True


def _starts_to_hold(node: Any, variable: str) -> bool:
    """Some better value of ``variable`` makes it hold where a worse one did not."""
    others = [name for name in DOMAINS if name != variable]
    for combo in itertools.product(*([None, *DOMAINS[o]] for o in others)):
        setting = dict(zip(others, combo, strict=True))
        truth = [_holds(node, {**setting, variable: value}) for value in DOMAINS[variable]]
        if any(
            truth[j] and not truth[i] for i in range(len(truth)) for j in range(i + 1, len(truth))
        ):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(source=condition)
def test_what_the_shape_proves_holds_for_every_answer(source: str) -> None:
    node = parse(source)
    for variable in DOMAINS:
        if falls(node, variable, _Bank()):  # type: ignore[arg-type]
            assert not _starts_to_hold(node, variable), (source, variable)


def test_the_usual_shapes_are_proven() -> None:
    proven = [
        ('a.choice == "poor"', "a.choice"),
        ('a.choice in ["fair", "poor"]', "a.choice"),
        ('a.choice != "good"', "a.choice"),
        ('not (a.choice == "good")', "a.choice"),
        ("a.number < 2 and score < 60", "a.number"),
        ('a.number < 2 or a.choice == "poor"', "a.choice"),
        ("score <= 40", "score"),
        ("not (a.number >= 3)", "a.number"),
    ]
    for source, variable in proven:
        assert falls(parse(source), variable, _Bank()), source  # type: ignore[arg-type]
    for source, variable in [
        ("a.number > 5", "a.number"),
        ('a.choice == "good"', "a.choice"),
        ('a.choice in ["good", "poor"]', "a.choice"),
        ("a.number == 3", "a.number"),
        ("a.number < 2 or not (a.number < 8)", "a.number"),
    ]:
        assert not falls(parse(source), variable, _Bank()), source  # type: ignore[arg-type]


def test_a_rule_that_is_not_monotonic_comes_with_answers_that_show_it(tmp_path: Any) -> None:
    """The validator names the rule and prints two complete answer sets as TOML. Such a bank
    is refused by every command (that is the point of the check), so the pair is replayed here
    through the engine on the bank as written: the better answers get the worse verdict."""
    import re
    import tomllib

    from smreadiness.bank.model import build_bank
    from smreadiness.bank.schema import BankSpec
    from smreadiness.engine import evaluate_answers
    from tests.conftest import run_cli
    from tests.test_bank_words import starter_toml

    bank_file = tmp_path / "starter.toml"
    text = starter_toml().replace(
        '[[rules]]\nid = "no-goals"',
        '[[rules]]\nid = "too-keen"\nkind = "knockout"\nwhen = "resources.hours >= 20"\n'
        'message = "More hours than a shop can give."\n\n[[rules]]\nid = "no-goals"',
        1,
    )
    assert "too-keen" in text
    bank_file.write_text(text, encoding="utf-8")
    checked = run_cli("questions", "validate", str(bank_file))
    assert checked.code != 0
    output = checked.out + checked.err
    assert "too-keen" in output and "not monotonic" in output
    pattern = r'# (worse|better) answer, verdict (\w+):\n(\[answers\]\n(?:".+\n)+)'
    blocks = re.findall(pattern, output)
    assert [kind for kind, _verdict, _block in blocks] == ["worse", "better"], output
    bank = build_bank(BankSpec.model_validate(tomllib.loads(text)).model_dump())
    rank = {"no_go": 0, "not_yet": 1, "go": 2}
    verdicts = []
    for _kind, said, block in blocks:
        answers = tomllib.loads(block)["answers"]
        assert set(answers) == {q.id for q in bank.questions}  # complete
        verdict = evaluate_answers(bank, answers, what_if=False, plan=False).verdict
        assert verdict == said
        verdicts.append(verdict)
    assert rank[verdicts[1]] < rank[verdicts[0]]  # the better answer, the worse verdict


def test_two_hundred_rules_over_sixteen_shared_questions_are_checked(tmp_path: Any) -> None:
    """Refused before ("split them into smaller rules"); monotonic by shape now."""
    import random

    from tests.conftest import run_cli
    from tests.test_bank_words import starter_toml

    chooser = random.Random(7)
    questions = []
    for number in range(16):
        questions.append(
            f'[[questions]]\nid = "purpose.q{number}"\ndimension = "purpose"\nkind = "choice"\n'
            f'prompt = "Question {number}?"\nhelp = "Why question {number} matters."\n'
            + "".join(
                f'[[questions.options]]\nvalue = "{v}"\nlabel = "{v}"\nscore = {s}\n'
                for v, s in (("good", 100), ("fair", 50), ("poor", 0))
            )
        )
    rules = []
    for number in range(200):
        names = chooser.sample(range(16), 5)
        parts = [f'purpose.q{n} in ["fair", "poor"]' for n in names[:3]]
        when = " and ".join(parts) + f' or purpose.q{names[3]} == "poor"'
        rules.append(
            f'[[rules]]\nid = "r{number}"\nkind = "{"knockout" if number % 3 else "blocker"}"\n'
            f"when = '{when}'\nmessage = \"Rule {number}.\"\n"
        )
    text = starter_toml()
    head = text[: text.index("[[examples]]")]
    bank = tmp_path / "many.toml"
    bank.write_text(head + "\n".join(questions + rules), encoding="utf-8")
    checked = run_cli("questions", "validate", str(bank))
    assert "combine too many answers" not in checked.out + checked.err
    assert "monotonic" in checked.out, checked.out + checked.err
