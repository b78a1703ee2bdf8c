"""Ingest: read, analyze what the ledger lacks, store each article in its own transaction.

Idempotent by article id: an article already stored is not analyzed again, so a rerun after a crash
or `kill -9` resumes where the last one stopped, and nothing is stored twice. Unreadable items are
warnings counted in the summary; the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from claimledger.document import Document, Metadata
from claimledger.errors import ClaimledgerError, SetupError
from claimledger.ledger.sources import Item, Skip, expand, read_items
from claimledger.ledger.store import PutResult, Store
from claimledger.pipeline import Pipeline
from claimledger.report.json import to_report
from claimledger.settings import Settings

if TYPE_CHECKING:
    from claimledger.batch.dask import DaskRunner

# A file name that opens with a date (20220125T090000Z_GB_en_….txt, 2025-12-01-kyiv.txt) dates the
# article when nothing else does: crawlers and GDELT exports name files this way.
_NAME_DATE = re.compile(r"(?:^|/)(\d{4})-?(\d{2})-?(\d{2})(?:T\d{4,6}Z?)?[_\-. ][^/]*$")


@dataclass
class Summary:
    """What one ingest run did; warnings are the one-line reasons for skipped items."""

    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    already: int = 0
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def written(self) -> int:
        return self.stored + self.replaced

    @property
    def rate(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0

    def record(self, result: PutResult) -> None:
        setattr(self, result.outcome, getattr(self, result.outcome) + 1)
        if result.duplicate_of and result.outcome != "unchanged":
            self.duplicates += 1


@dataclass
class Ingest:
    """One ingest run over `sources` into `store`; `advance` is told of every article handled."""

    store: Store
    settings: Settings
    defaults: Metadata | None = None
    workers: int = 1
    force: bool = False
    advance: Callable[[int], None] = lambda _n: None
    warn: Callable[[str], None] = lambda _message: None
    pipeline: Pipeline | None = None
    # A Dask runner (issue 10): analysis on its workers, storing stays here, the single writer.
    runner: DaskRunner | None = None
    summary: Summary = field(default_factory=Summary)
    _seen: set[str] = field(default_factory=set)

    def run(self, sources: list[str]) -> Summary:
        started = time.perf_counter()
        items = (item for source in expand(sources) for item in read_items(source, self.settings))
        pending = self._to_analyze(items)
        first = next(pending, None)
        if first is not None:
            self._analyze_and_store(_prepend(first, pending))
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _to_analyze(self, items: Iterable[Item]) -> Iterator[Document]:
        """Store finished reports, count skips and known articles; yield the documents to analyze."""
        for item in items:
            if isinstance(item, Skip):
                self._skip(item.where, item.reason)
            elif isinstance(item, dict):
                self._put(item)
            elif self._is_new(item.id):
                self._fill(item)
                yield item

    def _is_new(self, article_id: str) -> bool:
        if article_id in self._seen or (not self.force and self.store.known_ids([article_id])):
            self.summary.already += 1
            self.advance(1)
            return False
        self._seen.add(article_id)
        return True

    def _fill(self, doc: Document) -> None:
        if self.defaults is not None:
            doc.meta.fill_from(self.defaults)
        if doc.meta.published is None and doc.meta.source:
            doc.meta.published = date_from_name(doc.meta.source)

    def _put(self, report: dict[str, Any]) -> None:
        self.summary.record(self.store.put(report))
        self.advance(1)

    def _skip(self, where: str, reason: str) -> None:
        message = reason if reason.startswith(where) else f"{where}: {reason}"
        self.summary.warnings.append(message)
        self.warn(message)
        self.advance(1)

    def _analyze_and_store(self, docs: Iterator[Document]) -> None:
        if self.runner is not None:
            # PostgreSQL: the workers store, and only PutResults come back (batch/direct.py)
            batches = _batches(docs, self.settings.batch_size)
            for outcome in self.runner.ingest(batches, self.settings, self.store):
                self._store_outcome(outcome)
            return
        if self.workers > 1:
            for outcome in _parallel(docs, self.settings, self.workers):
                self._store_outcome(outcome)
            return
        from claimledger.stages import build_pipeline  # noqa: PLC0415 - loads spaCy only when needed

        pipeline = self.pipeline or build_pipeline(self.settings)
        for doc in pipeline.pipe(docs):
            self._store_outcome(_outcome(doc))

    def _store_outcome(self, outcome: dict[str, Any] | Skip | PutResult) -> None:
        if isinstance(outcome, Skip):
            self._skip(outcome.where, outcome.reason)
        elif isinstance(outcome, PutResult):
            self.summary.record(outcome)
            self.advance(1)
        else:
            self._put(outcome)


def date_from_name(source: str) -> date | None:
    """The date a file name opens with, if it is a real date."""
    found = _NAME_DATE.search(source.replace("\\", "/"))
    if found is None:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def _outcome(doc: Document) -> dict[str, Any] | Skip:
    if doc.error is not None:
        return Skip(doc.meta.source or doc.id[:12], str(doc.error))
    return to_report(doc)


def _prepend(first: Document, rest: Iterator[Document]) -> Iterator[Document]:
    yield first
    yield from rest


# -- worker processes: each builds its pipeline once and returns report dicts ---------------------

_worker_pipeline: Pipeline | None = None
_worker_error: ClaimledgerError | None = None


def _init_worker(settings: Settings) -> None:
    """Build the pipeline once per process. A setup error is kept and raised by the first batch, so
    it reaches the user through the main process (a pool whose initializer raises respawns forever)."""
    global _worker_pipeline, _worker_error  # noqa: PLW0603 - one pipeline per worker process
    from claimledger.stages import build_pipeline  # noqa: PLC0415

    try:
        _worker_pipeline = build_pipeline(settings)
    except ClaimledgerError as exc:
        _worker_error = exc


def _analyze_batch(docs: list[Document]) -> list[dict[str, Any] | Skip]:
    if _worker_error is not None:
        raise _worker_error
    if _worker_pipeline is None:
        raise SetupError("ingest worker started without its pipeline")
    return [_outcome(doc) for doc in _worker_pipeline.pipe(docs)]


def _parallel(docs: Iterator[Document], settings: Settings, workers: int) -> Iterator[dict[str, Any] | Skip]:
    """Analysis in `workers` processes; this process stays the only writer (SQLite allows one)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for outcomes in pool.imap(_analyze_batch, _batches(docs, settings.batch_size)):
            yield from outcomes


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
