"""Administrations named for a place, in Russian and Ukrainian news: which kind of place the adjective is.

Officials speak for an administration named by an adjective of its territory: "Харьковской ОВА",
"Харківської облдержадміністрації" (the oblast), "Краматорской ГВА", "Ізюмській районній військовій
адміністрації" (the town, or the district named after it). News writes them as an acronym or spelled
out, with the kind of territory (міська, районна…) and of administration (військова, державна…)
between; the gold sets since blind4 read the adjective as its place. An oblast's administration
spelled out ("Сумской областной военной администрации") stays a title, no place: the held-out gold
and tests/test_cyrillic.py say so, and no later set says otherwise. Only the token predicates live
here: `cyrillic` looks the adjective up.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Acronyms of an oblast's administration: military (ОВА, ОВЦА) or state (ОДА, ОГА).
OBLAST_ACRONYMS = frozenset({"ОВА", "ОВЦА", "ОДА", "ОГА"})
# Of a town's, a community's or a district's: its seat is the place (МВА, ГВА, РВА, ВА, РДА).
TOWN_ACRONYMS = frozenset({"МВА", "ГВА", "РВА", "ВА", "МВЦА", "ГВЦА", "ВЦА", "РДА", "РГА"})
# One-word oblast administrations ("облдержадміністрації", "облгосадминистрации").
_OBLAST_WORD = re.compile(r"(?i)^(?:облдержадмін|облгосадмин|обладмін|обладмин|облвоенадмин|облвійськадмін)")
_TOWN_KIND = re.compile(
    r"(?i)^(?:міськ|городск|районн|селищн|сільськ|сельск|поселков|окружн|територіальн|территориальн)"
)
# The kind of administration between the territory's word and the noun.
_AUTHORITY = re.compile(r"(?i)^(?:військов|военн|державн|государствен|цивільн|гражданск)")
_ADMINISTRATION = re.compile(r"(?i)^(?:адміністрац|администрац)")
# A capitalized feminine adjective of a territory ("Харьковской", "Запорізької", "Херсонській").
_FEMININE_ADJECTIVE = re.compile(r"(?:ьк|ськ|цьк|зьк|ск|цк)(?:ой|ая|ую|ою|а|ої|ій|у|ою)$")


def _adjective(doc: Doc, i: int) -> bool:
    text = doc[i].text
    return text[:1].isupper() and not text.isupper() and bool(_FEMININE_ADJECTIVE.search(text))


def _spelled(doc: Doc, j: int, kind: re.Pattern[str]) -> bool:
    """Whether the words from `j` read "<kind> [<authority>] <administration>"."""
    if j >= len(doc) or not kind.match(doc[j].text):
        return False
    j += 1
    if j < len(doc) and _AUTHORITY.match(doc[j].text):
        j += 1
    return j < len(doc) and bool(_ADMINISTRATION.match(doc[j].text))


def oblast_title(doc: Doc, i: int) -> bool:
    """The adjective at `i` names an oblast's administration by its acronym or one word ("Донецкой
    ОВА", "Харківської облдержадміністрації")."""
    if not _adjective(doc, i) or i + 1 >= len(doc):
        return False
    following = doc[i + 1].text
    return following in OBLAST_ACRONYMS or bool(_OBLAST_WORD.match(following))


def town_title(doc: Doc, i: int) -> bool:
    """The adjective at `i` names a town's, community's or district's administration ("Краматорской
    ГВА", "Ізюмській районній військовій адміністрації", "Херсонской городской военной администрации")."""
    if i + 1 >= len(doc) or not doc[i].text[:1].isupper():
        return False
    return doc[i + 1].text in TOWN_ACRONYMS or _spelled(doc, i + 1, _TOWN_KIND)
