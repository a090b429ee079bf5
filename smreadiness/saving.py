"""Writing the full report (its format from the file's ending) or the assessment file."""

from __future__ import annotations

import re
from pathlib import Path

from smreadiness.session import Session


def default_name(session: Session, what: str) -> str:
    """``café-mokka-readiness.html`` (report) or ``café-mokka.toml`` (assessment): the name's
    letters kept, accents and all; HTML, the format a reader opens and prints anywhere."""
    slug = re.sub(r"[\W_]+", "-", session.name.casefold()).strip("-")[:60] or "assessment"
    return f"{slug}-readiness.html" if what == "report" else f"{slug}.toml"


def report_text(session: Session, suffix: str = ".txt") -> str:
    """The full report as ``smreadiness report`` writes it, in the format the ending names
    (.md Markdown, .html HTML, .json JSON, anything else text)."""
    from smreadiness.report.formats import for_suffix, render

    name = for_suffix(f"report{suffix}") or "text"
    return render(name, session.assessment, session.bank, session.evaluate(full=True))


def write_file(session: Session, what: str, target: Path) -> Path:
    """Write atomically, readable by the owner only (as ``-o`` and the saved assessments);
    raises StoreError naming the file when it cannot be written."""
    from smreadiness.files import atomic_write

    target = target.expanduser()
    if what == "report":
        from smreadiness.report.formats import for_suffix, render_bytes

        name = for_suffix(f"report{target.suffix.lower()}") or "text"
        data = render_bytes(name, session.assessment, session.bank, session.evaluate(full=True))
        atomic_write(target, data)
    else:
        from smreadiness.store.store import dump

        atomic_write(target, dump(session.assessment))
    return target
