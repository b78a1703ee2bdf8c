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
The subject of a cue is looked for past an aside or an adverbial ("Источник, близкий к командованию,
на условиях анонимности сообщил"; "…назвали ложью, заявив о …" takes the earlier verb's subject), but
not past a whole clause ("…освободили Покровск, сообщило Минобороны": the speaker follows the cue).
Does not: read indirect questions, or attribute beliefs without a reporting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from claimledger.document import Quote
from claimledger.quotes.cyrillic_speakers import (
    _ANONYMOUS,
    _CUE,
    _L,
    _MEDIA,
    _NATIONAL,
    _ORGS,
    _PERSON_BACK,
    CUE,
    _Memory,
    _speaker,
    _Who,
    speaker_kind,
)
from claimledger.quotes.find import Found
from claimledger.quotes.marks import Quoted, find_quoted

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
    rf"(?i)^(?:в|во|у|на|об|про|водночас|однако|проте|втім|впрочем|кроме|крім|того|между|тем|при|этом|цьому|также|також|тоже|снова|знову|вновь|ранее|раніше|уже|вже|ещё|еще|ще|"
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
    r"(?i)^(?:\d+|что|що|чтобы|щоб|эту|эти|этот|это|цю|ці|цей|це|и|і|й|а|но|але|который|яка|який|которые|які|"
    r"как|як|так|также|також)$"
)
# "главы региона", "мэра города", "губернатора області": the person already named with that office.
_OFFICE = re.compile(r"(?i)(?<!\w)(?:регион|регіон|област|обласн|город|міст|ведомств|відомств)\w*")
_RELAY = re.compile(r"(?i)\s(?:со\s+ссылкой\s+на|з\s+посиланням\s+на|посилаючись\s+на|ссылаясь\s+на)\s")
_LEAD = re.compile(
    r"(?i)(?:а\s+|и\s+|і\s+|при\s+этом\s+|водночас\s+|тем\s+временем\s+)?"
    r"(?:(?:по|за|на|согласно|відповідно\s+до|згідно\s+з|згідно\s+із)\s+(?P<pron>его|её|ее|их|його|її|їхніми|їхню|їх)?\s*"
    r"(?:[а-яёіїєґ'’-]+(?:ым|им|ими|ыми)\s+)?(?:даних|інформації|сводке|зведення|повідомлення|словами|словам|данным|информации|"
    r"сведениям|оценке|оценкам|мнению|словами|даними|інформацією|оцінкою|оцінками|думку|утверждению|утверждениям|"
    r"заявлению|заявлениям|сообщению|сообщениям|подсчетам|подсчётам|версии|твердженням|твердженнями|заявою|заявами|"
    r"повідомленням|повідомленнями|підрахунками|версією)(?![\w])|"
    r"(?:как|як)\s+(?i:" + CUE + r"))(?P<who>[^,.]*),\s*"
)
_ABOUT = re.compile(
    rf"(?i)(?:об\s+этом|о\s+том|про\s+це|про\s+це\s+ж)(?:\s+[^\s.,!?]+){{0,4}}?\s+(?P<cue>{CUE})(?P<who>[^.!?]*)"
)
_THAT = re.compile(
    rf"(?i)(?<![\w])(?P<cue>{CUE})(?:\s+«?[^\s,.:;!?«»]+»?){{0,3}}?(?P<sep>\s*,\s*(?:что|що|мол|мовляв|будто|нібито|начебто)\s+|\s*:\s*)"
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
_AFTER_QUOTE = re.compile(rf"(?i)^[\s,]*(?:[—–-]\s*)?(?P<cue>{CUE})(?=\s)")
_DASH = re.compile(
    r"(?:^|(?<=[.!?…»])\s+|(?<=\n))[ \t]*[—–][ \t]*(?P<body>[^\n—–]+?)\s*[,!?…]\s*[—–]\s*(?=\w)", re.M
)
_SECOND_HALF = re.compile(
    r"[,.]\s*[—–]\s*(?P<body>[^\n—–]+?)(?=\s*[,!?…]\s*[—–]\s*\w|[.!?…][»\"”]?\s+[«„\"—–А-ЯЁІЇЄҐA-Z]|\s*\n|\s*\Z)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«„\"—–А-ЯЁІЇЄҐA-Z0-9])|\n+")
_EDGE = ' \t\n,.;:!?«»„“”"—–-'


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
    items += [r for r in reported if not any(_overlaps(r, d) for d in items)]
    items = [item for item in items if _WORDS.search(text, item.start, item.end)]
    items += _introductions(text, sentences, items)
    items += _closing_speakers(text, sentences, items)
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
        if _NAMED_BY.search(text, max(0, start - 30), start) and _is_name(text, start, end):
            continue  # "с позывным «Север»", "під назвою «Азов»": a name, whatever cue follows
        if who is None and (start, end) not in dashed and not announced and _is_name(text, start, end):
            continue  # «Центр»; a short dash line ("— Чиним ночью.") is speech all the same
        if who is None:
            who, cue = _before(text, start, sentences)
        out.append(_Item(start, end, True, who, cue, continues))
    out += _announced_lines(text, out)
    out.sort(key=lambda item: item.start)
    _join_split(text, out)
    return out


_NAMED_BY = re.compile(
    r"(?i)(?<!\w)(?:позывн|позивн|прозвищ|прізвиськ|назв|названи|названием|псевдоним|псевдонім)\w*\s*[«„\"“]?\s*\Z"
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
    who = _forward(text, m.end(), _clause_end(text, m.end(), e)) or _document_role(text, m)
    if who is None:
        return None
    return _Item(*_trimmed(text, s, m.start()), False, who, m["cue"])


_TOPIC = re.compile(r"(?i)\s+(?:о|об|обо|про|что|що)(?!\w)")
_TOLD_OUTLET = re.compile(r"(?i)\s+[«„\"][^»“”\"]{1,40}[»“”\"]\s+(?:о|об|обо|про)(?!\w)")


def _document_role(text: str, cue: re.Match[str]) -> _Who | None:
    """ "…, говорится в вечерней сводке", "йдеться у зведенні": the body whose document it is, which
    the text named before (resolved like "в ведомстве")."""
    if not cue["cue"].casefold().startswith(("говорит", "йдеть")):
        return None
    return _Who(cue.start("cue"), cue.end("cue"), cue["cue"], role=True)


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
    if media and len(media) < len(words):  # "сообщил «Интерфаксу» в понедельник источник": the agency relays
        via = media + via
        words = _unskipped(words[len(media) :])
    return _speaker_words(words, tuple(via))


def _unskipped(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`words` from the first that is not a preposition, date or adverb before a speaker."""
    while words and (_SKIP.match(words[0][2].strip('«»"')) or _MEDIUM.match(words[0][2])):
        words = words[1:]
    return words


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
    if text[last:end].strip() and not adverbial:
        return last, end
    if len(commas) >= 2 and not text[last:end].strip() and _RELATIVE.match(text[commas[-2] : last]):
        return (commas[-3] if len(commas) >= 3 else start), commas[-2] - 1
    # Nothing but an aside or an adverbial between the last comma and the cue: "Жители Алешек,
    # оккупированного города, рассказали", "Источник, близкий к командованию, на условиях анонимности
    # сообщил", "В Генштабе это назвали ложью, заявив": the subject of an earlier verb, else the
    # nearest earlier stretch that names a speaker, past an aside ("…освободили Покровск, сообщило
    # Минобороны": no aside, the speaker follows the cue).
    aside = adverbial
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
            if n > 0 and _is_full_name(text, *segments[n - 1]) and _names_speaker(text, s, e - 1):
                return segments[n - 1][0], segments[n - 1][1] - 1
            break
        aside = True
    return last, end


def _is_full_name(text: str, start: int, end: int) -> bool:
    """A stretch that is a name and nothing else: one to three capitalized words ("Людмила",
    "Андрей Мельник")."""
    words = _words(text, start, end)
    return 1 <= len(words) <= 3 and all(_title(w) for _, _, w in words)


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
        # "Командир батальйону Сил оборони з позивним «Граніт»": a long phrase runs on to its call sign
        ahead = any(_CALLSIGN.match(x[2]) for x in words[n : n + 2])
        if _STOP.match(w[2]) or (len(phrase) >= 5 and not callsign and not ahead) or _dated(words, n):
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
    обороны России сообщило…", "…, заявили в Генштабе"); None for a pronoun, a noun for someone named
    before ("в ведомстве", "собеседник"), which only the quote's resolved speaker names, or no cue."""
    for m in _CUE.finditer(text, start, end):
        who = _backward(text, start, m.start())
        if who is None:
            who = _forward(text, m.end(), _clause_end(text, m.end(), end))
        if who is not None and not (who.pronoun or who.role or who.office or who.back):
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
