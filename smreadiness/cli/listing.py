"""``smreadiness list``: every saved assessment with its progress and verdict so far.

The rows come from the index (:mod:`smreadiness.index`), which keeps each file's overview, so
listing thousands of assessments reads only the files that changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from smreadiness.i18n import _
from smreadiness.index import overviews
from smreadiness.listing import Overview, list_row
from smreadiness.store import Store

if TYPE_CHECKING:
    from rich.console import Console


def list_rows(store: Store, language: str) -> Iterator[dict[str, Any]]:
    """One row per file, newest first; unreadable files are listed with their reason."""
    return (_row(found) for found in overviews(store, language))


def stream_list_json(out: TextIO, store: Store, language: str) -> None:
    """``list --format json``: the rows as the index spells them, written a chunk at a time
    (the same document :func:`list_rows` gives, one row per line)."""
    from smreadiness.index import saved_index

    today = datetime.now().astimezone().date().isoformat()
    index = saved_index(store, language)
    try:
        out.write("[")
        batch: list[str] = []
        written = False
        for row in index.json_rows(today):
            batch.append(row)
            if len(batch) >= 2_000:
                out.write(("," if written else "") + "\n  " + ",\n  ".join(batch))
                written, batch = True, []
        if batch:
            out.write(("," if written else "") + "\n  " + ",\n  ".join(batch))
            written = True
        out.write("\n]\n" if written else "]\n")
    finally:
        index.close()


def _row(found: Overview) -> dict[str, Any]:
    return list_row(found, datetime.now().astimezone().date())


def print_rows(console: Console, rows: list[dict[str, Any]]) -> None:  # noqa: C901 - one Text for all rows, for speed (see the docstring)
    """An aligned table, built as one ``Text``: a Rich ``Table`` of 1,000 rows takes ~0.4 s."""
    from rich.cells import cell_len
    from rich.text import Text

    from smreadiness.textsafe import clean
    from smreadiness.wording import VERDICT_STYLE, open_verdict_text, verdict_word

    if not rows:
        console.print(
            _('No saved assessments yet. Start one with: smreadiness new --name "Company"')
        )
        return
    cells: list[tuple[list[str], str]] = []
    for row in rows:
        name = clean(row.get("name") or "?", single_line=True)
        if len(name) > 40:
            name = name[:39] + "…"
        if "verdict" not in row:
            cells.append(
                (
                    [
                        clean(row["id"], single_line=True),
                        name,
                        "",
                        clean(row["error"], single_line=True),
                        "",
                        "",
                    ],
                    "red",
                )
            )
            continue
        verdict = verdict_word(row["verdict"])
        if not row["complete"]:
            verdict = open_verdict_text(row["worst"], row["best"])
        updated = row["updated"][:16].replace("T", " ")
        progress = f"{row['answered']}/{row['total']}"
        again = row.get("reassess") or ""
        if again and row.get("reassess_due"):
            again = _("due since {date}").format(date=again)
        cells.append(
            ([row["id"], name, progress, verdict, updated, again], VERDICT_STYLE[row["verdict"]])
        )
    header = [_("id"), _("name"), _("progress"), _("verdict"), _("updated"), _("look again")]
    if not any(values[-1] for values, _style in cells):
        header.pop()  # nothing finished yet: no empty column
        cells = [(values[:5], style) for values, style in cells]
    widths = [max(cell_len(h), *(cell_len(c[0][i]) for c in cells)) for i, h in enumerate(header)]
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(), "bold")
    for values, style in cells:
        out.append("\n")
        for index, value in enumerate(values):
            padded = value + " " * (widths[index] - cell_len(value))
            last = index == len(values) - 1
            out.append(padded.rstrip() if last else padded, style if index == 3 else "")
            if not last:
                out.append("  ")
    console.print(out, soft_wrap=True)
