"""Turn one parsed Document into Claim records: segment, type, then fill the slots.

Each sentence yields its event claims (one per anchor word, with the phrase or clause around it) and
a claim for its main clause unless an event claim already covers it; reported clauses ("…, adding
that X") are their own claims when they predict, assess or state an intent. Places and speakers come
from the places and quotes stages when they ran, and the claim is still made without them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from claimledger.claims import lexicon as lx
from claimledger.claims import slots
from claimledger.claims.triggers import (
    Trigger,
    clause_bounds,
    clause_heads,
    event_triggers,
    is_place_token,
    prospective,
)
from claimledger.document import Claim, DateMention, Document, Place, Quote
from claimledger.temporal import find_dates

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_ANAPHORA = frozenset({"it", "this", "that", "claim", "report", "statement", "allegation"})
_PLACE_ANAPHORA = re.compile(r"\b(?:city|town|village|settlement)\b", re.IGNORECASE)
# Place features too wide to be what "the city" refers to.
_AREAS = frozenset({"country", "region", "continent"})


@dataclass
class _Context:
    """What every claim of one document is filled from."""

    doc: Document
    places: list[Place]
    place_chars: set[int]
    quotes: list[Quote]
    dates: list[DateMention]
    pronouns: dict[int, str]

    def is_place(self, token: Token) -> bool:
        return is_place_token(token, self.place_chars)


def extract_claims(doc: Document) -> list[Claim]:
    """Every claim unit of the document, in text order."""
    parsed = doc.parsed
    if parsed is None:
        return []
    ctx = _context(doc, parsed)
    claims: list[Claim] = []
    previous: list[Claim] = []
    for sent in parsed.sents:
        if slots.disclaims(sent):
            claims[len(claims) - len(previous) :] = [_hedge(c) for c in previous]
            previous = []
            continue
        previous = _sentence_claims(ctx, sent, previous)
        claims.extend(previous)
    return claims


def _context(doc: Document, parsed: SpacySpan) -> _Context:
    places = list(doc.get(Place))
    dates = list(doc.get(DateMention))
    if not any(stage.startswith("dates@") for stage in doc.stages):
        dates = [
            DateMention(t.start, t.end, t.value, t.granularity, t.until)
            for t in find_dates(doc.text, doc.meta.published)
        ]
    place_chars = {i for p in places for i in range(p.start, p.end)}
    return _Context(
        doc, places, place_chars, list(doc.get(Quote)), dates, slots.pronoun_antecedents(parsed[:])
    )


def _hedge(claim: Claim) -> Claim:
    return replace(claim, stance="hedged") if claim.stance == "asserted" else claim


def _sentence_claims(ctx: _Context, sent: SpacySpan, previous: list[Claim]) -> list[Claim]:
    events = [t for t in event_triggers(sent, ctx.is_place) if not prospective(t)]
    out = [_event_claim(ctx, sent, t) for t in events]
    for index, head in enumerate(clause_heads(sent)):
        if any(t.first <= head.i <= t.last for t in events):
            continue
        inherited = _denied_anaphor(ctx, sent, head, previous)
        if inherited is not None:
            out.append(inherited)
            continue
        first, last = clause_bounds(head)
        kind = slots.clause_type(head, first, last)
        if kind == "other" and (index > 0 or events):
            continue
        out.append(_clause_claim(ctx, sent, Trigger(kind, head, head, first, last)))
    return sorted(out, key=lambda c: (c.start, c.end))


def _event_claim(ctx: _Context, sent: SpacySpan, trigger: Trigger) -> Claim:
    start, end = _chars(sent, trigger)
    figure, unit, qualifier = (None, None, None)
    if trigger.type == "casualties":
        figure, unit, qualifier = slots.figure(sent.doc[trigger.first : trigger.last + 1])
    claimant, quote = _claimant(ctx, sent, trigger.anchor, include_self=False)
    return Claim(
        start,
        end,
        type=trigger.type,
        claimant=claimant,
        stance=slots.stance(trigger.anchor, trigger.verb, sent, event=True, presupposed=trigger.presupposed),
        places=_places(ctx, sent, start, end, territorial=trigger.type == "territorial_control"),
        date=_date(ctx, sent, trigger, start, end),
        actor=slots.actor(trigger, ctx.pronouns),
        figure=figure,
        unit=unit,
        qualifier=qualifier,
        quote=quote,
    )


def _clause_claim(ctx: _Context, sent: SpacySpan, trigger: Trigger) -> Claim:
    start, end = _chars(sent, trigger)
    claimant, quote = _claimant(ctx, sent, trigger.anchor, include_self=True)
    return Claim(
        start,
        end,
        type=trigger.type,
        claimant=claimant,
        stance=slots.stance(trigger.anchor, trigger.verb, sent, event=False, presupposed=False),
        places=_places(ctx, sent, start, end, territorial=False),
        date=_date(ctx, sent, trigger, start, end),
        quote=quote,
    )


def _denied_anaphor(ctx: _Context, sent: SpacySpan, head: Token, previous: list[Claim]) -> Claim | None:
    """ "Kyiv denied it.": the previous sentence's claim, denied by this one's subject."""
    if head.lemma_.lower() not in lx.DENY_VERBS or any(c.dep_ == "ccomp" for c in head.children):
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in _ANAPHORA]
    typed = [c for c in previous if c.type != "other"]
    if not objects or not typed:
        return None
    first, last = clause_bounds(head)
    start, end = _chars(sent, Trigger(typed[-1].type, head, head, first, last))
    claimant, quote = _claimant(ctx, sent, head, include_self=True)
    dated = _date(ctx, sent, Trigger(typed[-1].type, head, head, first, last), start, end)
    return replace(
        typed[-1], start=start, end=end, claimant=claimant, stance="denied", date=dated, quote=quote
    )


def _chars(sent: SpacySpan, trigger: Trigger) -> tuple[int, int]:
    doc = sent.doc
    first, last = doc[trigger.first], doc[trigger.last]
    return first.idx, last.idx + len(last.text)


def _claimant(
    ctx: _Context, sent: SpacySpan, anchor: Token, *, include_self: bool
) -> tuple[str | None, int | None]:
    """The quote's speaker when the claim sits in a quote, else "according to X" or the subject of
    the verb of saying above it, else the outlet."""
    for index, quote in enumerate(ctx.quotes):
        if quote.start <= anchor.idx < quote.end:
            who = quote.speaker.name or quote.speaker.description
            if who:
                return who, index
    source = slots.according_to(sent)
    if source is None:
        verb = slots.reporting_verb(anchor, include_self=include_self)
        source = slots.speaker(verb) if verb is not None else None
    name = slots.name_of(source, ctx.pronouns) if source is not None else None
    return name or ctx.doc.meta.outlet, None


def _places(ctx: _Context, sent: SpacySpan, start: int, end: int, *, territorial: bool) -> tuple[int, ...]:
    """Places the claim is about: those inside it that are not acting ("Kyiv plans", "Russia lost");
    a territorial claim about "the city" takes the place most named in the sentences before it."""
    inside = tuple(
        i
        for i, p in enumerate(ctx.places)
        if start <= p.start and p.end <= end and not _acting(sent.doc.char_span(p.start, p.end, "expand"))
    )
    if inside or not territorial:
        return inside
    if not _PLACE_ANAPHORA.search(ctx.doc.text, start, end):
        return ()
    before = [
        (i, p) for i, p in enumerate(ctx.places) if p.end <= sent.start_char and p.feature not in _AREAS
    ]
    if not before:
        return ()
    counts = Counter(p.name for _, p in before)
    best = max(before, key=lambda item: (counts[item[1].name], item[0]))
    return (best[0],)


def _acting(span: SpacySpan | None) -> bool:
    """A place named as an actor, by metonymy: the subject of a verb or the owner of a thing, except
    where it is what falls or is captured ("Avdiivka fell", "the city's fall")."""
    if span is None:
        return False
    token = span.root
    while token.dep_ in {"compound", "amod", "nmod"} and token.head.i != token.i:
        token = token.head
    head = token.head.lemma_.lower()
    if token.dep_ == "nsubj":
        return head not in lx.CONTROL_VERBS_SUBJECT | {"be", "remain"}
    if token.dep_ == "poss":
        takes_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.head.children)
        return head not in lx.CONTROL_NOUNS or takes_of
    return False


def _date(ctx: _Context, sent: SpacySpan, trigger: Trigger, start: int, end: int) -> str | None:
    """The date named in the claim (else in its sentence, nearest the anchor); else the publication
    date for a report in the present tense; else none."""
    in_sentence = [d for d in ctx.dates if d.value and sent.start_char <= d.start and d.end <= sent.end_char]
    inside = [d for d in in_sentence if start <= d.start and d.end <= end]
    pool = inside or in_sentence
    if pool:
        anchor = trigger.anchor.idx
        return min(pool, key=lambda d: abs(d.start - anchor)).value
    published: date | None = ctx.doc.meta.published
    # A prediction in the present tense ("are likely to attempt") is not dated by its publication.
    if published is not None and trigger.type != "prediction" and _present(trigger.verb):
        return published.isoformat()
    return None


def _present(verb: Token) -> bool:
    """Present or present perfect ("is", "says", "have completed"), not past or future."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(
        a.lower_ in lx.FUTURE_MODALS | lx.UNCERTAIN_MODALS | {"would", "did", "had", "was", "were"}
        for a in aux
    ):
        return False
    if any(a.tag_ in {"VBZ", "VBP"} for a in aux):
        return True
    return verb.tag_ in {"VBZ", "VBP"}
