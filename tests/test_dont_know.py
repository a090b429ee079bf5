""" "Don't know" (``"?"``) on any kind of question: answered, out of the scores, the verdict
left open, and a "find out" step in the plan; in files, reports, line mode and the screens."""

from __future__ import annotations

import json
from pathlib import Path

import tomli_w

from smreadiness.bank.loader import load_bank
from smreadiness.engine import evaluate_answers
from tests.businesses import BUSINESSES
from tests.conftest import run_cli

READY = next(b for b in BUSINESSES if b.id == "webshop-ready")


def test_dont_know_counts_as_answered_and_keeps_the_verdict_open() -> None:
    bank = load_bank()
    answers = {**READY.answers, "market.online": "?", "resources.hours": "?", "message.pitch": "?"}
    result = evaluate_answers(bank, answers)
    assert result.complete and not result.unanswered
    assert result.unknown == ("market.online", "message.pitch", "resources.hours") or set(
        result.unknown
    ) == {"market.online", "message.pitch", "resources.hours"}
    # The market's online presence decides a knock-out: not known, the range stays open.
    assert (result.worst, result.best) == ("no_go", "go")
    assert result.verdict == "not_yet"
    assert "unknown" in {r.rule for r in result.reasons}
    find_outs = [a for a in result.actions if a.question]
    assert {a.question for a in find_outs} == set(result.unknown)
    assert all(a.id.startswith("find-out-") for a in find_outs)
    # Left out of the scores: the same as not answering them.
    without = {k: v for k, v in answers.items() if v != "?"}
    assert result.dimensions == evaluate_answers(bank, without).dimensions
    # Known again: the verdict the answers give.
    known = evaluate_answers(bank, READY.answers)
    assert known.verdict == "go" and not known.unknown


def test_an_answers_file_says_dont_know_with_a_question_mark(tmp_path: Path) -> None:
    path = tmp_path / "shop.toml"
    answers = {**READY.answers, "culture.criticism": "?"}
    path.write_text(tomli_w.dumps({"meta": {"name": "Polku"}, "answers": answers}), "utf-8")
    data = json.loads(run_cli("score", str(path), "--format", "json").out)
    assert data["unknown"] == ["culture.criticism"] and data["complete"] is True
    assert data["answers"]["culture.criticism"] == "?"
    (find_out,) = [a for a in data["actions"] if a.get("question") == "culture.criticism"]
    assert find_out["id"] == "find-out-culture.criticism"
    text = run_cli("report", str(path)).out
    assert '1 answer is "don\'t know"' in text
    assert "Public criticism appears on your page. You would... → Don't know" in text
    assert "Find out: Public criticism appears on your page." in text
    fi = run_cli("report", str(path), "--lang", "fi").out
    assert "En tiedä" in fi and "Selvitä:" in fi


async def test_the_interview_has_a_dont_know_on_every_kind_of_question() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "tui"))
    from tui_helpers import args, make_app, screen_text, stored

    from smreadiness.store import Store

    app = make_app(args("new", name="Unsure Ltd"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "f2 Don't know" in screen_text(app)  # a text question: the same key
        await pilot.press("f2")  # purpose.why (text)
        await pilot.pause()
        text = screen_text(app)
        assert "k ○  Don't know" in text  # a visible choice on a choice question
        assert "f2 Don't know" in text
        await pilot.press("k")  # purpose.goals (choice)
        await pilot.pause()
    (saved,) = [e.assessment for e in Store().entries() if e.assessment]
    answers = stored(saved.id).answers
    assert answers["purpose.why"] == "?" and answers["purpose.goals"] == "?"
