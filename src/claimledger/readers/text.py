"""Plain text: the body text is the decoded content exactly, so offsets equal file positions."""

from __future__ import annotations

from claimledger.document import Document, Metadata
from claimledger.readers.detect import decode


def read_text(data: bytes, source: str) -> Document:
    decoded = decode(data, source)
    doc = Document(decoded.text, Metadata(source=source))
    if decoded.encoding != "utf-8":
        doc.note(f"input decoded as {decoded.encoding}, not UTF-8")
    return doc
