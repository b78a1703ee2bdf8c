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
HASHES = 5  # about 0.5 % false positives at 12 bits a key
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
    data = key.encode("utf-8")
    first = crc32(data)
    second = crc32(data, _SEED) | 1
    for i in range(HASHES):
        pos = (first + i * second) % size
        if not bits[pos >> 3] & (1 << (pos & 7)):
            return False
    return True
