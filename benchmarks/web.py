"""Workbench speed: the article page for a 2,000-word article, rendered server-side, and the API under
50 concurrent clients on loopback over a ledger of 100,000 synthetic articles.

    .venv/bin/python benchmarks/web.py [--articles N] [--requests N] [--clients N]

The article page is timed through the real app in process (routing, ledger read, view model,
template); its baseline is the static HTML report of the same article (`analyze --format html`,
report/html.py) in the same run. The load test starts `claimledger serve` on a free 127.0.0.1 port and
sends a bounded number of requests (it stops by itself, at the latest after --seconds). Reports
figures, asserts nothing; wall-clock figures depend on the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ledger import OUTLETS, synthetic_report  # noqa: E402

from claimledger.analyze import analyze_text  # noqa: E402
from claimledger.document import Metadata  # noqa: E402
from claimledger.ledger.store import Store  # noqa: E402
from claimledger.pipeline import Pipeline  # noqa: E402
from claimledger.report.html import render_html  # noqa: E402
from claimledger.report.json import to_report  # noqa: E402
from claimledger.settings import Settings  # noqa: E402
from claimledger.stages import STAGES  # noqa: E402
from claimledger.web import create_app  # noqa: E402

EXAMPLES = ROOT / "examples"


def article_2000_words():
    """The three example articles repeated to 2,000 words, analyzed (every stage but framing, whose
    model is trained separately)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    words = (text + "\n") * (2000 // len(text.split()) + 1)
    lines, count = [], 0
    for line in words.splitlines():
        if count >= 2000:
            break
        lines.append(line)
        count += len(line.split())
    settings = Settings()
    pipeline = Pipeline([f(settings) for name, f in STAGES.items() if name != "framing"])
    return analyze_text(
        "\n".join(lines), meta=Metadata(outlet="Bench", published=date(2025, 12, 1)), pipeline=pipeline
    )


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, int(len(times) * 0.95) - 1)]


async def time_page(app, path: str, n: int) -> list[float]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
        for _ in range(5):
            assert (await c.get(path)).status_code == 200
        times = []
        for _ in range(n):
            started = time.perf_counter()
            await c.get(path)
            times.append((time.perf_counter() - started) * 1000)
    return times


def bench_article_page(folder: Path, n: int) -> None:
    doc = article_2000_words()
    report = to_report(doc)
    gc.freeze()  # as the server does once its pipeline is built (web/app_state.py)
    with Store.open(str(folder / "page.db")) as store:
        store.put(report)
        ours = asyncio.run(time_page(create_app(Settings(), store), f"/articles/{doc.id}", n))
    for _ in range(5):
        render_html([doc])
    base = []
    for _ in range(n):
        started = time.perf_counter()
        render_html([doc])
        base.append((time.perf_counter() - started) * 1000)
    spans = sum(len(report[k]) for k in ("places", "quotes", "dates", "claims", "techniques", "entities"))
    print(f"article page, {len(doc.text.split()):,} words, {spans} spans, {n} renders:")
    print(f"  workbench page   median {statistics.median(ours):6.1f} ms   p95 {p95(ours):6.1f} ms")
    print(f"  static report    median {statistics.median(base):6.1f} ms   p95 {p95(base):6.1f} ms (baseline)")
    print(f"  ratio (median)   {statistics.median(ours) / statistics.median(base):.2f}x")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def load(base: str, urls: list[str], clients: int, requests: int, seconds: float) -> None:
    latencies: list[float] = []
    failures = 0
    deadline = time.monotonic() + seconds
    queue = iter(range(requests))
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def worker() -> None:
            nonlocal failures
            for i in queue:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    response = await client.get(urls[i % len(urls)])
                except httpx.TransportError:  # a dropped connection counts as a failure, the run goes on
                    failures += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                failures += response.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - started
    print(
        f"  {len(latencies):,} requests, {clients} clients, {wall:.1f} s: {len(latencies) / wall:.0f} req/s"
    )
    print(f"  p50 {statistics.median(latencies):.1f} ms   p95 {p95(latencies):.1f} ms   failures {failures}")


def bench_load(folder: Path, articles: int, clients: int, requests: int, seconds: float) -> None:
    rng = random.Random(7)
    target = str(folder / "load.db")
    with Store.open(target) as store:
        started = time.perf_counter()
        store.bulk_load(synthetic_report(n, rng, words=60) for n in range(articles))
        print(f"load test: {articles:,} synthetic articles loaded in {time.perf_counter() - started:.0f} s")
        some = [row["id"] for row, _ in zip(store.article_rows(), range(200), strict=False)]
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/claimledger"), "serve", "--db", target, "--port", str(port)],
        stderr=(folder / "server.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/api/articles?limit=1", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        urls = []
        for i in range(40):
            urls.append(f"/api/articles?outlet={OUTLETS[i % len(OUTLETS)]}&limit=20")
            urls.append(f"/api/articles/{some[i % len(some)]}")
            urls.append(f"/api/articles?place=Place{i}&limit=20")
            urls.append(f"/api/search?q=Place{i + 40}&limit=20")
        asyncio.run(load(base, urls, clients, requests, seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)
        log = (folder / "server.log").read_text()
        if "Traceback" in log or "ERROR" in log:
            print("  server log:", log[-2000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=40, help="article page renders timed")
    parser.add_argument("--articles", type=int, default=100_000, help="synthetic articles in the ledger")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000, help="requests in all, then it stops")
    parser.add_argument("--seconds", type=float, default=120, help="and it stops after this long at most")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_article_page(Path(folder), args.renders)
        bench_load(Path(folder), args.articles, args.clients, args.requests, args.seconds)


if __name__ == "__main__":
    main()
