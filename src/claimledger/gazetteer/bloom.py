"""A Bloom filter over the gazetteer's name keys, stored in the index file.

Most capitalized words in news are not place names; answering "no such name" from half a megabyte of
bits in memory, without a SQLite query, is what keeps the places stage cheap next to spaCy. Hashes are
CRC-32 (in C, and the same in every process, unlike Python's salted str hash), combined by double
hashing into HASHES positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from zlib import crc32

BITS_PER_KEY = 12
HASHES = 5  # about 0.5 % false positives at 12 bits a key; may_contain unrolls exactly this many
_SEED = 0x9E3779B9


def _positions(key: str, size: int) -> list[int]:
    data = key.encode("utf-8")
    first = crc32(data)
    second = crc32(data, _SEED) | 1
    return [(first + i * second) % size for i in range(HASHES)]


def make(keys: Iterable[str]) -> tuple[int, bytes]:
    """(size in bits, bit array) for the keys."""
    unique = set(keys)
    size = max(64, len(unique) * BITS_PER_KEY)
    bits = bytearray((size + 7) // 8)
    for key in unique:
        for pos in _positions(key, size):
            bits[pos >> 3] |= 1 << (pos & 7)
    return size, bytes(bits)


def may_contain(bits: bytes, size: int, key: str) -> bool:
    """The HASHES probes of _positions, unrolled: this runs for every capitalized word of every text,
    and the loop's own bookkeeping cost as much as the probes."""
    data = key.encode("utf-8")
    first = crc32(data)
    second = crc32(data, _SEED) | 1
    pos = first % size
    if not bits[pos >> 3] & (1 << (pos & 7)):
        return False
    pos = (first + second) % size
    if not bits[pos >> 3] & (1 << (pos & 7)):
        return False
    pos = (first + 2 * second) % size
    if not bits[pos >> 3] & (1 << (pos & 7)):
        return False
    pos = (first + 3 * second) % size
    if not bits[pos >> 3] & (1 << (pos & 7)):
        return False
    pos = (first + 4 * second) % size
    return bool(bits[pos >> 3] & (1 << (pos & 7)))
