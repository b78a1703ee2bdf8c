"""Scale-out: the same articles through LocalRunner, DaskRunner with 1 worker and with 2 workers.

The articles are news-length excerpts (130 to 230 words) of the real English war news in
../shared/data/war-news-gdelt2022-en: runs of paragraphs cut from every article at several starting
points, each ending on a sentence, dated by its file name, so 2,000 distinct articles come from 358
texts. Every runner is warmed before its clock starts (the local pipeline is built, every Dask worker
has built its own), so the figures compare steady-state throughput, start-up excluded on both sides;
the start-up is printed apart. Every process analyzes on one thread: the framing encoder pins torch
to one thread, and the Dask workers get one thread each.

Then the writer: the local run's reports are stored one transaction per article into a fresh SQLite
file and a fresh PostgreSQL schema, which gives the projection of docs/scaling.md (how many workers
one writer keeps busy). Reports figures, never asserts.

    .venv/bin/python benchmarks/scale.py [--n 2000] [--partition-bytes 64000] [--direct]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import logging
import re
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster
from sqlalchemy import Engine, create_engine, text

from claimledger.batch.dask import DaskRunner
from claimledger.batch.runner import LocalRunner, Runner
from claimledger.document import Document, Metadata
from claimledger.ledger.ingest import Ingest
from claimledger.ledger.store import Store
from claimledger.report.json import to_report
from claimledger.settings import Settings
from claimledger.stages import build_pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "war-news-gdelt2022-en" / "articles"
POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
_NAME = re.compile(r"^(\d{4})(\d{2})(\d{2})T\d{6}Z_([A-Z]{2})_")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


# -- the corpus ------------------------------------------------------------------------------------


def excerpts(n: int, min_words: int, max_words: int) -> Iterator[dict[str, str]]:
    """`n` distinct news-length articles: paragraph runs from each text, from a new start each
    round; a run that reaches its text's end goes on with another text's paragraphs."""
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        raise SystemExit(f"no corpus at {CORPUS} (../shared/data is needed for this benchmark)")
    texts = [(f.name, _paragraphs(f.read_text(encoding="utf-8"))) for f in files]
    texts = [(name, paragraphs) for name, paragraphs in texts if paragraphs]
    seen: set[str] = set()
    made = 0
    for round_ in range(100):
        for i, (name, paragraphs) in enumerate(texts):
            target = min_words + (i * 37 + round_ * 53) % (max_words - min_words + 1)
            start = (round_ * 2 + i % 3) % len(paragraphs)
            follow = texts[(i + 1 + round_ * 7) % len(texts)][1]
            body = _excerpt(paragraphs[start:] + follow, target)
            if body is None or body in seen:
                continue
            seen.add(body)
            yield {"text": body, **_metadata(name)}
            made += 1
            if made == n:
                return
    raise SystemExit(f"the corpus gives only {made} distinct excerpts")


def _paragraphs(text_: str) -> list[str]:
    """Paragraphs worth keeping: advertising labels and one-word lines are dropped."""
    return [p.strip() for p in text_.split("\n") if len(p.split()) >= 8]


def _excerpt(paragraphs: list[str], target: int) -> str | None:
    """Paragraphs until `target` words, the last one cut at a sentence end."""
    words = 0
    kept: list[str] = []
    for paragraph in paragraphs:
        room = target - words
        if len(paragraph.split()) > room:
            cut = _cut(paragraph, room)
            if cut:
                kept.append(cut)
            break
        kept.append(paragraph)
        words += len(paragraph.split())
    body = "\n\n".join(kept)
    return body if len(body.split()) >= min(100, target) else None


def _cut(paragraph: str, words: int) -> str:
    tokens = paragraph.split()[:words]
    while tokens and not _SENTENCE_END.search(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _metadata(name: str) -> dict[str, str]:
    found = _NAME.match(name)
    if found is None:
        return {}
    return {"published": f"{found[1]}-{found[2]}-{found[3]}", "outlet": f"{found[4]} outlet"}


def make_corpus(n: int, folder: Path, min_words: int, max_words: int) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for article in excerpts(n, min_words, max_words):
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


# -- the runs --------------------------------------------------------------------------------------


@dataclass
class Timing:
    label: str
    workers: int
    seconds: float
    articles: int
    client_cpu: float  # this process's CPU seconds during the run
    worker_cpu: float  # the workers' CPU seconds during the run (the local run: its own)
    startup: float = 0.0
    tasks: int = 0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def timed(
    runner: Runner, sources: list[str], settings: Settings, keep: list[dict[str, Any]] | None
) -> Timing:
    start, cpu = time.perf_counter(), time.process_time()
    count = 0
    for doc in runner.run(sources, settings):
        if doc.error is None:
            count += 1
            if keep is not None:
                keep.append(to_report(doc))
    return Timing("", 1, time.perf_counter() - start, count, time.process_time() - cpu, 0.0)


def local_run(sources: list[str], settings: Settings, keep: list[dict[str, Any]]) -> Timing:
    started = time.perf_counter()
    pipeline = build_pipeline(settings)
    next(pipeline.pipe([Document("Kyiv said the talks would go on next week.", Metadata())]))
    startup = time.perf_counter() - started
    result = timed(LocalRunner(pipeline), sources, settings, keep)
    result.label, result.startup, result.worker_cpu = "LocalRunner", startup, result.client_cpu
    return result


def dask_run(workers: int, sources: list[str], settings: Settings) -> Timing:
    """DaskRunner as `--workers N` runs it: its own LocalCluster, warmed before the clock starts."""
    runner = DaskRunner(workers=workers)
    started = time.perf_counter()
    with runner.connected(settings) as client:
        startup = time.perf_counter() - started
        result = timed_on(client, runner, sources, settings)
    result.label = f"DaskRunner {workers} worker{'s' if workers > 1 else ''}"
    result.workers, result.startup = workers, startup
    return result


def dask_defaults_run(sources: list[str], settings: Settings) -> Timing:
    """One worker as Dask sets it up by itself: its bookkeeping intervals, and the allocator state its
    MALLOC_TRIM_THRESHOLD_ gives (fixed thresholds: trim at 64 KiB, mmap from 128 KiB), which the
    worker's own tuning undid when it built its pipeline and this puts back."""
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster) as client,
    ):
        runner = DaskRunner(client=client)
        with runner.connected(settings):
            client.run(_dask_allocator)
            startup = time.perf_counter() - started
            result = timed_on(client, runner, sources, settings)
    result.label, result.startup = "Dask 1, Dask defaults", startup
    return result


def _dask_allocator() -> None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    libc.mallopt(-1, 65536)  # M_TRIM_THRESHOLD


def timed_on(client: Client, runner: DaskRunner, sources: list[str], settings: Settings) -> Timing:
    before = sum(client.run(time.process_time).values())
    result = timed(runner, sources, settings, None)
    result.worker_cpu = sum(client.run(time.process_time).values()) - before
    result.tasks = runner.summary.partitions
    return result


# -- the writer ------------------------------------------------------------------------------------


def write_rate(target: str, reports: list[dict[str, Any]]) -> float:
    """Reports stored per second by one client, one transaction per article (Store.put, as ingest)."""
    with Store.open(target) as store:
        start = time.perf_counter()
        for report in reports:
            store.put(report)
        return len(reports) / (time.perf_counter() - start)


def postgres_schema() -> tuple[str, tuple[Engine, str]] | None:
    """A fresh schema on the local PostgreSQL, and the engine that drops it; None where there is none."""
    schema = f"cl_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:  # no server: the PostgreSQL figures are left out
        print(f"PostgreSQL at 127.0.0.1:5432 unavailable ({type(exc).__name__}): its figures are left out")
        admin.dispose()
        return None
    return f"{POSTGRES}?options=-csearch_path%3D{schema}", (admin, schema)


def drop_schema(handle: tuple[Engine, str]) -> None:
    admin, schema = handle
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def direct_ingest(workers: int, corpus: Path, settings: Settings, url: str) -> float:
    """Ingest on `workers` Dask workers that store into PostgreSQL themselves; articles/s."""
    runner = DaskRunner(workers=workers)
    with runner.connected(settings), Store.open(url) as store:
        summary = Ingest(store, settings, runner=runner).run([str(corpus)])
    return summary.written / summary.seconds


# -- report ----------------------------------------------------------------------------------------


def show(runs: list[Timing]) -> None:
    local = runs[0]
    print(
        f"{'runner':<21}{'articles/s':>11}{'seconds':>9}{'vs local×N':>12}{'tasks':>7}"
        f"{'start-up s':>12}{'worker CPU ms/art':>19}{'client CPU ms/art':>19}"
    )
    for run in runs:
        efficiency = run.rate / (local.rate * run.workers)
        print(
            f"{run.label:<21}{run.rate:>11.2f}{run.seconds:>9.1f}{efficiency:>12.2f}{run.tasks:>7}"
            f"{run.startup:>12.1f}{1000 * run.worker_cpu / run.articles:>19.1f}"
            f"{1000 * run.client_cpu / run.articles:>19.1f}"
        )
    print(
        "worker CPU: the analyzing processes' CPU (LocalRunner: its own process); client CPU: this"
        " process's, where a local cluster's scheduler also runs. Every process analyzes on one thread."
    )
    if len(runs) > 3:
        print(
            "'Dask defaults': Dask's allocator setting and bookkeeping intervals, which claimledger changes"
        )
    one, two = runs[1], runs[2]
    print(f"Dask 1 worker / LocalRunner: {one.rate / local.rate:.2f} (target ≥ 0.90)")
    print(f"Dask 2 workers / 1 worker:   {two.rate / one.rate:.2f}× (target ≥ 1.70)")
    print(f"analysis cost per article (LocalRunner, wall): {1000 * local.seconds / local.articles:.1f} ms")


def project(per_worker: float, writers: dict[str, float]) -> None:
    for name, rate in writers.items():
        print(
            f"writer {name:<10}: {rate:7.1f} articles/s stored (one client, one transaction each) "
            f"→ feeds about {rate / per_worker:.0f} workers at {per_worker:.2f} articles/s each"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--partition-bytes", type=int, default=Settings().partition_bytes)
    parser.add_argument("--min-words", type=int, default=130)
    parser.add_argument("--max-words", type=int, default=230)
    parser.add_argument(
        "--direct", action="store_true", help="also ingest on 2 workers writing PostgreSQL directly"
    )
    parser.add_argument(
        "--dask-defaults",
        action="store_true",
        help="also run 1 worker set up as Dask sets it up by itself (what claimledger changes, undone)",
    )
    args = parser.parse_args()
    settings = Settings(partition_bytes=args.partition_bytes)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(args.n, Path(tmp), args.min_words, args.max_words)
        words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
        print(
            f"{args.n} articles, {words / args.n:.0f} words each on average, "
            f"{corpus.stat().st_size / 1e6:.2f} MB; partition {args.partition_bytes:,} bytes"
        )
        reports: list[dict[str, Any]] = []
        runs = [local_run([str(corpus)], settings, reports)]
        runs += [dask_run(workers, [str(corpus)], settings) for workers in (1, 2)]
        if args.dask_defaults:
            runs.append(dask_defaults_run([str(corpus)], settings))
        show(runs)
        writers = {"SQLite": write_rate(str(Path(tmp) / "ledger.db"), reports)}
        schema = postgres_schema()
        if schema is not None:
            url, handle = schema
            try:
                writers["PostgreSQL"] = write_rate(url, reports)
                if args.direct:
                    with Store.open(url) as store, store.engine.begin() as connection:
                        connection.execute(text("TRUNCATE articles RESTART IDENTITY CASCADE"))
                    rate = direct_ingest(2, corpus, settings, url)
                    print(f"ingest, 2 workers writing PostgreSQL directly: {rate:.2f} articles/s")
            finally:
                drop_schema(handle)
        project(runs[2].rate / 2, writers)


if __name__ == "__main__":
    main()
