"""What `claimledger ingest` reads besides the analyzers' own inputs: folders, globs, WARC archives,
RSS/Atom feeds, and JSON Lines of reports analyzed earlier.

Each item is either a Document to analyze, a finished report to store as is, or a Skip: something
unreadable, counted and shown as a warning while the batch goes on.
"""

from __future__ import annotations

import glob
import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from claimledger.document import Document, Metadata
from claimledger.errors import ClaimledgerError, InputError
from claimledger.readers import read_source
from claimledger.readers.detect import sniff
from claimledger.readers.html import read_html
from claimledger.readers.text import read_text
from claimledger.readers.url import fetch, is_url
from claimledger.settings import Settings

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
REPORT_SCHEMA = "claimledger.report/"
_FEED_START = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True)
class Skip:
    """An item that could not be read: where, and why."""

    where: str
    reason: str


Item = Document | dict[str, Any] | Skip


def expand(sources: list[str]) -> Iterator[str]:
    """Files under folders (sorted, known suffixes only), glob matches, URLs and '-' as given."""
    for source in sources:
        if source == "-" or is_url(source):
            yield source
        elif Path(source).is_dir():
            yield from (
                str(path)
                for path in sorted(Path(source).rglob("*"))
                if path.is_file() and _known(path.name.lower())
            )
        elif glob.has_magic(source):
            matches = glob.glob(source, recursive=True)  # noqa: PTH207 - absolute patterns too
            yield from sorted(p for p in matches if Path(p).is_file())
        else:
            yield source


def _known(name: str) -> bool:
    return name.endswith(ARTICLE_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES)


def read_items(source: str, settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Everything one source holds, in order; never raises for bad input."""
    lowered = source.lower()
    try:
        if is_url(source):
            yield from _read_url(source, settings)
        elif lowered.endswith(WARC_SUFFIXES):
            yield from read_warc(Path(source))
        elif lowered.endswith(FEED_SUFFIXES):
            yield from read_feed(_read_bytes(Path(source)), source)
        elif lowered.endswith((".jsonl", ".ndjson")) and _holds_reports(Path(source)):
            yield from read_reports(Path(source))
        else:
            yield from _documents(read_source(source, settings, stdin))
    except ClaimledgerError as exc:
        yield Skip(source, str(exc))


def _documents(docs: Iterator[Document]) -> Iterator[Item]:
    for doc in docs:
        yield Skip(doc.meta.source or "?", str(doc.error)) if doc.error else doc


def _read_url(url: str, settings: Settings) -> Iterator[Item]:
    fetched = fetch(url, settings)
    if _looks_like_feed(fetched.body, fetched.content_type or ""):
        yield from read_feed(fetched.body, url)
    else:
        kind = sniff(url, fetched.body, fetched.content_type)
        yield read_html(fetched.body, url, fetched.url) if kind == "html" else read_text(fetched.body, url)


def _looks_like_feed(body: bytes, content_type: str) -> bool:
    if "rss" in content_type or "atom" in content_type:
        return True
    head = body[:1024].lstrip().lower()
    return head.startswith(_FEED_START) or (
        head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def _holds_reports(path: Path) -> bool:
    """A JSON Lines file whose first record is a claimledger report (from `analyze --format jsonl`)."""
    try:
        with path.open("rb") as handle:
            first = next((line for line in handle if line.strip()), b"")
    except OSError:
        return False
    return first.lstrip().startswith(b"{") and b'"schema"' in first and REPORT_SCHEMA.encode() in first


def read_reports(path: Path) -> Iterator[Item]:
    """Reports analyzed earlier, one per line, stored without analyzing again; bad lines are skipped."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield _report_or_skip(raw, f"{path}:{number}")


def _report_or_skip(raw: bytes, where: str) -> Item:
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Skip(where, f"not valid JSON ({exc})")
    if not isinstance(record, dict) or not str(record.get("schema", "")).startswith(REPORT_SCHEMA):
        return Skip(where, "not a claimledger report")
    article = record.get("article")
    if (
        not isinstance(article, dict)
        or not isinstance(article.get("id"), str)
        or not isinstance(record.get("text"), str)
    ):
        return Skip(where, "report without article id or text")
    return record


def read_warc(path: Path) -> Iterator[Item]:
    """HTML responses (and resource records) of a WARC file; a truncated archive ends with a Skip."""
    from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415 - only WARC input needs it
    from warcio.exceptions import ArchiveLoadFailed  # noqa: PLC0415

    where = str(path)
    try:
        with path.open("rb") as handle:
            # records are named by position: asking warcio for the offset would consume the payload
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                item = _warc_item(record, f"{where}#{number}")
                if item is not None:
                    yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Skip(where, f"WARC archive unreadable or truncated ({exc})")
        return
    if where.lower().endswith(".gz") and not _gzip_complete(path):
        # warcio stops quietly at a cut gzip member; the records before it were whole and are kept
        yield Skip(where, "WARC archive truncated (its last gzip member is cut off)")


def _gzip_complete(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error):
        return False
    return True


def _warc_item(record: Any, where: str) -> Item | None:  # noqa: ANN401 - warcio records are untyped
    if record.rec_type not in {"response", "resource"}:
        return None
    content_type = ""
    if record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    body = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
        return Skip(where, "WARC record truncated (the archive ends inside it)")
    try:
        doc = read_html(body, where, url)
    except InputError as exc:
        return Skip(where, str(exc))
    published = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    if doc.meta.published is None and len(published) == 10:
        doc.meta.published = date.fromisoformat(published)
    return doc


def read_feed(data: bytes, source: str) -> Iterator[Item]:
    """RSS/Atom entries as Documents: entry content (or summary) as text, feed title as outlet."""
    import feedparser  # noqa: PLC0415 - only feed input needs it

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        yield Skip(source, f"not a readable RSS/Atom feed ({reason})")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        yield _feed_entry(entry, f"{source}#{number}", outlet)


def _feed_entry(entry: Any, where: str, outlet: str | None) -> Item:  # noqa: ANN401 - feedparser's too
    html = ""
    if entry.get("content"):
        html = " ".join(part.get("value", "") for part in entry.get("content"))
    html = html or entry.get("summary", "") or ""
    body = _html_to_text(html)
    if not body.strip():
        return Skip(where, "feed entry without text")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    meta = Metadata(
        title=entry.get("title") or None,
        outlet=outlet,
        url=entry.get("link") or None,
        published=published,
        source=where,
    )
    return Document(body, meta)


def _html_to_text(html: str) -> str:
    """Paragraph text of an entry's HTML fragment; plain text passes through."""
    if "<" not in html:
        return html.strip()
    from lxml import html as lxml_html  # noqa: PLC0415

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    blocks = [
        " ".join(el.text_content().split()) for el in root.iter("p", "li", "h1", "h2", "h3", "blockquote")
    ]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())
