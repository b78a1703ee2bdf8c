"""The Runner seam: the same sources, Settings and defaults in, the same Documents out, in order.

LocalRunner analyzes in this process (the default); DaskRunner (batch/dask.py) spreads partitions
over Dask workers. A test holds the two to identical reports.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO, Protocol

from claimledger.analyze import analyze
from claimledger.document import Document, Metadata
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings


class RunnerName(StrEnum):
    """The runners a command can be told to use (`--runner`)."""

    local = "local"
    dask = "dask"


@dataclass
class RunSummary:
    """Counted while a run goes; printed at its end."""

    articles: int = 0
    failed: int = 0
    partitions: int = 0
    retried: int = 0

    def count(self, doc: Document) -> None:
        if doc.error is None:
            self.articles += 1
        else:
            self.failed += 1


class Runner(Protocol):
    summary: RunSummary

    def run(
        self,
        sources: Sequence[str],
        settings: Settings,
        defaults: Metadata | None = None,
        stdin: BinaryIO | None = None,
    ) -> Iterator[Document]: ...


class LocalRunner:
    """In-process: the stream goes straight through one pipeline (`pipeline`, or one built per run)."""

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self.summary = RunSummary()
        self.pipeline = pipeline

    def run(
        self,
        sources: Sequence[str],
        settings: Settings,
        defaults: Metadata | None = None,
        stdin: BinaryIO | None = None,
    ) -> Iterator[Document]:
        for doc in analyze(sources, settings, defaults=defaults, stdin=stdin, pipeline=self.pipeline):
            self.summary.count(doc)
            yield doc


def read_stdin_once(sources: Sequence[str], stdin: BinaryIO | None, cap: int) -> bytes | None:
    """stdin can be read only once and only here; workers get its bytes."""
    if "-" not in sources:
        return None
    return (stdin or sys.stdin.buffer).read(cap + 1)
