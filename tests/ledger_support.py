"""Ledger test support: a store per test on SQLite (a file) and on the real PostgreSQL server (one
schema per session, emptied between tests, dropped at the end), and hand-built reports."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from claimledger.ledger.models import metadata
from claimledger.ledger.store import Store

POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh schema on the local PostgreSQL for this session; skipped where there is no server."""
    schema = f"cl_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 unavailable: {type(exc).__name__}")
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The `--db` value of an empty ledger on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    url = request.getfixturevalue("pg_url")
    Store.open(url).close()
    yield url
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        names = ", ".join(table.name for table in metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


def make_report(
    text_: str,
    *,
    outlet: str | None = "TASS",
    published: str | None = "2025-12-01",
    places: list[dict[str, Any]] | None = None,
    claims: list[dict[str, Any]] | None = None,
    quotes: list[dict[str, Any]] | None = None,
    techniques: list[dict[str, Any]] | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """A report as `to_report` makes it, built by hand so storage tests need no analysis."""
    return {
        "schema": "claimledger.report/1",
        "article": {
            "id": hashlib.sha256(" ".join(text_.split()).encode()).hexdigest(),
            "title": title,
            "outlet": outlet,
            "url": None,
            "published": published,
            "language": "en",
            "language_confidence": None,
            "language_detected": False,
            "source": None,
        },
        "text": text_,
        "places": places or [],
        "quotes": quotes or [],
        "dates": [],
        "claims": claims or [],
        "techniques": techniques or [],
        "entities": [],
        "notes": [],
        "pipeline": {"claimledger": "0.1.0", "stages": []},
    }


def place(text_: str, mention: str, name: str, geonames_id: int | None, naming: str = "en") -> dict[str, Any]:
    start = text_.index(mention)
    return {
        "start": start,
        "end": start + len(mention),
        "mention": mention,
        "name": name,
        "geonames_id": geonames_id,
        "lat": 48.28 if geonames_id else None,
        "lon": 37.18 if geonames_id else None,
        "country": "UA",
        "admin1": "Donetsk Oblast",
        "feature": "city",
        "naming": naming,
        "confidence": 0.9,
    }


def claim(
    text_: str,
    sentence: str,
    *,
    stance: str = "asserted",
    claim_type: str = "territorial_control",
    claimant: str | None = None,
    places: list[int] | None = None,
    date: str | None = None,
    actor: str | None = None,
    quote: int | None = None,
) -> dict[str, Any]:
    start = text_.index(sentence)
    return {
        "start": start,
        "end": start + len(sentence),
        "text": sentence,
        "type": claim_type,
        "claimant": claimant,
        "stance": stance,
        "places": places if places is not None else [0],
        "date": date,
        "actor": actor,
        "figure": None,
        "unit": None,
        "qualifier": None,
        "quote": quote,
    }


def quote(
    text_: str, words: str, *, name: str | None, kind: str, via: list[str] | None = None
) -> dict[str, Any]:
    start = text_.index(words)
    return {
        "start": start,
        "end": start + len(words),
        "text": words,
        "direct": True,
        "speaker": {"name": name, "description": None, "kind": kind},
        "cue": "said",
        "via": via or [],
    }


CAPTURE = "Russian forces have captured Pokrovsk, the Russian Defense Ministry said on Sunday."
DENIAL = "Ukraine's General Staff denied that Pokrovsk had been captured and said fighting continues."


def capture_report(outlet: str = "TASS", extra: str = "") -> dict[str, Any]:
    body = CAPTURE + extra
    return make_report(
        body,
        outlet=outlet,
        places=[place(body, "Pokrovsk", "Pokrovsk", 704422)],
        claims=[
            claim(
                body, CAPTURE, claimant="Russian Defense Ministry", actor="Russian forces", date="2025-11-30"
            )
        ],
    )


def denial_report(outlet: str = "Ukrinform") -> dict[str, Any]:
    return make_report(
        DENIAL,
        outlet=outlet,
        places=[place(DENIAL, "Pokrovsk", "Pokrovsk", 704422, naming="uk")],
        claims=[
            claim(DENIAL, DENIAL, stance="denied", claimant="General Staff of Ukraine", date="2025-12-01")
        ],
    )
