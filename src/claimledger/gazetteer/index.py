"""Read side of the gazetteer: a read-only, memory-mapped SQLite file, opened once per process.

Lookups go by folded key (names.fold) through the clustered primary key of `names`, and are cached:
news repeats its toponyms, and most capitalized words are looked up many times over a batch.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from claimledger.errors import SetupError
from claimledger.gazetteer.bloom import may_contain
from claimledger.gazetteer.build import SCHEMA_VERSION
from claimledger.gazetteer.names import fold, norm

FIX = "run `claimledger gazetteer build`"
_MMAP_BYTES = 256 * 1024 * 1024


def default_path() -> Path:
    return Path(user_data_dir("claimledger", appauthor=False)) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def resolve_path(setting: str) -> Path:
    """The `gazetteer_path` setting, or the user data dir where `gazetteer build` writes by default."""
    return Path(setting).expanduser() if setting else default_path()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to, with how the name matched it."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin1_code: str | None
    feature: str
    population: int
    front: int
    capital: bool
    naming: str | None
    exact: bool
    canonical: bool

    @property
    def geonames_id(self) -> int | None:
        """Synthetic (negative) ids mark regions with no GeoNames id we could verify."""
        return self.id if self.id > 0 else None


_COLUMNS = """n.norm, n.naming, n.canonical, p.id, p.name, p.lat, p.lon, p.country, p.admin1,
       p.admin1_code, p.feature, p.population, p.front, p.capital"""
_QUERY = f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?"
# Many keys in one statement: one pass through SQLite's statement machinery for a whole article.
_BATCH_QUERY = f"""SELECT n.key, {_COLUMNS} FROM names n JOIN places p ON p.id = n.id
WHERE n.key IN (SELECT value FROM json_each(?))"""
_BATCH = 500


class Gazetteer:
    """Name -> candidate places. Read-only; safe to share between threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise SetupError(f"no gazetteer at {path}: {FIX}")
        try:
            # immutable: no locks or change checks per query; writers replace the file, never edit it
            self._conn = sqlite3.connect(
                f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            self._conn.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
            row = self._conn.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
            self.size = int(self._conn.execute("SELECT v FROM meta WHERE k = 'places'").fetchone()[0])
            self._bloom_size, self._bloom = self._conn.execute("SELECT size, bits FROM bloom").fetchone()
        except (sqlite3.Error, TypeError, ValueError) as exc:
            raise SetupError(f"the gazetteer at {path} is unreadable ({exc}): {FIX}") from exc
        if row is None or row[0] != SCHEMA_VERSION:
            raise SetupError(f"the gazetteer at {path} is from another claimledger version: {FIX}")
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)

    def _lookup(self, text: str) -> tuple[Candidate, ...]:
        """Candidates for a name, one per place, its best-matching spelling first considered."""
        key = fold(text)
        if not key or not may_contain(self._bloom, self._bloom_size, key):
            return ()
        return _best(self._conn.execute(_QUERY, (key,)), norm(text))

    def lookup_many(self, texts: Iterable[str]) -> dict[str, tuple[Candidate, ...]]:
        """Candidates for many names at once (uncached): what `lookup` gives each, in a few queries."""
        keys: dict[str, list[str]] = {}
        for text in texts:
            key = fold(text)
            if key and may_contain(self._bloom, self._bloom_size, key):
                keys.setdefault(key, []).append(text)
        rows: dict[str, list[tuple[Any, ...]]] = {}
        unique = list(keys)
        for i in range(0, len(unique), _BATCH):
            chunk = json.dumps(unique[i : i + _BATCH])
            for row in self._conn.execute(_BATCH_QUERY, (chunk,)):
                rows.setdefault(row[0], []).append(row[1:])
        found: dict[str, tuple[Candidate, ...]] = {}
        for key, group in keys.items():
            for text in group:
                found[text] = _best(rows.get(key, ()), norm(text))
        return found

    def close(self) -> None:
        self._conn.close()


def _best(rows: Iterable[tuple[Any, ...]], exact_key: str) -> tuple[Candidate, ...]:
    """One candidate per place, from its best-matching spelling."""
    best: dict[int, Candidate] = {}
    for row in rows:
        candidate = _candidate(row, exact_key)
        held = best.get(candidate.id)
        if held is None or _rank(candidate) > _rank(held):
            best[candidate.id] = candidate
    return tuple(best.values())


def _candidate(row: tuple[Any, ...], exact_key: str) -> Candidate:
    """A row of _QUERY as a Candidate; `exact` when the stored spelling equals the query's."""
    found_norm, naming, canonical, place_id, name, lat, lon, country, admin1, admin1_code = row[:10]
    feature, population, front, capital = row[10:]
    return Candidate(
        id=place_id,
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        admin1=admin1,
        admin1_code=admin1_code,
        feature=feature,
        population=population,
        front=front,
        capital=bool(capital),
        naming=naming,
        exact=found_norm == exact_key,
        canonical=bool(canonical),
    )


def _rank(candidate: Candidate) -> tuple[bool, bool, bool]:
    return candidate.exact, candidate.naming is not None, candidate.canonical


@lru_cache(maxsize=4)
def load_gazetteer(path: Path) -> Gazetteer:
    """One open gazetteer per path and process (a Dask worker pays once too)."""
    return Gazetteer(path)
