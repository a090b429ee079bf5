"""Interface strings: every marked string is translated in every language, and the compiled
catalogs are those of the .po files (``make catalogs`` keeps them so)."""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.conftest import ROOT, run_cli

LOCALE = ROOT / "smreadiness" / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _source_messages() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "smreadiness"), keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


_CALL = re.compile(r"""(?<![\w.])N?_\(\s*(['"])((?:\\.|(?!\1).)*?)\1\s*\)""")


def _every_call_in_source() -> set[str]:
    """Also the _() calls inside f-strings, which Babel on Python 3.11 does not extract."""
    found: set[str] = set()
    for path in (ROOT / "smreadiness").rglob("*.py"):
        for match in _CALL.finditer(path.read_text("utf-8")):
            found.add(
                match.group(2).encode().decode("unicode_escape")
                if "\\" in match.group(2)
                else match.group(2)
            )
    return found


def test_no_marked_string_escapes_extraction() -> None:
    extracted = _source_messages()
    missed = sorted(m for m in _every_call_in_source() if m not in extracted)
    assert missed == [], "mark these with N_() outside the f-string, then `make catalogs`"


def test_widget_texts_are_marked_for_translation() -> None:
    """A text written straight into a Static, Label, Button or an Input's placeholder would
    stay English in every language (the catalog tests only see marked strings)."""
    import ast

    found = []
    for path in sorted((ROOT / "smreadiness" / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [k.value for k in node.keywords if k.arg in ("placeholder", "tooltip")]
            if node.func.id in ("Static", "Label", "Button"):
                texts += node.args[:1]
            for text in texts:
                if isinstance(text, ast.Constant) and re.search(r"[A-Za-z]", str(text.value)):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text.value!r}")
    assert found == [], "wrap these in _() (or N_() where defined), then `make catalogs`"


def _catalog(language: str) -> Any:
    with (LOCALE / language / "LC_MESSAGES" / "smreadiness.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_template_is_up_to_date_with_the_source() -> None:
    with (LOCALE / "smreadiness.pot").open("rb") as handle:
        template = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(handle) if m.id}
    assert template == _source_messages(), "run `make catalogs`"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_string_is_missing_or_fuzzy(language: str) -> None:
    catalog = _catalog(language)
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    assert _source_messages() <= ids, "run `make catalogs`"
    untranslated = [
        m.id
        for m in catalog
        if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_placeholders_survive_translation(language: str) -> None:
    for message in _catalog(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {p for s in sources for p in _placeholders(s)}
        for target in targets:
            assert _placeholders(target) == wanted, (message.id, target)


def _placeholders(text: str) -> set[str]:
    import string

    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_compiled_catalog_matches_the_po_file(language: str) -> None:
    buffer = io.BytesIO()
    write_mo(buffer, _catalog(language))
    fresh = gettext.GNUTranslations(io.BytesIO(buffer.getvalue()))
    mo_path = LOCALE / language / "LC_MESSAGES" / "smreadiness.mo"
    with mo_path.open("rb") as handle:
        shipped = gettext.GNUTranslations(handle)
    # The header entry ("") carries creation dates, not messages: compare the messages.
    messages = {k: v for k, v in fresh._catalog.items() if k != ""}  # type: ignore[attr-defined]
    compiled = {k: v for k, v in shipped._catalog.items() if k != ""}  # type: ignore[attr-defined]
    assert messages == compiled, "run `make catalogs`"


ENGLISH_INTERFACE = [
    "Reasons",
    "Scores by dimension",
    "What would change the verdict",
    "Action plan",
    "Your answers",
    "Overall score",
    "Verdict:",
    "Why:",
    "NOT YET",
    "It can work, but fix these first.",
]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_reports_contain_no_english_interface_text(
    answers_file: Any, language: str, fmt: str, tmp_path: Path
) -> None:
    result = run_cli(
        "report", str(answers_file("webshop-no-plan")), "--format", fmt, "--lang", language
    )
    assert result.code == 0, result.err
    for phrase in ENGLISH_INTERFACE:
        assert phrase not in result.out, (language, fmt, phrase)
    if fmt == "html":
        assert f'<html lang="{language}">' in result.out


def test_dates_and_numbers_follow_the_language(answers_file: Any, isolated_dirs: Path) -> None:
    assert run_cli("import", str(answers_file("bakery-cafe"))).code == 0
    finnish = run_cli("report", "Bakery Aurora", "--lang", "fi", "--format", "md").out
    swedish = run_cli("report", "Bakery Aurora", "--lang", "sv", "--format", "md").out
    english = run_cli("report", "Bakery Aurora", "--lang", "en", "--format", "md").out
    import datetime

    from babel.dates import format_date

    today = datetime.date.today()
    assert format_date(today, "medium", locale="fi") in finnish  # e.g. 23.11.2026
    assert format_date(today, "medium", locale="sv") in swedish  # e.g. 23 nov. 2026
    # English follows the locale's region, not the US style: British by default
    assert format_date(today, "medium", locale="en_GB") in english  # e.g. 23 Nov 2026
    assert "4 h/vko" in finnish and "4 tim/vecka" in swedish
