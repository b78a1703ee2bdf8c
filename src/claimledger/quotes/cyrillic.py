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
short ("в Генштабе" after "Генеральный штаб ВСУ", "ОВА", "корпус"); a common noun for a body
("в администрации", "областных властей") the last body of its kind (cyrillic_institutions), and an
office ("губернатор региона") only a person named with that office. Attributions inside a sentence
("…, по словам Бойко, …", "Под Покровском, отметили в министерстве, …", "як він наголосив, …") and
nominal reports ("сообщили об освобождении …", "Про звільнення X міністерство повідомило …", "X – про
це пишуть воєнкори") count as reported speech; so do split speech inside quotation marks («…, — сказал
X. — …») and a dash line after "X рассказал:". In dash speech the author's words open with a verb in
the past tense, whichever verb ("— …, — поделилась пенсионерка"). An outlet and the source it names
for the same statement ("…, сообщает ТАСС. Об этом агентству рассказал X") make one quote, X's, via
the outlet; a speaker citing their own sources ("со ссылкой на собственные источники") stays the
speaker; unverified reports with no owner ("За неперевіреними даними, …") stand as the source.
Who the words around a cue name is read in claimledger.quotes.cyrillic_subjects.
Does not: read indirect questions, attribute beliefs without a reporting verb, or carry a source on
to a following sentence with no cue of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from claimledger.document import Quote
from claimledger.quotes.cyrillic_speakers import (
    _CUE,
    CUE,
    UNVERIFIED_SOURCE,
    _Memory,
    _speaker,
    _Who,
    speaker_kind,
)
from claimledger.quotes.cyrillic_subjects import (
    _DOCUMENT,
    _EDGE,
    _MEDIUM,
    _PRONOUNS,
    _RELATIVE,
    _WORDS,
    _backward,
    _clause_end,
    _forward,
    _speaker_words,
    _title,
    _trimmed,
    _words,
)
from claimledger.quotes.find import Found
from claimledger.quotes.marks import Quoted, find_quoted

_LEAD = re.compile(
    r"(?i)(?:а\s+|и\s+|і\s+|при\s+этом\s+|водночас\s+|тем\s+временем\s+)?"
    r"(?:(?:по|за|на|согласно|відповідно\s+до|згідно\s+з|згідно\s+із)\s+(?P<pron>его|её|ее|их|його|її|їхніми|їхню|їх)?\s*"
    r"(?P<adj>[а-яёіїєґ'’-]+(?:ым|им|ими|ыми|ой|ою)\s+)?(?P<noun>даних|інформації|сводке|зведення|повідомлення|словами|словам|данным|информации|"
    r"сведениям|оценке|оценкам|мнению|словами|даними|інформацією|оцінкою|оцінками|думку|утверждению|утверждениям|"
    r"заявлению|заявлениям|сообщению|сообщениям|подсчетам|подсчётам|версии|твердженням|твердженнями|заявою|заявами|"
    r"повідомленням|повідомленнями|підрахунками|версією)(?![\w])|"
    r"(?:как|як)\s+(?i:" + CUE + r")|"
    # "если верить неподтвержденным сообщениям": the reports that follow are the source
    r"(?:если\s+верить|якщо\s+вірити|судя\s+по|судячи\s+з)(?=\s)|"
    # "Как он наголосил", "як зазначили у штабі", "Как Минобороны уточнило": the subject before the cue
    r"(?:как|як)\s+(?P<subj>[^\s,.:;]+(?:\s+[^\s,.:;]+){0,3}?)\s+(?i:" + CUE + r")(?!\w))(?P<who>[^,.]*),\s*"
)
_ABOUT = re.compile(
    rf"(?i)(?:об\s+этом|о\s+том|про\s+це|про\s+це\s+ж)(?:\s+[^\s.,!?]+){{0,4}}?\s+(?P<cue>{CUE})(?P<who>[^.!?]*)"
)
_THAT = re.compile(
    rf"(?i)(?<![\w])(?P<cue>{CUE})(?:\s+«?[^\s,.:;!?«»]+»?){{0,3}}?(?P<sep>\s*,\s*(?:что|що|мол|мовляв|будто|нібито|начебто|ніби|якобы)\s+|\s*:\s*)"
)
# A report of a thing rather than a clause: "сообщили об освобождении …", "заявили про захоплення …",
# "обвинили ВСУ в обстреле …".
_NOMINAL = re.compile(
    r"(?i)(?<![\w])(?P<cue>сообщ(?:ил|или|ило|ила|ает|ают)\w*|заяви(?:л|ли|ло|ла|в)\w*|заявля\w*|повідоми\w*|повідомля\w*|объявил\w*|оголоси(?:в|ли|ла|ло)\w*)\s+(?:(?:лишь|только|лише|тільки|також|также|уже|вже)\s+)?(?:о|об|обо|про)\s+"
    r"|(?<![\w])(?P<wrote>пиш(?:ут|ет|уть|е)|писа(?:л|ли|ла|в))\s+(?:о|об|про)\s+"  # "блогеры пишут о …"
    r"|(?<![\w])(?P<acc>(?:обвини|обвиня|звинуват|звинува)\w*)\s+(?:\S+\s+){1,3}?(?:в|у)\s+"
    # "аналитики фиксируют продвижение …"
    r"|(?<![\w])(?P<obj>(?:за)?(?:фиксиру(?:ют|ет)|фиксировал[аи]?|фіксу(?:ють|є)|фіксува(?:ли|в|ла)))\s+"
)
_AFTER_COMMA = re.compile(rf"(?i),\s*(?:[—–-]\s*)?(?P<cue>{CUE})(?=\s)")
# The author's words after a dash ("— поделилась пенсионерка", "— усміхнувся він") open with a verb in
# the past tense whatever verb it is: the punctuation, not a word list, says it reports the speech.
_AUTHOR_VERB = r"[а-яёіїєґ][а-яёіїєґ'’]{2,}(?:л|ла|ло|ли|лся|лась|лось|лись|лася|лися|в|вся)(?![\w'’])"
_AFTER_QUOTE = re.compile(
    rf"(?i)^[\s,]*(?:[—–-]\s*)?(?P<cue>{CUE})(?=\s)|^[\s,]*[—–]\s*(?-i:(?P<verb>{_AUTHOR_VERB}))(?=\s)"
)
_DASH = re.compile(
    r"(?:^|(?<=[.!?…»])\s+|(?<=\n))[ \t]*[—–][ \t]*(?P<body>[^\n—–]+?)\s*[,!?…]\s*[—–]\s*(?=\w)", re.M
)
_SECOND_HALF = re.compile(
    r"[,.]\s*[—–]\s*(?P<body>[^\n—–]+?)(?=\s*[,!?…]\s*[—–]\s*\w|[.!?…][»\"”]?\s+[«„\"—–А-ЯЁІЇЄҐA-Z]|\s*\n|\s*\Z)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«„\"—–А-ЯЁІЇЄҐA-Z0-9])|\n+")


@dataclass
class _Item:
    start: int
    end: int
    direct: bool
    who: _Who | None
    cue: str | None
    continues: bool = False
    silent: bool = False


def find_cyrillic_quotes(text: str) -> Found:
    """Direct and reported quotes in text order, each with the speaker its attribution names."""
    quoted, unclosed = find_quoted(text)
    sentences = split_sentences(text)
    items = _direct(text, quoted, sentences)
    reported = _reported(text, sentences)
    for d in items:  # «эвакуацию Днепропетровска» inside "…, по данным Центра, распространяют …"
        if d.who is None and not d.continues:
            around = next((r for r in reported if r.start <= d.start and d.end <= r.end and r.who), None)
            if around is not None:
                d.who, d.cue = around.who, around.cue
    items += [cut for r in reported if (cut := _before_direct(text, r, items)) is not None]
    items = [item for item in items if _WORDS.search(text, item.start, item.end)]
    items += _introductions(text, sentences, items)
    items += _closing_speakers(text, sentences, items)
    items += _aftermath(text, sentences, items)
    items += _second_verb(text, sentences, items)
    items.sort(key=lambda item: (item.start, not item.silent))
    return Found(_resolve(text, items), unclosed)


def _before_direct(text: str, item: _Item, direct: list[_Item]) -> _Item | None:
    """A reported clause as far as the direct speech it runs into ("Волонтерка розповіла, що …
    обстріляли дроном: „Ми встигли сховатися“": what she told, then what she said), or None where
    direct speech covers its start or the marks hold a phrase of the report itself."""
    inside = [d for d in direct if _overlaps(item, d)]
    if not inside:
        return item
    if any(d.who is item.who for d in inside):
        return None  # «здачу Ізюму» inside "…, за даними Центру, поширюють чутки про …": the phrase speaks
    first = min(d.start for d in inside)
    last = max(inside, key=lambda d: d.end)
    start, end = _trimmed(text, item.start, first)
    # "…обстріляли дроном: „Ми встигли…“", "…подтягивают резервы, однако «удержать город им не удастся»":
    # speech that closes the clause, not a phrase in marks inside it ("на пороге «новой Касталии», мира …")
    announced = ":" in text[end:first]
    closing = item.end - last.end <= 2 and len(text[last.start : last.end].split()) >= 3
    if first <= item.start or len(re.findall(r"\w+", text[start:end])) < 3 or not (announced or closing):
        return None
    return replace(item, start=start, end=end)


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
        out += _contrasted(text, s, e)
    return out


_CONTRAST = re.compile(r"(?i),\s*(?:однако|однак|але|но|проте|а|тогда\s+как|тоді\s+як)\s+")


def _contrasted(text: str, s: int, e: int) -> list[_Item]:
    """ "Минобороны отчиталось о взятии X, однако аналитик Павел Лунин назвал это сомнительным": a
    person named as the subject of a contrasting clause, so that a later "он" is him."""
    out = []
    for m in _CONTRAST.finditer(text, s, e):
        cue = _CUE.search(text, m.end(), e)
        if cue is None or _CONTRAST.search(text, m.end(), cue.start()):
            continue
        who = _backward(text, m.end(), cue.start())
        if (
            who is not None
            and not (who.pronoun or who.role or who.back)
            and speaker_kind(who.text) == "person"
        ):
            out.append(_Item(cue.start(), cue.start(), False, who, cue.group(), silent=True))
    return out


def _closing_speakers(text: str, sentences: list[tuple[int, int]], items: list[_Item]) -> list[_Item]:
    """ "Окупанти стверджують, що …, однак це не відповідає дійсності, заявила речниця X": a second
    speaker who closes a sentence already quoting someone else makes no quote of the sentence's own,
    but a later "вона" or "за її словами" refers to her, so she is remembered after the first."""
    out = []
    for s, e in sentences:
        inside = [i for i in items if s <= i.start < e and not i.direct and i.who is not None]
        if not inside:
            continue
        m = next(reversed(list(_AFTER_COMMA.finditer(text, s, e))), None)
        if m is None or _TOPIC.match(text, m.end()) or re.search(r"[—–]", m.group()):
            continue
        if not any(i.who is not None and i.who.end <= m.start() and m.start() <= i.end + 2 for i in inside):
            continue  # the closing cue is not the one that already names this sentence's speaker
        who = _forward(text, m.end(), _clause_end(text, m.end(), e))
        if who is not None and not who.pronoun:
            out.append(_Item(m.start(), m.start(), False, who, m["cue"], silent=True))
    return out


# What an incident left behind: the dead, the wounded, the damage ("Загинула жінка", "поранено
# подружжя", "пострадали трое", "поврежден фасад", "потерпілого доправили до лікарні").
_AFTERMATH = re.compile(
    r"(?i)(?<!\w)(?:погиб|загин|ранен|поранен|пострада|постражда|травмирова|травмова|госпитализ|"
    r"госпіталіз|поврежд|пошкодж|разруш|зруйнов|потерпіл|пострадавш|жертв)\w*"
)


def _aftermath(text: str, sentences: list[tuple[int, int]], items: list[_Item]) -> list[_Item]:
    """ "…ударили по X, сообщили в ОВА. Погибла женщина, трое ранены.": the toll right after a reported
    incident, with no attribution of its own, goes on with the same report and speaker."""
    out = []
    for (ps, pe), (s, e) in pairwise(sentences):
        if "\n" in text[pe:s] or any(i.start < e and s < i.end for i in items):
            continue
        if _CUE.search(text, s, e) or re.search(r"[«„\"“”»]", text[s:e]) or not _AFTERMATH.search(text, s, e):
            continue
        before = [
            i for i in items if ps <= i.start < pe and not i.direct and not i.silent and i.who is not None
        ]
        if not before:
            continue
        end = s + len(text[s:e].rstrip(_EDGE))
        out.append(_Item(s, end, False, before[-1].who, before[-1].cue, continues=True))
    return out


_SECOND_VERB = re.compile(
    rf"(?i),\s*(?:проте|але|однак|однако|но|а|и|і|та|й)\s+(?:(?:также|також|ещё|еще|ще)\s+)?"
    rf"(?P<cue>{CUE})(?!\w)\s*,?\s*(?:что|що)\s+"
)


def _second_verb(text: str, sentences: list[tuple[int, int]], items: list[_Item]) -> list[_Item]:
    """ "Губернатор признал, что «…», однако заверил, что угрозы нет": a second reporting verb of the
    same subject, with no subject of its own, reports what follows it for the same speaker."""
    out = []
    for s, e in sentences:
        for m in _SECOND_VERB.finditer(text, s, e):
            start, end = _trimmed(text, m.end(), e)
            if end <= start or any(i.start < end and start < i.end and not i.silent for i in items):
                continue
            before = [i for i in items if s <= i.start < m.start() and not i.silent and i.who is not None]
            if before:
                out.append(_Item(start, end, False, before[-1].who, m["cue"], continues=True))
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
        announced = bool(re.search(r":\s*[«„\"“]?\s*$", text[max(0, start - 4) : start]))
        named_by = _NAMED_BY.search(text, max(0, start - 30), start) or _GOVERNED.search(
            text, max(0, start - 8), start
        )
        if named_by and _is_name(text, start, end):
            continue  # "с позывным «Север»", "з «Градів»": a name, whatever cue follows
        if who is None and (start, end) not in dashed and not announced and _is_name(text, start, end):
            continue  # «Центр»; a short dash line ("— Чиним ночью.") is speech all the same
        if who is None:
            who, cue = _before(text, start, sentences, announced)
        out.append(_Item(start, end, True, who, cue, continues))
    out += _announced_lines(text, out)
    out += _colon_dash(text, out, sentences)
    out.sort(key=lambda item: item.start)
    _join_split(text, out)
    return out


_NAMED_BY = re.compile(
    r"(?i)(?<!\w)(?:позывн|позивн|прозвищ|прізвиськ|назв|названи|названием|псевдоним|псевдонім)\w*\s*[«„\"“]?\s*\Z"
)
# A preposition right before the marks: what they hold is a name the clause governs ("ударили з
# «Градів»", "по «Азовстали»"), never speech.
_GOVERNED = re.compile(
    r"(?i)(?<!\w)(?:з|із|зі|с|со|из|от|від|на|в|во|у|по|для|под|під|без|до|к|про|о|об|за|над|при|через)"
    r"\s*[«„\"“]\s*\Z"
)
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


_COLON_DASH = re.compile(r":[ \t]*[—–][ \t]*(?P<body>[^\n]+)")
_VERB = re.compile(rf"(?i)(?<![\w'’])(?:(?:{CUE})|{_AUTHOR_VERB})")


def _colon_dash(text: str, found: list[_Item], sentences: list[tuple[int, int]]) -> list[_Item]:
    """ "Начальник ОВА снова призвал жителей уехать: — Оставаться здесь опасно.": a colon and a dash
    open speech on the same line, to the line's end; the subject of the verb before the colon speaks,
    whatever verb it is (the punctuation says it reports speech)."""
    out = []
    for m in _COLON_DASH.finditer(text):
        start, end = _trimmed(text, *m.span("body"))
        if end <= start or any(item.start < end and start < item.end for item in found):
            continue
        s, _ = _sentence_of(sentences, m.start())
        verbs = list(_VERB.finditer(text, s, m.start()))
        if not verbs:
            continue
        who = _backward(text, s, verbs[-1].start())
        if who is not None:
            out.append(_Item(start, end, True, who, verbs[-1].group()))
    return out


_INNER = re.compile(
    rf"[,!?…]\s*[—–]\s*(?P<cue>(?i:{CUE})|{_AUTHOR_VERB})(?=\s)(?P<who>(?:[^—–«»„“”\"\n]|«[^»\n]*»)*?)[,.]\s*[—–]\s*(?=\w)"
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
    cue = m["cue"] or m["verb"]
    start = close + m.end()
    who = _forward(text, start, _clause_end(text, start))
    if who is None and cue.casefold().startswith(("говорит", "йдеть")):  # "говорится в сообщении."
        cue_start, cue_end = m.span("cue")
        who = _Who(close + cue_start, close + cue_end, cue, role=True)
    return who, cue


def _before(
    text: str, start: int, sentences: list[tuple[int, int]], announced: bool = False
) -> tuple[_Who | None, str | None]:
    """ "Генштаб повідомив: «…»", "Пєсков заявив, що Москва «…»": a cue earlier in the sentence; speech
    a colon announces takes any past-tense verb as its cue ("Савченко звернувся до містян: «…»")."""
    s, _ = _sentence_of(sentences, start)
    cues = list(_CUE.finditer(text, s, start))
    if not cues and announced:
        cues = list(_VERB.finditer(text, s, start))
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
        item = item or _about_after(text, s, e) or _after_content(text, s, e) or _nominal(text, s, e)
        item = item or _fronted(text, s, e)
        if item is not None and item.end > item.start:
            out.append(item)
    return _relayed(out)


def _relayed(items: list[_Item]) -> list[_Item]:
    """ "…, сообщает ТАСС. Об этом агентству рассказал аналитик Максим Коржов.": one statement read
    twice, once with the outlet that carried it and once with the source who gave it; the source
    speaks, the outlet goes into `via`."""
    out: list[_Item] = []
    for item in items:
        twin = next((o for o in out if o.start == item.start and _overlaps(o, item)), None)
        if twin is None or twin.who is None or item.who is None:
            out.append(item)
            continue
        outlet, source = (twin.who, item) if speaker_kind(twin.who.text) == "media" else (item.who, twin)
        said_by = source.who
        if said_by is None or speaker_kind(outlet.text) != "media" or speaker_kind(said_by.text) == "media":
            continue  # two readings of one statement, neither an outlet: the first stands
        via = ((outlet.start, outlet.end, outlet.text), *said_by.via)
        content = min(twin, item, key=lambda i: i.end)  # "…, сообщает ТАСС" is no part of what was said
        out[out.index(twin)] = replace(content, who=replace(said_by, via=via), cue=source.cue)
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
    return _Item(*_trimmed(text, m.end(), e), False, _lead_speaker(text, m), None)


def _lead_speaker(text: str, m: re.Match[str]) -> _Who | None:
    """Who a lead-in names: "по его словам" a pronoun, "как он отметил" the subject before the cue,
    "по данным штаба"/"как сообщил X" the words after it."""
    if m["pron"]:
        return _Who(m.start("pron"), m.end("pron"), m["pron"], pronoun=True)
    if m["subj"]:
        if m["subj"].casefold() in _PRONOUNS:
            return _Who(m.start("subj"), m.end("subj"), m["subj"], pronoun=True)
        return _forward(text, m.start("subj"), m.end("subj"))
    # "За неперевіреними даними, …", "если верить неподтвержденным сообщениям": nobody named, the
    # unverified reports stand as the source
    unverified = UNVERIFIED_SOURCE.search(
        text, m.start("adj") if m["adj"] else m.start("who"), m.end("who") + 1
    )
    who = _forward(text, m.start("who"), m.end("who"))
    if unverified is not None and (who is None or who.end <= unverified.end()):
        return _Who(unverified.start(), unverified.end(), unverified.group())
    if who is None and m["noun"] and _DOCUMENT.match(m["noun"]):
        # "Согласно сводке, …": the document of the body that reported before
        return _Who(m.start("noun"), m.end("noun"), m["noun"], role=True)
    return who


def _lead_mid(text: str, s: int, e: int) -> _Item | None:
    """ "Ситуация, по словам Бойко, стабильная", "Утром 3 декабря, как отметил Гордеев, …", "Він, за
    його словами, …": the attribution inside the sentence; what it says is the rest of the sentence."""
    for comma in re.finditer(r",\s*", text[s:e]):
        at = s + comma.end()
        m = _LEAD.match(text, at, e)
        if m is None:
            continue
        end = e if m.end() < e else s + comma.start()
        who = _lead_speaker(text, m)
        if who is not None and UNVERIFIED_SOURCE.match(who.text):
            # "…, по неподтвержденным данным, оставили X, сообщил источник": the hedge names nobody
            closing = next(reversed(list(_AFTER_COMMA.finditer(text, m.end(), e))), None)
            named = _forward(text, closing.end(), _clause_end(text, closing.end(), e)) if closing else None
            if closing is not None and named is not None and not named.pronoun:
                return _Item(*_trimmed(text, s, closing.start()), False, named, closing["cue"])
            if _CUE.search(text, s, at):
                # "блогер сообщил, что подразделения, по непроверенным данным, покинули X": the one
                # who reports it before, not the hedge
                return None
        cue = _CUE.search(text, s, at) if m["pron"] else None
        subject = _backward(text, s, cue.start()) if cue is not None else None
        if subject is not None and not subject.pronoun:
            # "Губернатор региона сообщал о прорыве, который, по его словам, отражен": "его" is the
            # subject who reports in this very sentence, not someone named before
            who = subject
        return _Item(*_trimmed(text, s, end), False, who, cue.group() if cue is not None else None)
    return None


def _nominal(text: str, s: int, e: int) -> _Item | None:
    """ "В Минобороны России сообщили об освобождении Андреевки": the speaker before the cue, the report
    after its preposition."""
    m = _NOMINAL.search(text, s, e)
    if m is None:
        return None
    group = "cue" if m["cue"] else "wrote" if m["wrote"] else "obj" if m["obj"] else "acc"
    cue = m[group]
    who = _backward(text, s, m.start(group))
    if who is None:
        return None
    start = m.end("acc") if group == "acc" else m.end()
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


_ABOUT_AFTER = re.compile(
    rf"(?i)\s*[—–,]\s*(?:об\s+этом|о\s+том|про\s+це)\s+(?:[^\s.,!?]+\s+){{0,2}}?(?P<cue>{CUE})(?!\w)"
)


def _about_after(text: str, s: int, e: int) -> _Item | None:
    """ "Окупанти нібито увійшли до X – про це пишуть російські воєнкори": what was said, then "about
    this" and its speaker, inside one sentence."""
    for m in _ABOUT_AFTER.finditer(text, s, e):
        who = _forward(text, m.end(), _clause_end(text, m.end(), e))
        span = _trimmed(text, s, m.start())
        if who is not None and len(text[span[0] : span[1]].split()) >= 2:
            return _Item(*span, False, who, m["cue"])
    return None


_FRONTED = re.compile(r"(?i)(?:об|о|про)\s+(?!(?:этом|том|це|цьому|этот|это)(?!\w))")


def _fronted(text: str, s: int, e: int) -> _Item | None:
    """ "Про звільнення Ямполя міністерство оборони Росії повідомило в четвер": a report of a thing
    with the thing first; what was reported is the topic, the speaker the subject after it (or the
    words after the cue: "О прорыве у Часова Яра сообщил военкор Рудой")."""
    m = _FRONTED.match(text, s, e)
    cue = _CUE.search(text, s, e) if m else None
    if m is None or cue is None:
        return None
    who = _backward(text, s, cue.start())
    topic_end = who.start if who is not None and who.start > m.end() else cue.start()
    if who is None:
        who = _forward(text, cue.end(), _clause_end(text, cue.end(), e))
    span = _trimmed(text, m.end(), topic_end)
    if who is None or len(text[span[0] : span[1]].split()) < 2:
        return None
    return _Item(*span, False, who, cue.group())


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
    if _TOPIC.match(text, m.end()):  # ", заявив о «…»": what was said, not who said it
        return None
    if _TOLD_OUTLET.match(text, m.end()):  # ", рассказала «Новой газете» о …": the outlet was told
        return None
    if _NAMING.match(m["cue"]):
        # ", назвав ролик постановкою", ", считает это заявление преждевременным": a verb of naming or
        # judging takes an object and what it is called, never its speaker, after it
        return None
    who = _forward(text, m.end(), _clause_end(text, m.end(), e)) or _document_role(text, m)
    if who is None:
        return None
    return _Item(*_trimmed(text, s, m.start()), False, who, m["cue"])


# Verbs of naming and judging ("назвал X фейком", "вважає це передчасним"), every form.
_NAMING = re.compile(r"(?i)(?:назва|назыв|счита|вважа)")


_TOPIC = re.compile(r"(?i)\s+(?:о|об|обо|про|что|що)(?!\w)")
_TOLD_OUTLET = re.compile(r"(?i)\s+[«„\"][^»“”\"]{1,40}[»“”\"]\s+(?:о|об|обо|про)(?!\w)")


def _document_role(text: str, cue: re.Match[str]) -> _Who | None:
    """ "…, говорится в вечерней сводке", "йдеться у зведенні": the body whose document it is, which
    the text named before (resolved like "в ведомстве")."""
    if not cue["cue"].casefold().startswith(("говорит", "йдеть")):
        return None
    return _Who(cue.start("cue"), cue.end("cue"), cue["cue"], role=True)


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
