"""Untrusted article text cannot reach the page as markup; the CSP allows no inline script; bodies are
capped; write endpoints need the token; and every route fails in the one JSON error shape."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.web import api, create_app, pages
from tests.web_support import (
    HANDLER,
    HOSTILE_TEXT,
    JS_URL,
    SCRIPT,
    build_ledger,
    hostile_report,
    web_pipeline,
)

pytestmark = pytest.mark.anyio
PAGES = [
    "/",
    "/analyze",
    "/articles",
    "/map",
    "/events",
    "/outlets",
    "/search?q=Pokrovsk",
    "/places/Pokrovsk",
]


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return web_pipeline()


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    path = tmp_path_factory.mktemp("websec") / "ledger.db"
    build_ledger(path, pipeline)
    return path


@pytest.fixture
def store(ledger_path: Path) -> Iterator[Store]:
    with Store.open(str(ledger_path)) as opened:
        yield opened


def _client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1")


@pytest.fixture
async def client(store: Store, pipeline: Pipeline) -> AsyncIterator[httpx.AsyncClient]:
    settings = replace(Settings(), api_token="t0ken", max_request_bytes=50_000)
    async with _client(create_app(settings, store, pipeline=pipeline)) as c:
        yield c


class Markup(HTMLParser):
    """What a browser would build from the page: elements, attributes, script sources."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1


def parse(html: str) -> Markup:
    parser = Markup()
    parser.feed(html)
    return parser


def assert_inert(html: str) -> None:
    page = parse(html)
    assert page.inline_scripts == 0
    for tag, attrs in page.tags:
        assert tag != "img", "markup from the article became an element"
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), attrs
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").lower().startswith("javascript:"), (tag, attrs)


async def test_stored_hostile_article_renders_escaped(client: httpx.AsyncClient):
    report = hostile_report()
    response = await client.get(f"/articles/{report['article']['id']}")
    assert response.status_code == 200
    assert_inert(response.text)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in response.text
    assert SCRIPT not in response.text
    assert HANDLER not in response.text


async def test_pasted_hostile_article_renders_escaped(client: httpx.AsyncClient):
    response = await client.post("/analyze", data={"text": HOSTILE_TEXT, "title": SCRIPT, "outlet": HANDLER})
    assert response.status_code == 200
    assert_inert(response.text)
    assert "not stored" in response.text


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_is_inert_with_hostile_data_in_the_ledger(client: httpx.AsyncClient, path: str):
    response = await client.get(path)
    assert response.status_code == 200, response.text[:200]
    assert_inert(response.text)


@pytest.mark.parametrize("path", [*PAGES, "/api/articles", "/nope", "/static/workbench.js"])
async def test_csp_forbids_inline_script_everywhere(client: httpx.AsyncClient, path: str):
    response = await client.get(path)
    csp = response.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", csp)
    assert script_src is not None
    assert script_src.group(1).split() == ["'self'"]
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_json_is_served_as_json_not_html(client: httpx.AsyncClient):
    response = await client.get("/api/search", params={"q": "Pokrovsk"})
    assert response.headers["content-type"].startswith("application/json")
    assert JS_URL not in response.text or response.json()


async def test_declared_oversize_body_is_refused(client: httpx.AsyncClient):
    response = await client.post("/api/analyze", json={"text": "x" * 60_000})
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "InputTooLargeError"
    assert "content-security-policy" in response.headers


async def test_streamed_oversize_body_is_refused(client: httpx.AsyncClient):
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b"x" * 5_000

    response = await client.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


async def test_paste_form_needs_form_encoding(client: httpx.AsyncClient):
    response = await client.post("/analyze", content=b"text=hi", headers={"content-type": "text/plain"})
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"status", "type", "message"}


async def test_write_without_token_is_refused(client: httpx.AsyncClient):
    response = await client.post("/api/analyze", json={"text": "Kyiv.", "store": True})
    assert response.status_code == 401


def _example(route: APIRoute) -> str:
    values = {"article_id": "0" * 64, "name": "Atlantis"}
    return re.sub(r"{(\w+)}", lambda m: values[m.group(1)], route.path)


async def test_every_route_fails_in_one_shape():
    """Without a ledger every ledger route fails (503); the rest fail on bad input. One shape for all."""
    app = create_app(Settings(max_request_bytes=1000))
    routes = [r for r in (*api.router.routes, *pages.router.routes) if isinstance(r, APIRoute)]
    assert len(routes) >= 18
    async with _client(app) as c:
        for route in routes:
            method = sorted(route.methods)[0]
            url = _example(route)
            if method == "POST":
                response = await c.post(url, content=b"{", headers={"content-type": "application/json"})
            elif url in {"/", "/analyze"}:
                response = await c.get(url, headers={"content-length": "5000"})
            else:
                response = await c.get(url)
            assert response.status_code >= 400, (method, url)
            body = response.json()
            assert set(body) == {"error"}, (method, url)
            assert set(body["error"]) == {"status", "type", "message"}, (method, url)
            assert body["error"]["status"] == response.status_code


async def test_a_foreign_host_header_is_refused(client: httpx.AsyncClient):
    """DNS rebinding: a page on evil.example resolved to 127.0.0.1 must not read the ledger."""
    response = await client.get("/api/articles", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"status", "type", "message"}


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "localhost"])
async def test_loopback_host_headers_are_answered(client: httpx.AsyncClient, host: str):
    response = await client.get("/api/articles", headers={"host": host})
    assert response.status_code == 200
