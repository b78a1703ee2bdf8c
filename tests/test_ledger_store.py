"""The store on SQLite and PostgreSQL alike: upsert by article id, spans, queries, schema checks."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from claimledger.errors import LedgerError
from claimledger.ledger import queries
from claimledger.ledger.control import Run
from claimledger.ledger.models import metadata
from claimledger.ledger.store import Store, database_url
from tests.ledger_support import (
    CAPTURE,
    capture_report,
    denial_report,
    make_report,
    quote,
)

WIRE = (
    "KYIV, Dec 1 (Wire) - Ukrainian troops are holding positions in the northern part of the city of "
    "Pokrovsk despite heavy Russian assaults, the military said on Monday, as both sides poured "
    "reinforcements into the battle for the logistics hub in the Donetsk region. "
)


def test_store_put_is_idempotent_by_article_id(store: Store):
    report = capture_report()
    assert store.put(report).outcome == "stored"
    assert store.put(report).outcome == "unchanged"
    assert store.count() == 1
    assert store.count("claims") == 1
    assert store.count("places") == 1


def test_store_put_replaces_a_changed_report_without_doubling_its_rows(store: Store):
    report = capture_report()
    store.put(report)
    report["article"]["title"] = "Revised"
    assert store.put(report).outcome == "replaced"
    assert (store.count(), store.count("claims"), store.count("places")) == (1, 1, 1)
    assert store.report(report["article"]["id"])["article"]["title"] == "Revised"


def test_store_gives_back_the_report_it_was_given(store: Store):
    report = capture_report()
    store.put(report)
    assert store.report(report["article"]["id"]) == report
    assert list(store.reports()) == [report]


def test_store_keeps_reports_whose_stage_sections_are_empty(store: Store):
    report = make_report("Nothing about places here at all.")
    store.put(report)
    assert store.report(report["article"]["id"]) == report
    assert store.count("places") == 0


def test_store_finds_wire_copies_as_near_duplicates(store: Store):
    original = make_report(WIRE * 3, outlet="Reuters")
    copy = make_report("Updated: " + WIRE * 3 + "Editing by Desk.", outlet="Kyiv Post")
    other = make_report("An unrelated story about grain exports through the Black Sea ports. " * 5)
    assert store.put(original).duplicate_of is None
    assert store.put(copy).duplicate_of == original["article"]["id"]
    assert store.put(other).duplicate_of is None
    assert store.duplicates() == [(copy["article"]["id"], original["article"]["id"])]


def test_store_place_query_follows_other_names_to_the_same_place(store: Store):
    body = "Russian troops entered Krasnoarmeysk, the ministry said."
    renamed = make_report(
        body,
        outlet="RIA",
        places=[
            {
                "start": 23,
                "end": 37,
                "mention": "Krasnoarmeysk",
                "name": "Pokrovsk",
                "geonames_id": 704422,
                "lat": 48.28,
                "lon": 37.18,
                "country": "UA",
                "admin1": None,
                "feature": "city",
                "naming": "soviet",
                "confidence": 0.8,
            }
        ],
    )
    store.put(renamed)
    store.put(denial_report())
    answer = queries.place_report(store, "Krasnoarmeysk")
    assert answer["geonames_ids"] == [704422]
    names = {row["outlet"]: [n["name"] for n in row["names"]] for row in answer["names_by_outlet"]}
    assert names == {"RIA": ["Krasnoarmeysk"], "Ukrinform": ["Pokrovsk"]}


def test_store_place_timeline_shows_sourcing_and_control_record(store: Store):
    body = CAPTURE + ' "The city is fully ours," an official told TASS.'
    report = capture_report(extra=' "The city is fully ours," an official told TASS.')
    report["quotes"] = [quote(body, "The city is fully ours,", name=None, kind="anonymous", via=["TASS"])]
    report["claims"][0]["quote"] = 0
    store.put(report)
    store.put(denial_report())
    store.replace_control(
        "deepstate_occupied",
        [
            Run("deepstate_occupied", 704422, "NOT_RU", _d("2024-07-08"), _d("2025-11-19")),
            Run("deepstate_occupied", 704422, "RU", _d("2025-11-20"), _d("2026-08-22")),
        ],
    )
    answer = queries.place_report(store, "pokrovsk")
    assert answer["status"] == "contested"
    first, second = answer["timeline"]
    assert first["sourcing"] == {
        "speaker": None,
        "description": None,
        "kind": "anonymous",
        "via": ["TASS"],
        "cue": "said",
    }
    assert first["control"]["consistency"] == "consistent"
    assert second["control"]["consistency"] == "inconsistent"
    # each entry carries the article's language and the naming tradition of the name it used
    assert {"language", "naming"} <= first.keys()
    assert first["language"] == report["article"]["language"]


def test_store_events_line_up_assertion_and_denial(store: Store):
    store.put(capture_report())
    store.put(denial_report())
    (event,) = queries.events(store, contested_only=True)
    assert event["place"] == "Pokrovsk"
    assert (event["asserting"], event["denying"]) == (["TASS"], ["Ukrinform"])


def test_store_search_finds_articles_and_quotes(store: Store):
    body = CAPTURE + ' "We hold the line," a commander said.'
    report = make_report(body, quotes=[quote(body, "We hold the line,", name=None, kind="anonymous")])
    store.put(report)
    store.put(make_report("A story about wheat and ships."))
    kinds = sorted(row["kind"] for row in store.search("hold line"))
    assert kinds == ["article", "quote"]
    assert [row["kind"] for row in store.search("Pokrovsk")] == ["article"]
    assert store.search("   ") == []


def test_store_search_treats_control_characters_as_spaces(store: Store):
    store.put(make_report(CAPTURE))
    assert [row["kind"] for row in store.search("Pokrovsk\x00")] == ["article"]
    assert store.search("\x00\x1f") == []


def test_store_outlets_counts_anonymous_share_and_techniques(store: Store):
    body = "A shameful provocation, an anonymous source said, and officials agreed."
    report = make_report(
        body,
        outlet="RT",
        quotes=[quote(body, "A shameful provocation", name=None, kind="anonymous")],
        techniques=[
            {"start": 2, "end": 22, "text": body[2:22], "technique": "Loaded_Language", "score": 0.9}
        ],
    )
    store.put(report)
    (row,) = queries.outlets(store)
    assert row["outlet"] == "RT"
    assert row["anonymous_share"] == 1.0
    assert row["techniques_per_1000_words"] == pytest.approx(1000 / 10)


def test_store_delete_removes_every_row_of_the_article(store: Store):
    report = capture_report()
    store.put(report)
    assert store.delete(report["article"]["id"])
    assert [store.count(t) for t in ("articles", "places", "claims", "article_bands")] == [0, 0, 0, 0]


def test_store_refuses_a_schema_newer_than_the_code(db_url: str):
    with Store.open(db_url) as store:
        head = store.revision()
    engine = create_engine(database_url(db_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(LedgerError, match="newer"):
        Store.open(db_url)
    engine = create_engine(database_url(db_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head})
    engine.dispose()


def _modelled(name: str | None, kind: str, _parent: object) -> bool:
    """What the models describe: not alembic's own table, not the full-text indexes (FTS5 tables on
    SQLite, expression indexes on PostgreSQL), which only the migrations know."""
    if kind == "table":
        return name in metadata.tables
    return not (kind == "index" and name is not None and name.endswith("_fts"))


def test_store_migrations_create_exactly_the_models(store: Store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_name": _modelled},
        )
        assert compare_metadata(context, metadata) == []


def test_store_unreachable_database_is_a_ledger_error():
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Store.open("postgresql://nobody@127.0.0.1:1/none")


def _d(value: str):
    from datetime import date

    return date.fromisoformat(value)


def test_store_upgrades_a_ledger_made_by_the_first_schema(tmp_path):
    """A ledger created at revision 0001 (the last release's schema) gains the query indexes."""
    from alembic import command
    from alembic.config import Config

    from claimledger.ledger.store import MIGRATIONS

    path = tmp_path / "old.db"
    engine = create_engine(database_url(str(path)))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    with Store.open(str(path)) as store:
        assert store.revision() == "0002"
        store.put(capture_report())
        with store.engine.connect() as connection:
            names = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
    assert {"ix_places_geonames_article", "ix_claim_places_claim"} <= names
    assert "ix_places_geonames" not in names


def test_store_bulk_load_stores_what_put_does(tmp_path, db_url: str):
    """The benchmark's loader (COPY on PostgreSQL) and ingest's put agree row for row."""
    reports = [capture_report(), capture_report("RIA", extra=" More to follow."), denial_report()]
    with Store.open(db_url) as bulk:
        assert bulk.bulk_load(reports, batch=2) == 3
        loaded = sorted(bulk.reports(), key=lambda r: r["article"]["id"])
        counts = [bulk.count(t) for t in ("articles", "places", "claims", "claim_places")]
        answer = queries.place_report(bulk, "Pokrovsk")
    with Store.open(str(tmp_path / "put.db")) as one_by_one:
        for report in reports:
            one_by_one.put(report)
        expected = [one_by_one.count(t) for t in ("articles", "places", "claims", "claim_places")]
        assert answer["claims"] == queries.place_report(one_by_one, "Pokrovsk")["claims"] == 3
    assert loaded == sorted(reports, key=lambda r: r["article"]["id"])
    assert counts == expected
    assert answer["status"] == "contested"


def test_store_place_timeline_keeps_the_latest_claims_and_counts_all(store: Store):
    reports = [capture_report(outlet, extra=f" Update {n}.") for n, outlet in enumerate(["A", "B", "C", "D"])]
    reports.append(denial_report())
    for report in reports:
        store.put(report)
    answer = queries.place_report(store, "Pokrovsk", limit=2)
    assert answer["claims"] == 5
    assert answer["status"] == "contested"
    assert [e["date"] for e in answer["timeline"]] == ["2025-11-30", "2025-12-01"]
    assert answer["timeline"][-1]["outlet"] == "Ukrinform"
