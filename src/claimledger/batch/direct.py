"""Direct writes: a Dask worker stores its own documents in a PostgreSQL ledger.

With PostgreSQL many writers are fine, so the client need not be the one that writes: each worker
stores every report it makes in its own transaction and sends back only the article id and what the
store did with it. `Store.put` is keyed by article id and skips a report it holds already, so a task
that runs twice (its worker was killed after writing half of it) stores nothing twice. SQLite keeps
its single writer in the client: this module is never used for it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from claimledger.batch.worker import Failure, PartitionResult, Written, cached_pipeline, outcome_of
from claimledger.document import Document
from claimledger.errors import LedgerError
from claimledger.ledger.store import PutResult, Store
from claimledger.settings import Settings


@lru_cache(maxsize=2)
def cached_store(url: str, duplicate_threshold: float) -> Store:
    """One store (one connection pool) per worker process, opened on its first task."""
    return Store.open(url, duplicate_threshold=duplicate_threshold)


def write_documents(index: int, docs: list[Document], settings: Settings, url: str) -> PartitionResult:
    """Analyze `docs` and store each report here, one transaction per article."""
    store = cached_store(url, settings.near_duplicate_threshold)
    result = PartitionResult(index, pid=os.getpid())
    for doc in cached_pipeline(settings).pipe(docs):
        outcome = outcome_of(doc)
        if isinstance(outcome, Failure):
            result.items.append(outcome)
        else:
            result.items.append(Written(doc.id, _put(store, outcome)))
    return result


def _put(store: Store, report: dict[str, Any]) -> PutResult:
    """Store once; when two attempts of one task race, the loser's insert meets the unique article
    id, and its second try finds the winner's row and leaves it as it is."""
    try:
        return store.put(report)
    except LedgerError:
        return store.put(report)
