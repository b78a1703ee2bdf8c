"""Find toponym mentions in Russian and Ukrainian text: case endings undone, then gazetteer lookup.

The gazetteer holds Cyrillic names in the nominative ("Покровск", "Покровськ", "Часів Яр"); news
inflects them ("под Покровском", "у Вовчанську", "біля Часового Яру"). Every capitalized Cyrillic
word sequence (up to three words, within a sentence) is looked up as written and then with its case
ending replaced by the nominative endings that can stand behind it, longest sequence first. No
morphological dictionary is needed: a form is kept only when the gazetteer knows it, and only for
places conflict news is about. There is no NER for these languages yet (issue 12), so a sentence's
first word must name a prominent place. Does not: read derived region names ("Дніпропетровщина"),
adjectival directions ("на Запорожском направлении") or declined Russian adjective-noun names beyond
"-ого"/"-ой" forms.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import product
from typing import TYPE_CHECKING

from claimledger.gazetteer.detect import Mention, stoplist
from claimledger.gazetteer.index import Candidate, Gazetteer
from claimledger.gazetteer.names import cyrillic_language, is_cyrillic, norm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MAX_TOKENS = 3
_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff'ʼ’\-]*$")
# Latin letters that look Cyrillic ("Пoкровск" with a Latin o, issue 12's bad input) and invisible
# characters (soft hyphen, zero-width space and joiners, BOM): folded away before lookup only.
_LOOKALIKES = str.maketrans("aeopcxyiAEOPCXBHKMT", "аеорсхуіАЕОРСХВНКМТ", "\u00ad\u200b\u200c\u200d\ufeff")


def word(text: str) -> str:
    """A token's text as the Cyrillic word it shows, where it has at least one Cyrillic letter."""
    if not is_cyrillic(text):
        return text
    return text.translate(_LOOKALIKES)


# Oblique ending -> nominative endings it may stand for, longest ending first. Written for this
# project from the declension tables of Russian and Ukrainian nouns and adjectives (a-stems
# "Авдеевка/Авдіївки", consonant stems "Покровск/Покровську", Ukrainian і/о alternation
# "Харків/Харкова", neuter "Курахово", adjectival "Роботиного" -> "Роботине", soft stems
# "Мариуполь/Мариуполя", feminine adjectives of regions "Харьковской/Харківської", possessive
# "Часового Яру" -> "Часів Яр").
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ового", ("ів", "овой", "овий", "ове")),
    ("ного", ("не", "ное", "ний", "ный")),
    ("ному", ("не", "ное", "ний", "ный")),
    ("ской", ("ская",)),
    ("скою", ("ська", "ская")),
    ("ській", ("ська",)),
    ("ської", ("ська",)),
    ("скую", ("ская",)),
    ("ську", ("ська", "ськ")),
    ("ькій", ("ька",)),
    ("ької", ("ька",)),
    ("ькою", ("ька",)),
    ("ьку", ("ька", "ьк")),
    ("ової", ("ова",)),
    ("овом", ("ів", "ов", "ово")),
    ("ові", ("ів", "ов", "ова")),
    ("ова", ("ів", "ов", "ово")),
    ("ову", ("ів", "ов")),
    ("єві", ("їв",)),
    ("єва", ("їв",)),
    ("ці", ("ка",)),
    ("ом", ("", "о", "е")),
    ("ем", ("ь", "е")),
    ("ой", ("а", "ой", "ое")),
    ("ою", ("а", "я")),
    ("ей", ("я", "ь")),
    ("ею", ("я", "ь")),
    ("ти", ("ть",)),
    ("сти", ("сть",)),
    ("сті", ("сть",)),
    ("а", ("", "о", "е", "ь")),
    ("у", ("", "а")),
    ("ю", ("ь", "я")),
    ("е", ("", "а", "о", "ь")),
    ("і", ("", "а", "ь", "я", "о", "е")),
    ("и", ("а", "ь", "я", "")),
    ("ы", ("а",)),
    ("я", ("ь", "е")),
)
_FOCUS = frozenset({"UA", "RU"})
# "Минобороны России", "Генштаб ЗСУ України", "Вооруженные силы Украины": a country named as the
# owner of an institution, not as a place (it would pull the article's towns into Russia).
_INSTITUTION = re.compile(
    r"(?i)^(?:миноборон|міноборон|министерств|міністерств|мид|мзс|генштаб|президент|правительств|уряд|"
    r"сил|войск|армі|арми|фсб|сбу|гур|посольств|парламент|верховн)"
)
# Masculine adjectival forms alone are surnames far more often than places ("Сырский", "Зеленский").
_SURNAME = re.compile(r"(?i)(?:ский|цкий|ський|цький|енко|ук|юк)$")
_AREAS = frozenset({"region", "country"})
_LETTERS = {"uk": frozenset("іїєґ"), "ru": frozenset("ыэъё")}


def forms(word: str) -> list[str]:
    """The word as written, then its possible nominatives, in order of preference."""
    out = [word]
    lowered = word.casefold()
    for ending, nominatives in _ENDINGS:
        if lowered.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            out.extend(stem + nominative for nominative in nominatives)
    return list(dict.fromkeys(out))


def find_cyrillic_mentions(parsed: Doc, gazetteer: Gazetteer, language: str) -> list[Mention]:
    """Mentions in text order, none overlapping; `Mention.text` is the nominative form looked up."""
    found: list[Mention] = []
    i, n = 0, len(parsed)
    while i < n:
        hit = _longest_hit(parsed, i, gazetteer, language) if _can_start(parsed[i].text) else None
        if hit is None:
            i += 1
            continue
        found.append(hit[1])
        i = hit[0]
    return found


def _can_start(text: str) -> bool:
    text = word(text)
    return bool(_CYRILLIC_WORD.match(text)) and text[0].isupper()


def _longest_hit(parsed: Doc, i: int, gazetteer: Gazetteer, language: str) -> tuple[int, Mention] | None:
    sentence_end = parsed[i].sent.end if parsed.has_annotation("SENT_START") else len(parsed)
    for end in range(min(i + MAX_TOKENS, sentence_end), i, -1):
        span = parsed[i:end]
        if not _well_formed(span):
            continue
        for words in product(*(forms(word(token.text)) for token in span)):
            name = " ".join(words)
            if norm(name) in stoplist() or _foreign(name, span.text, language):
                continue
            candidates = _kept(span, gazetteer.lookup(name), name, language)
            if candidates:
                return end, Mention(span.start_char, span.end_char, name, "gazetteer", candidates)
    return None


def _well_formed(span: Span) -> bool:
    """Cyrillic words, the first capitalized, the others capitalized or a region word ("область")."""
    if not all(_CYRILLIC_WORD.match(word(token.text)) for token in span):
        return False
    if len(span) == 1:
        return len(span.text) >= 4 and not span.text.isupper()
    return all(token.text[0].isupper() or token.lower_.startswith("област") for token in span[1:])


def _kept(span: Span, candidates: tuple[Candidate, ...], name: str, language: str) -> tuple[Candidate, ...]:
    """Candidates conflict news is about, each naming its tradition (the form's letters, else the
    article's language): without NER, a sentence's first word must name a prominent place."""
    naming = cyrillic_language(name) or language
    kept = [c for c in candidates if c.country in _FOCUS or c.feature in _AREAS or c.front]
    if _after_institution(span):
        kept = [c for c in kept if c.feature != "country"]
    if len(span) == 1 and _SURNAME.search(span.text):
        kept = [c for c in kept if c.feature in _AREAS or c.population >= 100_000]
    if span[0].is_sent_start:
        inflected = norm(name) != norm(span.text)
        kept = [c for c in kept if _prominent(c, inflected=inflected)]
    return tuple(replace(c, naming=c.naming or naming) for c in kept)


def _foreign(name: str, written: str, language: str) -> bool:
    """A nominative in the other language's letters than both the article and the written form use
    ("Часова Яра" in a Russian article is Часов Яр, not Ukrainian Часів Яр)."""
    letters = _LETTERS.get("ru" if language == "uk" else "uk", frozenset())
    return bool(letters.intersection(name.casefold())) and not letters.intersection(written.casefold())


def _after_institution(span: Span) -> bool:
    return span.start > 0 and bool(_INSTITUTION.match(span.doc[span.start - 1].text))


def _prominent(c: Candidate, *, inflected: bool) -> bool:
    """A sentence's first word is a place only if well known; as an inflected form, only if large."""
    if c.feature in _AREAS or c.population >= 20_000:
        return True
    return not inflected and c.front > 1
