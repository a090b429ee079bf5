"""A bank speaks in its own words: report titles, verdict words and sentences come from it.

Checked through the commands, with the starter bank of docs/banks.md (so the documented
example is also kept valid) and variants of it written to a temp dir.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

STARTER_ANSWERS = """[meta]
name = "Café Aurora"
bank = "{bank}"

[answers]
"""


def starter_toml() -> str:
    """The complete example bank in docs/banks.md, as a reader would copy it."""
    text = (ROOT / "docs" / "banks.md").read_text("utf-8")
    found = re.search(r"```toml\n(# starter\.toml:.*?)```", text, re.S)
    assert found, "docs/banks.md lost its starter bank"
    return found.group(1)


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    path = tmp_path / "starter.toml"
    path.write_text(starter_toml(), encoding="utf-8")
    return path


def _answers(tmp_path: Path, bank: Path, example: int = 0) -> Path:
    """A complete answers file: the bank's first worked example."""
    import tomllib

    data = tomllib.loads(bank.read_text("utf-8"))
    answers = data["examples"][example]["answers"]
    import tomli_w

    path = tmp_path / f"answers-{example}.toml"
    path.write_text(
        tomli_w.dumps({"meta": {"name": "Café Aurora", "bank": str(bank)}, "answers": answers}),
        encoding="utf-8",
    )
    return path


def test_the_documented_starter_bank_is_valid(starter: Path) -> None:
    result = run_cli("questions", "validate", str(starter))
    assert result.code == 0, result.out + result.err


@pytest.mark.parametrize("form", ["text", "md", "html"])
def test_reports_take_title_and_verdict_words_from_the_bank(
    starter: Path, tmp_path: Path, form: str
) -> None:
    import tomllib

    data = tomllib.loads(starter.read_text("utf-8"))
    for number, example in enumerate(data["examples"]):
        answers = _answers(tmp_path, starter, number)
        shown = run_cli("report", str(answers), "--format", form)
        assert shown.code == 0, shown.err
        words = data["verdicts"][example["expected"]]
        assert words["label"] in shown.out
        assert words["summary"].split(":")[0] in shown.out
        assert "Starter check" in shown.out  # the bank's title heads the report
        assert "Social media readiness" not in shown.out


def test_a_bank_without_words_of_its_own_gets_plain_ones(starter: Path, tmp_path: Path) -> None:
    text = re.sub(r"\n\[verdicts\.[a-z_]+\]\n(?:[a-z_]+ = .*\n)+", "\n", starter.read_text("utf-8"))
    text = text.replace("social media", "the web")
    assert "[verdicts" not in text
    plain = tmp_path / "plain.toml"
    plain.write_text(text, encoding="utf-8")
    assert run_cli("questions", "validate", str(plain)).code == 0
    for number in range(3):
        shown = run_cli("report", str(_answers(tmp_path, plain, number)))
        assert shown.code == 0, shown.err
        assert re.search(r"\b(GO|NOT YET|NO-GO)\b", shown.out)
        assert "social media" not in shown.out.lower()  # nothing from the app names a topic


def test_json_keeps_the_verdict_codes(starter: Path, tmp_path: Path) -> None:
    """The JSON contract does not change with a bank's words: codes, not labels."""
    shown = run_cli("score", str(_answers(tmp_path, starter)), "--format", "json")
    assert json.loads(shown.out)["verdict"] in ("go", "not_yet", "no_go")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ('[verdicts.go]\nlabel = "GO"\nsumary = "x"\n', "summary"),  # did you mean
        ('[verdicts.maybe]\nlabel = "M"\nsummary = "x"\n', "maybe"),
        ('[verdicts.go]\nlabel = "' + "G" * 30 + '"\nsummary = "x"\n', "verdicts.go.label"),
        ('[verdicts.go]\nlabel = 5\nsummary = "x"\n', "verdicts.go.label"),
        ('asks = ["a"]\n', "asks"),
    ],
)
def test_bad_verdict_words_are_clear_errors(
    starter: Path, tmp_path: Path, change: str, expected: str
) -> None:
    text = re.sub(r"\n\[verdicts\.go\]\n(?:[a-z_]+ = .*\n)+", "\n", starter.read_text("utf-8"))
    text = text.replace("\nasks = ", "\n# asks = ")
    first_table = text.index("\n[")
    bad = tmp_path / "bad.toml"
    bad.write_text(text[:first_table] + "\n" + change + text[first_table:], encoding="utf-8")
    result = run_cli("questions", "validate", str(bad))
    assert result.code != 0
    assert expected in result.out + result.err
    assert "Traceback" not in result.err


def test_a_translation_gives_the_words_in_its_language(starter: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "starter.fi.toml"
    overlay.write_text(
        'format = 1\ntranslation_of = "starter"\nlanguage = "fi"\nversion = "1.0.0"\n'
        'title = "Aloitustarkistus"\n'
        '[verdicts.no_go]\nlabel = "EI NYT"\nsummary = "Some ei sovi kaupallesi nyt."\n',
        encoding="utf-8",
    )
    checked = run_cli("questions", "validate", str(overlay))
    assert "verdicts.go" in checked.out + checked.err  # missing: a warning, not an error
    import tomllib

    data = tomllib.loads(starter.read_text("utf-8"))
    number = next(i for i, e in enumerate(data["examples"]) if e["expected"] == "no_go")
    shown = run_cli("report", str(_answers(tmp_path, starter, number)), "--lang", "fi")
    assert shown.code == 0, shown.err
    assert "EI NYT" in shown.out and "Some ei sovi kaupallesi nyt." in shown.out
    assert "Aloitustarkistus" in shown.out
