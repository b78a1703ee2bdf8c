"""Split inputs into partitions of bounded size, so any corpus becomes a stream of small tasks.

A partition is a list of Parts; a Part is a whole file, a byte range of a JSON Lines file (cut at
line boundaries, carrying the number of its first line so error messages still say `file:LINE`), or
a text already in memory (stdin). Workers read the parts themselves: only paths and offsets travel.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimledger.errors import InputError
from claimledger.readers.detect import sniff
from claimledger.readers.url import is_url

READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class Part:
    """One piece of input a worker can read on its own."""

    source: str
    start: int | None = None  # byte range of a JSON Lines file
    end: int | None = None
    first_line: int = 1
    data: bytes | None = None  # content already read (stdin)


@dataclass(frozen=True)
class Partition:
    index: int
    parts: tuple[Part, ...]


def check_sources(sources: Iterable[str]) -> None:
    """Refuse missing paths before anything starts, so a distributed run never stops half-way."""
    missing = [s for s in sources if s != "-" and not is_url(s) and not Path(s).is_file()]
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise InputError(f"no such file: {shown}")


def partitions(parts: Iterable[Part], max_bytes: int) -> Iterator[Partition]:
    """Group parts into partitions of about `max_bytes` each, in input order."""
    batch: list[Part] = []
    size = 0
    index = 0
    for part in parts:
        batch.append(part)
        size += _size(part)
        if size >= max_bytes:
            yield Partition(index, tuple(batch))
            index, batch, size = index + 1, [], 0
    if batch:
        yield Partition(index, tuple(batch))


def parts_of(source: str, max_bytes: int, stdin: bytes | None = None) -> Iterator[Part]:
    """The parts of one source: JSON Lines files are cut into line-aligned byte ranges."""
    if source == "-":
        yield Part(source, data=stdin or b"")
    elif not is_url(source) and sniff(source, b"") == "jsonl" and Path(source).stat().st_size > max_bytes:
        yield from _jsonl_ranges(source, max_bytes)
    else:
        yield Part(source)


def _jsonl_ranges(source: str, max_bytes: int) -> Iterator[Part]:
    size = Path(source).stat().st_size
    start = 0
    line = 1
    with Path(source).open("rb") as handle:
        while start < size:
            handle.seek(min(start + max_bytes, size))
            handle.readline()  # run on to the end of the line the cut fell in
            end = min(handle.tell(), size)
            handle.seek(start)
            lines = handle.read(end - start).count(b"\n")
            yield Part(source, start=start, end=end, first_line=line)
            start, line = end, line + lines


def _size(part: Part) -> int:
    if part.data is not None:
        return len(part.data)
    if part.start is not None and part.end is not None:
        return part.end - part.start
    if is_url(part.source):
        return 64 * 1024
    return Path(part.source).stat().st_size
