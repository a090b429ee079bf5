"""Writing the full report (text, Markdown or HTML by the file's ending) or the assessment file."""

from __future__ import annotations

import io
import re
from pathlib import Path

from smreadiness.session import Session

REPORT_WIDTH = 100


def default_name(session: Session, what: str) -> str:
    """``bakery-aurora-readiness.txt`` (report) or ``bakery-aurora.toml`` (assessment)."""
    slug = re.sub(r"[^a-z0-9]+", "-", session.name.casefold()).strip("-")[:60] or "assessment"
    return f"{slug}-readiness.txt" if what == "report" else f"{slug}.toml"


def report_text(session: Session, suffix: str = ".txt") -> str:
    """The full report as ``smreadiness report`` writes it: .md Markdown, .html HTML, else text."""
    from smreadiness.history import change_since_previous
    from smreadiness.report.document import build_report

    evaluation = session.evaluate(full=True)
    doc = build_report(
        session.assessment,
        session.bank,
        evaluation,
        change_since_previous(session.assessment, session.bank, evaluation),
    )
    if suffix in (".md", ".markdown"):
        from smreadiness.report.markdown import render_markdown

        return render_markdown(doc)
    if suffix in (".html", ".htm"):
        from smreadiness.report.html import render_html

        return render_html(doc)
    from rich.console import Console

    from smreadiness.report.text import print_result, render_report

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=REPORT_WIDTH,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
        markup=False,
    )
    print_result(console, *render_report(doc, full=True))
    return buffer.getvalue()


def write_file(session: Session, what: str, target: Path) -> Path:
    """Write atomically; raises StoreError naming the file when it cannot be written."""
    from smreadiness.files import atomic_write

    target = target.expanduser()
    if what == "report":
        text = report_text(session, target.suffix.lower())
        atomic_write(target, text.encode("utf-8"), mode=0o644)
    else:
        from smreadiness.store.store import dump

        atomic_write(target, dump(session.assessment), mode=0o600)
    return target
