"""Direct quotes and reported speech with their speakers: marks, cues and speakers put together.

A quoted stretch is speech when a cue governs it in the parse, or when it is a clause and a speech
verb stands in its sentence; a short quoted phrase that nothing governs is a scare quote or a title
and is left out. A quote with no cue of its own continues the quote just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimledger.document import Quote, Speaker
from claimledger.quotes.cues import Cue, find_cues
from claimledger.quotes.lexicon import Lexicon
from claimledger.quotes.marks import Quoted, find_quoted
from claimledger.quotes.spacy_types import SpacyDoc, SpacySpan, Token
from claimledger.quotes.speakers import Speakers, Who

UNKNOWN = Speaker(None, None, "anonymous")
_MAX_DEPTH = 6
_FIRST_SECOND = {"you"}
_TRANSCRIPT = re.compile(r"^[ \t]*([A-Z][A-Z.'\- ]{1,40}[A-Z]):[ \t]+(\S[^\n]*\S)", re.M)
_NOT_SPEAKERS = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "NOTE", "EDITOR'S NOTE", "CORRECTION"}
_NOT_SPEAKERS |= {"READ MORE", "RELATED", "PHOTOS", "VIDEO", "LISTEN", "SEE ALSO", "ALSO READ"}
_TIME_ENTS = {"DATE", "TIME"}
# "WALLACE: Let's start ..." opening a quoted paragraph of a transcript
_LABEL_IN_QUOTE = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z]):[ \t]+(?=\S)")
# '"I'm so ashamed ..." ― Jacklyn Ashley': a quote signed after a dash, alone on its line
_SIGNATURE = re.compile(
    r"[\"”’'\s]*[―—–]\s*([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4})[.\s\u00a0]*(?:\n|$)"
)


@dataclass
class _Item:
    """A quote before its speaker is resolved: content span, cue, and where its speaker comes from."""

    start: int
    end: int
    direct: bool
    cue: Cue | None
    inherit: _Item | None = None
    continues: _Item | None = None
    partial: bool = False
    label: Speaker | None = None  # a transcript line's speaker ("TAPPER: ...") or a signature
    label_cue: str = ":"


@dataclass(frozen=True)
class Found:
    """What the stage writes: the quotes, and how many quotation marks never closed."""

    quotes: list[Quote]
    unclosed: int


def find_quotes(parsed: SpacyDoc, lex: Lexicon, text: str | None = None) -> Found:
    """All quotes of one parsed article in text order; quoted speech wins over a reported clause
    that covers the same words, and every span indexes `parsed.text` (which `text`, when given,
    is: spaCy rebuilds `Doc.text` from its tokens on every access)."""
    text = parsed.text if text is None else text
    quoted, unclosed = find_quoted(text)
    spans = [(q.start, q.end) for q in quoted]
    speakers = Speakers(parsed, lex, spans, text)
    cues = [c for c in find_cues(parsed, lex, speakers.is_media) if not _inside(c.token.idx, spans)]
    for cue in cues:
        if cue.source is not None and _inside(cue.source.idx, spans):
            # the parser took a word of the quote as the verb's subject: look outside the quote
            cue.source = _outside_source(cue.token, spans)
    direct = _direct(parsed, text, quoted, cues)
    used = {id(i.cue) for i in direct if i.cue is not None}
    lines = _transcript(text, [(i.start, i.end) for i in direct])
    reported = _reported(cues, direct + lines, used)
    items = sorted(direct + lines + reported, key=lambda i: i.start)
    via = _according_relays(cues, items)
    # every cue's source, quoted or not, is a candidate antecedent for later pronouns
    all_cues = cues + [i.cue for i in items if i.cue is not None]
    sources = sorted(
        {c.source.i: c.source for c in all_cues if c.source is not None}.values(), key=lambda t: t.i
    )
    return Found(_records(items, sources, speakers, via), unclosed)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _outside_source(verb: Token, spans: list[tuple[int, int]]) -> Token | None:
    """ "'We were wrong,' Ramos, 58, told AFP": the nearest noun on the verb outside any quote."""
    nouns = [
        c
        for c in verb.children
        if c.pos_ in ("PROPN", "NOUN", "PRON")
        and c.dep_ in ("nsubj", "npadvmod", "appos", "dep", "attr", "nsubjpass")
        and c.ent_type_ not in _TIME_ENTS
        and not _inside(c.idx, spans)
    ]
    if nouns:
        return min(nouns, key=lambda c: abs(c.i - verb.i))
    # '"...," Tulsa police Chief Chuck Jordan said Monday': the parser hung the name elsewhere
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ in ("PROPN", "NOUN") and not _inside(before.idx, spans):
        return before
    return None


def _direct(parsed: SpacyDoc, text: str, quoted: list[Quoted], cues: list[Cue]) -> list[_Item]:
    items: list[_Item] = []
    for q in quoted:
        span = parsed.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        previous = items[-1] if items else None
        labelled = _labelled(text, q)
        if labelled is not None:  # a new label is a new speaker: it continues nothing
            items.append(labelled)
            continue
        cue = _cue_for(span, q, cues, text)
        item = _Item(q.start, q.end, True, cue, partial=not _is_clause(span))
        if cue is None:
            if not _is_clause(span):
                continue  # a scare quote or a title: a short phrase nothing introduces
            if previous is not None and (q.continues or _near(parsed, previous, span)):
                item.inherit = previous
        if previous is not None and (q.continues or (cue is not None and previous.cue is cue)):
            item.continues = previous
        items.append(item)
    return items


def _labelled(text: str, q: Quoted) -> _Item | None:
    """A quote that names its own speaker: a transcript label inside it, or a signature after it."""
    label = _LABEL_IN_QUOTE.match(text, q.start, q.end)
    if label is not None and label.group(1) not in _NOT_SPEAKERS and label.end() < q.end:
        speaker = Speaker(label.group(1).title(), None, "person", start=label.start(1), end=label.end(1))
        return _Item(label.end(), q.end, True, None, label=speaker, label_cue=":")
    signed = _SIGNATURE.match(text, q.end)
    if signed is not None and "\n" not in text[q.start : q.end]:
        name = signed.group(1).rstrip(".")
        start = signed.start(1)
        speaker = Speaker(name, None, "person", start=start, end=start + len(name))
        return _Item(q.start, q.end, True, None, label=speaker, label_cue="―")
    return None


def _cue_for(span: SpacySpan, q: Quoted, cues: list[Cue], text: str) -> Cue | None:
    """The cue governing the quote in the parse, else the nearest speech cue in its sentences."""
    first, last = span[0].sent.start, span[-1].sent.end
    nearby = [
        c
        for c in cues
        if first <= c.token.i < last
        and not (q.start <= c.token.idx < q.end)
        and "\n" not in text[min(c.token.idx, q.end) : max(c.token.idx, q.start)]
    ]
    depth = {c.token.i: d for c in nearby if (d := _governs(c.token, span)) is not None}
    governing = [c for c in nearby if c.token.i in depth]
    if governing:
        return min(governing, key=lambda c: (c.source is None, depth[c.token.i]))
    if not _is_clause(span):
        return None
    speech = [c for c in nearby if c.speech and c.source is not None]
    if not speech:
        # '"Blink twice!" one person tweeted.': the parser ended the sentence inside the quote
        speech = [c for c in cues if _just_after(c, q, text)]
    if speech:
        return min(speech, key=lambda c: _distance(c.token.idx, q))
    return _introduced(span, q, cues, text) or _head_verb(span)


def _head_verb(span: SpacySpan) -> Cue | None:
    """'Hillary shot back, "I suppose ..."': a verb outside the lexicon whose clause holds the quote."""
    for token in span:
        head = token.head
        if span.start <= head.i < span.end or head.pos_ != "VERB":
            continue
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and not (span.start <= subject.i < span.end) and subject.lower_ != "it":
            phrase = " ".join(t.text for t in [head, *(c for c in head.children if c.dep_ == "prt")])
            return Cue(head, phrase, subject, None, speech=False)
    return None


def _just_after(cue: Cue, q: Quoted, text: str) -> bool:
    """A speech cue with no clause of its own a few words after the closing mark."""
    gap = text[q.end : cue.token.idx]
    return (
        cue.speech
        and cue.source is not None
        and cue.content is None
        and 0 < len(gap) <= 40
        and "\n" not in gap
    )


def _introduced(span: SpacySpan, q: Quoted, cues: list[Cue], text: str) -> Cue | None:
    """ "Dr. Ward stated:" closing the paragraph before the quote: that sentence's speech cue."""
    before = text[: max(q.start - 1, 0)].rstrip()
    if not before.endswith(":"):
        return None
    colon = span.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    speech = [c for c in cues if sent.start <= c.token.i < sent.end and c.speech and c.source is not None]
    return speech[-1] if speech else None


def _governs(cue_token: Token, span: SpacySpan) -> int | None:
    """How many steps up from the quote's attachment points the cue sits, or None."""
    best: int | None = None
    for token in span:
        if token.is_punct or (span.start <= token.head.i < span.end and token.head.i != token.i):
            continue
        node, steps = token, 0
        while steps < _MAX_DEPTH and node.head.i != node.i:
            node, steps = node.head, steps + 1
            if node.i == cue_token.i:
                best = steps if best is None else min(best, steps)
                break
    return best


def _is_clause(span: SpacySpan) -> bool:
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in words)


def _distance(offset: int, q: Quoted) -> int:
    return q.start - offset if offset < q.start else offset - q.end


def _near(parsed: SpacyDoc, previous: _Item, span: SpacySpan) -> bool:
    """The previous quote ends in this sentence or the one before: the same speaker goes on."""
    sent = span[0].sent
    window = parsed[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return bool(previous.end >= window)


def _reported(cues: list[Cue], direct: list[_Item], used: set[int]) -> list[_Item]:
    """Reported clauses of cues not already attributing a direct quote, without overlaps."""
    # A partial quote may sit inside someone's reported clause; a full quote may not.
    taken = [(i.start, i.end) for i in direct if not i.partial]
    out: list[_Item] = []
    for cue in cues:
        if cue.content is None or cue.source is None or id(cue) in used:
            continue
        if cue.source.lower_ in _FIRST_SECOND:
            # "you think ..." outside quotation marks is an interviewer's question, not a source
            continue
        start, end = cue.content
        if any(start < e and s < end for s, e in taken):
            continue
        if cue.token.lower_ == "according" and _has_verb_cue(cue, cues, used):
            continue
        taken.append((start, end))
        out.append(_Item(start, end, False, cue))
    return out


def _transcript(text: str, taken: list[tuple[int, int]]) -> list[_Item]:
    """Interview transcripts: each "TAPPER: Do you think ..." line is a direct quote of its label."""
    items: list[_Item] = []
    for match in _TRANSCRIPT.finditer(text):
        label, start, end = match.group(1), match.start(2), match.end(2)
        if label in _NOT_SPEAKERS or any(start < e and s < end for s, e in taken):
            continue
        speaker = Speaker(label.title(), None, "person", start=match.start(1), end=match.end(1))
        items.append(_Item(start, end, True, None, label=speaker))
    return items


def _has_verb_cue(according: Cue, cues: list[Cue], used: set[int]) -> bool:
    """ "..., he stated, according to reports": the verb attributes, "according to" only relays.
    A verb that attributes nothing ("troops posted abroad, according to ...") leaves it the cue."""
    sent = according.token.sent
    return any(
        c is not according
        and c.token.sent == sent
        and c.speech
        and c.token.lower_ != "according"
        and c.source is not None
        and (c.content is not None or id(c) in used)
        for c in cues
    )


def _according_relays(cues: list[Cue], items: list[_Item]) -> dict[int, Token]:
    """ "..., he stated, according to reports from the Russian media": a relay for the verb's quotes."""
    relays: dict[int, Token] = {}
    for cue in cues:
        if cue.token.lower_ != "according" or cue.source is None:
            continue
        sent = cue.token.sent
        for item in items:
            other = item.cue
            if other is not None and other is not cue and other.token.sent == sent:
                relays[id(other)] = cue.source
    return relays


def _records(
    items: list[_Item], sources: list[Token], speakers: Speakers, relays: dict[int, Token]
) -> list[Quote]:
    """Resolve speakers in order of mention (salience needs it), then build records in text order."""
    who = {token.i: speakers.who(token) for token in sources}
    index = {id(item): n for n, item in enumerate(items)}
    records: list[Quote] = []
    resolved: dict[int, Quote] = {}
    for item in items:
        cont = index.get(id(item.continues)) if item.continues is not None else None
        earlier = resolved.get(id(item.inherit)) if item.inherit is not None else None
        if item.label is not None:
            quote = Quote(item.start, item.end, True, item.label, item.label_cue, (), continues=cont)
        elif item.cue is None and earlier is not None:
            # no cue of its own: the same speaker goes on from the quote just before
            quote = replace(earlier, start=item.start, end=item.end, direct=item.direct, continues=cont)
        else:
            quote = _keep_relay(_attributed(item, who, speakers, relays, cont), records, speakers.text)
        resolved[id(item)] = quote
        records.append(quote)
    return records


def _keep_relay(quote: Quote, earlier: list[Quote], text: str) -> Quote:
    """ "Speaking to TASS, Stepanyan ... 'X,' he stated": later quotes of the same speaker in the
    same paragraph came through the same outlet."""
    if quote.via:
        return quote
    for prior in reversed(earlier):
        if "\n" in text[prior.start : quote.start]:
            break
        same = (prior.speaker.name, prior.speaker.description, prior.speaker.kind) == (
            quote.speaker.name,
            quote.speaker.description,
            quote.speaker.kind,
        )
        if same and prior.via and quote.speaker != UNKNOWN:
            return replace(quote, via=prior.via, via_spans=prior.via_spans)
    return quote


def _attributed(
    item: _Item, who: dict[int, Who], speakers: Speakers, relays: dict[int, Token], cont: int | None
) -> Quote:
    cue = item.cue
    if cue is None:
        return Quote(item.start, item.end, item.direct, UNKNOWN, None, (), continues=cont)
    via_tokens = list(cue.via)
    if id(cue) in relays:
        via_tokens.append(relays[id(cue)])
    via = {speakers.phrase_text(t): speakers.phrase_span(t) for t in via_tokens}
    speaker = UNKNOWN
    if cue.source is not None:
        w = who[cue.source.i]
        speaker = Speaker(w.name, w.description, w.kind, start=w.start, end=w.end)
    return Quote(
        item.start,
        item.end,
        item.direct,
        speaker,
        cue.phrase,
        tuple(via),
        continues=cont,
        via_spans=tuple(via.values()),
    )
