"""What every renderer shows for a span: its kind, a short label and a one-line detail."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimledger.document import Claim, DateMention, Document, Entity, Place, Quote, Span, Technique

KINDS: tuple[str, ...] = ("places", "quotes", "dates", "claims", "techniques", "entities")


@dataclass(frozen=True)
class Shown:
    kind: str
    start: int
    end: int
    label: str
    detail: str


def shown_spans(doc: Document) -> Iterator[Shown]:
    for record_type in (Place, Quote, DateMention, Claim, Technique, Entity):
        for span in doc.get(record_type):
            label, detail = describe(doc, span)
            yield Shown(span.kind, span.start, span.end, label, detail)


def describe(doc: Document, span: Span) -> tuple[str, str]:
    """(label, detail) for a span, in words an analyst reads at a glance."""
    match span:
        case Entity(label=label):
            return label, f"named entity: {label}"
        case Place():
            where = ", ".join(x for x in (span.admin1, span.country) if x)
            naming = f"; naming: {span.naming}" if span.naming else ""
            return span.name, f"place: {span.name} ({where}){naming}; confidence {span.confidence:.2f}"
        case Quote():
            who = span.speaker.name or span.speaker.description or "unknown"
            via = f" via {' → '.join(span.via)}" if span.via else ""
            mode = "quote" if span.direct else "reported speech"
            return who, f"{mode} by {who} ({span.speaker.kind}){via}; cue: {span.cue or '—'}"
        case DateMention():
            return span.value or "?", f"date: {span.value or 'unresolved'} ({span.granularity or '—'})"
        case Claim():
            return span.type, f"claim: {span.type}, {span.stance}, by {span.claimant or 'the outlet'}"
        case Technique():
            return span.technique, f"technique: {span.technique} (score {span.score:.2f})"
    return span.kind, span.kind
