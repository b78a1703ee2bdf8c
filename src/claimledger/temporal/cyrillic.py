"""Rules for Russian and Ukrainian temporal expressions, resolved like the English ones.

Covers what war reporting in both languages uses most (issue 12): "30 ноября", "2 грудня 2025 года",
"в ночь на 12 марта" / "у ніч на 5 травня" (the day the night runs into), "вчера"/"вчора",
"сегодня"/"сьогодні", "позавчера", "накануне"/"напередодні" (the day before the last day named),
weekdays ("в понедельник", "у середу", "в прошлую пятницу") and "на прошлой неделе"/"минулого
тижня", "в этом месяце", "в прошлом году". Month names are matched by stem, so every case form counts.
A bare weekday is the last one unless its clause has a future verb and no past-tense verb;
"днем ранее" is the eve of the last day named where that day is in the week before publication;
"накануне"/"напередодні" too, but only where that day stands in the same sentence or the one
before, in the narrator's words (not a quotation), else it is the day before publication. "учора"
is "вчора". Days spelled out as ordinals ("тридцатого ноября", "п'ятого травня") and "три дня
назад", "два тижні тому", "торік" are read too. Does not: read seasons.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from claimledger.temporal.arith import nearest_day, nearest_weekday, safe_date, shift_month, week_of
from claimledger.temporal.rules import UNRESOLVED, Context, Resolved, Rule, Timex, anaphoric, find_dates

# Month stems, Russian then Ukrainian; each matches all case forms ("ноября", "листопада").
_MONTHS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма[яйе]": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "травн?": 5, "черв": 6, "лип": 7, "серп": 8,
    "верес": 9, "жовт": 10, "листопад": 11, "груд": 12,
}  # fmt: skip
MONTH = "(?:" + "|".join(rf"{stem}[а-яіїєґ]*" for stem in _MONTHS) + ")"
_MONTH_PATTERNS = [(re.compile(rf"^{stem}", re.IGNORECASE), n) for stem, n in _MONTHS.items()]
# Weekdays in every case form, Russian понедельник..воскресенье, Ukrainian понеділок..неділя: whole
# forms, since a bare stem also begins other words ("средней", "у середині", "четвертого").
_WEEKDAYS: dict[str, int] = {
    "понедельник(?:а|у|ом|е)?": 0, "вторник(?:а|у|ом|е)?": 1, "сред(?:а|у|ы|е|ой)": 2,
    "четверг(?:а|у|ом|е)?": 3, "пятниц(?:а|у|ы|е|ей)": 4, "суббот(?:а|у|ы|е|ой)": 5,
    "воскресень(?:е|я|ю|ем)": 6,
    "понеділ(?:ок|ка|ку|ком|ці)": 0, "вівтор(?:ок|ка|ку|ком)": 1, "серед(?:а|у|и|і|ою)": 2,
    "четвер(?:га|гу|гом|зі)?": 3, "п[ʼ’']?ятниц(?:я|і|ю|ею)": 4, "субот(?:а|и|у|і|ою)": 5,
    "неділ(?:я|і|ю|ею)": 6,
}  # fmt: skip
WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_WEEKDAY_PATTERNS = [(re.compile(rf"^(?:{stem})$", re.IGNORECASE), n) for stem, n in _WEEKDAYS.items()]
DAY_OFFSETS: dict[str, int] = {
    "сегодня": 0, "сьогодні": 0, "вчера": -1, "вчора": -1, "учора": -1, "позавчера": -2, "позавчора": -2,
    "позаучора": -2, "завтра": 1, "послезавтра": 2, "післязавтра": 2,
}  # fmt: skip
_EVE = r"накануне|напередодні|дн[её]м\s+(?:ранее|раньше|раніше)|за\s+день\s+до\s+(?:этого|того|цього|того)"
_BEFORE = re.compile(rf"(?i)^(?:{_EVE})$")
# "прошлой неделе", "прошлую пятницу", "минулого тижня", "минулої п'ятниці": the previous one.
LAST = r"(?:прошл|минувш|минул|предыдущ|попередн)[а-яіїєґ]*"
NEXT = r"(?:следующ|наступн|будущ)[а-яіїєґ]*"
THIS = r"(?:эт|ц)[а-яіїєґ]*"
UNITS: dict[str, str] = {"недел": "week", "тижн": "week", "тиж": "week", "месяц": "month",
                         "місяц": "month", "год": "year", "рок": "year", "рік": "year"}  # fmt: skip
UNIT = r"(?:недел|тижн?|месяц|місяц|год|рок|рік)[а-яіїєґ]*"
_FUTURE = re.compile(
    r"(?i)(?<!\w)(?:будет|будут|буде|будуть|планиру(?:ет|ют|ем)|планує|планують|намерен\w*|"
    r"збира(?:є|ють|ється|ються)|собира(?:ет|ют|ется|ются)|продлит(?:ся)?|продолжит(?:ся)?|завершит(?:ся)?|"
    r"\w+тим(?:е|уть))(?!\w)"
)
# A past-tense verb (Russian -л/-ла/-ли/-ло, reflexive too; Ukrainian -ла/-ли/-ло/-вся): the narrative
# is about what happened, so a bare weekday beside it is the last one, not the next.
_PAST = re.compile(r"(?i)(?<!\w)[а-яёіїєґ'’]{3,}(?:ли|ла|ло|лся|лась|лись|лось|лися|лася|вся)(?!\w)")
_CLAUSE = re.compile(r"[.!?\n;]|,\s+(?:а|но|але|однак|однако)\s|\s[—–]\s")


def month_number(word: str) -> int:
    return next(n for pattern, n in _MONTH_PATTERNS if pattern.match(word))


def weekday_number(word: str) -> int:
    return next(n for pattern, n in _WEEKDAY_PATTERNS if pattern.match(word))


def unit_of(word: str) -> str:
    lowered = word.casefold()
    return next(unit for stem, unit in UNITS.items() if lowered.startswith(stem))


def step_of(word: str) -> int:
    if re.match(LAST, word, re.IGNORECASE):
        return -1
    if re.match(NEXT, word, re.IGNORECASE):
        return 1
    return 0


def is_before(word: str) -> bool:
    return bool(_BEFORE.match(word))


def clause_is_future(text: str, start: int, end: int) -> bool:
    """A future verb in the same clause ("встреча будет в понедельник") and no past-tense verb there
    ("в четверг войска заняли…, а в субботу будут переговоры": Thursday is the last one)."""
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    after = _CLAUSE.search(text, end)
    clause = text[left : after.start() if after else len(text)]
    return bool(_FUTURE.search(clause)) and not _PAST.search(clause)


def calendar_unit(step: int, unit: str, anchor: date) -> Resolved:
    """(value, granularity, until) for "на прошлой неделе", "в этом месяце", "в следующем году"."""
    if unit == "year":
        return (str(anchor.year + step), "year", None)
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, step)
        return (f"{year:04d}-{month:02d}", "month", None)
    monday, sunday = week_of(anchor + timedelta(days=7 * step))
    return (monday.isoformat(), "day", sunday.isoformat())


def weekday_day(weekday: int, step: int, anchor: date, *, future: bool) -> date:
    if step == 0 and not future:
        return nearest_weekday(weekday, anchor, future=False)
    return nearest_weekday(weekday, anchor, future=step > 0 or future, strict=step < 0)


def _day(day: date | None, until: date | None = None) -> Resolved:
    if day is None:
        return UNRESOLVED
    return (day.isoformat(), "day", until.isoformat() if until else None)


def _day_month(m: re.Match[str], ctx: Context) -> Resolved:
    month, day = month_number(m["mon"]), int(m["d"])
    if m["y"]:
        return _day(safe_date(int(m["y"]), month, day))
    if ctx.anchor is None:
        return UNRESOLVED
    return _day(nearest_day(month, day, ctx.anchor, future=ctx.future))


# Nights named from the publication day, as the English rules read "last night" (-1) and "tonight"
# (0): "прошлой ночью", "минулої ночі"; "этой ночью", "цієї ночі".
_NIGHTS: dict[str, int] = {
    r"прошлой\s+ночью": -1, r"минувшей\s+ночью": -1, r"минулої\s+ночі": -1, r"этой\s+ночью": 0,
    r"сегодня\s+ночью": 0, r"цієї\s+ночі": 0, r"сьогодні\s+вночі": 0,
}  # fmt: skip


def _deictic(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return UNRESOLVED
    return _day(ctx.anchor + timedelta(days=DAY_OFFSETS[m[0].casefold()]))


def _night(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return UNRESOLVED
    offset = next(n for pattern, n in _NIGHTS.items() if re.fullmatch(pattern, m[0], re.IGNORECASE))
    return _day(ctx.anchor + timedelta(days=offset))


def _numeric(m: re.Match[str], ctx: Context) -> Resolved:
    """ "03.11.2026", "3.11.2026": day, month and year in figures, as official texts write them."""
    return _day(safe_date(int(m["y"]), int(m["m"]), int(m["d"])))


@anaphoric
def _day_before(m: re.Match[str], ctx: Context) -> Resolved:
    """ "накануне": the day before the last day named where that is a day of the past week, else the
    day before publication (a day long past or still to come is no anchor for "the eve")."""
    base = ctx.previous
    if ctx.anchor is not None and (
        base is None or not timedelta(0) <= ctx.anchor - base <= timedelta(days=7)
    ):
        base = ctx.anchor
    return _day(base - timedelta(days=1)) if base else UNRESOLVED


def _month(m: re.Match[str], ctx: Context) -> Resolved:
    """ "в ноябре", "с начала мая", "наприкінці листопада": the month, the latest one on or before
    publication (the next one where the clause speaks of the future)."""
    month = month_number(m["mon"])
    if m["y"]:
        return (f"{int(m['y']):04d}-{month:02d}", "month", None)
    if ctx.anchor is None:
        return UNRESOLVED
    year = ctx.anchor.year
    if ctx.future and month < ctx.anchor.month:
        year += 1
    elif not ctx.future and month > ctx.anchor.month:
        year -= 1
    return (f"{year:04d}-{month:02d}", "month", None)


def _year(m: re.Match[str], ctx: Context) -> Resolved:
    """ "в 2022 году", "у 2022 році"; "с начала года", "з початку року": the publication year."""
    if m["y"]:
        return (m["y"], "year", None)
    return (str(ctx.anchor.year), "year", None) if ctx.anchor else UNRESOLVED


def _weekend(m: re.Match[str], ctx: Context) -> Resolved:
    """ "на минувших выходных", "минулих вихідних": the last Saturday and Sunday before publication."""
    if ctx.anchor is None:
        return UNRESOLVED
    saturday = nearest_weekday(5, ctx.anchor, future=False, strict=True)
    return (saturday.isoformat(), "day", (saturday + timedelta(days=1)).isoformat())


def _weekday(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return UNRESOLVED
    step = step_of(m["rel"] or "")
    return _day(weekday_day(weekday_number(m["wd"]), step, ctx.anchor, future=ctx.future))


def _unit(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return UNRESOLVED
    return calendar_unit(step_of(m["rel"]), unit_of(m["unit"]), ctx.anchor)


# Ordinal stems, Russian then Ukrainian, longest first ("пятнадцатого" before "пятого"); with
# `_ORDINAL_END` they read a day spelled out: "тридцатого ноября", "п'ятого травня", "на первое мая".
_AP = "[ʼ’']"
_ORDINALS: dict[str, int] = {
    "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
    "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20,
    "тридцат": 30, "перв": 1, "втор": 2, "треть": 3, "четв[её]рт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10,
    "одинадцят": 11, "дванадцят": 12, "тринадцят": 13, "чотирнадцят": 14, f"п{_AP}?ятнадцят": 15,
    "шістнадцят": 16, "сімнадцят": 17, "вісімнадцят": 18, f"дев{_AP}?ятнадцят": 19, "двадцят": 20,
    "тридцят": 30, "перш": 1, "друг": 2, "трет": 3, f"п{_AP}ят": 5, "шост": 6, "сьом": 7,
    f"дев{_AP}ят": 9,
}  # fmt: skip
_ORDINAL_END = "(?:ого|ое|ому|ом|ьего|ье|ьему|ього|є|ьому|е)"
ORDINAL = "(?:" + "|".join(_ORDINALS) + rf"){_ORDINAL_END}"
_ORDINAL_PATTERNS = [
    (re.compile(rf"^(?:{stem}){_ORDINAL_END}$", re.IGNORECASE), n) for stem, n in _ORDINALS.items()
]
_TENS = {"двадцать": 20, "тридцать": 30, "двадцять": 20, "тридцять": 30}
# Counts for "три дня назад", "два тижні тому".
_COUNTS: dict[str, int] = {
    "один": 1, "одну": 1, "одна": 1, "два": 2, "две": 2, "дві": 2, "три": 3, "четыре": 4, "чотири": 4,
    "пять": 5, "п'ять": 5, "п’ять": 5, "пʼять": 5, "шесть": 6, "шість": 6, "семь": 7, "сім": 7,
    "восемь": 8, "вісім": 8, "девять": 9, "дев'ять": 9, "дев’ять": 9, "десять": 10,
}  # fmt: skip
COUNT = r"(?:\d{1,2}|" + "|".join(sorted(_COUNTS, key=len, reverse=True)) + ")"
_AGO_UNIT = r"(?:дн|сут|недел|тижн|тижд|месяц|місяц|год|лет|рок|рік)[а-яіїєґ]*"


def ordinal_number(word: str) -> int:
    return next(n for pattern, n in _ORDINAL_PATTERNS if pattern.match(word))


def _spelled_day(m: re.Match[str], ctx: Context) -> Resolved:
    """ "тридцатого ноября", "двадцять п'ятого лютого": the day number spelled out as an ordinal."""
    day = ordinal_number(m["ord"]) + (_TENS[m["tens"].casefold()] if m["tens"] else 0)
    month = month_number(m["mon"])
    if day > 31 or (m["tens"] and ordinal_number(m["ord"]) > 9):
        return UNRESOLVED
    if m["y"]:
        return _day(safe_date(int(m["y"]), month, day))
    if ctx.anchor is None:
        return UNRESOLVED
    return _day(nearest_day(month, day, ctx.anchor, future=ctx.future))


def _last_year(m: re.Match[str], ctx: Context) -> Resolved:
    """ "торік" (last year), "позаторік" (the year before)."""
    if ctx.anchor is None:
        return UNRESOLVED
    return (str(ctx.anchor.year - (2 if m[0].casefold().startswith("поза") else 1)), "year", None)


def _ago(m: re.Match[str], ctx: Context) -> Resolved:
    """ "три дня назад", "два тижні тому": back from publication by the unit, at its grain."""
    if ctx.anchor is None:
        return UNRESOLVED
    count = int(m["n"]) if m["n"].isdigit() else _COUNTS[m["n"].casefold()]
    unit = m["unit"].casefold()
    if unit.startswith(("год", "лет", "рок", "рік")):
        return (str(ctx.anchor.year - count), "year", None)
    if unit.startswith(("месяц", "місяц")):
        year, month = shift_month(ctx.anchor.year, ctx.anchor.month, -count)
        return (f"{year:04d}-{month:02d}", "month", None)
    days = count * (7 if unit.startswith(("недел", "тижн", "тижд")) else 1)
    return _day(ctx.anchor - timedelta(days=days))


_YEAR = r"(?:\s+(?P<y>(?:19|20)\d{2})(?:\s*(?:года|году|року|р\.|г\.))?)?"
_B = r"(?<![\w])"
_E = r"(?![\w])"
RULES: tuple[Rule, ...] = (
    (
        re.compile(
            rf"(?i:{_B}(?:в|у)\s+ніч\s+на\s+|{_B}в\s+ночь\s+на\s+)?{_B}(?P<d>[0-3]?\d)(?:-?(?:го|е|ого|ге|те))?\s+(?P<mon>{MONTH}){_E}{_YEAR}",
            re.IGNORECASE,
        ),
        _day_month,
        False,
    ),
    (
        re.compile(
            rf"{_B}(?i:(?:(?:с|со|до|к|от|з|із|від)\s+)?(?:начал[аое]|конц[аеу]|середин[аеыиуі]|початку|кінця|"
            rf"середини)\s+|в\s+(?:начале|конце|середине)\s+|(?:на\s+початку|наприкінці|в\s+кінці|у\s+кінці|"
            rf"в\s+середині|у\s+середині)\s+|(?:в|у|з|із|с|со|перед|за|після|после|от|від|к)\s+)(?P<mon>{MONTH}){_E}"
            rf"{_YEAR}",
            re.IGNORECASE,
        ),
        _month,
        True,
    ),
    (
        re.compile(
            rf"{_B}(?i:(?:в|у)\s+(?P<y>(?:19|20)\d{{2}})\s+(?:году|році|року|г\.|р\.)|(?:с|со|з|із)\s+(?:начала|початку)\s+"
            rf"(?:этого\s+|цього\s+)?(?:года|року)){_E}",
        ),
        _year,
        True,
    ),
    (
        re.compile(rf"{_B}(?i:(?:на\s+)?(?:минувш|прошл|минул)[а-яі]*\s+(?:выходн|вихідн)[а-яі]*){_E}"),
        _weekend,
        True,
    ),
    (
        re.compile(
            rf"(?i:{_B}(?:в|у)\s+ніч\s+на\s+|{_B}в\s+ночь\s+на\s+)?{_B}(?:(?P<tens>{'|'.join(_TENS)})\s+)?"
            rf"(?P<ord>{ORDINAL})\s+(?P<mon>{MONTH}){_E}{_YEAR}",
            re.IGNORECASE,
        ),
        _spelled_day,
        False,
    ),
    (re.compile(rf"{_B}(?i:позаторік|торік){_E}"), _last_year, True),
    (re.compile(rf"{_B}(?i:{'|'.join(_NIGHTS)}){_E}"), _night, True),
    (
        re.compile(rf"{_B}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d{{2}}){_E}(?!\.\d)"),
        _numeric,
        False,
    ),
    (re.compile(rf"{_B}(?i:(?P<n>{COUNT})\s+(?P<unit>{_AGO_UNIT})\s+(?:назад|тому)){_E}"), _ago, True),
    (re.compile(rf"{_B}(?i:{'|'.join(DAY_OFFSETS)}){_E}"), _deictic, True),
    (re.compile(rf"{_B}(?i:{_EVE}){_E}"), _day_before, True),
    (
        re.compile(
            rf"{_B}(?i:(?:во?|у)\s+)?(?P<t>(?:(?P<rel>{LAST}|{NEXT}|{THIS})\s+)?(?P<wd>{WEEKDAY})){_E}",
            re.IGNORECASE,
        ),
        _weekday,
        True,
    ),
    (
        re.compile(
            rf"{_B}(?i:(?:на|в|у)\s+)?(?P<t>(?P<rel>{LAST}|{NEXT}|{THIS})\s+(?P<unit>{UNIT})){_E}",
            re.IGNORECASE,
        ),
        _unit,
        True,
    ),
)


def find_cyrillic_dates(text: str, published: date | None) -> list[Timex]:
    """`find_dates` with the Russian and Ukrainian rules, "накануне" then read against its antecedent
    (`_eve_of`)."""
    found = find_dates(text, published, lambda start, end: clause_is_future(text, start, end), RULES)
    if published is None:
        return found
    out: list[Timex] = []
    for i, timex in enumerate(found):
        if timex.relative and _EVE_WORD.match(text[timex.start : timex.end]):
            base = _eve_of(text, found[:i], timex.start, published) or published
            out.append(replace(timex, value=(base - timedelta(days=1)).isoformat(), granularity="day"))
        else:
            out.append(timex)
    return out


# "накануне"/"напередодні" alone: "днем ранее", "за день до этого" always count from the day named.
_EVE_WORD = re.compile(r"(?i)^(?:накануне|напередодні)$")
_SENTENCE_END = re.compile(r"[.!?…]+[»“\"]?\s+(?=[—–-]?\s*[«„\"]?[А-ЯЁІЇЄҐA-Z0-9])")


def _eve_of(text: str, before: list[Timex], at: int, published: date) -> date | None:
    """The day "накануне" is the eve of: the last day named outright, where it stands in the same
    sentence or the one before, in the narrator's words (not inside a quotation or dash speech) and
    no more than a week before publication (`_day_before`); otherwise none, so the eve is of the
    publication day. Further back, or in a speaker's words, a named day is no antecedent: news
    writes "накануне" for the day before the report ("ВСУ накануне обстреляли ..." two sentences
    after "в ночь на 19 октября")."""
    previous = next((t for t in reversed(before) if t.day is not None and not _eve_word(text, t)), None)
    if previous is None or previous.day is None:
        return None
    if not timedelta(0) <= published - previous.day <= timedelta(days=7):
        return None
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= at)]
    if previous.start < starts[-2 if len(starts) > 1 else -1]:
        return None
    if _in_speech(text, previous.start, starts):
        return None
    return previous.day


def _eve_word(text: str, timex: Timex) -> bool:
    return bool(_BEFORE.match(text[timex.start : timex.end]))  # no eve is another's antecedent


def _in_speech(text: str, at: int, starts: list[int]) -> bool:
    """Inside «…»/„…“/"…" quotation marks, or in a sentence opened by a dash (direct speech)."""
    head = text[:at]
    if head.count("«") > head.count("»") or head.count("„") > head.count("“") or head.count('"') % 2:
        return True
    sentence = max((s for s in starts if s <= at), default=0)
    return text[sentence:at].lstrip().startswith(("—", "–", "- "))
