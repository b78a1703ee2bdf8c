"""Workbench speed: the article page for a 2,000-word article, rendered server-side, and the API under
50 concurrent clients on loopback over a ledger of 100,000 synthetic articles.

    .venv/bin/python benchmarks/web.py [--articles N] [--requests N] [--clients N] [--ledger PATH]

The article page is timed through the real app in process (routing, ledger read, view model,
template); its baseline is the static HTML report of the same article (`analyze --format html`,
report/html.py) in the same run. The load test starts `claimledger serve` (one uvicorn worker) on a
free 127.0.0.1 port and sends a realistic mix of read requests (MIX): first one at a time for the
cost of a question asked for the first time, then every distinct request once (warm-up), then a
closed loop of --clients concurrent clients over --requests requests, which stops by itself at the
latest after --seconds. Figures per endpoint and overall: requests/s, p50, p95, max. The load
generator runs on the same machine as the server and competes with it for the cores. Reports
figures, asserts nothing; wall-clock figures depend on the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ledger import OUTLETS, PLACES, synthetic_report  # noqa: E402

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


# The read mix an analyst's session makes, by weight: filtered article lists, one article's report,
# a place page's answer (timeline, naming, events, control record), events by status (for a place
# or the whole ledger) and full-text search. Place pages and events are asked about the 50 busiest
# places; lists and search range over all 200 and every outlet.
MIX = {"list": 30, "article": 20, "place": 15, "events": 15, "search": 20}
HOT = [name for name, _ in PLACES[:50]]
MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]
COMMON_WORDS = ["forces", "official said", "artillery drones", "captured"]


def request_mix(rng: random.Random, ids: list[str], n: int) -> list[tuple[str, str]]:
    kinds = list(MIX)
    return [_request(kind, rng, ids) for kind in rng.choices(kinds, [MIX[k] for k in kinds], k=n)]


def _request(kind: str, rng: random.Random, ids: list[str]) -> tuple[str, str]:
    if kind == "article":
        return kind, f"/api/articles/{rng.choice(ids)}"
    if kind == "place":
        return kind, f"/api/places/{rng.choice(HOT)}"
    if kind == "events":
        status = rng.choice(["contested", "corroborated", "single-source"])
        if rng.random() < 0.25:
            return kind, f"/api/events?status={status}&limit=20"
        return kind, f"/api/events?place={rng.choice(HOT)}&status={status}&limit=20"
    if kind == "search":
        words = rng.choice(COMMON_WORDS) if rng.random() < 0.2 else rng.choice(PLACES)[0]
        return kind, "/api/search?" + urlencode({"q": words, "limit": 20})
    params: dict[str, str | int] = {"limit": 20, "offset": rng.choice([0, 0, 0, 20, 40])}
    variant = rng.random()
    if variant < 0.4:
        params["outlet"] = rng.choice(OUTLETS)
    elif variant < 0.65:
        month = rng.choice(MONTHS)
        params.update(outlet=rng.choice(OUTLETS), since=f"{month}-01", until=f"{month}-28")
    elif variant < 0.9:
        params["place"] = rng.choice(PLACES)[0]
    else:
        params["technique"] = "Loaded_Language"
    return "list", "/api/articles?" + urlencode(params)


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: int = 0

    def report(self, wall: float) -> None:
        every = [t for times in self.times.values() for t in times]
        print(
            f"  {'endpoint':10s} {'requests':>8s} {'req/s':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}"
        )
        for kind in MIX:
            times = self.times.get(kind, [])
            if times:
                print(
                    f"  {kind:10s} {len(times):8,d} {len(times) / wall:7.0f} {percentile(times, 50):8.1f}"
                    f" {percentile(times, 95):8.1f} {max(times):8.1f}"
                )
        print(
            f"  {'overall':10s} {len(every):8,d} {len(every) / wall:7.0f} {percentile(every, 50):8.1f}"
            f" {percentile(every, 95):8.1f} {max(every):8.1f}   failures {self.failures}"
        )


def percentile(times: list[float], q: int) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * q / 100) - 1))]


async def closed_loop(
    base: str, requests: list[tuple[str, str]], clients: int, seconds: float
) -> tuple[Tally, float]:
    """`clients` workers, each sending its next request as soon as its last answer arrived (a closed
    loop: the offered load is whatever the server sustains), until the list or the time runs out.

    Each worker keeps one HTTP/1.1 keep-alive connection and speaks just enough HTTP to send a GET and
    read a Content-Length answer: a full client library cost more CPU per request than the server
    spent answering it, and on a small machine that CPU is taken from the server."""
    tally = Tally()
    deadline = time.monotonic() + seconds
    queue = iter(requests)
    host, port = base.removeprefix("http://").split(":")

    async def worker() -> None:
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        for kind, url in queue:
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = await asyncio.open_connection(host, int(port))
                status = await _get(*connection, host, url)
            except (OSError, asyncio.IncompleteReadError, ValueError):  # counted; the run goes on
                tally.failures += 1
                connection = None
                continue
            tally.times[kind].append((time.perf_counter() - started) * 1000)
            tally.failures += status != 200
        if connection is not None:
            connection[1].close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return tally, time.perf_counter() - started


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, url: str) -> int:
    writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
    await reader.readexactly(length)
    return int(lines[0].split(" ", 2)[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux /proc), to show how the cores were shared."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ledger_for_load(path: Path, articles: int) -> list[str]:
    """The synthetic ledger (built once where --ledger names a file that has it) and 2,000 article ids."""
    with Store.open(str(path)) as store:
        have = store.count()
        if have < articles:
            started = time.perf_counter()
            rng = random.Random(7)
            store.bulk_load(synthetic_report(n, rng, words=60) for n in range(have, articles))
            print(f"  loaded {articles - have:,} synthetic articles in {time.perf_counter() - started:.0f} s")
        ids = [row["id"] for row, _ in zip(store.article_rows(), range(articles), strict=False)]
        print(f"  ledger: {store.count():,} articles, {store.count('claims'):,} claims, {path}")
    return random.Random(3).sample(ids, min(2000, len(ids)))


def start_server(target: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/claimledger"), "serve", "--db", str(target), "--port", str(port)],
        stderr=log.open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(f"{base}/api/articles?limit=1", timeout=2)
            return server, base
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"the server did not start: {log.read_text()[-2000:]}")


def first_asks(base: str, requests: list[tuple[str, str]], per_kind: int) -> None:
    """The first time each question is asked after a start or a ledger change: one at a time."""
    seen: dict[str, list[float]] = defaultdict(list)
    with httpx.Client(base_url=base, timeout=600) as client:
        for kind, url in dict.fromkeys(requests):
            if len(seen[kind]) < per_kind:
                started = time.perf_counter()
                client.get(url)
                seen[kind].append((time.perf_counter() - started) * 1000)
    for kind in MIX:
        times = seen[kind]
        print(
            f"  {kind:10s} {len(times)} first asks: median {statistics.median(times):7.1f} ms"
            f"  max {max(times):7.1f} ms"
        )


def bench_load(folder: Path, args: argparse.Namespace) -> None:
    print(f"load test: {args.articles:,}-article SQLite ledger, one `claimledger serve` (one uvicorn worker)")
    target = Path(args.ledger) if args.ledger else folder / "load.db"
    ids = ledger_for_load(target, args.articles)
    requests = request_mix(random.Random(7), ids, args.requests)
    distinct = list(dict.fromkeys(requests))
    log = folder / "server.log"
    server, base = start_server(target, log)
    try:
        started = time.perf_counter()
        with httpx.Client(base_url=base, timeout=600) as client:  # waits for serve's precomputing
            client.get("/api/events?limit=1")
        print(
            "  ledger-wide answers (outlets, map, event grouping) precomputed by serve, ready"
            f" {time.perf_counter() - started:.1f} s after it answered"
        )
        print("first asks, one request at a time (what an analyst waits before an answer is kept):")
        first_asks(base, requests, per_kind=5)
        started = time.perf_counter()
        warm, _ = asyncio.run(closed_loop(base, distinct, 4, args.seconds * 5))
        print(
            f"warm-up: each of the {len(distinct):,} distinct requests once, 4 at a time:"
            f" {time.perf_counter() - started:.0f} s, failures {warm.failures}"
        )
        print(
            f"measured: closed loop, {args.clients} concurrent clients (each sends its next request when its "
            f"answer arrives), {len(requests):,} requests or {args.seconds:.0f} s, keep-alive, loopback;"
            f" the load generator (one Python process) shares this machine's {os.cpu_count()} cores"
            " with the server"
        )
        cpu_server, cpu_self = cpu_seconds(server.pid), time.process_time()
        tally, wall = asyncio.run(closed_loop(base, requests, args.clients, args.seconds))
        tally.report(wall)
        served = cpu_seconds(server.pid) - cpu_server
        answered = sum(len(times) for times in tally.times.values())
        print(
            f"  CPU during the run: server {served:.1f} s, load generator"
            f" {time.process_time() - cpu_self:.1f} s, over {wall:.1f} s wall:"
            f" the server had {served / wall:.0%} of a core; its"
            f" {1000 * served / answered:.2f} ms of CPU a request would serve about {answered / served:.0f}"
            " requests/s on a core of its own (one worker: one core at most)"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
        text = log.read_text()
        if "Traceback" in text or "ERROR" in text:
            print("  server log:", text[-2000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=40, help="article page renders timed")
    parser.add_argument("--articles", type=int, default=100_000, help="synthetic articles in the ledger")
    parser.add_argument(
        "--ledger", help="keep the synthetic ledger in this file (built once) instead of a temp dir"
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=6000, help="requests in all, then it stops")
    parser.add_argument("--seconds", type=float, default=120, help="and it stops after this long at most")
    parser.add_argument("--skip-page", action="store_true", help="only the load test")
    parser.add_argument("--skip-load", action="store_true", help="only the article page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if not args.skip_page:
            bench_article_page(Path(folder), args.renders)
        if not args.skip_load:
            bench_load(Path(folder), args)


if __name__ == "__main__":
    main()
