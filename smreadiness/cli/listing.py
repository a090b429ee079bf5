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
    from rich.table import Table
    from rich.text import Text

    from smreadiness.report.labels import VERDICT_STYLE, verdict_word
    from smreadiness.textsafe import clean

    if not rows:
        console.print("No saved assessments yet. Start one with: smreadiness new --name \"Your company\"")
        return
    table = Table(title=None, show_lines=False)
    for column in ("id", "name", "progress", "verdict", "updated"):
        table.add_column(column)
    for row in rows:
        if "verdict" not in row:
            table.add_row(
                row["id"], Text(clean(row.get("name") or "?")), "", Text(clean(row["error"]), style="red"), ""
            )
            continue
        verdict = Text(verdict_word(row["verdict"]), style=VERDICT_STYLE[row["verdict"]])
        if not row["complete"]:
            verdict.append(" so far" if not row["decided"] else " (decided)", style="dim")
        progress = f"{row['answered']}/{row['total']}"
        table.add_row(
            row["id"],
            Text(clean(row["name"], single_line=True)),
            progress,
            verdict,
            row["updated"][:16].replace("T", " "),
        )
    console.print(table)
