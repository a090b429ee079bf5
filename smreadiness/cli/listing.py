"""``smreadiness list``: every saved assessment with its progress and verdict so far."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smreadiness.problems import ProblemsError
from smreadiness.store import Store

if TYPE_CHECKING:
    from rich.console import Console

    from smreadiness.bank.model import Bank


def list_rows(store: Store, language: str) -> list[dict[str, Any]]:
    """One row per file; unreadable files are listed with their reason, never skipped."""
    from smreadiness.bank.loader import load_bank
    from smreadiness.engine import check_answers, evaluate_answers

    banks: dict[str, Bank | str] = {}
    rows: list[dict[str, Any]] = []
    for entry in store.entries():
        row: dict[str, Any] = {"id": entry.id, "file": str(entry.path)}
        assessment = entry.assessment
        if assessment is None:
            row.update(name=None, error=f"unreadable: {entry.problem}")
            rows.append(row)
            continue
        row.update(name=assessment.name, updated=assessment.updated.isoformat())
        bank = banks.get(assessment.bank)
        if bank is None:
            try:
                bank = load_bank(assessment.bank, assessment.language or language)
            except ProblemsError as error:
                bank = "; ".join(str(p) for p in error.problems)
            banks[assessment.bank] = bank
        if isinstance(bank, str):
            row["error"] = f"bank unavailable: {bank}"
            rows.append(row)
            continue
        answers, problems = check_answers(bank, assessment.answers)
        result = evaluate_answers(bank, answers, what_if=False, plan=False)
        row.update(
            answered=result.answered_count,
            total=result.question_count,
            complete=result.complete,
            verdict=result.verdict,
            decided=result.decided,
            score=result.score,
        )
        if problems:
            row["error"] = f"{len(problems)} answers no longer fit the bank"
        rows.append(row)
    return rows


def print_rows(console: Console, rows: list[dict[str, Any]]) -> None:
    """An aligned table, built as one ``Text``: a Rich ``Table`` of 1,000 rows takes ~0.4 s."""
    from rich.cells import cell_len
    from rich.text import Text

    from smreadiness.report.labels import VERDICT_STYLE, verdict_word
    from smreadiness.textsafe import clean

    if not rows:
        console.print('No saved assessments yet. Start one with: smreadiness new --name "Company"')
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
                    ],
                    "red",
                )
            )
            continue
        verdict = verdict_word(row["verdict"])
        if not row["complete"]:
            verdict += " (decided)" if row["decided"] else " so far"
        updated = row["updated"][:16].replace("T", " ")
        progress = f"{row['answered']}/{row['total']}"
        cells.append(([row["id"], name, progress, verdict, updated], VERDICT_STYLE[row["verdict"]]))
    header = ["id", "name", "progress", "verdict", "updated"]
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
