"""The interview as a user drives it: keys in, verdict out, and every answer on disk at once."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import OptionList, Static
from tui_helpers import args, make_app, save, screen_text, stored, type_text


def _meanings() -> dict[str, str]:
    """What the bundled bank says under each verdict (its own words, ``[verdicts]``)."""
    from smreadiness.bank.loader import load_bank

    return {verdict: words.summary for verdict, words in load_bank().verdicts.items()}


MEANING = _meanings()


PERSONAS = [
    ("bakery-cafe", "go"),
    ("webshop-no-plan", "not_yet"),
    ("machine-shop", "no_go"),
    ("roofing-subcontractor", "no_go"),
]


async def answer_with_keys(pilot: Any, question: Any, value: Any) -> None:
    """Answer the question on screen the way a person would: a number key, or typing."""
    if value is None:
        # Not in the example: optional ones are left empty, required ones are "don't know yet".
        if question.optional:
            await pilot.press("enter")
        else:
            await pilot.press("ctrl+s" if question.kind != "choice" else "s")
    elif question.kind == "choice":
        await pilot.press(str(question.rank(value) + 1))
    else:
        await type_text(pilot, str(value))
        await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize(("persona", "verdict"), PERSONAS)
async def test_new_interview_reaches_the_personas_verdict(
    persona: str, verdict: str, bank: Any
) -> None:
    from smreadiness.tui.screens.interview import InterviewScreen
    from smreadiness.tui.screens.result import ResultScreen
    from smreadiness.tui.screens.review import ReviewScreen

    example = bank.example(persona)
    app = make_app(args("new", name=example.name))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assessment_id = app.screen.session.assessment.id
        seen = []
        while isinstance(app.screen, InterviewScreen):
            question = app.screen.question()
            assert question.id not in seen, "the interview went backwards"
            seen.append(question.id)
            assert str(app.screen.query_one("#prompt", Static).content) == question.prompt
            value = example.answers.get(question.id)
            await answer_with_keys(pilot, question, value)
            on_disk = stored(assessment_id)
            assert on_disk.answers.get(question.id) == value
            assert {k: v for k, v in example.answers.items() if k in seen} == {
                k: v for k, v in on_disk.answers.items()
            }
        assert isinstance(app.screen, ReviewScreen)
        # Counted as the interview counts: every question asked, optional ones included.
        asked = len(app.screen.session.visible())
        assert f"of {asked} answered" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert MEANING[verdict] in text
        assert app.screen.session.evaluate().verdict == verdict
        assert stored(assessment_id).answers == dict(example.answers)


async def test_keys_typed_from_the_first_frame_all_land(bank: Any) -> None:
    """The first frame has only the first question's kind of answer field (start-up time);
    a user typing straight away, across kinds, loses no key and no answer."""
    from smreadiness.store import Store

    app = make_app(args("new", name="Quick"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"To sell", "enter", "1", "2", "3", "1")  # no pause in between
        await pilot.pause()
        [entry] = Store().entries()
        assert entry.assessment is not None
        assert dict(entry.assessment.answers) == {
            "purpose.why": "To sell",
            "purpose.goals": "measurable",
            "purpose.growth": "steady",
            "purpose.plan_fit": "no_plan",
            "purpose.backing": "backing",
        }
        assert app.screen.question_id == "purpose.capacity"


async def test_back_and_skip(bank: Any) -> None:
    from smreadiness.tui.screens.interview import InterviewScreen

    app = make_app(args("new", name="Back and skip"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assessment_id = screen.session.assessment.id
        assert screen.question_id == "purpose.why"
        await pilot.press("enter")  # optional text left empty
        await pilot.pause()
        assert screen.question_id == "purpose.goals"
        await pilot.press("2")
        await pilot.pause()
        assert screen.question_id == "purpose.growth"
        await pilot.press("s")  # don't know yet
        await pilot.pause()
        assert screen.question_id == "purpose.plan_fit"
        saved = stored(assessment_id)
        assert "purpose.growth" not in saved.answers
        assert saved.skipped == ("purpose.growth",)
        assert saved.current == "purpose.plan_fit"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.question_id == "purpose.growth"
        assert "don't know yet" in screen_text(app)
        await pilot.press("left")
        await pilot.pause()
        assert screen.question_id == "purpose.goals"
        assert stored(assessment_id).current == "purpose.goals"
        await pilot.press("right")
        await pilot.pause()
        assert screen.question_id == "purpose.growth"
        await pilot.press("1")
        await pilot.pause()
        saved = stored(assessment_id)
        assert saved.answers == {"purpose.goals": "vague", "purpose.growth": "grow"}
        assert saved.skipped == ()
        await pilot.press("pagedown")  # next question, unchanged, from a choice list too
        await pilot.pause()
        assert screen.question_id == "purpose.backing"
        assert "→ Next" in screen_text(app) and "pgdn Next" not in screen_text(app)
        assert stored(assessment_id).answers == saved.answers


def problem(app: Any) -> str:
    """The message beside the number field."""
    return str(app.screen.query_one("#number-problem").content)


async def test_number_is_checked_as_typed_and_not_saved_until_valid() -> None:
    save("Numbers", {"purpose.goals": "vague"}, current="market.employees")
    app = make_app(args("resume", target="Numbers"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question_id == "market.employees"
        await pilot.press("4", ".", "5")
        await pilot.pause()
        # A whole-number question rounds a half, and says so (it used to refuse 2.5 hours).
        assert "saved as 5: whole numbers only" in problem(app)
        assert "market.employees" not in stored("numbers").answers
        await pilot.press("backspace", "backspace", "backspace", "0")
        await pilot.pause()
        assert "out of range" in problem(app)
        await pilot.press("backspace", "1", "2", "enter")
        await pilot.pause()
        assert stored("numbers").answers["market.employees"] == 12
        assert app.screen.question_id == "message.pitch"


async def test_text_shows_a_live_count() -> None:
    save("Texts", {}, current="message.pitch")
    app = make_app(args("resume", target="Texts"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question_id == "message.pitch"
        await type_text(pilot, "Fresh bread")
        await pilot.pause()
        assert "11 characters, best at most 140" in screen_text(app)


async def test_resume_lands_on_the_first_unanswered_question(bank: Any) -> None:
    answers = dict(bank.example("bakery-cafe").answers)
    for open_id in ("resources.budget", "foundation.email"):
        del answers[open_id]
    save("Half done", answers)
    app = make_app(args("resume", target="Half done"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question_id == "resources.budget"
        assert "Is there a budget" in screen_text(app)


async def test_resume_returns_to_the_open_question_the_user_was_on(bank: Any) -> None:
    answers = dict(bank.example("bakery-cafe").answers)
    for open_id in ("resources.budget", "foundation.email"):
        del answers[open_id]
    save("Jumped ahead", answers, current="foundation.email")
    app = make_app(args("resume", target="Jumped ahead"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question_id == "foundation.email"


async def test_resume_of_a_finished_assessment_opens_the_result(bank: Any) -> None:
    from smreadiness.tui.screens.result import ResultScreen

    save("Finished", dict(bank.example("machine-shop").answers))
    app = make_app(args("resume", target="Finished"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert MEANING["no_go"] in screen_text(app)


async def test_show_if_questions_appear_and_disappear() -> None:
    save("Platforms", {"purpose.goals": "vague"}, current="market.online")
    app = make_app(args("resume", target="Platforms"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.question_id == "market.online"
        await pilot.press("1")  # known: the platforms question appears next
        await pilot.pause()
        assert screen.question_id == "market.platforms"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")  # unknown: it is gone again
        await pilot.pause()
        assert screen.question_id == "market.position"
        assert "market.platforms" not in [q.id for q in screen.session.visible()]


async def test_flag_note_why_and_outline() -> None:
    save("Marks", {}, current="purpose.goals")
    app = make_app(args("resume", target="Marks"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert stored("marks").flagged == ("purpose.goals",)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "ask [b]Anna[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert stored("marks").notes == {"purpose.goals": "ask [b]Anna[/b]"}
        text = screen_text(app)
        assert "flagged to revisit" in text
        assert "note: ask [b]Anna[/b]" in text
        assert "Why this matters" not in text
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Why this matters" in text
        assert "Source 002" in text
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.screen.question_id == "risk.units"
        assert stored("marks").current == "risk.units"


async def test_review_enter_edits_and_returns_to_the_review(bank: Any) -> None:
    from smreadiness.tui.screens.interview import InterviewScreen
    from smreadiness.tui.screens.review import ReviewScreen

    save("Review me", dict(bank.example("webshop-no-plan").answers), flagged=("purpose.goals",))
    app = make_app(args("resume", target="Review me"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")  # from the result
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "1 flagged" in screen_text(app)
        await pilot.press("down", "enter")  # the second question: measurable goals
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.question_id == "purpose.goals"
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert stored("review-me").answers["purpose.goals"] == "measurable"


async def test_next_keeps_what_was_typed_into_a_text_answer() -> None:
    """PgDn used to move on and drop the text typed into the field, without a word."""
    save("Typed", {}, current="message.pitch")
    app = make_app(args("resume", target="Typed"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question_id == "message.pitch"
        await type_text(pilot, "Bread at 5 am, two blocks from you")
        await pilot.press("pagedown")
        await pilot.pause()
        assert stored("typed").answers["message.pitch"] == "Bread at 5 am, two blocks from you"
        assert app.screen.question_id != "message.pitch"


async def test_next_on_a_bad_number_says_why_and_stays() -> None:
    save("Numbers", {}, current="resources.hours")
    app = make_app(args("resume", target="Numbers"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "999")
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen.question_id == "resources.hours"
        assert "out of range" in problem(app)
        assert "resources.hours" not in stored("numbers").answers


async def test_a_follow_up_unlocked_from_the_review_is_asked_next(bank: Any) -> None:
    from smreadiness.tui.screens.interview import InterviewScreen
    from smreadiness.tui.screens.review import ReviewScreen

    answers = dict(bank.example("webshop-no-plan").answers)
    answers["market.online"] = "unknown"
    answers.pop("market.platforms", None)
    save("Follow", answers)
    app = make_app(args("resume", target="Follow"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        answers_list = review.query_one("#answers", OptionList)
        answers_list.highlighted = answers_list.get_option_index("market.online")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")  # known: the platforms follow-up is asked before the review
        await pilot.pause(0.2)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.question_id == "market.platforms"
        assert "adds 1 follow-up question" in screen_text(app)
        await type_text(pilot, "Instagram")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert stored("follow").answers["market.platforms"] == "Instagram"
        # Back on the review, on the question edited, not at the top.
        highlighted = app.screen.query_one("#answers", OptionList).highlighted_option
        assert highlighted is not None and highlighted.id == "market.online"


async def test_the_example_answer_is_shown_whole() -> None:
    """As a placeholder in the one-line field it was cut mid-sentence at 80 columns."""
    app = make_app(args("new", name="Why"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question_id == "purpose.why"
        main = " ".join(line.split("▏")[0] for line in screen_text(app).splitlines())
        assert "e.g. To get more catering orders from offices in our neighbourhood." in " ".join(
            main.split()
        )


async def test_one_way_of_counting_questions() -> None:
    app = make_app(args("new", name="Count"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        total = len(app.screen.session.visible())
        text = screen_text(app)
        assert f"question 1 of {total}" in text
        assert f"0 of {total} answered" in text
        assert "required" not in text
