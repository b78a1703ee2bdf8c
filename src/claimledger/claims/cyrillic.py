"""Territorial-control claims in Russian and Ukrainian sentences, by verb and place (issue 12, first slice).

Without a parse, a sentence is a territorial-control claim when it holds a control verb (the
phrasings of issue 12: освободили, взяли под контроль, заняли, отошли, отступили; звільнили,
окупували, відійшли, утримують позиції, відбили штурм) and a place the places stage found. The
claimant is the speaker of the quote the sentence sits in; the stance is denied for a denial in the
sentence (опроверг, не соответствует действительности, фейк; спростував, неправда) and hedged for a
hedge (якобы, по неподтвержденным данным; нібито). Passive and nominal phrasings count too (атаки
отбиты, перейшло під контроль, повний контроль, продолжают оборону); a failed attempt (не вдалося
захопити), "назвали фейком/брехнею" after a claim and "попри заяви про захоплення X" (as English
"despite claims of capturing X") are denials, and so are "жодного закріплення немає", "плодом
фантазии" and a failed attempt ("но безуспешно"); an outlet unable to verify is not. A sentence with
no place of its own ("Все атаки отбиты") is about the places of one of the two sentences before it in
its paragraph. A sentence with no claimant of its own goes on reporting the previous sentence's source;
a denial in a contrasting clause ("…, однак у ЗСУ це назвали неправдою") is the denier's. A denial
followed by what the denier asserts ("опровергли и отметили, что село под контролем ВСУ") is two
claims, as is a main clause with its own place beside "despite claims of capturing X".
A failed assault ("безуспішно штурмував", "зазнали невдачі") asserts the line held; a bare attempt
("намагався вклинитися"), an attribute ("жители оккупированного города") and an entry into no named
place ("мы зашли в подвал") claim nothing; an absence beside the speaker's own control ("под нашим
контролем, ни одного плацдарма у противника нет") backs it, and a denial repeated after a denial is
no new claim. A role noun's claimant is the body the quote resolved ("в ведомстве" after Минобороны).
A hedged report denied in the same sentence is two claims, the reporter's and the denier's
(claimledger.claims.cyrillic_contrast); a split part that names its own speaker is theirs. The other
side's failure beside a defence ("прорватися не вдалося, бійці тримають рубежі") backs the defence;
a negated loss ("село никто не сдавал") holds ground; lost positions and a capture declared
("потеряли опорные пункты", "объявило взятым") are claims; a move only named as the topic of a
report nobody made ("о продвижении … не сообщало") and a hold said to be impossible ("удерживать
город было невозможно") are not. The words (control verbs, denials, hedges) are in
claimledger.claims.cyrillic_lexicon.
A denial that points back ("В ВСУ эти сведения опровергли", "назвав це пропагандою") may follow its claim
by one sentence; a grey zone said of a village is a claim of its own; broken windows ("выбиты окна")
are no ground taken.
`extract_cyrillic_events` reads strikes and casualty figures the same way; the claims stage does not
call it yet. Does not: find the acting side, or the other claim types.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from claimledger.claims.cyrillic_contrast import reported_then_denied
from claimledger.claims.cyrillic_lexicon import CONTROL, DENIAL, HEDGE, STEM, denial_in
from claimledger.document import Claim, ClaimType, DateMention, Document, Place, Quote, Stance
from claimledger.quotes.cyrillic_speakers import CUE, NAME, same_stem
from claimledger.quotes.cyrillic_subjects import sentence_speaker

_STEM = STEM

# "сообщило Минобороны России", "заявили в Генштабе", "по данным ТАСС", "за словами Сирського".
SOURCE = re.compile(
    rf"(?:(?i:{CUE})\s+(?:(?i:в|у)\s+)?|(?i:по\s+(?:данным|словам)|за\s+(?:даними|словами))\s+)(?P<who>{NAME})"
)
_PRONOUN_SUBJECT = re.compile(rf"(?i)(?<!\w)(?:он|она|они|він|вона|вони)\s+(?:\S+\s+)?{CUE}")
# Words that can stand where a claimant's name is expected but never name one.
_NOT_CLAIMANT = re.compile(r"(?i)^(?:как|як|так|это|це|нашему|нашому|нам|мне|мені)(?:\s|$)")
_GREY = re.compile(r"(?i)(?<!\w)(?:сер|сір)(?:ой|ая|ую|ою|а|у|ій|ої)\s+зон\w*")
# "город", "поселок", "місто", "село": a claim about the place named just before.
SETTLEMENT = re.compile(
    r"(?i)(?<!\w)(?:город|поселок|посёлок|село|деревн|місто|міст[аіо]|селище|населенн\w*\s+пункт|населен\w*\s+пункт)\w*"
)


def extract_cyrillic_claims(doc: Document) -> list[Claim]:
    """One territorial-control claim per sentence with a control verb and a place (or "the city"
    after one), and a denial of the claim just before it ("У ЗСУ відповіли, що це неправда")."""
    parsed = doc.parsed
    if parsed is None:
        return []
    places, dates, quotes = list(doc.get(Place)), list(doc.get(DateMention)), list(doc.get(Quote))
    claims: list[Claim] = []
    source: str | None = None  # who the previous sentence reports, for a sentence that goes on with it
    earlier: list[tuple[int, int, tuple[int, ...]]] = []  # the places of each sentence so far
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        start += len(doc.text[start:end]) - len(doc.text[start:end].lstrip())  # a paragraph break before
        text = doc.text[start:end]
        previous_source, source = source, _source(doc, start, end, quotes)
        here = tuple(n for n, p in enumerate(places) if start <= p.start and p.end <= end)
        earlier.append((start, end, here))
        # "У ЗСУ відповіли, що це неправда" after a claim denies it; after a denial ("…опроверг эти
        # сообщения. «Это фейк: …»") it only says so again.
        follows = (
            bool(claims)
            and _refers_back(doc.text, claims[-1].end, earlier, start)
            and claims[-1].stance != "denied"
            and denial_in(text) is not None
        )
        named = [p for p in places if start <= p.start and p.end <= end]
        if not has_control(text, named, start) and not follows:
            continue
        if not here and SETTLEMENT.search(text):
            here = _last_town(places, start)
        if not here and claims and claims[-1].end >= start - 2:
            here = claims[-1].places  # "Накануне бригада отразила три штурма": the same place
        if not here and follows:
            here = claims[-1].places  # "В ВСУ эти сведения опровергли" a sentence after the claim
        if not here:
            here = _earlier_places(doc.text, earlier[:-1], start)
        if not here:
            continue
        claim = _claim(doc, start, text, here, dates, quotes)
        if claim.claimant is None and previous_source is not None:
            claim = replace(claim, claimant=previous_source)
        claims.extend(_split(doc.text, claim, places))
    return claims


# "Авдеевка наша", "Успенівка знову наша": a place declared taken.
_OURS = re.compile(
    r"\s+(?:—\s+)?(?:(?:снова|знову|теперь|тепер|уже|вже|полностью|повністю)\s+)?наш(?:а|е|и|і)?(?!\w)"
)
# "ситуация под контролем", "пожар взяли под контроль": control of something other than ground.
_NOT_TERRITORY = re.compile(
    r"(?i)(?<!\w)(?:ситуаци|ситуаці|обстановк|пожар|пожеж|возгорани|загоранн|огонь|огня|вогонь|вогню|"
    r"эпидеми|епідемі|цен[аыу]|ціни|поставк|постачанн|окн[ао]|окон|вікн[ао]|вікон|стекл|скл[оа]|шибк|двер)\w*"
)


def _clause_around(text: str, m: re.Match[str]) -> tuple[int, int]:
    """The clause a match sits in: from the last comma, colon or dash before it to the next one."""
    before = max((text.rfind(mark, 0, m.start()) for mark in ",;:—«»"), default=-1)
    after = [i for i in (text.find(mark, m.end()) for mark in ",;:.—«»") if i >= 0]
    return before + 1, min(after, default=len(text))


# "ВСУ отбили Работино", "відбили у ворога Вербове": a place retaken (the verb right before it).
_RETAKEN = re.compile(
    r"(?i)(?<!\w)(?:отбил|відбил|відбив|взял[аио]?|взяли|взяв)\w*\s+"
    r"(?:(?:у|в)\s+(?:противника|врага|ворога|оккупантов|окупантів|россиян|росіян)\s+)?$"
)
# "над селом поднят флаг", "підняли український прапор": a flag raised over a place.
FLAG = re.compile(
    r"(?i)(?<!\w)(?:(?:флаг|прапор|стяг)\w*\s+(?:\S+\s+){0,4}?(?:поднят|подня|підня|піднят|водруж|водрузи|"
    r"встановл|установл|майорит|развева|замайор)\w*|(?:подн(?:ял|им)|підн(?:я|ім)|водрузи|водружа|"
    r"встанов(?:или|лю)|установ(?:или|ил|лива)|вывеш|вивіш)\w*\s+(?:\S+\s+){0,2}?(?:флаг(?!ман)|прапор|стяг)\w*|над\s+\S+\s+(?:\S+\s+){0,2}?(?:флаг|прапор))"
)


def has_control(text: str, places: list[Place], offset: int) -> bool:
    """Whether a sentence claims control: a control verb, a flag raised, or a place it names "наша"."""
    if any(_claims_ground(text, m, bool(places)) for m in CONTROL.finditer(text)):
        return True
    if FLAG.search(text):
        return True
    if _GREY.search(text) and (places or SETTLEMENT.search(text)):
        return True  # "село лежить у сірій зоні": nobody's ground, which denies the other side's capture
    return any(
        _OURS.match(text, p.end - offset)
        or _BEHIND_US.match(text, p.end - offset)
        or _RETAKEN.search(text, 0, p.start - offset)
        for p in places
    )


def _claims_ground(text: str, m: re.Match[str], named: bool) -> bool:
    """Whether a control verb claims ground: not control of a fire or of prices, not an attribute
    ("жители оккупированного города", "мешканка окупованого Енергодара"), not an entry without a
    named place ("мы зашли на свою улицу"), and not a bare attempt ("намагався вклинитися в оборону")
    unless the sentence says it failed."""
    if _NOT_TERRITORY.search(text, *_clause_around(text, m)) or _ATTRIBUTE.fullmatch(m.group()):
        return False
    if _unreported(text, m):
        return False
    if _INFINITIVE.match(m.group()) and _IMPOSSIBLE.search(text, *_clause_around(text, m)):
        return False  # "удерживать город было невозможно": why ground was given up, not a claim
    if _ENTRY.match(m.group()) and not named:
        return False
    return not (_ATTEMPT.search(text, 0, m.start()) and denial_in(text) is None)


# A control verb in the infinitive ("удерживать", "утримувати", "захватить") and words that say it could
# not be done or made no sense.
_INFINITIVE = re.compile(r"(?i)^[а-яёіїєґ'’]+(?:ть|ти|тися|ться)(?!\w)")
_IMPOSSIBLE = re.compile(
    r"(?i)(?<!\w)(?:невозможно|неможливо|нельзя|не\s+(?:было|було|имело|мало)\s+(?:смысла|сенсу)|"
    r"бессмысленно|безглуздо|немыслимо)(?!\w)"
)
# "о продвижении", "про захоплення": a move named as the topic of a report.
_TOPIC_OF = re.compile(r"(?i)(?<!\w)(?:о|об|про)\s+(?:\S+\s+)?\Z")
# "не сообщало", "не повідомляли", "не комментировало": a report not made, which claims nothing.
_SILENT = re.compile(
    r"(?i)(?<!\w)не\s+(?:сообща\w*|сообщил\w*|заявля\w*|заявил\w*|повідомля\w*|повідомил\w*|"
    r"комментир\w*|коментува\w*|упомина\w*|згаду\w*|объявля\w*|оголошува\w*)"
)


def _unreported(text: str, m: re.Match[str]) -> bool:
    """ "Минобороны России о продвижении у X не сообщало": a move named only as the topic of a report
    nobody made; "блогеры пишут о продвижении …, в ВСУ это не подтверждают" was reported all the same."""
    s, e = _clause_around(text, m)
    if not _TOPIC_OF.search(text, s, m.start()) or not _SILENT.search(text, s, e):
        return False
    said = [
        c
        for c in _CUE_WORD.finditer(text, s, m.start())
        if not re.search(r"(?i)не\s*\Z", text[s : c.start()])
    ]
    return not said


_ATTRIBUTE = re.compile(
    r"(?i)(?:оккупир|окупован|захвачен|захоплен|освобожд[её]нн|звільнен)\w*(?:ого|ому|ом|ой|ою|ую|ых|их|ым|им|ыми|ими|ої|ій)"
)
_ENTRY = re.compile(r"(?i)(?:зайш|заш|вош|увійш|ввійш|выш|вийш|выход|виход|вихід|вышед)")
# "пытался вклиниться", "намагалися просунутися": an attempt, right before the verb.
_ATTEMPT = re.compile(r"(?i)(?<!\w)(?:пыта|попыта|намага|пробу|стара)\w*\s+(?:\S+\s+)?$")
# "Курахово фактически уже за нами": a place held by the speaker's side.
_BEHIND_US = re.compile(r"(?i)\s+(?:\S+\s+){0,2}?за\s+нами(?!\w)")


def _split(text: str, claim: Claim, places: list[Place]) -> list[Claim]:
    """A denial and an assertion in one sentence as two claims: "В ОТГ эти данные опровергли и
    отметили, что село остается под контролем ВСУ" (what follows a non-denying cue is asserted), "Бійці
    утримують позиції в X, попри заяви росіян про захоплення села" (the main clause asserts, when it
    names its own place; the "despite" clause denies)."""
    if claim.stance not in ("denied", "hedged"):
        return [claim]
    parts: list[tuple[tuple[int, int], Stance, str | None]] | list[tuple[tuple[int, int], Stance]] | None = (
        _hedged_then_held(text, claim.start, claim.end)
        if claim.stance == "hedged"
        else reported_then_denied(text, claim.start, claim.end)
        or _asserted_clause(text, claim.start, claim.end)
        or _despite_parts(text, claim, places)
        or _contrast_parts(text, claim.start, claim.end)
    )
    if parts is None:
        return [claim]
    out = []
    for span, stance_here, *own in parts:
        s, e = _trim(text, *span)
        if e <= s:
            continue
        inside = tuple(n for n in claim.places if s <= places[n].start and places[n].end <= e)
        # a reported claim is its reporter's; a part that names its own speaker is theirs ("опровергли:
        # как отметил ее пресс-офицер Игорь Ляшенко, село удерживают")
        claimant = (own[0] if own else None) or sentence_speaker(text, s, e) or claim.claimant
        out.append(
            replace(
                claim, start=s, end=e, stance=stance_here, places=inside or claim.places, claimant=claimant
            )
        )
    return out or [claim]


_THAT = re.compile(r"(?i)(?:,\s*(?:что|що)|:)\s+")
_CUE_WORD = re.compile(rf"(?i)(?<!\w){CUE}")


def _asserted_clause(text: str, start: int, end: int) -> list[tuple[tuple[int, int], Stance]] | None:
    """Where a denial is followed by what the denier asserts: after a non-denying cue ("опровергли и
    отметили, что …") or after a colon that closes the denial ("Это не соответствует действительности:
    поселок под контролем наших войск", "назвали ложью: по данным штаба, подразделения удерживают …")."""
    for m in _THAT.finditer(text, start, end):
        cues = list(_CUE_WORD.finditer(text, start, m.start()))
        clause = text[m.end() : end]
        if m.group().lstrip().startswith(":"):
            denied = denial_in(text, start, m.start()) is not None
        else:
            denied = bool(cues) and not DENIAL.match(cues[-1].group())
            denied = denied and denial_in(text, start, cues[-1].start()) is not None
        if not denied:
            continue
        if CONTROL.search(clause) and denial_in(clause) is None and not HEDGE.search(clause):
            return [((start, m.start()), "denied"), ((m.end(), end), "asserted")]
    return None


_BUT = re.compile(r"(?i),\s*(?:але|проте|однак|однако|но|а)(?:,\s*|\s+)(?!также\s|також\s)")


def _contrast_parts(text: str, start: int, end: int) -> list[tuple[tuple[int, int], Stance]] | None:
    """ "…, що росіяни справді зайшли до X, але Y залишається сірою зоною": a move granted, then a
    denial after "but"; granted in the speaker's own words (no reporting verb before it, past a
    "that"), it is asserted ("Противник заявил о захвате X, но это фейк" stays one denial)."""
    for m in _BUT.finditer(text, start, end):
        that = [t.end() for t in _THAT.finditer(text, start, m.start())]
        first = that[-1] if that else start
        granted = (first, m.start())
        if _CUE_WORD.search(text, *granted) or not _achieved(text, *granted):
            continue
        if denial_in(text, *granted) is not None or HEDGE.search(text, *granted):
            continue
        if denial_in(text, m.end(), end) is None:
            continue
        denied: Stance = "denied"
        rest = [((m.end(), end), denied)] if CONTROL.search(text, m.end(), end) else []
        return [(granted, "asserted"), *rest]  # a denial with no move of its own makes no claim
    # "…, и каждый раз это оказывалось неправдой, а в пятницу штурм тоже был отбит": the other order
    for m in reversed(list(_BUT.finditer(text, start, end))):
        after = (m.end(), end)
        if _CUE_WORD.search(text, *after) or not CONTROL.search(text, *after):
            continue
        if denial_in(text, *after) is not None or HEDGE.search(text, *after):
            continue
        if denial_in(text, start, m.start()) is None:
            continue
        return [((start, m.start()), "denied"), (after, "asserted")]
    return None


def _hedged_then_held(text: str, start: int, end: int) -> list[tuple[tuple[int, int], Stance]] | None:
    """ "ВСУ, вероятно, отошли из восточной части, однако западные кварталы пока держат": a move only
    thought likely, then ground said to be held outright after "but"; each keeps its own stance."""
    for m in _BUT.finditer(text, start, end):
        that = [t.end() for t in _THAT.finditer(text, start, m.start())]
        granted = (that[-1] if that else start, m.start())
        after = (m.end(), end)
        if not (
            HEDGE.search(text, *granted) and CONTROL.search(text, *granted) and CONTROL.search(text, *after)
        ):
            continue
        if HEDGE.search(text, *after) or denial_in(text, *after) is not None or denial_in(text, *granted):
            continue
        return [(granted, "hedged"), (after, "asserted")]
    return None


def _achieved(text: str, start: int, end: int) -> bool:
    """Whether a stretch holds a move made, not only tried ("пытался захватить Ямполь, но не смог"
    grants nothing: the failure after "but" denies the attempt)."""
    return any(not _ATTEMPT.search(text, start, m.start()) for m in CONTROL.finditer(text, start, end))


def _despite_parts(
    text: str, claim: Claim, places: list[Place]
) -> list[tuple[tuple[int, int], Stance]] | None:
    """The asserting main clause and the denying "despite claims of capturing X" clause, where the main
    clause has a control verb, no denial and a place of its own ("Попри заяви про захоплення X, місто
    контролюють ЗСУ" stays one denial: "місто" names no place of its own)."""
    despite = DESPITE.search(text, claim.start, claim.end)
    if despite is None or not CONTROL.search(despite.group()):
        return None
    before, after = (claim.start, despite.start()), (despite.end(), claim.end)
    main = [p for p in (before, after) if CONTROL.search(text, *p) and denial_in(text, *p) is None]
    named = [places[n] for n in claim.places]
    if not any(s <= p.start and p.end <= e for s, e in main for p in named):
        return None
    return [
        (p, "asserted" if p in main else "denied") for p in (before, (despite.start(), despite.end()), after)
    ]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in ' ,;:—–-«»„“”"':
        start += 1
    while end > start and text[end - 1] in ' ,;:—–-«»„“”".!?':
        end -= 1
    return start, end


# "эти сведения", "это", "ці заяви", "це": a word that points back at a statement made before.
_THIS = re.compile(r"(?i)(?<!\w)(?:это|эт[иоау]|этих|этим|эту|це|ці|цю|цих|цього|цей|такі|таки[ех])(?!\w)")


_ONLY_MARKS = re.compile(r"[\s.!?…»“”\"—–-]*")


def _refers_back(
    text: str, claim_end: int, earlier: list[tuple[int, int, tuple[int, ...]]], start: int
) -> bool:
    """Whether a sentence can deny the last claim: it follows that claim directly, or it points back at
    it ("В ВСУ эти сведения опровергли", "Мороз назвав це пропагандою") from one sentence further on,
    in the same paragraph."""
    if claim_end >= start - 2 or _ONLY_MARKS.fullmatch(text, claim_end, start):
        return True  # next to it, or past a dash that opens a reply ("…увійшли в Річки. — Це неправда")
    if len(earlier) < 3 or claim_end < earlier[-3][0] or "\n" in text[claim_end:start]:
        return False
    return _THIS.search(text, start, earlier[-1][1]) is not None


def _earlier_places(
    text: str, earlier: list[tuple[int, int, tuple[int, ...]]], start: int
) -> tuple[int, ...]:
    """The places of the nearest of the two sentences before, in the same paragraph: "Противник восемь
    раз штурмовал позиции у Ступочек. Все атаки отбиты." is about Ступочки."""
    for s, _, here in reversed(earlier[-2:]):
        if "\n" in text[s:start]:
            return ()
        if here:
            return here
    return ()


def _source(doc: Document, start: int, end: int, quotes: list[Quote]) -> str | None:
    """The speaker a sentence names or quotes ("По информации Генштаба ВСУ, …", "…, сообщила
    пресс-служба бригады"); a following sentence without one of its own goes on reporting them."""
    named = sentence_speaker(doc.text, start, end)
    if named is not None:
        return _resolved(doc.text, named, next((q for q in quotes if q.start < end and start < q.end), None))
    return next((_name(q) for q in quotes if start <= q.start < end and _name(q)), None)


def _resolved(text: str, named: str, quote: Quote | None) -> str:
    """The name a sentence's speaker goes by: the full name the quote resolved where the sentence's
    words for that speaker contract it ("отмечают в Генштабе" after "Генеральный штаб ВСУ")."""
    said = quote.speaker if quote is not None and not quote.direct else None
    full = _name(quote) if quote is not None else None
    if quote is not None and full and named in quote.via:  # "…, сообщает ТАСС" relaying the source
        return full
    if said is None or said.start is None or text[said.start : said.end] != named or _words_of(named, full):
        return named
    return full or named


def _words_of(short: str | None, full: str | None) -> bool:
    """Whether every word of a short form is a word of the full name ("корпус" of "7-й корпус ДШВ"),
    which the short form then names well enough; a contraction ("Генштабе" of "Генеральный штаб
    ВСУ") is not, and the claim takes the full name the quote resolved."""
    words = re.findall(r"[^\W\d_][\w'ʼ’-]*", (full or "").casefold())
    return bool(short) and all(
        any(same_stem(w, v) for v in words)
        for w in re.findall(r"[^\W\d_][\w'ʼ’-]*", (short or "").casefold())
    )


def _name(quote: Quote) -> str | None:
    """A quote's speaker by name, or an anonymous source by its description."""
    return quote.speaker.name or quote.speaker.description


def _last_town(places: list[Place], before: int) -> tuple[int, ...]:
    towns = [n for n, p in enumerate(places) if p.end <= before and p.feature not in ("region", "country")]
    return tuple(towns[-1:])


def _claim(
    doc: Document, start: int, text: str, here: tuple[int, ...], dates: list[DateMention], quotes: list[Quote]
) -> Claim:
    end = start + len(text)
    quote = next((n for n, q in enumerate(quotes) if q.start < end and start < q.end), None)
    claimant = _name(quotes[quote]) if quote is not None else None
    if quote is None or not quotes[quote].direct:  # reported: the sentence's own words name the claimant
        named = sentence_speaker(doc.text, start, end)
        claimant = (
            _resolved(doc.text, named, quotes[quote] if quote is not None else None) if named else claimant
        )
    if claimant is None and (source := SOURCE.search(text)) is not None:
        claimant = source["who"]
    if claimant is None and _PRONOUN_SUBJECT.search(text):  # "Он добавил, что …": the last named speaker
        claimant = next((q.speaker.name for q in reversed(quotes) if q.end <= end and q.speaker.name), None)
    if claimant is not None and _NOT_CLAIMANT.match(claimant):
        claimant = None
    if (denier := _denier(doc.text, start, end)) is not None:
        claimant = denier
    day = next((d.value for d in dates if start <= d.start and d.end <= end), None)
    claim_end = start + len(text.rstrip(_TAIL))
    return Claim(start, claim_end, "territorial_control", claimant, stance(text), here, day, quote=quote)


_TAIL = ' \t\n«„"“—–'  # an opening mark the sentence splitter left on the sentence before


def _denier(text: str, start: int, end: int) -> str | None:
    """Who denies, where the denial is a contrasting clause after the claim ("Росіяни заявили про взяття
    X, однак у Силах оборони це назвали неправдою"): that clause's speaker. A relative clause ("…, що в
    Генштабі назвали фейком") leaves the claim to whoever made it."""
    denial = denial_in(text, start, end)
    if denial is None:
        return None
    clauses = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, denial.start())]
    if not clauses:
        return None
    return sentence_speaker(text, clauses[-1], end)


_CLAUSE_BREAK = re.compile(
    r"(?i)(?:,|;)\s*(?:однак|однако|але|но|а|проте|тогда\s+как|тоді\s+як|хотя|хоча)\s+"
)


# "ни одного плацдарма у противника нет", "жодного російського військового немає": an absence.
_ABSENCE = re.compile(r"(?i)(?:жодн|никак|ни\s+одн)\w*\s+")


# "прорваться не удалось", "но безуспешно": the other side failed, which a defender reports as a win.
_FAILED = re.compile(
    r"(?i)^(?:не\s+(?:удалось|вдалося|вдалось|смогл\w*|смог|змогл\w*|зміг|спромоглися)|безуспешн|безуспішн|безрезультатн)"
)
# Control verbs of the side that holds: holding, repelling, stopping, keeping under control.
_DEFENCE = re.compile(
    r"(?i)^(?:утриму|удержива|удерж|трима|держ|стриму|сдержива|стримал|сдержал|відбил|відбит|отбил|отбит|"
    r"отрази|отраж|відбив|зупини|останови|контролир|контролю|под|під|полн|повн|продолжа|продовжу|веду)"
)


def _absence_backs_control(text: str, denial: re.Match[str]) -> bool:
    """ "Левый берег под нашим контролем, ни одного плацдарма у противника нет": an absence beside a
    control claim of its own clause backs that claim rather than denying one; so does the other
    side's failure beside a defence ("жодного метра ворогу здобути не вдалося, бійці тримають рубежі"),
    though not beside a capture, which the failure may deny."""
    absence = bool(_ABSENCE.match(denial.group()))
    if not (absence or _FAILED.match(denial.group())) or denial_in(text, denial.end()) is not None:
        return False
    for m in CONTROL.finditer(text):
        s, e = _clause_around(text, m)
        if s <= denial.start() < e or denial_in(text, s, e) is not None:
            continue
        if absence or (_DEFENCE.match(m.group()) and not _ATTEMPT.search(text, 0, m.start())):
            return True
    return False


# "Попри заяви росіян про захоплення X, …", "Несмотря на заявления о взятии X, …": the speaker
# reports the other side's claim to reject it (as English "despite claims of capturing X").
DESPITE = re.compile(
    r"(?i)(?<!\w)(?:попри|незважаючи\s+на|несмотря\s+на|вопреки|всупереч)\s+(?:\w+\s+)?"
    r"(?:заяв|утвержд|тверджен|повідомлен|сообщени|реляци|реляці)\w*[^,.;]*"
)


def stance(text: str) -> Stance:
    denial = denial_in(text)
    if denial is not None and not _absence_backs_control(text, denial):
        return "denied"
    despite = DESPITE.search(text)
    if despite is not None and CONTROL.search(despite.group()):
        return "denied"
    if HEDGE.search(text) and _hedges_control(text):
        return "hedged"
    return "asserted"


# A break between coordinated clauses ("…, а відео, ймовірно, зняли навесні").
_COORDINATE = re.compile(r"(?i),\s*(?:а|але|но|однако|однак|проте|тогда\s+как|тоді\s+як)(?=[\s,])")


def _hedges_control(text: str) -> bool:
    """Whether a hedge bears on the move: it shares a clause with a control verb, or no clause has one
    ("Степногірськ контролюють наші підрозділи, а відео, ймовірно, зняли навесні" asserts control)."""
    bounds = [0, *(m.start() for m in _COORDINATE.finditer(text)), len(text)]
    clauses = list(pairwise(bounds))
    controlled = [CONTROL.search(text, s, e) is not None for s, e in clauses]
    if not any(controlled):
        return True
    return any(c and HEDGE.search(text, s, e) for (s, e), c in zip(clauses, controlled, strict=True))


# --- strikes and casualty figures (not wired into the claims stage yet: see extract_cyrillic_events) --

# Strikes and shelling (the ontology's "attack": ACLED's remote violence, not a ground assault).
ATTACK = re.compile(
    rf"(?i)(?<!\w)(?:обстрел{_STEM}|обстреля{_STEM}|обстріл{_STEM}|обстріля{_STEM}|бомбардир{_STEM}|"
    rf"(?:нанес|нанос|завда|завдав)\w*\s+(?:\S+\s+){{0,2}}?удар{_STEM}|удари(?:л|ли|ла|в){_STEM}|"
    rf"ударил{_STEM}|вдари(?:л|ли|ла|в){_STEM}|(?:уразил|уразив|поразил|вразил|вразив|уразили|поразили){_STEM}|"
    rf"(?:скину|скинул|сброси|сбросил)\w*\s+(?:\S+\s+){{0,2}}?(?:авиабомб|авіабомб|бомб|каб){_STEM}|"
    rf"(?:атакова|атакува)\w*\s+(?:\S+\s+){{0,3}}?(?:дрон|беспилотник|безпілотник|бпла|шахед|ракет){_STEM}|"
    rf"(?:дрон|беспилотник|безпілотник|бпла|шахед|ракет)\w*\s+(?:\S+\s+){{0,2}}?"
    rf"(?:атакова|атакува|удари|вдари|уразил|уразив|поразил|вразил|вразив)\w*|"
    rf"(?:ракетн|авиа|авіа|дронов|артиллерийск|артилерійськ)\w*\s+(?:удар|атак|обстрел|обстріл){_STEM})(?!\w)"
)
# Killed, wounded or lost ("погибли двое", "поранено 12 людей", "противник потерял до 180 военнослужащих").
CASUALTY = re.compile(
    r"(?i)(?<!\w)(?:погиб\w*|загину\w*|загибл\w*|убит\w*|убил\w*|вбит\w*|вбил\w*|ранен\w*|ранил\w*|"
    r"поранен\w*|поранил\w*|пострадал\w*|постраждал\w*|травмован\w*|госпитализ\w*|шпиталізов\w*|"
    r"потерял\w*|втрати\w*|втратив|ликвидир\w*|ліквідува\w*|ліквідован\w*|уничтожен\w*\s+(?:\S+\s+)?"
    r"(?:военн|солдат|боевик)\w*)(?!\w)"
)
# "потеряли"/"втратили" count losses only with a figure of people: "втратили контроль над селом" is
# a control claim, "потеряли до 320 военнослужащих" a casualty figure.
_LOSS_ONLY = re.compile(r"(?i)(?<!\w)(?:потерял\w*|втрати\w*|втратив)(?!\w)")
_COUNT_WORDS = {
    "один": 1, "одна": 1, "одного": 1, "двое": 2, "двоє": 2, "два": 2, "две": 2, "дві": 2, "двух": 2,
    "трое": 3, "троє": 3, "три": 3, "трех": 3, "трьох": 3, "четверо": 4, "четыре": 4, "чотири": 4,
    "пятеро": 5, "п'ятеро": 5, "п’ятеро": 5, "пять": 5, "п'ять": 5, "шестеро": 6, "семеро": 7,
}  # fmt: skip
_QUALIFIERS = frozenset(
    {"до", "более", "свыше", "около", "почти", "понад", "близько", "щонайменше", "майже", "більше", "больше"}
)
_QUALIFIERS |= {"не менее", "не менше"}
_TOKEN = re.compile(r"[\w'’]+")
_UNIT = re.compile(
    r"(?i)^(?:военнослужащ|военн|солдат|человек|людей|люди|жител|мирн|військов|осіб|особ|людин|"
    r"мешканц|цивільн|бойц|бійц|окупант|оккупант|боевик|детей|дітей|ребен|дитин|раненых|поранен)"
)


def extract_cyrillic_events(doc: Document) -> list[Claim]:
    """Strikes ("attack", with a place) and casualty figures ("casualties", with the figure, what it
    counts and "до"/"более"/"понад" as its qualifier), one per sentence and type, with the claimant,
    stance and date read as for territorial control."""
    parsed = doc.parsed
    if parsed is None:
        return []
    places, dates, quotes = list(doc.get(Place)), list(doc.get(DateMention)), list(doc.get(Quote))
    claims: list[Claim] = []
    source: str | None = None
    earlier: list[tuple[int, int, tuple[int, ...]]] = []
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        start += len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
        text = doc.text[start:end]
        previous_source, source = source, _source(doc, start, end, quotes)
        here = tuple(n for n, p in enumerate(places) if start <= p.start and p.end <= end)
        earlier.append((start, end, here))
        kinds: list[ClaimType] = ["attack"] if ATTACK.search(text) and here else []
        kinds += ["casualties"] if CASUALTY.search(text) else []
        if kinds == ["casualties"] and not here:  # "Погибли двое": where the strike before it was
            here = _earlier_places(doc.text, earlier[:-1], start)
        for kind in kinds:
            claim = replace(_claim(doc, start, text, here, dates, quotes), type=kind)
            if claim.claimant is None and previous_source is not None:
                claim = replace(claim, claimant=previous_source)
            if kind == "casualties":
                figure, unit, qualifier = _figure(text)
                if figure is None and not _other_casualty_cue(text):
                    continue
                claim = replace(claim, figure=figure, unit=unit, qualifier=qualifier)
            claims.append(claim)
    return claims


def _other_casualty_cue(text: str) -> bool:
    """A casualty word besides "lost" ("погибли", "поранено", …)."""
    return any(not _LOSS_ONLY.fullmatch(m.group()) for m in CASUALTY.finditer(text))


def _figure(text: str) -> tuple[int | None, str | None, str | None]:
    """The first count of people in a sentence: its value, the word it counts and its qualifier."""
    words = [m.group() for m in _TOKEN.finditer(re.sub(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))", "", text))]
    for n in range(len(words) - 1):
        if not _UNIT.match(words[n + 1]):
            continue
        value = int(words[n]) if words[n].isdigit() else _COUNT_WORDS.get(words[n].casefold())
        if value is None:
            continue
        before = [w.casefold() for w in words[max(0, n - 2) : n]]
        two, one = " ".join(before), before[-1] if before else ""
        qualifier = two if two in _QUALIFIERS else one if one in _QUALIFIERS else None
        return value, words[n + 1], qualifier
    return None, None, None
