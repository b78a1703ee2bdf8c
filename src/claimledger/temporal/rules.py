"""Rules that find temporal expressions in English news text and resolve them to calendar values.

Each rule is a regular expression and a resolver. Candidates from all rules compete for the text;
the longest wins, so "Monday, December 1, 2025" is one mention, not three. Hand-written because the
general parsers guess where news text needs restraint: dateparser reads "May" (the modal) as a
month and "We" as Wednesday, and it gives a bare "October" a day. Values follow the report contract
("YYYY", "YYYY-MM", "YYYY-MM-DD"); a range ("between 10 and 12 November", "last week") has its first
day as the value and its last day as `until`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from claimledger.document import Granularity
from claimledger.temporal.arith import (
    NUMBER_WORDS,
    WEEKDAYS,
    month_number,
    nearest_day,
    nearest_month,
    nearest_weekday,
    safe_date,
    shift_month,
    week_of,
)


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text, with its resolved value (None when unresolvable)."""

    start: int
    end: int
    value: str | None
    granularity: Granularity | None
    until: str | None = None
    relative: bool = False

    @property
    def day(self) -> date | None:
        """The value as a date when it names one day (used to resolve "the same day")."""
        if self.granularity != "day" or self.value is None:
            return None
        return date.fromisoformat(self.value)


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver may look at besides the match: the anchor, the clause's tense, the last day."""

    anchor: date | None
    future: bool
    previous: date | None


Resolved = tuple[str | None, Granularity | None, str | None]
UNRESOLVED: Resolved = (None, None, None)

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = _FULL_MONTH + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_NUMBER = r"\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_DASH = r"\s?[-–—]\s?"
# A four-digit number followed by what it counts is a count, not a year ("of 2000 soldiers").
_NOT_A_COUNT = (
    r"(?!\s+(?:soldiers|troops|servicemen|men|people|civilians|residents|children|tanks|drones|missiles|"
    r"shells|rounds|vehicles|buildings|homes|units|casualties|km|kilometres|kilometers|metres|meters|tonnes))"
)
_OPT_YEAR = rf"(?:,?\s+(?P<y>{_YEAR}))?"
_OPT_WEEKDAY = rf"(?:{_WEEKDAY},?\s+)?"
# Prepositions and modifiers that make a bare month or year temporal ("in May", "since 2014");
# without one, "May" is more often the modal verb and "2000" a count.
_TEMPORAL_PREP = (
    r"(?i:in|since|until|till|by|of|from|during|through|throughout|before|after|"
    r"early|late|mid|to|and|between|spring|summer|autumn|fall|winter|year)"
)


def _group(m: re.Match[str], *names: str) -> str:
    """The first of `names` that the rule has and that matched (ranges spell their start two ways)."""
    return next(m[name] for name in names if name in m.re.groupindex and m[name])


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(day: date | None, until: date | None = None) -> Resolved:
    if day is None:
        return UNRESOLVED
    return (day.isoformat(), "day", _iso(until))


def _month_value(year: int, month: int) -> Resolved:
    return (f"{year:04d}-{month:02d}", "month", None)


def _full_or_partial(year: str | None, month: int, day: int, ctx: Context) -> date | None:
    """A day with its year given, or a yearless one placed next to the anchor."""
    if year:
        return safe_date(int(year), month, day)
    if ctx.anchor is None:
        return None
    return nearest_day(month, day, ctx.anchor, future=ctx.future)


def _iso_date(m: re.Match[str], ctx: Context) -> Resolved:
    return _day(safe_date(int(m["y"]), int(m["m"]), int(m["d"])))


def _numeric_dmy(m: re.Match[str], ctx: Context) -> Resolved:
    return _day(safe_date(int(m["y"]), int(m["m"]), int(m["d"])))


def _day_month(m: re.Match[str], ctx: Context) -> Resolved:
    return _day(_full_or_partial(m["y"], month_number(m["mon"]), _day_number(m["d"]), ctx))


def _day_range(m: re.Match[str], ctx: Context) -> Resolved:
    month = month_number(_group(m, "mon", "mon_"))
    first = _full_or_partial(m["y"], month, _day_number(_group(m, "d", "d_")), ctx)
    if first is None:
        return UNRESOLVED
    last = safe_date(first.year, month, _day_number(m["d2"]))
    return _day(first, last) if last and last >= first else UNRESOLVED


def _month_year(m: re.Match[str], ctx: Context) -> Resolved:
    return _month_value(int(m["y"]), month_number(m["mon"]))


def _bare_month(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return UNRESOLVED
    rel = (m.groupdict().get("rel") or "").lower()
    future = ctx.future or rel == "next"
    if rel == "this":
        return _month_value(ctx.anchor.year, month_number(m["mon"]))
    year, month = nearest_month(month_number(m["mon"]), ctx.anchor, future=future, strict=bool(rel))
    return _month_value(year, month)


def _year(m: re.Match[str], ctx: Context) -> Resolved:
    return (m["y"], "year", None)


def _year_range(m: re.Match[str], ctx: Context) -> Resolved:
    first, last = m["y"], m["y2"]
    if len(last) == 2:
        last = first[:2] + last
    return (first, "year", last) if last > first else UNRESOLVED


_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _deictic_day(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return UNRESOLVED
    key = re.sub(r"\s+", " ", m[0].lower())
    offset = next(value for word, value in _DAY_OFFSETS.items() if key.startswith(word))
    return _day(ctx.anchor + timedelta(days=offset))


def anaphoric(
    resolver: Callable[[re.Match[str], Context], Resolved],
) -> Callable[[re.Match[str], Context], Resolved]:
    """Mark a resolver whose day counts from the last day named, so it does not become that day."""
    resolver.anaphoric = True  # type: ignore[attr-defined]
    return resolver


_ANAPHOR_OFFSETS = {"same": 0, "that": 0, "next": 1, "following": 1, "previous": -1, "before": -1}


@anaphoric
def _anaphoric_day(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the same day", "the next day": counted from the last day named before, else the anchor."""
    base = ctx.previous or ctx.anchor
    if base is None:
        return UNRESOLVED
    which = (m["which"] or m["before"] or "that").lower()
    return _day(base + timedelta(days=_ANAPHOR_OFFSETS[which]))


def _weekday(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return UNRESOLVED
    rel = (m.groupdict().get("rel") or "").lower()
    weekday = WEEKDAYS[m["wd"].lower()]
    if rel == "this":
        return _day(week_of(ctx.anchor)[0] + timedelta(days=weekday))
    future = rel == "next" or (ctx.future and rel != "last")
    return _day(nearest_weekday(weekday, ctx.anchor, future=future, strict=rel == "last"))


def _calendar_unit(m: re.Match[str], ctx: Context) -> Resolved:
    """ "last week", "this month", "next year", "earlier this month", "the past week"."""
    if ctx.anchor is None:
        return UNRESOLVED
    rel, unit, anchor = m["rel"].lower(), m["unit"].lower(), ctx.anchor
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel == "past":
        span = {"week": 7, "weekend": 7, "month": 30, "year": 365}[unit]
        return _day(anchor - timedelta(days=span - 1), anchor)
    if unit == "year":
        return (str(anchor.year + step), "year", None)
    if unit == "month":
        return _month_value(*shift_month(anchor.year, anchor.month, step))
    monday, sunday = week_of(anchor + timedelta(days=7 * step))
    if unit == "weekend":
        return _day(sunday - timedelta(days=1), sunday)
    return _day(monday, sunday)


def _ago(m: re.Match[str], ctx: Context) -> Resolved:
    """ "two days ago", "a month ago": back from the anchor by the unit, at that unit's grain."""
    if ctx.anchor is None:
        return UNRESOLVED
    count = NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
    unit = m["unit"].lower()
    if unit == "year":
        return (str(ctx.anchor.year - count), "year", None)
    if unit == "month":
        return _month_value(*shift_month(ctx.anchor.year, ctx.anchor.month, -count))
    days = count * (7 if unit == "week" else 1)
    return _day(ctx.anchor - timedelta(days=days))


def _past_n(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the past two weeks": a range ending at the anchor."""
    if ctx.anchor is None:
        return UNRESOLVED
    count = NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
    days = count * {"day": 1, "week": 7, "month": 30, "year": 365}[m["unit"].lower()]
    return _day(ctx.anchor - timedelta(days=days - 1), ctx.anchor)


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Context], Resolved], bool]


def _rule(pattern: str, resolver: Callable[[re.Match[str], Context], Resolved], *, relative: bool) -> Rule:
    return (re.compile(pattern), resolver, relative)


RULES: tuple[Rule, ...] = (
    _rule(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _iso_date, relative=False),
    _rule(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b", _numeric_dmy, relative=False),
    _rule(
        rf"\b{_OPT_WEEKDAY}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?![\w]){_OPT_YEAR}",
        _day_month,
        relative=False,
    ),
    _rule(
        rf"\b{_OPT_WEEKDAY}(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!,\d){_OPT_YEAR}", _day_month, relative=False
    ),
    _rule(
        rf"\b(?:(?i:between|from)\s+(?P<d>{_DAY})\s+(?:and|to|until|till|through)\s+|(?P<d_>{_DAY}){_DASH})"
        rf"(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?![\w]){_OPT_YEAR}",
        _day_range,
        relative=False,
    ),
    _rule(
        rf"\b(?:(?i:between|from)\s+(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\s+(?:and|to|until|till|through)\s+|"
        rf"(?P<mon_>{_MONTH})\s+(?P<d_>{_DAY}){_DASH})(?P<d2>{_DAY})\b{_OPT_YEAR}",
        _day_range,
        relative=False,
    ),
    _rule(
        rf"\b(?:(?i:early|late|mid)[- ])?(?P<mon>{_MONTH})(?![\w]),?\s+(?P<y>{_YEAR})\b",
        _month_year,
        relative=False,
    ),
    _rule(rf"\b{_TEMPORAL_PREP}[\s-]+(?P<t>(?P<mon>{_FULL_MONTH}))\b", _bare_month, relative=True),
    _rule(rf"\b(?P<t>(?P<rel>(?i:last|next|this))\s+(?P<mon>{_FULL_MONTH}))\b", _bare_month, relative=True),
    _rule(
        rf"\b(?:(?i:between|from)\s+)?(?P<y>{_YEAR})(?:{_DASH}|\s(?:and|to|until|till)\s)(?P<y2>{_YEAR}|\d{{2}})\b(?![-–.,]\d)",
        _year_range,
        relative=False,
    ),
    _rule(
        rf"\b{_TEMPORAL_PREP}[\s-]+(?P<t>(?P<y>{_YEAR}))\b(?![-–/.,]?\d)(?!\s*(?:%|percent)){_NOT_A_COUNT}",
        _year,
        relative=False,
    ),
    _rule(
        r"\b(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tonight|tomorrow|"
        r"last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b",
        _deictic_day,
        relative=True,
    ),
    _rule(
        r"\b(?i:the\s+(?P<which>same|next|following|previous)\s+day|that\s+day|the\s+day\s+(?P<before>before)\b)(?!\s+(?:of|yesterday))",
        _anaphoric_day,
        relative=True,
    ),
    _rule(
        rf"\b(?:(?P<rel>(?i:last|next|this|past|previous))\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?\b",
        _weekday,
        relative=True,
    ),
    _rule(
        r"\b(?i:(?:the\s+)?(?P<rel>last|this|next|past|previous|coming)\s+(?P<unit>week|weekend|month|year))\b"
        r"(?!\s*'s\b)",
        _calendar_unit,
        relative=True,
    ),
    _rule(
        r"\b(?i:(?:earlier|later)\s+(?P<rel>this)\s+(?P<unit>week|month|year))\b",
        _calendar_unit,
        relative=True,
    ),
    _rule(rf"\b(?i:(?P<n>{_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago)\b", _ago, relative=True),
    _rule(
        rf"\b(?i:(?:the\s+)?(?:past|last)\s+(?P<n>{_NUMBER})\s+(?P<unit>day|week|month|year)s)\b",
        _past_n,
        relative=True,
    ),
)

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|going\s+to|(?:is|are)\s+due\s+to|scheduled|upcoming|planned|"
    r"plans?\s+to|expected\s+to|set\s+to|(?:may|might|could)\s+(?!have\b|not\b|never\b|be\s+\w+ed\b)\w+)\b",
    re.IGNORECASE,
)
_CLAUSE_EDGE = re.compile(r"[.;:!?\"“”]|,\s|\bthat\b|\bwhen\b|\bafter\b|\bsaid\b")


def clause_is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] speaks of the future ("will meet on Monday").

    The clause is cut at punctuation and at "that"/"said", so "He said on Monday that talks will
    resume" keeps its Monday in the past.
    """
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, max(0, start - 160), start)), default=0)
    right_match = _CLAUSE_EDGE.search(text, end, end + 160)
    right = right_match.start() if right_match else min(len(text), end + 160)
    return bool(_FUTURE.search(text[left:start]) or _FUTURE.search(text[end:right]))


FutureTest = Callable[[int, int], bool]


def find_dates(
    text: str, published: date | None, future: FutureTest | None = None, rules: tuple[Rule, ...] = RULES
) -> list[Timex]:
    """Every temporal expression in `text`, resolved against `published` (relative ones stay None
    without it), in text order and without overlaps. `rules` are English unless given."""
    is_future = future or (lambda start, end: clause_is_future(text, start, end))
    found: list[Timex] = []
    previous: date | None = None
    for m, resolver, relative in _select(text, rules):
        start, end = _mention(m)
        value, granularity, until = resolver(m, Context(published, is_future(start, end), previous))
        timex = Timex(_with_since(text, start), end, value, granularity, until, relative)
        found.append(timex)
        if not getattr(
            resolver, "anaphoric", False
        ):  # "the next day" counts from the last day named outright
            previous = timex.day or previous
    return found


Candidate = tuple[re.Match[str], Callable[[re.Match[str], Context], Resolved], bool]


def _mention(m: re.Match[str]) -> tuple[int, int]:
    """The mention's span: group `t` where a rule matched context around it ("in" before "May")."""
    return m.span("t") if "t" in m.re.groupindex else m.span()


def _select(text: str, rules: tuple[Rule, ...]) -> list[Candidate]:
    """All rules' matches, the longest first claiming the text, returned in text order."""
    candidates = [
        (m, resolver, relative) for pattern, resolver, relative in rules for m in pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (_mention(c[0])[0] - _mention(c[0])[1], _mention(c[0])[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for candidate in candidates:
        start, end = _mention(candidate[0])
        if all(end <= s or e <= start for s, e in taken):
            taken.append((start, end))
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: _mention(c[0])[0])


_SINCE = re.compile(r"(?i:since)\s+$")


def _with_since(text: str, start: int) -> int:
    """Extend a mention over a preceding "since", which makes it the open start of a span."""
    m = _SINCE.search(text, max(0, start - 8), start)
    return m.start() if m else start
