"""Scale-out: the same articles through LocalRunner, DaskRunner with 1 worker and with 2 workers.

Articles are real news texts from ../shared/data/war-news-gdelt2022-en, repeated and varied (a
numbered closing line, so every copy has its own id) up to --n. Each runner's cluster is started
and its workers warmed (pipelines built) before the clock starts, so the figures compare steady-state
throughput. Prints articles/s for each and the efficiency against LocalRunner × workers. Reports,
never asserts.

    .venv/bin/python benchmarks/scale.py [--n 2000] [--partition-bytes 256000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from distributed import Client, LocalCluster

from claimledger.batch.dask import DaskRunner
from claimledger.batch.runner import LocalRunner, Runner
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "war-news-gdelt2022-en" / "articles"


def make_corpus(n: int, folder: Path) -> Path:
    files = sorted(CORPUS.glob("*.txt")) or sorted((ROOT / "examples").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = f"{texts[i % len(texts)]}\n(Copy {i} of the benchmark corpus.)"
            handle.write(
                json.dumps({"text": text, "outlet": f"outlet-{i % 7}", "published": "2025-12-01"}) + "\n"
            )
    return path


def timed(runner: Runner, sources: list[str], settings: Settings) -> tuple[float, int]:
    start = time.perf_counter()
    count = sum(1 for doc in runner.run(sources, settings) if doc.error is None)
    return time.perf_counter() - start, count


def dask_rate(workers: int, sources: list[str], settings: Settings) -> tuple[float, int]:
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=":0", silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        runner = DaskRunner(client=client)
        runner._preflight(client, settings)  # warm every worker before the clock starts
        return timed(runner, sources, settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--partition-bytes", type=int, default=256_000)
    args = parser.parse_args()
    settings = Settings(partition_bytes=args.partition_bytes)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(args.n, Path(tmp))
        sources = [str(corpus)]
        size = corpus.stat().st_size / 1e6
        print(f"{args.n} articles, {size:.1f} MB, partition {args.partition_bytes:,} bytes")
        LocalRunner().run([str(ROOT / "examples" / "kyiv-denial.txt")], settings).__next__()  # warm
        local, n_local = timed(LocalRunner(), sources, settings)
        one, n_one = dask_rate(1, sources, settings)
        two, n_two = dask_rate(2, sources, settings)
    base = n_local / local
    print(f"LocalRunner        : {base:6.2f} articles/s ({local:.1f} s, {n_local} articles)")
    for label, seconds, count, workers in (
        ("DaskRunner 1 worker", one, n_one, 1),
        ("DaskRunner 2 workers", two, n_two, 2),
    ):
        rate = count / seconds
        efficiency = rate / (base * workers)
        print(
            f"{label:<19}: {rate:6.2f} articles/s ({seconds:.1f} s)  "
            f"efficiency vs local × {workers}: {efficiency:.2f}"
        )
    print(f"2 workers / 1 worker: {(n_two / two) / (n_one / one):.2f}×")
    print(f"per-article analysis cost (local): {1000 * local / n_local:.1f} ms")


if __name__ == "__main__":
    main()
