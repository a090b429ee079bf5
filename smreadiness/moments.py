"""Dates and times read from files: range-checked, so converting them can never overflow."""

from __future__ import annotations

from datetime import UTC, date, datetime

EARLIEST_YEAR = 1970
LATEST_YEAR = 2999
"""Saved dates outside these years are refused: nothing real is dated there, and near the ends
of ``datetime``'s range a time-zone conversion overflows (``9999-12-31T23:59:59-23:59``)."""


def read_moment(value: object) -> datetime | None:
    """A TOML date-time, date or ISO 8601 text as an aware UTC datetime; None if it is none.

    A time without a date, an impossible date (``9999-99-99``) and a year outside
    :data:`EARLIEST_YEAR`-:data:`LATEST_YEAR` all give None.
    """
    if isinstance(value, str):
        if len(value) > 64:
            return None
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=UTC)
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else None
