"""The command line as users and scripts drive it: real subprocesses, real files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smreadiness.report.schema import ResultModel
from tests.conftest import DIMENSIONS, run_cli, write_toml

COMMANDS = ["new", "resume", "list", "score", "report", "import", "export", "questions"]


def test_version_and_help() -> None:
    from smreadiness import __version__

    assert run_cli("--version").out.strip() == f"smreadiness {__version__}"
    top = run_cli("--help")
    assert top.code == 0
    for command in COMMANDS:
        assert command in top.out
        sub = run_cli(command, "--help")
        assert sub.code == 0 and "--lang" in sub.out, command


def test_wrong_usage_exits_2() -> None:
    assert run_cli("score").code == 2
    assert run_cli("frobnicate").code == 2
    assert run_cli("score", "x.toml", "--format", "pdf").code == 2


@pytest.mark.parametrize(
    ("example_id", "word"),
    [("bakery-cafe", "GO"), ("webshop-no-plan", "NOT YET"), ("machine-shop", "NO-GO")],
)
def test_score_text_shows_verdict_and_reasons(
    answers_file: Any, example_id: str, word: str
) -> None:
    result = run_cli("score", str(answers_file(example_id)))
    assert result.code == 0, result.err
    assert f"Verdict:  {word} " in result.out
    assert "Reasons" in result.out and "Scores by dimension" in result.out
    assert "\x1b" not in result.out  # not a terminal: plain text


def test_score_json_follows_the_contract(answers_file: Any) -> None:
    result = run_cli("score", str(answers_file("webshop-no-plan")), "--format", "json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    ResultModel.model_validate(document)
    assert document["verdict"] == "not_yet" and document["complete"] is True
    assert set(document["dimensions"]) == set(DIMENSIONS)
    rules = {r["rule"] for r in document["reasons"]}
    assert {"no-goals", "vanity-metrics"} <= rules
    assert document["what_if"] and document["actions"]


def test_score_json_of_a_partial_file(tmp_path: Path) -> None:
    path = write_toml(tmp_path / "p.toml", {"answers": {"purpose.goals": "measurable"}})
    document = json.loads(run_cli("score", str(path), "--format", "json").out)
    ResultModel.model_validate(document)
    assert document["complete"] is False
    assert "risk.units" in document["unanswered"]
    assert document["verdict_range"] == {"worst": "no_go", "best": "go", "decided": False}


def test_score_is_deterministic(answers_file: Any) -> None:
    path = str(answers_file("webshop-no-plan"))
    assert (
        run_cli("score", path, "--format", "json").out
        == run_cli("score", path, "--format", "json").out
    )


def test_import_list_report_export_round_trip(
    answers_file: Any, tmp_path: Path, isolated_dirs: Path
) -> None:
    imported = run_cli("import", str(answers_file("bakery-cafe")))
    assert imported.code == 0, imported.err
    listing = json.loads(run_cli("list", "--format", "json").out)
    assert len(listing) == 1
    row = listing[0]
    assert row["name"] == "Bakery Aurora" and row["verdict"] == "go" and row["complete"]
    saved = isolated_dirs / f"{row['id']}.toml"
    assert saved.exists()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(isolated_dirs.stat().st_mode) == 0o700
    text_list = run_cli("list")
    assert "Bakery Aurora" in text_list.out and "GO" in text_list.out
    report = run_cli("report", "bakery aurora")
    assert report.code == 0 and "Action plan" in report.out and "Your answers" in report.out
    out = tmp_path / "r.json"
    assert run_cli("report", row["id"], "--format", "json", "-o", str(out)).code == 0
    ResultModel.model_validate_json(out.read_text())
    exported = tmp_path / "moved.toml"
    assert run_cli("export", row["id"], "-o", str(exported)).code == 0
    other = tmp_path / "other-machine"
    again = run_cli("import", str(exported), env={"SMREADINESS_DATA_DIR": str(other)})
    assert again.code == 0, again.err
    moved = json.loads(
        run_cli("list", "--format", "json", env={"SMREADINESS_DATA_DIR": str(other)}).out
    )
    assert moved[0]["id"] == row["id"] and moved[0]["verdict"] == "go"


def test_import_twice_keeps_both(answers_file: Any) -> None:
    path = str(answers_file("bakery-cafe"))
    assert run_cli("import", path).code == 0
    assert run_cli("import", path).code == 0
    rows = json.loads(run_cli("list", "--format", "json").out)
    assert len(rows) == 2 and rows[0]["id"] != rows[1]["id"]
    # The second is renamed (issue: a second "Bakery Aurora" made every name lookup fail).
    assert sorted(row["name"] for row in rows) == ["Bakery Aurora", "Bakery Aurora (2)"]
    assert run_cli("report", "Bakery Aurora").code == 0
    ambiguous = run_cli("report", "aurora")
    assert ambiguous.code == 1 and "use an id" in ambiguous.err


def test_empty_list_is_friendly() -> None:
    result = run_cli("list")
    assert result.code == 0 and "No saved assessments yet" in result.out
    assert json.loads(run_cli("list", "--format", "json").out) == []


def test_questions_list_show_validate() -> None:
    listing = run_cli("questions", "list")
    assert listing.code == 0 and "purpose.goals" in listing.out and "risk.units" in listing.out
    shown = run_cli("questions", "show", "market.position")
    assert shown.code == 0 and "subcontractor" in shown.out and "Why this matters" in shown.out
    missing = run_cli("questions", "show", "market.positon")
    assert missing.code == 2 and "did you mean 'market.position'" in missing.err
    valid = run_cli("questions", "validate")
    assert valid.code == 0 and "OK" in valid.out and "monotonic" in valid.out


def test_language_from_environment_is_accepted(answers_file: Any) -> None:
    result = run_cli("score", str(answers_file("bakery-cafe")), env={"LANG": "fi_FI.UTF-8"})
    assert result.code == 0, result.err
    assert run_cli("score", str(answers_file("bakery-cafe")), "--lang", "sv").code == 0


def test_core_never_imports_textual_or_pydantic_models(answers_file: Any) -> None:
    """After the first run has cached the validated bank, scoring builds no pydantic models."""
    assert run_cli("score", str(answers_file("bakery-cafe"))).code == 0  # warms the bank cache
    assert run_cli("import", str(answers_file("bakery-cafe"))).code == 0
    probe = (
        "import sys; from smreadiness.cli import main; "
        f"main(['score', {str(answers_file('bakery-cafe'))!r}, '--format', 'json']); "
        "main(['list']); main(['plan', 'Bakery Aurora', '--format', 'csv']); "
        "main(['workshop', 'list']); "
        "loaded = [m for m in ('textual', 'pydantic.main') if m in sys.modules]; "
        "print(loaded, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=os.environ, check=True
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_core_modules_import_without_textual() -> None:
    probe = (
        "import sys, smreadiness.bank.validate, smreadiness.engine, smreadiness.store, "
        "smreadiness.report.text, smreadiness.report.jsonout, smreadiness.cli.commands, "
        "smreadiness.cli.plan, smreadiness.cli.workshop, smreadiness.tasks.export, "
        "smreadiness.tasks.render, smreadiness.workshops.report, smreadiness.report.pdf; "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_list_cache_never_serves_a_stale_row(answers_file: Any, isolated_dirs: Path) -> None:
    from smreadiness.store import Store

    assert run_cli("import", str(answers_file("bakery-cafe"))).code == 0
    first = json.loads(run_cli("list", "--format", "json").out)[0]
    assert first["verdict"] == "go"
    store = Store()
    store.update(first["id"], lambda a: a.with_answer("market.industry", "contested"))
    again = json.loads(run_cli("list", "--format", "json").out)[0]
    assert again["verdict"] == "no_go"
    (isolated_dirs / f"{first['id']}.toml").write_text("not = [toml")
    broken = json.loads(run_cli("list", "--format", "json").out)[0]
    assert broken["error"].startswith("unreadable: line 1: TOML syntax error")


def test_names_are_found_through_the_list_cache_never_a_stale_one(
    answers_file: Any, isolated_dirs: Path
) -> None:
    """`report NAME` looks names up in the list cache; a renamed or broken file is seen."""
    from smreadiness.store import Store

    assert run_cli("import", str(answers_file("bakery-cafe"))).code == 0
    [row] = json.loads(run_cli("list", "--format", "json").out)  # the cache now has the name
    assert run_cli("report", row["name"], "--format", "json").code == 0
    Store().update(row["id"], lambda a: a._replace(name="Renamed Bakery"))
    gone = run_cli("report", row["name"])
    assert gone.code == 1 and "no saved assessment named" in gone.err
    assert json.loads(run_cli("report", "renamed bakery", "--format", "json").out)["verdict"]
    (isolated_dirs / f"{row['id']}.toml").write_text("name = [", encoding="utf-8")
    assert run_cli("report", "Renamed Bakery").code == 1  # unreadable now: not found by name
    broken = run_cli("report", row["id"])
    assert broken.code == 3 and "TOML syntax error" in broken.err


def test_each_command_parses_the_same_when_only_its_parser_is_built() -> None:
    """main() builds only the named command's parser (start-up time); it must be the same."""
    import argparse

    from smreadiness.cli.parser import COMMANDS, build_parser

    def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(sub.choices)

    full = commands(build_parser())
    assert list(full) == list(COMMANDS)
    for name in COMMANDS:
        alone = commands(build_parser(name))
        assert list(alone) == [name]
        assert alone[name].format_help() == full[name].format_help()
    line = ["new", "--name", "Aurora", "--bank", "quickcheck", "--lang", "fi"]
    assert vars(build_parser().parse_args(line)) == vars(build_parser("new").parse_args(line))


@pytest.mark.parametrize(
    "line",
    [
        ["resume", "Bakery Aurora"],
        ["resume", ""],
        ["resume", "x y", "z"],
        ["resume", "-x"],
        ["resume"],
        ["resume", "--help"],
        ["new"],
        ["new", "--name", "Kahvila [b]Aurora[/b]"],
        ["new", "--name", "--name"],
        ["new", "--name"],
        ["new", "--na", "X"],
        ["new", "--name=X"],
        ["new", "X"],
        ["new", "--bank", "quickcheck"],
        ["present"],
        ["present", "bakery-cafe"],
        ["present", "bakery-cafe", "--watch"],
        ["present", "a", "b"],
        ["list"],
        ["--lang", "fi", "resume", "x"],
    ],
)
def test_plain_tui_command_lines_are_read_as_argparse_reads_them(line: list[str]) -> None:
    """The plain TUI command lines skip argparse (start-up time); the result must be the same,
    and anything not plain must be left to argparse."""
    from smreadiness.cli import plain_tui_command
    from smreadiness.cli.parser import build_parser

    quick = plain_tui_command(line)
    try:
        expected: dict[str, Any] | None = vars(build_parser().parse_args(line))
    except SystemExit:  # a usage error or help: argparse must be the one to say it
        expected = None
    if quick is not None:
        assert expected is not None and vars(quick) == expected
    else:
        assert (
            expected is None
            or line[0] not in ("resume", "new", "present")
            or any(part.startswith("-") for part in line[1:])
        ), f"{line} is plain but was left to argparse"


def test_export_to_standard_output_escapes_what_could_act_on_a_terminal(
    isolated_dirs: Path,
) -> None:
    """Bidi overrides and C1 controls in a name reach a terminal only as TOML escapes; the
    document read back is the same, and a file written with -o keeps the text as it is."""
    import tomllib

    from smreadiness.store import Assessment, Store

    name = "Evil\u202eyrekab\x85x"
    saved = Store().save(Assessment.new(name))
    shown = run_cli("export", saved.id, "-o", "-")
    assert shown.code == 0, shown.err
    assert "\u202e" not in shown.out and "\x85" not in shown.out
    assert "\\u202e" in shown.out
    assert tomllib.loads(shown.out)["meta"]["name"] == name
    target = isolated_dirs.parent / "copy.toml"
    assert run_cli("export", saved.id, "-o", str(target)).code == 0
    assert tomllib.loads(target.read_text("utf-8"))["meta"]["name"] == name


def test_a_name_starting_with_a_dash_gets_a_hint_to_put_it_after_two_dashes(
    isolated_dirs: Path,
) -> None:
    result = run_cli("report", "-x1")
    assert result.code == 2
    assert "a name or id that starts with '-' goes after --, e.g. smreadiness report -- -x1" in (
        result.err
    )
    result = run_cli("resume", "-abc")
    assert result.code == 2
    assert "e.g. smreadiness resume -- -abc" in result.err
    result = run_cli("report", "--", "-x1")
    assert "no saved assessment named '-x1'" in result.err
    assert "--frmat" in run_cli("report", "--frmat", "json", "x").err  # a misspelt option
    assert "goes after --" not in run_cli("report", "--frmat", "json", "x").err
