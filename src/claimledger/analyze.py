"""analyze(): what the CLI, the web app and batch runners all call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from claimledger.document import Document, Metadata
from claimledger.pipeline import Pipeline
from claimledger.readers import read_source
from claimledger.settings import Settings
from claimledger.stages import build_pipeline


def analyze(
    sources: Iterable[str],
    settings: Settings,
    *,
    defaults: Metadata | None = None,
    stdin: BinaryIO | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Document]:
    """Documents from `sources`, analyzed, in order; unreadable ones carry their error.

    `defaults` (from flags) fills only the metadata an article lacks: a JSONL line's own outlet or
    an HTML page's own date wins.
    """
    pipeline = pipeline or build_pipeline(settings)
    docs = (doc for source in sources for doc in read_source(source, settings, stdin))
    return pipeline.pipe(with_defaults(docs, defaults))


def with_defaults(docs: Iterable[Document], defaults: Metadata | None) -> Iterator[Document]:
    """Fill from `defaults` (flags) only what each article's own metadata lacks."""
    for doc in docs:
        if defaults is not None:
            doc.meta.fill_from(defaults)
        yield doc


def analyze_text(
    text: str,
    settings: Settings | None = None,
    *,
    meta: Metadata | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """One text already in memory (the web app's paste box, tests); reuse `pipeline` when analyzing many."""
    doc = Document(text, meta or Metadata())
    return (pipeline or build_pipeline(settings or Settings()))(doc)
