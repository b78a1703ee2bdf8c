"""The REST API through the real app in process (httpx's ASGI transport) over a real SQLite ledger."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.report.json import report_schema
from claimledger.settings import Settings
from claimledger.web import create_app
from tests.web_support import build_ledger, web_pipeline

TOKEN = "s3cret-token"
pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return web_pipeline()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> tuple[Path, list[dict[str, Any]]]:
    path = tmp_path_factory.mktemp("web") / "ledger.db"
    return path, build_ledger(path, pipeline)


@pytest.fixture
def store(ledger: tuple[Path, list[dict[str, Any]]]) -> Iterator[Store]:
    with Store.open(str(ledger[0])) as opened:
        yield opened


@pytest.fixture
async def client(store: Store, pipeline: Pipeline, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(replace(settings, api_token=TOKEN), store, pipeline=pipeline)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
        yield c


async def test_analyze_returns_the_report_the_cli_prints(client: httpx.AsyncClient):
    text = "Russian forces captured Pokrovsk on Monday, the Russian Defense Ministry said."
    response = await client.post("/api/analyze", json={"text": text, "published": "2025-12-01"})
    assert response.status_code == 200
    report = response.json()
    jsonschema.validate(report, report_schema())
    assert report["text"] == text
    assert report["article"]["published"] == "2025-12-01"
    assert [p["name"] for p in report["places"]] == ["Pokrovsk"]


async def test_analyze_rejects_empty_text(client: httpx.AsyncClient):
    response = await client.post("/api/analyze", json={"text": "   "})
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "InputError"


async def test_analyze_with_store_needs_a_token(client: httpx.AsyncClient):
    response = await client.post("/api/analyze", json={"text": "Kyiv said so.", "store": True})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


async def test_analyze_with_a_wrong_token_is_forbidden(client: httpx.AsyncClient):
    headers = {"Authorization": "Bearer wrong"}
    response = await client.post(
        "/api/analyze", json={"text": "Kyiv said so.", "store": True}, headers=headers
    )
    assert response.status_code == 403


async def test_write_endpoints_are_off_without_a_token(store: Store, pipeline: Pipeline):
    app = create_app(Settings(), store, pipeline=pipeline)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
        response = await c.post(
            "/api/analyze",
            json={"text": "Kyiv said so.", "store": True},
            headers={"Authorization": "Bearer "},
        )
    assert response.status_code == 403
    assert "disabled" in response.json()["error"]["message"]


async def test_analyze_with_store_and_token_writes_the_ledger(client: httpx.AsyncClient, store: Store):
    text = "Ukrainian forces said on Tuesday they still hold Myrnohrad, a town east of Pokrovsk."
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = await client.post("/api/analyze", json={"text": text, "store": True}, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["ledger"]["outcome"] in {"stored", "unchanged"}
    assert store.report(body["article"]["id"]) is not None
    store.delete(body["article"]["id"])


async def test_articles_lists_newest_first(client: httpx.AsyncClient):
    found = (await client.get("/api/articles")).json()
    assert found["total"] == 4
    assert found["articles"][0]["published"] == "2025-12-02"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"outlet": "Kyiv Daily"}, 1),
        ({"language": "en"}, 4),
        ({"since": "2025-12-02"}, 1),
        ({"until": "2025-12-01"}, 3),
        ({"place": "Krasnoarmeysk"}, 2),
        ({"place": "Pokrovsk", "outlet": "Analysis Weekly"}, 1),
        ({"outlet": "Nobody"}, 0),
    ],
)
async def test_articles_filter(client: httpx.AsyncClient, query: dict[str, str], expected: int):
    response = await client.get("/api/articles", params=query)
    assert response.status_code == 200
    assert response.json()["total"] == expected


async def test_article_report_is_the_stored_report(
    client: httpx.AsyncClient, ledger: tuple[Path, list[dict[str, Any]]]
):
    original = ledger[1][0]
    response = await client.get(f"/api/articles/{original['article']['id']}")
    assert response.status_code == 200
    assert response.json() == original


async def test_unknown_article_is_404(client: httpx.AsyncClient):
    response = await client.get("/api/articles/" + "0" * 64)
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NotFoundError"


async def test_places_carry_coordinates_and_claim_counts(client: httpx.AsyncClient):
    places = {p["name"]: p for p in (await client.get("/api/places")).json()}
    assert places["Pokrovsk"]["claims"] >= 2
    assert places["Pokrovsk"]["lat"] == pytest.approx(48.28, abs=0.01)


async def test_place_timeline_spans_outlets(client: httpx.AsyncClient):
    page = (await client.get("/api/places/Pokrovsk")).json()
    outlets = {entry["outlet"] for entry in page["timeline"]}
    assert {"Example Wire", "Kyiv Daily"} <= outlets
    assert page["events"]


async def test_place_found_by_another_outlets_name(client: httpx.AsyncClient):
    page = (await client.get("/api/places/Krasnoarmeysk")).json()
    assert "Pokrovsk" in page["places"]


async def test_unknown_place_is_404(client: httpx.AsyncClient):
    assert (await client.get("/api/places/Atlantis")).status_code == 404


async def test_events_filter_by_status(client: httpx.AsyncClient):
    everything = (await client.get("/api/events")).json()
    contested = (await client.get("/api/events", params={"status": "contested"})).json()
    assert everything
    assert all(event["status"] == "contested" for event in contested)
    assert len(contested) <= len(everything)


async def test_events_reject_an_unknown_status(client: httpx.AsyncClient):
    response = await client.get("/api/events", params={"status": "maybe"})
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "ValidationError"


async def test_outlets_profile_each_outlet(client: httpx.AsyncClient):
    names = {row["outlet"] for row in (await client.get("/api/outlets")).json()}
    assert {"Example Wire", "Kyiv Daily", "Analysis Weekly"} <= names


async def test_search_finds_text(client: httpx.AsyncClient):
    found = (await client.get("/api/search", params={"q": "Syrskyi"})).json()
    assert found
    assert found[0]["outlet"] == "Kyiv Daily"


async def test_openapi_lists_every_api_route(client: httpx.AsyncClient):
    spec = (await client.get("/api/openapi.json")).json()
    assert {"/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/places/{name}"} <= set(
        spec["paths"]
    )


def test_every_route_is_documented():
    from claimledger.web import api, pages
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    for route in (*api.router.routes, *pages.router.routes):
        path = getattr(route, "path", "")
        assert f"{path}`" in text, path


@pytest.mark.parametrize("q", ["\x00", "Pokrovsk\x00", "\x1b[31m", '"', "*", "NEAR(", "a OR"])
async def test_search_survives_odd_queries(client: httpx.AsyncClient, q: str):
    response = await client.get("/api/search", params={"q": q})
    assert response.status_code == 200


async def test_ingest_stores_reports_with_the_token(
    client: httpx.AsyncClient, store: Store, ledger: tuple[Path, list[dict[str, Any]]]
):
    report = copy.deepcopy(ledger[1][0])
    report["article"]["id"] = "f" * 64
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = await client.post("/api/ingest", json={"reports": [report]}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["outcome"] == "stored"
    assert store.report("f" * 64) is not None
    store.delete("f" * 64)


async def test_ingest_rejects_an_invalid_report(client: httpx.AsyncClient):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    bad = {"schema": "claimledger.report/1", "article": {}, "text": "x"}
    response = await client.post("/api/ingest", json={"reports": [bad]}, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("reports[0]")


async def test_ingest_needs_the_token(client: httpx.AsyncClient):
    response = await client.post("/api/ingest", json={"reports": [{}]})
    assert response.status_code == 401


async def test_an_offset_past_any_ledger_is_refused(client: httpx.AsyncClient):
    response = await client.get("/api/articles", params={"offset": 2**63})
    assert response.status_code == 422
