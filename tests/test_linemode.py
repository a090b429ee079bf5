"""Line mode (``smreadiness ask``): the interview through pipes and at a real terminal, as a
script or a screen-reader user drives it. Checks what is printed, what is saved, and that no
escape byte or drawing character ever reaches the transcript."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smreadiness.engine.judge import visible_questions
from tests.conftest import ROOT, run_cli

DRAWING = re.compile("[\x1b\x07\x9b\u2500-\u259f\u2800-\u28ff]")
"""Escape and bell bytes, CSI, box drawing, block elements (bars) and braille art."""


def ask(*args: str, text: str, env: dict[str, str] | None = None) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "smreadiness", *args],
        input=text,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    return done


def script(bank: Any, answers: dict[str, Any]) -> str:
    """The lines a user types to give ``answers`` from the first question on (an empty line
    where there is no answer), following show_if as the interview does."""
    typed: list[str] = []
    given: dict[str, Any] = {}
    current: str | None = bank.questions[0].id
    while current is not None:
        question = bank.question(current)
        value = answers.get(current)
        if value is None:
            typed.append("")
        elif question.kind == "choice":
            typed.append(str(question.rank(value) + 1))
            given[current] = value
        else:
            typed.append(str(value))
            given[current] = value
        ids = [q.id for q in visible_questions(bank, given)]
        index = ids.index(current) + 1
        current = ids[index] if index < len(ids) else None
    return "\n".join(typed) + "\n\n"


def saved(name: str) -> dict[str, Any]:
    rows = json.loads(run_cli("list", "--format", "json").out)
    (row,) = [r for r in rows if r["name"] == name]
    import tomllib

    return tomllib.loads(Path(row["file"]).read_text("utf-8"))


VERDICT_LINE = {"go": "Verdict: GO.", "not_yet": "Verdict: NOT YET.", "no_go": "Verdict: NO-GO."}


@pytest.mark.parametrize(
    "persona,verdict",
    [
        ("bakery-cafe", "go"),
        ("webshop-no-plan", "not_yet"),
        ("machine-shop", "no_go"),
        ("roofing-subcontractor", "no_go"),
    ],
)
def test_a_persona_answered_through_a_pipe_gets_its_verdict(
    bank: Any, persona: str, verdict: str
) -> None:
    example = bank.example(persona)
    done = ask("ask", "--name", example.name, text=script(bank, dict(example.answers)))
    assert done.returncode == 0, done.stderr
    assert VERDICT_LINE[verdict] in done.stdout
    assert saved(example.name)["answers"] == dict(example.answers)
    assert DRAWING.findall(done.stdout) == []
    assert done.stdout.count("> ") >= len(example.answers)


def test_every_line_stands_on_its_own(bank: Any) -> None:
    example = bank.example("webshop-no-plan")
    done = ask("ask", "--name", "Aloud", text=script(bank, dict(example.answers)))
    text = done.stdout
    for phrase in ("see above", "see below", "as above"):
        assert phrase not in text.casefold()
    assert re.search(r"^Question 1 of \d+, Purpose and goals\.$", text, re.M)
    assert re.search(r"^Reason 1 of \d+, fix first: ", text, re.M)
    assert re.search(r"^Plan step 1 of \d+ \(", text, re.M)
    assert re.search(r"^Because you answered No goals yet to: ", text, re.M)
    assert "Purpose and goals: " in text and " out of 100." in text


def test_end_of_input_saves_and_says_how_to_go_on(bank: Any) -> None:
    first = ask("ask", "--name", "Half Way", text="Grow the catering side\n3\n1\n")
    assert first.returncode == 0
    assert "Continue where you left off with: smreadiness ask 'Half Way'" in first.stdout
    kept = saved("Half Way")
    assert kept["answers"] == {
        "purpose.why": "Grow the catering side",
        "purpose.goals": "none",
        "purpose.growth": "grow",
    }
    again = ask("ask", "half way", text="q\n")
    assert "Question 4 of" in again.stdout  # where it stopped
    assert "Every answer is saved." in again.stdout


def test_keys_back_help_note_flag_dont_know_and_bad_answers() -> None:
    typed = [
        "",  # skip the optional why
        "?",  # why measurable goals matter
        "7",  # not a choice
        "vague",  # by value
        "<",  # back to goals
        "",  # Enter keeps it
        "n",
        "ask Anna",  # a note on growth
        "f",  # flag it
        "dk",  # don't know
        "1",  # plan fit
        "q",
    ]
    done = ask("ask", "--name", "Keys", text="\n".join(typed) + "\n")
    out = done.stdout
    assert "Why this matters: " in out and "Source: " in out
    assert "Type a number from 1 to 3." in out
    assert (
        "Your answer so far: Roughly: 'more visibility', 'more customers'. Enter keeps it." in out
    )
    assert "Note saved." in out and "Flagged to revisit." in out
    assert "Saved as don't know: the plan says to find it out." in out
    kept = saved("Keys")
    assert kept["answers"] == {
        "purpose.goals": "vague",
        "purpose.growth": "?",  # "don't know": answered, and found out later
        "purpose.plan_fit": "integrated",
    }
    assert kept["notes"] == {"purpose.growth": "ask Anna"}
    assert kept["state"]["flagged"] == ["purpose.growth"]
    assert "purpose.growth" not in kept["state"]["skipped"]


def test_numbers_and_texts_are_checked_with_the_screens_messages() -> None:
    run_cli("import", str(_answers_file("Hours", "resources.hours")))
    done = ask("ask", "Hours", text="9999\ntwelve\n2,5\nq\n")
    out = done.stdout
    assert "9999 is out of range; expected 0 to 168" in out
    assert "That is not a number." in out
    assert "2,5 is saved as 3: this question takes whole numbers." in out
    assert saved("Hours")["answers"]["resources.hours"] == 3
    run_cli("import", str(_answers_file("Pitch", "message.pitch")))
    done = ask("ask", "Pitch", text="x" * 600 + "\nBread at 5 am.\nq\n")
    assert "text is 600 characters; at most 500 allowed" in done.stdout
    assert saved("Pitch")["answers"] == {"message.pitch": "Bread at 5 am."}


def _answers_file(name: str, current: str) -> Path:
    import tempfile

    import tomli_w

    path = Path(tempfile.mkdtemp()) / "a.toml"
    doc = {"meta": {"name": name}, "answers": {}, "state": {"current": current}}
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return path


def test_hostile_names_and_answers_are_printed_harmlessly() -> None:
    name = "Evil\x1b[2J\u202eCorp"
    done = ask("ask", "--name", name, text="\x1b]0;pwned\x07 why\nq\n")
    assert DRAWING.findall(done.stdout) == []
    assert "\u202e" not in done.stdout
    assert "\\x1b[2J\\u202eCorp" in done.stdout


def test_the_tui_commands_fall_back_to_lines_without_a_terminal(bank: Any) -> None:
    new = ask("new", "--name", "Piped", text="q\n")
    assert new.returncode == 0
    assert new.stdout.startswith("No full-screen terminal here")
    assert "Question 1 of" in new.stdout
    resumed = ask("resume", "Piped", text="q\n")
    assert "Question 1 of" in resumed.stdout or "Question 2 of" in resumed.stdout
    bare = ask(text="1\nq\n")
    assert "1. Piped, 0 of" in bare.stdout
    assert "Type a number to continue one, or n for a new assessment." in bare.stdout
    ask("new", "--name", "Piped Two", text="q\n")
    several = ask("resume", "pip", text="")
    assert several.returncode == 1
    assert "2 assessments match 'pip'" in several.stderr
    missing = ask("resume", "nobody", text="")
    assert missing.returncode == 1
    assert "no saved assessment named 'nobody'" in missing.stderr


def test_finnish_lines(bank: Any) -> None:
    example = bank.example("bakery-cafe")
    done = ask("ask", "--name", "Leipomo", "--lang", "fi", text=script(bank, dict(example.answers)))
    assert done.returncode == 0, done.stderr
    assert "Kysymys 1/" in done.stdout or "Kysymys 1 " in done.stdout
    assert "Question" not in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_at_a_real_terminal_too(tmp_path: Path) -> None:
    """Under a pty with TERM=dumb (a serial console): plain lines, prompt and echo as typed."""
    import pty
    import select

    env = {**os.environ, "TERM": "dumb"}
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(ROOT)
        os.execve(
            sys.executable, [sys.executable, "-m", "smreadiness", "new", "--name", "Tty"], env
        )
    output = b""

    def read_until(marker: bytes) -> None:
        nonlocal output
        while marker not in output:
            ready, _w, _x = select.select([fd], [], [], 30)
            assert ready, output[-500:]
            output += os.read(fd, 4096)

    read_until(b"> ")
    os.write(fd, b"To get more catering orders\r")
    read_until(b"Saved: To get more catering orders.")
    os.write(fd, b"q\r")
    read_until(b"smreadiness ask Tty")
    os.waitpid(pid, 0)
    text = output.decode("utf-8", "replace")
    assert text.startswith("No full-screen terminal here")
    assert "\x1b" not in text
