"""Ledger speed: storing analyzed reports (one transaction each), answering `place` on 100,000
synthetic articles, on SQLite and, where it answers, the local PostgreSQL; and the wording model's
sentences per second (event grouping embeds every claim it compares).

    nice .venv/bin/python benchmarks/ledger.py [--store N] [--articles N] [--no-postgres]

The baseline for storing is the floor any per-article-transaction design pays: the same reports'
JSON written with plain sqlite3, one INSERT and one COMMIT per article, in the same run. Wall-clock
rates depend on the machine's load; the CPU rate (articles per CPU-second of this process) less so.
Reports figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from claimledger.ledger import queries
from claimledger.ledger.store import Store

PG = "postgresql://postgres@127.0.0.1:5432/test"
PLACES = [("Pokrovsk", 704422), ("Avdiivka", 713122), ("Bakhmut", 712165), ("Vovchansk", 689304)]
PLACES += [(f"Place{n}", 900000 + n) for n in range(196)]
OUTLETS = ["TASS", "RIA", "Ukrinform", "Kyiv Post", "BBC", "Reuters", "AP", "RT", "BelTA", "CNN"]
STANCES = ["asserted", "asserted", "denied", "hedged"]
WORDS = [
    "forces",
    "troops",
    "city",
    "front",
    "positions",
    "ministry",
    "said",
    "reported",
    "officials",
    "defence",
    "attack",
    "village",
    "control",
    "captured",
    "shelling",
    "drones",
    "artillery",
    "offensive",
    "region",
    "line",
    "units",
    "assault",
    "heavy",
    "losses",
]


def synthetic_report(n: int, rng: random.Random, *, words: int = 350) -> dict:
    """An analyzed-looking report: ~350 words, 4 places, 3 quotes, 4 claims, 4 techniques."""
    chosen = rng.sample(PLACES, 4)
    sentences = []
    for name, _ in chosen:
        filler = " ".join(rng.choice(WORDS) for _ in range(words // 8))
        sentences.append(f"Russian forces {rng.choice(WORDS)} {name} on day {n}, {filler}.")
    quotes_text = [" ".join(rng.choice(WORDS) for _ in range(words // 16)) for _ in range(3)]
    body = " ".join(sentences) + " " + " ".join(f'"{q}," an official said.' for q in quotes_text)
    places, claims, quotes, techniques = [], [], [], []
    for i, (name, gid) in enumerate(chosen):
        start = body.index(name)
        places.append(
            {
                "start": start,
                "end": start + len(name),
                "mention": name,
                "name": name,
                "geonames_id": gid,
                "lat": 48.0 + i,
                "lon": 37.0 + i,
                "country": "UA",
                "admin1": "Donetsk Oblast",
                "feature": "city",
                "naming": "en",
                "confidence": 0.9,
            }
        )
        sentence = sentences[i]
        s = body.index(sentence)
        claims.append(
            {
                "start": s,
                "end": s + len(sentence),
                "text": sentence,
                "type": "territorial_control",
                "claimant": "Russian Defense Ministry",
                "stance": rng.choice(STANCES),
                "places": [i],
                "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "actor": "Russian forces",
                "figure": None,
                "unit": None,
                "qualifier": None,
                "quote": None,
            }
        )
    for q in quotes_text:
        s = body.index(q)
        quotes.append(
            {
                "start": s,
                "end": s + len(q),
                "text": q,
                "direct": True,
                "speaker": {"name": None, "description": "an official", "kind": "anonymous"},
                "cue": "said",
                "via": [],
            }
        )
        techniques.append(
            {"start": s, "end": s + 5, "text": body[s : s + 5], "technique": "Loaded_Language", "score": 0.7}
        )
    return {
        "schema": "claimledger.report/1",
        "article": {
            "id": hashlib.sha256(body.encode()).hexdigest(),
            "title": f"Report {n}",
            "outlet": OUTLETS[n % len(OUTLETS)],
            "url": None,
            "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "language": "en",
            "language_confidence": None,
            "language_detected": False,
            "source": None,
        },
        "text": body,
        "places": places,
        "quotes": quotes,
        "dates": [],
        "claims": claims,
        "techniques": techniques,
        "entities": [],
        "notes": [],
        "pipeline": {"claimledger": "0.1.0", "stages": []},
    }


def rate(n: int, wall: float, cpu: float) -> str:
    return f"{n / wall:7.0f} articles/s wall, {n / cpu:7.0f} per CPU-second"


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def bench_store(target: str, reports: list[dict]) -> tuple[float, float]:
    with Store.open(target) as store:
        store.put(reports[0])  # warm-up: statement cache, first page allocations

        def put_all() -> None:
            for report in reports[1:]:
                store.put(report)

        return timed(put_all)


def bench_baseline(path: Path, reports: list[dict]) -> tuple[float, float]:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE reports (id TEXT PRIMARY KEY, report TEXT)")

    def put_all() -> None:
        for report in reports[1:]:
            connection.execute("BEGIN")
            connection.execute(
                "INSERT INTO reports VALUES (?, ?)", (report["article"]["id"], json.dumps(report))
            )
            connection.execute("COMMIT")

    result = timed(put_all)
    connection.close()
    return result


def bench_place(target: str, articles: int, rng: random.Random) -> tuple[list[float], list[float]]:
    with Store.open(target) as store:
        started = time.perf_counter()
        store.bulk_load(synthetic_report(n, rng, words=60) for n in range(articles))
        print(f"  loaded {articles:,} synthetic articles in {time.perf_counter() - started:.0f} s")
        queries.place_report(store, "Pokrovsk", limit=50)  # warm-up
        times, cpu = [], []
        for name in ["Pokrovsk", "Krasnoarmeysk", "Avdiivka", "Place17", "Bakhmut"] * 4:
            started, started_cpu = time.perf_counter(), time.process_time()
            answer = queries.place_report(store, name, limit=50)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        print(f"  Pokrovsk: {queries.place_report(store, 'Pokrovsk')['claims']:,} claims in the timeline")
        del answer
    return times, cpu


def pg_schema() -> tuple[str, object] | None:
    schema = f"cl_bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(PG.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:
        print(f"PostgreSQL unavailable ({type(exc).__name__}); SQLite only")
        return None
    return f"{PG}?options=-csearch_path%3D{schema}", (engine, schema)


def drop(handle: object) -> None:
    engine, schema = handle  # type: ignore[misc]
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


def report_times(measured: tuple[list[float], list[float]]) -> str:
    times, cpu = measured
    median, p95 = statistics.median(times), statistics.quantiles(times, n=20)[-1]
    print(
        f"  place: median {median:.0f} ms, p95 {p95:.0f} ms, max {max(times):.0f} ms wall "
        f"over {len(times)} runs;"
    )
    print(f"         median {statistics.median(cpu):.0f} ms CPU in this process (a server's CPU not counted)")
    return f"median {median:4.0f} ms, p95 {p95:4.0f} ms"


CLAIMS = [
    "Russian forces have captured the village of {p} after weeks of fighting, the Russian Defence "
    "Ministry said on Sunday.",
    "Ukraine's General Staff denied that {p} had fallen and said its troops were holding positions.",
    "A missile strike on {p} overnight damaged an energy facility and wounded three people, the "
    "regional governor said.",
    "Drones attacked a railway depot near {p}, officials said, without giving details of the damage.",
    "Shelling of residential areas in {p} killed two civilians, according to local authorities.",
]


def bench_wording(count: int) -> str:
    """Claim-length sentences embedded the way `events` does: one call for all texts."""
    from claimledger.ledger.wording import StaticWording, model_available  # noqa: PLC0415

    if not model_available():
        print("  wording model missing (make wording-model): not measured")
        return "not measured"
    wording = StaticWording()
    sentences = [CLAIMS[n % len(CLAIMS)].format(p=f"{PLACES[n % len(PLACES)][0]} {n}") for n in range(count)]
    wording.embed(sentences[:10])  # loads the model once
    wall, cpu = timed(lambda: wording.embed(sentences))
    words = statistics.mean(len(s.split()) for s in sentences)
    print(
        f"  {count:,} claim sentences (~{words:.0f} words): {count / wall:,.0f} sentences/s wall, "
        f"{count / cpu:,.0f} per CPU-second"
    )
    return f"{count / wall:,.0f} sentences/s wall"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=int, default=2000, help="reports stored one by one")
    parser.add_argument("--articles", type=int, default=100_000, help="synthetic articles for `place`")
    parser.add_argument("--sentences", type=int, default=20_000, help="claim sentences embedded")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    summary: dict[str, str] = {}
    print("wording model")
    summary["wording"] = bench_wording(args.sentences)
    reports = [synthetic_report(n, rng) for n in range(args.store + 1)]
    size = statistics.mean(len(r["text"].split()) for r in reports)
    print(f"storing {args.store:,} analyzed reports (~{size:.0f} words, 4 places, 3 quotes, 4 claims each)")
    with tempfile.TemporaryDirectory() as tmp:
        base = bench_baseline(Path(tmp) / "baseline.db", reports)
        ours = bench_store(str(Path(tmp) / "ledger.db"), reports)
        print(f"  baseline (sqlite3, JSON blob, 1 commit each): {rate(args.store, *base)}")
        print(f"  claimledger SQLite:                           {rate(args.store, *ours)}")
        print(f"  ratio claimledger/baseline (wall):            {base[0] / ours[0]:.2f}")
        summary["store SQLite"] = rate(args.store, *ours)
        pg = None if args.no_postgres else pg_schema()
        if pg:
            pg_ours = bench_store(pg[0], reports)
            print(f"  claimledger PostgreSQL:                       {rate(args.store, *pg_ours)}")
            summary["store PostgreSQL"] = rate(args.store, *pg_ours)
            drop(pg[1])
        print(f"`place` on {args.articles:,} synthetic articles")
        print(" SQLite")
        summary["place SQLite"] = report_times(bench_place(str(Path(tmp) / "big.db"), args.articles, rng))
    pg = None if args.no_postgres else pg_schema()
    if pg:
        print(" PostgreSQL")
        summary["place PostgreSQL"] = report_times(bench_place(pg[0], args.articles, random.Random(8)))
        drop(pg[1])
    print("summary")
    for name, figure in summary.items():
        print(f"  {name:17s} {figure}")


if __name__ == "__main__":
    main()
