"""Who speaks in Russian and Ukrainian text (issue 12): the words for speakers, and the memory that
resolves a pronoun or a short name to someone named before.

`claimledger.quotes.cyrillic` finds quotes and the words that name their speaker (a `_Who`); this module
knows what those words are (reporting verbs, nouns for a person already named, organizations, outlets,
anonymous sources) and turns a `_Who` into a `Speaker`: "он"/"вона" the last person whose verb or name
agrees in gender, "ведомство"/"там" the last organization, "Генштабе" the "Генеральный штаб ВСУ" named
before, "сапера" the sapper named with a call sign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from claimledger.document import Speaker, SpeakerKind
from claimledger.quotes.cyrillic_institutions import body_kind

_L = r"[а-яёіїєґ'ʼ’]"
# Reporting verbs, Russian then Ukrainian, by stem so that every gender, number and tense counts.
CUE = (
    r"(?:заяви[лвт]|говорят|следует\s+из(?=\s)|випливає\s+(?:з|із)(?=\s)|информиру(?:ет|ют)|інформу(?:є|ють|вав|вала|вали)|поделил(?:ся|ась|ись)|поділи(?:вся|лася|лися)|заявля|цитиру|цитую|опубликова|прокоментува|прокомментирова|опублікува|оприлюдни|сообщ(?:ил|ает|ают|али|ило|ало|ала|ал)|сказал|сказав|говори[лт]|говорится|отметил|подчеркнул|"
    r"добави?л|поясни[лв]|призна(?:[лв]|ют|ет|ёт)|уточни[лв]|написал|написав|пишет|пише|рассказ(?:ал|ыва)|опроверг|"
    r"переда[её]т|передают|передає|передають|утвержда|стверджу|ответил|відповіл|відповів|подтверди[лв]|підтверди[лв]|объявил|оголоси|"
    r"заверил|запевни|спросил|запита|предупредил|попередив|констатирова|констатува|напомнил|нагада|"
    r"повідом(?:ив|ил|ля|или)|зазначи[лв]|наголоси[лв]|дода[лв]|розповіл|розповів|спростува|йдеться|"
    r"назвал|назвали|назва[лв]|визна(?:[лв]|ють|є)|каже|кажуть|говорить|поясню|розповіда|зазнача|отмеча|наголошу|подчеркива|уточню|уточня|"
    r"пишут|пишуть|поширил|поширюю|поширюва|распространил|распространя|парирова|парирува|возрази|"
    r"объяснил|объясня|пообеща|пообіця|зізна|резюмирова|подытожи|высказа|висловив|висловил|"
    r"акцентирова|акцентува|заперечи[лв]|заперечу|отрица(?:ет|ют|л|ли|ла|ло)|отверг|"
    r"писа(?:л|в)|пожаловал|поскаржи[лв]|зазначено|вказано|указано|наголошено|отмечается|зазначається|"
    r"підкресли[лв]|підкреслю|заметил|зауважи[лв]|зауважу|указа[лв]|вказа[лв]|вказу|отчита|звітува|відзвітува|прозвітува|"
    r"доложи[лв]|доповів|доповіл|поінформува|проинформирова|вважа(?:є|ють)|счита(?:ет|ют)|"
    r"(?:по)?жалу(?:ют|ет|ются|ется|вал)|(?:по)?скаржа(?:ться|ть)|скарж(?:иться|ився|илася|илися))"
    rf"{_L}*"
)
NAME = r"(?:[А-ЯЁІЇЄҐ][\w'ʼ’-]*)(?:\s+[А-ЯЁІЇЄҐ][\w'ʼ’-]*){0,3}"
_CUE = re.compile(rf"(?<![\w])(?i:{CUE})(?![\w])")


# Nouns a text uses for a person it has already named ("по словам военного", "сказав офіцер",
# "собеседник агентства", "президент"): the last person who spoke, when no new name follows.
_NOUN_END = r"(?:а|я|у|ом|ові|е|ы|и|ів|ов|ам|ям|ах|ях|і|ю|ем|ою|ей|ой|ій|ий|ого|ому|его|ему|ее|ая)?$"
_PERSON_BACK = re.compile(
    r"(?i)^(?:военн(?:ого|ый|ому)$|військов(?:ого|ий|ому)$|военнослужащ(?:его|ий)$|військовослужбов(?:ця|ець)$|"
    r"бо(?:ец|йца)$|бі(?:єць|йця)$|(?:собеседник|співрозмовник|співрозмовниц|собеседниц|президент|генерал|"
    r"генерал-\w+|офіцер|офицер|чоловік|мужчин|командир|командувач|командующ|эксперт|експерт|губернатор|мэр|"
    r"мер|спикер|речник|речниц|представител|представник|полковник|аналитик|аналітик|политик|політик|министр|"
    rf"міністр|глав|голов|журналист|журналіст|волонтер|волонтёр|женщин|жінк|чиновник|посадовц|посадовець|"
    rf"начальник|заместител|заступник|военкор|воєнкор|пресс-секретар|прес-секретар|советник|радник|комбриг|"
    rf"комбат|жительниц|мешканк|пенсионер|пенсіонер|медик|лікар|врач|депутат|блогер|блоггер|обозревател|оглядач|"
    rf"корреспондент|кореспондент|инспектор|інспектор){_NOUN_END})"
)


_MEDIA = re.compile(
    r"(?i)^[«„\"]?(?:тасс|риа|ria|интерфакс|інтерфакс|укрінформ|укринформ|рбк|уніан|униан|суспільн|известия|"
    r"коммерсант|reuters|рейтер|bbc|би-би-си|бі-бі-сі|ап|ассошиэйтед|укрправда|лента|ведомости)"
)
_ORGS = re.compile(
    r"(?i)(?<!\w)(?:оперштаб|минобороны|міноборони|министерств|міністерств|генштаб|штаб|мид|мзс|кремл|ведомств|відомств|"
    r"командуванн|командовани|зсу|всу|сил(?:и|ы|а|ам|ах|ами)?\b|війсь|войск|управлінн|администрац|адміністрац|[ормг]ва\b|вца\b|вга\b|"
    r"ода\b|прокуратур|влад[аиуіоы]\b|угрупован|группиров|росси|росі|украин|україн|правительств|уряд|полици|"
    r"поліці|служб|пресс-служб|прес-служб|пресслужб|издани|видання|паблик|пабліки|телеграм-канал|"
    r"корпус|бригад|батальон|батальйон|полк|дивизи|дивізі|отряд|загон|"
    r"подразделени|підрозділ|отг\b|осув\b|проект|проєкт)"
)


_ANONYMOUS = re.compile(
    r"(?i)^(?:\w+(?:ий|ый|ой|ая|яя|ые|ие|ій|а|я|і)\s+)?"  # "місцева жителька", "один из источников"
    r"(?:источник|джерел|собеседник|співрозмовник|жител|житель|мешкан|очевид)"
)


@dataclass(frozen=True)
class _Who:
    """A speaker as the text names it, before pronouns and role nouns are resolved."""

    start: int
    end: int
    text: str
    pronoun: bool = False
    role: bool = False
    office: bool = False
    back: bool = False  # a noun for the last person who spoke ("военного", "офіцер")
    kind: str | None = None  # a common noun for a body of this kind ("в администрации", "военные")
    title: str | None = None  # the office a name came with ("губернатор" of "губернатор Вячеслав Гладков")
    via: tuple[tuple[int, int, str], ...] = ()


@dataclass
class _Memory:
    """Speakers named so far, latest last: people (anonymous sources too, who are people) with the
    grammatical gender their verb or name shows ("m", "f", "p" for plural, None unknown), and
    organizations."""

    people: list[tuple[Speaker, str | None]] = field(default_factory=list)
    organizations: list[Speaker] = field(default_factory=list)
    offices: dict[int, str] = field(default_factory=dict)  # index in `people` -> the office named with them

    @property
    def person(self) -> Speaker | None:
        return self.people[-1][0] if self.people else None

    @property
    def organization(self) -> Speaker | None:
        return self.organizations[-1] if self.organizations else None


def _speaker(who: _Who | None, memory: _Memory, cue: str | None = None) -> Speaker:
    if who is None:
        return Speaker(None, None, "anonymous")
    held = _antecedent(who, memory)
    if held is not None:
        return Speaker(held.name, held.description, held.kind, who.start, who.end)
    if who.pronoun:
        return Speaker(None, None, "person", who.start, who.end)
    if who.role and _CUE.fullmatch(who.text):  # "говорится в сообщении" with nobody named before
        return Speaker(None, None, "anonymous")
    known = _known(
        who.text, memory
    )  # "Генштабе" after "Генеральный штаб ВСУ", "ОВА" after "обласна … адміністрація"
    if known is not None:
        return Speaker(known.name, known.description, known.kind, who.start, who.end)
    kind = speaker_kind(who.text)
    if kind == "anonymous":
        speaker = Speaker(None, who.text, "anonymous", who.start, who.end)
    else:
        speaker = Speaker(who.text, None, kind, who.start, who.end)
    if kind in ("person", "anonymous"):
        if who.title is not None:
            memory.offices[len(memory.people)] = who.title
        memory.people.append((speaker, gender(who.text, cue)))
    else:
        memory.organizations.append(speaker)
    return speaker


def _antecedent(who: _Who, memory: _Memory) -> Speaker | None:
    """The earlier speaker a pronoun or a noun for someone already named refers to: "она" the last
    woman, "он" the last man (by the verbs and names that introduced them), "их" the last group."""
    if who.pronoun:
        wanted = _PRONOUN_GENDER.get(who.text.casefold())
        if wanted == "p":
            return memory.organization or memory.person
        agreeing = [sp for sp, g in reversed(memory.people) if g is None or wanted is None or g == wanted]
        return next(iter(agreeing), None) or memory.person or memory.organization
    if who.office or who.back:
        return _holder(who.text, memory)
    if who.kind is not None:  # "в администрации" after "Харьковской ОВА", not after "Генштаба"
        recent = reversed(memory.organizations[-_RECENT:])
        return next((o for o in recent if body_kind(o.name or "") == who.kind), None)
    if who.role:
        return memory.organization
    return None


# Offices held by one person at a time: "губернатор региона" is not the district head named before.
_OFFICES = re.compile(r"(?i)^(?:губернатор|мэр|мер|президент|министр|міністр|премьер|прем'єр|прем’єр)")


# Titles of a region's head: the governor by any of the titles news text gives them.
_HEAD_OF_REGION = re.compile(r"(?i)^(?:глав|голов|очільник|начальник)")
_REGION = re.compile(r"(?i)(?<!\w)(?:област|обл|регион|регіон|ова\b|ода\b)")


def _holder(words: str, memory: _Memory) -> Speaker | None:
    """The person a noun for someone named before refers to: the last person, unless the noun is an
    office and the last people came with other offices (then the last with the same, else nobody)."""
    head = words.split(maxsplit=1)[0] if words.split() else ""
    office = _OFFICES.match(head)
    if office is None:  # one person, not a group that spoke as one ("канали пишуть" … "сказав офіцер")
        return next((sp for sp, g in reversed(memory.people) if g != "p"), None)
    for n in range(len(memory.people) - 1, -1, -1):
        held = memory.offices.get(n)
        if held is None or (_OFFICES.match(held) and same_stem(held.casefold(), head.casefold())):
            return memory.people[n][0]
        if _HEAD_OF_REGION.match(held) and _REGION.search(held) and _OFFICES.match(head):
            return memory.people[n][0]  # "глава Белгородской области" is "губернатор" later
    return None


_PRONOUN_GENDER = {"он": "m", "він": "m", "его": "m", "його": "m", "она": "f", "вона": "f", "её": "f"}
_PRONOUN_GENDER |= {"ее": "f", "її": "f", "они": "p", "вони": "p", "их": "p", "їх": "p", "їхніми": "p"}
_FEMININE = re.compile(
    r"(?i)^(?:жительниц|жінк|женщин|мешканк|речниц|собеседниц|співрозмовниц|волонтерк|журналистк|"
    r"журналістк|пенсионерк|пенсіонерк|медсестр|учительниц|вчительк|мать|мама|дочь|дочка|бабушк|бабус)"
)
_FEMININE_VERB = ("ла", "лась", "лася")
_PLURAL_VERB = ("ли", "лись", "лися")
_MASCULINE_VERB = ("л", "лся", "в", "вся")  # сказал, сказав, повідомив
# Present-tense plural: "окупанти стверджують", "блогеры пишут", "кажуть", "говорят".
_PLURAL_PRESENT = ("ют", "ут", "ят", "ють", "уть", "ять")
_MASCULINE_IN_A = frozenset(
    {"микола", "илья", "ілля", "никита", "микита", "кузьма", "лука", "фома", "сава", "савва"}
)


def gender(name: str, cue: str | None) -> str | None:
    """ "m", "f" or "p" for a speaker, from the past-tense verb that introduced them (сказала,
    заявив, сообщили), else a feminine noun (жительница, речниця), else a first name in -а/-я."""
    verb = (cue or "").casefold()
    for endings, value in (
        (_FEMININE_VERB, "f"),
        (_PLURAL_VERB, "p"),
        (_MASCULINE_VERB, "m"),
        (_PLURAL_PRESENT, "p"),
    ):
        if verb.endswith(endings):
            return value
    words = name.split()
    if words and _FEMININE.match(words[0]):
        return "f"
    if cue is None:  # "по словам Владислава Назаренко": a genitive, whose -а says nothing
        return None
    first = next((w for w in words if w[:1].isupper()), "")
    if first.casefold().endswith(("а", "я")) and first.casefold() not in _MASCULINE_IN_A and len(words) >= 2:
        return "f"
    return None


def _known(name: str, memory: _Memory) -> Speaker | None:
    """An organization named again in short: every word of `name` is a word of an earlier one's name
    but for its ending ("штабу" of "Генштаб ЗСУ", "корпус" of "7-й корпус ДШВ"), its
    initials ("ОВА" of "обласна військова адміністрація") or a contraction ("Генштаб" of "Генеральный
    штаб", "Минобороны" of "Министерство обороны")."""
    short = _LOWER_WORDS.findall(name)
    if not short or len(short) > 2:
        return None
    for speaker in reversed(memory.organizations[-_RECENT:]):
        full = _LOWER_WORDS.findall((speaker.name or "").casefold())
        if full and len(full) > len(short) and all(_part_of(word, full) for word in short):
            return speaker
    if len(short) == 1 and short[0].islower():  # "по словам сапера" after "сапер с позывным «Лис»"
        for person, _ in reversed(memory.people[-_RECENT:]):  # (a surname alone stays as the text has it)
            head = _LOWER_WORDS.findall((person.name or person.description or "").casefold())[:1]
            if head and same_stem(short[0], head[0]):
                return person
    return None


_RECENT = 8  # a short form refers back to one of the last few speakers named
_LOWER_WORDS = re.compile(r"[^\W\d_][\w'ʼ’-]*")


def _part_of(original: str, full: list[str]) -> bool:
    word = original.casefold()
    if any(same_stem(word, other) for other in full):
        return True
    initials = "".join(w[0] for w in full if len(w) > 2)
    if 2 <= len(word) <= 5 and original.isupper() and word in initials:
        return True
    return any(
        word.startswith(a[:k]) and same_stem(word[k:], b) for a, b in pairwise(full) for k in (2, 3, 4)
    )


def same_stem(a: str, b: str) -> bool:
    """The same word but for a case ending: all but the last three letters of the shorter agree."""
    a, b = a.replace("ё", "е"), b.replace("ё", "е")
    if min(len(a), len(b)) < 3:
        return a == b
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared == min(len(a), len(b)) or shared >= max(3, min(len(a), len(b)) - 3)


# Reports whose source nobody names, hedged as such: "неподтвержденным сообщениям", "неперевіреними даними".
UNVERIFIED_SOURCE = re.compile(
    r"(?i)(?:не(?:под|під)твер(?:жд|дж)ен|непровер|неперевір|неофициальн|неофіційн|анонимн|анонімн)\w*\s+"
    r"(?:данн|дан|сведени|відомост|сообщени|повідомлен|информаци|інформаці|источник|джерел)\w*"
)


def speaker_kind(name: str) -> SpeakerKind:
    if _ANONYMOUS.match(name) or UNVERIFIED_SOURCE.match(name):
        return "anonymous"
    if _MEDIA.match(name):
        return "media"
    head = name.split()[:2] if len(name.split()) <= 3 else name.split()[:1]
    if any(_PERSON_BACK.match(w) for w in head):
        return "person"  # "Український офіцер", "командир бригади …": a person, whatever follows
    if len(name.split()) == 1 and re.fullmatch(
        r"\w+[a-zа-яёіїєґ][A-ZА-ЯЁІЇЄҐ]\w*|[A-ZА-ЯЁІЇЄҐ]{2,}\w*", name.strip('«»"')
    ):
        return "organization"  # "ISW", "DeepState", "ЗСУ": an acronym or a brand, not a surname
    organization = any(not _NATIONAL.match(m.group()) for m in _ORGS.finditer(name))
    if organization or not name[:1].isupper():  # "украинский пехотинец": a nationality names no body
        return "organization" if name[:1].isupper() or organization else "person"
    return "person"


_NATIONAL = re.compile(r"(?i)(?:росси|росі|украин|україн)")
