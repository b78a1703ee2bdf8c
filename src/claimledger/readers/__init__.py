"""Readers turn a source (a path, `-` for stdin, or an http(s) URL) into Documents.

A source that cannot be read becomes a Document carrying its error, so one bad file among many is
reported and the rest are still analyzed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimledger.document import Document, Metadata
from claimledger.errors import ClaimledgerError, InputError, InputTooLargeError
from claimledger.readers.detect import Kind, sniff
from claimledger.readers.html import read_html
from claimledger.readers.jsonl import read_jsonl
from claimledger.readers.text import read_text
from claimledger.readers.url import fetch, is_url
from claimledger.settings import Settings

__all__ = ["read_source"]


def read_source(source: str, settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Document]:
    """Documents from one source; a failure yields one Document whose `error` says why."""
    try:
        yield from _read(source, settings, stdin)
    except ClaimledgerError as exc:
        yield Document("", Metadata(source=source), error=exc)


def _read(source: str, settings: Settings, stdin: BinaryIO | None) -> Iterator[Document]:
    if source == "-":
        if stdin is None:
            raise InputError("-: no standard input")
        data = stdin.read(settings.max_input_bytes + 1)
        _check_size("<stdin>", len(data), settings.max_input_bytes)
        yield from _parse(data, "<stdin>", sniff("", data))
    elif is_url(source):
        fetched = fetch(source, settings)
        yield from _parse(
            fetched.body, source, sniff(source, fetched.body, fetched.content_type), fetched.url
        )
    else:
        data = _read_file(Path(source), settings.max_input_bytes)
        yield from _parse(data, source, sniff(source, data))


def _read_file(path: Path, cap: int) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    _check_size(str(path), path.stat().st_size, cap)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def _check_size(label: str, size: int, cap: int) -> None:
    if size > cap:
        raise InputTooLargeError(f"{label}: over the size cap of {cap:,} bytes (see --set max_input_bytes=N)")


def _parse(data: bytes, source: str, kind: Kind, url: str | None = None) -> Iterator[Document]:
    if kind == "jsonl":
        yield from read_jsonl(data, source)
    elif kind == "html":
        yield read_html(data, source, url)
    else:
        doc = read_text(data, source)
        doc.meta.url = url
        yield doc
