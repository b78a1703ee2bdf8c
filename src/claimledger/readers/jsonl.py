"""JSON Lines: one article per line (`text` required; `title`, `outlet`, `url`, `published`,
`language` optional). Each report's text is that line's `text` exactly."""

from __future__ import annotations

import json
from collections.abc import Iterator

from claimledger.document import Document, Metadata
from claimledger.errors import InputError
from claimledger.readers.detect import decode
from claimledger.readers.published import parse_published

OPTIONAL = ("title", "outlet", "url", "language")


def read_jsonl(data: bytes, source: str, *, first_line: int = 1) -> Iterator[Document]:
    """`first_line` numbers the lines of a byte range cut from a larger file (batch partitions)."""
    text = decode(data, source).text
    found = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.strip():
            found = True
            yield _document_or_error(line, f"{source}:{number}")
    if not found:
        raise InputError(f"{source}: no JSON lines")


def _document_or_error(line: str, where: str) -> Document:
    """A bad line becomes a Document carrying its error; the lines after it are still read."""
    try:
        return _document(line, where)
    except InputError as exc:
        return Document("", Metadata(source=where), error=exc)


def _document(line: str, where: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object per line")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f'{where}: missing or empty "text"')
    values: dict[str, str | None] = {}
    for key in OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{key}" must be a string')
        values[key] = value or None
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError(f'{where}: "published" must be a date string')
    meta = Metadata(
        title=values["title"],
        outlet=values["outlet"],
        url=values["url"],
        language=values["language"],
        published=parse_published(published, where) if published else None,
        source=where,
    )
    return Document(body, meta)
