"""What a worker does with a partition: read its parts, run the pipeline, return plain results.

The pipeline is built once per process (cached on the Settings, which are frozen and hashable), so a
Dask worker pays the model load once; only paths, offsets and Settings arrive, and only report
dicts and error lines leave.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.analyze import with_defaults
from claimledger.batch.partition import Part
from claimledger.document import Document, Metadata
from claimledger.errors import InputError
from claimledger.pipeline import Pipeline
from claimledger.readers import read_source
from claimledger.readers.jsonl import read_jsonl
from claimledger.report.json import to_report
from claimledger.settings import Settings
from claimledger.stages import build_pipeline

if TYPE_CHECKING:
    from claimledger.ledger.store import PutResult


@dataclass
class Failure:
    source: str
    message: str
    exit_code: int


@dataclass(frozen=True)
class Written:
    """An article a worker stored itself (PostgreSQL, batch/direct.py): only this travels back."""

    id: str
    result: PutResult


@dataclass
class PartitionResult:
    """A partition's outcome, in input order; `pid` tells the client which process did the work."""

    index: int
    items: list[dict[str, Any] | Failure | Written] = field(default_factory=list)
    pid: int = 0


# glibc's mallopt parameters (malloc.h) and the values its own dynamic tuning settles on for the
# framing encoder's tensors (a few MB each): the upper bound of that tuning, and twice it for trim.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 * 1024 * 1024
_TRIM_THRESHOLD = 2 * _MMAP_THRESHOLD


@lru_cache(maxsize=2)
def cached_pipeline(settings: Settings) -> Pipeline:
    tune_allocator()
    return build_pipeline(settings)


def tune_allocator() -> bool:
    """Undo the allocator setting Dask gives its workers, so a worker analyzes as fast as one process.

    A Dask nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also switches off glibc's
    adaptive mmap threshold: every tensor of the framing encoder above 128 KiB is then mapped and
    unmapped anew, and the encoder costs twice the CPU it costs in a plain process (measured:
    docs/scaling.md). Setting the thresholds where glibc's own tuning would have put them restores
    the plain-process speed. Only where the variable is set (a Dask worker), and only on glibc.
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name) if name else None
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


def analyze_partition(
    index: int, parts: tuple[Part, ...], settings: Settings, defaults: Metadata | None
) -> PartitionResult:
    pipeline = cached_pipeline(settings)
    result = PartitionResult(index, pid=os.getpid())
    docs = (doc for part in parts for doc in _read_part(part, settings))
    for doc in pipeline.pipe(with_defaults(docs, defaults)):
        result.items.append(outcome_of(doc))
    return result


def analyze_documents(index: int, docs: list[Document], settings: Settings) -> PartitionResult:
    """Documents read by the client (they arrive without their parse, which never travels)."""
    result = PartitionResult(index, pid=os.getpid())
    for doc in cached_pipeline(settings).pipe(docs):
        result.items.append(outcome_of(doc))
    return result


def outcome_of(doc: Document) -> dict[str, Any] | Failure:
    if doc.error is None:
        return to_report(doc)
    return Failure(doc.meta.source or doc.id[:12], str(doc.error), doc.error.exit_code)


def _read_part(part: Part, settings: Settings) -> Iterator[Document]:
    if part.data is not None:
        yield from read_source("-", settings, io.BytesIO(part.data))
    elif part.start is not None and part.end is not None:
        try:
            with Path(part.source).open("rb") as handle:
                handle.seek(part.start)
                data = handle.read(part.end - part.start)
        except OSError as exc:
            yield Document("", Metadata(source=part.source), error=InputError(f"{part.source}: {exc}"))
            return
        yield from read_jsonl(data, part.source, first_line=part.first_line)
    else:
        yield from read_source(part.source, settings)
