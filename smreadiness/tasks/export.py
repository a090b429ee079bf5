"""The plan as a spreadsheet (CSV) and a calendar (iCalendar, RFC 5545).

CSV: one row per action (id, step, title, owner, due, size, status), RFC 4180 lines; a cell
that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is prefixed with ``'``, as OWASP advises against CSV injection.

iCalendar: a VTODO per action with a due date and a VEVENT for the re-assessment; CRLF line
ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT escaped. UIDs are made
from the assessment and action ids, so importing a newer export updates the same entries
instead of adding copies.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from smreadiness.tasks.worklist import Task
from smreadiness.textsafe import clean

CSV_COLUMNS = ("id", "step", "title", "owner", "due", "size", "status")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ICS_STATUS = {
    "todo": "NEEDS-ACTION",
    "doing": "IN-PROCESS",
    "done": "COMPLETED",
    "dropped": "CANCELLED",
}
_PRODID = "-//smreadiness//plan//EN"
_UID_DOMAIN = "smreadiness.plan"


def safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: control characters out, formulas defused."""
    text = clean(text, single_line=True)
    return "'" + text if text.startswith(_FORMULA_START) else text


def plan_csv(tasks: list[Task]) -> str:
    """The plan as CSV text (header row first, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for task in tasks:
        writer.writerow(
            [
                safe_cell(task.id),
                safe_cell(task.step_title or task.step),
                safe_cell(task.title),
                safe_cell(task.owner),
                task.due.isoformat() if task.due else "",
                task.size,
                task.status,
            ]
        )
    return out.getvalue()


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped."""
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets: CRLF and a space before each continuation."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a UTF-8 character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(parts) + "\r\n"


def _uid(assessment_id: str, part: str) -> str:
    return f"{assessment_id}-{part}@{_UID_DOMAIN}"


def _day(when: date) -> str:
    return when.strftime("%Y%m%d")


def plan_ics(
    tasks: list[Task],
    *,
    assessment_id: str,
    name: str,
    reassess: date | None,
    stamp: datetime,
    reassess_title: str,
    owner_word: str,
) -> str:
    """The plan as an iCalendar document: actions with a due date, and the re-assessment."""
    utc = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for task in tasks:
        if task.due is None:
            continue
        detail = task.detail
        if task.owner:
            detail = f"{owner_word}: {task.owner}\n\n{detail}" if detail else task.owner
        lines += [
            "BEGIN:VTODO",
            f"UID:{_uid(assessment_id, task.id)}",
            f"DTSTAMP:{utc}",
            f"LAST-MODIFIED:{utc}",
            f"SUMMARY:{_escape(task.title)}",
            f"DESCRIPTION:{_escape(detail)}",
            f"DUE;VALUE=DATE:{_day(task.due)}",
            f"STATUS:{_ICS_STATUS.get(task.status, 'NEEDS-ACTION')}",
        ]
        if task.status == "done":
            lines.append("PERCENT-COMPLETE:100")
        if task.size:
            lines.append(f"CATEGORIES:{task.size}")
        lines.append("END:VTODO")
    if reassess is not None:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(assessment_id, 'reassess')}",
            f"DTSTAMP:{utc}",
            f"DTSTART;VALUE=DATE:{_day(reassess)}",
            f"DTEND;VALUE=DATE:{_day(reassess + timedelta(days=1))}",
            f"SUMMARY:{_escape(reassess_title)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
