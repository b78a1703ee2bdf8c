"""The article view's model, built from a report dict (claimledger.report/1), so a pasted article and a
stored one render through the same code: text cut into highlight segments, one detail card per span,
and the sourcing profile.

Nothing here produces markup; the template escapes every string it is given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

# The kinds the view highlights, in the order of the toggles; entities are off until asked for.
KINDS: tuple[str, ...] = ("places", "quotes", "claims", "techniques", "dates", "entities")
HIDDEN_BY_DEFAULT = frozenset({"entities"})
# Quotes are coloured by speaker: this many distinct hues, then they repeat.
SPEAKER_HUES = 6


@dataclass(frozen=True)
class Card:
    """One span's details: the card the side panel shows when the span is clicked."""

    ref: str
    kind: str
    title: str
    summary: str
    rows: tuple[tuple[str, str], ...]
    place_key: str | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch of text covered by the same spans; `classes` and `refs` are ours, never the article's."""

    text: str
    classes: str = ""
    refs: str = ""
    tip: str = ""


@dataclass
class ArticleView:
    report: Mapping[str, Any]
    segments: list[Segment]
    cards: list[Card]
    counts: dict[str, int]
    speakers: list[tuple[str, int, int]]
    sourcing: list[tuple[str, int]] = field(default_factory=list)


def article_view(report: Mapping[str, Any]) -> ArticleView:
    hues = _speaker_hues(report.get("quotes", []))
    cards = list(_cards(report, hues))
    spans = [(s["start"], s["end"], kind, i) for kind in KINDS for i, s in enumerate(report.get(kind, []))]
    by_ref = {card.ref: card for card in cards}
    return ArticleView(
        report=report,
        segments=cut(report["text"], spans, by_ref, hues),
        cards=cards,
        counts={kind: len(report.get(kind, [])) for kind in KINDS},
        speakers=[(name, hue, count) for name, (hue, count) in hues.items()],
        sourcing=sourcing_profile(report),
    )


def cut(
    text: str,
    spans: Sequence[tuple[int, int, str, int]],
    cards: Mapping[str, Card],
    hues: Mapping[str, tuple[int, int]],
) -> list[Segment]:
    """Cut the text at every span boundary, so overlapping spans nest without broken markup.

    One sweep over the boundaries with the set of open spans (a 2,000-word article has ~700 spans).
    """
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for start, end, kind, i in spans:
        starts.setdefault(start, []).append(f"{kind}-{i}")
        ends.setdefault(end, []).append(f"{kind}-{i}")
    cuts = sorted({0, len(text), *starts, *ends})
    open_refs: dict[str, None] = {}
    out: list[Segment] = []
    for left, right in pairwise(cuts):
        for ref in ends.get(left, ()):
            open_refs.pop(ref, None)
        for ref in starts.get(left, ()):
            open_refs[ref] = None
        out.append(_segment(text[left:right], list(open_refs), cards, hues))
    return out


def _segment(
    text: str, refs: list[str], cards: Mapping[str, Card], hues: Mapping[str, tuple[int, int]]
) -> Segment:
    if not refs:
        return Segment(text)
    classes = sorted({f"k-{cards[ref].kind}" for ref in refs})
    classes += [f"spk-{hues.get(cards[ref].title, (0, 0))[0]}" for ref in refs if cards[ref].kind == "quotes"]
    tip = "\n".join(cards[ref].summary for ref in refs)
    return Segment(text, " ".join(["hl", *classes]), " ".join(refs), tip)


def sourcing_profile(report: Mapping[str, Any]) -> list[tuple[str, int]]:
    """Who the article lets speak: quotes by speaker kind and mode, and claims without a quote."""
    quotes = report.get("quotes", [])
    kinds = Counter(q["speaker"]["kind"] for q in quotes)
    rows = [(f"{kind} sources", kinds.get(kind, 0)) for kind in ("person", "organization", "media")]
    rows.append(("anonymous sources", kinds.get("anonymous", 0)))
    rows.append(("direct quotes", sum(1 for q in quotes if q["direct"])))
    rows.append(("reported speech", sum(1 for q in quotes if not q["direct"])))
    rows.append(
        ("claims in the outlet's voice", sum(1 for c in report.get("claims", []) if not c["claimant"]))
    )
    return rows


def speaker_name(quote: Mapping[str, Any]) -> str:
    speaker = quote["speaker"]
    return str(speaker.get("name") or speaker.get("description") or f"unnamed ({speaker['kind']})")


def place_key(place: Mapping[str, Any]) -> str:
    """The place page's key: the canonical name, as `claimledger place NAME` takes it."""
    return str(place["name"])


def _speaker_hues(quotes: Sequence[Mapping[str, Any]]) -> dict[str, tuple[int, int]]:
    hues: dict[str, tuple[int, int]] = {}
    for quote in quotes:
        name = speaker_name(quote)
        hue, count = hues.get(name, (len(hues) % SPEAKER_HUES, 0))
        hues[name] = (hue, count + 1)
    return hues


def _cards(report: Mapping[str, Any], hues: Mapping[str, tuple[int, int]]) -> Iterator[Card]:
    places = report.get("places", [])
    for i, p in enumerate(places):
        yield _place_card(i, p)
    for i, q in enumerate(report.get("quotes", [])):
        yield _quote_card(i, q)
    for i, c in enumerate(report.get("claims", [])):
        yield _claim_card(i, c, places)
    for i, t in enumerate(report.get("techniques", [])):
        yield _technique_card(i, t)
    for i, d in enumerate(report.get("dates", [])):
        value = d.get("value") or "unresolved"
        until = f" to {d['until']}" if d.get("until") else ""
        rows = (
            ("mention", d["mention"]),
            ("value", value + until),
            ("granularity", d.get("granularity") or "—"),
        )
        yield Card(f"dates-{i}", "dates", value, f"date: {value}{until}", rows)
    for i, e in enumerate(report.get("entities", [])):
        yield Card(f"entities-{i}", "entities", e["text"], f"entity: {e['label']}", (("label", e["label"]),))


def _place_card(i: int, p: Mapping[str, Any]) -> Card:
    where = ", ".join(str(x) for x in (p.get("admin1"), p.get("country")) if x)
    coords = (
        f"{p['lat']:.4f}, {p['lon']:.4f}" if p.get("lat") is not None and p.get("lon") is not None else "—"
    )
    rows = (
        ("mention", p["mention"]),
        ("resolved to", f"{p['name']} ({where})" if where else p["name"]),
        ("naming", p.get("naming") or "—"),
        ("feature", p.get("feature") or "—"),
        ("coordinates", coords),
        ("GeoNames id", str(p["geonames_id"]) if p.get("geonames_id") is not None else "—"),
        ("confidence", f"{p.get('confidence') or 0:.2f}"),
    )
    naming = f", naming {p['naming']}" if p.get("naming") else ""
    return Card(f"places-{i}", "places", p["name"], f"place: {p['name']}{naming}", rows, place_key(p))


def _quote_card(i: int, q: Mapping[str, Any]) -> Card:
    name = speaker_name(q)
    speaker = q["speaker"]
    chain = " → ".join([name, *q.get("via", [])])
    rows = (
        ("speaker", name),
        ("description", speaker.get("description") or "—"),
        ("speaker kind", speaker["kind"]),
        ("mode", "direct quote" if q["direct"] else "reported speech"),
        ("cue", q.get("cue") or "—"),
        ("attribution chain", chain),
    )
    mode = "quote" if q["direct"] else "reported speech"
    return Card(f"quotes-{i}", "quotes", name, f"{mode} by {name}", rows)


def _claim_card(i: int, c: Mapping[str, Any], places: Sequence[Mapping[str, Any]]) -> Card:
    named = [places[k]["name"] for k in c.get("places", []) if 0 <= k < len(places)]
    figure = " ".join(str(x) for x in (c.get("qualifier"), c.get("figure"), c.get("unit")) if x is not None)
    rows = (
        ("type", c["type"].replace("_", " ")),
        ("stance", c["stance"]),
        ("claimant", c.get("claimant") or "the outlet itself"),
        ("places", ", ".join(named) or "—"),
        ("date", c.get("date") or "—"),
        ("actor", c.get("actor") or "—"),
        ("figure", figure or "—"),
    )
    summary = f"claim: {c['type'].replace('_', ' ')}, {c['stance']}, by {c.get('claimant') or 'the outlet'}"
    return Card(f"claims-{i}", "claims", c["type"].replace("_", " "), summary, rows)


def _technique_card(i: int, t: Mapping[str, Any]) -> Card:
    name = str(t["technique"]).replace("_", " ")
    rows: list[tuple[str, str]] = [("technique", name), ("score", f"{t.get('score') or 0:.2f}")]
    neutral = t.get("neutral") or t.get("neutral_wording")
    if neutral:
        rows.append(("neutral wording", str(neutral)))
    return Card(f"techniques-{i}", "techniques", name, f"technique: {name}", tuple(rows))
