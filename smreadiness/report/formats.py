"""The report formats: one entry each (name, file endings, what it is), read by the CLI's
``--format`` choices and by anything that picks a format from a file name."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank
    from smreadiness.engine.result import Evaluation
    from smreadiness.store import Assessment

PLAIN_WIDTH = 100
"""Text reports written to files or pipes are laid out for this many columns."""


class ReportFormat(NamedTuple):
    name: str
    suffixes: tuple[str, ...]
    description: str
    binary: bool = False
    """Bytes, not text: never written to a terminal."""


REPORT_FORMATS: tuple[ReportFormat, ...] = (
    ReportFormat("text", (".txt",), "plain text, as on the terminal"),
    ReportFormat("md", (".md", ".markdown"), "Markdown, with the plan as a checklist"),
    ReportFormat("html", (".html", ".htm"), "one self-contained, printable HTML file"),
    ReportFormat("json", (".json",), "the JSON result (see `smreadiness schema`)"),
    ReportFormat("pdf", (".pdf",), "the HTML report printed to A4 by Chromium", binary=True),
)
NAMES = tuple(f.name for f in REPORT_FORMATS)


class FormatMismatch(ValueError):
    """``--format`` says one thing and the output file's ending another."""


def for_suffix(path: str) -> str | None:
    """The format a file name's ending names (``r.md`` -> ``md``), or None."""
    lowered = path.casefold()
    for entry in REPORT_FORMATS:
        if any(lowered.endswith(suffix) for suffix in entry.suffixes):
            return entry.name
    return None


def choose(explicit: str | None, output: str | None, default: str = "text") -> str:
    """``--format`` if given, else the output file's ending, else ``default``.

    Raises :class:`FormatMismatch` when both are given and disagree (``--format md -o r.html``).
    """
    implied = for_suffix(output) if output and output != "-" else None
    if explicit is not None:
        if implied is not None and implied != explicit:
            raise FormatMismatch(
                f"--format {explicit} does not match the file name {output!r} "
                f"(a .{output.rsplit('.', 1)[-1] if output else ''} file is {implied}); "
                "change one of them"
            )
        return explicit
    return implied or default


def is_binary(name: str) -> bool:
    return any(f.binary for f in REPORT_FORMATS if f.name == name)


def render_bytes(
    name: str,
    assessment: Assessment,
    bank: Bank,
    evaluation: Evaluation,
    *,
    full: bool = True,
) -> bytes:
    """The report as a file's bytes in format ``name``; PDF raises
    :class:`~smreadiness.report.pdf.PdfUnavailable` when it cannot be printed."""
    if name == "pdf":
        from smreadiness.report.pdf import html_to_pdf

        return html_to_pdf(render("html", assessment, bank, evaluation, full=full))
    return render(name, assessment, bank, evaluation, full=full).encode("utf-8")


def render(
    name: str,
    assessment: Assessment,
    bank: Bank,
    evaluation: Evaluation,
    *,
    full: bool = True,
) -> str:
    """The report as text in format ``name``, for a file, a pipe or a download."""
    if name == "json":
        from smreadiness.report.jsonout import dumps, result_document

        return dumps(result_document(assessment, evaluation))
    from smreadiness.history import change_since_previous
    from smreadiness.report.document import build_report

    doc = build_report(
        assessment, bank, evaluation, change_since_previous(assessment, bank, evaluation)
    )
    if name == "md":
        from smreadiness.report.markdown import render_markdown

        return render_markdown(doc)
    if name == "html":
        from smreadiness.report.html import render_html

        return render_html(doc)
    from smreadiness.report.text import print_result, render_report

    buffer = io.StringIO()
    print_result(plain_console(buffer), *render_report(doc, full=full))
    # Tables pad their cells to the column width: no trailing spaces in a file or a pipe.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def plain_console(file: Any) -> Any:
    """A Rich console for text that goes to a file or pipe: no colour, no markup, fixed width."""
    from rich.console import Console

    return Console(
        file=file,
        width=PLAIN_WIDTH,
        color_system=None,
        no_color=True,
        force_terminal=False,
        highlight=False,
        emoji=False,
        markup=False,
    )
