"""The answers behind `place`, `events` and `outlets`: store rows shaped into plain dicts.

The store fetches; compare.py and control.py judge; this module joins them so the CLI (and later the
web app) only render. Every answer is JSON-ready (`--format json` prints it as is).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

from claimledger.ledger import compare, control, wording
from claimledger.ledger.store import Store, name_key

TERRITORIAL = "territorial_control"


def place_report(store: Store, name: str, *, limit: int | None = None) -> dict[str, Any]:
    """A timeline of claims about the place across outlets (the latest `limit`), the names each
    outlet used, the sourcing behind each claim, and for control claims what the control record
    said; the control status is judged over every claim, shown or not."""
    ids, names = store.place_keys(name)
    # Every claim about the place in one query (the count and the control status need them all, the
    # timeline the latest); a claim naming the place twice ("Pokrovsk, which Russian sources call
    # Krasnoarmeysk") is one claim.
    every = _one_per_claim(store.place_claims(ids, names))
    rows = every[-limit:] if limit else every
    runs = store.control_runs(ids)
    control_claims = [_status_record(row) for row in every if row["type"] == TERRITORIAL]
    return {
        "query": name,
        "places": sorted({row["place_name"] for row in rows}) or [name],
        "geonames_ids": ids,
        "claims": len(every),
        "timeline": [_timeline_entry(row, runs) for row in rows],
        "names_by_outlet": _names_by_outlet(store.place_mentions(ids, names)),
        "status": compare.group_status(control_claims) if control_claims else None,
    }


def _one_per_claim(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, int]] = set()
    kept = []
    for row in rows:
        key = (row["article_id"], row["claim_idx"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def _status_record(row: Mapping[str, Any]) -> compare.ClaimRecord:
    return compare.ClaimRecord(
        article_id=row["article_id"],
        outlet=row["outlet"],
        type=row["type"],
        stance=row["stance"],
        text="",
        date=None,
        place="",
        place_name="",
        origin=row["origin"],
    )


def _timeline_entry(row: Mapping[str, Any], runs: Mapping[int, list[control.Run]]) -> dict[str, Any]:
    entry = {
        "date": row["date"] or row["published"],
        "published": row["published"],
        "outlet": row["outlet"],
        "article_id": row["article_id"],
        "copy_of": row["duplicate_of"],
        "mention": row["mention"],
        "language": row.get("language"),
        "naming": row.get("naming"),
        "type": row["type"],
        "stance": row["stance"],
        "claimant": row["claimant"],
        "text": row["text"],
        "sourcing": sourcing(row),
    }
    if row["type"] == TERRITORIAL:
        entry["control"] = _control(row, runs.get(row["geonames_id"]) if row["geonames_id"] else None)
    return entry


def sourcing(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """Who the claim rests on: the quote's speaker and attribution chain, when a quote carries it."""
    if row.get("speaker_kind") is None:
        return None
    return {
        "speaker": row.get("speaker_name"),
        "description": row.get("speaker_description"),
        "kind": row["speaker_kind"],
        "via": json.loads(row["via"]) if row.get("via") else [],
        "cue": row.get("cue"),
    }


def _control(row: Mapping[str, Any], runs: list[control.Run] | None) -> dict[str, Any]:
    side = control.claimed_side(row.get("actor"), row["text"], row.get("claimant"), row["stance"])
    day = _day(row["date"]) or _day(row["published"])
    result = control.check(stance=row["stance"], side=side, day=day, runs=runs or [])
    return {
        "consistency": result.consistency,
        "side": result.side,
        "record": result.record,
        "record_source": result.source,
        "matched_on": result.matched_on.isoformat() if result.matched_on else None,
    }


def _day(value: str | None) -> date | None:
    if value and len(value) == 10:
        return date.fromisoformat(value)
    return None


def _names_by_outlet(mentions: list[Any]) -> list[dict[str, Any]]:
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in mentions:
        by_outlet[row["outlet"] or "(unknown)"].append(
            {"name": row["mention"], "naming": row["naming"], "mentions": row["mentions"]}
        )
    return [{"outlet": outlet, "names": names} for outlet, names in sorted(by_outlet.items())]


def _record(row: Mapping[str, Any], place_name: str) -> compare.ClaimRecord:
    place = str(row["geonames_id"]) if row.get("geonames_id") else name_key(place_name)
    return compare.ClaimRecord(
        article_id=row["article_id"],
        outlet=row["outlet"],
        type=row["type"],
        stance=row["stance"],
        text=row["text"],
        date=row["date"] or row.get("published"),
        place=place,
        place_name=place_name,
        claimant=row.get("claimant"),
        sourcing=row.get("speaker_kind"),
        origin=row.get("origin"),
        published=row.get("published"),
    )


def events(
    store: Store,
    *,
    contested_only: bool = False,
    claim_type: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    window_days: int = 3,
    min_similarity: float = wording.EMBEDDING_THRESHOLD,
) -> list[dict[str, Any]]:
    """Cross-source lines: groups of claims about one thing, each with its status. `min_similarity`
    is the least cosine of the static wording model; its Jaccard fallback keeps its own threshold."""
    key = name_key(place) if place else None
    rows = store.claim_rows(claim_type=claim_type, since=since, until=until, place_key=key)
    records = list({_claim_key(row): _record(row, row["place_name"]) for row in reversed(rows)}.values())
    model, _note = wording.wording_model(min_similarity)
    groups = compare.group_claims(records, window_days=window_days, wording=model)
    if contested_only:
        groups = [g for g in groups if g.status == "contested"]
    return [_event(group) for group in groups]


def _claim_key(row: Mapping[str, Any]) -> tuple[str, int, str]:
    """One record per claim and place, however often the claim names the place."""
    place = str(row["geonames_id"]) if row.get("geonames_id") else row["name_key"]
    return row["article_id"], row["claim_idx"], place


def _event(group: compare.ClaimGroup) -> dict[str, Any]:
    return {
        "type": group.type,
        "place": group.place_name,
        "geonames_id": int(group.place) if group.place.isdigit() else None,
        "status": group.status,
        "first_date": group.first_date,
        "last_date": group.last_date,
        "asserting": group.asserting,
        "denying": group.denying,
        "claims": [
            {
                "date": c.date,
                "outlet": c.outlet,
                "article_id": c.article_id,
                "stance": c.stance,
                "claimant": c.claimant,
                "text": c.text,
                "counted_as": c.source,
            }
            for c in group.claims
        ],
    }


def outlets(store: Store) -> list[dict[str, Any]]:
    """Per outlet: articles, copies, share of anonymous sources, sides quoted, techniques per
    1,000 words, and naming choices."""
    rows = store.outlet_rows()
    quotes: dict[str, Counter[str]] = defaultdict(Counter)
    sides: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows["quotes"]:
        quotes[row["outlet"]][row["speaker_kind"]] += row["n"]
        side = _speaker_side(row)
        sides[row["outlet"]][side] += row["n"]
    techniques: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows["techniques"]:
        techniques[row["outlet"]][row["technique"]] += row["n"]
    naming: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows["naming"]:
        naming[row["outlet"]][row["naming"]] += row["n"]
    out = []
    for row in rows["articles"]:
        name, words = row["outlet"], int(row["words"] or 0)
        n_quotes = sum(quotes[name].values())
        out.append(
            {
                "outlet": name,
                "articles": row["articles"],
                "copies": row["copies"],
                "words": words,
                "quotes": n_quotes,
                "anonymous_share": round(quotes[name]["anonymous"] / n_quotes, 3) if n_quotes else None,
                "sides_quoted": dict(sides[name].most_common()),
                "techniques_per_1000_words": round(1000 * sum(techniques[name].values()) / words, 2)
                if words
                else 0.0,
                "top_techniques": dict(techniques[name].most_common(3)),
                "naming": dict(naming[name].most_common()),
            }
        )
    return sorted(out, key=lambda o: (-o["articles"], o["outlet"]))


def _speaker_side(row: Mapping[str, Any]) -> str:
    """RU, UA or other, from the speaker's name, description and attribution chain."""
    words = " ".join(str(row.get(k) or "") for k in ("speaker_name", "speaker_description", "via"))
    return control.side_of(words) or "other"
