"""``smreadiness questions validate PATH`` on a corpus of broken banks, each with its exact error.

Most cases break the small valid bank in ``banks/mini.toml`` one way at a time, so the whole of
stderr can be asserted. Core-contract cases break a copy of the bundled bank; since other
engineers edit that file, their line numbers and indices are computed from the text, and only
the line under test is asserted (one change there may rightly cause follow-on problems).

Exit codes (interface.md): 1 when validate found problems, 3 when the file cannot be read.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from badinput_support import BUNDLED_BANK, MINI_BANK, error_lines, line_of

MINI = MINI_BANK.read_text("utf-8")


def _mutate(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, f"{old!r} not in bank"
    return text.replace(old, new, 1)


def _summary(path: Path, count: int) -> str:
    return f"{path}: {count} problem{'s' if count != 1 else ''} found"


def _validate(run: Callable[..., Any], path: Path) -> Any:
    return run("questions", "validate", str(path))


# --------------------------------------------------------------------------- the good banks


def test_bundled_bank_validates(run: Callable[..., Any]) -> None:
    result = _validate(run, BUNDLED_BANK)
    assert result.code == 0, result.err
    assert result.out.startswith(f"{BUNDLED_BANK}: OK: bank readiness ")
    assert result.err == ""


def test_mini_bank_validates(run: Callable[..., Any]) -> None:
    result = _validate(run, MINI_BANK)
    assert result.code == 0, result.err
    assert result.out.startswith(f"{MINI_BANK}: OK: bank mini 1 (en)")


def test_bundled_bank_padded_to_2mb_with_comments_validates(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """Size alone is no error: a 2 MB bank that is mostly comments is fine."""
    path = tmp_path / "padded.toml"
    padding = ("# " + "c" * 1000 + "\n") * 2100
    path.write_text(BUNDLED_BANK.read_text("utf-8") + padding, "utf-8")
    assert path.stat().st_size > 2 * 1024 * 1024
    result = _validate(run, path)
    assert result.code == 0, result.err


# --------------------------------------------------------------------------- mini-bank corpus

Expect = Callable[[str, str], list[str]]


def _at(snippet: str, message: str, nth: int = 0) -> Expect:
    """One problem on the ``nth`` line holding ``snippet``: ``file:line: message``."""

    def expect(path: str, text: str) -> list[str]:
        lines = [i for i, line in enumerate(text.splitlines(), start=1) if snippet in line]
        return [f"{path}:{lines[nth]}: {message}"]

    return expect


def _header_above(snippet: str, message: str) -> Expect:
    """One problem on the ``[[questions]]`` header above the line holding ``snippet``."""

    def expect(path: str, text: str) -> list[str]:
        lines = text.splitlines()
        index = line_of(text, snippet) - 1
        while not lines[index].startswith("[[questions]]"):
            index -= 1
        return [f"{path}:{index + 1}: {message}"]

    return expect


def _both(*expects: Expect) -> Expect:
    return lambda path, text: [line for e in expects for line in e(path, text)]


WHEN = """when = 'a.one == "no"'"""
Case = tuple[str, list[tuple[str, str]], Expect]

MINI_CASES: list[Case] = [
    (
        "toml-syntax-error",
        [('version = "1"', "version = ")],
        _at("version = ", "TOML syntax error: Invalid value (column 11)"),
    ),
    (
        "toml-duplicate-key",
        [('version = "1"', 'version = "1"\nversion = "2"')],
        _at('version = "2"', "TOML syntax error: Cannot overwrite a value (column 14)"),
    ),
    (
        "unknown-top-level-key",
        [('title = "Mini bank"', 'title = "Mini bank"\ncolour = "blue"')],
        _at("colour", "colour: unknown key (check the spelling; see the bank format)"),
    ),
    (
        "unknown-question-key",
        [('prompt = "One?"', 'prompt = "One?"\npromt = "typo"')],
        _at(
            "promt", "questions[0].promt: unknown key; did you mean 'prompt'? (see the bank format)"
        ),
    ),
    (
        "score-as-text",
        [('label = "Yes"\nscore = 100', 'label = "Yes"\nscore = "high"')],
        _at(
            'score = "high"',
            "questions[0].options[0].score: Input should be a valid integer (got 'high')",
        ),
    ),
    (
        # A number in quotes is text, not a number: strict, as the banks issue asked.
        "score-as-quoted-number",
        [('label = "Yes"\nscore = 100', 'label = "Yes"\nscore = "100"')],
        _at(
            'score = "100"',
            "questions[0].options[0].score: Input should be a valid integer (got '100')",
        ),
    ),
    (
        "negative-score",
        [('label = "Yes"\nscore = 100', 'label = "Yes"\nscore = -5')],
        _at(
            "score = -5",
            "questions[0].options[0].score: Input should be greater than or equal to 0 (got -5)",
        ),
    ),
    (
        "huge-score",
        [('label = "Yes"\nscore = 100', 'label = "Yes"\nscore = 99999999999999999999')],
        _at(
            "score = 9999",
            "questions[0].options[0].score: Input should be less than or equal to 100 "
            "(got 99999999999999999999)",
        ),
    ),
    (
        "infinite-weight",
        [('title = "Area A"', 'title = "Area A"\nweight = inf')],
        _at(
            "weight = inf",
            "dimensions[0].weight: Input should be less than or equal to 100 (got inf)",
        ),
    ),
    (
        "unknown-kind",
        [('kind = "number"', 'kind = "slider"')],
        _at(
            'kind = "slider"',
            "questions[2].kind: unknown kind 'slider'; a question's kind is choice, multi, number, "
            "text, scale or grid",
        ),
    ),
    (
        "format-2",
        [("format = 1", "format = 2")],
        _at("format = 2", "format: Input should be 1 (got 2)"),
    ),
    (
        "duplicate-question-id",
        [('id = "a.note"', 'id = "a.two"')],
        _at(
            'id = "a.two"',
            "questions[3].id: duplicate id 'a.two'; the first is questions[1]",
            nth=1,
        ),
    ),
    (
        "duplicate-option-value",
        [('value = "bad"', 'value = "good"')],
        # Neither value is wrong alone: the question's table is the place.
        _header_above('id = "a.two"', "questions[1].options: duplicate option value 'good'"),
    ),
    (
        "options-not-best-first",
        [
            ('label = "Yes"\nscore = 100', 'label = "Yes"\nscore = 40'),
            ('label = "No"\nscore = 0', 'label = "No"\nscore = 70'),
        ],
        _at(
            "score = 70",
            "questions[0].options[1].score: options are listed best first, but 'no' (70) "
            "scores higher than 'yes' (40)",
        ),
    ),
    (
        "condition-syntax-error",
        [(WHEN, """when = 'a.one == = "no"'""")],
        _at(
            "when = ",
            """rules[0].when: condition 'a.one == = "no"': unexpected character '=' """
            "(at column 10)",
        ),
    ),
    (
        "condition-unfinished",
        [(WHEN, """when = 'a.one == "no" and'""")],
        _at(
            "when = ",
            """rules[0].when: condition 'a.one == "no" and': expected a question id, number """
            "or word, found 'the end' (at column 18)",
        ),
    ),
    (
        "condition-unknown-question",
        [(WHEN, """when = 'a.onee == "no"'""")],
        _at("when = ", "rules[0].when: unknown question 'a.onee'; did you mean 'a.one'?"),
    ),
    (
        "condition-unknown-option",
        [(WHEN, """when = 'a.one == "maybe"'""")],
        _at("when = ", "rules[0].when: 'maybe' is not an option of a.one (yes, no)"),
    ),
    (
        "condition-unknown-option-in-list",
        [(WHEN, """when = 'a.one in ["no", "nope"]'""")],
        _at(
            "when = ",
            "rules[0].when: 'nope' is not an option of a.one (yes, no); did you mean 'no'?",
        ),
    ),
    (
        "condition-less-than-on-choice",
        [(WHEN, """when = 'a.one < "yes"'""")],
        _at("when = ", "rules[0].when: a.one is a choice: compare it with == or != or in"),
    ),
    (
        "condition-number-against-text",
        [(WHEN, """when = 'a.hours < "two"'""")],
        _at("when = ", "rules[0].when: a.hours is a number: compare it with a number"),
    ),
    (
        "condition-bare-value",
        [(WHEN, """when = 'a.one'""")],
        _at("when = ", "rules[0].when: a condition must be true or false, e.g. a comparison"),
    ),
    (
        "condition-not-text",
        [(WHEN, "when = 5")],
        _at("when = 5", "rules[0].when: Input should be a valid string (got 5)"),
    ),
    (
        "show-if-cycle",
        [
            ('prompt = "One?"', """prompt = "One?"\nshow_if = 'a.two == "good"'"""),
            ('prompt = "Two?"', """prompt = "Two?"\nshow_if = 'a.one == "yes"'"""),
        ],
        _at("show_if", "questions[0].show_if: show_if cycle: a.one -> a.two -> a.one"),
    ),
    (
        "show-if-self",
        [('prompt = "One?"', """prompt = "One?"\nshow_if = 'a.one == "yes"'""")],
        _at("show_if", "questions[0].show_if: show_if cycle: a.one -> a.one"),
    ),
    (
        "number-min-above-max",
        [("min = 0\nmax = 10", "min = 20\nmax = 10")],
        _at("min = 20", "questions[2].min: min (20.0) is larger than max (10.0)"),
    ),
    (
        "non-monotonic-blocker",
        [(WHEN, """when = 'a.one == "yes"'""")],
        _both(
            _at(
                'id = "a.one"',
                "questions[0].id: not monotonic: changing a.one from no to the better yes "
                "turns the verdict from go to not yet (rules: one-no)",
            ),
            _at(
                "expected = ",
                "examples[0].expected: example 'good' expects go but its answers give not_yet "
                "(score 100; one-no)",
            ),
        ),
    ),
    (
        "example-verdict-differs",
        [('expected = "go"', 'expected = "no_go"')],
        _at(
            "expected = ",
            "examples[0].expected: example 'good' expects no_go but its answers give go "
            "(score 100; no rule applies)",
        ),
    ),
    (
        "example-unknown-option",
        [('"a.one" = "yes"', '"a.one" = "yep"')],
        _at(
            '"a.one" = "yep"',
            "examples[0].answers.a.one: 'yep' is not an option; expected one of yes, no",
        ),
    ),
    (
        "example-unknown-question",
        [('"a.one" = "yes"', '"a.one" = "yes"\n"a.onw" = "yes"')],
        _at(
            '"a.onw"',
            "examples[0].answers.a.onw: unknown question 'a.onw'; did you mean 'a.one'?",
        ),
    ),
    (
        "action-unknown-rule",
        [('rules = ["one-no"]', 'rules = ["one-na"]')],
        _at("rules = ", "actions[0].rules: unknown rule 'one-na'; did you mean 'one-no'?"),
    ),
    (
        "action-unknown-step",
        [('step = "start"', 'step = "begin"')],
        _at('step = "begin"', "actions[0].step: unknown step 'begin'"),
    ),
]


@pytest.mark.parametrize(
    ("case_id", "changes", "expect"), MINI_CASES, ids=[c[0] for c in MINI_CASES]
)
def test_broken_mini_bank(
    run: Callable[..., Any],
    tmp_path: Path,
    case_id: str,
    changes: list[tuple[str, str]],
    expect: Expect,
) -> None:
    text = MINI
    for old, new in changes:
        text = _mutate(text, old, new)
    path = tmp_path / f"{case_id}.toml"
    path.write_text(text, "utf-8")
    result = _validate(run, path)
    expected = expect(str(path), text)
    assert result.code == 1, result.err
    assert error_lines(result) == [*expected, _summary(path, len(expected))]
    assert result.out == ""


# --------------------------------------------------------------------------- whole-file problems


@pytest.mark.parametrize(
    ("case_id", "content", "message"),
    [
        ("empty", b"", "is empty"),
        ("blank", b"  \n\n\t\n", "is empty"),
        ("binary", bytes(range(256)) * 4, "is a binary file, not TOML text"),
        (
            "latin-1",
            'id = "mini"\ntitle = "Caf\u00e9"\n'.encode("latin-1"),
            "is not UTF-8 text (byte 24); save it as UTF-8",
        ),
    ],
)
def test_unusable_bank_file(
    run: Callable[..., Any], tmp_path: Path, case_id: str, content: bytes, message: str
) -> None:
    path = tmp_path / f"{case_id}.toml"
    path.write_bytes(content)
    result = _validate(run, path)
    assert result.code == 1, result.err
    assert error_lines(result) == [f"{path}: {message}", _summary(path, 1)]


def test_two_megabyte_help_text_is_one_short_line(run: Callable[..., Any], tmp_path: Path) -> None:
    """A huge value is named by key and line, and never echoed back in full."""
    text = _mutate(MINI, 'help = "Because it matters."', 'help = "' + "z" * (2 * 1024 * 1024) + '"')
    path = tmp_path / "huge.toml"
    path.write_text(text, "utf-8")
    result = _validate(run, path)
    assert result.code == 1, result.err[:2000]
    lines = error_lines(result)
    assert lines == [
        f"{path}:{line_of(text, 'help = ')}: questions[0].help: String should have at most 4000 "
        f"characters (got '{'z' * 59}…)",
        _summary(path, 1),
    ]


def test_directory_instead_of_bank_file(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "folder.toml"
    path.mkdir()
    result = _validate(run, path)
    assert result.code == 3, result.err
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}: ") and "directory" in lines[0], lines


def test_missing_bank_file(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    result = _validate(run, path)
    assert result.code == 3, result.err
    assert error_lines(result) == [f"{path}: no such bank file"]


def test_unknown_bundled_bank_id(run: Callable[..., Any]) -> None:
    result = _validate(run, Path("no-such-bank"))
    assert result.code == 3, result.err
    assert error_lines(result) == [
        "no-such-bank: no such bank; give a path to a .toml file or one of: quickcheck, readiness"
    ]


def test_deeply_nested_condition_is_a_problem_not_a_crash(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """500 nested parentheses fit the 2,000-character limit of a condition."""
    nested = "(" * 500 + 'a.one == "no"' + ")" * 500
    text = _mutate(MINI, WHEN, f"when = '{nested}'")
    path = tmp_path / "nested.toml"
    path.write_text(text, "utf-8")
    result = _validate(run, path)
    assert result.code == 1, result.err[-2000:]
    lines = error_lines(result)
    assert len(lines) == 2, lines[-5:]
    where = f"{path}:{line_of(text, 'when = ')}: rules[0].when: "
    assert lines[0].startswith(where), lines[0][:300]
    assert lines[1] == _summary(path, 1)


# --------------------------------------------------------------------------- the core contract
# A copy of the bundled bank, broken once; follow-on problems may rightly appear too.

BUNDLED = BUNDLED_BANK.read_text("utf-8")
BUNDLED_DATA = tomllib.loads(BUNDLED)


def _index(group: str, item_id: str) -> int:
    return next(i for i, item in enumerate(BUNDLED_DATA[group]) if item["id"] == item_id)


def _question_header(text: str, question_id: str) -> int:
    lines = text.splitlines()
    index = line_of(text, f'id = "{question_id}"') - 1
    while not lines[index].startswith("[[questions]]"):
        index -= 1
    return index + 1


def _broken_bundled(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, str]:
    text = _mutate(BUNDLED, old, new)
    path = tmp_path / f"{name}.toml"
    path.write_text(text, "utf-8")
    return path, text


def _assert_found(result: Any, path: Path, expected: str) -> None:
    lines = error_lines(result)
    assert result.code == 1, result.err
    assert expected in lines, "\n".join(lines)
    count = len(lines) - 1
    assert lines[-1] == _summary(path, count)
    assert all(line.startswith(f"{path}:") for line in lines), lines


def test_core_question_missing(run: Callable[..., Any], tmp_path: Path) -> None:
    path, _ = _broken_bundled(tmp_path, "no-units", 'id = "risk.units"', 'id = "risk.unit"')
    result = _validate(run, path)
    _assert_found(result, path, f"{path}: questions: core question 'risk.units' is missing")


def test_core_option_renamed(run: Callable[..., Any], tmp_path: Path) -> None:
    path, text = _broken_bundled(tmp_path, "fuzzy", 'value = "vague"', 'value = "fuzzy"')
    index = _index("questions", "purpose.goals")
    result = _validate(run, path)
    _assert_found(
        result,
        path,
        f"{path}:{_question_header(text, 'purpose.goals')}: questions[{index}].options: core "
        "options must be measurable, vague, none (best first); found measurable, fuzzy, none",
    )


def test_core_number_range_changed(run: Callable[..., Any], tmp_path: Path) -> None:
    start = BUNDLED.index('id = "resources.hours"')
    text = BUNDLED[:start] + BUNDLED[start:].replace("max = 168", "max = 100", 1)
    path = tmp_path / "hours.toml"
    path.write_text(text, "utf-8")
    index = _index("questions", "resources.hours")
    min_line = line_of(text[start:], "min = ") + text.count("\n", 0, start)
    result = _validate(run, path)
    _assert_found(
        result, path, f"{path}:{min_line}: questions[{index}].min: core range is 0 to 168"
    )


def test_non_monotonic_rule_in_bundled_bank(run: Callable[..., Any], tmp_path: Path) -> None:
    """A blocker on the best answer: naming an owner would make the verdict worse."""
    path, text = _broken_bundled(
        tmp_path,
        "owner",
        """when = 'resources.owner == "nobody"'""",
        """when = 'resources.owner == "named"'""",
    )
    index = _index("questions", "resources.owner")
    line = line_of(text, 'id = "resources.owner"')
    result = _validate(run, path)
    _assert_found(
        result,
        path,
        f"{path}:{line}: questions[{index}].id: not "
        "monotonic: changing resources.owner from nobody to the better named turns the verdict "
        "from go to not yet (rules: no-owner)",
    )
    assert "# worse answer, verdict go:\n[answers]\n" in result.err
    assert '"resources.owner" = "named"' in result.err  # the better answer, in full TOML


def test_worked_example_verdict_differs_in_bundled_bank(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    index = _index("examples", "bakery-cafe")
    start = BUNDLED.index('id = "bakery-cafe"')
    text = BUNDLED[:start] + BUNDLED[start:].replace('expected = "go"', 'expected = "no_go"', 1)
    path = tmp_path / "bakery.toml"
    path.write_text(text, "utf-8")
    result = _validate(run, path)
    lines = error_lines(result)
    assert result.code == 1, result.err
    line = line_of(text[start:], "expected = ") + text.count("\n", 0, start)
    prefix = (
        f"{path}:{line}: examples[{index}].expected: example 'bakery-cafe' expects no_go but its "
        "answers give go (score "
    )
    assert lines[0].startswith(prefix), lines
    assert lines[1:] == [_summary(path, 1)]


# --------------------------------------------------------------------------- other commands


def test_questions_list_on_a_broken_bank(run: Callable[..., Any], tmp_path: Path) -> None:
    """Commands that load a bank report its problems as bad input (exit 3), one line each."""
    text = _mutate(MINI, WHEN, """when = 'a.onee == "no"'""")
    path = tmp_path / "broken.toml"
    path.write_text(text, "utf-8")
    result = run("questions", "list", str(path))
    assert result.code == 3, result.err
    assert error_lines(result) == [
        f"{path}:{line_of(text, 'when = ')}: rules[0].when: unknown question 'a.onee'; "
        "did you mean 'a.one'?"
    ]


def test_score_with_a_broken_bank(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(b"\x00\x01binary")
    answers = tmp_path / "answers.toml"
    answers.write_text('[answers]\n"purpose.goals" = "measurable"\n', "utf-8")
    result = run("score", str(answers), "--bank", str(path))
    assert result.code == 3, result.err
    assert error_lines(result) == [f"{path}: is a binary file, not TOML text"]


@pytest.mark.parametrize(
    "value",
    ["9" * 5000, "0x" + "f" * 5000, "[" * 3000 + "]" * 3000],
    ids=["decimal-5000-digits", "hex-5000-digits", "nested-arrays"],
)
def test_parser_limits_are_problems_not_crashes(
    run: Callable[..., Any], tmp_path: Path, value: str
) -> None:
    """Integers Python will not print (over 4,300 digits) and nesting deeper than tomllib's
    recursion: one problem line each, not a traceback."""
    text = _mutate(MINI, 'label = "Yes"\nscore = 100', f'label = "Yes"\nscore = {value}')
    path = tmp_path / "limits.toml"
    path.write_text(text, "utf-8")
    result = _validate(run, path)
    assert result.code == 1, result.err[-1500:]
    lines = error_lines(result)
    assert len(lines) == 2 and lines[0].startswith(f"{path}:"), lines
    assert len(lines[0]) < len(str(path)) + 300, "the problem line echoes the whole value"
    assert lines[1] == _summary(path, 1)
