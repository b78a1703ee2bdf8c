"""Places stage cost next to bare spaCy, and gazetteer lookup rates, measured in one run.

Texts: English war news from ../shared/data/war-news-gdelt2022-en (or the bundled examples). spaCy
parses every text once (timed: the baseline); the places stage then runs on those parses, cold (empty
lookup cache) and warm. Lookup rates: distinct gazetteer names (each a SQLite query), non-names (the
Bloom filter answers), and repeated names (the cache answers). Reports, never asserts.

    .venv/bin/python benchmarks/places_speed.py [--n 200]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import time

from claimledger.document import Document, Metadata
from claimledger.gazetteer.index import Gazetteer, resolve_path
from claimledger.settings import Settings
from claimledger.stages.nlp import load_spacy
from claimledger.stages.places import PlacesStage
from throughput import load_texts


def rate(label: str, count: int, seconds: float) -> None:
    print(f"  {label:<34} {count / seconds:>12,.0f} names/s")


def lookups(path) -> None:
    names = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM places ORDER BY id LIMIT 20000")]
    gazetteer = Gazetteer(path)
    start = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    rate("distinct names (SQLite)", len(names), time.perf_counter() - start)
    misses = [f"{name}qz" for name in names]
    start = time.perf_counter()
    for name in misses:
        gazetteer.lookup(name)
    rate("not names (Bloom filter)", len(misses), time.perf_counter() - start)
    start = time.perf_counter()
    for name in names * 5:
        gazetteer.lookup(name)
    rate("repeated names (cache)", 5 * len(names), time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    settings = Settings()
    texts, source = load_texts(args.n)
    nlp = load_spacy(settings.spacy_model)
    list(nlp.pipe(texts[:10]))
    start = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=settings.batch_size))
    bare = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stage = PlacesStage(settings)
    docs = [Document(t, meta=Metadata(language="en")) for t in texts]
    for doc, p in zip(docs, parsed, strict=True):
        doc.parsed = p
    timings = []
    for _ in ("cold", "warm"):
        start = time.perf_counter()
        stage.predict(docs)
        timings.append(time.perf_counter() - start)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss
    print(f"{len(texts)} texts from {source}")
    print(f"  bare spaCy                         {bare:8.2f} s")
    for label, seconds in zip(("places stage, cold cache", "places stage, warm cache"), timings, strict=True):
        print(f"  {label:<34} {seconds:8.2f} s  ({100 * seconds / bare:.1f} % of spaCy)")
    print(f"  resident memory added by places    {grown:8.1f} MB (peak RSS growth)")
    lookups(resolve_path(settings.gazetteer_path))


if __name__ == "__main__":
    main()
