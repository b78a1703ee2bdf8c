"""Nominatives of Russian and Ukrainian place-name forms: case endings undone, for gazetteer lookup.

The gazetteer holds names in the nominative ("Покровськ", "Часів Яр"); news inflects them ("под
Покровском", "біля Часового Яру"). `forms` gives the word as written, then the nominatives its ending
may stand for, in order of preference; `direction_forms` the towns an adjective of a front direction or
an administration may come from ("Покровском" -> "Покровск"). No lookup here: `cyrillic` tries them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

# Oblique ending -> nominative endings it may stand for, longest ending first. Written for this
# project from the declension tables of Russian and Ukrainian nouns and adjectives (a-stems
# "Авдеевка/Авдіївки", consonant stems "Покровск/Покровську", Ukrainian і/о alternation
# "Харків/Харкова", neuter "Курахово", adjectival "Роботиного" -> "Роботине", soft stems
# "Мариуполь/Мариуполя", feminine adjectives of regions "Харьковской/Харківської", possessive
# "Часового Яру" -> "Часів Яр").
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # "-піль" towns keep і only in the nominative ("до Олександрополя", "у Тернополі")
    ("поля", ("піль",)),
    ("полі", ("піль",)),
    ("полю", ("піль",)),
    ("полем", ("піль",)),
    # a lone "-ового" is a neuter's genitive ("навпроти Львового": Львове, not Львів)
    ("ового", ("ове", "ів", "овой", "овий")),
    ("овым", ("ов", "овый", "овой", "ово")),
    ("овим", ("ів", "овий", "ове")),
    ("ского", ("ское", "ске", "ский", "ськ", "ск")),
    ("ського", ("ське", "ський", "ськ")),
    ("ного", ("не", "ное", "ний", "ный")),
    ("ному", ("не", "ное", "ний", "ный")),
    ("овому", ("ове", "ів", "овий")),
    ("ькому", ("ький", "ьке", "ьк")),
    ("цкому", ("цкий", "цкое")),
    ("ському", ("ське", "ський", "ськ")),
    ("ому", ("е", "ий", "ое", "ый", "ой")),
    ("ским", ("ский", "ское", "ськ")),  # "Уманским": Уманское as much as a masculine
    ("цким", ("цкий", "цкое")),
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
    ("овом", ("ів", "ов", "ово", "овой", "овый")),
    ("ові", ("ів", "ов", "ова")),
    ("ова", ("ів", "ов", "ово")),
    ("ову", ("ів", "ов")),
    ("єві", ("їв",)),
    ("єва", ("їв",)),
    ("ці", ("ка",)),
    # Ukrainian х/с and г/з before the dative/locative і ("Великій Комишувасі", "Залізі"/"Залізо"
    # aside): "-сі" may be "-ха", "-зі" "-га", as "-ці" is "-ка"
    ("сі", ("ха",)),
    ("зі", ("га",)),
    ("озі", ("іг", "ога")),
    ("огу", ("іг", "ог")),
    ("ога", ("іг", "ог")),
    ("огом", ("ого", "іг")),
    # a neuter adjectival name's locative ("в Луганском", "в Приколотном") as much as a consonant
    # stem's instrumental ("под Луганском")
    ("ском", ("ск", "ское")),
    ("цком", ("цк", "цкое")),
    ("ном", ("н", "ное")),
    # a consonant stem's instrumental, or a hard adjective's locative ("в Большом Солдатском", "в
    # Новом Осколе": Большое, Новый)
    ("ом", ("", "о", "е", "ое", "ый", "ой")),
    ("ем", ("ь", "е", "й")),
    ("ьих", ("ьи",)),
    ("ыми", ("ые", "ый")),
    ("ими", ("і", "ие", "ий")),
    ("ых", ("ые", "ый")),
    ("их", ("і", "ий", "ие")),
    ("ої", ("а", "ий")),
    ("ій", ("а", "ий", "я")),
    ("ую", ("ая",)),
    ("ов", ("ы", "и", "", "а")),  # "-а" plurals: "Волчанских Хуторов" of Волчанские Хутора
    ("ок", ("ки",)),
    ("ек", ("ки",)),
    ("ев", ("и", "")),
    ("ів", ("и", "і", "")),
    ("ям", ("я", "і", "ь")),
    ("ями", ("і", "и", "я")),
    ("ам", ("и", "ы", "а", "і")),
    ("ях", ("і", "и", "я", "ь")),
    ("ой", ("а", "ой", "ое", "ая")),
    ("ого", ("ое", "е", "ий", "ый", "ой")),
    # soft adjectives ("Дальнего", "Верхнем", "Дальнього"): "-нее", "-ний", Ukrainian "-нє"
    ("него", ("нее", "ний")),
    ("нему", ("нее", "ний")),
    ("нем", ("нее", "ний")),
    ("ним", ("нее", "ний", "нє")),
    ("ього", ("є", "ій")),
    ("ьому", ("є", "ій")),
    ("ым", ("ый", "ой", "ий", "ое")),
    ("им", ("ий", "ій", "е")),
    ("ью", ("ь", "ье", "ья")),
    ("ьем", ("ье",)),
    ("ья", ("ье", "ь")),
    ("ами", ("и", "ы")),
    ("ах", ("и", "ы", "а")),
    ("ою", ("а", "я")),
    ("ей", ("я", "ь", "и")),
    ("ею", ("я", "ь")),
    ("ти", ("ть",)),
    ("сти", ("сть",)),
    ("сті", ("сть",)),
    ("а", ("", "о", "е", "ь")),
    ("у", ("", "а", "о")),
    ("ю", ("ь", "я", "й")),
    ("е", ("", "а", "о", "ь", "я")),
    ("ї", ("я",)),
    ("і", ("", "а", "ь", "я", "о", "е")),
    ("и", ("а", "ь", "я", "")),
    ("ы", ("а",)),
    ("я", ("ь", "е", "й")),
)
# Endings with the Ukrainian о/і and г/з alternation ("Кривому Розі", "Кривого Рогу": Кривий Ріг),
# read on one-letter stems too.
_ALTERNATING = frozenset({"озі", "огу", "ога", "огом"})
# "Дніпропетровщина", "Херсонщину", "Донеччині": the oblast named after its centre.
SHCHYNA = re.compile(r"^(?P<stem>[А-ЯЁІЇЄҐ][а-яёіїєґ'ʼ’]+?)(?P<sh>щин|чин)(?:а|и|ы|у|і|е|ой|ою)$")
ADJ_CASE = re.compile(r"(?:ому|ом|ій|ої|ой|ым|им|ого|ий|ый|ая|ое|а)$")
_ADJ_SUFFIX = re.compile(r"(?:ьск|ськ|ск|цьк|цк|зьк|зск)$")


def forms(word: str) -> list[str]:
    """See `_forms`: a fresh list of the cached readings (a word is read in up to three spans and
    again by the rules around it)."""
    return list(_forms(word))


@lru_cache(maxsize=16384)
def _forms(word: str) -> tuple[str, ...]:
    """The word as written, then its possible nominatives, in order of preference; a hyphenated name
    ("Купянском-Узловым") part by part, a region named by "-щина" ("Дніпропетровщині") as its oblast."""
    if "-" in word.strip("-"):
        parts = [word_forms(part, plural=False)[:8] for part in word.split("-")]
        if all(parts) and len(parts) <= 3:
            return tuple(dict.fromkeys("-".join(combo) for combo in product(*parts)))[:64]
    return (*region_forms(word), *word_forms(word))


def region_forms(word: str) -> list[str]:
    m = SHCHYNA.match(word)
    if m is None:
        return []
    stem = m["stem"][:-1] + "ц" if m["stem"].endswith("ч") and m["sh"] == "чин" else m["stem"]
    if stem.endswith("ц"):  # "Донеччина" -> "Донецька область"
        return [f"{stem}ька область", f"{stem}кая область"]
    # a district named after its town ("Нікопольщина") where no oblast bears the name: the town
    return [f"{stem}ська область", f"{stem}ская область", stem]


# A Ukrainian masculine noun's о/е closes to і in the nominative's last syllable ("Хутора"/"Хутір",
# "Броду"/"Брід", "Двору"/"Двір"): after the endings of its oblique cases, that nominative too.
_CLOSING = frozenset({"а", "у", "і", "ом", "ові"})
_OPEN_VOWEL = re.compile(r"[ое]([рдлзстнмб])$")


def word_forms(word: str, *, plural: bool = True) -> list[str]:
    """The written word and the nominatives its ending may stand for. "-ьке" is a Ukrainian neuter
    nominative ("Покровське"), never the Russian locative of a "-ск" town ("в Покровске"): its -е is
    not taken off."""
    out = [word]
    lowered = word.casefold()
    for ending, nominatives in _ENDINGS:
        if ending == "е" and lowered.endswith("ьке"):
            continue
        if lowered.endswith(ending) and len(word) - len(ending) >= (1 if ending in _ALTERNATING else 2):
            stem = word[: len(word) - len(ending)]
            out.extend(stem + nominative for nominative in nominatives)
            if ending in _CLOSING and len(stem) > 3 and _OPEN_VOWEL.search(stem):  # "Хутора": "Хутір"
                out.append(_OPEN_VOWEL.sub(r"і\1", stem))
    if plural and re.search(r"[бвгджзклмнпрстфхцчшщ]$", lowered):  # genitive plural: "Сум", "Черкас"
        out += [word + "и", word + "ы"]
    out += _fleeting(word)
    return list(dict.fromkeys(out))


# A masculine name whose last vowel drops in the oblique cases ("Марганець"/"Марганцю", "Марганец"/
# "Марганца", "Городок"/"Городка"): the case ending taken off, the vowel put back.
_FLEETING = re.compile(r"(?i)^(?P<stem>.*[бвгджклмнпртфхчшщ]ь?)(?P<c>ц|к)(?:ям|ем|ом|ові|еві|а|у|ю|я|і|е)$")


def _fleeting(word: str) -> list[str]:
    m = _FLEETING.match(word)
    if m is None or len(m["stem"]) < 3:
        return []
    stem, c = m["stem"].removesuffix("ь"), m["c"]  # "Інгульці": Інгулець, the ь before ц is the vowel's
    if c.casefold() == "ц":
        return [f"{stem}е{c}ь", f"{stem}е{c}"]
    return [f"{stem}о{c}", f"{stem}е{c}"]


def direction_forms(adjective: str) -> list[str]:
    """Town names an adjective of a front direction may come from: "Покровском" -> "Покровск",
    "Костянтинівському" -> "Костянтинівка", "Гуляйпольском" -> "Гуляйполе", "Запорізькому" -> "Запоріжжя"."""
    stem = ADJ_CASE.sub("", adjective)
    out = [stem]
    base = _ADJ_SUFFIX.sub("", stem)
    if base != stem and len(base) >= 3:
        out += [base + ending for ending in ("", "е", "о", "ка", "а", "ье", "я", "ове", "ово", "ха", "ь")]
        # "Гуляйпільському"/"Гуляйпольском" -> "Гуляйполе": і -> о in the last syllable, soft sign dropped
        hard = re.sub(r"і(?=[^аеиоуяюєії]*$)", "о", base).removesuffix("ь")
        if hard != base:
            out += [hard + ending for ending in ("е", "я", "", "а")]
        if stem.endswith(("зьк", "зск")):
            out += [base + "жжя", base + "жье"]
        out += _town_nouns(base)
        out += _plural_nouns(stem, base)
        out += _compound_names(base)
    return list(dict.fromkeys(out))


def _town_nouns(base: str) -> list[str]:
    """Nouns an adjective's base comes from besides the plain endings: a "-ка" town's "-ков"/"-ків"
    ("Новоселковский", "Новосілківський" of Новоселка/Новосілка), a "-ея"/"-ія" town's "-ей"/"-ій"
    ("Балаклейский", "Балаклійський" of Балаклея/Балаклія)."""
    out = []
    if base.endswith(("ков", "ків")):
        out.append(base[:-2] + "а")
    if base.endswith(("ей", "ій")):
        out.append(base[:-1] + "я")
    if base.endswith(("ин", "ін", "ын")) and len(base) > 4:  # "Шосткинський" of Шостка, "Щастинський"
        out += [base[:-2] + "а", base[:-2] + "я"]
    if base.endswith(("з", "ж")):  # г before the suffix: "Печенізький"/"Печенежский" of Печеніги/Печенеги
        out += [base[:-1] + "ги", base[:-1] + "га", base[:-1] + "г"]
    return out


def _plural_nouns(stem: str, base: str) -> list[str]:
    """Nouns whose adjective inserts a syllable or drops a vowel, as town adjectives regularly do:
    plural names take "-ов-"/"-ів-" ("Пологовский", "Пологівський" of Пологи, "Ровеньковский" of
    Ровеньки) or lose a fleeting е ("Липецький" of Липці, "Валуйский" of Валуйки); "-а" names may
    take "-ан-" ("Суджанский" of Суджа); "-лля"/"-сся" names drop the doubled consonant and the
    apostrophe names the "'я" ("Добропільський" of Добропілля, "Білогірський" of Білогір'я)."""
    out = [base + "и", base + "ы", base + "ки"]
    if base.endswith(("ов", "ів", "ев", "ёв")):
        out += [base[:-2] + "и", base[:-2] + "ы"]
    if stem.endswith(("ецьк", "ецк")):  # "Липецький" of Липці, "Марганецька" of Марганець
        out += [base[:-1] + "ці", base[:-1] + "цы", base + "ць", base + "ц"]
    elif stem.endswith(("цьк", "цк")):  # "Токмацький" of Токмак, "Сосницька" of Сосниця
        out += [base + "к", base + "ця", base + "ца"]
    if base.endswith(("ан", "ян")) and len(base) > 4:  # "Суджанский"; "Рубіжанська" of Рубіжне
        out += [base[:-2] + "а", base[:-2] + "я", base[:-2] + "е", base[:-2] + "не", base[:-2] + "ное"]
    if base.endswith("ь") and len(base) > 3 and base[-2] not in "аеиоуяюєіїь":
        out.append(base[:-1] + base[-2] + "я")
    if base[-1:] in "рбпвм":
        out += [base + "’я", base + "'я", base + "ʼя", base + "ье"]
    return out


# The first part of a compound name's adjective, by the gender of the noun it goes with: "Велико-"
# of Великая/Велика Новоселка, "Красно-" of Красный Лиман, "Часово-" of Часов/Часів Яр, "Жовто-" of
# Жовті Води.
_FIRST_PART = {"f": ("ая", "а"), "m": ("ый", "ий", "", "ів"), "n": ("ое", "е"), "p": ("ые", "і")}


def _compound_names(base: str) -> list[str]:
    """Two-word names a compound adjective comes from, split at its linking о ("Великоновосілківському"
    -> "Велика Новосілка", "Краснолиманском" -> "Красный Лиман", "Часовоярському" -> "Часів Яр",
    "Жовтоводської" -> "Жовті Води")."""
    out: list[str] = []
    for i in range(3, len(base) - 2):
        if base[i] != "о" or base[i - 1] in "аеиоуяюєіїь'":
            continue
        first, rest = base[:i], base[i + 1 :]
        for noun in [rest, rest + "а", *(_town_nouns(rest)), rest + "и", rest + "ы", rest + "ка"]:
            gender = "f" if noun.endswith(("а", "я")) else "n" if noun.endswith(("о", "е")) else "m"
            gender = "p" if noun.endswith(("и", "ы")) else gender
            for ending in _FIRST_PART[gender]:
                head = first.removesuffix("ов") + ending if ending == "ів" else first + ending
                if ending == "ів" and not first.endswith("ов"):
                    continue
                out.append(f"{head} {noun[:1].upper()}{noun[1:]}")
    return out[:32]
