"""The workbench's per-app state: settings, the ledger, and one pipeline built on first use."""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from claimledger.analyze import analyze_text
from claimledger.document import Metadata
from claimledger.errors import LedgerError
from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.report.json import to_report
from claimledger.settings import Settings
from claimledger.stages import build_pipeline


@dataclass
class Workbench:
    """What every request handler needs: settings, the ledger, and one pipeline built on first use."""

    settings: Settings
    store: Store | None = None
    pipeline: Pipeline | None = None
    # spaCy pipelines are not documented as thread-safe: one analysis at a time (the API's handlers run
    # in a thread pool), which also bounds the memory a burst of paste requests can take.
    lock: threading.Lock = field(default_factory=threading.Lock)

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


def workbench(request: Request) -> Workbench:
    bench: Workbench = request.app.state.workbench
    return bench
