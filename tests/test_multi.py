"""Multi-select questions and grids, through the commands as a bank author and a user meet them.

The bank is tests/data/checklists.toml: ``tech.devices`` (a checklist scored by the sum of its
options, with an exclusive "none of these"), ``tech.habits`` (scored by the share ticked, with
a "does not apply" option) and the grid ``tech.tools`` (rows ``tech.cloud``, ``tech.erp``,
``tech.crm`` on a shared scale). The rules: a knock-out while "none" is ticked, a blocker while
fewer than two habits are kept and backups are not among them.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, run_cli, validate_broken
from tests.test_linemode import ask
from tests.test_shape import combined

BANK = ROOT / "tests" / "data" / "checklists.toml"
FULL = {
    "tech.devices": ["laptops", "cloud"],
    "tech.habits": ["backups"],
    "tech.cloud": "full",
    "tech.erp": "some",
    "tech.crm": "no",
}


def _file(tmp_path: Path, answers: dict[str, Any], bank: Path = BANK) -> Path:
    path = tmp_path / f"answers-{len(list(tmp_path.iterdir()))}.toml"
    doc = {"meta": {"name": "Acme", "bank": str(bank)}, "answers": answers}
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path


def _score(tmp_path: Path, answers: dict[str, Any]) -> dict[str, Any]:
    result = run_cli("score", str(_file(tmp_path, answers)), "--format", "json")
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def _bank_with(tmp_path: Path, old: str, new: str) -> str:
    result = validate_broken(BANK, tmp_path, old, new)
    return f"{result.code}\n{result.out}{result.err}"


# ---------------------------------------------------------------- answers and scores


def test_the_bank_validates() -> None:
    result = run_cli("questions", "validate", str(BANK))
    assert result.code == 0, result.out + result.err
    assert "5 questions" in result.out


def test_a_checklist_is_scored_by_the_sum_of_its_options_and_the_share_ticked(
    tmp_path: Path,
) -> None:
    document = _score(tmp_path, FULL)
    # devices 30 + 30 = 60, habits 1 of 3 = 33, cloud 100, erp 50 (weight 2), crm 0
    assert document["dimensions"]["tech"] == round((60 + 33 + 100 + 2 * 50 + 0) / 6)
    assert document["answers"]["tech.devices"] == ["laptops", "cloud"]
    assert document["verdict"] == "go"


def test_the_sum_is_at_most_100_and_none_of_these_scores_0(tmp_path: Path) -> None:
    everything = {**FULL, "tech.devices": ["cloud", "server", "laptops"]}  # 40 + 30 + 30
    assert _score(tmp_path, everything)["dimensions"]["tech"] == round(
        (100 + 33 + 100 + 100 + 0) / 6
    )
    document = _score(tmp_path, {**FULL, "tech.devices": ["none"]})
    assert document["verdict"] == "no_go"
    assert document["reasons"][0]["rule"] == "nothing"
    assert document["reasons"][0]["questions"] == ["tech.devices"]


def test_answers_are_kept_in_the_banks_order(tmp_path: Path) -> None:
    document = _score(tmp_path, {**FULL, "tech.devices": ["cloud", "server"]})
    assert document["answers"]["tech.devices"] == ["server", "cloud"]


def test_does_not_apply_and_dont_know_are_left_out_of_the_score(tmp_path: Path) -> None:
    base = {**FULL, "tech.erp": "na", "tech.crm": "na", "tech.cloud": "na"}
    na = _score(tmp_path, {**base, "tech.habits": ["na"]})
    assert na["dimensions"]["tech"] == 60  # the devices alone
    assert na["complete"] is True
    unknown = _score(tmp_path, {**base, "tech.habits": "?"})
    assert unknown["dimensions"]["tech"] == 60
    assert unknown["unknown"] == ["tech.habits"]
    assert unknown["verdict_range"] == {"worst": "not_yet", "best": "go", "decided": False}


def test_rules_test_an_option_and_how_many_are_ticked(tmp_path: Path) -> None:
    assert _score(tmp_path, {**FULL, "tech.habits": ["updates"]})["verdict"] == "not_yet"
    assert _score(tmp_path, {**FULL, "tech.habits": ["updates", "passwords"]})["verdict"] == "go"
    assert _score(tmp_path, {**FULL, "tech.habits": []})["verdict"] == "not_yet"


def test_what_if_adds_the_option_that_lifts_the_verdict(tmp_path: Path) -> None:
    document = _score(tmp_path, {**FULL, "tech.habits": ["updates"]})
    changes = [item["changes"] for item in document["what_if"]]
    assert {"tech.habits": ["backups", "updates"]} in changes
    assert all(item["verdict"] == "go" for item in document["what_if"])


def test_an_unanswered_checklist_keeps_the_verdict_open(tmp_path: Path) -> None:
    answers = {k: v for k, v in FULL.items() if k != "tech.devices"}
    document = _score(tmp_path, answers)
    assert document["complete"] is False
    assert document["verdict_range"]["worst"] == "no_go"


BAD_ANSWERS = {
    "repeated": (["server", "server"], "'server' is listed twice"),
    "exclusive-combined": (
        ["none", "server"],
        "'none' (None of these) cannot be combined with other options",
    ),
    "empty-with-none-option": (
        [],
        "choose at least one option; 'none' (None of these) says none apply",
    ),
    "bare-word": ("server", "expected a list of options from server, laptops, cloud, none"),
    "unknown-option": (["servers"], "'servers' is not an option"),
    "numbers": ([1, 2], "expected a word, number or text, or a list of option values"),
    "empty-word": ([""], "expected a word, number or text, or a list of option values"),
}


@pytest.mark.parametrize(("value", "message"), BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_a_bad_checklist_answer_is_a_clear_error(tmp_path: Path, value: Any, message: str) -> None:
    path = _file(tmp_path, {**FULL, "tech.devices": value})
    result = run_cli("score", str(path))
    assert result.code == 3, result.out
    assert re.search(rf'{re.escape(path.name)}:\d+: answers\."tech\.devices": ', result.err)
    assert message in result.err, result.err
    assert "Traceback" not in result.err


def test_a_huge_unknown_option_is_named_in_a_few_words(tmp_path: Path) -> None:
    path = _file(tmp_path, {**FULL, "tech.devices": ["x" * 100_000, "[red]y[/red]"]})
    result = run_cli("score", str(path))
    assert result.code == 3
    assert "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not an option" in result.err
    assert len(result.err) < 1000


def test_a_list_for_a_choice_question_is_a_clear_error(tmp_path: Path) -> None:
    path = _file(tmp_path, {**FULL, "tech.cloud": ["full"]})
    result = run_cli("score", str(path))
    assert result.code == 3
    assert 'answers."tech.cloud": expected one of full, some, no, na; got a list' in result.err


def test_the_json_result_matches_the_published_schema(tmp_path: Path) -> None:
    import jsonschema

    document = _score(tmp_path, {**FULL, "tech.habits": ["updates"]})
    assert document["what_if"][0]["changes"]["tech.habits"][0] in ("backups", "passwords")
    jsonschema.validate(document, json.loads(run_cli("schema").out))


def test_reports_name_every_option_ticked(tmp_path: Path) -> None:
    path = _file(tmp_path, {**FULL, "tech.habits": ["updates"]})
    text = run_cli("report", str(path), "--format", "md")
    assert text.code == 0, text.err
    assert "Laptops; Cloud services" in text.out
    assert "How far have you taken up these tools? — An ERP system" in text.out
    html = run_cli("report", str(path), "--format", "html")
    assert "Laptops; Cloud services" in html.out


# ---------------------------------------------------------------- the bank format

BROKEN = {
    "equals-on-a-multi": (
        "when = '\"none\" in tech.devices'",
        "when = 'tech.devices == \"none\"'",
        r"tech\.devices is a multi question \(a list of options\): test it with",
    ),
    "in-on-a-choice": (
        "when = '\"none\" in tech.devices'",
        "when = '\"no\" in tech.cloud'",
        r'"\.\.\." in tech\.cloud needs a multi question; tech\.cloud is a choice',
    ),
    "count-of-a-choice": (
        "when = '\"none\" in tech.devices'",
        "when = 'count(tech.cloud) < 1'",
        r"count\(tech\.cloud\) needs a multi question",
    ),
    "unknown-option-in-a-rule": (
        "when = '\"none\" in tech.devices'",
        "when = '\"servr\" in tech.devices'",
        r"'servr' is not an option of tech\.devices .*; did you mean 'server'\?",
    ),
    "exclusive-on-a-choice": (
        'value = "full"\nlabel = "In full use"',
        'value = "full"\nexclusive = true\nlabel = "In full use"',
        r"exclusive applies to the options of multi questions only",
    ),
    "scoring-on-a-choice": (
        'kind = "grid"\n',
        'kind = "grid"\nscoring = "share"\n',
        r"scoring applies to multi questions only",
    ),
    "share-with-scores": (
        'value = "backups"\nlabel = "Backups"',
        'value = "backups"\nlabel = "Backups"\nscore = 50',
        r'scoring = "share" counts the options chosen; leave out their scores',
    ),
    "sum-without-a-score": (
        'value = "server"\nlabel = "A server"\nscore = 40',
        'value = "server"\nlabel = "A server"',
        r"each option needs a score \(0-100\), added up when chosen",
    ),
    "none-scores-points": (
        'label = "None of these"\nexclusive = true',
        'label = "None of these"\nexclusive = true\nscore = 10',
        r"'none' stands alone \(exclusive or not_applicable\) and scores 0",
    ),
    "one-option": (
        '[[questions.options]]\nvalue = "laptops"\nlabel = "Laptops"\nscore = 30\n'
        '[[questions.options]]\nvalue = "cloud"\nlabel = "Cloud services"\nscore = 30\n',
        "",
        r"a multi question needs at least two options that can be chosen together",
    ),
    "grid-without-rows": (
        '[[questions.rows]]\nid = "tech.cloud"\nprompt = "Cloud services"\n'
        '[[questions.rows]]\nid = "tech.erp"\nprompt = "An ERP system"\nshort = "ERP"\n'
        'weight = 2\n[[questions.rows]]\nid = "tech.crm"\nprompt = "A customer register (CRM)"\n',
        "",
        r"a grid needs rows",
    ),
    "row-key-misspelt": (
        'prompt = "An ERP system"',
        'promt = "An ERP system"',
        r"rows\[1\]\.promt: a row cannot set 'promt'; did you mean 'prompt'\?",
    ),
    "grid-scale-missing": (
        'scale = "adoption"\nprompt = "How far',
        'scale = "adopton"\nprompt = "How far',
        r"unknown scale 'adopton'; did you mean 'adoption'\?",
    ),
    "grid-id-taken": (
        'id = "tech.tools"',
        'id = "tech.habits"',
        r"grid id 'tech\.habits' is also a question's id",
    ),
    "row-id-taken": (
        'id = "tech.crm"',
        'id = "tech.cloud"',
        r"rows\[2\]\.id: duplicate id 'tech\.cloud'; the first is questions\[2\]\.rows\[0\]",
    ),
    "grid-key-by-hand": (
        'id = "tech.habits"\n',
        'id = "tech.habits"\ngrid = "tech.tools"\n',
        r"grid is set on the rows of a grid question",
    ),
    "row-weight-a-string": (
        "weight = 2\n",
        'weight = "2"\n',
        r"rows\[1\]\.weight: Input should be a valid number",
    ),
    "row-in-another-dimension": (
        'id = "tech.crm"',
        'id = "sales.crm"',
        r"rows\[2\]\.id: id must start with its dimension",
    ),
    "grid-scale-too-long": (
        'scale = "adoption"\nprompt = "How far',
        "options = ["
        + ", ".join(
            f'{{ value = "v{n}", label = "V{n}", score = {100 - n * 10} }}' for n in range(10)
        )
        + ']\nprompt = "How far',
        r"a grid's rows are answered with the number keys: at most 9 options",
    ),
    "unknown-kind": (
        'kind = "multi"\nscoring',
        'kind = "checklist"\nscoring',
        r"unknown kind 'checklist'; a question's kind is choice, multi, number, text, scale "
        r"or grid",
    ),
}


@pytest.mark.parametrize(("old", "new", "expected"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_multi_or_grid_is_a_clear_error(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    output = _bank_with(tmp_path, old, new)
    assert output.startswith("1\n"), output
    assert re.search(expected, output), output
    assert re.search(r"broken\.toml:\d+: ", output), output  # file:line, as every problem


def test_a_grid_problem_points_at_the_rows_line(tmp_path: Path) -> None:
    output = _bank_with(tmp_path, 'prompt = "An ERP system"', 'promt = "An ERP system"')
    lines = (tmp_path / "broken.toml").read_text("utf-8").splitlines()
    number = int(re.search(r"broken\.toml:(\d+): questions\[2\]\.rows\[1\]\.promt", output)[1])  # type: ignore[index]
    assert lines[number - 1] == 'promt = "An ERP system"'


def test_a_row_may_give_help_of_its_own(tmp_path: Path) -> None:
    base = tmp_path / "checklists.toml"
    text = BANK.read_text("utf-8").replace(
        'prompt = "An ERP system"', 'prompt = "An ERP system"\nhelp = "One system for the books."'
    )
    base.write_text(text, encoding="utf-8")
    shown = run_cli("questions", "show", "--bank", str(base), "tech.erp")
    assert "One system for the books." in shown.out, shown.out + shown.err
    other = run_cli("questions", "show", "--bank", str(base), "tech.cloud")
    assert "Each row on its own." in other.out  # the grid's


def test_a_rule_that_fires_on_a_better_checklist_is_refused_with_answers_to_reproduce_it(
    tmp_path: Path,
) -> None:
    output = _bank_with(
        tmp_path, "when = '\"none\" in tech.devices'", "when = '\"server\" in tech.devices'"
    )
    assert "not monotonic: changing tech.devices from" in output
    worse, better = re.findall(r"# (?:worse|better) answer[^\n]*\n(\[answers\]\n(?:.+\n)+)", output)
    from smreadiness.bank.conditions import parse
    from smreadiness.bank.validate import validate_bank_bytes
    from smreadiness.engine import evaluate_answers
    from smreadiness.engine.answers import check_answers

    good = validate_bank_bytes(BANK.read_bytes(), "checklists.toml").bank
    assert good is not None
    when = '"server" in tech.devices'
    broken = good._replace(rules=(good.rules[0]._replace(when=parse(when)), *good.rules[1:]))
    verdicts = []
    for block in (worse, better):
        toml = "".join(line for line in block.splitlines(True) if "problem found" not in line)
        answers, problems = check_answers(broken, tomllib.loads(toml)["answers"])
        assert not problems and set(answers) == {q.id for q in broken.questions}  # complete
        verdicts.append(evaluate_answers(broken, answers, what_if=False, plan=False).verdict)
    assert verdicts == ["go", "no_go"]  # the better checklist gives the worse verdict


def test_a_count_rule_the_shape_cannot_prove_is_tried_over_the_options(tmp_path: Path) -> None:
    output = _bank_with(
        tmp_path, "when = '\"none\" in tech.devices'", "when = 'count(tech.devices) == 1'"
    )
    assert "not monotonic: changing tech.devices from [none] to the better [server]" in output


# ---------------------------------------------------------------- monotonic by shape

OPTIONS = ["a", "b", "c", "none"]
COUNTABLE = ["a", "b", "c"]
atom = st.one_of(
    st.builds(
        lambda neg, v: f'"{v}" {"not in" if neg else "in"} t.x',
        st.booleans(),
        st.sampled_from(OPTIONS),
    ),
    st.builds(
        lambda op, n: f"count(t.x) {op} {n}",
        st.sampled_from(["<", "<=", ">", ">=", "==", "!="]),
        st.integers(0, 3),
    ),
)
condition = combined(atom)


def _one_checklist(options: str, rules: str = "") -> Any:
    """Validate a bank of one multi question ``t.x`` with these options (and rules)."""
    from smreadiness.bank.validate import validate_bank_bytes

    text = f"""
id = "m"
version = "1"
title = "M"
[[dimensions]]
id = "t"
title = "T"
[[questions]]
id = "t.x"
dimension = "t"
kind = "multi"
prompt = "Which?"
help = "Any."
options = [{options}]
{rules}"""
    return validate_bank_bytes(text.encode(), "m.toml")


def _multi_bank() -> Any:
    report = _one_checklist(
        '{ value = "a", label = "A", score = 30 }, { value = "b", label = "B", score = 30 }, '
        '{ value = "c", label = "C", score = 40 }, '
        '{ value = "none", label = "None", exclusive = true }'
    )
    assert report.bank is not None, report.problems
    return report.bank


MULTI_BANK = _multi_bank()
ANSWERS: list[tuple[str, ...]] = [("none",)] + [
    c for size in range(4) for c in itertools.combinations(COUNTABLE, size)
]


def _level(value: tuple[str, ...]) -> tuple[frozenset[str], int]:
    return (frozenset(), -1) if value == ("none",) else (frozenset(value), 0)


@settings(max_examples=300, deadline=None)
@given(condition)
def test_what_the_shape_proves_holds_for_every_pair_of_answers(source: str) -> None:
    from smreadiness.bank.conditions import EvalContext, Node, evaluate, parse
    from smreadiness.bank.model import Rule, bind_counts
    from smreadiness.bank.shape import falls

    node: Node = parse(source)
    # count() learns the question's exclusive option when a bank is built with the rule
    bind_counts(MULTI_BANK._replace(rules=(Rule("r", "blocker", node, source, "", "", ()),)))
    if not falls(node, "t.x", MULTI_BANK):
        return
    truth = {v: evaluate(node, EvalContext({"t.x": v})) for v in ANSWERS}
    for worse, better in itertools.product(ANSWERS, repeat=2):
        a, b = _level(worse), _level(better)
        if a[0] < b[0] or (a[0] == b[0] and a[1] < b[1]):
            assert not (truth[better] is True and truth[worse] is not True), (
                source,
                worse,
                better,
            )


def test_the_usual_checklist_rules_are_proven_by_shape() -> None:
    from smreadiness.bank.conditions import parse
    from smreadiness.bank.shape import falls

    for source in (
        '"none" in t.x',
        '"a" not in t.x',
        "count(t.x) < 2",
        'count(t.x) <= 1 and "a" not in t.x',
        'not ("a" in t.x or count(t.x) >= 2)',
    ):
        assert falls(parse(source), "t.x", MULTI_BANK), source
    for source in ('"a" in t.x', "count(t.x) >= 1", '"none" not in t.x'):
        assert not falls(parse(source), "t.x", MULTI_BANK), source


# ---------------------------------------------------------------- line mode


def test_line_mode_takes_the_numbers_of_the_options_ticked(isolated_dirs: Path) -> None:
    typed = "1 9\n1 4\n2,3\n0\n2\n4\nk\n3\n"
    done = ask("new", "--plain", "--bank", str(BANK), "--name", "Lines", text=typed)
    out = done.stdout
    assert "Type the numbers of all that apply, with spaces between, e.g. 1 3." in out
    assert "9 is not one of the numbers 1 to 4." in out
    assert "'none' (None of these) cannot be combined with other options" in out
    assert "Saved: Laptops; Cloud services." in out
    assert "Saved: none of these." in out  # 0: none of the habits
    # the grid's options are read once, then each row
    assert out.count("How far have you taken up these tools?") == 1
    assert "An ERP system\nType a number from 1 to 4, as above." in out
    [path] = list(isolated_dirs.glob("*.toml"))
    saved = tomllib.loads(path.read_text("utf-8"))["answers"]
    assert saved == {
        "tech.devices": ["laptops", "cloud"],
        "tech.habits": [],
        "tech.cloud": "some",
        "tech.erp": "na",
        "tech.crm": "no",
    }


# ---------------------------------------------------------------- translations


def test_a_grid_is_translated_under_its_own_id(tmp_path: Path) -> None:
    base = tmp_path / "checklists.toml"
    base.write_text(BANK.read_text("utf-8"), encoding="utf-8")
    translation = {
        "translation_of": "checklists",
        "language": "fi",
        "version": "1",
        "title": "Tarkistuslistat",
        "dimensions": {"tech": {"title": "Tekniikka"}},
        "scales": {
            "adoption": {
                "options": {
                    "full": "Täysin käytössä",
                    "some": "Osittain",
                    "no": "Ei lainkaan",
                    "na": "Ei koske meitä",
                }
            }
        },
        "questions": {
            "tech.devices": {
                "prompt": "Mitä näistä käytätte?",
                "help": "Valitse kaikki sopivat.",
                "options": {
                    "server": "Palvelin",
                    "laptops": "Kannettavat",
                    "cloud": "Pilvipalvelut",
                    "none": "Ei mitään näistä",
                },
            },
            "tech.habits": {
                "prompt": "Mitä tapoja teillä on?",
                "help": "Valitse kaikki sopivat.",
                "options": {
                    "backups": "Varmuuskopiot",
                    "updates": "Päivitykset",
                    "passwords": "Salasanojen hallinta",
                    "na": "Meillä ei ole tietokoneita",
                },
            },
            "tech.tools": {"prompt": "Kuinka pitkällä olette näissä?", "help": "Rivi kerrallaan."},
            "tech.cloud": {"prompt": "Pilvipalvelut"},
            "tech.erp": {"prompt": "Toiminnanohjaus", "short": "ERP"},
            "tech.crm": {"prompt": "Asiakasrekisteri"},
        },
        "rules": {"nothing": {"message": "Ei laitteita."}, "few-habits": {"message": "Vähän."}},
        "examples": {"shop": {"name": "Kauppa"}},
    }
    overlay = tmp_path / "checklists.fi.toml"
    overlay.write_text(tomli_w.dumps(translation), encoding="utf-8")
    result = run_cli("questions", "validate", str(overlay))
    assert result.code == 0, result.out + result.err
    assert "a complete translation" in result.out
    answers = _file(tmp_path, {**FULL, "tech.erp": "some"}, bank=base)
    report = run_cli("report", str(answers), "--format", "md", "--lang", "fi")
    assert "| Kuinka pitkällä olette näissä? — Toiminnanohjaus | Osittain |" in report.out
    text = BANK.read_text("utf-8").replace(
        'prompt = "An ERP system"', 'prompt = "An ERP system"\nhelp = "One system for the books."'
    )
    base.write_text(text, encoding="utf-8")  # a row with help of its own: translated too
    result = run_cli("questions", "validate", str(overlay))
    assert "questions.tech.erp.help: warning: missing" in result.out + result.err
    translation["questions"]["tech.erp"]["help"] = "Yksi järjestelmä kirjanpidolle."  # type: ignore[index]
    overlay.write_text(tomli_w.dumps(translation), encoding="utf-8")
    assert "a complete translation" in run_cli("questions", "validate", str(overlay)).out
    shown = run_cli("questions", "show", "--bank", str(base), "--lang", "fi", "tech.erp")
    assert "Yksi järjestelmä kirjanpidolle." in shown.out
    shown = run_cli("questions", "show", "--bank", str(base), "--lang", "fi", "tech.crm")
    assert "Rivi kerrallaan." in shown.out  # the grid's help, translated
    del translation["questions"]["tech.tools"]  # type: ignore[attr-defined]
    overlay.write_text(tomli_w.dumps(translation), encoding="utf-8")
    result = run_cli("questions", "validate", str(overlay))
    assert (
        "questions.tech.tools: warning: missing; the base text is used" in result.out + result.err
    )


# ---------------------------------------------------------------- the presenter


def test_the_presenter_ticks_one_option_more_or_one_fewer_keeping_the_others() -> None:
    from smreadiness.bank.validate import validate_bank_bytes
    from smreadiness.presenting import Workshop

    bank = validate_bank_bytes(BANK.read_bytes(), "checklists.toml").bank
    assert bank is not None
    room = Workshop(bank, str(BANK), "Acme", {"tech.devices": ["cloud"]})
    steps = [room.step("tech.devices", 1) for _ in range(3)]
    assert steps == [("server", "cloud"), ("server", "laptops", "cloud"), ("none",)]
    assert room.step("tech.devices", -1) == ("server", "laptops", "cloud")  # round again
    assert room.step("tech.devices", -1) == ("server", "laptops")
    assert room.changed() == {"tech.devices"}


# ---------------------------------------------------------------- a published questionnaire

DMA = ROOT / "docs" / "examples" / "digital-maturity.toml"
STRONG = {
    "strategy.invested": ["planning", "admin"],
    "strategy.needs": "yes",
    "strategy.money": "yes",
    "strategy.management": "yes",
    "strategy.processes": "yes",
    "basics.website": "using",
    "basics.eshop": "not_relevant",
    "basics.remote": "using",
    "basics.business": "using",
    "people.learning": ["courses"],
    "people.involved": ["asked"],
    "data.kept": ["digital", "one_place", "analysed"],
    "data.security": ["backups", "updates", "passwords", "training"],
    "automation.routine": "using",
    "automation.chat": "not_relevant",
    "automation.insight": "testing",
    "green.practices": ["paperless", "meetings"],
}
# Written down before the bank was run on them: the verdict a consultant would give.
FIRMS = {
    "accounting-office-go": (STRONG, "go", []),
    "cafe-without-backups-not-yet": (
        {**STRONG, "data.security": ["updates", "passwords"]},
        "not_yet",
        ["no-backups"],
    ),
    "kiosk-not-yet": (
        {
            **STRONG,
            "strategy.invested": ["sales"],
            "strategy.needs": "no",
            "strategy.money": "no",
            "strategy.management": "no",
            "strategy.processes": "partly",
            "basics.website": "considering",
            "basics.eshop": "not_used",
            "basics.remote": "not_used",
            "basics.business": "testing",
            "people.learning": ["none"],
            "people.involved": ["none"],
            "data.kept": ["digital"],
            "data.security": ["none"],
            "automation.routine": "not_used",
            "automation.chat": "not_used",
            "automation.insight": "not_used",
            "green.practices": ["none"],
        },
        "not_yet",
        ["no-backups", "no-lead", "no-learning", "low-score"],
    ),
    "old-forge-no-go": (
        {
            **STRONG,
            "strategy.invested": ["none"],
            "basics.website": "not_used",
            "basics.business": "not_used",
        },
        "no_go",
        ["no-ground"],
    ),
}


def test_the_digital_maturity_example_validates_and_its_examples_hold() -> None:
    result = run_cli("questions", "validate", str(DMA))
    assert result.code == 0, result.out + result.err
    assert "17 questions" in result.out
    assert "3 worked examples give their expected verdicts" in result.out


@pytest.mark.parametrize(("answers", "verdict", "rules"), FIRMS.values(), ids=FIRMS.keys())
def test_firms_get_the_verdict_a_consultant_would_give(
    tmp_path: Path, answers: dict[str, Any], verdict: str, rules: list[str]
) -> None:
    result = run_cli("score", str(_file(tmp_path, answers, bank=DMA)), "--format", "json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["complete"] is True
    assert document["verdict"] == verdict
    holding = [r["rule"] for r in document["reasons"] if r["kind"] in ("knockout", "blocker")]
    assert holding == rules


# ---------------------------------------------------------------- workshops


def test_a_workshop_counts_how_many_ticked_each_option(isolated_dirs: Path, tmp_path: Path) -> None:
    assert run_cli("workshop", "new", "Room", "--bank", str(BANK)).code == 0
    people = {
        "Anna": FULL,
        "Ben": {**FULL, "tech.devices": ["none"], "tech.habits": ["updates", "passwords"]},
        "Cleo": {**FULL, "tech.devices": ["server", "cloud"]},
    }
    for name, answers in people.items():
        added = run_cli("workshop", "add", "Room", str(_file(tmp_path, answers)), "--as", name)
        assert added.code == 0, added.err
    report = json.loads(run_cli("workshop", "report", "Room", "--format", "json").out)
    devices = next(q for q in report["questions"] if q["id"] == "tech.devices")
    assert devices["answered"] == 3
    assert devices["answers"] == {"server": 1, "laptops": 1, "cloud": 2, "none": 1}
    assert report["verdicts"] == {"go": 2, "not_yet": 0, "no_go": 1}


def test_a_rule_over_too_many_options_to_try_asks_to_be_split() -> None:
    options = ", ".join(f'{{ value = "o{n}", label = "O{n}", score = 10 }}' for n in range(10))
    nine = '[[rules]]\nid = "nine"\nkind = "blocker"\nwhen = "count(t.x) == 9"\nmessage = "9."'
    report = _one_checklist(options, nine)
    assert report.bank is None
    [problem] = report.problems
    assert "rules nine test more than 8 options of t.x together" in problem.message


# ---------------------------------------------------------------- properties of answers


@functools.cache
def _checklists() -> Any:
    from smreadiness.bank.validate import validate_bank_bytes

    return validate_bank_bytes(BANK.read_bytes(), "checklists.toml").bank


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["server", "laptops", "cloud"]), unique=True),
    st.lists(st.sampled_from(["server", "laptops", "cloud"]), unique=True),
)
def test_more_options_never_score_less_and_answers_read_back_the_same(
    first: list[str], more: list[str]
) -> None:
    from smreadiness.engine.answers import check_answer

    bank = _checklists()
    question = bank.by_id["tech.devices"]
    smaller, problem = check_answer(question, first or ["none"])
    larger, problem2 = check_answer(question, sorted(set(first) | set(more)) or ["none"])
    assert problem is None and problem2 is None
    assert isinstance(smaller, tuple) and isinstance(larger, tuple)
    points, more_points = question.score_of(smaller), question.score_of(larger)
    assert 0 <= points <= more_points <= 100
    # the answers file keeps the list; reading it back gives the same answer
    text = tomli_w.dumps({"answers": {"tech.devices": list(larger)}})
    again, problem3 = check_answer(question, tomllib.loads(text)["answers"]["tech.devices"])
    assert problem3 is None and again == larger
    assert list(larger) == sorted(larger, key=question.ranks.__getitem__)  # the bank's order


def test_line_mode_takes_an_options_words_and_a_number_typed_twice_once(
    isolated_dirs: Path,
) -> None:
    # the label of one option; backups twice and passwords; two grid rows; the last skipped
    typed = "laptops\n1 1 3\n1\n2\n\n\n"
    done = ask("new", "--plain", "--bank", str(BANK), "--name", "Words", text=typed)
    assert "Saved: Laptops." in done.stdout
    assert "Saved: Backups; A password manager." in done.stdout
    assert "1 question is still unanswered, so the verdict can still move." in done.stdout
