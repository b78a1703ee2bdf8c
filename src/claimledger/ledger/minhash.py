"""MinHash signatures over word shingles, and LSH band keys, to find syndicated copies of one item.

Wire copies are re-headlined, trimmed and re-paragraphed, but keep long runs of the same words: the
Jaccard similarity of their 5-word shingle sets stays high while two reports of the same event in
different words share almost none (Broder 1997, "On the resemblance and containment of documents").
Pure computation: no database, no randomness between runs (fixed seed), so signatures can be stored.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 128
BANDS = 16  # 16 bands of 8 rows: pairs above ~0.7 Jaccard usually share a band (0.8: 95 %)
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
_MAX32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20221)
# Multiply-shift needs odd 64-bit multipliers and the product taken mod 2**64 (numpy's uint64
# arithmetic wraps): with small ones a*x + b grows with x and every permutation picks the same minimum.
_A = _rng.integers(0, np.iinfo(np.uint64).max, size=PERMUTATIONS, dtype=np.uint64, endpoint=True) | np.uint64(
    1
)
_B = _rng.integers(0, np.iinfo(np.uint64).max, size=PERMUTATIONS, dtype=np.uint64, endpoint=True)
_WORD = re.compile(r"\w+", re.UNICODE)
_MIX = 1_000_003  # multiplier of the word-window polynomial; below 2**32, so products fit 64 bits

Signature = npt.NDArray[np.uint32]


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Lower-cased word n-grams; a text shorter than `size` words is one shingle (for inspection:
    `signature` hashes the same shingles without building the strings)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _shingle_hashes(text: str) -> npt.NDArray[np.uint64]:
    """One 32-bit hash per word n-gram: CRC-32 per word, then a polynomial over each window of
    `SHINGLE` words, vectorized (ingest hashes every article, so this is on the hot path)."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    codes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE, len(codes))
    count = len(codes) - width + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        mixed = (mixed * np.uint64(_MIX) + codes[offset : offset + count]) & _MAX32
    return np.unique(mixed)


def signature(text: str) -> Signature:
    """The MinHash signature: per permutation, the least hash of any shingle."""
    hashed = _shingle_hashes(text)
    if len(hashed) == 0:
        return np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    # multiply-shift hashing (Dietzfelbinger et al. 1997): the high 32 bits of (a*x + b) mod 2**64
    values = (hashed[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    least: Signature = values.min(axis=0).astype(np.uint32)
    return least


def similarity(left: Signature, right: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(left == right))


def band_keys(sig: Signature) -> list[int]:
    """One signed 64-bit key per band (it fits a BIGINT column); the band number is part of the key."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + rows, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def to_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
