"""Territorial-control claims in Russian and Ukrainian sentences, by verb and place (issue 12, first slice).

Without a parse, a sentence is a territorial-control claim when it holds a control verb (the
phrasings of issue 12: освободили, взяли под контроль, заняли, отошли, отступили; звільнили,
окупували, відійшли, утримують позиції, відбили штурм) and a place the places stage found. The
claimant is the speaker of the quote the sentence sits in; the stance is denied for a denial in the
sentence (опроверг, не соответствует действительности, фейк; спростував, неправда) and hedged for a
hedge (якобы, по неподтвержденным данным; нібито). Does not: find the acting side, the other claim
types, or a denial in the next sentence.
"""

from __future__ import annotations

import re

from claimledger.document import Claim, DateMention, Document, Place, Quote, Stance
from claimledger.quotes.cyrillic import CUE, NAME, sentence_speaker

_STEM = r"[а-яёіїєґ]*"
_N = r"(?:\S+\s+){0,2}?"  # "отбили 11 атак", "відбили дві атаки", "отразила три штурма"
_TO = r"\s+(?:\S+\s+){0,3}?(?:к|до|на|из|з|із|от|від)(?=\s)"  # "вышли к окраинам", "вийшли з Сіверська"
CONTROL = re.compile(
    rf"(?i)(?<!\w)(?:освобо[дж]{_STEM}|взял{_STEM}\s+под\s+(?:свой\s+)?контроль|занял{_STEM}|занят{_STEM}|"
    rf"отош(?:ел|ёл|ли|ла)|отступил{_STEM}|захвати{_STEM}|захват{_STEM}|захвач{_STEM}|взяти[еяию]|взятт[яюі]|(?<!полон\s)(?<!плен\s)взят[аоы]?(?!\s+(?:в|у)\s+(?:плен|полон))|"
    rf"звільни{_STEM}|звільнен{_STEM}|звільненн{_STEM}|окупува{_STEM}|окупован{_STEM}|"
    rf"окупаці(?:я|ю|ї|і|єю)|захопи{_STEM}|захопл{_STEM}|відійшл{_STEM}|відійшов|"
    rf"(?:утриму|удержива|удерж|трима|держ){_STEM}\s+(?:свої\s+|свои\s+)?(?:позиці|позици|оборон|рубеж|рубіж){_STEM}|"
    rf"удерживают|утримують|контролиру{_STEM}|контролю{_STEM}|"
    rf"(?:відбил|відбит|отбил|отбит|отрази|відбив|зупини|останови|зірва|сорва){_STEM}\s+{_N}"
    rf"(?:штурм|атак|наступ){_STEM}|"
    rf"(?:штурм|атак){_STEM}\s+(?:\S+\s+){{0,3}}?(?:отбит|відбит|отражен|відбиті){_STEM}|"
    rf"взяли\s+під\s+контроль|(?:под|під)\s+(?:\w+\s+)?контролем|зайшл{_STEM}|зайшов|зашл{_STEM}|заш[её]л|"
    rf"вошл{_STEM}|вош(?:ел|ёл)|увійшл{_STEM}|увійшов|ввійшл{_STEM}|продвинул{_STEM}|просунул{_STEM}|"
    rf"закрепил{_STEM}|закріпил{_STEM}|выбил{_STEM}\s+{_N}из|вибил{_STEM}\s+{_N}(?:з|із)|"
    rf"остави{_STEM}|залиши{_STEM}|вывел{_STEM}|выведен{_STEM}|вивел{_STEM}|виведен{_STEM}|"
    rf"окруж{_STEM}|оточ{_STEM}|(?:выш(?:ли|ел|ла)|вышед{_STEM}|выход{_STEM}|вийшл{_STEM}|вийшов|вихід{_STEM}|"
    rf"виход{_STEM}){_TO})(?!\w)"
)
DENIAL = re.compile(
    r"(?i)(?<!\w)(?:опроверг\w*|не\s+соответству\w*\s+действительности|фейк\w*|ложь|"
    r"спростува\w*|неправд\w*|не\s+відповіда\w*\s+дійсності|заперечу\w*|отрица\w*|"
    r"не\s+(?:был[аои]?\s+|було\s+)?(?:окупован|захвачен|захоплен|взят|занят)\w*)(?!\w)"
)
# "сообщило Минобороны России", "заявили в Генштабе", "по данным ТАСС", "за словами Сирського".
SOURCE = re.compile(
    rf"(?:(?i:{CUE})\s+(?:(?i:в|у)\s+)?|(?i:по\s+(?:данным|словам)|за\s+(?:даними|словами))\s+)(?P<who>{NAME})"
)
HEDGE = re.compile(
    r"(?i)(?<!\w)(?:якобы|по\s+неподтвержденным\s+данным|нібито|за\s+неперевіреними\s+даними|"
    r"предположительно|ймовірно|вероятно)(?!\w)"
)
# "город", "поселок", "місто", "село": a claim about the place named just before.
SETTLEMENT = re.compile(
    r"(?i)(?<!\w)(?:город|поселок|посёлок|село|деревн|місто|міст[аіо]|селище|населенн\w*\s+пункт|населен\w*\s+пункт)\w*"
)


def extract_cyrillic_claims(doc: Document) -> list[Claim]:
    """One territorial-control claim per sentence with a control verb and a place (or "the city"
    after one), and a denial of the claim just before it ("У ЗСУ відповіли, що це неправда")."""
    parsed = doc.parsed
    if parsed is None:
        return []
    places, dates, quotes = list(doc.get(Place)), list(doc.get(DateMention)), list(doc.get(Quote))
    claims: list[Claim] = []
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        text = doc.text[start:end]
        here = tuple(n for n, p in enumerate(places) if start <= p.start and p.end <= end)
        control = CONTROL.search(text)
        follows = bool(claims) and claims[-1].end >= start - 2 and bool(DENIAL.search(text))
        if control is None and not follows:
            continue
        if not here and SETTLEMENT.search(text):
            here = _last_town(places, start)
        if not here and claims and claims[-1].end >= start - 2:
            here = claims[-1].places  # "Накануне бригада отразила три штурма": the same place
        if not here:
            continue
        claims.append(_claim(doc, start, text, here, dates, quotes))
    return claims


def _last_town(places: list[Place], before: int) -> tuple[int, ...]:
    towns = [n for n, p in enumerate(places) if p.end <= before and p.feature not in ("region", "country")]
    return tuple(towns[-1:])


def _claim(
    doc: Document, start: int, text: str, here: tuple[int, ...], dates: list[DateMention], quotes: list[Quote]
) -> Claim:
    end = start + len(text)
    quote = next((n for n, q in enumerate(quotes) if q.start < end and start < q.end), None)
    claimant = quotes[quote].speaker.name if quote is not None else None
    if claimant is None:
        claimant = sentence_speaker(doc.text, start, end)
    if claimant is None and (source := SOURCE.search(text)) is not None:
        claimant = source["who"]
    day = next((d.value for d in dates if start <= d.start and d.end <= end), None)
    return Claim(start, start + len(text.rstrip()), "territorial_control", claimant, stance(text), here, day,
                 quote=quote)  # fmt: skip


def stance(text: str) -> Stance:
    if DENIAL.search(text):
        return "denied"
    if HEDGE.search(text):
        return "hedged"
    return "asserted"
