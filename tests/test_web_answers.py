"""Answers the workbench keeps (web/answers.py): served again while the ledger is unchanged, and
recomputed as soon as anything commits to it, from this server or from another connection."""

from __future__ import annotations

import copy
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from claimledger.ledger.store import Store
from claimledger.settings import Settings
from claimledger.web import create_app
from claimledger.web.answers import Answers, LedgerVersion
from tests.web_support import hostile_report

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "ledger.db")) as opened:
        opened.put(hostile_report())
        yield opened


@pytest.fixture
def app(store: Store) -> FastAPI:
    return create_app(Settings(), store)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
        yield c


def _another_article(outlet: str) -> dict[str, Any]:
    report = copy.deepcopy(hostile_report())
    report["text"] = report["text"].replace("Officials", "Officers")
    report["article"]["id"] = "f" * 64
    report["article"]["outlet"] = outlet
    return report


def test_the_version_moves_when_another_connection_commits(store: Store):
    version = LedgerVersion(store)
    before = version.current()
    assert version.current() == before
    with Store.open(str(store.engine.url.database)) as other:
        other.put(_another_article("Other Process"))
    assert version.current() != before
    version.close()


async def test_an_outside_write_shows_on_the_next_request(client: httpx.AsyncClient, store: Store):
    first = {o["outlet"] for o in (await client.get("/api/outlets")).json()}
    assert "Other Process" not in first
    assert (await client.get("/api/articles", params={"outlet": "Other Process"})).json()["total"] == 0
    with Store.open(str(store.engine.url.database)) as other:  # as `claimledger ingest` beside the server
        other.put(_another_article("Other Process"))
    again = {o["outlet"] for o in (await client.get("/api/outlets")).json()}
    assert "Other Process" in again
    listed = (await client.get("/api/articles", params={"outlet": "Other Process"})).json()
    assert listed["total"] == 1


async def test_unchanged_ledger_answers_from_memory(app: FastAPI, client: httpx.AsyncClient):
    first = (await client.get("/api/outlets")).json()
    shelf = app.state.workbench.shelves["ledger"]
    kept = shelf.get(("json", ("outlets",)), lambda: pytest.fail("recomputed"))
    assert json.loads(kept) == first


def test_one_computation_serves_concurrent_askers():
    answers = Answers(lambda: 1)
    calls: list[int] = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.2)
        return "grouped"

    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(answers.get("events", slow))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == ["grouped"] * 8
    assert len(calls) == 1


def test_a_new_version_recomputes_and_old_answers_are_dropped_past_the_bound():
    version = [1]
    answers = Answers(lambda: version[0], size=2)
    assert answers.get("a", lambda: "a1") == "a1"
    version[0] = 2
    assert answers.get("a", lambda: "a2") == "a2"
    answers.get("b", lambda: "b")
    answers.get("c", lambda: "c")
    assert answers.get("a", lambda: "a3") == "a3"  # evicted as the least recently used


def test_a_ledger_path_with_uri_characters_is_watched(tmp_path: Path):
    with Store.open(str(tmp_path / "ledger #1?.db")) as odd:
        version = LedgerVersion(odd)
        before = version.current()
        odd.put(hostile_report())
        assert version.current() != before
        version.close()
