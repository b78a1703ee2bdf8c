"""A Bloom filter over the gazetteer's name keys, stored in the index file.

Most capitalized words in news are not place names; answering "no such name" from 1 MB of bits in
memory, without a SQLite query, is what keeps the places stage cheap next to spaCy. Hashes are
blake2b, so the filter means the same thing in every process (Python's str hash is salted).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

BITS_PER_KEY = 10
HASHES = 7


def _positions(key: str, size: int) -> list[int]:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
    first, second = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1
    return [(first + i * second) % size for i in range(HASHES)]


def make(keys: Iterable[str]) -> tuple[int, bytes]:
    """(size in bits, bit array) for the keys: about 1 % false positives at 10 bits a key."""
    unique = set(keys)
    size = max(64, len(unique) * BITS_PER_KEY)
    bits = bytearray((size + 7) // 8)
    for key in unique:
        for pos in _positions(key, size):
            bits[pos >> 3] |= 1 << (pos & 7)
    return size, bytes(bits)


def may_contain(bits: bytes, size: int, key: str) -> bool:
    return all(bits[pos >> 3] & (1 << (pos & 7)) for pos in _positions(key, size))
