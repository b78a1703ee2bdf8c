"""Ingest paths the ledger adds beside tests/test_ingest.py: worker processes, and feeds from URLs."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.cli.app import run
from claimledger.ledger.ingest import Ingest
from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings

ARTICLES = {
    "20251130T080000Z_RU_en_capture.txt": (
        "Russian forces have captured the town of Pokrovsk in the Donetsk region, the Russian Defence "
        "Ministry said on Sunday. The ministry said its units had cleared the last districts."
    ),
    "20251201T090000Z_UA_en_denial.txt": (
        "Ukraine's General Staff denied on Monday that Pokrovsk had fallen. \"Our troops are holding "
        'positions in the northern part of the city," spokesman Dmytro Lykhovyi told reporters.'
    ),
    "20251202T100000Z_GB_en_kherson.txt": (
        "Russian shelling killed two civilians in Kherson overnight, the regional governor Oleksandr "
        "Prokudin said. Artillery also hit the village of Bilozerka, west of the city."
    ),
    "20251203T110000Z_US_en_kupiansk.txt": (
        "Fighting continued near Kupiansk in the Kharkiv region, where Russia claims to have encircled "
        "Ukrainian units, a claim Kyiv rejects, an official said on condition of anonymity."
    ),
}

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Front Wire</title>
<item><title>Capture</title><link>https://example.org/1</link>
<pubDate>Sun, 30 Nov 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian forces said they captured Pokrovsk on Sunday.&lt;/p&gt;</description></item>
<item><title>Broken</title><link>https://example.org/2</link><description></description></item>
<item><title>Denial</title><pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate>
<description>Ukraine's army denied on Monday that Pokrovsk had fallen.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id>
<updated>2025-12-01T09:00:00Z</updated>
<entry><title>Kherson</title><id>urn:1</id><updated>2025-12-01T09:00:00Z</updated>
<content type="html">&lt;p&gt;Shelling hit Kherson overnight, the governor said.&lt;/p&gt;</content></entry>
<entry><title>Nothing</title><id>urn:2</id><updated>2025-12-01T10:00:00Z</updated></entry>
</feed>
"""


@pytest.fixture
def feed_server() -> Iterator[str]:
    """A real http.server on 127.0.0.1 serving /feed.xml as RSS and /atom.xml as Atom, with the
    content types feed hosts send (which the URL reader refused before)."""
    served = {"/feed.xml": (RSS, "application/rss+xml"), "/atom.xml": (ATOM, "application/atom+xml")}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            text, content_type = served[self.path]
            body = text.encode()
            self.send_response(200)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def light(settings: Settings) -> Pipeline:
    from claimledger.stages.language import LanguageStage

    return Pipeline([LanguageStage(settings)], batch_size=settings.batch_size)


def test_cli_ingests_an_rss_url_and_counts_the_broken_entry(tmp_path, feed_server: str, capsys):
    db = tmp_path / "ledger.db"
    assert run(["ingest", f"{feed_server}/feed.xml", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "stored 2," in err
    assert "skipped with warnings 1;" in err
    assert "feed.xml#2: feed entry without text" in err
    with Store.open(str(db)) as store:
        outlets = {r["article"]["title"]: r["article"]["outlet"] for r in store.reports()}
    assert outlets == {"Capture": "Front Wire", "Denial": "Front Wire"}


def test_ingest_reads_an_atom_url_on_both_backends(
    feed_server: str, store: Store, settings: Settings, light: Pipeline
):
    summary = Ingest(store, settings, pipeline=light).run([f"{feed_server}/atom.xml"])
    assert (summary.stored, len(summary.warnings)) == (1, 1)
    (report,) = store.reports()
    assert (report["article"]["outlet"], report["article"]["published"]) == ("Atom Desk", "2025-12-01")
    assert report["text"] == "Shelling hit Kherson overnight, the governor said."


def _ledger_contents(db: Path) -> tuple[list[str], dict[str, int]]:
    with Store.open(str(db)) as store:
        ids = sorted(r["article"]["id"] for r in store.reports())
        counts = {table: store.count(table) for table in ("articles", "places", "quotes", "claims")}
    return ids, counts


def test_ingest_with_two_worker_processes_stores_what_one_process_does(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run(["ingest", str(folder), "--workers", "1", "--db", str(one)]) == 0
    assert run(["ingest", str(folder), "--workers", "2", "--db", str(two)]) == 0
    assert run(["ingest", str(folder), "--workers", "2", "--db", str(two)]) == 0
    err = capsys.readouterr().err
    assert err.count(f"stored {len(ARTICLES)},") == 2
    assert f"already in ledger {len(ARTICLES)}," in err
    ids_one, counts_one = _ledger_contents(one)
    ids_two, counts_two = _ledger_contents(two)
    assert len(ids_one) == len(ARTICLES)
    assert ids_two == ids_one
    assert counts_two == counts_one
    assert counts_one["places"] >= len(ARTICLES)
