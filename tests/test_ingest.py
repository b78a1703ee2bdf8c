"""Ingest: reports and raw articles, idempotent reruns, bad input skipped, and a real kill -9."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimledger.ledger import minhash
from claimledger.ledger.ingest import Ingest, date_from_name
from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from tests.conftest import ROOT
from tests.ledger_support import (
    capture_report,
    claim,
    make_report,
    place,
)

ARTICLE = (
    "Russian forces said on Sunday they had captured the town of Pokrovsk in eastern Ukraine. "
    "Ukraine's military said fighting continued in the northern districts."
)


@pytest.fixture(scope="module")
def light(settings: Settings) -> Pipeline:
    """Only the language stage: ingest is under test here, not the analysis stages."""
    from claimledger.stages.language import LanguageStage

    return Pipeline([LanguageStage(settings)], batch_size=settings.batch_size)


def synthetic_reports(count: int) -> list[dict]:
    """Distinct reports with a place and a claim each: enough rows that a kill can land mid-article."""
    reports = []
    for n in range(count):
        body = f"Report {n}: Russian forces captured Pokrovsk after a battle of {n} days. " * 4
        sentence = f"Report {n}: Russian forces captured Pokrovsk after a battle of {n} days."
        reports.append(
            make_report(
                body,
                outlet=f"Outlet {n % 7}",
                places=[place(body, "Pokrovsk", "Pokrovsk", 704422)],
                claims=[claim(body, sentence, actor="Russian forces")],
            )
        )
    return reports


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_stores_reports_and_skips_bad_lines(tmp_path, store: Store, settings: Settings):
    reports = synthetic_reports(3)
    source = tmp_path / "reports.jsonl"
    lines = [json.dumps(r) for r in reports]
    lines.insert(1, '{"schema": "claimledger.report/1", "article": ')
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = Ingest(store, settings).run([str(source)])
    assert (summary.stored, len(summary.warnings)) == (3, 1)
    assert "reports.jsonl:2" in summary.warnings[0]
    again = Ingest(store, settings).run([str(source)])
    assert (again.stored, again.unchanged, store.count()) == (0, 3, 3)


def test_ingest_analyzes_only_what_the_ledger_lacks(
    tmp_path, store: Store, settings: Settings, light: Pipeline
):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "20251201T090000Z_UA_en_one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "two.txt").write_text(ARTICLE.replace("Sunday", "Monday"), encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    first = Ingest(store, settings, pipeline=light).run([str(folder)])
    assert (first.stored, first.already) == (2, 0)
    second = Ingest(store, settings, pipeline=light).run([str(folder / "*.txt")])
    assert (second.stored, second.already) == (0, 2)
    dated = [r for r in store.reports() if r["article"]["source"].endswith("one.txt")]
    assert dated[0]["article"]["published"] == "2025-12-01"


def test_ingest_skips_a_malformed_jsonl_line(tmp_path, store: Store, settings: Settings, light: Pipeline):
    source = tmp_path / "articles.jsonl"
    source.write_text(
        json.dumps({"text": ARTICLE, "outlet": "Wire"})
        + "\n{not json\n"
        + json.dumps({"text": "Kyiv said."})
        + "\n",
        encoding="utf-8",
    )
    summary = Ingest(store, settings, pipeline=light).run([str(source)])
    assert (summary.stored, len(summary.warnings)) == (2, 1)
    assert "not valid JSON" in summary.warnings[0]


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers the payload in a temporary file


def _page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{body} Paragraph {i} adds detail about the front line.</p>" for i in range(4))
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"


def test_ingest_reads_warc_and_survives_a_truncated_one(
    tmp_path, store: Store, settings: Settings, light: Pipeline
):
    whole = tmp_path / "crawl.warc.gz"
    _warc(
        whole,
        [("https://example.org/a", _page("A", ARTICLE)), ("https://example.org/b", _page("B", "Kyiv said."))],
    )
    truncated = tmp_path / "broken.warc.gz"
    data = whole.read_bytes()
    truncated.write_bytes(data[: len(data) - 200])
    summary = Ingest(store, settings, pipeline=light).run([str(whole), str(truncated)])
    assert summary.stored == 2
    assert summary.already == 1
    assert len(summary.warnings) == 1
    assert "truncated" in summary.warnings[0]
    urls = sorted(r["article"]["url"] for r in store.reports())
    assert urls == ["https://example.org/a", "https://example.org/b"]


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Front Wire</title>
<item><title>One</title><link>https://example.org/1</link><pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian forces said they captured Pokrovsk.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/2</link></item>
<item><title>Two</title><description>Ukraine's army denied it on Monday.</description></item>
</channel></rss>
"""


def test_ingest_reads_rss_and_skips_broken_entries(
    tmp_path, store: Store, settings: Settings, light: Pipeline
):
    feed = tmp_path / "feed.rss"
    feed.write_text(FEED, encoding="utf-8")
    summary = Ingest(store, settings, pipeline=light).run([str(feed)])
    assert (summary.stored, len(summary.warnings)) == (2, 1)
    first = next(r for r in store.reports() if r["article"]["title"] == "One")
    assert (first["article"]["outlet"], first["article"]["published"]) == ("Front Wire", "2025-12-01")
    assert first["text"] == "Russian forces said they captured Pokrovsk."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("data/20220125T090000Z_GB_en_7d015e6984.txt", "2022-01-25"),
        ("2025-12-01-kyiv.txt", "2025-12-01"),
        ("notes/20221399_x.txt", None),
        ("report.txt", None),
    ],
)
def test_ingest_dates_from_file_names(name, expected):
    found = date_from_name(name)
    assert (found.isoformat() if found else None) == expected


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _check_whole(db: Path, reports: dict[str, dict]) -> int:
    """Every stored article has exactly the span rows its report has: none is half-written."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT a.id, (SELECT count(*) FROM places p WHERE p.article_pk = a.pk),"
            " (SELECT count(*) FROM claims c WHERE c.article_pk = a.pk),"
            " (SELECT count(*) FROM article_bands b WHERE b.article_pk = a.pk) FROM articles a"
        ).fetchall()
        ids = [row[0] for row in rows]
        assert len(ids) == len(set(ids)), "an article stored twice"
        for article_id, n_places, n_claims, n_bands in rows:
            report = reports[article_id]
            expected = (len(report["places"]), len(report["claims"]), minhash.BANDS)
            assert (n_places, n_claims, n_bands) == expected
        orphans = connection.execute(
            "SELECT count(*) FROM places WHERE article_pk NOT IN (SELECT pk FROM articles)"
        )
        assert orphans.fetchone()[0] == 0
    return len(rows)


def test_ingest_killed_mid_way_leaves_whole_articles_and_resumes(tmp_path):
    reports = synthetic_reports(1500)
    source = write_jsonl(tmp_path / "reports.jsonl", reports)
    db = tmp_path / "ledger.db"
    command = [sys.executable, "-m", "claimledger", "ingest", str(source), "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while _count(db) < 100 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    by_id = {r["article"]["id"]: r for r in reports}
    stored = _check_whole(db, by_id)
    assert 0 < stored < len(reports), "the kill did not land mid-ingest"
    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {stored}" in rerun.stderr
    assert _check_whole(db, by_id) == len(reports)


def test_ingest_report_lines_round_trip(tmp_path, store: Store, settings: Settings):
    report = capture_report()
    source = write_jsonl(tmp_path / "r.jsonl", [report])
    Ingest(store, settings).run([str(source)])
    assert store.report(report["article"]["id"]) == report


def test_ingest_reads_a_feed_from_a_url(tmp_path, store: Store, settings: Settings, light: Pipeline):
    import http.server
    import threading

    class Feed(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=utf-8")  # the fetcher takes text/*
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        summary = Ingest(store, settings, pipeline=light).run([url])
    finally:
        server.shutdown()
        server.server_close()
    assert (summary.stored, len(summary.warnings)) == (2, 1)
