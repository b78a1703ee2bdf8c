"""http(s) URLs: fetched with a timeout, a size cap and a content-type check.

The body is streamed and the download stops as soon as it passes the cap, so a huge or endless
response cannot exhaust memory.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from claimledger.errors import InputError, InputTooLargeError
from claimledger.settings import Settings

ACCEPTED = (
    "text/",
    "application/xhtml+xml",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
    # feeds, for `claimledger ingest https://…/feed.xml` (the ledger's reader parses them)
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
)
USER_AGENT = "claimledger/0.1 (+offline news analysis)"


@dataclass(frozen=True)
class Fetched:
    body: bytes
    content_type: str
    url: str


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, settings: Settings) -> Fetched:
    try:
        with (
            httpx.Client(
                timeout=settings.url_timeout,
                follow_redirects=True,
                max_redirects=5,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            _check_response(url, response, settings.url_max_bytes)
            body = _read_capped(url, response, settings.url_max_bytes)
            return Fetched(body, response.headers.get("content-type", ""), str(response.url))
    except httpx.TimeoutException as exc:
        raise InputError(f"{url}: timed out after {settings.url_timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc


def _check_response(url: str, response: httpx.Response, cap: int) -> None:
    if response.status_code >= 400:
        raise InputError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and not content_type.startswith(ACCEPTED):
        raise InputError(f"{url}: unsupported content type {content_type!r} (expected HTML, text or a feed)")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise InputTooLargeError(
            f"{url}: response of {int(declared):,} bytes is over the size cap of {cap:,}"
        )


def _read_capped(url: str, response: httpx.Response, cap: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > cap:
            raise InputTooLargeError(f"{url}: response is over the size cap of {cap:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
