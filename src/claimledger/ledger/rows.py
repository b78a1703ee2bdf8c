"""Report dicts to ledger rows and back: pure functions, no SQL (store.py writes what these build)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Table

from claimledger.ledger.control import Run
from claimledger.ledger.models import claim_places, claims, places, quotes, techniques

T = TypeVar("T")


def name_key(name: str) -> str:
    """The lookup form of a place name: case-folded, apostrophes and hyphens dropped, spaces single."""
    folded = name.casefold().replace("'", "").replace("’", "").replace("ʼ", "").replace("-", " ")
    return " ".join(folded.split())[:200]


def canonical_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def article_row(report: dict[str, Any]) -> dict[str, Any]:
    """The article's own row; the stored report leaves out the text, which has its own column."""
    article = report["article"]
    body = report["text"]
    without_text = {key: value for key, value in report.items() if key != "text"}
    stored = canonical_json(without_text)
    # the hash covers the report and its text: one serialization, not two
    digest = hashlib.sha256(stored.encode("utf-8"))
    digest.update(b"\0" + body.encode("utf-8"))
    return {
        "id": article["id"],
        "title": article.get("title"),
        "outlet": article.get("outlet"),
        "url": article.get("url"),
        "published": article.get("published"),
        "language": article.get("language"),
        "source": article.get("source"),
        "words": len(body.split()),
        "text": body,
        "report": stored,
        "report_hash": digest.hexdigest(),
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def report_of(stored: str, body: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(stored)
    ordered = {"schema": report.pop("schema"), "article": report.pop("article"), "text": body}
    ordered.update(report)
    return ordered


def span_rows(pk: int, report: dict[str, Any]) -> dict[Table, list[dict[str, Any]]]:
    rows: dict[Table, list[dict[str, Any]]] = {
        places: [_place_row(pk, i, p) for i, p in enumerate(report.get("places", []))],
        quotes: [_quote_row(pk, i, q) for i, q in enumerate(report.get("quotes", []))],
        claims: [_claim_row(pk, i, c) for i, c in enumerate(report.get("claims", []))],
        techniques: [_technique_row(pk, i, t) for i, t in enumerate(report.get("techniques", []))],
    }
    n_places = len(rows[places])
    links = {
        (place, i)
        for i, claim in enumerate(report.get("claims", []))
        for place in claim.get("places", [])
        if 0 <= place < n_places
    }
    rows[claim_places] = [{"article_pk": pk, "place_idx": p, "claim_idx": c} for p, c in sorted(links)]
    return rows


def _span(pk: int, idx: int, record: dict[str, Any]) -> dict[str, Any]:
    return {"article_pk": pk, "idx": idx, "span_start": record["start"], "span_end": record["end"]}


def _place_row(pk: int, idx: int, place: dict[str, Any]) -> dict[str, Any]:
    return {
        **_span(pk, idx, place),
        "mention": place["mention"],
        "name": place["name"][:200],
        "name_key": name_key(place["name"]),
        "mention_key": name_key(place["mention"]),
        "geonames_id": place.get("geonames_id"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "feature": place.get("feature"),
        "naming": place.get("naming"),
        "confidence": place.get("confidence") or 0.0,
    }


def _quote_row(pk: int, idx: int, quote: dict[str, Any]) -> dict[str, Any]:
    speaker = quote.get("speaker") or {}
    return {
        **_span(pk, idx, quote),
        "text": quote["text"],
        "direct": bool(quote.get("direct")),
        "speaker_name": speaker.get("name"),
        "speaker_description": speaker.get("description"),
        "speaker_kind": speaker.get("kind") or "anonymous",
        "cue": quote.get("cue"),
        "via": json.dumps(quote.get("via") or [], ensure_ascii=False),
    }


def _claim_row(pk: int, idx: int, claim: dict[str, Any]) -> dict[str, Any]:
    return {
        **_span(pk, idx, claim),
        "text": claim["text"],
        "type": claim["type"],
        "claimant": claim.get("claimant"),
        "stance": claim["stance"],
        "date": claim.get("date"),
        "actor": claim.get("actor"),
        "quote_idx": claim.get("quote"),
        "figure": claim.get("figure"),
        "unit": claim.get("unit"),
        "qualifier": claim.get("qualifier"),
    }


def _technique_row(pk: int, idx: int, technique: dict[str, Any]) -> dict[str, Any]:
    return {
        **_span(pk, idx, technique),
        "text": technique["text"],
        "technique": technique["technique"],
        "score": technique["score"],
    }


def run_row(run: Run) -> dict[str, Any]:
    return {
        "source": run.source,
        "geonames_id": run.geonames_id,
        "status": run.status,
        "first_day": run.first_day.isoformat(),
        "last_day": run.last_day.isoformat(),
    }


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
