"""Places stage cost next to bare spaCy, and gazetteer lookup rates, measured in one run.

Texts: English war news from ../shared/data/war-news-gdelt2022-en (or the bundled examples). spaCy
parses every text once (timed: the baseline); the places stage then runs on those parses, cold (empty
lookup cache) and warm. Lookup rates over the names the detector would ask about (distinct runs of
capitalized words from the same texts, mostly not places): one by one without the cache (fold, Bloom
filter, SQLite), batched with `lookup_many`, and repeated through the cache; then the resident memory
the open index holds. Reports, never asserts.

    .venv/bin/python benchmarks/places_speed.py [--n 200]
"""

from __future__ import annotations

import argparse
import re
import resource
import time
from pathlib import Path

from claimledger.document import Document, Metadata
from claimledger.gazetteer.index import Gazetteer, resolve_path
from claimledger.settings import Settings
from claimledger.stages.nlp import load_spacy
from claimledger.stages.places import PlacesStage
from throughput import load_texts


def rate(label: str, count: int, seconds: float) -> None:
    """Per second of this process's CPU time: on a shared machine, wall time mostly measures the others."""
    print(f"  {label:<44} {count / seconds:>12,.0f} names/CPU-s")


def rss_mb() -> float:
    """Resident memory now (not the peak): what an open index actually keeps."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def candidate_names(texts: list[str]) -> list[str]:
    """What the detector asks the gazetteer: runs of 1-3 capitalized words (with "of"/"the" inside)
    from the news texts, distinct, in text order. Most are not place names."""
    names: dict[str, None] = {}
    for text in texts:
        for run in _CAPITALIZED.finditer(text):
            words = run.group().split()
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + 3) + 1):
                    names[" ".join(words[i:j])] = None
    return list(names)


def lookups(path: Path, texts: list[str]) -> None:
    names = candidate_names(texts)
    before = rss_mb()
    gazetteer = Gazetteer(path)
    hits = sum(bool(gazetteer._lookup(n)) for n in names[:2000])  # warms the OS page cache only
    print(f"lookups: {len(names):,} distinct capitalized runs ({hits} of the first 2,000 are places)")
    gazetteer = Gazetteer(path)
    start = time.process_time()
    for name in names:
        gazetteer._lookup(name)  # the uncached path: fold, Bloom filter, SQLite for possible names
    rate("one by one, uncached", len(names), time.process_time() - start)
    start = time.process_time()
    gazetteer.lookup_many(names)
    rate("lookup_many (batched queries), uncached", len(names), time.process_time() - start)
    places = [n for n in names if gazetteer._lookup(n)]
    gazetteer = Gazetteer(path)
    start = time.process_time()
    for name in places:
        gazetteer._lookup(name)
    rate(f"only the {len(places):,} place names, uncached", len(places), time.process_time() - start)
    start = time.process_time()
    gazetteer.lookup_many(places)
    rate("the place names with lookup_many", len(places), time.process_time() - start)
    for name in names:
        gazetteer.lookup(name)
    start = time.process_time()
    for _ in range(5):
        for name in names:
            gazetteer.lookup(name)
    rate("repeated names (cache)", 5 * len(names), time.process_time() - start)
    print(f"  resident memory of the open index, cache full    {rss_mb() - before:8.1f} MB")


_CAPITALIZED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*)*")


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
    lookups(resolve_path(settings.gazetteer_path), texts)


if __name__ == "__main__":
    main()
