"""Exports: JSON Lines (whole reports), CSV and Parquet (one span table, flat, with article
metadata), GeoJSON (resolved places with mention, article and claim counts)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, Literal, TextIO

from claimledger.ledger.store import Store

Format = Literal["jsonl", "csv", "parquet", "geojson"]
TABLES = ("claims", "places", "quotes", "techniques", "articles")
# VIINA-derived gazetteer data is ODbL; a GeoJSON of places carries its attribution along.
ATTRIBUTION = (
    "Place coordinates from the claimledger gazetteer (GeoNames, CC BY 4.0; contains information from "
    "VIINA, which is made available here under the Open Database License (ODbL))."
)


def write_jsonl(store: Store, out: TextIO) -> int:
    count = 0
    for report in store.reports():
        out.write(json.dumps(report, ensure_ascii=False) + "\n")
        count += 1
    return count


def _rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    return store.article_rows() if table == "articles" else store.table_rows(table)


def write_csv(store: Store, table: str, out: TextIO) -> int:
    count = 0
    writer: csv.DictWriter[str] | None = None
    for row in _rows(store, table):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def write_parquet(store: Store, table: str, path: str) -> int:
    """One Parquet file; column types are inferred from all rows at once, so a column that is null
    in the first thousand rows still gets its real type."""
    import pyarrow as pa  # noqa: PLC0415 - heavy import, only this export needs it
    import pyarrow.parquet as pq  # noqa: PLC0415

    rows = list(_rows(store, table))
    data = pa.Table.from_pylist(rows) if rows else pa.table({"article_id": pa.array([], pa.string())})
    pq.write_table(data, path)
    return len(rows)


def geojson(store: Store) -> dict[str, Any]:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(row["lon"], 5), round(row["lat"], 5)]},
            "properties": {
                "geonames_id": row["geonames_id"],
                "name": row["name"],
                "country": row["country"],
                "admin1": row["admin1"],
                "mentions": row["mentions"],
                "articles": row["articles"],
                "claims": int(row["claims"] or 0),
            },
        }
        for row in store.place_rows()
    ]
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
