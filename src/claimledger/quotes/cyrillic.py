"""Quotes in Russian and Ukrainian text, direct and reported, each with its speaker (issue 12).

There is no parse for these languages, so attribution is read from the words around a cue, sentence
by sentence. Direct quotes: «ёлочки», „лапки“ and straight quotes (claimledger.quotes.marks), and
dash-introduced speech at a paragraph's or sentence's start ("— Мы продолжаем наступление, — сказал
он."), split speech included; a short capitalized quoted name nobody says («Центр», «Укрінформ») is
left out. Reported speech: "X заявил, что …" / "X повідомив: …", "…, сообщили в Минобороны",
"По словам X, …" / "За даними штабу, …", "Как сообщает ТАСС со ссылкой на X, …", and "Об этом
сообщил X" / "Про це повідомив X" (the previous sentence). The speaker is read from the words beside
the cue: a person's first and last name where there is one ("губернатор Вячеслав Гладков"), else the
organization or role phrase ("Минобороны России", "источник в силовых структурах"); a news agency the
statement went through ("сообщает ТАСС со ссылкой на", "з посиланням на") goes into `via`. Pronouns
(он, она, він, вона, его, її) take the last person whose verb or name agrees in gender ("она" after
"рассказала жительница", not the man named since), anonymous sources included; nouns for a person
already named (военного, собеседник, офіцер, сапера) take the last person who spoke; role nouns
(ведомство, штаб, там, издание) the last organization, and so does an organization named again in
short ("в Генштабе" after "Генеральный штаб ВСУ", "ОВА", "корпус"). Attributions inside a sentence
("…, по словам Бойко, …", "Под Покровском, отметили в министерстве, …") and nominal reports
("сообщили об освобождении …", "обвинили ВСУ в …") count as reported speech; so do split speech
inside quotation marks («…, — сказал X. — …») and a dash line after "X рассказал:".
Does not: read indirect questions, or attribute beliefs without a reporting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from claimledger.document import Quote, Speaker, SpeakerKind
from claimledger.quotes.find import Found
from claimledger.quotes.marks import Quoted, find_quoted

_L = r"[а-яёіїєґ'ʼ’]"
# Reporting verbs, Russian then Ukrainian, by stem so that every gender, number and tense counts.
CUE = (
    r"(?:заяви[лвт]|заявля|цитиру|цитую|опубликова|прокоментува|прокомментирова|опублікува|оприлюдни|сообщ(?:ил|ает|ают|али|ило|ало|ала)|сказал|сказав|говори[лт]|говорится|отметил|подчеркнул|"
    r"добави?л|поясни[лв]|призна[лв]|уточни[лв]|написал|написав|пишет|пише|рассказ(?:ал|ыва)|опроверг|"
    r"переда[её]т|передают|передає|передають|утвержда|стверджу|ответил|відповіл|подтверди[лв]|підтверди[лв]|объявил|оголоси|"
    r"заверил|запевни|спросил|запита|предупредил|попередив|констатирова|констатува|напомнил|нагада|"
    r"повідом(?:ив|ил|ля|или)|зазначи[лв]|наголоси[лв]|дода[лв]|розповіл|розповів|спростува|йдеться|"
    r"назвал|назвали|назва[лв]|визна[лв]|каже|кажуть|говорить|поясню|розповіда|зазнача|отмеча|наголошу|подчеркива|уточню|уточня|"
    r"пишут|пишуть|поширил|поширюю|поширюва|распространил|распространя|парирова|парирува|возрази|"
    r"объяснил|объясня|пообеща|пообіця|зізна|резюмирова|подытожи|высказа|висловив|висловил|"
    r"акцентирова|акцентува)"
    rf"{_L}*"
)
NAME = r"(?:[А-ЯЁІЇЄҐ][\w'ʼ’-]*)(?:\s+[А-ЯЁІЇЄҐ][\w'ʼ’-]*){0,3}"
_CUE = re.compile(rf"(?<![\w])(?i:{CUE})(?![\w])")
_WORDS = re.compile(r"[«„\"“]?[\w'ʼ’-]+[»“”\"]?")
_PRONOUNS = frozenset(
    {"он", "она", "они", "він", "вона", "вони", "его", "её", "ее", "их", "її", "його", "їх"}
)
_PRONOUNS |= frozenset({"їхніми"})
_POSSESSIVE = frozenset({"его", "её", "ее", "их", "її", "його", "їх", "їхній", "їхня", "їхні"})
_ROLE = re.compile(
    r"(?i)^(?:(?:ведомств|відомств|министерств|міністерств|штаб|командовани|командуванн)\w*|там|тут)$"
)
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
    rf"комбат|жительниц|мешканк|пенсионер|пенсіонер|медик|лікар|врач|депутат){_NOUN_END})"
)
# Nouns for an outlet or a statement already named ("сообщает издание", "говорится в сообщении").
_OUTLET_BACK = re.compile(r"(?i)^(?:издани|видання|агентств|сообщени|повідомленн|заявлени|заяв[аіиу])\w*$")
# Words between a cue and the speaker that are not the speaker: prepositions, dates, adverbs.
_SKIP = re.compile(
    rf"(?i)^(?:в|во|у|на|об|про|водночас|однако|проте|втім|впрочем|кроме|крім|того|между|тем|при|этом|цьому|также|також|тоже|снова|знову|вновь|ранее|раніше|уже|вже|ещё|еще|ще|"
    rf"позже|пізніше|сегодня|сьогодні|вчера|вчора|накануне|напередодні|утром|вечером|вранці|ввечері|"
    rf"днем|днём|ночью|уночі|недавно|нещодавно|официально|офіційно|публично|публічно|минулого|минулої|"
    rf"прошлой|прошлого|тижня|тиждень|неделе|неделю|доби|сутки|суток|місяця|месяце|"
    rf"сообщении|заявлении|повідомленні|заяві|эфире|ефірі|интервью|інтерв'ю|журналистам|журналістам|"
    rf"изданию|виданню|агентству|телеканалу|нашему|нашому|нам|мне|мені|корреспонденту|кореспонденту|\d+|"
    rf"(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|понеділ|вівтор|серед|четвер|"
    rf"п'ятниц|п’ятниц|субот|неділ|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|"
    rf"ноябр|декабр|січ|лют|берез|квіт|травн|черв|лип|серп|верес|жовт|листопад|груд){_L}*)$"
)
# Words that end a speaker phrase read forwards ("… сил цю інформацію спростували").
_STOP = re.compile(
    r"(?i)^(?:\d+|что|що|чтобы|щоб|эту|эти|этот|это|цю|ці|цей|це|и|і|й|а|но|але|который|яка|який|которые|які|"
    r"как|як|так|также|також)$"
)
_MEDIA = re.compile(
    r"(?i)^[«„\"]?(?:тасс|риа|ria|интерфакс|інтерфакс|укрінформ|укринформ|рбк|уніан|униан|суспільн|известия|"
    r"коммерсант|reuters|рейтер|bbc|би-би-си|бі-бі-сі|ап|ассошиэйтед|укрправда|лента|ведомости)"
)
_ORGS = re.compile(
    r"(?i)(?<!\w)(?:оперштаб|минобороны|міноборони|министерств|міністерств|генштаб|штаб|мид|мзс|кремл|ведомств|відомств|"
    r"командуванн|командовани|зсу|всу|сили|силы|сил\b|війсь|войск|управлінн|администрац|адміністрац|ова\b|"
    r"ода\b|прокуратур|влад[аиуіоы]\b|угрупован|группиров|росси|росі|украин|україн|правительств|уряд|полици|"
    r"поліці|служб|пресс-служб|прес-служб|пресслужб|издани|видання|паблик|пабліки|телеграм-канал|"
    r"корпус|бригад|батальон|батальйон|полк|дивизи|дивізі|отряд|загон|"
    r"подразделени|підрозділ|отг\b|осув\b)"
)
# "главы региона", "мэра города", "губернатора області": the person already named with that office.
_OFFICE = re.compile(r"(?i)(?<!\w)(?:регион|регіон|област|обласн|город|міст|ведомств|відомств)\w*")
_ANONYMOUS = re.compile(
    r"(?i)^(?:\w+(?:ий|ый|ой|ая|яя|ые|ие|ій|а|я|і)\s+)?"  # "місцева жителька", "один из источников"
    r"(?:источник|джерел|собеседник|співрозмовник|жител|житель|мешкан|очевид)"
)
_RELAY = re.compile(r"(?i)\s(?:со\s+ссылкой\s+на|з\s+посиланням\s+на|посилаючись\s+на|ссылаясь\s+на)\s")
_LEAD = re.compile(
    r"(?i)(?:а\s+|и\s+|і\s+|при\s+этом\s+|водночас\s+|тем\s+временем\s+)?"
    r"(?:(?:по|за|на|согласно|відповідно\s+до|згідно\s+з|згідно\s+із)\s+(?P<pron>его|её|ее|их|його|її|їхніми|їхню|їх)?\s*"
    r"(?:[а-яёіїєґ'’-]+(?:ым|им|ими|ыми)\s+)?(?:даних|інформації|сводке|зведення|повідомлення|словами|словам|данным|информации|"
    r"сведениям|оценке|оценкам|мнению|словами|даними|інформацією|оцінкою|оцінками|думку)(?![\w])|"
    r"(?:как|як)\s+(?i:" + CUE + r"))(?P<who>[^,.]*),\s*"
)
_ABOUT = re.compile(
    rf"(?i)(?:об\s+этом|о\s+том|про\s+це|про\s+це\s+ж)(?:\s+[^\s.,!?]+){{0,4}}?\s+(?P<cue>{CUE})(?P<who>[^.!?]*)"
)
_THAT = re.compile(
    rf"(?i)(?<![\w])(?P<cue>{CUE})(?:\s+«?[^\s,.:;!?«»]+»?){{0,3}}?(?P<sep>\s*,\s*(?:что|що|мол)\s+|\s*:\s*)"
)
# A report of a thing rather than a clause: "сообщили об освобождении …", "заявили про захоплення …",
# "обвинили ВСУ в обстреле …".
_NOMINAL = re.compile(
    r"(?i)(?<![\w])(?P<cue>сообщ(?:ил|или|ило|ила|ает|ают)\w*|заяви(?:л|ли|ло|ла|в)\w*|заявля\w*|повідоми\w*|повідомля\w*|объявил\w*|оголоси(?:в|ли|ла|ло)\w*)\s+(?:(?:лишь|только|лише|тільки|також|также|уже|вже)\s+)?(?:о|об|обо|про)\s+"
    r"|(?<![\w])(?P<acc>(?:обвини|обвиня|звинуват|звинува)\w*)\s+(?:\S+\s+){1,3}?(?:в|у)\s+"
)
_AFTER_COMMA = re.compile(rf"(?i),\s*(?:[—–-]\s*)?(?P<cue>{CUE})(?=\s)")
_AFTER_QUOTE = re.compile(rf"(?i)^[\s,]*(?:[—–-]\s*)?(?P<cue>{CUE})(?=\s)")
_DASH = re.compile(
    r"(?:^|(?<=[.!?…»])\s+|(?<=\n))[ \t]*[—–][ \t]*(?P<body>[^\n—–]+?)\s*[,!?…]\s*[—–]\s*(?=\w)", re.M
)
_SECOND_HALF = re.compile(
    r"[,.]\s*[—–]\s*(?P<body>[^\n—–]+?)(?=\s*[,!?…]\s*[—–]\s*\w|[.!?…][»\"”]?\s+[«„\"—–А-ЯЁІЇЄҐA-Z]|\s*\n|\s*\Z)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«„\"—–А-ЯЁІЇЄҐA-Z0-9])|\n+")
_EDGE = ' \t\n,.;:!?«»„“”"—–-'


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
    via: tuple[tuple[int, int, str], ...] = ()


@dataclass
class _Item:
    start: int
    end: int
    direct: bool
    who: _Who | None
    cue: str | None
    continues: bool = False
    silent: bool = False


@dataclass
class _Memory:
    """Speakers named so far, latest last: people (anonymous sources too, who are people) with the
    grammatical gender their verb or name shows ("m", "f", "p" for plural, None unknown), and
    organizations."""

    people: list[tuple[Speaker, str | None]] = field(default_factory=list)
    organizations: list[Speaker] = field(default_factory=list)

    @property
    def person(self) -> Speaker | None:
        return self.people[-1][0] if self.people else None

    @property
    def organization(self) -> Speaker | None:
        return self.organizations[-1] if self.organizations else None


def find_cyrillic_quotes(text: str) -> Found:
    """Direct and reported quotes in text order, each with the speaker its attribution names."""
    quoted, unclosed = find_quoted(text)
    sentences = split_sentences(text)
    items = _direct(text, quoted, sentences)
    items += [r for r in _reported(text, sentences) if not any(_overlaps(r, d) for d in items)]
    items = [item for item in items if _WORDS.search(text, item.start, item.end)]
    items += _introductions(text, sentences, items)
    items.sort(key=lambda item: (item.start, not item.silent))
    return Found(_resolve(text, items), unclosed)


def _introductions(text: str, sentences: list[tuple[int, int]], items: list[_Item]) -> list[_Item]:
    """Speakers a sentence names without quoting them ("Речник Дмитро Лиховій спростував заяви…", "У
    Генштабі це назвали неправдою: за даними штабу, …"), so that a later "за його словами" or "штабу"
    finds them; they make no quote of their own."""
    out = []
    for s, e in sentences:
        first = min((item.start for item in items if s <= item.start < e), default=e)
        cue = _CUE.search(text, s, first)
        if first < e and (cue is None or any(item.start <= cue.start() < item.end for item in items)):
            continue
        about = _ABOUT.match(text, s, e)
        if about is not None:  # "Об этом заявил X." opening an article: X is named for later quotes
            who = _forward(text, about.start("who"), about.end("who"))
        else:
            who = _backward(text, s, cue.start()) if cue else None
            if who is None and cue is not None:  # "Про обстріл повідомила обласна адміністрація."
                who = _forward(text, cue.end(), _clause_end(text, cue.end(), e))
            if cue is None and first == e:  # "Дмитрий Песков отказался комментировать …": "он" later
                who = _named_subject(text, s, e)
        if who is not None and not who.pronoun:
            out.append(_Item(s, s, False, who, cue.group() if cue else None, silent=True))
    return out


def _named_subject(text: str, s: int, e: int) -> _Who | None:
    """A person named by first and last name at the head of a sentence without a reporting verb
    ("Пресс-секретарь Кремля Дмитрий Песков отказался …", "Мер міста Ігор Терехов закликав …"), for a
    later "он" to refer to: the words up to the first lowercase one after two capitalized ones."""
    words = _words(text, s, _clause_end(text, s, e))
    for n in range(2, len(words)):
        if not _title(words[n][2]) and _title(words[n - 1][2]) and _title(words[n - 2][2]):
            head = words[:n]
            break
    else:
        return None
    who = _speaker_words(head, ())
    if who is None or len(who.text.split()) != 2 or not all(_title(x) for x in who.text.split()):
        return None
    return who if speaker_kind(who.text) == "person" else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a full stop, question or exclamation mark before a capital, a dash or a quote."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _overlaps(a: _Item, b: _Item) -> bool:
    return a.start < b.end and b.start < a.end


def _sentence_of(sentences: list[tuple[int, int]], i: int) -> tuple[int, int]:
    return next(((s, e) for s, e in sentences if s <= i < e), (i, i))


# --- direct speech ------------------------------------------------------------------------------


def _direct(text: str, quoted: list[Quoted], sentences: list[tuple[int, int]]) -> list[_Item]:
    out: list[_Item] = []
    dashed = _dash_speech(text, quoted)
    spans = [(s, e, False) for s, e in dashed]
    for q in quoted:
        inner = _inner_attribution(text, q.start, q.end)
        if inner is None:
            spans.append((q.start, q.end, q.continues))
            continue
        first, second, speaker, verb = inner
        out.append(_Item(*_trimmed(text, q.start, first), True, speaker, verb, q.continues))
        out.append(_Item(*_trimmed(text, second, q.end), True, speaker, verb, True))
    for start, end, continues in sorted(spans):
        who, cue = _after(text, end, sentences)
        if who is None and (start, end) not in dashed and _is_name(text, start, end):
            continue  # «Центр»; a short dash line ("— Чиним ночью.") is speech all the same
        if who is None:
            who, cue = _before(text, start, sentences)
        out.append(_Item(start, end, True, who, cue, continues))
    out += _announced_lines(text, out)
    out.sort(key=lambda item: item.start)
    _join_split(text, out)
    return out


_DASH_LINE = re.compile(r"^[ \t]*[—–][ \t]*(?P<body>[^\n]+)", re.M)
_ANNOUNCING = re.compile(rf"(?i)(?<!\w)(?P<cue>{CUE})(?!\w)[^\n]*:[ \t]*\n\s*\Z")


def _announced_lines(text: str, found: list[_Item]) -> list[_Item]:
    """ "Командир роты рассказал:\n— Мы держимся.": a dash line with no attribution of its own, after a
    line that announces its speaker with a cue and a colon."""
    out = []
    for m in _DASH_LINE.finditer(text):
        start, end = _trimmed(text, *m.span("body"))
        if end <= start or any(item.start < end and start < item.end for item in found):
            continue
        line_start = text.rfind("\n", 0, max(0, m.start() - 1)) + 1
        announcing = _ANNOUNCING.search(text, line_start, m.start())
        if announcing is None:
            continue
        cue = announcing["cue"]
        who = _backward(text, line_start, announcing.start("cue"))
        if who is None:
            who = _forward(text, announcing.end("cue"), _clause_end(text, announcing.end("cue"), m.start()))
        out.append(_Item(start, end, True, who, cue))
    return out


_INNER = re.compile(
    rf"[,!?…]\s*[—–]\s*(?P<cue>(?i:{CUE}))(?=\s)(?P<who>(?:[^—–«»„“”\"\n]|«[^»\n]*»)*?)[,.]\s*[—–]\s*(?=\w)"
)


def _inner_attribution(text: str, start: int, end: int) -> tuple[int, int, _Who | None, str] | None:
    """«Мы зачистили село, — сказал командир Андрей Костенко. — Противник отступил»: the marks hold
    both halves and the attribution between them. Returns where the first half ends, where the second
    starts, the speaker and the cue."""
    m = _INNER.search(text, start, end)
    if m is None or not text[start : m.start()].strip() or not text[m.end() : end].strip():
        return None
    return m.start(), m.end(), _forward(text, m.end("cue"), m.end("who")), m["cue"]


def _dash_speech(text: str, quoted: list[Quoted]) -> list[tuple[int, int]]:
    """ "— Мы продолжаем наступление, — сказал он, — и не остановимся.": each part between dashes."""
    out: list[tuple[int, int]] = []
    for m in _DASH.finditer(text):
        start, end = m.span("body")
        if not any(q.start < end and start < q.end for q in quoted):
            out.append((start, end))
            out.extend(_continuation(text, m.end()))
    return sorted(set(out))  # "— …, — сказал он. — …, — добавил он.": found twice, kept once


def _continuation(text: str, cue_at: int) -> list[tuple[int, int]]:
    """The second half of split speech: ", — …" after the attribution, up to the next attribution
    (". — Но …, — добавил он.") or the sentence's end. The attribution may hold commas of its own ("—
    признался украинский пехотинец, пожелавший остаться анонимным. — …"), but no sentence end."""
    line_end = text.find("\n", cue_at)
    line_end = len(text) if line_end < 0 else line_end
    stop = re.compile(r"[,.]\s*[—–]|[.!?](?!\s*[—–])").search(text, cue_at, line_end)
    m = _SECOND_HALF.match(text, stop.start()) if stop else None
    if m is None or m.start() - cue_at > 160:
        return []
    start, end = m.span("body")
    return [(start, start + len(text[start:end].rstrip(_EDGE)))]


def _is_name(text: str, start: int, end: int) -> bool:
    """A quoted proper name («Центр», «Укрінформ», «Хортица»), not speech: short and capitalized."""
    inner = text[start:end]
    return len(inner.split()) <= 3 and inner[:1].isupper() and not re.search(r"[.!?,]", inner)


def _after(text: str, end: int, sentences: list[tuple[int, int]]) -> tuple[_Who | None, str | None]:
    """ "«…», — заявил Песков" / "…, — сказал он": the attribution right after the quote."""
    close = end + 1 if end < len(text) and text[end] in "»“”\"'" else end
    m = _AFTER_QUOTE.match(text[close : close + 120])
    if m is None:
        return None, None
    start = close + m.end()
    who = _forward(text, start, _clause_end(text, start))
    if who is None and m["cue"].casefold().startswith(("говорит", "йдеть")):  # "говорится в сообщении."
        who = _Who(close + m.start("cue"), close + m.end("cue"), m["cue"], role=True)
    return who, m["cue"]


def _before(text: str, start: int, sentences: list[tuple[int, int]]) -> tuple[_Who | None, str | None]:
    """ "Генштаб повідомив: «…»", "Пєсков заявив, що Москва «…»": a cue earlier in the sentence."""
    s, _ = _sentence_of(sentences, start)
    cues = list(_CUE.finditer(text, s, start))
    if not cues:
        return None, None
    cue = cues[-1]
    return _backward(text, s, cue.start()), cue.group()


def _join_split(text: str, items: list[_Item]) -> None:
    """A quote right after another one's attribution, with no cue of its own, continues it."""
    for prev, item in pairwise(items):
        between = text[prev.end : item.start]
        close = len(between) < 120 and "\n" not in between.strip()
        after_attribution = bool(re.search(r"[,.]\s*[—–]\s*[«„\"“]?$", between)) or item.continues
        if item.who is None and prev.who is not None and close and after_attribution:
            item.who, item.cue, item.continues = prev.who, prev.cue, True


# --- reported speech ----------------------------------------------------------------------------


def _reported(text: str, sentences: list[tuple[int, int]]) -> list[_Item]:
    out: list[_Item] = []
    for n, (s, e) in enumerate(sentences):
        item = (
            _lead_in(text, s, e) or _lead_mid(text, s, e) or _about(text, sentences, n) or _that(text, s, e)
        )
        if item is None and (inserted := _inserted_cue(text, s, e)):
            out.extend(inserted)
            continue
        item = item or _after_content(text, s, e) or _nominal(text, s, e)
        if item is not None and item.end > item.start:
            out.append(item)
    return out


def _inserted_cue(text: str, s: int, e: int) -> list[_Item]:
    """ "Под Покровском, отметили в министерстве, противник потерял …", "Оккупанты, добавил Соболевский,
    атаковали …": the attribution between commas splits what was said into two parts."""
    for m in _AFTER_COMMA.finditer(text, s, e):
        if re.search(r"[—–]", m.group()):
            continue  # ", — сказал он": the attribution of direct speech
        close = _clause_end(text, m.end(), e)
        if close >= e or text[close] != ",":
            continue
        rest = _trimmed(text, close + 1, e)
        if (
            len(text[rest[0] : rest[1]].split()) < 2
            or _THAT_WORD.match(text, rest[0])
            or _RELATIVE.match(text, rest[0])
        ):
            continue
        who = _forward(text, m.end(), close)
        if who is None:
            continue
        first = _trimmed(text, s, m.start())
        if len(text[first[0] : first[1]].split()) > 5:
            return []  # a whole clause before the cue: "…, говорит источник, знакомый с …" is not split
        head = [_Item(*first, False, who, m["cue"])] if first[1] > first[0] else []
        return [*head, _Item(*rest, False, who, m["cue"], continues=bool(head))]
    return []


_THAT_WORD = re.compile(r"(?i)(?:что|що|чтобы|щоб|как|як)(?!\w)")


def _lead_in(text: str, s: int, e: int) -> _Item | None:
    """ "По словам X, …", "За його словами, …", "Как сообщает ТАСС со ссылкой на X, …"."""
    m = _LEAD.match(text, s, e)
    if m is None:  # "…спростували: за словами військових, …"
        colon = re.compile(r"[:;]\s+").search(text, s, e)
        m = _LEAD.match(text, colon.end(), e) if colon else None
    if m is None:
        return None
    if m["pron"]:
        start = m.start("pron")
        who: _Who | None = _Who(start, m.end("pron"), m["pron"], pronoun=True)
    else:
        who = _forward(text, m.start("who"), m.end("who"))
    return _Item(*_trimmed(text, m.end(), e), False, who, None)


def _lead_mid(text: str, s: int, e: int) -> _Item | None:
    """ "Ситуация, по словам Бойко, стабильная", "Утром 3 декабря, как отметил Гордеев, …", "Він, за
    його словами, …": the attribution inside the sentence; what it says is the rest of the sentence."""
    for comma in re.finditer(r",\s*", text[s:e]):
        at = s + comma.end()
        m = _LEAD.match(text, at, e)
        if m is None:
            continue
        if m["pron"]:
            who: _Who | None = _Who(m.start("pron"), m.end("pron"), m["pron"], pronoun=True)
        else:
            who = _forward(text, m.start("who"), m.end("who"))
        end = e if m.end() < e else s + comma.start()
        return _Item(*_trimmed(text, s, end), False, who, None)
    return None


def _nominal(text: str, s: int, e: int) -> _Item | None:
    """ "В Минобороны России сообщили об освобождении Андреевки": the speaker before the cue, the report
    after its preposition."""
    m = _NOMINAL.search(text, s, e)
    if m is None:
        return None
    cue = m["cue"] or m["acc"]
    who = _backward(text, s, m.start("cue") if m["cue"] else m.start("acc"))
    if who is None:
        return None
    start = m.end() if m["cue"] else m.end("acc")
    span = _trimmed(text, start, e)
    if len(text[span[0] : span[1]].split()) < 2:  # "рассказал о ситуации": a topic, not a report
        return None
    return _Item(*span, False, who, cue)


def _about(text: str, sentences: list[tuple[int, int]], n: int) -> _Item | None:
    """ "Об этом сообщил X." / "Про це повідомив X.": the previous sentence is what X said."""
    s, e = sentences[n]
    m = _ABOUT.match(text, s, e)
    if m is None or n == 0:
        return None
    ps, pe = sentences[n - 1]
    who = _forward(text, m.start("who"), m.end("who"))
    return _Item(*_trimmed(text, ps, pe), False, who, m["cue"]) if who else None


def _that(text: str, s: int, e: int) -> _Item | None:
    """ "X заявил, что …", "Він додав, що …", "Мама сказала: …": the speaker before the cue; or after
    it where the sentence opens with the cue ("Заявил Пушилин, что …")."""
    m = _THAT.search(text, s, e)
    if m is None:
        return None
    who = _backward(text, s, m.start("cue"))
    if who is None and not text[s : m.start("cue")].strip():
        who = _forward(text, m.end("cue"), m.start("sep"))
        who = None if who is None or _MEDIUM.match(who.text) else who
    if who is None:
        return None
    return _Item(*_trimmed(text, m.end(), e), False, who, m["cue"])


def _after_content(text: str, s: int, e: int) -> _Item | None:
    """ "…, сообщили в Минобороны России.": the content first, then the cue and the speaker."""
    found = list(_AFTER_COMMA.finditer(text, s, e))
    if not found:
        return None
    m = found[-1]
    who = _forward(text, m.end(), _clause_end(text, m.end(), e))
    if who is None:
        return None
    return _Item(*_trimmed(text, s, m.start()), False, who, m["cue"])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
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
    if relay is not None:
        via += _relay_source(_words(text, start, relay.start()))
        start = relay.end()
    words = _words(text, start, end)
    while words and (_SKIP.match(words[0][2].strip('«»"')) or _MEDIUM.match(words[0][2])):
        words.pop(0)
    conversation = _CONVERSATION.match(text, words[0][0]) if words else None
    if conversation is not None:  # "в разговоре с «Новой газетой» пехотинец": the outlet relays
        via.append((conversation.start("outlet"), conversation.end("outlet"), conversation["outlet"]))
        words = [w for w in words if w[0] >= conversation.end()]
    # "в утренней сводке штаба", "у ранковому зведенні Генштабу": the body behind the document
    document = next((n for n, w in enumerate(words[:3]) if _DOCUMENT.match(w[2])), None)
    if document is not None and all(w[2].islower() for w in words[:document]):
        words = words[document + 1 :]
    media = _media_run(words)
    if media and len(media) < len(words):
        via = media + via
        words = words[len(media) :]
    return _speaker_words(words, tuple(via))


def _backward(text: str, start: int, end: int) -> _Who | None:
    """The speaker in the words before a cue: the subject of its clause ("Он добавил", "Пресс-секретарь
    Дмитрий Песков заявил", "В Угрупованні об'єднаних сил цю інформацію спростували і заявили")."""
    clause, end = _subject_clause(text, start, end)
    words = _words(text, clause, end)
    if words and words[0][2].casefold() in _NOT_SUBJECT and len(words) <= 3:
        return None  # "Про обстріл повідомила адміністрація": the speaker follows the cue
    while words and (_SKIP.match(words[-1][2]) or _STOP.match(words[-1][2]) or _CUE.fullmatch(words[-1][2])):
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


def _institution_tail(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Информацию о взятии Покровска в ВСУ (опровергли)": the institution after the last "в"/"у"
    right before the cue, not the object fronted before it."""
    first = words[0][2].strip('«»"')
    if _ANONYMOUS.match(first) or _PERSON_BACK.match(first) or _ROLE.match(first) or _ORGS.match(first):
        return words  # "Источник в силовых структурах", "Представитель в Генштабе": the speaker is first
    for n in range(len(words) - 2, 0, -1):
        head = words[n + 1][2].strip('«»"')
        if words[n][2].casefold() in {"в", "во", "у"} and (
            _ORGS.match(head) or (len(head) > 1 and head.isupper())
        ):
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
    commas = [m.end() for m in re.finditer(r"[,;:]", text[start:end])]
    if not commas:
        return start, end
    last = start + commas[-1]
    if text[last:end].strip() or len(commas) < 2:
        return last, end
    relative = start + commas[-2]
    if not _RELATIVE.match(text[relative:last]):
        return last, end
    return start + (commas[-3] if len(commas) >= 3 else 0), relative - 1


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
    if words[0][2].casefold() in _PRONOUNS:
        return _Who(words[0][0], words[0][1], words[0][2], pronoun=True, via=via)
    runs: list[list[tuple[int, int, str]]] = [[]]
    for w in words:
        if _title(w[2]) and not w[2].startswith("«"):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    named = [run for run in runs if len(run) >= 2]
    if named and not _ORGS.search(" ".join(w for _, _, w in named[-1][-2:])):
        first, last = named[-1][-2], named[-1][-1]
        return _Who(first[0], last[1], f"{first[2]} {last[2]}", via=via)
    phrase: list[tuple[int, int, str]] = []
    for n, w in enumerate(words):
        callsign = bool(phrase) and _CALLSIGN.match(phrase[-1][2]) is not None
        if _STOP.match(w[2]) or (len(phrase) >= 5 and not callsign) or _dated(words, n):
            break
        phrase.append(w)
        if callsign:  # "командир роты с позывным «Варяг»": the call sign ends the phrase
            break
    if not phrase:
        return None
    s, e = phrase[0][0], phrase[-1][1]
    name = " ".join(w.strip('«»„“”"') for _, _, w in phrase)
    role = len(phrase) <= 2 and (bool(_ROLE.match(phrase[0][2])) or bool(_OUTLET_BACK.match(phrase[0][2])))
    office = len(phrase) == 2 and not role and bool(_OFFICE.match(phrase[1][2]))
    back = len(phrase) <= 3 and bool(_PERSON_BACK.match(phrase[0][2].strip('«»"')))
    return _Who(s, e, name, role=role, office=office, back=back, via=via)


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
    обороны России сообщило…", "…, заявили в Генштабе"); None for a pronoun or no cue."""
    for m in _CUE.finditer(text, start, end):
        who = _backward(text, start, m.start())
        if who is None:
            who = _forward(text, m.end(), _clause_end(text, m.end(), end))
        if who is not None and not who.pronoun:
            return who.text
    return None


def _resolve(text: str, items: list[_Item]) -> list[Quote]:
    memory = _Memory()
    quotes: list[Quote] = []
    for item in items:
        speaker = _speaker(item.who, memory, item.cue)
        if item.silent:
            continue
        via = item.who.via if item.who else ()
        continues = len(quotes) - 1 if item.continues and quotes else None
        names = tuple(w.strip('«»„“”"') for _, _, w in via)
        spans = tuple((s, e) for s, e, _ in via)
        quote = Quote(
            item.start, item.end, direct=item.direct, speaker=speaker, cue=item.cue, continues=continues
        )
        quotes.append(replace(quote, via=names, via_spans=spans))
    return quotes


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
        return memory.person
    if who.role:
        return memory.organization
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
_MASCULINE_IN_A = frozenset(
    {"микола", "илья", "ілля", "никита", "микита", "кузьма", "лука", "фома", "сава", "савва"}
)


def gender(name: str, cue: str | None) -> str | None:
    """ "m", "f" or "p" for a speaker, from the past-tense verb that introduced them (сказала,
    заявив, сообщили), else a feminine noun (жительница, речниця), else a first name in -а/-я."""
    verb = (cue or "").casefold()
    for endings, value in (_FEMININE_VERB, "f"), (_PLURAL_VERB, "p"), (_MASCULINE_VERB, "m"):
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


def speaker_kind(name: str) -> SpeakerKind:
    if _ANONYMOUS.match(name):
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
