"""Places stage: every toponym mention, resolved to one GeoNames place, with its naming tradition.

Finds: towns, villages, regions and countries, by gazetteer phrase matching checked against spaCy's
NER (claimledger.gazetteer.detect), resolved by readable features and article context
(claimledger.gazetteer.resolve). Records per mention whether the text chose the Ukrainian official
name (uk), a Russian form (ru), a pre-2016 Soviet name (soviet), an English exonym (en) or a name
Russia declared for occupied territory (ru-occupation), and notes the article's choices.
Russian and Ukrainian articles go through claimledger.gazetteer.cyrillic (case endings undone, no NER).
Does not: resolve streets, rivers or buildings.
Method after Gritta et al. 2018, "What's missing in geographical parsing?" (corpora and metrics);
data: GeoNames (CC BY 4.0) and VIINA (ODbL), see docs/gazetteer-licence.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from claimledger.document import Document, Place
from claimledger.errors import SetupError
from claimledger.gazetteer.cyrillic import find_cyrillic_mentions
from claimledger.gazetteer.detect import Mention, find_mentions
from claimledger.gazetteer.index import Gazetteer, load_gazetteer, resolve_path
from claimledger.gazetteer.resolve import Resolution, resolve
from claimledger.pipeline import BatchStage
from claimledger.settings import Settings
from claimledger.stages.nlp import CYRILLIC


class PlacesStage(BatchStage):
    name = "places"
    version = "1"
    requires = frozenset({"parsed"})
    assigns = frozenset({"places"})

    def __init__(self, settings: Settings) -> None:
        self.path: Path = resolve_path(settings.gazetteer_path)
        self.gazetteer: Gazetteer | None = None
        self.problem: str | None = None
        try:
            self.gazetteer = load_gazetteer(self.path)
        except SetupError as exc:
            # A missing gazetteer must not stop the other stages: each report says why it has no places.
            self.problem = f"places not analyzed: {exc}"

    def predict(self, docs: Sequence[Document]) -> Sequence[list[Resolution]]:
        if self.gazetteer is None:
            return [[] for _ in docs]
        return [resolve(self._mentions(doc), doc.text) if doc.parsed else [] for doc in docs]

    def _mentions(self, doc: Document) -> list[Mention]:
        if self.gazetteer is None:
            return []
        if doc.meta.language in CYRILLIC:
            return find_cyrillic_mentions(doc.parsed, self.gazetteer, doc.meta.language or "ru")
        return find_mentions(doc.parsed, self.gazetteer)

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc, resolutions in zip(docs, results, strict=True):
            if self.problem:
                doc.note(self.problem)
                continue
            for resolution in cast("list[Resolution]", resolutions):
                doc.add(to_place(resolution))
            summary = naming_summary(doc.get(Place))
            if summary:
                doc.note(summary)


def to_place(resolution: Resolution) -> Place:
    mention, place = resolution.mention, resolution.place
    if place is None:
        return Place(mention.start, mention.end, name=mention.text)
    return Place(
        mention.start,
        mention.end,
        name=place.name,
        geonames_id=place.geonames_id,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1 if place.feature != "country" else None,
        feature=place.feature,
        naming=place.naming,
        confidence=resolution.confidence,
    )


def naming_summary(places: Sequence[Place]) -> str | None:
    """One line on the article's naming choices, e.g. 'place naming: soviet 7, uk 1, ru 1 (of 12)'."""
    counts = Counter(p.naming for p in places if p.naming and p.country == "UA" and p.feature != "country")
    if not counts:
        return None
    parts = ", ".join(f"{naming} {n}" for naming, n in counts.most_common())
    return f"place naming: {parts} (of {len(places)} place mentions)"
