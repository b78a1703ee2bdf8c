"""Places stage cost next to bare spaCy, and gazetteer lookup rates, measured in one run.

Texts: English war news from ../shared/data/war-news-gdelt2022-en (or the bundled examples). spaCy
parses every text once (timed: the baseline); the places stage then runs on those parses, cold (empty
lookup cache) and warm. Lookup rates over the names the detector would ask about (distinct runs of
capitalized words from the same texts, mostly not places, and the place names among them): one by one
on a freshly opened index (fold, Bloom filter, SQLite, decode), batched with `lookup_many`, and
repeated through the cache; then the resident memory the open index holds. Reports, never asserts.

    .venv/bin/python benchmarks/places_speed.py [--n 200]
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import time
from pathlib import Path

from claimledger.document import Document, Metadata
from claimledger.gazetteer.index import Gazetteer, resolve_path
from claimledger.gazetteer.names import fold
from claimledger.settings import Settings
from claimledger.stages.nlp import load_spacy
from claimledger.stages.places import PlacesStage
from throughput import load_texts


def rate(label: str, count: int, seconds: tuple[float, float]) -> None:
    """Per second of this process's CPU time (on a shared machine wall time mostly measures the
    others), and per wall second beside it."""
    cpu, wall = seconds
    print(f"  {label:<44} {count / cpu:>12,.0f} names/CPU-s {count / wall:>12,.0f} names/wall-s")


def timed(path: Path, names: list[str], *, many: bool = False, fresh: bool = True) -> tuple[float, float]:
    """Median (CPU, wall) seconds over five passes without any cached answer. `fresh`: each pass on a
    newly opened index, so the pass also pays for mapping the file's pages in (once per process in a
    real run); else one index whose pages are mapped, its caches emptied before each pass."""
    cpu, wall = [], []
    gazetteer = Gazetteer(path)
    for name in names:
        gazetteer._lookup(name)
    for _ in range(5):
        if fresh:
            gazetteer.close()
            gazetteer = Gazetteer(path)
        gazetteer.clear_caches()
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        if many:
            gazetteer.lookup_many(names)
        else:
            for name in names:
                gazetteer._lookup(name)  # the uncached path: fold, Bloom filter, SQLite, decode
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    gazetteer.close()
    return statistics.median(cpu), statistics.median(wall)


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
    places = [n for n in names if gazetteer._lookup(n)]  # also warms the OS page cache
    keys = len({fold(n) for n in places})
    print(f"lookups: {len(names):,} distinct capitalized runs, {len(places):,} of them in the index")
    for fresh in (True, False):
        print(
            "  uncached, median of 5 passes, "
            + ("each on a freshly opened index:" if fresh else "index open and mapped, caches emptied:")
        )
        rate("every capitalized run, one by one", len(names), timed(path, names, fresh=fresh))
        rate("every capitalized run, lookup_many", len(names), timed(path, names, many=True, fresh=fresh))
        rate(
            f"only the {len(places):,} place names ({keys:,} keys)",
            len(places),
            timed(path, places, fresh=fresh),
        )
        rate("the place names with lookup_many", len(places), timed(path, places, many=True, fresh=fresh))
    for name in names:
        gazetteer.lookup(name)
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    for _ in range(5):
        for name in names:
            gazetteer.lookup(name)
    seconds = time.process_time() - start_cpu, time.perf_counter() - start_wall
    rate("repeated names (cache)", 5 * len(names), seconds)
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
