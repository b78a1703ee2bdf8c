"""Territorial-control claims in Russian and Ukrainian sentences, by verb and place (issue 12, first slice).

Without a parse, a sentence is a territorial-control claim when it holds a control verb (the
phrasings of issue 12: освободили, взяли под контроль, заняли, отошли, отступили; звільнили,
окупували, відійшли, утримують позиції, відбили штурм) and a place the places stage found. The
claimant is the speaker of the quote the sentence sits in; the stance is denied for a denial in the
sentence (опроверг, не соответствует действительности, фейк; спростував, неправда) and hedged for a
hedge (якобы, по неподтвержденным данным; нібито). Passive and nominal phrasings count too (атаки
отбиты, перейшло під контроль, повний контроль, продолжают оборону); a failed attempt (не вдалося
захопити), "назвали фейком/брехнею" after a claim and "попри заяви про захоплення X" (as English
"despite claims of capturing X") are denials. A sentence with no claimant of its own goes on reporting
the previous sentence's source; a denial in a contrasting clause ("…, однак у ЗСУ це назвали
неправдою") is the denier's. Does not: find the acting side, the other claim types, or split one
sentence into a claim and its denial.
"""

from __future__ import annotations

import re
from dataclasses import replace

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
    rf"закрепил{_STEM}|закріпил{_STEM}|выбил{_STEM}|вибил{_STEM}|выбит{_STEM}|вибит{_STEM}|зайня{_STEM}|"
    rf"(?:полн|повн|повністю|полностью)\w*\s+(?:\w+\s+)?контрол{_STEM}|"
    rf"(?:втрати|утрати|потеря|потерял|установи|встанови|восстанови|відновил|відновив|верну|поверну|"
    rf"взя|взял|взяли|отримал|получил|получи)\w*\s+(?:\w+\s+)?контрол{_STEM}|"
    rf"(?:верну|поверну)\w*\s+(?:\w+\s+)?(?:позици|позиці){_STEM}|"
    rf"вытесн{_STEM}|витісн{_STEM}|зачисти(?:л|ли|ла|в){_STEM}|"
    rf"(?:перейш|перешл|перешел|перешёл|перейшов|переходит|переходить)\w*\s+(?:под|під)\s+(?:\w+\s+)?контрол{_STEM}|"
    rf"(?:продолжа|продовжу|веду|ведут|ведуть)\w*\s+(?:\w+\s+)?оборон{_STEM}|"
    rf"(?:держ|трима|утриму|удержива)\w*\s+(?:\S+\s+){{0,2}}?(?:част|окраин|околиц|район|квартал|центр|"
    rf"позици|позиці|оборон|рубеж|рубіж|місто|город|село|селище){_STEM}|"
    rf"остави{_STEM}|залиши{_STEM}|вывел{_STEM}|выведен{_STEM}|вивел{_STEM}|виведен{_STEM}|"
    rf"окруж{_STEM}|оточ{_STEM}|(?:выш(?:ли|ел|ла)|вышед{_STEM}|выход{_STEM}|вийшл{_STEM}|вийшов|вихід{_STEM}|"
    rf"виход{_STEM}){_TO})(?!\w)"
)
DENIAL = re.compile(
    r"(?i)(?<!\w)(?:опроверг\w*|не\s+соответству\w*\s+действительности|фейк\w*|ложь\w*|ложью|брехн\w*|"
    r"вигадк\w*|выдумк\w*|дезинформаци\w*|дезінформаці\w*|"
    r"не\s+(?:удалось|вдалося|вдалось|смогл\w*|смог|змогл\w*|зміг|здатн\w*|способн\w*|спромоглися)|"
    r"спростува\w*|неправд\w*|не\s+відповіда\w*\s+дійсності|заперечу\w*|отрица\w*|"
    r"не\s+(?:был[аои]?\s+|було\s+|є\s+)?(?:окупован|захвачен|захоплен|взят|занят|окружен|оточен|"
    r"блокирован|заблокирован|заблокован|освобожд|звільн|сдан|здан)\w*)(?!\w)"
)
# "сообщило Минобороны России", "заявили в Генштабе", "по данным ТАСС", "за словами Сирського".
SOURCE = re.compile(
    rf"(?:(?i:{CUE})\s+(?:(?i:в|у)\s+)?|(?i:по\s+(?:данным|словам)|за\s+(?:даними|словами))\s+)(?P<who>{NAME})"
)
HEDGE = re.compile(
    r"(?i)(?<!\w)(?:якобы|по\s+неподтвержденным\s+данным|нібито|за\s+неперевіреними\s+даними|"
    r"предположительно|ймовірно|вероятно)(?!\w)"
)
_PRONOUN_SUBJECT = re.compile(rf"(?i)(?:^|[,:]\s*)(?:он|она|они|він|вона|вони)\s+(?:\S+\s+)?{CUE}")
# Words that can stand where a claimant's name is expected but never name one.
_NOT_CLAIMANT = re.compile(r"(?i)^(?:как|як|так|это|це|нашему|нашому|нам|мне|мені)(?:\s|$)")
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
    source: str | None = None  # who the previous sentence reports, for a sentence that goes on with it
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        text = doc.text[start:end]
        previous_source, source = source, _source(doc, start, end, quotes)
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
        claim = _claim(doc, start, text, here, dates, quotes)
        if claim.claimant is None and previous_source is not None:
            claim = replace(claim, claimant=previous_source)
        claims.append(claim)
    return claims


def _source(doc: Document, start: int, end: int, quotes: list[Quote]) -> str | None:
    """The speaker a sentence names or quotes ("По информации Генштаба ВСУ, …", "…, сообщила
    пресс-служба бригады"); a following sentence without one of its own goes on reporting them."""
    named = sentence_speaker(doc.text, start, end)
    if named is not None:
        return named
    return next((q.speaker.name for q in quotes if start <= q.start < end and q.speaker.name), None)


def _last_town(places: list[Place], before: int) -> tuple[int, ...]:
    towns = [n for n, p in enumerate(places) if p.end <= before and p.feature not in ("region", "country")]
    return tuple(towns[-1:])


def _claim(
    doc: Document, start: int, text: str, here: tuple[int, ...], dates: list[DateMention], quotes: list[Quote]
) -> Claim:
    end = start + len(text)
    quote = next((n for n, q in enumerate(quotes) if q.start < end and start < q.end), None)
    claimant = quotes[quote].speaker.name if quote is not None else None
    if quote is None or not quotes[quote].direct:  # reported: the sentence's own words name the claimant
        claimant = sentence_speaker(doc.text, start, end) or claimant
    if claimant is None and (source := SOURCE.search(text)) is not None:
        claimant = source["who"]
    if claimant is None and _PRONOUN_SUBJECT.search(text):  # "Он добавил, что …": the last named speaker
        claimant = next((q.speaker.name for q in reversed(quotes) if q.end <= end and q.speaker.name), None)
    if claimant is not None and _NOT_CLAIMANT.match(claimant):
        claimant = None
    if (denier := _denier(doc.text, start, end)) is not None:
        claimant = denier
    day = next((d.value for d in dates if start <= d.start and d.end <= end), None)
    return Claim(start, start + len(text.rstrip()), "territorial_control", claimant, stance(text), here, day,
                 quote=quote)  # fmt: skip


def _denier(text: str, start: int, end: int) -> str | None:
    """Who denies, where the denial is a contrasting clause after the claim ("Росіяни заявили про взяття
    X, однак у Силах оборони це назвали неправдою"): that clause's speaker. A relative clause ("…, що в
    Генштабі назвали фейком") leaves the claim to whoever made it."""
    denial = DENIAL.search(text, start, end)
    if denial is None:
        return None
    clauses = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, denial.start())]
    if not clauses:
        return None
    return sentence_speaker(text, clauses[-1], end)


_CLAUSE_BREAK = re.compile(
    r"(?i)(?:,|;)\s*(?:однак|однако|але|но|а|проте|тогда\s+как|тоді\s+як|хотя|хоча)\s+"
)


# "Попри заяви росіян про захоплення X, …", "Несмотря на заявления о взятии X, …": the speaker
# reports the other side's claim to reject it (as English "despite claims of capturing X").
DESPITE = re.compile(
    r"(?i)(?<!\w)(?:попри|незважаючи\s+на|несмотря\s+на|вопреки|всупереч)\s+(?:\w+\s+)?"
    r"(?:заяв|утвержд|тверджен|повідомлен|сообщени|реляци|реляці)\w*[^,.;]*"
)


def stance(text: str) -> Stance:
    if DENIAL.search(text):
        return "denied"
    despite = DESPITE.search(text)
    if despite is not None and CONTROL.search(despite.group()):
        return "denied"
    if HEDGE.search(text):
        return "hedged"
    return "asserted"
