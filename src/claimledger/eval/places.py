"""`claimledger eval places` and `eval geoparse CORPUS`: toponym detection and resolution against gold.

Corpora: our hand-labelled conflict set (resources/places-conflict-gold.jsonl: front-zone news
sentences with GeoNames ids and naming traditions), and LGL, TR-News and GeoVirus from
../shared/data/geoparsing-corpora. `eval places` prints a table over the conflict set, LGL and
TR-News; `eval geoparse` prints one corpus's figures as JSON. Metrics as in Gritta et al. 2018
("A pragmatic guide to geoparsing evaluation"): detection precision/recall/F1 with overlapping
spans; over the detected gold toponyms that carry coordinates, Acc@161 km, mean error km and AUC of
the log-error curve (lower is better). A detected toponym we could not resolve counts as the maximal
error (20,039 km).
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
from typing import Any

from claimledger.document import Document, Metadata, Place
from claimledger.errors import InputError, SetupError
from claimledger.eval import EvalResult
from claimledger.eval import shared_dir as find_shared
from claimledger.gazetteer.resolve import haversine_km
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage
from claimledger.stages.places import PlacesStage

MAX_ERROR_KM = 20_039.0
CORPORA = {"LGL": "lgl.xml", "TR-News": "TR-News.xml"}
# `eval geoparse CORPUS`: the short names of the gold corpora in ../shared/data/geoparsing-corpora.
GEOPARSE_CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}


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
    demonyms: int = 0  # gold spans that are nationality words ("Russian"), which we never report
    demonyms_found: int = 0


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


def geoparse(settings: Settings, corpus: str, shared: Path | None, limit: int | None) -> dict[str, Any]:
    """One corpus (a short name or an XML path in the LGL or GeoVirus format) scored as a JSON object."""
    path = corpus_path(corpus, shared)
    articles = list(read_corpus(path))
    pipeline = Pipeline([LanguageStage(settings), NlpStage(settings), PlacesStage(settings)])
    tally = score(pipeline, articles[:limit] if limit else articles)
    return {"corpus": path.name, **summary(tally)}


def corpus_path(corpus: str, shared: Path | None) -> Path:
    """A short corpus name inside ../shared (or `shared`), or a path as given."""
    filename = GEOPARSE_CORPORA.get(corpus.lower().replace("-", ""))
    if filename is None:
        path = Path(corpus).expanduser()
        if not path.is_file():
            known = ", ".join(GEOPARSE_CORPORA)
            raise InputError(f"{corpus}: neither a corpus name ({known}) nor a file")
        return path
    path = find_shared(shared) / "data" / "geoparsing-corpora" / filename
    if not path.is_file():
        raise SetupError(f"{path} is missing: `eval geoparse {corpus}` needs the geoparsing corpora")
    return path


def summary(t: Tally) -> dict[str, Any]:
    """Detection and resolution figures with the counts they rest on."""
    precision = t.right_predictions / t.predicted if t.predicted else 0.0
    recall = t.found_gold / t.gold if t.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out: dict[str, Any] = {
        "documents": t.documents,
        "detection": {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "gold": t.gold,
            "predicted": t.predicted,
            "gold_found": t.found_gold,
            "predicted_right": t.right_predictions,
        },
    }
    if t.demonyms:
        gold, found = t.gold - t.demonyms, t.found_gold - t.demonyms_found
        recall = found / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out["detection_without_demonyms"] = {
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "gold": gold,
            "demonyms_left_out": t.demonyms,
        }
    if t.errors:
        out["resolution"] = {
            "acc_161": round(sum(e <= 161 for e in t.errors) / len(t.errors), 4),
            "mean_error_km": round(math.fsum(t.errors) / len(t.errors), 1),
            "median_error_km": round(sorted(t.errors)[len(t.errors) // 2], 1),
            "auc": round(auc(t.errors), 4),
            "scored": len(t.errors),
        }
    return out


def evaluate_file(settings: Settings, gold: Path, limit: int | None) -> EvalResult:
    """`claimledger eval places GOLD.jsonl`: a Russian/Ukrainian gold set (claimledger.eval.cyrillic)."""
    from claimledger.eval.cyrillic import evaluate_part  # noqa: PLC0415 - one scorer, loaded lazily

    return evaluate_part(settings, gold, limit, "places")


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
            demonym = is_demonym(doc, gold)
            tally.demonyms += demonym
            if match is not None:
                tally.found_gold += 1
                tally.demonyms_found += demonym
                _score_resolution(tally, gold, match)
    return tally


def is_demonym(doc: Document, gold: Gold) -> bool:
    """LGL and TR-News label nationality adjectives ("Russian", "Georgian") as toponyms; the issue
    rules them out as places. A gold span inside a NORP entity or made of adjectives is one."""
    if doc.parsed is None or not doc.parsed.has_annotation("TAG"):
        return False
    span = doc.parsed.char_span(gold.start, gold.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(t.ent_type_ == "NORP" for t in span) or all(t.tag_ in {"JJ", "NNPS"} for t in span)


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


def read_corpus(path: Path) -> Iterator[tuple[str, list[Gold]]]:
    """LGL/TR-News (`<toponym>`) or GeoVirus (`<location>`) XML, told apart by their elements."""
    root = ET.parse(path).getroot()  # a local corpus file, not user input from the network
    if root.find("./article/locations") is not None:
        return read_geovirus(root)
    return _gritta_articles(root)


def read_geovirus(root: ET.Element) -> Iterator[tuple[str, list[Gold]]]:
    """GeoVirus articles. Its offsets are one past the name in the published file (the name sits at
    start-1): each gold span is taken where its name actually is, at the offset or one before."""
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for location in article.iter("location"):
            name = location.findtext("name") or ""
            start, end = int(location.findtext("start") or 0), int(location.findtext("end") or 0)
            if text[start:end] != name and text[start - 1 : end - 1] == name:
                start, end = start - 1, end - 1
            lat, lon = location.findtext("lat"), location.findtext("lon")
            golds.append(Gold(start, end, float(lat) if lat else None, float(lon) if lon else None))
        yield text, golds


def read_gritta_xml(path: Path) -> Iterator[tuple[str, list[Gold]]]:
    """Articles of LGL/TR-News: text and gold toponyms (offsets into the text)."""
    return _gritta_articles(ET.parse(path).getroot())  # a local corpus file from ../shared


def _gritta_articles(root: ET.Element) -> Iterator[tuple[str, list[Gold]]]:
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
