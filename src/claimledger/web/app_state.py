"""The workbench's per-app state: settings, the ledger, answers already computed over it, and one
pipeline built on first use."""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from fastapi import Request

from claimledger.analyze import analyze_text
from claimledger.document import Metadata
from claimledger.errors import LedgerError
from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.report.json import to_report
from claimledger.settings import Settings
from claimledger.stages import build_pipeline
from claimledger.web.answers import Answers, LedgerVersion

T = TypeVar("T")
# Answers are kept on shelves by what they cost and how many there can be, each bounded on its own,
# so that many cheap answers never push out the few that take tens of seconds to compute:
# ledger-wide answers (outlet profiles, map, the event grouping), per-place answers (place pages,
# a place's events: hundreds of KB each), article counts per filter (an integer each), pages of
# article lists (a few KB each), searches.
Shelf = Literal["ledger", "place", "count", "list", "search"]
SHELVES: dict[Shelf, int] = {"ledger": 64, "place": 384, "count": 4096, "list": 2048, "search": 256}


@dataclass
class Workbench:
    """What every request handler needs: settings, the ledger, and one pipeline built on first use."""

    settings: Settings
    store: Store | None = None
    pipeline: Pipeline | None = None
    # spaCy pipelines are not documented as thread-safe: one analysis at a time (the API's handlers run
    # in a thread pool), which also bounds the memory a burst of paste requests can take.
    lock: threading.Lock = field(default_factory=threading.Lock)
    version: LedgerVersion | None = field(init=False, default=None)
    shelves: dict[Shelf, Answers] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if self.store is not None:
            self.version = LedgerVersion(self.store)
            self.shelves = {name: Answers(self.version.current, size) for name, size in SHELVES.items()}

    def remember(self, shelf: Shelf, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer to `key` as computed over the ledger as it is now (computed if it changed)."""
        if shelf not in self.shelves:
            return compute()
        return self.shelves[shelf].get(key, compute)

    def remember_json(self, shelf: Shelf, key: Hashable, compute: Callable[[], Any]) -> bytes:
        """The answer to `key` encoded as JSON once: a place page's answer runs to hundreds of KB,
        and encoding it again for every request cost more than looking it up."""
        return self.remember(shelf, ("json", key), lambda: encode_json(compute()))

    def wrote(self) -> None:
        """After this server stored something: answers read before are stale."""
        if self.version is not None:
            self.version.bump()

    def analyze(self, text: str, meta: Metadata) -> dict[str, Any]:
        with self.lock:
            if self.pipeline is None:
                self.pipeline = build_pipeline(self.settings)
                # The models' millions of long-lived objects would make every full garbage collection
                # walk them (~0.8 s pauses on article pages); freeze them out of the collector.
                gc.freeze()
            doc = analyze_text(text, self.settings, meta=meta, pipeline=self.pipeline)
        if doc.error is not None:
            raise doc.error
        return to_report(doc)

    def ledger(self) -> Store:
        if self.store is None:
            raise LedgerError("no ledger is open: start the server with `claimledger serve --db PATH`")
        return self.store


async def workbench(request: Request) -> Workbench:
    """Async although it awaits nothing: FastAPI runs a plain function dependency in its thread pool,
    a thread hop per request for an attribute read."""
    bench: Workbench = request.app.state.workbench
    return bench


def encode_json(value: Any) -> bytes:  # noqa: ANN401 - any JSON-ready answer
    """As Starlette's JSONResponse encodes (compact, UTF-8, no NaN): the ledger's answers are
    JSON-ready already, so FastAPI's per-request walk over them (jsonable_encoder) is not needed."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
