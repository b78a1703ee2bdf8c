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
(он, она, він, вона, его, її) and nouns for a person already named (военного, собеседник, офіцер,
генерала, президент) take the last person who spoke; role nouns (ведомство, штаб, там, издание) the
last organization. Attributions inside a sentence ("…, по словам Бойко, …", "Вранці, за словами X,
…") and nominal reports ("сообщили об освобождении …", "обвинили ВСУ в …") count as reported speech.
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
    r"назвал|назвали|назва[лв]|визна[лв]|каже|кажуть|говорить|поясню|розповіда|зазнача|отмеча|наголошу|подчеркива|уточню|уточня)"
    rf"{_L}*"
)
NAME = r"(?:[А-ЯЁІЇЄҐ][\w'ʼ’-]*)(?:\s+[А-ЯЁІЇЄҐ][\w'ʼ’-]*){0,3}"
_CUE = re.compile(rf"(?<![\w])(?i:{CUE})(?![\w])")
_WORDS = re.compile(r"[«„\"“]?[\w'ʼ’-]+[»“”\"]?")
_PRONOUNS = frozenset(
    {"он", "она", "они", "він", "вона", "вони", "его", "её", "ее", "их", "її", "його", "їх"}
)
_PRONOUNS |= frozenset({"їхніми"})
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
    rf"міністр|глав|голов|журналист|журналіст|волонтер|волонтёр|женщин|жінк){_NOUN_END})"
)
# Nouns for an outlet or a statement already named ("сообщает издание", "говорится в сообщении").
_OUTLET_BACK = re.compile(r"(?i)^(?:издани|видання|агентств|сообщени|повідомленн|заявлени|заяв[аіиу])\w*$")
# Words between a cue and the speaker that are not the speaker: prepositions, dates, adverbs.
_SKIP = re.compile(
    rf"(?i)^(?:в|во|у|на|об|про|водночас|однако|проте|втім|впрочем|кроме|крім|того|между|тем|при|этом|цьому|также|також|тоже|снова|знову|вновь|ранее|раніше|уже|вже|ещё|еще|ще|"
    rf"позже|пізніше|сегодня|сьогодні|вчера|вчора|накануне|напередодні|утром|вечером|вранці|ввечері|"
    rf"днем|днём|ночью|уночі|недавно|нещодавно|официально|офіційно|публично|публічно|"
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
    r"(?i)^[«„\"]?(?:тасс|риа|ria|интерфакс|інтерфакс|укрінформ|укринформ|рбк|уніан|униан|суспільне|известия|"
    r"коммерсант|reuters|рейтер|bbc|би-би-си|бі-бі-сі|ап|ассошиэйтед|укрправда|лента|ведомости)"
)
_ORGS = re.compile(
    r"(?i)(?<!\w)(?:оперштаб|минобороны|міноборони|министерств|міністерств|генштаб|штаб|мид|мзс|кремл|ведомств|відомств|"
    r"командуванн|командовани|зсу|всу|сили|силы|сил\b|війсь|войск|управлінн|администрац|адміністрац|ова\b|"
    r"ода\b|прокуратур|влад[аиуіоы]\b|угрупован|группиров|росси|росі|украин|україн|правительств|уряд|полици|"
    r"поліці|служб|пресс-служб|прес-служб)"
)
# "главы региона", "мэра города", "губернатора області": the person already named with that office.
_OFFICE = re.compile(r"(?i)(?<!\w)(?:регион|регіон|област|обласн|город|міст|ведомств|відомств)\w*")
_ANONYMOUS = re.compile(r"(?i)^(?:источник|джерел|собеседник|співрозмовник|жител|житель|мешкан|очевид)")
_RELAY = re.compile(r"(?i)\s(?:со\s+ссылкой\s+на|з\s+посиланням\s+на|посилаючись\s+на|ссылаясь\s+на)\s")
_LEAD = re.compile(
    r"(?i)(?:а\s+|и\s+|і\s+|при\s+этом\s+|водночас\s+|тем\s+временем\s+)?"
    r"(?:(?:по|за|на)\s+(?P<pron>его|её|ее|их|його|її|їхніми|їхню|їх)?\s*(?:словами|словам|данным|информации|"
    r"сведениям|оценке|оценкам|мнению|словами|даними|інформацією|оцінкою|оцінками|думку)(?![\w])|"
    r"(?:как|як)\s+(?i:" + CUE + r"))(?P<who>[^,.]*),\s*"
)
_ABOUT = re.compile(
    rf"(?i)(?:об\s+этом|о\s+том|про\s+це|про\s+це\s+ж)(?:\s+[^\s.,!?]+){{0,4}}?\s+(?P<cue>{CUE})(?P<who>[^.!?]*)"
)
_THAT = re.compile(
    rf"(?i)(?<![\w])(?P<cue>{CUE})(?:\s+[^\s,.:;!?«»]+){{0,3}}?(?P<sep>\s*,\s*(?:что|що|мол)\s+|\s*:\s*)"
)
# A report of a thing rather than a clause: "сообщили об освобождении …", "заявили про захоплення …",
# "обвинили ВСУ в обстреле …".
_NOMINAL = re.compile(
    r"(?i)(?<![\w])(?P<cue>сообщ(?:ил|или|ило|ила|ает|ают)\w*|заяви(?:л|ли|ло|ла|в)\w*|заявля\w*|повідоми\w*|повідомля\w*|объявил\w*|оголоси(?:в|ли|ла|ло)\w*)\s+(?:о|об|обо|про)\s+"
    r"|(?<![\w])(?P<acc>(?:обвини|обвиня|звинуват|звинува)\w*)\s+(?:\S+\s+){1,3}?(?:в|у)\s+"
)
_AFTER_COMMA = re.compile(rf"(?i),\s*(?:[—–-]\s*)?(?P<cue>{CUE})(?=\s)")
_AFTER_QUOTE = re.compile(rf"(?i)^[\s,]*(?:[—–-]\s*)?(?P<cue>{CUE})(?=\s)")
_DASH = re.compile(
    r"(?:^|(?<=[.!?…»])\s+|(?<=\n))[ \t]*[—–][ \t]*(?P<body>[^\n—–]+?)\s*[,!?…]\s*[—–]\s*(?=\w)", re.M
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
    person: Speaker | None = None
    organization: Speaker | None = None
    items: list[_Item] = field(default_factory=list)


def find_cyrillic_quotes(text: str) -> Found:
    """Direct and reported quotes in text order, each with the speaker its attribution names."""
    quoted, unclosed = find_quoted(text)
    sentences = split_sentences(text)
    items = _direct(text, quoted, sentences)
    items += [r for r in _reported(text, sentences) if not any(_overlaps(r, d) for d in items)]
    items = [item for item in items if _WORDS.search(text, item.start, item.end)]
    items += _introductions(text, sentences, items)
    items.sort(key=lambda item: item.start)
    return Found(_resolve(text, items), unclosed)


def _introductions(text: str, sentences: list[tuple[int, int]], items: list[_Item]) -> list[_Item]:
    """Speakers a sentence names without quoting them ("Речник Дмитро Лиховій спростував заяви…"), so
    that a later "за його словами" finds them; they make no quote of their own."""
    out = []
    for s, e in sentences:
        if any(s <= item.start < e for item in items):
            continue
        cue = _CUE.search(text, s, e)
        about = _ABOUT.match(text, s, e)
        if about is not None:  # "Об этом заявил X." opening an article: X is named for later quotes
            who = _forward(text, about.start("who"), about.end("who"))
        else:
            who = _backward(text, s, cue.start()) if cue else None
        if who is not None and not who.pronoun:
            out.append(_Item(s, s, False, who, cue.group() if cue else None, silent=True))
    return out


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
    spans = [(q.start, q.end, q.continues) for q in quoted]
    spans += [(s, e, False) for s, e in _dash_speech(text, quoted)]
    out = []
    for start, end, continues in sorted(spans):
        who, cue = _after(text, end, sentences)
        if who is None and _is_name(text, start, end):
            continue
        if who is None:
            who, cue = _before(text, start, sentences)
        out.append(_Item(start, end, True, who, cue, continues))
    _join_split(text, out)
    return out


def _dash_speech(text: str, quoted: list[Quoted]) -> list[tuple[int, int]]:
    """ "— Мы продолжаем наступление, — сказал он, — и не остановимся.": each part between dashes."""
    out = []
    for m in _DASH.finditer(text):
        start, end = m.span("body")
        if not any(q.start < end and start < q.end for q in quoted):
            out.append((start, end))
            out.extend(_continuation(text, m.end()))
    return out


def _continuation(text: str, cue_at: int) -> list[tuple[int, int]]:
    """The second half of split speech: ", — …" after the attribution, up to the paragraph's end."""
    line_end = text.find("\n", cue_at)
    line_end = len(text) if line_end < 0 else line_end
    stop = re.compile(r"[,.!?]").search(text, cue_at, line_end)
    m = re.compile(r"[,.]\s*[—–]\s*(?P<body>[^\n]+)").match(text, stop.start()) if stop else None
    if m is None or m.start() - cue_at > 80:
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
        after_attribution = bool(re.search(r"[,.]\s*[—–]\s*$", between)) or item.continues
        if item.who is None and prev.who is not None and close and after_attribution:
            item.who, item.cue, item.continues = prev.who, prev.cue, True


# --- reported speech ----------------------------------------------------------------------------


def _reported(text: str, sentences: list[tuple[int, int]]) -> list[_Item]:
    out: list[_Item] = []
    for n, (s, e) in enumerate(sentences):
        item = (
            _lead_in(text, s, e)
            or _lead_mid(text, s, e)
            or _about(text, sentences, n)
            or _that(text, s, e)
            or _after_content(text, s, e)
            or _nominal(text, s, e)
        )
        if item is not None and item.end > item.start:
            out.append(item)
    return out


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
    """ "X заявил, что …", "Він додав, що …", "Мама сказала: …": the speaker before the cue."""
    m = _THAT.search(text, s, e)
    if m is None:
        return None
    who = _backward(text, s, m.start("cue"))
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
    while words and _SKIP.match(words[0][2].strip('«»"')):
        words.pop(0)
    media = _media_run(words)
    if media and len(media) < len(words):
        via = media + via
        words = words[len(media) :]
    return _speaker_words(words, tuple(via))


def _backward(text: str, start: int, end: int) -> _Who | None:
    """The speaker in the words before a cue: the subject of its clause ("Он добавил", "Пресс-секретарь
    Дмитрий Песков заявил", "В Угрупованні об'єднаних сил цю інформацію спростували і заявили")."""
    clause = _subject_clause(text, start, end)
    words = _words(text, clause, end)
    while words and (_SKIP.match(words[-1][2]) or _STOP.match(words[-1][2]) or _CUE.fullmatch(words[-1][2])):
        words.pop()
    if not words:
        return None
    if words[-1][2].casefold() in _PRONOUNS:
        s, e, w = words[-1]
        return _Who(s, e, w, pronoun=True)
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


_RELATIVE = re.compile(r"(?i)^\s*(?:який|яка|яке|які|котрий|которы\w*|котор\w*|чей|чия|чьи)\b")


def _subject_clause(text: str, start: int, end: int) -> int:
    """Where the cue's subject starts: after the last comma, or before a relative clause that ends
    right at the cue ("Український офіцер, який побажав залишитися анонімним, заявив")."""
    commas = [m.end() for m in re.finditer(r"[,;:]", text[start:end])]
    if not commas:
        return start
    last = start + commas[-1]
    if text[last:end].strip() or len(commas) < 2:
        return last
    relative = start + commas[-2]
    if not _RELATIVE.match(text[relative:last]):
        return last
    return start + (commas[-3] if len(commas) >= 3 else 0)


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
        if _STOP.match(w[2]) or len(phrase) == 5 or _dated(words, n):
            break
        phrase.append(w)
    if not phrase:
        return None
    s, e = phrase[0][0], phrase[-1][1]
    name = " ".join(w.strip('«»„“”"') for _, _, w in phrase)
    role = len(phrase) <= 2 and (bool(_ROLE.match(phrase[0][2])) or bool(_OUTLET_BACK.match(phrase[0][2])))
    office = len(phrase) == 2 and not role and bool(_OFFICE.match(phrase[1][2]))
    back = len(phrase) <= 3 and bool(_PERSON_BACK.match(phrase[0][2].strip('«»"')))
    return _Who(s, e, name, role=role, office=office, back=back, via=via)


def _dated(words: list[tuple[int, int, str]], n: int) -> bool:
    """ "в субботу", "у середу": a date after the speaker's name ends the name."""
    if n == 0 or words[n][2].casefold() not in {"в", "во", "у"} or n + 1 >= len(words):
        return False
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
        speaker = _speaker(item.who, memory)
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


def _speaker(who: _Who | None, memory: _Memory) -> Speaker:
    if who is None:
        return Speaker(None, None, "anonymous")
    if who.pronoun:
        held = memory.person or memory.organization
        return Speaker(held.name if held else None, held.description if held else None,
                       held.kind if held else "person", who.start, who.end)  # fmt: skip
    if who.office and memory.person is not None:
        held = memory.person
        return Speaker(held.name, held.description, held.kind, who.start, who.end)
    if who.back and memory.person is not None:
        held = memory.person
        return Speaker(held.name, held.description, held.kind, who.start, who.end)
    if who.role and memory.organization is not None:
        held = memory.organization
        return Speaker(held.name, held.description, held.kind, who.start, who.end)
    if who.role and _CUE.fullmatch(who.text):  # "говорится в сообщении" with nobody named before
        return Speaker(None, None, "anonymous")
    kind = speaker_kind(who.text)
    if kind == "anonymous":
        return Speaker(None, who.text, "anonymous", who.start, who.end)
    speaker = Speaker(who.text, None, kind, who.start, who.end)
    if kind == "person":
        memory.person = speaker
    else:
        memory.organization = speaker
    return speaker


def speaker_kind(name: str) -> SpeakerKind:
    if _ANONYMOUS.match(name):
        return "anonymous"
    if _MEDIA.match(name):
        return "media"
    if len(name.split()) <= 3 and any(_PERSON_BACK.match(w) for w in name.split()[:2]):
        return "person"  # "Український офіцер", "командир бригади": a person, whatever the adjective
    if _ORGS.search(name) or not name[:1].isupper():
        return "organization" if name[:1].isupper() or _ORGS.search(name) else "person"
    return "person"
