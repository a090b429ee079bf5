"""The language switch in the command palette: every screen in the new language, remembered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import args, make_app, save, screen_text, stored, type_text


def finnish(message: str) -> str:
    """The Finnish catalog's text, without changing the app's language."""
    import gettext

    from smreadiness.i18n import DOMAIN, LOCALE_DIR

    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=["fi"]).gettext(message)


async def choose(pilot: Any, command: str) -> None:
    """Run a command palette command by typing its name."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_switching_to_finnish_redraws_the_interview_and_is_remembered(
    bank: Any, tui_environment: Path
) -> None:
    from smreadiness.bank.loader import load_bank
    from smreadiness.settings import load_language

    answers = dict(list(bank.example("webshop-no-plan").answers.items())[:8])
    save("Socks", answers, current="market.employees")
    fi_bank = load_bank(None, "fi")
    prompt = fi_bank.by_id["market.employees"].prompt
    assert prompt != bank.by_id["market.employees"].prompt
    app = make_app(args("resume", target="Socks"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert bank.question("market.employees").prompt in screen_text(app)
        await choose(pilot, "Suomi")
        text = screen_text(app)
        assert prompt in text
        assert finnish("Skip") in text and finnish("Skip") != "Skip"  # the key bar too
        assert finnish("Live picture") in text
        await pilot.press("ctrl+r")  # the review, built in Finnish as it opens
        await pilot.pause()
        assert finnish("Edit answer") in screen_text(app)
    assert load_language() == "fi"
    assert stored("socks").language == "fi"


async def test_the_remembered_language_is_used_when_no_lang_is_given(
    tui_environment: Path,
) -> None:
    from smreadiness.settings import save_language

    save_language("sv")
    app = make_app(args(None, lang="en", lang_given=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from smreadiness.i18n import _, language

        assert language() == "sv"
        welcome = _("Welcome to smreadiness")
        assert welcome != "Welcome to smreadiness" and welcome in screen_text(app)
    app = make_app(args(None, lang="en", lang_given=True))  # --lang en wins
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Welcome to smreadiness" in screen_text(app)


async def test_switching_on_the_home_screen_and_in_the_presenter(bank: Any) -> None:
    app = make_app(args("present", target="bakery-cafe"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose(pilot, "Svenska")
        from smreadiness.bank.loader import load_bank
        from smreadiness.wording import verdict_meaning

        sv_bank = load_bank(None, "sv")
        text = screen_text(app)
        meaning = verdict_meaning("go", bank=load_bank(None, "sv"))
        assert meaning in text and "Sociala medier" in meaning
        assert sv_bank.by_id["purpose.why"].prompt in text  # the chosen answer, in full
        await pilot.press("down", "space")
        await pilot.pause()
        assert app.screen.workshop.changed() == {"purpose.goals"}
