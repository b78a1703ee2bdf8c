"""Throughput: the full claimledger pipeline vs bare spaCy `nlp.pipe` on the same texts, in one run.

Texts: 300 English news articles from ../shared/data/war-news-gdelt2022-en (or, without ../shared,
the bundled examples repeated). Both sides warm up first, then each is timed over the same list;
the figure that matters is the ratio. Reports, never asserts.

    .venv/bin/python benchmarks/throughput.py [--n 300] [--repeat 1]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from claimledger.document import Document, Metadata
from claimledger.settings import Settings
from claimledger.stages import build_pipeline
from claimledger.stages.nlp import load_spacy

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "war-news-gdelt2022-en" / "articles"


def load_texts(n: int) -> tuple[list[str], str]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if files:
        texts = [f.read_text(encoding="utf-8") for f in files]
        source = f"war-news-gdelt2022-en ({len(files)} files)"
    else:
        texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "examples").glob("*.txt"))]
        source = "bundled examples (../shared absent)"
    return [texts[i % len(texts)] for i in range(n)], source


def time_bare(texts: list[str], settings: Settings) -> float:
    nlp = load_spacy(settings.spacy_model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - start


def time_pipeline(texts: list[str], settings: Settings) -> float:
    pipeline = build_pipeline(settings)
    docs = [Document(text, Metadata(published=None)) for text in texts]
    start = time.perf_counter()
    for doc in pipeline.pipe(docs):
        if doc.error is not None:
            raise SystemExit(f"benchmark document failed: {doc.error}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of texts")
    parser.add_argument("--repeat", type=int, default=1, help="timed rounds per side; the best is kept")
    args = parser.parse_args()
    settings = Settings()
    texts, source = load_texts(args.n)
    words = sum(len(t.split()) for t in texts)
    pipeline = build_pipeline(settings)
    print(f"texts: {len(texts)} from {source}; {words:,} words; stages: {' → '.join(pipeline.names)}")
    time_bare(texts[:20], settings)  # warm-up: model load, first-call allocations
    time_pipeline(texts[:20], settings)
    bare = min(time_bare(texts, settings) for _ in range(args.repeat))
    ours = min(time_pipeline(texts, settings) for _ in range(args.repeat))
    print(f"bare spaCy nlp.pipe : {len(texts) / bare:7.1f} articles/s  ({bare:.2f} s)")
    print(f"claimledger pipeline: {len(texts) / ours:7.1f} articles/s  ({ours:.2f} s)")
    print(f"ratio pipeline/bare time: {ours / bare:.3f}  (overhead {100 * (ours / bare - 1):+.1f} %)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
