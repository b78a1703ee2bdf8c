"""Places of one or more reports as a GeoJSON FeatureCollection: one Point per place.

Each feature carries how often the place was mentioned, under which names and in which naming
traditions, so a map shows both where an article is and how it names it. Places without
coordinates are counted in the collection's `unplaced` member instead of being dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from claimledger.document import Document, Place


def to_geojson(docs: Iterable[Document]) -> dict[str, Any]:
    """FeatureCollection of the documents' places, most mentioned first."""
    groups: dict[tuple[object, ...], list[tuple[Document, Place]]] = {}
    unplaced: Counter[str] = Counter()
    for doc in docs:
        for place in doc.get(Place):
            if place.lat is None or place.lon is None:
                unplaced[doc.surface(place)] += 1
                continue
            key = (place.geonames_id, place.name, place.lat, place.lon)
            groups.setdefault(key, []).append((doc, place))
    features = [_feature(mentions) for mentions in groups.values()]
    features.sort(key=lambda f: (-f["properties"]["mentions"], f["properties"]["name"]))
    return {"type": "FeatureCollection", "features": features, "unplaced": dict(unplaced.most_common())}


def _feature(mentions: list[tuple[Document, Place]]) -> dict[str, Any]:
    first = mentions[0][1]
    names = Counter(doc.surface(place) for doc, place in mentions)
    namings = Counter(place.naming for _, place in mentions if place.naming)
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [first.lon, first.lat]},
        "properties": {
            "name": first.name,
            "geonames_id": first.geonames_id,
            "country": first.country,
            "admin1": first.admin1,
            "feature": first.feature,
            "mentions": len(mentions),
            "articles": len({doc.id for doc, _ in mentions}),
            "names_used": dict(names.most_common()),
            "naming": dict(namings.most_common()),
            "confidence": round(max(place.confidence for _, place in mentions), 4),
        },
    }
