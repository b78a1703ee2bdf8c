"""Read side of the gazetteer: a read-only, memory-mapped SQLite file, opened once per process.

Lookups go by folded key (names.fold) to one row of `packed` that holds every place of the key, and
are cached: news repeats its toponyms, and most capitalized words are looked up many times over a
batch. (`names` and `places`, the normalized tables, stay in the file for `gazetteer add`.)
"""

from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

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


@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """One place a name may refer to, with how the name matched it. Read-only by convention: not
    `frozen`, because a frozen dataclass costs five times as much to build and every uncached lookup
    builds a few (use dataclasses.replace to vary one)."""

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


# One row per folded key: every place the key names, packed (see build.pack_places). One indexed read
# and one C-level decode per name; no per-row cursor stepping, no joins.
_QUERY = "SELECT rows FROM packed WHERE key = ?"
_BATCH = 250
_FOUND_NAMES = 20_000
_BATCH_QUERY = f"SELECT key, rows FROM packed WHERE key IN ({','.join('?' * _BATCH)})"


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
        # candidates by normalized name: the detector asks "Kiev", "Kiev." and "KIEV" (one name, three
        # texts); bounded, dropped wholesale when full (a news vocabulary rarely fills it)
        self._found: dict[str, tuple[Candidate, ...]] = {}

    def _lookup(self, text: str) -> tuple[Candidate, ...]:
        """Candidates for a name, one per place, from its best-matching spelling."""
        exact = norm(text)
        found = self._found.get(exact)
        if found is not None:
            return found
        key = fold(exact)  # the same key as fold(text), without normalizing twice
        if not key or not may_contain(self._bloom, self._bloom_size, key):
            return ()
        row = self._conn.execute(_QUERY, (key,)).fetchone()
        if row is None:
            return ()
        found = _candidates(self._decode(row[0]), exact)
        if len(self._found) >= _FOUND_NAMES:
            self._found.clear()
        self._found[exact] = found
        return found

    def lookup_many(self, texts: Iterable[str]) -> dict[str, tuple[Candidate, ...]]:
        """Candidates for many names at once (uncached): what `lookup` gives each, in a few queries."""
        keys: dict[str, list[str]] = {}
        for text in texts:
            key = fold(text)
            if key and may_contain(self._bloom, self._bloom_size, key):
                keys.setdefault(key, []).append(text)
        blobs: dict[str, bytes] = {}
        unique = list(keys)
        for i in range(0, len(unique), _BATCH):
            chunk = unique[i : i + _BATCH]
            chunk += [chunk[0]] * (_BATCH - len(chunk))  # one prepared statement for every batch
            blobs.update(self._conn.execute(_BATCH_QUERY, chunk))
        found: dict[str, tuple[Candidate, ...]] = {}
        for key, group in keys.items():
            blob = blobs.get(key)
            places = () if blob is None else self._decode(blob)
            for text in group:
                found[text] = _candidates(places, norm(text))
        return found

    def _decode(self, blob: bytes) -> tuple[Any, ...]:
        """A packed row (build.pack_places) as tuples."""
        try:
            places: tuple[Any, ...] = marshal.loads(blob)
        except (ValueError, EOFError, TypeError) as exc:
            raise SetupError(f"the gazetteer at {self.path} is corrupt ({exc}): {FIX}") from exc
        return places

    def clear_caches(self) -> None:
        """Forget every answer (the file's pages stay mapped): for measuring uncached lookups."""
        self.lookup.cache_clear()
        self._found.clear()

    def close(self) -> None:
        self._conn.close()


# Candidate's constructor, typed loosely: a decoded row's place fields come in as one tuple.
_make = cast("Callable[..., Candidate]", Candidate)


def _candidates(places: tuple[Any, ...], exact_key: str) -> tuple[Candidate, ...]:
    """Decoded places as candidates. Each place lists its spellings best first (a tradition named,
    then canonical), so its candidate takes the first spelling equal to the query's, else the first."""
    out: list[Candidate] = []
    append = out.append
    for fields, spellings in places:
        for spelling, naming, canonical in spellings:
            if spelling == exact_key:
                append(_make(*fields, naming, True, canonical))
                break
        else:
            _spelling, naming, canonical = spellings[0]
            append(_make(*fields, naming, False, canonical))
    return tuple(out)


@lru_cache(maxsize=4)
def load_gazetteer(path: Path) -> Gazetteer:
    """One open gazetteer per path and process (a Dask worker pays once too)."""
    return Gazetteer(path)
