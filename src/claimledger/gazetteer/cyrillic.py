"""Find toponym mentions in Russian and Ukrainian text: case endings undone, then gazetteer lookup.


The gazetteer holds Cyrillic names in the nominative ("Покровск", "Покровськ", "Часів Яр"); news
inflects them ("под Покровском", "у Вовчанську", "біля Часового Яру", "Малих Щербаків"). Every
capitalized Cyrillic word sequence (up to three words, within a sentence) is looked up as written and
then with its case ending replaced by the nominative endings that can stand behind it, longest sequence
first; a later form wins where it names a much larger place or one of the front ("у Лимані" is Лиман).
A Russian form the gazetteer lacks is respelled by the regular Russian/Ukrainian correspondences
("Великой Новоселки" -> "Велика Новосілка", "-ское" -> "-ське", "-овка" -> "-івка"), since small
villages carry only their Ukrainian name. Adjectives of directions and districts ("на Гуляйпольском
направлении", "у Волноваському районі") name their town, "-щина" names an oblast, and two regions sharing
one noun ("Белгородской и Курской областям") are both read. First names, the surname after one, unit
names in quotes after an acronym (ОСУВ «Дніпро») and adjectives before an institution's noun are no
places, nor is the word after "по словам"/"за словами" or beside a patronymic. A region named right
after a town ("в Донецкой области", "на Сумщині") keeps the namesakes inside it; a village GeoNames
lists only in Latin letters is found by its Ukrainian romanization; a Russian о/а where Ukrainian
writes і/о ("Спорное"/"Спірне", "Работино"/"Роботине") is tried as a respelling. A vowel that drops
in the oblique cases is put back ("Марганцю" -> "Марганець"); ДНР/ЛНР name their oblasts.
Namesakes are many at the front, and most villages have no population in GeoNames, so a village's
namesakes listed only in Latin letters join its candidates, a region named before or after it (or
after the list it stands in) keeps those inside, every mention of a name takes the narrowest set,
and the namesakes near the article's unambiguous places are kept over those far away
(`cyrillic_context`). Does not: read irregular pairs beyond these (Казачьи Лагеря/Козачі Лагері) or
Soviet names missing from the gazetteer.
Adjectives of a town's community or administration ("Лозовской общины", "Лозівської міської
громади", "Жовтоводської МВА") name its seat, the largest namesake, inside a region named after the
noun ("Климовского района Брянской области"). A sentence's first word is a place when it is a sized
town of the front or a name the article reads as a place elsewhere; a word written after a first name
anywhere in the article is that person's surname throughout. An administration's acronym after an
adjective names its territory: "Харьковской ОВА" the oblast, "Краматорской ГВА" and "Ізюмській
районній військовій адміністрації" the town (`cyrillic_titles`).

A word after a resident noun or a word of capture or shelling ("жителька Станіслава", "об
освобождении Беленького") is a place though it spells a first name or NER says a person; so is an
"-овка" village's case form; two capitalized words naming a place of the war may open a sentence;
and a case form of a name the article reads elsewhere is that place ("Иванино … в Иванине").

Case forms live in `cyrillic_forms`, Russian-to-Ukrainian respellings in `cyrillic_spelling`, the
choice among namesakes in `cyrillic_context`; this module finds the spans and reads their context.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING

from claimledger.gazetteer.cyrillic_context import AREAS as _AREAS
from claimledger.gazetteer.cyrillic_context import LARGE as _LARGE
from claimledger.gazetteer.cyrillic_context import SIZED as _SIZED
from claimledger.gazetteer.cyrillic_context import TOWN as _TOWN
from claimledger.gazetteer.cyrillic_context import (
    at_war,
    former_near,
    in_context,
    in_named_region,
    one_sense,
    renamed,
)
from claimledger.gazetteer.cyrillic_forms import ADJ_CASE as _ADJ_CASE
from claimledger.gazetteer.cyrillic_forms import SHCHYNA as _SHCHYNA
from claimledger.gazetteer.cyrillic_forms import direction_forms, forms
from claimledger.gazetteer.cyrillic_forms import region_forms as _region_forms
from claimledger.gazetteer.cyrillic_forms import word_forms as _word_forms
from claimledger.gazetteer.cyrillic_spelling import hyphenated_spellings, ukrainian_spellings
from claimledger.gazetteer.cyrillic_titles import TOWN_ACRONYMS, oblast_title, town_title
from claimledger.gazetteer.detect import Mention, stoplist
from claimledger.gazetteer.index import Candidate, Gazetteer
from claimledger.gazetteer.names import cyrillic_language, fold, is_cyrillic, norm, romanize

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


_FOCUS = frozenset({"UA", "RU"})
# An adjective from a town name before "направлении"/"напрямку" or a sector of the front ("на
# Покровском направлении", "на Покровському та Костянтинівському напрямках", "на Гуляйпольском
# участке фронта", "на Покровській ділянці"): the town.
# So does an adjective of a town's administration ("Лозовской общины", "Хотінської громади",
# "Васильевского округа", "Жовтоводської МВА"), also with the kind of community between
# ("Лозівської міської громади").
_DIRECTION = re.compile(
    r"(?i)^(?:направлени|напрям|участк|участок|ділянц|ділянк|район(?!н)|громад|общин|округ(?!л))"
)
_TOWN_ADMINISTRATIONS = TOWN_ACRONYMS
_COMMUNITY_KIND = re.compile(
    r"(?i)^(?:міськ|сільськ|селищн|городск|сельск|поселков|територіальн|территориальн|муніципальн|муниципальн)"
)
# A capitalized adjective before a lowercase noun is part of a name ("Донецька обласна прокуратура",
# "Восточной группировки"), not a place by itself.
_ADJECTIVE = re.compile(
    r"(?i)(?:ька|ська|ская|ской|ський|ский|ське|ское|цьке|цкое|ній|ний|ной|ная|ого|ої|ой|ій|ий|ый|ая|ую|их|ых|іх)$"
)
# The nouns such an adjective names an institution or a unit with.
_INSTITUTION_NOUN = re.compile(
    r"(?i)^(?:обласн|областн|міськ|городск|районн|військов|военн|группиров|угрупован|прокуратур|адміністрац|"
    r"администрац|рад[аиуі]|совет|управлінн|управлени|арми|армі|фронт|флот|бригад|полиц|поліц|прокурор|"
    r"епархи|єпархі|митрополи|губерн|народн|республик|республік|режим|власт|влад|правительств|уряд|"
    r"президент|регион|регіон)"
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
        "республика",
        "республіка",
        "поселок",
        "посёлок",
        "селище",
        "село",
        "город",
        "місто",
        "деревня",
        "крім",  # "Крім того": folds to Крим
        "окрім",
    }
)
# First names common in both languages' news: a person's name, never the town it may also spell
# ("Владимир Романов", "Мария", "Володимир"); the capitalized word after one is a surname.
_FIRST_NAMES = frozenset(
    {
        "александр", "олександр", "алексей", "олексій", "андрей", "андрій", "анна", "анастасия",
        "анастасія", "антон", "артем", "артём", "богдан", "борис", "вадим", "валентин", "валерий",
        "валерій", "василий", "василь", "вера", "віра", "виктор", "віктор", "виталий", "віталій",
        "владимир", "володимир", "владислав", "вячеслав", "в'ячеслав", "галина", "геннадий", "геннадій",
        "георгий", "григорий", "григорій", "дарья", "дарія", "денис", "дмитрий", "дмитро", "евгений",
        "євген", "екатерина", "катерина", "елена", "олена", "иван", "іван", "игорь", "ігор", "ирина",
        "ірина", "кирилл", "кирило", "константин", "костянтин", "лариса", "леонид", "леонід", "людмила",
        "максим", "марина", "мария", "марія", "михаил", "михайло", "наталья", "наталія", "николай",
        "микола", "нина", "ніна", "оксана", "олег", "ольга", "павел", "павло", "петр", "петро", "роман",
        "руслан", "светлана", "світлана", "сергей", "сергій", "станислав", "станіслав", "степан",
        "тарас", "татьяна", "тетяна", "юлия", "юлія", "юрий", "юрій", "ярослав",
        "злата", "ганна", "валентина", "виктория", "вікторія", "дарина", "евгения", "євгенія", "инна",
        "інна", "ксения", "ксенія", "любовь", "любов", "софия", "софія", "алина", "аліна", "олеся",
        "илья", "ілля", "назар", "остап", "федор", "фёдор", "федір", "семен", "семён", "яков", "яків",
        "егор", "єгор", "никита", "микита", "даниил", "данило", "тимур", "рамзан", "эдуард", "едуард",
        "ростислав", "святослав", "мирослав", "аркадий", "аркадій", "анатолий", "анатолій", "арсений",
        "арсеній", "лилия", "лілія", "тамара", "раиса", "раїса", "лидия", "лідія", "вероника",
        "вероніка", "кристина", "христина", "яна", "ярослава", "диана", "діана", "полина", "поліна",
        "маргарита", "ренат", "марат", "пётр", "зоя", "эльвира", "ельвіра", "ілона", "илона",
    }
)  # fmt: skip
# "Кужугетович", "Петрівна", "Рэмовича": a patronymic, so the words around it are a person's.
_PATRONYMIC = re.compile(
    r"^[А-ЯЁІЇЄҐ][а-яёіїєґ']+(?:ович|евич|ич|овна|евна|ївна|івна|ична)(?:а|у|ем|ої|ій|ою|ой|і)?$"
)
_NICKNAME = re.compile(r"(?i)^(?:позывн|позивн|прозвищ|прізвиськ|псевдоним|псевдонім|кличк)")
_REGION_WORD = re.compile(r"^(?:област|кра[йяюе]|краї)")
_PLACE_NOUN = re.compile(
    r"(?i)^(?:област(?!н)|район(?!н)|громад|округ|направлени|напрям|край|республик|республік)"
)
# "Минобороны России", "Генштаб ЗСУ України", "Вооруженные силы Украины": a country named as the
# owner of an institution, not as a place (it would pull the article's towns into Russia).
_INSTITUTION = re.compile(
    r"(?i)^(?:миноборон|міноборон|министерств|міністерств|оборон|мид|мзс|генштаб|президент|правительств|уряд|"
    r"сил|войск|армі|арми|фсб|сбу|гур|посольств|парламент|верховн)"
)
# Masculine adjectival forms alone are surnames far more often than places ("Сырский", "Зеленский").
_SURNAME = re.compile(r"(?i)(?:ский|цкий|ський|цький|енко|ук|юк)$")
# The occupation authorities' names of Donetsk and Luhansk oblasts ("на юго-западе ДНР", "штаб ЛНР"):
# the region, the only capitals read as a place (РФ, США stand for governments and armies).
_REGION_ACRONYMS = frozenset({"ДНР", "ЛНР"})
_METROPOLIS = 500_000
_WORLD_CITY = 500_000  # a foreign city news names (talks in Стамбуле, in Вашингтоне; Женева is smaller)
_LETTERS = {"uk": frozenset("іїєґ"), "ru": frozenset("ыэъё")}


def find_cyrillic_mentions(parsed: Doc, gazetteer: Gazetteer, language: str) -> list[Mention]:
    """Mentions in text order, none overlapping; `Mention.text` is the nominative form looked up."""
    found: list[Mention] = []
    i, n = 0, len(parsed)
    while i < n:
        hit = None
        if _can_start(parsed[i].text) and not _compound_tail(parsed, i):
            hit = _compound_hit(parsed, i, gazetteer, language) or _longest_hit(
                parsed, i, gazetteer, language
            )
        if hit is None:
            i += 1
            continue
        found.append(hit[1])
        i = hit[0]
    named = one_sense(_one_name(parsed, _named_again(parsed, _not_surnames(parsed, found))))
    return former_near(in_named_region(in_context(renamed(named, gazetteer))), gazetteer)


def _not_surnames(parsed: Doc, found: list[Mention]) -> list[Mention]:
    """Without the mentions of a word the article also writes after a first name ("Владислав Дубина
    … Як уточнив Дубина"): one person's surname throughout, unless it names a large place."""
    surnames = {
        fold(word(t.text))
        for t in parsed[1:]
        if t.text[:1].isupper()
        and parsed[t.i - 1].text[:1].isupper()
        and word(parsed[t.i - 1].text).casefold() in _FIRST_NAMES
    }
    if not surnames:
        return found
    text = parsed.text  # built once: spaCy joins the tokens on every call
    return [
        m
        for m in found
        if fold(text[m.start : m.end]) not in surnames
        or any(c.population >= _TOWN or c.feature in _AREAS for c in m.candidates)
    ]


def _named_again(parsed: Doc, found: list[Mention]) -> list[Mention]:
    """A sentence's first word that names a place the article mentions elsewhere ("…звільнення
    Новоданилівки. — Новоданилівку ми тримаємо"): the opener rule (`_prominent`) keeps villages out
    where the word could be any capitalized word, but a name the article already reads as a place is
    that place. Only the openers no mention covers are looked at, each against the names found."""
    if not found:
        return found
    known: dict[str, tuple[Candidate, ...]] = {}
    for m in found:
        known.setdefault(fold(m.text), m.candidates)
    added: list[Mention] = []
    for token in parsed:
        if not token.text[:1].isupper() or len(token.text) < 4:
            continue
        if token.i and not token.is_sent_start and not parsed[token.i - 1].is_punct:
            continue  # mid-sentence: the first pass read it already
        span = parsed[token.i : token.i + 1]
        if not _can_start(token.text) or not _opens_sentence(span):
            continue
        if any(m.start < token.idx + len(token.text) and token.idx < m.end for m in found):
            continue
        if _named_otherwise(span):
            continue
        for name in forms(word(token.text)):
            candidates = known.get(fold(name))
            if candidates:
                added.append(Mention(*_visible(span), name, "gazetteer", candidates))
                break
    return sorted(found + added, key=lambda m: m.start) if added else found


def _one_name(parsed: Doc, found: list[Mention]) -> list[Mention]:
    """A word read as one name that is a case form of another name the article reads ("Иванино …
    в Иванине": the Kursk village's locative, not a Ukrainian nominative Іванине): that name's
    place, unless each is a case form of the other or either names a region ("Херсонщину" is no
    case form of Херсон)."""
    if len(found) < 2:
        return found
    by_key = {fold(m.text): m for m in found if not any(c.feature in _AREAS for c in m.candidates)}
    if len(by_key) < 2:
        return found
    text = parsed.text  # built once: spaCy joins the tokens on every call
    out = []
    for m in found:
        key, written = fold(m.text), text[m.start : m.end]
        other = None
        if key in by_key and " " not in written:
            other = next((by_key[k] for k in _folded_readings(written) if k != key and k in by_key), None)
        if other is None or key in _folded_readings(text[other.start : other.end]):
            out.append(m)
        else:
            out.append(replace(m, text=other.text, candidates=other.candidates))
    return out


@lru_cache(maxsize=8192)
def _folded_readings(written: str) -> tuple[str, ...]:
    """The folded nominatives a written word may stand for, besides itself (cached: names recur)."""
    return tuple(dict.fromkeys(fold(f) for f in forms(word(written))[1:]))


def _with_latin(mention: Mention, gazetteer: Gazetteer, language: str, region: _Region) -> Mention:
    """A village's namesakes of the front that GeoNames lists only in Latin letters ("Макіївка" of
    Luhansk Oblast is only "Makiivka"), added to those its Cyrillic name found: a village named in
    the news may be any of them, and context (a region named after it, `cyrillic_context`) picks. A
    name of a large town gets them only where a region named after it rules the town out."""
    held = mention.candidates
    if not held or any(c.feature in _AREAS for c in held):
        return mention
    if any(c.population >= _LARGE for c in held) and (not region or _inside(held, region)):
        return mention
    if not any(c.country == "UA" for c in held):
        return mention
    names = [mention.text]
    if cyrillic_language(mention.text) == "ru" or language == "ru":
        names += ukrainian_spellings(mention.text)[:2]
    ids = {c.id for c in held}
    extra: list[Candidate] = []
    for name in names:
        key = fold(romanize(name, "uk"))
        for c in gazetteer.lookup(romanize(name, "uk")):
            if c.id in ids or c.country != "UA" or not c.front or c.feature in _AREAS:
                continue
            if not _alike(key, c.name):
                continue
            ids.add(c.id)
            extra.append(replace(c, naming=held[0].naming, canonical=False))
    if not extra:
        return mention
    merged = held + tuple(extra)
    return replace(mention, candidates=_inside(merged, region) or merged)


def _compound_tail(parsed: Doc, i: int) -> bool:
    """The second part of a hyphenated name the gazetteer does not know ("Южно-Донецком направлении"):
    not a place by itself."""
    if i < 2 or parsed[i - 1].text not in "-‐" or parsed[i - 1].whitespace_ or parsed[i - 2].whitespace_:
        return False
    return parsed[i - 2].text[:1].isupper()


# Ukrainian news often writes Russia in lower case on purpose ("армія росії", "росію"): a place all
# the same.
_LOWER_RUSSIA = re.compile(r"^росі(?:я|ї|ю|єю)$")


def _can_start(text: str) -> bool:
    text = word(text)
    return bool(_CYRILLIC_WORD.match(text)) and (text[0].isupper() or bool(_LOWER_RUSSIA.match(text)))


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
    names = forms(f"{word(parsed[i].text)}-{second}")
    for name in names:
        candidates = _kept(span, gazetteer.lookup(name), name, language)
        if candidates:
            return i + 3, Mention(*_visible(span), name, "gazetteer", candidates)
    if language == "ru":  # "Александро-Шультино": "Олександро-Шультине"
        for name in names[:6]:
            for spelled in hyphenated_spellings(name):
                found = tuple(c for c in gazetteer.lookup(spelled) if c.country == "UA")
                candidates = _kept(span, found, spelled, "ru")
                if candidates:
                    return i + 3, Mention(*_visible(span), spelled, "gazetteer", candidates)
    return None


def _visible(span: Span) -> tuple[int, int]:
    """The span without invisible characters at its edges ("Покровском\u200b" ends before the ZWSP)."""
    text = span.text  # the span's own text: `doc.text` would join the whole document on each call
    end = len(text)
    while end > 0 and text[end - 1] in _INVISIBLE:
        end -= 1
    start = 0
    while start < end and text[start] in _INVISIBLE:
        start += 1
    return span.start_char + start, span.start_char + end


def _direction_hit(parsed: Doc, i: int, gazetteer: Gazetteer, language: str) -> tuple[int, Mention] | None:
    """The most prominent town a direction's adjective may come from ("Костянтинівському" is
    Костянтинівка, a city of the front, not Старокостянтинів)."""
    span = parsed[i : i + 1]
    civic = _civic(parsed[i])
    region = _region_after_noun(parsed, i, gazetteer)
    best: tuple[tuple[bool | int, ...], str, Candidate] | None = None
    readings = [(name, gazetteer.lookup(name)) for name in direction_forms(word(span.text))]
    if region and any(c.admin1_code in region for _, found in readings for c in found):
        readings = [(name, tuple(c for c in found if c.admin1_code in region)) for name, found in readings]
    for name, found in readings:
        for c in _kept(span, found, name, language):
            # a city of size in Ukraine or at the war's border, not any large namesake ("Липецькому
            # напрямку" is Lyptsi by Kharkiv, not Lipetsk)
            front = at_war(c) or (c.population >= _LARGE and c.country == "UA")
            # a community or city administration is named for its seat, the largest namesake
            # ("Лозовской общины" is Lozova, not a front village Лозове); a direction for the front
            alike = _alike(fold(romanize(name, "uk")), c.name)  # not a namesake GeoNames lists oddly
            # a community of Ukraine or of the border oblasts, not a far namesake of size
            # ("Семенівської громади" is Семенівка, not Semënov of Nizhny Novgorod Oblast)
            near = c.country == "UA" or at_war(c)
            score = (
                (near, c.population >= 20_000, front, alike, c.population)
                if civic
                else (front, c.population >= 20_000, alike, c.population)
            )
            if best is None or score > best[0]:
                best = (score, name, c)
    if best is None and language == "ru":  # "Времевском": Времівка, known by its Ukrainian name only
        for name in direction_forms(word(span.text)):
            for spelled in ukrainian_spellings(name)[:4]:
                for c in _kept(span, gazetteer.lookup(spelled), spelled, language):
                    if c.country == "UA" and c.front and (best is None or c.front > best[2].front):
                        best = ((True, False, True, c.population), spelled, replace(c, naming="ru"))
    if best is None:
        return None
    return i + 1, Mention(*_visible(span), best[1], "gazetteer", (best[2],))


def _longest_hit(parsed: Doc, i: int, gazetteer: Gazetteer, language: str) -> tuple[int, Mention] | None:
    if oblast_title(parsed, i):
        return _oblast_title_hit(parsed, i, gazetteer, language)
    if _before_direction(parsed[i]):
        return _direction_hit(parsed, i, gazetteer, language)
    if (region := _coordinated_region(parsed, i, gazetteer, language)) is not None:
        return region
    sentence_end = parsed[i].sent.end if parsed.has_annotation("SENT_START") else len(parsed)
    for end in range(min(i + MAX_TOKENS, sentence_end), i, -1):
        span = parsed[i:end]
        if not (_well_formed(span) or _short_city(span, gazetteer)):
            continue
        if _attributive(span) or _first_name(span, gazetteer) or _named_otherwise(span):
            continue
        hit = _span_hit(span, gazetteer, language)
        if hit is not None:
            return end, hit
    return None


def _span_hit(span: Span, gazetteer: Gazetteer, language: str) -> Mention | None:
    """The span's first form the gazetteer knows, unless a later form names a much larger place
    ("у Лимані" is Лиман, the town of the front, not the village Лимані); failing all, the
    Ukrainian spellings of a Russian form ("Великой Новоселки" -> "Велика Новосілка"), then the
    romanized Ukrainian form (front villages GeoNames knows only in Latin letters). A region named
    right after ("в Донецкой области", "на Сумщині") keeps the candidates inside it."""
    region = _Region(span, gazetteer)
    hit = _form_hit(span, gazetteer, language, region)
    if hit is None and len(span) <= 2:
        hit = _latin_hit(span, gazetteer, language, region)
    elif hit is not None:
        hit = _with_latin(hit, gazetteer, language, region)
    return hit


class _Region:
    """The region named right after a span (`_region_after`), looked up on first use: most spans
    name no place, and looking for a region costs lookups."""

    def __init__(self, span: Span, gazetteer: Gazetteer) -> None:
        self._span, self._gazetteer = span, gazetteer
        self._codes: frozenset[str] | None = None

    @property
    def codes(self) -> frozenset[str]:
        if self._codes is None:
            self._codes = _region_after(self._span, self._gazetteer) or _region_before(
                self._span, self._gazetteer
            )
        return self._codes

    def __bool__(self) -> bool:
        return bool(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self.codes


def _form_hit(span: Span, gazetteer: Gazetteer, language: str, region: _Region | None) -> Mention | None:
    person = _in_person(span)
    said = _after_speech_noun(span)
    best: Mention | None = None
    for words in product(*(forms(word(token.text)) for token in span)):
        name = " ".join(words)
        found = gazetteer.lookup(name)
        if not found or norm(name) in stoplist() or _foreign(name, span.text, language):
            continue
        if _instrumental_after_locative(span, words):
            continue
        candidates = _kept(span, found, name, language)
        candidates = _readable(span, words, candidates, person=person, said=said, region=region)
        if not candidates:
            continue
        mention = Mention(*_visible(span), name, "gazetteer", candidates)
        if best is None:
            best = mention
        elif _overrides(span, best, candidates, region):
            best = mention
            break
    if best is not None and len(span) == 1:
        best = _with_fleeting(span, best, gazetteer, language, region)
    if language != "ru" or len(span) > 2:
        return best
    if best is None:
        return None if said else _ukrainian_hit(span, gazetteer, person=person, region=region)
    return _russian_form_hit(span, best, gazetteer, person=person or said, region=region)


def _with_fleeting(
    span: Span, best: Mention, gazetteer: Gazetteer, language: str, region: _Region | None
) -> Mention:
    """A "-ка"/"-ку" word read as written, with the places whose "-ок"/"-ек" name it is the genitive
    or dative of ("поблизу Райгородка": Райгородок by Sloviansk as much as a Luhansk Райгородка):
    both are read, and the article's other places pick (`cyrillic_context`)."""
    written = word(span.text)
    if norm(best.text) != norm(written) or not written.casefold().endswith(("ка", "ку")):
        return best
    held = {c.id for c in best.candidates}
    extra: list[Candidate] = []
    for vowel in ("о", "е"):
        name = f"{written[:-2]}{vowel}к"
        found = tuple(c for c in gazetteer.lookup(name) if c.country in _FOCUS and c.feature not in _AREAS)
        extra += [
            c
            for c in _kept(span, found, name, language)
            if c.id not in held and c.id not in {e.id for e in extra}
        ]
    if not extra:
        return best
    merged = best.candidates + tuple(extra)
    return replace(best, candidates=_inside(merged, region) or merged)


# Prepositions that never govern the instrumental: after them "-ом" is an adjectival name's locative
# ("в Луганском" is Луганское), not a consonant stem's instrumental ("под Луганском" is Луганск).
_NOT_INSTRUMENTAL = frozenset({"в", "во", "у", "на", "при", "о", "об", "из", "от", "до", "біля", "возле"})


def _instrumental_after_locative(span: Span, words: tuple[str, ...]) -> bool:
    """Whether the reading takes the first word's "-ом" as an instrumental where the preposition
    before rules that case out."""
    if span.start == 0 or span.doc[span.start - 1].lower_ not in _NOT_INSTRUMENTAL:
        return False
    written = word(span[0].text)
    return written.casefold().endswith("ом") and words[0] == written[:-2]


def _russian_form_hit(
    span: Span, best: Mention, gazetteer: Gazetteer, *, person: bool, region: _Region | None
) -> Mention:
    """A Russian form's first reading, or the Ukrainian village its respelling names where the
    first reads only a former name, an adjectival Russian form or a place away from the front."""
    if _former_only(best):  # "Новоэкономического": Новоекономічне, not Myrnohrad's old name
        more = _ukrainian_hit(span, gazetteer, person=person, region=region)
        if more is not None and not _former_only(more):
            return more
    away = not any(at_war(c) or c.country == "UA" or c.feature in _AREAS for c in best.candidates)
    if _RU_ADJECTIVAL.search(best.text) or away:  # "Приморское"/"Белая Гора": "Приморське"/"Біла Гора"
        more = _ukrainian_hit(span, gazetteer, person=person, names=[best.text], region=region)
        if more is not None and away and any(c.front for c in more.candidates):
            return more  # a Ukrainian village of the front, not a namesake far from the war
        if more is not None:
            held = {c.id for c in best.candidates}
            extra = tuple(c for c in more.candidates if c.id not in held)
            merged = best.candidates + extra
            return replace(best, candidates=_inside(merged, region) or merged)
    if not any(c.front or c.feature in _AREAS for c in best.candidates):
        # "Иванополья": Иванополь of Zhytomyr Oblast as written, Іванопілля of the front respelled;
        # both are read, and the article's other places pick (`cyrillic_context`)
        more = _ukrainian_hit(span, gazetteer, person=person, region=region)
        if more is not None and any(c.front for c in more.candidates):
            held = {c.id for c in best.candidates}
            merged = best.candidates + tuple(c for c in more.candidates if c.id not in held)
            return replace(best, candidates=_inside(merged, region) or merged)
    if away and _size(best.candidates) < _SIZED:
        # "Под Уманским": not a Russian hamlet but a village of the front GeoNames lists only in
        # Latin letters (Umanske); a Russian town of size is as written ("под Валуйками")
        latin = _latin_hit(span, gazetteer, "ru", region, known=True)
        if latin is not None:
            return latin
    return best


def _former_only(mention: Mention) -> bool:
    """Whether the form matched only places whose own name looks nothing like it: a former name
    GeoNames keeps ("Новоэкономический" for Myrnohrad), not one of the curated Soviet ones."""
    key = fold(romanize(mention.text, "uk"))
    return all(
        c.feature not in _AREAS and c.naming not in _CURATED and not _alike(key, c.name)
        for c in mention.candidates
    )


def _readable(
    span: Span,
    words: tuple[str, ...],
    candidates: tuple[Candidate, ...],
    *,
    person: bool,
    said: bool,
    region: _Region | None,
) -> tuple[Candidate, ...]:
    """The candidates a form may stand for, given how it was read and what surrounds it."""
    if _zero_plural(span, words):  # "обстрілу Сум" is Суми; "Бондар" no village Бондарі
        candidates = tuple(c for c in candidates if c.population >= 20_000 and c.feature not in _AREAS)
    if _plural_genitive(span, words):  # "Щербаков" may be Щербаки, "Соколов" is a surname
        candidates = tuple(c for c in candidates if c.front > int(person) and c.country == "UA")
    if person:  # natasha says a person: only a place of the front, a large town or one in the
        # region named next ("о взятии Белозерского в Донецкой области") overrules it
        strong = tuple(c for c in candidates if c.front or c.population >= 20_000 or c.feature in _AREAS)
        candidates = strong or _inside(candidates, region)
    if said:  # "по словам Бондарева": a person, unless a capital speaks for its government
        candidates = tuple(c for c in candidates if c.capital or c.feature in _AREAS)
    return _inside(candidates, region) or candidates


def _inside(candidates: tuple[Candidate, ...], region: _Region | None) -> tuple[Candidate, ...]:
    """The candidates in the region named beside the mention (none where no region is named)."""
    if not candidates or not region:
        return ()
    return tuple(c for c in candidates if c.admin1_code in region)


def _overrides(span: Span, best: Mention, candidates: tuple[Candidate, ...], region: _Region | None) -> bool:
    """Whether a later form's places beat the first form's: inside the region named next to it, a
    Ukrainian town of the front (`_nearer_front`), or a much larger place than the word as written
    names ("у Лимані"), unless the text says a village ("селище Покровське") or the first form
    already names a place of the front's core. Between two case readings ("Приморского": -ое or
    -ий) the first ending's stands."""
    if region and bool(_inside(candidates, region)) != bool(_inside(best.candidates, region)):
        return bool(_inside(candidates, region))
    if _nearer_front(best, candidates):
        return True
    if _size(candidates) < max(5 * _size(best.candidates), 10_000) or _settlement_noun_before(span):
        return False
    if norm(best.text) != norm(word(span.text)):  # two case readings: the first ending's wins
        return False
    front = max((c.front for c in best.candidates), default=0)
    return (
        front < 2
        or max((c.front for c in candidates), default=0) >= front
        or _size(candidates) >= _METROPOLIS
    )


# A settlement noun before a name ("селище Покровське", "в поселке Южном", "село Андріївка"): a
# village or small town, not a city a case form could also spell.
_SETTLEMENT = re.compile(
    r"(?i)^(?:сел[оауеі]|селищ|поселк|посёлк|поселок|посёлок|деревн|смт|пгт|хутор|станиц)"
)


def _settlement_noun_before(span: Span) -> bool:
    return span.start > 0 and bool(_SETTLEMENT.match(span.doc[span.start - 1].text))


# "по словам Бондарева", "за словами Романова", "по данным Рогова": the word after is a source, a
# person (a capital may speak for its government: "по данным Киева").
_SPEECH_NOUNS = (("по", "словам"), ("со", "слов"), ("за", "словами"), ("зі", "слів"), ("по", "мнению"),
                 ("на", "думку"), ("по", "оценке"), ("за", "оцінкою"), ("по", "данным"), ("за", "даними"),
                 ("по", "информации"), ("за", "інформацією"), ("ссылкой", "на"),
                 ("посиланням", "на"))  # fmt: skip


def _after_speech_noun(span: Span) -> bool:
    if span.start < 2:
        return False
    doc = span.doc
    return (doc[span.start - 2].lower_, doc[span.start - 1].lower_) in _SPEECH_NOUNS


# Words between a place and the region it lies in: "в Новоегоровке на западе Луганской области",
# "Андріївку на Сумщині", "у Степовому на півночі Запорізької області", "на левобережье Херсонской".
_REGION_GAP = re.compile(
    r"(?i)^(?:,|-|в|во|у|на|под|під|біля|около|поблизу|недалеко|неподалеку|неподалік|(?:северо|юго|"
    r"північно|південно)-?|[а-яіїєґё]*(?:запад|восток|север|юг|заход|сход|півноч|півден|північ|центр|"
    r"част|окраин|околиц|бережь|бережж|берег)[а-яіїєґё]*)$"
)


def _region_after(span: Span, gazetteer: Gazetteer) -> frozenset[str]:
    """The admin1 codes of a region named right after the span, in the genitive or locative
    ("в Донецкой области", "на Дніпропетровщині"): not a region the sentence moves to
    ("в Днепропетровскую область"). The other places of a list may come between ("Новенькое и
    Журавку в Курской области")."""
    doc, j, gaps = span.doc, span.end, 0
    while j < len(doc) and gaps < 4 and j - span.end < 8:
        if _REGION_GAP.match(doc[j].text):
            j, gaps = j + 1, gaps + 1
        elif _listed_place(doc, j) or (doc[j].lower_ in _LIST_JOINS and _listed_place(doc, j + 1)):
            j += 1
        else:
            break
    if j >= len(doc) or not doc[j].text[:1].isupper():
        return frozenset()
    adjective = word(doc[j].text)
    if adjective.casefold().endswith(("у", "ю")):  # accusative: where something goes, not is
        return frozenset()
    names = _region_forms(adjective)
    if j + 1 < len(doc) and _REGION_WORD.match(doc[j + 1].lower_) and not doc[j + 1].lower_.endswith("ь"):
        noun = "край" if doc[j + 1].lower_.startswith("кра") else "область"
        names += [f"{form} {noun}" for form in forms(adjective)[1:]]
    for name in names:
        codes = {c.admin1_code for c in gazetteer.lookup(name) if c.feature == "region" and c.admin1_code}
        if codes:
            return frozenset(codes)
    return frozenset()


# Words between a region and a place inside it named after: "на Дніпропетровщину в районі Дачного",
# "в Курской области возле Суджи", "на Харківщині поблизу Куп'янська".
_AREA_GAP = re.compile(
    r"(?i)^(?:,|в|во|у|на|под|під|біля|около|возле|поблизу|неподалеку|неподалік|район[іеах]*|"
    r"околиц[яіеах]*|окрестност[ьяхи]*)$"
)


_LIST_JOINS = frozenset({"и", "і", "та", "й", ","})


def _listed_place(doc: Doc, j: int) -> bool:
    """A capitalized word after "и"/"та"/a comma that is not itself a region's name: another place
    of the list the span begins."""
    if not 0 < j < len(doc) or doc[j - 1].lower_ not in _LIST_JOINS or not doc[j].text[:1].isupper():
        return False
    text = word(doc[j].text)
    if not _CYRILLIC_WORD.match(text) or _SHCHYNA.match(text):
        return False
    return not (j + 1 < len(doc) and _REGION_WORD.match(doc[j + 1].lower_))


def _region_before(span: Span, gazetteer: Gazetteer) -> frozenset[str]:
    """The admin1 codes of a region named right before the span, with only a word of nearness
    between ("на Дніпропетровщину в районі Дачного"): the place lies in it."""
    doc, j = span.doc, span.start - 1
    gap = 0
    while j >= 0 and gap < 3 and _AREA_GAP.match(doc[j].text):
        j, gap = j - 1, gap + 1
    if gap == 0 or j < 0 or doc[span.start - 1].text == ",":
        return frozenset()
    names: list[str] = []
    if _REGION_WORD.match(doc[j].lower_) and j > 0 and doc[j - 1].text[:1].isupper():
        noun = "край" if doc[j].lower_.startswith("кра") else "область"
        names = [f"{form} {noun}" for form in forms(word(doc[j - 1].text))[1:]]
    elif doc[j].text[:1].isupper():
        names = _region_forms(word(doc[j].text))
    for name in names:
        codes = {c.admin1_code for c in gazetteer.lookup(name) if c.feature == "region" and c.admin1_code}
        if codes:
            return frozenset(codes)
    return frozenset()


_ADJECTIVE_PLURAL = re.compile(r"(?i)(?:ие|ые|і|их|ых)$")


def _opens_sentence(span: Span) -> bool:
    """The span's first word is its sentence's first word (after quotes or a dash): capitalized
    whatever it is."""
    doc = span.doc
    j = span.start - 1
    while j >= 0 and not doc[j].is_sent_start and doc[j].is_punct:
        j -= 1
    return j < 0 or (doc[j].is_punct and bool(doc[j].is_sent_start)) or bool(span[0].is_sent_start)


def _latin_hit(
    span: Span, gazetteer: Gazetteer, language: str, region: _Region | None, *, known: bool = False
) -> Mention | None:
    """A village of the front GeoNames lists only in Latin letters ("Плещіївки" is Pleshchiivka,
    "Предтечино" Predtechyne): the nominatives romanized by the Ukrainian national system (a Russian
    form first respelled in Ukrainian). Only places of Ukraine's front zone are taken, and not where
    NER or a speech noun says a person."""
    if _in_person(span) or _after_speech_noun(span) or _opens_sentence(span):
        return None
    if len(span) == 1 and _ADJECTIVE_PLURAL.search(span.text):  # "Украинские военные"
        return None
    nominatives = [forms(word(token.text))[:6] for token in span]
    names = [" ".join(words) for words in product(*nominatives)]
    if not known and any(gazetteer.lookup(name) for name in names):  # known in Cyrillic, ruled out above
        return None
    # a Russian form with its Ukrainian spellings, all read: "Ласточкино" romanized is a Crimean
    # Lastochkino, "Ласточкине" the Lastochkyne of the front (context picks, `cyrillic_context`)
    groups = [[name, *ukrainian_spellings(name)[:3]] if language == "ru" else [name] for name in names]
    for group in groups:
        first: str | None = None
        merged: dict[int, Candidate] = {}
        for name in dict.fromkeys(group):
            kept = _latin_kept(span, gazetteer, name, language, region)
            if kept:
                first = first or name
                merged.update((c.id, c) for c in kept if c.id not in merged)
        if first is not None:
            return Mention(*_visible(span), first, "gazetteer", tuple(merged.values()))
    return None


def _latin_kept(
    span: Span, gazetteer: Gazetteer, name: str, language: str, region: _Region | None
) -> tuple[Candidate, ...]:
    if norm(name) in stoplist():
        return ()
    found = tuple(
        replace(c, naming=language)
        for c in gazetteer.lookup(romanize(name, "uk"))
        if c.country == "UA" and c.front and c.feature not in _AREAS
    )
    found = _inside(found, region) or tuple(c for c in found if c.exact) or found
    return _kept(span, found, name, language)


# Russian endings of place names whose Ukrainian spelling differs ("-ское"/"-ське", "-овка"/"-івка").
_RU_ADJECTIVAL = re.compile(r"(?i)(?:ское|цкое|ская|ое|ая|ые|овка|евка|ёвка)$")


def _nearer_front(best: Mention, candidates: tuple[Candidate, ...]) -> bool:
    """A Ukrainian town of the front for a later form where the first named only small places away
    from it ("Боровой": Russian villages as written, Борова of Kharkiv Oblast as a case form)."""
    held = best.candidates
    if any(c.front or c.feature in _AREAS or c.population >= 20_000 for c in held):
        return False
    if any(c.front and c.country == "UA" for c in candidates):
        return True
    # only Russian villages as written ("Межевой"), a Ukrainian town as large as a case form ("Межевая")
    largest = max((c.population for c in held), default=0)
    return all(c.country != "UA" for c in held) and any(
        c.country == "UA" and c.feature not in _AREAS and c.population >= largest for c in candidates
    )


_GENITIVE_PLURAL = ("ов", "ев", "ів", "ок", "ек")


def _zero_plural(span: Span, words: tuple[str, ...]) -> bool:
    """Whether a form reads a bare stem as a plural name's genitive ("Сум" as Суми): a reading for
    towns of some size only, since most such words are surnames ("Бондар", "Коваль")."""
    return any(
        form.casefold() in {word(t.text).casefold() + "и", word(t.text).casefold() + "ы"}
        for t, form in zip(span, words, strict=True)
    )


def _plural_genitive(span: Span, words: tuple[str, ...]) -> bool:
    """Whether a form reads a written "-ов"/"-ів"/"-ок" as a plural name's genitive ("Малых Щербаков",
    "Пятихаток"): the ending of most surnames, so only a place of the front is taken (of the front's
    core where NER says a person)."""
    return any(
        word(t.text).casefold().endswith(_GENITIVE_PLURAL) and form != word(t.text)
        for t, form in zip(span, words, strict=True)
    )


def _size(candidates: tuple[Candidate, ...]) -> int:
    return max((c.population for c in candidates if c.feature not in _AREAS), default=10**7)


def _ukrainian_hit(
    span: Span,
    gazetteer: Gazetteer,
    *,
    person: bool,
    names: list[str] | None = None,
    region: _Region | None = None,
) -> Mention | None:
    """A Ukrainian village the gazetteer knows only in Ukrainian, named in a Russian text: its Russian
    nominatives (or `names`) respelled by the regular correspondences of the two languages."""
    weak = any(word(t.text).casefold().endswith(_GENITIVE_PLURAL) for t in span)  # "Морозов": a surname
    if names is None:
        nominatives = [forms(word(token.text))[:5] for token in span]
        # the nominatives first, then the word as written ("освободили Новомлинск": Новомлинськ)
        names = [" ".join(words) for words in product(*(n[1:] + n[:1] for n in nominatives))]
    for russian in names:
        for name in ukrainian_spellings(russian):
            found = [
                c
                for c in gazetteer.lookup(name)
                if c.country == "UA" and c.feature not in _AREAS and (c.front > int(person) or not weak)
            ]
            strong = [c for c in found if c.front or not person]
            found = list(_inside(tuple(strong), region) or strong or _inside(tuple(found), region))
            kept = _kept(span, tuple(found), name, "ru")
            if kept:
                return Mention(
                    *_visible(span), name, "gazetteer", tuple(replace(c, naming="ru") for c in kept)
                )
    return None


def _oblast_title_hit(parsed: Doc, i: int, gazetteer: Gazetteer, language: str) -> tuple[int, Mention] | None:
    """The oblast an administration is named for ("Харьковской ОВА" is Kharkiv Oblast): the
    adjective's nominative with "область", a region only."""
    return _region_of(parsed[i : i + 1], forms(word(parsed[i].text)), "область", gazetteer, language)


def _coordinated_region(
    parsed: Doc, i: int, gazetteer: Gazetteer, language: str
) -> tuple[int, Mention] | None:
    """The first of two regions sharing one noun ("Белгородской и Курской областям", "Бєлгородській та
    Курській областях"): the adjective with the noun's nominative."""
    if i + 3 >= len(parsed) or parsed[i + 1].lower_ not in {"и", "і", "та", "й", "или", "або"}:
        return None
    if not (parsed[i + 2].text[:1].isupper() and _REGION_WORD.match(parsed[i + 3].lower_)):
        return None
    noun = "край" if parsed[i + 3].lower_.startswith(("кра", "краї")) else "область"
    return _region_of(parsed[i : i + 1], forms(word(parsed[i].text))[1:], noun, gazetteer, language)


def _region_of(
    span: Span, adjectives: list[str], noun: str, gazetteer: Gazetteer, language: str
) -> tuple[int, Mention] | None:
    """The first reading of an adjective that, with the region noun, names a region (only a region:
    "Харьковская область", never a town that happens to share the words)."""
    for form in adjectives:
        name = f"{form} {noun}"
        candidates = tuple(
            c for c in _kept(span, gazetteer.lookup(name), name, language) if c.feature == "region"
        )
        if candidates:
            return span.end, Mention(*_visible(span), name, "gazetteer", candidates)
    return None


# Neuter village nominatives ("Нетайлово", "Курахово", "Предтечино"): no Russian surname ends so,
# though natasha tags some as people.
_NEUTER_PLACE = re.compile(r"(?:ово|ево|ёво|ино|ыно)$")


# Prepositions of place that do not govern a person ("в", "под", "возле", "из", "через"; not "у",
# "к", "от", "с", which do: "у Иванова", "к Петрову").
# The settlement suffix "-овка"/"-івка" and its case forms ("у Шабельковки", "в Андріївці"): a
# village's name, never a person's, whatever NER says.
_VILLAGE_SUFFIX = re.compile(r"(?i)[оеёіїи]в(?:к[аиуеі]|кой|кою|ц[іе])$")
# Words whose genitive or object is a place, not a person: a resident of it ("жителька Станіслава
# Ніна Коваль", "мешканець Хутора-Михайлівського"), its capture, defence or shelling ("об
# освобождении Беленького", "обстріляли Станіслав"): NER's person and a first name give way.
_PLACE_GOVERNOR = re.compile(
    r"(?i)^(?:мешкан|жител|уроджен|уроженц|уроженк|освобожд|звільненн|взяти|взятт|захват|захопленн|"
    r"штурм|обстрел|обстріл|окружени|оточенн)"
)
_SPATIAL = frozenset(
    {"в", "во", "под", "подо", "возле", "около", "близ", "вблизи", "из", "изо", "через", "окрестностях",
     "районе", "окраинах", "направлении"}
)  # fmt: skip


_PREPOSITIONS = frozenset(
    {"у", "к", "ко", "от", "до", "для", "с", "со", "за", "между", "над", "перед", "при", "о", "об", "по"}
)


def _in_person(span: Span) -> bool:
    """Whether NER (natasha, Russian) tagged the span as part of a person's name: not after a
    preposition of place ("под Ступочками", "в районе Ступочек"), nor a word ending in a consonant
    after any preposition ("у Бердычей", "у Ступочек": a man's surname there takes a vowel ending,
    "у Петрова", "к Котенку")."""
    if len(span) == 1 and (_NEUTER_PLACE.search(span.text) or _VILLAGE_SUFFIX.search(span.text)):
        return False
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _SPATIAL or _PLACE_GOVERNOR.match(before):
        return False
    if len(span) == 1 and before in _PREPOSITIONS and re.search(r"[бвгджзйклмнпрстфхцчшщ]$", span.text):
        return False
    return any(e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end for e in span.doc.ents)


# A district, community or okrug is named for its seat, the largest namesake ("Синельниковского
# района" is the town of 30,000, not a village of the front called Синельникове).
_CIVIC = re.compile(r"(?i)^(?:громад|общин|округ(?!л)|район(?!н))")


def _region_after_noun(parsed: Doc, i: int, gazetteer: Gazetteer) -> frozenset[str]:
    """The admin1 codes of a region named after the adjective's noun ("Климовского района Брянской
    области" is Klimovo in Bryansk Oblast, not a Crimean namesake of the front)."""
    for t in parsed[i + 1 : i + 24]:
        if _DIRECTION.match(t.text) or t.text in _TOWN_ADMINISTRATIONS:
            return _region_after(parsed[i : t.i + 1], gazetteer)
    return frozenset()


def _civic(token: Token) -> bool:
    """Whether the adjective's noun is a town's community or administration, not a direction."""
    if town_title(token.doc, token.i):
        return True
    for t in token.doc[token.i + 1 : token.i + 24]:
        if t.text in _TOWN_ADMINISTRATIONS or _CIVIC.match(t.text):
            return True
        if _DIRECTION.match(t.text):
            return False
    return False


def _before_direction(token: Token) -> bool:
    """Whether the token is an adjective of a front direction ("Покровском направлении", "Покровському
    та Костянтинівському напрямках")."""
    doc, i = token.doc, token.i
    if not _ADJ_CASE.search(token.text):
        return False
    if town_title(doc, i):  # "Краматорской ГВА", "Ізюмській районній військовій адміністрації"
        return True
    if i > 0 and doc[i - 1].text in "-‐" and not doc[i - 1].whitespace_:  # "Южно-Донецком": no town
        return False
    joined = False
    for t in doc[i + 1 : i + 24]:  # "на Куп'янському, Лиманському … та Торецькому напрямках"
        if _DIRECTION.match(t.text) or t.text in _TOWN_ADMINISTRATIONS:
            return True
        if _COMMUNITY_KIND.match(t.text):
            continue
        if t.text[:1].isupper() and not joined:
            # two adjectives of a list stand apart by a comma or "та"; a village right before one
            # ("в Пролісному Чугуївського району") is no direction's adjective
            return False
        joined = t.text in {",", "и", "та", "і", "й", "-", "‐"}
        if not (joined or t.text[:1].isupper()):
            return False
    return False


def _attributive(span: Span) -> bool:
    """A lone capitalized adjective before a common noun or an acronym ("Донецька обласна прокуратура",
    "Восточной группировки", "Одеської ОВА"): part of a longer name, not a place."""
    if len(span) != 1 or span.end >= len(span.doc):
        return False
    if _COMPASS_ADJECTIVE.match(span.text) and _PART_NOUN.match(span.doc[span.end].text):
        return True  # "Південна околиця", "Северная часть": a side of a place, not Південне/Северное
    if not _ADJECTIVE.search(span.text):
        return False
    after = span.end + 1 if span.doc[span.end].text in '»“"' else span.end  # "«Южной» группировки"
    if after >= len(span.doc):
        return False
    following = span.doc[after].text
    if _before_direction(span[0]) or _PLACE_NOUN.match(following):
        return False
    if span.start > 0 and span.doc[span.start - 1].text in '«„"' and following[:1].islower():
        # a short quoted title: «Новой газете», «Северный ветер» (not the first words of a quotation)
        closing = [t.i for t in span.doc[after + 1 : after + 4] if t.text in '»“"']
        if len(following) > 1 and closing:
            return True
    if re.match(r"^(?:сил[аиуі]?|войск\w*|військ\w*)$", following):  # "Південних сил", lowercase only
        return True
    if following in _ACTORS:  # "позиции у Яровой ВСУ удерживают": the army is the subject
        return False
    return bool(_INSTITUTION_NOUN.match(following)) or (len(following) > 1 and following.isupper())


# Adjectives of the compass, and the nouns of a side or part of a place they describe.
_COMPASS_ADJECTIVE = re.compile(
    r"(?i)^(?:північн|південн|східн|західн|северн|южн|восточн|западн|центральн)[а-яіїєё]*$"
)
_PART_NOUN = re.compile(
    r"(?i)^(?:околиц|окраин|частин|част[ьиі]|сторон|берег|флан|ділянк|участ|квартал|передміст|пригород|"
    r"промзон|мікрорайон|микрорайон)"
)
# Acronyms of a state, an army or an alliance: a full name that no adjective of a place qualifies, so
# a capitalized word before one is a place or a person (a village named like an adjective, Яровая).
_ACTORS = frozenset(
    {"ВСУ", "ЗСУ", "ВС", "РФ", "США", "НАТО", "ЕС", "ЄС", "ООН", "ВКС", "ДНР", "ЛНР", "МАГАТЭ", "МАГАТЕ"}
)


def _named_otherwise(span: Span) -> bool:
    """A common word capitalized ("Сили оборони"), or a call sign ("с позывным «Гранит»")."""
    if len(span) == 1 and word(span.text).casefold() in _NOT_PLACES:
        return True
    if _personal_name(span):
        return True
    if _quoted_name(span):
        return True
    before = [t for t in span.doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    return bool(before) and bool(_NICKNAME.match(before[-1].text))


def _personal_name(span: Span) -> bool:
    """A common first name, or a surname right after one ("Мария Иванова", "Владимир Романов")."""
    doc = span.doc
    if word(span[0].text).casefold() in _FIRST_NAMES:
        return not _governed_place(span)
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    if _PATRONYMIC.search(before) or _PATRONYMIC.search(after) or _PATRONYMIC.search(span[-1].text):
        return True  # "Сергей Кужугетович Шойгу", "Олена Петрівна": names around a patronymic
    if word(before).casefold() in _FIRST_NAMES or _inflected_first_name(before):
        return True  # "Юрий Котенок", "Владимир Романов", "Олега Руденка": a surname
    # "Владимира Сташенко": a first name's case form before a capitalized word (the surname)
    return (
        len(span) == 1
        and _CYRILLIC_WORD.match(word(after)) is not None
        and after[:1].isupper()
        and _inflected_first_name(span.text)
        and not _governed_place(span)
    )


def _governed_place(span: Span) -> bool:
    """A word after a resident noun or a word of capture or shelling (`_PLACE_GOVERNOR`) that no
    surname follows: a place though it spells a first name ("обстріляли Станіслав", "жителька
    Станіслава Ніна Коваль"; "мешканка Ніна Коваль" stays a person)."""
    doc = span.doc
    if span.start == 0 or not _PLACE_GOVERNOR.match(doc[span.start - 1].text):
        return False
    after = word(doc[span.end].text) if span.end < len(doc) else ""
    return not after[:1].isupper() or after.casefold() in _FIRST_NAMES


def _inflected_first_name(text: str) -> bool:
    """A first name in an oblique case ("Олега", "Владимира", "Ірини"), read by its nominatives."""
    text = word(text)
    if not _CYRILLIC_WORD.match(text) or not text[:1].isupper():
        return False
    return any(form.casefold() in _FIRST_NAMES for form in _word_forms(text, plural=False)[1:6])


def _quoted_name(span: Span) -> bool:
    """A name in quotation marks after a common noun ("группировка войск «Днепр»", "операція «Схід»"):
    a unit, an operation or a ship named after a place, not the place."""
    doc, start, end = span.doc, span.start, span.end
    if start < 2 or end >= len(doc) or doc[start - 1].text not in '«„"' or doc[end].text not in '»“"':
        return False
    before = doc[start - 2].text
    # "группировка «Днепр»", or a unit's acronym: "ОСУВ «Хортиця»", "ОТУ «Харків»"
    return (before[:1].islower() and len(before) > 3) or (len(before) >= 2 and before.isupper())


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
    after = span.doc[span.end + 1].lower_ if span.end + 1 < len(span.doc) else ""
    if _REGION_WORD.match(after) or _PLACE_NOUN.match(after):  # "Приморское Запорожской области"
        return False
    if following.casefold() in _FIRST_NAMES:  # "Мер Києва Віталій Кличко": the first name follows
        return False
    return not any(
        c.population >= 20_000 or c.feature in _AREAS
        for form in forms(word(span.text))[:4]
        for c in gazetteer.lookup(form)
    )


def _well_formed(span: Span) -> bool:
    """Cyrillic words, the first capitalized, the others capitalized or a region word ("область")."""
    if not all(_CYRILLIC_WORD.match(word(token.text)) for token in span):
        return False
    if _LOWER_RUSSIA.match(word(span[0].text)):
        return len(span) == 1
    if len(span) == 1:
        return (len(span.text) >= 4 and not span.text.isupper()) or word(span.text) in _REGION_ACRONYMS
    return all(token.text[0].isupper() or _REGION_WORD.match(token.lower_) for token in span[1:])


def _short_city(span: Span, gazetteer: Gazetteer) -> bool:
    """A three-letter word that is a form of a large city of Ukraine or Russia ("обстрілу Сум"):
    short words (pronouns "Він", "Усі") are kept out of lookup unless they name one."""
    text = word(span.text)
    if len(span) != 1 or len(text) != 3 or not _CYRILLIC_WORD.match(text) or not text[0].isupper():
        return False
    if text.isupper():
        return False
    return any(
        c.population >= 100_000 and c.feature not in _AREAS and c.country in _FOCUS
        for form in forms(text)
        for c in gazetteer.lookup(form)
    )


def _kept(span: Span, candidates: tuple[Candidate, ...], name: str, language: str) -> tuple[Candidate, ...]:
    """Candidates conflict news is about, each naming its tradition (the form's letters, else the
    article's language): without NER, a sentence's first word must name a prominent place."""
    naming = cyrillic_language(name) or language
    kept = [c for c in candidates if c.country in _FOCUS or c.feature in _AREAS or c.front]
    if not kept:  # a foreign city only where no place of Ukraine or Russia has the name ("Нью-Йорка")
        kept = [c for c in candidates if c.population >= _WORLD_CITY]
    if any(c.front for c in kept):
        # Conflict news means the front's Северск (Siversk), not Seversk near Tomsk; a Russian
        # namesake on the border is as much the war's ("Ровеньки Белгородской области")
        kept = [
            c
            for c in kept
            if at_war(c) or c.feature in _AREAS or c.country == "UA" or c.population >= _METROPOLIS
        ]
    kept = _same_name(kept, name)
    if _after_institution(span) or _agent(span):
        kept = [c for c in kept if c.feature != "country"]
    if len(span) == 1 and _SURNAME.search(span.text):
        kept = [c for c in kept if c.feature in _AREAS or c.population >= 100_000]
    if span[0].is_sent_start:
        # two capitalized words that name a place of the war ("Новий Донбас ми тримаємо") are its
        # name, not a capitalized common word: the opener rule is for one word
        inflected = norm(name) != norm(span.text)
        kept = [c for c in kept if _prominent(c, inflected=inflected) or (len(span) > 1 and at_war(c))]
    return tuple(replace(c, naming=c.naming or naming) for c in kept)


_CURATED = frozenset({"soviet", "en", "ru-occupation"})  # namings only resources/places-*.tsv assign
_SIMILAR = 0.5


def _same_name(kept: list[Candidate], name: str) -> list[Candidate]:
    """Without the places a name matched only as a former name GeoNames keeps ("Олександрівка" is
    an old name of Donetsk, "Іванівка" of Bilozerka) where other places bear it today: a candidate
    whose own name, romanized, looks nothing like the form is dropped unless the renaming is one
    of the curated (Soviet, Russian) forms."""
    if len(kept) < 2:
        return kept
    key = fold(romanize(name, "uk"))
    alike = [c for c in kept if c.feature in _AREAS or c.naming in _CURATED or _alike(key, c.name)]
    return alike if alike and len(alike) < len(kept) else kept


@lru_cache(maxsize=8192)
def _alike(key: str, canonical: str) -> bool:
    """Whether a romanized form and a place's own name are one name; a noun in "-ка" is not the
    "-skyi" district GeoNames also files under it ("Олександрівка": Oleksandrivskyi, a city district)."""
    folded = fold(canonical)
    if key.endswith("ka") and folded.endswith("ski"):
        return False
    return SequenceMatcher(None, key, folded).ratio() >= _SIMILAR


def _foreign(name: str, written: str, language: str) -> bool:
    """A nominative in the other language's letters than both the article and the written form use
    ("Часова Яра" in a Russian article is Часов Яр, not Ukrainian Часів Яр)."""
    letters = _LETTERS.get("ru" if language == "uk" else "uk", frozenset())
    return bool(letters.intersection(name.casefold())) and not letters.intersection(written.casefold())


# A passive participle ("назначенный", "призначений", "контролируемой"): a country in the instrumental
# right after one is who did it ("назначенный Россией глава"), not a place (the gold conventions).
_PASSIVE_PARTICIPLE = re.compile(
    r"(?i)^[а-яіїєґё]+(?:нн|ем|им|ен|ан|ян)(?:ый|ая|ое|ые|ого|ому|ой|ых|ым|ыми|ую|ий|а|е|і|ої|их|ими)$"
)
_INSTRUMENTAL = ("ей", "ею", "єю", "ою", "ой", "ом")


def _agent(span: Span) -> bool:
    if len(span) != 1 or span.start == 0 or not word(span.text).casefold().endswith(_INSTRUMENTAL):
        return False
    return bool(_PASSIVE_PARTICIPLE.match(span.doc[span.start - 1].text))


# A part of the country an institution is named for ("Силы обороны юга Украины").
_COMPASS_GENITIVE = frozenset({"юга", "севера", "востока", "запада", "півдня", "півночі", "сходу", "заходу"})


def _after_institution(span: Span) -> bool:
    before = span.start - 1
    if before > 0 and span.doc[before].lower_ in _COMPASS_GENITIVE:
        before -= 1
    return before >= 0 and bool(_INSTITUTION.match(span.doc[before].text))


def _prominent(c: Candidate, *, inflected: bool) -> bool:
    """A sentence's first word is a place only if well known; as an inflected form, only if large."""
    if c.feature in _AREAS or c.population >= 20_000:
        return True
    # a town of the front as written ("Оріхів залишається…"): sized towns are rarely common words
    return not inflected and (c.front > 1 or (c.front > 0 and c.population >= _SIZED))
