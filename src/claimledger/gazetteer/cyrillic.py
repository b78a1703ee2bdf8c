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
    from spacy.tokens import Doc, Span, Token

MAX_TOKENS = 3
_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff'ʼ’\-]*$")
# Latin letters that look Cyrillic ("Пoкровск" with a Latin o, issue 12's bad input) and invisible
# characters (soft hyphen, zero-width space and joiners, BOM): folded away before lookup only.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\ufeff"
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
    ("ского", ("ское", "ске", "ский", "ськ", "ск")),
    ("ського", ("ське", "ський", "ськ")),
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
    ("ем", ("ь", "е", "й")),
    ("ой", ("а", "ой", "ое")),
    ("ого", ("ое", "е", "ий", "ый", "ой")),
    ("ым", ("ый", "ой", "ий")),
    ("им", ("ий", "ій", "е")),
    ("ью", ("ь", "ье", "ья")),
    ("ьем", ("ье",)),
    ("ья", ("ье", "ь")),
    ("ами", ("и", "ы")),
    ("ах", ("и", "ы", "а")),
    ("ою", ("а", "я")),
    ("ей", ("я", "ь")),
    ("ею", ("я", "ь")),
    ("ти", ("ть",)),
    ("сти", ("сть",)),
    ("сті", ("сть",)),
    ("а", ("", "о", "е", "ь")),
    ("у", ("", "а")),
    ("ю", ("ь", "я", "й")),
    ("е", ("", "а", "о", "ь")),
    ("і", ("", "а", "ь", "я", "о", "е")),
    ("и", ("а", "ь", "я", "")),
    ("ы", ("а",)),
    ("я", ("ь", "е", "й")),
)
_FOCUS = frozenset({"UA", "RU"})
# "Дніпропетровщина", "Херсонщину", "Донеччині": the oblast named after its centre.
_SHCHYNA = re.compile(r"^(?P<stem>[А-ЯЁІЇЄҐ][а-яёіїєґ'ʼ’]+?)(?P<sh>щин|чин)(?:а|и|у|і|е|ой|ою|ою)$")
# An adjective from a town name before "направлении"/"напрямку" ("на Покровском направлении",
# "на Покровському та Костянтинівському напрямках"): the town.
_DIRECTION = re.compile(r"(?i)^(?:направлени|напрям)")
_ADJ_CASE = re.compile(r"(?:ому|ом|ій|ой|ым|им|ого|ий|ый|ая|а)$")
_ADJ_SUFFIX = re.compile(r"(?:ьск|ськ|ск|цьк|цк|зьк|зск)$")
# A capitalized adjective before a lowercase noun is part of a name ("Донецька обласна прокуратура",
# "Восточной группировки"), not a place by itself.
_ADJECTIVE = re.compile(r"(?i)(?:ька|ська|ская|ской|ський|ский|ній|ний|ной|ная|ого|ої|ой|ій|ий|ый|ая|ую|ую)$")
# The nouns such an adjective names an institution or a unit with.
_INSTITUTION_NOUN = re.compile(
    r"(?i)^(?:обласн|областн|міськ|городск|районн|військов|военн|группиров|угрупован|прокуратур|адміністрац|"
    r"администрац|рад[аиуі]|совет|управлінн|управлени|арми|армі|фронт|флот|бригад|полиц|поліц|прокурор|"
    r"епархи|єпархі|митрополи|губерн|народн|республик|республік)"
)
# Words that are capitalized in news for what they name, not as places ("Сили оборони", group «Восток»).
_NOT_PLACES = frozenset(
    {
        "сили",
        "силы",
        "сил",
        "армия",
        "армія",
        "война",
        "війна",
        "мир",
        "центр",
        "восток",
        "схід",
        "юг",
        "південь",
        "север",
        "північ",
        "запад",
        "захід",
        "победа",
        "перемога",
        "свобода",
        "надежда",
        "надія",
    }
)
_NICKNAME = re.compile(r"(?i)^(?:позывн|позивн|прозвищ|прізвиськ|псевдоним|псевдонім|кличк)")
_REGION_WORD = re.compile(r"^(?:област|кра[йяюе]|краї)")
_PLACE_NOUN = re.compile(r"(?i)^(?:област|район|громад|округ|направлени|напрям|край|республик|республік)")
# "Минобороны России", "Генштаб ЗСУ України", "Вооруженные силы Украины": a country named as the
# owner of an institution, not as a place (it would pull the article's towns into Russia).
_INSTITUTION = re.compile(
    r"(?i)^(?:миноборон|міноборон|министерств|міністерств|оборон|мид|мзс|генштаб|президент|правительств|уряд|"
    r"сил|войск|армі|арми|фсб|сбу|гур|посольств|парламент|верховн)"
)
# Masculine adjectival forms alone are surnames far more often than places ("Сырский", "Зеленский").
_SURNAME = re.compile(r"(?i)(?:ский|цкий|ський|цький|енко|ук|юк)$")
_AREAS = frozenset({"region", "country"})
_METROPOLIS = 500_000
_LETTERS = {"uk": frozenset("іїєґ"), "ru": frozenset("ыэъё")}


def forms(word: str) -> list[str]:
    """The word as written, then its possible nominatives, in order of preference; a hyphenated name
    ("Купянском-Узловым") part by part, a region named by "-щина" ("Дніпропетровщині") as its oblast."""
    if "-" in word.strip("-"):
        parts = [_word_forms(part) for part in word.split("-")]
        if all(parts) and len(parts) <= 3:
            return list(dict.fromkeys("-".join(combo) for combo in product(*parts)))[:24]
    return _region_forms(word) + _word_forms(word)


def _region_forms(word: str) -> list[str]:
    m = _SHCHYNA.match(word)
    if m is None:
        return []
    stem = m["stem"][:-1] + "ц" if m["stem"].endswith("ч") and m["sh"] == "чин" else m["stem"]
    return [f"{stem}ська область", f"{stem}ская область"]


def _word_forms(word: str) -> list[str]:
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
        hit = None
        if _can_start(parsed[i].text):
            hit = _compound_hit(parsed, i, gazetteer, language) or _longest_hit(
                parsed, i, gazetteer, language
            )
        if hit is None:
            i += 1
            continue
        found.append(hit[1])
        i = hit[0]
    return found


def _can_start(text: str) -> bool:
    text = word(text)
    return bool(_CYRILLIC_WORD.match(text)) and text[0].isupper()


def _compound_hit(parsed: Doc, i: int, gazetteer: Gazetteer, language: str) -> tuple[int, Mention] | None:
    """A hyphenated name the tokenizer split ("Купянском-Узловым" as three tokens), looked up whole."""
    if (
        i + 2 >= len(parsed)
        or parsed[i + 1].text not in "-‐"
        or parsed[i].whitespace_
        or parsed[i + 1].whitespace_
    ):
        return None
    second = word(parsed[i + 2].text)
    if not (_CYRILLIC_WORD.match(second) and second[0].isupper()):
        return None
    span = parsed[i : i + 3]
    for name in forms(f"{word(parsed[i].text)}-{second}"):
        candidates = _kept(span, gazetteer.lookup(name), name, language)
        if candidates:
            return i + 3, Mention(*_visible(span), name, "gazetteer", candidates)
    return None


def _visible(span: Span) -> tuple[int, int]:
    """The span without invisible characters at its edges ("Покровском\u200b" ends before the ZWSP)."""
    text, start, end = span.doc.text, span.start_char, span.end_char
    while end > start and text[end - 1] in _INVISIBLE:
        end -= 1
    while start < end and text[start] in _INVISIBLE:
        start += 1
    return start, end


def _direction_hit(parsed: Doc, i: int, gazetteer: Gazetteer, language: str) -> tuple[int, Mention] | None:
    """The most prominent town a direction's adjective may come from ("Костянтинівському" is
    Костянтинівка, a city of the front, not Старокостянтинів)."""
    span = parsed[i : i + 1]
    best: tuple[tuple[bool, bool, int], str, Candidate] | None = None
    for name in direction_forms(word(span.text)):
        for c in _kept(span, gazetteer.lookup(name), name, language):
            score = (c.population >= 20_000, c.front > 0, c.population)
            if best is None or score > best[0]:
                best = (score, name, c)
    if best is None:
        return None
    return i + 1, Mention(*_visible(span), best[1], "gazetteer", (best[2],))


def _longest_hit(parsed: Doc, i: int, gazetteer: Gazetteer, language: str) -> tuple[int, Mention] | None:
    if _before_direction(parsed[i]):
        return _direction_hit(parsed, i, gazetteer, language)
    sentence_end = parsed[i].sent.end if parsed.has_annotation("SENT_START") else len(parsed)
    for end in range(min(i + MAX_TOKENS, sentence_end), i, -1):
        span = parsed[i:end]
        if not _well_formed(span):
            continue
        if _attributive(span) or _first_name(span, gazetteer) or _named_otherwise(span):
            continue
        person = _in_person(span)
        for words in product(*(forms(word(token.text)) for token in span)):
            name = " ".join(words)
            if norm(name) in stoplist() or _foreign(name, span.text, language):
                continue
            candidates = _kept(span, gazetteer.lookup(name), name, language)
            if person:  # natasha says a person: only a place of the front or a large town overrules it
                candidates = tuple(
                    c for c in candidates if c.front or c.population >= 20_000 or c.feature in _AREAS
                )
            if candidates:
                return end, Mention(*_visible(span), name, "gazetteer", candidates)
    return None


def _in_person(span: Span) -> bool:
    """Whether NER (natasha, Russian) tagged the span as part of a person's name."""
    return any(e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end for e in span.doc.ents)


def direction_forms(adjective: str) -> list[str]:
    """Town names an adjective of a front direction may come from: "Покровском" -> "Покровск",
    "Костянтинівському" -> "Костянтинівка", "Гуляйпольском" -> "Гуляйполе", "Запорізькому" -> "Запоріжжя"."""
    stem = _ADJ_CASE.sub("", adjective)
    out = [stem]
    base = _ADJ_SUFFIX.sub("", stem)
    if base != stem and len(base) >= 3:
        out += [base + ending for ending in ("", "е", "о", "ка", "а", "ье", "я", "ове", "ово")]
        if stem.endswith(("зьк", "зск")):
            out += [base + "жжя", base + "жье"]
    return list(dict.fromkeys(out))


def _before_direction(token: Token) -> bool:
    """Whether the token is an adjective of a front direction ("Покровском направлении", "Покровському
    та Костянтинівському напрямках")."""
    doc, i = token.doc, token.i
    if not _ADJ_CASE.search(token.text):
        return False
    following = [t.text for t in doc[i + 1 : i + 4]]
    if following and _DIRECTION.match(following[0]):
        return True
    return (
        len(following) == 3
        and following[0].lower() in {"и", "та", "і", "й"}
        and bool(_DIRECTION.match(following[2]))
    )


def _attributive(span: Span) -> bool:
    """A lone capitalized adjective before a common noun or an acronym ("Донецька обласна прокуратура",
    "Восточной группировки", "Одеської ОВА"): part of a longer name, not a place."""
    if len(span) != 1 or span.end >= len(span.doc) or not _ADJECTIVE.search(span.text):
        return False
    following = span.doc[span.end].text
    if _before_direction(span[0]) or _PLACE_NOUN.match(following):
        return False
    return bool(_INSTITUTION_NOUN.match(following)) or (len(following) > 1 and following.isupper())


def _named_otherwise(span: Span) -> bool:
    """A common word capitalized ("Сили оборони"), or a call sign ("с позывным «Гранит»")."""
    if len(span) == 1 and word(span.text).casefold() in _NOT_PLACES:
        return True
    if _quoted_name(span):
        return True
    before = [t for t in span.doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    return bool(before) and bool(_NICKNAME.match(before[-1].text))


def _quoted_name(span: Span) -> bool:
    """A name in quotation marks after a common noun ("группировка войск «Днепр»", "операція «Схід»"):
    a unit, an operation or a ship named after a place, not the place."""
    doc, start, end = span.doc, span.start, span.end
    if start < 2 or end >= len(doc) or doc[start - 1].text not in '«„"' or doc[end].text not in '»“"':
        return False
    before = doc[start - 2].text
    return before[:1].islower() and len(before) > 3


def _first_name(span: Span, gazetteer: Gazetteer) -> bool:
    """A first name before a surname ("Сергій Лисак"): a lone word before a capitalized word that
    names no place, unless it names a large town."""
    if len(span) != 1 or span.end >= len(span.doc):
        return False
    following = word(span.doc[span.end].text)
    if not _CYRILLIC_WORD.match(following) or not following[0].isupper() or following.isupper():
        return False
    if any(gazetteer.lookup(form) for form in forms(following)):
        return False
    return not any(c.population >= 20_000 or c.feature in _AREAS for c in gazetteer.lookup(word(span.text)))


def _well_formed(span: Span) -> bool:
    """Cyrillic words, the first capitalized, the others capitalized or a region word ("область")."""
    if not all(_CYRILLIC_WORD.match(word(token.text)) for token in span):
        return False
    if len(span) == 1:
        return len(span.text) >= 4 and not span.text.isupper()
    return all(token.text[0].isupper() or _REGION_WORD.match(token.lower_) for token in span[1:])


def _kept(span: Span, candidates: tuple[Candidate, ...], name: str, language: str) -> tuple[Candidate, ...]:
    """Candidates conflict news is about, each naming its tradition (the form's letters, else the
    article's language): without NER, a sentence's first word must name a prominent place."""
    naming = cyrillic_language(name) or language
    kept = [c for c in candidates if c.country in _FOCUS or c.feature in _AREAS or c.front]
    if any(c.front for c in kept):
        # Conflict news means the front's Северск (Siversk), not Seversk near Tomsk.
        kept = [
            c
            for c in kept
            if c.front or c.feature in _AREAS or c.country == "UA" or c.population >= _METROPOLIS
        ]
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
