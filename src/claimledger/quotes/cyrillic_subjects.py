"""Who a Russian or Ukrainian reporting verb names as its speaker (issue 12), read from the words.

`claimledger.quotes.cyrillic` finds the quotes and their cues; this module reads the words around a
cue for the speaker (a `_Who`): after it ("…, сообщили в Минобороны России", a relay "со ссылкой на"
into `via`, "в разговоре с «Новой газетой»" into `via`) or before it, as the subject of its clause,
past an aside, an apposition ("Денис Кравчук, речник Сил оборони, спростував"), a relative clause
("У бригаді, що обороняє цю ділянку, це спростували"), a fronted topic ("Об освобождении Кодемы
российское Минобороны отчиталось") or a conjunction that shares the subject of an earlier verb
("…не підтверджують, однак визнають"). `sentence_speaker` is what the claims stage reads a sentence's
claimant with.
"""

from __future__ import annotations

import re
from itertools import pairwise

from claimledger.quotes.cyrillic_institutions import generic_kind
from claimledger.quotes.cyrillic_speakers import (
    _ANONYMOUS,
    _CUE,
    _L,
    _MEDIA,
    _NATIONAL,
    _ORGS,
    _PERSON_BACK,
    _Who,
)

_WORDS = re.compile(r"[«„\"“]?[\w'ʼ’-]+[»“”\"]?")
_PRONOUNS = frozenset(
    {"он", "она", "они", "він", "вона", "вони", "его", "её", "ее", "их", "її", "його", "їх"}
)
_PRONOUNS |= frozenset({"їхніми"})
_POSSESSIVE = frozenset({"его", "её", "ее", "их", "її", "його", "їх", "їхній", "їхня", "їхні"})
_ROLE = re.compile(
    r"(?i)^(?:(?:ведомств|відомств|министерств|міністерств|штаб|командовани|командуванн)\w*|там|тут)$"
)
# Nouns for an outlet or a statement already named ("сообщает издание", "говорится в сообщении").
_OUTLET_BACK = re.compile(r"(?i)^(?:издани|видання|агентств|сообщени|повідомленн|заявлени|заяв[аіиу])\w*$")
# Words between a cue and the speaker that are not the speaker: prepositions, dates, adverbs.
_SKIP = re.compile(
    rf"(?i)^(?:в|во|у|на|об|про|водночас|однако|однак|тим|часом|временем|проте|втім|впрочем|кроме|крім|того|между|тем|при|этом|цьому|также|також|тоже|снова|знову|вновь|ранее|раніше|уже|вже|ещё|еще|ще|"
    rf"позже|позднее|пізніше|затем|потом|потім|згодом|тогда|тоді|далее|далі|впоследствии|"
    rf"сегодня|сьогодні|вчера|вчора|накануне|напередодні|утром|вечером|вранці|ввечері|"
    rf"днем|днём|ночью|уночі|недавно|нещодавно|официально|офіційно|публично|публічно|минулого|минулої|"
    rf"прошлой|прошлого|тижня|тиждень|неделе|неделю|доби|сутки|суток|місяця|месяце|"
    rf"сообщении|заявлении|повідомленні|заяві|эфире|ефірі|интервью|інтерв'ю|журналистам|журналістам|"
    rf"изданию|виданню|агентству|телеканалу|нашему|нашому|нам|мне|мені|корреспонденту|кореспонденту|\d+|"
    rf"\d+-(?:летн|річн){_L}*|"  # "58-летняя Валентина": the age is not the name
    rf"(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|понеділ|вівтор|серед|четвер|"
    rf"п'ятниц|п’ятниц|субот|неділ|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|"
    rf"ноябр|декабр|січ|лют|берез|квіт|травн|черв|лип|серп|верес|жовт|листопад|груд){_L}*)$"
)
# Words that end a speaker phrase read forwards ("… сил цю інформацію спростували").
_STOP = re.compile(
    r"(?i)^(?:\d+|не|ні|этого|цього|что|що|чтобы|щоб|эту|эти|этот|это|цю|ці|цей|це|и|і|й|а|но|але|который|яка|який|которые|які|"
    r"как|як|так|также|також)$"
)
# "главы региона", "мэра города", "губернатора області": the person already named with that office.
_OFFICE = re.compile(r"(?i)(?<!\w)(?:регион|регіон|област|обласн|город|міст|ведомств|відомств)\w*")
_RELAY = re.compile(
    r"(?i)\s(?:со\s+ссылкой\s+на|(?:з|із|зі)\s+посиланням\s+на|посилаючись\s+на|ссылаясь\s+на)\s"
)
_EDGE = ' \t\n,.;:!?«»„“”"—–-'


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    for opening, closing in ("«»", "„“"):  # "з «Градів»": a name's marks stay whole
        if (
            end < len(text)
            and text[end] == closing
            and text.count(opening, start, end) > text.count(closing, start, end)
        ):
            end += 1
    return start, end


def _clause_end(text: str, start: int, limit: int | None = None) -> int:
    limit = len(text) if limit is None else limit
    m = re.compile(r"[,;:.!?\n]").search(text, start, limit)
    return m.start() if m else limit


# --- speakers -----------------------------------------------------------------------------------


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORDS.finditer(text, start, end)]


def _forward(text: str, start: int, end: int) -> _Who | None:
    """The speaker in the words after a cue: a relay goes to `via`, then a name or a role phrase."""
    via: list[tuple[int, int, str]] = []
    relay = _RELAY.search(text, start, end)
    if relay is not None and (_OWN.match(text, relay.end()) or _EVIDENCE.match(text, relay.end())):
        # "блогер Савчук со ссылкой на собственные источники": he speaks for them; "проект DeepState
        # со ссылкой на геолокацию видео": footage is evidence, not a source
        end = relay.start()
    elif relay is not None:
        via += _relay_source(_words(text, start, relay.start()))
        start = relay.end()
    words = _unskipped(_words(text, start, end))
    conversation = _CONVERSATION.match(text, words[0][0]) if words else None
    if conversation is not None:  # "в разговоре с «Новой газетой» пехотинец": the outlet relays
        via.append((conversation.start("outlet"), conversation.end("outlet"), conversation["outlet"]))
        words = [w for w in words if w[0] >= conversation.end()]
    # "в утренней сводке штаба", "у ранковому зведенні Генштабу": the body behind the document
    document = next((n for n, w in enumerate(words[:3]) if _DOCUMENT.match(w[2])), None)
    words_at_document = words[document] if document is not None else (0, 0, "")
    if document is not None and all(
        w[2].islower() or (n == 0 and not _ORGS.match(w[2]) and not _PERSON_BACK.match(w[2]))
        for n, w in enumerate(words[:document])
    ):  # "Окремо у зведенні зазначено": an opening adverb is not the body
        words = words[document + 1 :]
        if not words:  # the document alone: the body that issued the one cited before
            s, e, w = words_at_document
            return _Who(s, e, w, role=True, via=tuple(via))
    media = _media_run(words)
    if not media and len(words) > 1 and _TOLD.fullmatch(words[0][2]) and words[1][2][:1].islower():
        media = words[:1]  # "сообщил «Медузе» источник": an outlet in marks, told, before the speaker
    if media and len(media) < len(words):  # "сообщил «Интерфаксу» в понедельник источник": the agency relays
        via = media + via
        words = _unskipped(words[len(media) :])
    return _speaker_words(words, tuple(via))


_OWN = re.compile(r"(?i)(?:сво|собственн|власн)\w*\s")
_EVIDENCE = re.compile(
    r"(?i)(?:геолок|видео|відео|кадр|снимк|знімк|фото|спутников|супутников|записи|запис(?:і|у)\b)\w*"
)
_TOLD = re.compile(r"[«„\"][А-ЯЁІЇЄҐA-Z][\w'’-]*[»“”\"]")


def _unskipped(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`words` from the first that is not a preposition, date or adverb before a speaker."""
    while words and (_SKIP.match(words[0][2].strip('«»"')) or _MEDIUM.match(words[0][2])):
        words = words[1:]
    return words


def _backward(text: str, start: int, end: int) -> _Who | None:
    """The speaker in the words before a cue: the subject of its clause ("Он добавил", "Пресс-секретарь
    Дмитрий Песков заявил", "В Угрупованні об'єднаних сил цю інформацію спростували і заявили")."""
    clause, end = _subject_clause(text, start, end)
    medium = _MEDIUM_TAIL.search(text, clause, end)
    if medium is not None and medium.start() > clause:
        end = medium.start()  # "Олег Бондар в коментарі Радіо Свобода зазначив": where he said it, not who
    words = _words(text, clause, end)
    if words and words[0][2].casefold() in _TOPIC_OPENERS:
        # "Про обстріл повідомила адміністрація": the speaker follows the cue; "Об освобождении Кодемы
        # российское Минобороны отчиталось": the topic first, then the subject
        words = _after_topic(words)
        if not words:
            return None
    if words and words[0][2].casefold() in _NOT_SUBJECT and len(words) <= 3:
        return None  # "После обстрела сообщила администрация": the speaker follows the cue
    while words and (
        _SKIP.match(words[-1][2])
        or _STOP.match(words[-1][2])
        or _CUE.fullmatch(words[-1][2])
        or _ADVERB.fullmatch(words[-1][2])
    ):
        words.pop()
    if not words:
        return None
    if words[-1][2].casefold() in _PRONOUNS:
        s, e, w = words[-1]
        return _Who(s, e, w, pronoun=True)
    if len(words) > 1 and words[0][2].casefold() in _POSSESSIVE:
        words = words[1:]  # "Її колега Андрій Гончаренко сказав": the colleague speaks, not "her"
    words = _institution_tail(words)
    return _forward(text, words[0][0], words[-1][1])


# A closing "in a comment to/an interview with/on the air of" phrase between a subject and its cue.
_MEDIUM_TAIL = re.compile(
    r"(?i)\s(?:в|у|во)\s+(?:коментар|комментари|интервью|інтерв['’]ю|ефір|эфир|розмов|разговор|бесід|беседе)"
    r"\w*(?:\s+[^\s,.;:—–]+){0,3}\s*$"
)


# An adverb in -но right before the cue ("блогеры параллельно пишут", "речник неодноразово наголошував").
_ADVERB = re.compile(r"[а-яёіїєґ'’]{4,}(?:но|ньо)")


def _after_topic(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The subject after a fronted topic ("Об освобождении Кодемы под Артёмовском | российское
    Минобороны"): from the first word past the topic's noun that names a speaker, with an adjective
    before it; none where no such word follows."""
    for n in range(2, len(words)):
        w = words[n][2].strip('«»"')
        if n + 1 < len(words) and _title(w) and _title(words[n + 1][2]):
            return words[n:]  # "Об этой операции Андрей Марочко рассказал": a name
        if any(r.match(w) for r in (_ORGS, _PERSON_BACK, _ANONYMOUS, _MEDIA)):
            start = n - 1 if words[n - 1][2].islower() and _MODIFIER.search(words[n - 1][2]) else n
            return words[max(start, 2) :]
    return []


_COUNTRY = re.compile(r"(?i)^(?:росси|росі|украин|україн)\w*$")


def _institution_tail(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Информацию о взятии Покровска в ВСУ (опровергли)": the institution after the last "в"/"у"
    right before the cue, not the object fronted before it."""
    first = words[0][2].strip('«»"')
    if _ANONYMOUS.match(first) or _PERSON_BACK.match(first) or _ROLE.match(first) or _ORGS.match(first):
        return words  # "Источник в силовых структурах", "Представитель в Генштабе": the speaker is first
    for n in range(len(words) - 2, 0, -1):
        head = words[n + 1][2].strip('«»"')
        if (
            words[n][2].casefold() in {"в", "во", "у"}
            and not _COUNTRY.match(head)
            and (_ORGS.match(head) or (len(head) > 1 and head.isupper()))
        ):  # "блогеры в России пишут": a country where they are, not an institution that speaks
            return words[n + 1 :]
    return words


_RELATIVE = re.compile(
    r"(?i)^\s*(?:який|яка|яке|які|котрий|которы\w*|котор\w*|чей|чия|чьи|"
    r"\w+(?:вш|ш|щ|ч)(?:ий|ая|ее|ие|ого|его|ей|ийся|аяся|иеся|ийся)|"  # "пожелавший остаться анонимным"
    r"в\s+свою\s+очередь|в\s+частности|тем\s+временем|при\s+этом|кроме\s+того|"
    r"у\s+свою\s+чергу|своєю\s+чергою|зокрема|тим\s+часом|водночас|крім\s+того|також|также)\b"
)


def _subject_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the cue's subject stands: after the last comma, or before a relative clause, participle
    or aside that ends right at the cue ("Український офіцер, який побажав залишитися анонімним,
    заявив", "Источник, пожелавший остаться анонимным, сказал", "Власти, в свою очередь, обвинили")."""
    commas = [start + m.end() for m in re.finditer(r"[,;:]", text[start:end])]
    if not commas:
        return start, end
    last = commas[-1]
    adverbial = _adverbial(text, last, end)
    # "У бригаді, що обороняє цю ділянку, це спростували": the object before the cue is no subject
    tail = [w for _, _, w in _words(text, last, end)]
    bare = not tail or all(_OBJECT.match(w) for w in tail)
    # "У Силах оборони цього не підтверджують, однак визнають": a second verb of the same subject
    shared = bool(tail) and all(w.casefold() in _OPENERS for w in tail)
    if tail and not adverbial and not bare and not shared:
        return last, end
    relative = text[commas[-2] : last] if len(commas) >= 2 else ""
    if relative and bare and _CALLSIGN_ASIDE.search(relative):
        # "Командир роты, известный под позывным «Терек», рассказал": the subject with its call sign
        return (commas[-3] if len(commas) >= 3 else start), last - 1
    if relative and bare and (_RELATIVE.match(relative) or _THAT_RELATIVE.match(relative)):
        return (commas[-3] if len(commas) >= 3 else start), commas[-2] - 1
    # Nothing but an aside or an adverbial between the last comma and the cue: "Жители Алешек,
    # оккупированного города, рассказали", "Источник, близкий к командованию, на условиях анонимности
    # сообщил", "В Генштабе это назвали ложью, заявив": the subject of an earlier verb, else the
    # nearest earlier stretch that names a speaker, past an aside ("…освободили Покровск, сообщило
    # Минобороны": no aside, the speaker follows the cue).
    aside = adverbial or shared
    segments = list(pairwise([start, *commas]))
    for n in range(len(segments) - 1, -1, -1):
        s, e = segments[n]
        cue = _CUE.search(text, s, e - 1)
        if cue is not None:
            return s, cue.start()
        if aside and _names_speaker(text, s, e - 1):
            return s, e - 1
        if not _aside(text, s, e - 1):
            # "Людмила, жительница Суджи, рассказала": the name before an apposition naming a speaker
            # ("Однак у вівторок Денис Кравчук, речник Сил оборони, спростував": past a date too)
            if n > 0 and _is_full_name(text, *segments[n - 1]) and _names_speaker(text, s, e - 1):
                return segments[n - 1][0], segments[n - 1][1] - 1
            break
        aside = True
    return last, end


_CALLSIGN_ASIDE = re.compile(r"(?i)(?<!\w)(?:позывн|позивн)\w*\s+[«„\"]")

# Words for what a cue is about, standing before it as its object ("це", "эту информацию", "ці дані").
_OBJECT = re.compile(
    r"(?i)^(?:это|эти|эту|этот|це|ці|цю|цей|такі|такие|информаци\w*|інформаці\w*|данн\w*|дані|сведени\w*|"
    r"відомост\w*|заяв\w*|повідомлен\w*|сообщени\w*|утверждени\w*|тверджен\w*)$"
)
# "що обороняє", "что держит": "that" opening a relative clause, as a subject pronoun before its verb.
_THAT_RELATIVE = re.compile(
    r"(?i)^\s*(?:что|що)\s+\w+(?:ет|ит|ют|ят|ут|ат|є|ить|ють|ять|ать|ал|ала|али|ав|в|ла|ли)\b"
)


def _is_full_name(text: str, start: int, end: int) -> bool:
    """A stretch that is a name and nothing else: one to three capitalized words ("Людмила",
    "Андрей Мельник")."""
    words = _words(text, start, end)
    while words and (
        words[0][2].casefold() in _OPENERS or (words[0][2].islower() and _SKIP.match(words[0][2]))
    ):
        words = words[1:]  # "Однак у вівторок Денис Кравчук, речник …": a conjunction and a date before it
    return 1 <= len(words) <= 3 and all(_title(w) for _, _, w in words)


# Conjunctions that open a sentence before its subject.
_OPENERS = frozenset({"а", "и", "і", "й", "но", "але", "однак", "однако", "проте", "тоді", "тогда"})


_PREPOSITIONS = frozenset({"на", "в", "во", "у", "по", "при", "с", "со", "з", "із", "зі", "за", "без"})
_PREPOSITIONS |= {"під", "под", "после", "після"}


def _adverbial(text: str, start: int, end: int) -> bool:
    """A stretch that cannot be a speaker: a lowercase prepositional phrase naming no body ("на
    условиях анонимности", "в субботу"), unlike "у штабі" or "в Генштабе"."""
    words = [w for _, _, w in _words(text, start, end)]
    return (
        bool(words)
        and words[0] in _PREPOSITIONS
        and all(w.islower() for w in words)
        and not any(
            _ORGS.match(w) or _ROLE.match(w) or _ANONYMOUS.match(w) or _PERSON_BACK.match(w) for w in words
        )
    )


def _aside(text: str, start: int, end: int) -> bool:
    """A participle, gerund or apposition set off by commas ("близкий к командованию", "отвечая на
    вопрос", "оккупированного города"): lowercase, opening with neither a preposition nor a conjunction."""
    words = _words(text, start, end)
    if not words:
        return False
    head = words[0][2]
    return bool(_RELATIVE.match(text, start, end)) or (head.islower() and bool(_MODIFIER.search(head)))


# Endings of an adjective, participle or gerund ("близкий", "оккупированного", "отвечая", "знаючи").
_MODIFIER = re.compile(
    r"(?:ої|ою|[ьн]ка|[ау]на|ена|ята|ита|[иыоіяа]й|[аяоеыиі][яеюхм]|[ое]го|[ое]му|[ыи]ми|ючи|учи|ячи|вши|вшись|[ая]сь)$"
)


def _names_speaker(text: str, start: int, end: int) -> bool:
    """Whether a stretch before an aside is a speaker: it opens with a word for a source, a person, a
    body or an outlet ("Жители Алешек", "Источник", "Власти области"), or is a name ("Песков")."""
    words = _unskipped(_words(text, start, end))
    if not words or len(words) > 8:
        return False
    head = words[0][2].strip('«»„“”"')
    if _NATIONAL.match(head) and len(words) > 1:  # "Российские военкоры": the noun names the speaker
        head = words[1][2].strip('«»„“”"')
    if any(r.match(head) for r in (_ANONYMOUS, _PERSON_BACK, _ORGS, _MEDIA)):
        return True
    return len(words) <= 3 and all(w[2][:1].isupper() for w in words)


# Prepositions of a report's topic fronted before its subject ("Об освобождении X Минобороны сообщило").
_TOPIC_OPENERS = frozenset({"о", "об", "обо", "про"})
# Prepositions that open a clause whose subject is not before the cue ("Про обстріл повідомила …").
_NOT_SUBJECT = frozenset(
    {"про", "о", "об", "обо", "по", "после", "після", "через", "для", "при", "від", "от"}
)


def _media_run(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A news agency's name at the start of `words` ("ТАСС", "РИА Новости", "«Интерфакс»")."""
    if not words or not _MEDIA.match(words[0][2]):
        return []
    run = [words[0]]
    for w in words[1:]:
        if len(run) == 3 or not _title(w[2]) or _is_first_name_pair(words, w):
            break
        run.append(w)
    return run


def _relay_source(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Who relayed a statement ("агентство ТАСС з посиланням на …"): the agency, else the phrase."""
    for i in range(len(words)):
        run = _media_run(words[i:])
        if run:
            return run
    return words[-4:]


def _is_first_name_pair(words: list[tuple[int, int, str]], w: tuple[int, int, str]) -> bool:
    """Whether `w` starts a "First Last" pair ("ТАСС Андрей Марочко" keeps the name out of the agency)."""
    i = words.index(w)
    return i + 1 < len(words) and _title(words[i + 1][2]) and _title(w[2])


def _title(word: str) -> bool:
    word = word.strip('«»„“”"')
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _speaker_words(words: list[tuple[int, int, str]], via: tuple[tuple[int, int, str], ...]) -> _Who | None:
    """A person's "First Last" where the words hold one, else the leading phrase (up to a stop word)."""
    if not words:
        return None
    if (
        len(words) > 1
        and words[0][2].casefold() in _POSSESSIVE
        and _PERSON_BACK.match(words[1][2].split("-")[-1])
    ):
        # "как отметил ее пресс-офицер Игорь Ляшенко": the officer speaks, not "her" (but "цитують його
        # агентства": "him", whom the agencies quote)
        words = words[1:]
    if words[0][2].casefold() in _PRONOUNS:
        return _Who(words[0][0], words[0][1], words[0][2], pronoun=True, via=via)
    runs: list[list[tuple[int, int, str]]] = [[]]
    for w in words:
        if _title(w[2]) and not w[2].startswith("«"):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    named = [run for run in runs if len(run) >= 2]
    if not named and _surname_then_object(words):
        # "закликав Бондаренко мешканців району": a surname, then whom the cue addressed
        return _Who(words[0][0], words[0][1], words[0][2], via=via)
    if named and not _ORGS.search(" ".join(w for _, _, w in named[-1][-2:])):
        first, last = named[-1][-2], named[-1][-1]
        at = next((n for n, w in enumerate(words) if w[0] < first[0] and _PERSON_BACK.match(w[2])), None)
        # the office with what it heads ("глава Белгородской области"), up to the name
        title = None if at is None else " ".join(w[2] for w in words[at:] if w[0] < first[0])
        return _Who(first[0], last[1], f"{first[2]} {last[2]}", via=via, title=title)
    phrase: list[tuple[int, int, str]] = []
    for n, w in enumerate(words):
        callsign = bool(phrase) and _CALLSIGN.match(phrase[-1][2]) is not None
        # "Командир батальйону Сил оборони з позивним «Граніт»": a long phrase runs on to its call sign
        ahead = any(_CALLSIGN.match(x[2]) for x in words[n : n + 2])
        # "Источник в одной из украинских бригад": "one of" runs on to the group it picks from
        partitive = any(_PARTITIVE.match(f"{a[2]} {b[2]}") for a, b in pairwise(words[max(0, n - 3) : n + 1]))
        limit = 5 if not partitive else 8
        if _STOP.match(w[2]) or (len(phrase) >= limit and not callsign and not ahead) or _dated(words, n):
            break
        phrase.append(w)
        if callsign:  # "командир роты с позывным «Варяг»": the call sign ends the phrase
            break
    if not phrase:
        return None
    s, e = phrase[0][0], phrase[-1][1]
    name = " ".join(w.strip('«»„“”"') for _, _, w in phrase)
    # "в ведомстве", "в военном ведомстве": a noun for a body named before, an adjective or not
    adjective = phrase[0][2]
    back_to_body = adjective.islower() and _MODIFIER.search(adjective) and not _COUNTRY.match(adjective)
    head = phrase[-1][2] if len(phrase) == 2 and back_to_body else ""  # "российское ведомство" names a side
    # "у штабі бригади": a body's noun with its own complement names that body, not one named before
    alone = len(phrase) == 1 or bool(head)
    role = len(phrase) <= 2 and (
        any(_ROLE.match(w) for w in (phrase[0][2], head) if w and alone)
        or any(_OUTLET_BACK.match(w) for w in (phrase[0][2], head) if w)
    )
    office = len(phrase) == 2 and not role and bool(_OFFICE.match(phrase[1][2]))
    # "аналитиков проекта DeepState": a noun for a person with a name of its own is no back-reference
    branded = any(w[:1].isupper() and not _ORGS.match(w) for _, _, w in phrase[1:])
    back = len(phrase) <= 3 and bool(_PERSON_BACK.match(phrase[0][2].strip('«»"'))) and not branded
    kind = None if role or office or back else generic_kind([w for _, _, w in phrase])
    role = role or kind is not None
    return _Who(s, e, name, role=role, office=office, back=back, via=via, kind=kind)


_PARTITIVE = re.compile(r"(?i)^(?:одн(?:ой|ого|ном|ій|ому|ім)|один|одна|одне)\s+(?:из|із|з|зі)$")


# East Slavic surname endings (Бондаренко, Ткачук, Петров, Лавров, Зорин, Ковальський, Петрович).
_SURNAME = re.compile(r"(?:енко|ко|ук|юк|чук|ов|ев|ёв|єв|ин|ын|ський|цький|ский|цкий|ич|як)$")


def _surname_then_object(words: list[tuple[int, int, str]]) -> bool:
    """Whether `words` open with a lone capitalized surname and go on in lower case, so that what
    follows is the cue's object, not more of the speaker."""
    if len(words) < 2 or not _title(words[0][2]) or words[0][2].startswith(("«", "„", '"')):
        return False
    head, nxt = words[0][2], words[1][2]
    if any(r.match(head) for r in (_ORGS, _MEDIA, _PERSON_BACK, _ANONYMOUS, _ROLE, _SKIP)):
        return False
    if _ADDRESSEE.match(nxt) or _MEDIA.match(nxt):
        # "пояснил Олейник журналистам", "сказал Звягин ТАСС": whom the speaker told, whatever the surname
        return True
    if not _SURNAME.search(head):
        return False
    return nxt.islower() and not _SKIP.match(nxt) and not _STOP.match(nxt) and len(nxt) > 3


# A plural noun in the dative, lower case ("журналистам", "журналістам", "репортерам"): an addressee.
_ADDRESSEE = re.compile(r"^[а-яёіїєґ'’]{3,}(?:ам|ям)$")


_CONVERSATION = re.compile(
    r"(?i)(?:разговоре|беседе|розмові|бесіді|интервью|інтерв'ю)\s+(?:с|з|із|зі)\s+(?P<outlet>«[^»]+»|[^\s,]+)\s*"
)
_DOCUMENT = re.compile(
    r"(?i)^(?:сводк|зведенн|бюллетен|бюлетен|сообщени|повідомленн|заявлени|заяв[іиу]|публикаци|публікаці|"
    r"допис|релиз|реліз|отчет|отчёт|звіт)\w*$"
)
# "в соцсетях", "у Telegram", "в эфире": where someone spoke, which ends the speaker's phrase.
_MEDIUM = re.compile(
    r"(?i)^(?:соцсет|соцмереж|телеграм|telegram|эфир|ефір|интервью|інтерв|комментари|коментар|facebook|фейсбук|"
    r"twitter|твиттер|твіттер|youtube|ютуб|instagram|инстаграм|інстаграм)"
)
_CALLSIGN = re.compile(r"(?i)^(?:позывн|позивн)\w*$")


def _dated(words: list[tuple[int, int, str]], n: int) -> bool:
    """ "в субботу", "у середу": a date after the speaker's name ends the name."""
    if n == 0 or words[n][2].casefold() not in {"в", "во", "у"} or n + 1 >= len(words):
        return False
    if _MEDIUM.match(words[n + 1][2]):
        return True
    return bool(_SKIP.match(words[n + 1][2])) and not words[n + 1][2][:1].isupper()


def sentence_speaker(text: str, start: int, end: int) -> str | None:
    """Who a sentence says is speaking, where a reporting or denial verb names them ("Министерство
    обороны России сообщило…", "…, заявили в Генштабе"); None for a pronoun, a noun for someone named
    before ("в ведомстве", "собеседник"), which only the quote's resolved speaker names, or no cue."""
    for m in _CUE.finditer(text, start, end):
        comma = max(text.rfind(",", start, m.start()), start - 1) + 1
        if _RELATIVE_PRONOUN.match(text, comma, m.start()):
            continue  # "…, яку окупанти в зведеннях пишуть …": a relative clause's verb
        who = _backward(text, start, m.start())
        if who is None:
            who = _forward(text, m.end(), _clause_end(text, m.end(), end))
        if who is not None and not (who.pronoun or who.role or who.office or who.back):
            return who.text
    return None


_RELATIVE_PRONOUN = re.compile(
    r"(?i)\s*(?:як(?:ий|а|е|і|ого|ої|ому|ій|им|ою|их|ими|у)|котор\w+|котр\w+|чей|чья|чьи|чий|чия|чиї)(?!\w)"
)


def subject_before(text: str, start: int, end: int) -> str | None:
    """The named subject of a verb at `end` that is no reporting verb ("Аналитик Глеб Рощин усомнился",
    "В бригаде опровергли"): the words before it read as a cue's speaker, None for a pronoun or a
    noun for someone named before."""
    who = _backward(text, start, end)
    if who is None or who.pronoun or who.role or who.office or who.back:
        return None
    return who.text
