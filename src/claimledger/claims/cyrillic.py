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
from claimledger.quotes.cyrillic import CUE, NAME

_STEM = r"[а-яёіїєґ]*"
CONTROL = re.compile(
    rf"(?i)(?<!\w)(?:освобо[дж]{_STEM}|взял{_STEM}\s+под\s+(?:свой\s+)?контроль|занял{_STEM}|занят{_STEM}|"
    rf"отош(?:ел|ли|ла)|отступил{_STEM}|захвати{_STEM}|"
    rf"звільни{_STEM}|звільнен{_STEM}|окупува{_STEM}|окупован{_STEM}|відійшл{_STEM}|відійшов|"
    rf"утриму{_STEM}\s+позиці{_STEM}|удержива{_STEM}\s+позици{_STEM}|відбил{_STEM}\s+штурм{_STEM}|"
    rf"отбил{_STEM}\s+штурм{_STEM}|взяли\s+під\s+контроль|зайшл{_STEM}|зайшов|вошл{_STEM}|вош(?:ел|ёл)|"
    rf"взяти[еяию]|захват{_STEM}|звільненн{_STEM}|окупаці{_STEM})(?!\w)"
)
DENIAL = re.compile(
    r"(?i)(?<!\w)(?:опроверг\w*|не\s+соответству\w*\s+действительности|фейк\w*|ложь|"
    r"спростува\w*|неправд\w*|не\s+відповіда\w*\s+дійсності)(?!\w)"
)
# "сообщило Минобороны России", "заявили в Генштабе", "по данным ТАСС", "за словами Сирського".
SOURCE = re.compile(
    rf"(?:(?i:{CUE})\s+(?:(?i:в|у)\s+)?|(?i:по\s+(?:данным|словам)|за\s+(?:даними|словами))\s+)(?P<who>{NAME})"
)
HEDGE = re.compile(
    r"(?i)(?<!\w)(?:якобы|по\s+неподтвержденным\s+данным|нібито|за\s+неперевіреними\s+даними|"
    r"предположительно|ймовірно|вероятно)(?!\w)"
)


def extract_cyrillic_claims(doc: Document) -> list[Claim]:
    """One territorial-control claim per sentence with a control verb and a place."""
    parsed = doc.parsed
    if parsed is None:
        return []
    places, dates, quotes = list(doc.get(Place)), list(doc.get(DateMention)), list(doc.get(Quote))
    claims = []
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        text = doc.text[start:end]
        here = tuple(n for n, p in enumerate(places) if start <= p.start and p.end <= end)
        if not here or not CONTROL.search(text):
            continue
        quote = next((n for n, q in enumerate(quotes) if q.start < end and start < q.end), None)
        claimant = quotes[quote].speaker.name if quote is not None else None
        source = SOURCE.search(text)
        if claimant is None and source is not None:
            claimant = source["who"]
        day = next((d.value for d in dates if start <= d.start and d.end <= end), None)
        claims.append(
            Claim(start, start + len(text.rstrip()), "territorial_control", claimant, stance(text), here, day,
                  quote=quote)
        )  # fmt: skip
    return claims


def stance(text: str) -> Stance:
    if DENIAL.search(text):
        return "denied"
    if HEDGE.search(text):
        return "hedged"
    return "asserted"
