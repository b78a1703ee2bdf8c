"""`claimledger eval places`: toponym detection and resolution against gold corpora.

Corpora: our hand-labelled conflict set (resources/places-conflict-gold.jsonl: front-zone news
sentences with GeoNames ids and naming traditions), and LGL and TR-News from
../shared/data/geoparsing-corpora. Metrics as in Gritta et al. 2018 ("A pragmatic guide to
geoparsing evaluation"): detection precision/recall/F1 with overlapping spans; over the detected gold
toponyms that carry coordinates, Acc@161 km, mean error km and AUC of the log-error curve (lower is
better). A detected toponym we could not resolve counts as the maximal error (20,039 km).
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise
from pathlib import Path

from claimledger.document import Document, Metadata, Place
from claimledger.eval import EvalResult
from claimledger.gazetteer.resolve import haversine_km
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage
from claimledger.stages.places import PlacesStage

MAX_ERROR_KM = 20_039.0
CORPORA = {"LGL": "lgl.xml", "TR-News": "TR-News.xml"}


@dataclass
class Gold:
    """One gold toponym: its span, and where it is (coordinates and/or a GeoNames id)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    name: str | None = None
    naming: str | None = None


@dataclass
class Tally:
    """Counts for one corpus, turned into figures by `figures`."""

    gold: int = 0
    predicted: int = 0
    found_gold: int = 0
    right_predictions: int = 0
    errors: list[float] = field(default_factory=list)
    ids_right: int = 0
    ids_total: int = 0
    naming_right: int = 0
    naming_total: int = 0
    documents: int = 0


def evaluate(settings: Settings, shared_dir: Path, limit: int | None) -> EvalResult:
    pipeline = Pipeline([LanguageStage(settings), NlpStage(settings), PlacesStage(settings)])
    result = EvalResult(name="places", corpus="conflict set + " + " + ".join(CORPORA))
    corpora: list[tuple[str, list[tuple[str, list[Gold]]]]] = [("conflict", list(conflict_set()))]
    for label, filename in CORPORA.items():
        path = shared_dir / "data" / "geoparsing-corpora" / filename
        if path.is_file():
            corpora.append((label, list(read_gritta_xml(path))))
        else:
            result.notes.append(f"{label}: {path} missing, skipped")
    for label, articles in corpora:
        tally = score(pipeline, articles[:limit] if limit else articles)
        add_figures(result, label, tally)
    result.notes.append(
        "Acc@161, mean km and AUC are over detected gold toponyms with coordinates (Gritta et al.)"
    )
    return result


def score(pipeline: Pipeline, articles: Sequence[tuple[str, list[Gold]]]) -> Tally:
    tally = Tally()
    docs = (Document(text, meta=Metadata(language="en")) for text, _ in articles)
    for doc, (_, golds) in zip(pipeline.pipe(docs), articles, strict=True):
        tally.documents += 1
        places = list(doc.get(Place))
        tally.gold += len(golds)
        tally.predicted += len(places)
        tally.right_predictions += sum(any(_overlap(p, g) for g in golds) for p in places)
        for gold in golds:
            match = next((p for p in places if _overlap(p, gold)), None)
            if match is not None:
                tally.found_gold += 1
                _score_resolution(tally, gold, match)
    return tally


def _score_resolution(tally: Tally, gold: Gold, place: Place) -> None:
    if gold.lat is not None and gold.lon is not None:
        if place.lat is None or place.lon is None:
            tally.errors.append(MAX_ERROR_KM)
        else:
            tally.errors.append(haversine_km(gold.lat, gold.lon, place.lat, place.lon))
    if gold.geonames_id is not None or gold.name is not None:
        tally.ids_total += 1
        tally.ids_right += (
            place.geonames_id == gold.geonames_id if gold.geonames_id is not None else place.name == gold.name
        )
    if gold.naming is not None:
        tally.naming_total += 1
        tally.naming_right += place.naming == gold.naming


def _overlap(place: Place, gold: Gold) -> bool:
    return place.start < gold.end and gold.start < place.end


def add_figures(result: EvalResult, label: str, t: Tally) -> None:
    precision = t.right_predictions / t.predicted if t.predicted else 0.0
    recall = t.found_gold / t.gold if t.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures: list[tuple[str, float, int]] = [
        ("detection precision", precision, t.predicted),
        ("detection recall", recall, t.gold),
        ("detection F1", f1, t.gold),
    ]
    if t.errors:
        within = sum(e <= 161 for e in t.errors) / len(t.errors)
        figures += [
            ("Acc@161", within, len(t.errors)),
            ("mean error km", math.fsum(t.errors) / len(t.errors), len(t.errors)),
            ("AUC (lower is better)", auc(t.errors), len(t.errors)),
        ]
    if t.ids_total:
        figures.append(("GeoNames id accuracy", t.ids_right / t.ids_total, t.ids_total))
    if t.naming_total:
        figures.append(("naming accuracy", t.naming_right / t.naming_total, t.naming_total))
    figures.append(("documents", float(t.documents), t.documents))
    for name, value, denominator in figures:
        key = f"{label}: {name}"
        result.figures[key] = round(value, 4)
        result.denominators[key] = denominator


def auc(errors: Sequence[float]) -> float:
    """Area under the sorted log(1 + error) curve, scaled to 0..1 (Gritta et al. 2018, eq. 1)."""
    logs = sorted(math.log(1 + e) for e in errors)
    if len(logs) == 1:
        return logs[0] / math.log(MAX_ERROR_KM)
    area = math.fsum((a + b) / 2 for a, b in pairwise(logs))
    return area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))


def read_gritta_xml(path: Path) -> Iterator[tuple[str, list[Gold]]]:
    """Articles of LGL/TR-News: text and gold toponyms (offsets into the text)."""
    root = ET.parse(path).getroot()  # a local corpus file from ../shared, not user input
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for toponym in article.iter("toponym"):
            start, end = int(toponym.findtext("start") or 0), int(toponym.findtext("end") or 0)
            tag = toponym.find("gaztag")
            lat = lon = None
            geonames_id = None
            if tag is not None and tag.findtext("lat"):
                lat, lon = float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0)
                geonames_id = int(tag.get("geonameid") or 0) or None
            golds.append(Gold(start, end, lat, lon, geonames_id))
        yield text, golds


def conflict_set() -> Iterator[tuple[str, list[Gold]]]:
    """Our labelled sentences: each gold place names its mention; offsets are found in order."""
    text = resources.files("claimledger.resources").joinpath("places-conflict-gold.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        golds, cursor = [], 0
        for gold in item["places"]:
            start = item["text"].index(gold["mention"], cursor)
            cursor = start + len(gold["mention"])
            golds.append(
                Gold(
                    start,
                    cursor,
                    gold.get("lat"),
                    gold.get("lon"),
                    gold.get("geonames_id"),
                    gold.get("name"),
                    gold.get("naming"),
                )
            )
        yield item["text"], golds
