"""Answers the workbench has already computed, kept until the ledger changes.

On a 100,000-article ledger a place's timeline, the event grouping and the outlet profile take from
a fraction of a second to tens of seconds to compute, and analysts ask the same questions again and
again (every place page, every reload). An answer is kept under the ledger's version and dropped as
soon as anything commits to the ledger, from this server or any other process, so a cached answer
is never older than the ledger it was read from.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select

from claimledger.ledger.models import articles, control_runs
from claimledger.ledger.store import Store

T = TypeVar("T")
MAX_ANSWERS = 512


class LedgerVersion:
    """A value that changes whenever something commits to the ledger.

    SQLite: `PRAGMA data_version` on a connection of our own that never writes, which changes when any
    other connection (this server's pool, a `claimledger ingest` beside it) commits; ~10 µs a read.
    Other databases: the largest key and the row count of articles and control runs, read at most
    once a second, and `bump()` after this server's own writes so they show at once."""

    RECHECK_S = 1.0

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._own_writes = 0
        self._watch = _sqlite_watch(store)
        self._signature: tuple[Any, ...] = ()
        self._checked = float("-inf")

    def current(self) -> Hashable:
        with self._lock:
            if self._watch is not None:
                return (self._own_writes, self._watch.execute("PRAGMA data_version").fetchone()[0])
            now = time.monotonic()
            if now - self._checked >= self.RECHECK_S:
                self._signature = self._read_signature()
                self._checked = now
            return (self._own_writes, self._signature)

    def bump(self) -> None:
        with self._lock:
            self._own_writes += 1
            self._checked = float("-inf")

    def _read_signature(self) -> tuple[Any, ...]:
        with self.store.engine.connect() as connection:
            found: list[Any] = []
            for table in (articles, control_runs):
                row = connection.execute(select(func.max(table.c.pk), func.count()).select_from(table)).one()
                found.extend(row)
        return tuple(found)

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()


def _sqlite_watch(store: Store) -> sqlite3.Connection | None:
    """A read-only connection to the ledger file, or None where there is no file to watch."""
    url = store.engine.url
    if store.dialect != "sqlite" or not url.database or url.database == ":memory:":
        return None
    # check_same_thread=False: request threads share it, one at a time under LedgerVersion's lock.
    uri = Path(url.database).resolve().as_uri()  # percent-encoded: a '?' or '#' in the path stays a path
    return sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)


class Answers:
    """A bounded least-recently-used map from a question to its answer at one ledger version.

    Concurrent requests for the same missing answer compute it once: the others wait for it instead
    of each spending seconds of CPU on the same grouping (50 clients asking for one place page)."""

    def __init__(self, version: Callable[[], Hashable], size: int = MAX_ANSWERS) -> None:
        self.version = version
        self.size = size
        self._kept: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self.version()
        found = self._fresh(key, version)
        if found is not None:
            return found[0]  # type: ignore[no-any-return]
        with self._lock:
            flight = self._computing.setdefault(key, threading.Lock())
        with flight:
            found = self._fresh(key, version)
            if found is not None:
                return found[0]  # type: ignore[no-any-return]
            answer = compute()
            with self._lock:
                self._kept[key] = (version, answer)
                self._kept.move_to_end(key)
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
                self._computing.pop(key, None)
        return answer

    def _fresh(self, key: Hashable, version: Hashable) -> tuple[Any] | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept[0] != version:
                return None
            self._kept.move_to_end(key)
            return (kept[1],)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
