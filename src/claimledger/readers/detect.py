"""Bytes to text, and which reader a source needs.

UTF-8 is tried first and kept exactly (a BOM stays in the text, so offsets equal file positions);
anything else goes to charset-normalizer, and text it can decode only as noise is refused rather
than analyzed as garbage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from claimledger.errors import InputError

Kind = Literal["text", "html", "jsonl"]
EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<\?xml[^>]*>\s*<html)", re.I)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CHAOS = 0.2


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, label: str) -> Decoded:
    """Decode `data`, refusing empty, binary and undecodable input with a one-line reason."""
    if not data.strip():
        raise InputError(f"{label}: empty input")
    if b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS):
        raise InputError(f"{label}: binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _guess(data, label)
    else:
        encoding = "utf-8"
    if _looks_binary(text):
        raise InputError(f"{label}: binary file (control characters), not text")
    return Decoded(text, encoding)


def _guess(data: bytes, label: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for non-UTF-8 input

    best = from_bytes(data).best()
    bom_less_wide = best is not None and best.encoding.startswith(("utf_16", "utf_32")) and not best.bom
    if best is None or best.chaos > MAX_CHAOS or bom_less_wide or _unassigned_share(str(best)) > 0.01:
        raise InputError(f"{label}: undecodable bytes (not UTF-8, and no other encoding fits)")
    return str(best), str(best.encoding)


def _unassigned_share(text: str) -> float:
    """Share of private-use, unassigned and surrogate code points: noise from a wrong guess."""
    odd = sum(1 for char in text if unicodedata.category(char) in {"Co", "Cn", "Cs"})
    return odd / max(1, len(text))


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def sniff(name: str, head: bytes, content_type: str | None = None) -> Kind:
    """The reader for a source: by content type, then extension, then the first bytes."""
    if content_type:
        if "html" in content_type:
            return "html"
        if "json" in content_type:
            return "jsonl"
        return "text"
    lowered = name.lower()
    for extension, kind in EXTENSIONS.items():
        if lowered.endswith(extension):
            return kind
    if _HTML_START.match(head[:1024]):
        return "html"
    return "text"
