"""The only serializer: Document → report dict (claimledger.report/1, see docs/report-schema.md).

Surface strings (`mention`, `text`) are derived from the document's text here, so they can never
disagree with the offsets.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from claimledger import __version__
from claimledger.document import Claim, DateMention, Document, Entity, Place, Quote, Technique
from claimledger.framing.summary import framing_summary
from claimledger.quotes.sourcing import sourcing_profile

SCHEMA = "claimledger.report/1"


def to_report(doc: Document) -> dict[str, Any]:
    meta = doc.meta
    return {
        "schema": SCHEMA,
        "article": {
            "id": doc.id,
            "title": meta.title,
            "outlet": meta.outlet,
            "url": meta.url,
            "published": meta.published.isoformat() if meta.published else None,
            "language": meta.language,
            "language_confidence": _round(doc.language_confidence),
            "language_detected": doc.language_detected,
            "source": meta.source,
        },
        "text": doc.text,
        "places": [_place(doc, p) for p in doc.get(Place)],
        "quotes": [_quote(doc, q) for q in doc.get(Quote)],
        "dates": [_date(doc, d) for d in doc.get(DateMention)],
        "claims": [_claim(doc, c) for c in doc.get(Claim)],
        "techniques": [_technique(doc, t) for t in doc.get(Technique)],
        "framing": framing_summary(doc),
        "sourcing": sourcing_profile(doc),
        "entities": [_entity(doc, e) for e in doc.get(Entity)],
        "notes": list(doc.notes),
        "pipeline": {"claimledger": __version__, "stages": list(doc.stages)},
    }


def dumps(doc: Document, *, indent: int | None = 2) -> str:
    return json.dumps(to_report(doc), ensure_ascii=False, indent=indent)


def report_schema() -> dict[str, Any]:
    """The JSON Schema that every report validates against (also in docs/report-schema.md)."""
    text = resources.files("claimledger.report").joinpath("report-v1.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _entity(doc: Document, e: Entity) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "text": doc.surface(e), "label": e.label}


def _place(doc: Document, p: Place) -> dict[str, Any]:
    return {
        "start": p.start,
        "end": p.end,
        "mention": doc.surface(p),
        "name": p.name,
        "geonames_id": p.geonames_id,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "admin1": p.admin1,
        "feature": p.feature,
        "naming": p.naming,
        "confidence": _round(p.confidence),
    }


def _quote(doc: Document, q: Quote) -> dict[str, Any]:
    sp = q.speaker
    # where this attribution names the speaker ("he" for a resolved pronoun); null when unnamed
    mention = (
        {"start": sp.start, "end": sp.end, "text": doc.text[sp.start : sp.end]}
        if sp.start is not None and sp.end is not None
        else None
    )
    return {
        "start": q.start,
        "end": q.end,
        "text": doc.surface(q),
        "direct": q.direct,
        "speaker": {"name": sp.name, "description": sp.description, "kind": sp.kind, "mention": mention},
        "cue": q.cue,
        "via": list(q.via),
        "continues": q.continues,
    }


def _date(doc: Document, d: DateMention) -> dict[str, Any]:
    return {
        "start": d.start,
        "end": d.end,
        "mention": doc.surface(d),
        "value": d.value,
        "granularity": d.granularity,
        "until": d.until,
    }


def _claim(doc: Document, c: Claim) -> dict[str, Any]:
    return {
        "start": c.start,
        "end": c.end,
        "text": doc.surface(c),
        "type": c.type,
        "claimant": c.claimant,
        "stance": c.stance,
        "places": list(c.places),
        "date": c.date,
        "actor": c.actor,
        "figure": c.figure,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "quote": c.quote,
    }


def _technique(doc: Document, t: Technique) -> dict[str, Any]:
    return {
        "start": t.start,
        "end": t.end,
        "text": doc.surface(t),
        "technique": t.technique,
        "score": _round(t.score),
        "source": t.source,
        "neutral": t.neutral,
        "side": t.side,
        "quote": t.quote,
    }
