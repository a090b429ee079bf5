"""TUI test helpers: start the app as the CLI does, save fixed assessments, read the screen."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from typing import Any

FIXED_TIME = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def args(command: str | None = None, **values: Any) -> argparse.Namespace:
    """The argparse namespace the CLI hands to ``run_app``."""
    defaults: dict[str, Any] = {"command": command, "lang": "en"}
    if command == "new":
        defaults.update(name=None, bank=None)
    if command == "resume":
        defaults.update(target="")
    if command == "present":
        defaults.update(target=None, bank=None, watch=False)
    return argparse.Namespace(**{**defaults, **values})


def save(
    name: str,
    answers: dict[str, Any] | None = None,
    *,
    assessment_id: str | None = None,
    bank: str = "readiness",
    bank_version: str = "1.0.0",
    **fields: Any,
) -> Any:
    """A saved assessment with fixed timestamps (pictures must not show today's date)."""
    from smreadiness.store import Assessment, Store

    store = Store()
    assessment = Assessment(
        id=assessment_id or re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:20] or "x",
        name=name,
        created=FIXED_TIME,
        updated=FIXED_TIME,
        bank=bank,
        bank_version=bank_version,
        language="en",
        answers=dict(answers or {}),
        **fields,
    )
    return store.save(assessment)


def stored(assessment_id: str) -> Any:
    """The assessment as it is on disk now."""
    from smreadiness.store import Store, read_assessment

    return read_assessment(Store().path_for(assessment_id))


def make_app(start_args: argparse.Namespace | None = None) -> Any:
    """The app as ``run_app`` builds it, with the blinking cursor off."""
    from smreadiness.opening import resolve_start
    from smreadiness.tui.app import SmReadinessApp

    return SmReadinessApp(resolve_start(start_args or args()), cursor_blink=False)


def screen_text(app: Any) -> str:
    """What is on the screen, as plain text rebuilt from the app's own SVG screenshot."""
    import html
    import re

    svg = app.export_screenshot()
    cell = 12.2  # the width of one terminal cell in Textual's SVG
    lines: dict[int, dict[int, str]] = {}
    pattern = r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" [^>]*line-(\d+)\)">([^<]*)</text>'
    for match in re.finditer(pattern, svg):
        column = round(float(match.group(1)) / cell)
        row = lines.setdefault(int(match.group(2)), {})
        for offset, char in enumerate(html.unescape(match.group(3)).replace("\xa0", " ")):
            row[column + offset] = char
    out = []
    for number in sorted(lines):
        row = lines[number]
        out.append("".join(row.get(c, " ") for c in range(max(row) + 1)).rstrip())
    return "\n".join(out)


async def type_text(pilot: Any, text: str) -> None:
    """Type text key by key, as a fast typist would (Pilot waits ~60 ms after every key)."""
    from textual import events

    for char in text:
        pilot.app.post_message(events.Key(char, char))
    await pilot.pause()
