"""Saving from the result: in a terminal the dialog shows where the file goes, refuses folders
and devices, and asks before replacing a file; in a browser session it never takes a path and
the browser receives the file instead."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import args, make_app, save, screen_text, type_text


@pytest.fixture
def bakery(bank: Any) -> None:
    save("Bakery", dict(bank.example("bakery-cafe").answers))


async def open_dialog(pilot: Any, path: str | None = None) -> None:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    if path is not None:
        await pilot.press("ctrl+u")  # clear the suggested path
        await type_text(pilot, path)


def problem(app: Any) -> str:
    return str(app.screen.query_one("#save-problem").content)


async def test_the_resolved_path_is_shown(
    bakery: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(args("resume", target="Bakery"))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(pilot)
        # Suggested in the documents folder, as a web page (issue: a .txt in the working folder)
        suggested = (tmp_path / "documents").resolve() / "bakery-readiness.html"
        assert f"Saves to: {suggested}" in str(app.screen.query_one("#save-where").content)
        await pilot.press("ctrl+u")
        await type_text(pilot, "out/../r.md")
        shown = str(app.screen.query_one("#save-where").content)
        assert shown == f"Saves to: {tmp_path.resolve() / 'r.md'}"
        await pilot.press("ctrl+u")
        await type_text(pilot, "~/r.txt")
        assert f"Saves to: {Path.home().resolve() / 'r.txt'}" in screen_text(app)


async def test_a_folder_is_refused(bakery: None, tmp_path: Path) -> None:
    app = make_app(args("resume", target="Bakery"))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(pilot, str(tmp_path))
        await pilot.press("enter")
        await pilot.pause()
        assert "is a folder: add a file name to it" in problem(app)
        assert "Save the report" in screen_text(app)  # still asking
    assert not list(tmp_path.glob("*.txt"))


@pytest.mark.parametrize("kind", ["device", "fifo"])
async def test_a_device_or_pipe_is_refused(bakery: None, tmp_path: Path, kind: str) -> None:
    target = Path("/dev/null") if kind == "device" else tmp_path / "pipe"
    if kind == "fifo":
        os.mkfifo(target)
    app = make_app(args("resume", target="Bakery"))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        assert "is a device, pipe or socket, not a file" in problem(app)
    assert target.exists() and not target.is_file()


async def test_replacing_a_file_asks_first(bakery: None, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("mine\n")
    app = make_app(args("resume", target="Bakery"))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Replace the file?" in text and "exists. Replace it?" in text
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text() == "mine\n"
        assert "Save the report" in screen_text(app)  # back in the dialog
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Save the report" not in screen_text(app)
    assert "Social media readiness" in target.read_text("utf-8")


class Delivered:
    def __init__(self) -> None:
        self.files: list[tuple[str, str, str]] = []

    def __call__(self, file: io.StringIO, **options: Any) -> str:
        self.files.append((options["save_filename"], options["mime_type"], file.getvalue()))
        return "key"


@pytest.mark.parametrize(
    ("key", "name", "marker"),
    [
        ("h", "bakery-readiness.html", "<html"),
        ("m", "bakery-readiness.md", "# Social media readiness"),
        ("t", "bakery-readiness.txt", "Social media readiness"),
    ],
)
async def test_in_a_browser_the_report_is_downloaded_never_given_a_path(
    bakery: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    name: str,
    marker: str,
) -> None:
    from textual.app import App

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(App, "is_web", property(lambda self: True))
    app = make_app(args("resume", target="Bakery"))
    delivered = Delivered()
    monkeypatch.setattr(app, "deliver_text", delivered)
    before = sorted(tmp_path.rglob("*"))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(pilot)
        text = screen_text(app)
        assert "Download the report" in text
        assert str(tmp_path) not in text and not app.screen.query("Input")
        await pilot.press(key)
        await pilot.pause()
        assert "Download the report" not in screen_text(app)
    assert [(n, marker in content) for n, _mime, content in delivered.files] == [(name, True)]
    assert sorted(tmp_path.rglob("*")) == before  # nothing written on the serving machine


async def test_in_a_browser_the_assessment_file_is_downloaded(
    bakery: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.app import App

    monkeypatch.setattr(App, "is_web", property(lambda self: True))
    app = make_app(args("resume", target="Bakery"))
    delivered = Delivered()
    monkeypatch.setattr(app, "deliver_text", delivered)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.export_assessment(app.screen.session)
        await pilot.pause()
        assert "Download the assessment" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
    [(name, mime, content)] = delivered.files
    assert name == "bakery.toml" and mime == "application/toml"
    assert 'name = "Bakery"' in content


async def test_the_path_dialog_refuses_to_write_in_a_browser(
    bakery: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Belt and braces: even if the path dialog were reached from a browser, it writes nothing."""
    from textual.app import App

    from smreadiness.tui.screens.save_file import SaveFileScreen

    app = make_app(args("resume", target="Bakery"))
    target = tmp_path / "r.txt"
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(App, "is_web", property(lambda self: True))
        app.push_screen(SaveFileScreen(app.screen.session, "report"))
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        assert "downloaded instead" in problem(app)
    assert not target.exists()


@pytest.mark.parametrize(("web", "word"), [(False, "Write"), (True, "Download")])
async def test_the_palette_says_download_in_a_browser(
    bakery: None, monkeypatch: pytest.MonkeyPatch, web: bool, word: str
) -> None:
    from textual.app import App

    from smreadiness.tui.palette import system_commands

    monkeypatch.setattr(App, "is_web", property(lambda self: web))
    app = make_app(args("resume", target="Bakery"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        commands = {c.title: c.help for c in system_commands(app, app.screen, iter(()))}
    assert commands["Save report"].startswith(word)
    assert commands["Export assessment"].startswith(word)


async def test_the_suggested_name_keeps_accented_letters_and_files_are_owner_only(
    tmp_path: Path, bank: Any
) -> None:
    import stat

    from tui_helpers import save

    save("Café Mokka", dict(bank.example("bakery-cafe").answers))
    app = make_app(args("resume", target="Café Mokka"))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(pilot)
        field = app.screen.query_one("#path")
        assert field.value.endswith("café-mokka-readiness.html")
        await pilot.press("enter")
        await pilot.pause()
    written = tmp_path / "documents" / "café-mokka-readiness.html"
    assert written.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
