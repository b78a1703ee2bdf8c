"""Calendar arithmetic for resolving temporal expressions against an anchor (publication) date.

Pure functions over `datetime.date`; every one returns None rather than raising when the calendar
has no such day (30 February), so a misparsed expression becomes an unresolved value, not an error.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

MONTHS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.day_name)}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The day, or None where the calendar has none (31 June, 29 February of a common year)."""
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def nearest_day(month: int, day: int, anchor: date, *, future: bool) -> date | None:
    """A yearless "November 30th": the latest one on or before `anchor`, or the first on or after it.

    News reports mostly look back, so the past reading is the default; the future one is chosen only
    when the clause speaks of the future ("talks will open on 5 December").
    """
    this_year = safe_date(anchor.year, month, day)
    if future:
        if this_year is not None and this_year >= anchor:
            return this_year
        return safe_date(anchor.year + 1, month, day)
    if this_year is not None and this_year <= anchor:
        return this_year
    return safe_date(anchor.year - 1, month, day)


def nearest_month(month: int, anchor: date, *, future: bool, strict: bool = False) -> tuple[int, int]:
    """A yearless month ("in October"): its most recent (or, for the future, next) occurrence.

    `strict` excludes the anchor's own month, as "last October" and "next March" do.
    """
    if future:
        ahead = month > anchor.month if strict else month >= anchor.month
        return (anchor.year if ahead else anchor.year + 1, month)
    behind = month < anchor.month if strict else month <= anchor.month
    return (anchor.year if behind else anchor.year - 1, month)


def nearest_weekday(weekday: int, anchor: date, *, future: bool, strict: bool = False) -> date:
    """A weekday ("on Monday"): the latest on or before the anchor, or the next after it.

    A report published on a Monday that says "on Monday" means that day; one that says "will meet on
    Monday" means the Monday after, so the future reading is always strictly later.
    """
    if future:
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def week_of(day: date) -> tuple[date, date]:
    """The ISO week (Monday to Sunday) holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1
