"""Encoder features of a corpus, computed once and kept on disk for training runs.

The encoder is frozen, so its outputs for an article never change:
`make train-techniques` encodes PTC once (a few minutes on one core) and later runs read the cache.
Per article: piece offsets, the features and the windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claimledger.framing.encoder import VERSION, Encoded, MiniLM
from claimledger.framing.ptc import Article


def cached_features(articles: Sequence[Article], cache: Path, *, batch: int = 8) -> dict[str, Encoded]:
    """Features per article id, encoding only the articles not yet in `cache`."""
    folder = cache / VERSION
    folder.mkdir(parents=True, exist_ok=True)
    missing = [a for a in articles if not (folder / f"{a.id}.npz").is_file()]
    encoder: MiniLM | None = None
    for i in range(0, len(missing), batch):
        chunk = missing[i : i + batch]
        encoder = encoder or MiniLM()
        for article, enc in zip(chunk, encoder.encode_many([a.text for a in chunk]), strict=True):
            np.savez(
                folder / f"{article.id}.npz",
                starts=enc.starts,
                ends=enc.ends,
                features=enc.features.astype(np.float16),
                windows=np.array(enc.windows, dtype=np.int32).reshape(-1, 2),
            )
    return {article.id: _load(folder / f"{article.id}.npz") for article in articles}


def _load(path: Path) -> Encoded:
    with np.load(path) as data:
        cuts = tuple((int(a), int(b)) for a, b in data["windows"])
        return Encoded(data["starts"], data["ends"], data["features"].astype(np.float32), cuts)
