"""The ledger commands end to end through the CLI's one entry point, on both backends."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimledger.cli.app import run
from tests.ledger_support import capture_report, denial_report


@pytest.fixture
def filled(tmp_path, db_url: str) -> str:
    reports = [capture_report(), capture_report("RIA", extra=" More to follow."), denial_report()]
    source = tmp_path / "reports.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    assert run(["ingest", str(source), "--db", db_url]) == 0
    return db_url


def _json(capsys, args: list[str]):
    capsys.readouterr()
    assert run(args) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_ingest_prints_a_summary(tmp_path, db_url: str, capsys):
    source = tmp_path / "reports.jsonl"
    source.write_text(json.dumps(capture_report()) + "\n", encoding="utf-8")
    assert run(["ingest", str(source), "--db", db_url]) == 0
    assert run(["ingest", str(source), "--db", db_url]) == 0
    err = capsys.readouterr().err
    assert "stored 1," in err
    assert "unchanged 1," in err


def test_cli_place_json(filled: str, capsys):
    answer = _json(capsys, ["place", "Pokrovsk", "--db", filled, "--format", "json"])
    assert answer["claims"] == 3
    assert answer["status"] == "contested"
    assert {e["outlet"] for e in answer["timeline"]} == {"TASS", "RIA", "Ukrinform"}


def test_cli_place_table(filled: str, capsys):
    assert run(["place", "Pokrovsk", "--db", filled]) == 0
    out = capsys.readouterr().out
    assert "Pokrovsk" in out
    assert "Ukrinform" in out


def test_cli_events_contested(filled: str, capsys):
    (event,) = _json(capsys, ["events", "--contested", "--db", filled, "--format", "json"])
    assert event["asserting"] == ["RIA", "TASS"]
    assert event["denying"] == ["Ukrinform"]
    assert run(["events", "--db", filled]) == 0
    assert "contested" in capsys.readouterr().out


def test_cli_outlets_and_search(filled: str, capsys):
    outlets = _json(capsys, ["outlets", "--db", filled, "--format", "json"])
    assert sorted(o["outlet"] for o in outlets) == ["RIA", "TASS", "Ukrinform"]
    found = _json(capsys, ["search", "General Staff", "--db", filled, "--format", "json"])
    assert [row["outlet"] for row in found] == ["Ukrinform"]


@pytest.mark.parametrize("table", ["claims", "articles"])
def test_cli_export_csv(filled: str, capsys, table: str):
    capsys.readouterr()
    assert run(["export", "--format", "csv", "--table", table, "--db", filled]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 3


def test_cli_export_jsonl_geojson_parquet(filled: str, tmp_path, capsys):
    out = tmp_path / "reports.jsonl"
    assert run(["export", "--format", "jsonl", "-o", str(out), "--db", filled]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    collection = _json(capsys, ["export", "--format", "geojson", "--db", filled])
    (feature,) = collection["features"]
    assert feature["properties"]["claims"] == 3
    assert "ODbL" in collection["attribution"]
    parquet = tmp_path / "claims.parquet"
    assert run(["export", "--format", "parquet", "-o", str(parquet), "--db", filled]) == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == 3


def test_cli_export_parquet_needs_output(tmp_path, capsys):
    assert run(["export", "--format", "parquet", "--db", str(tmp_path / "l.db")]) == 2
    assert "needs --output" in capsys.readouterr().err


def test_cli_control_import(tmp_path, capsys):
    folder = tmp_path / "control"
    folder.mkdir()
    (folder / "runs.csv").write_text(
        "geonameid,source,status,first_day,last_day\n704422,deepstate_occupied,RU,2025-11-20,2026-08-22\n"
    )
    assert run(["control", "import", str(folder), "--db", str(tmp_path / "l.db")]) == 0
    assert "deepstate_occupied: 1 runs for 1 places" in capsys.readouterr().out


def test_cli_bad_database_url_is_one_line(capsys):
    assert run(["outlets", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: cannot open ledger")
    assert "\n" not in err
