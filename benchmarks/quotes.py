"""Quotes stage cost: its time on top of bare spaCy `nlp.pipe`, on the same news texts, in one run.

Texts: English news articles from ../shared/data/war-news-gdelt2022-en (or, without ../shared, the
bundled examples repeated). spaCy parses the texts once (timed: the bare spaCy time); the quotes
stage's own work (quotation marks, cues, speakers, and the sourcing profile the report adds) then
runs on those parses (timed: the quotes time). Both warm up first. Printed: both times and their
ratio; issue 5's budget is a ratio of at most 0.15 (the stage adds at most 15 % to bare spaCy).
Reports, never asserts.

    .venv/bin/python benchmarks/quotes.py [--n 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from claimledger.document import Document, Metadata
from claimledger.quotes import find_quotes, load_lexicon
from claimledger.quotes.sourcing import sourcing_profile
from claimledger.settings import Settings
from claimledger.stages.nlp import load_spacy

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "war-news-gdelt2022-en" / "articles"


def load_texts(n: int) -> tuple[list[str], str]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    source = f"war-news-gdelt2022-en ({len(files)} files)" if files else "bundled examples (../shared absent)"
    if not files:
        files = sorted((ROOT / "examples").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    return [texts[i % len(texts)] for i in range(n)], source


def time_bare(nlp: Any, texts: list[str], batch_size: int) -> tuple[float, list[tuple[Any, str]]]:
    start = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - start, list(zip(parsed, texts, strict=True))


def time_quotes(parsed: list[tuple[Any, str]]) -> tuple[float, int]:
    """What the quotes stage adds: finding quotes on each parse, recording them, and the profile."""
    lexicon = load_lexicon()
    found = 0
    start = time.perf_counter()
    for p, text in parsed:
        doc = Document(text, Metadata(language="en"))
        doc.stages.append("quotes@1")
        for quote in find_quotes(p, lexicon, text).quotes:
            doc.add(quote)
            found += 1
        sourcing_profile(doc)
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="number of texts")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds per side; the best is kept")
    args = parser.parse_args()
    settings = Settings()
    texts, source = load_texts(args.n)
    words = sum(len(t.split()) for t in texts)
    nlp = load_spacy(settings.spacy_model)
    _, warm = time_bare(nlp, texts[:10], settings.batch_size)  # model load, first-call allocations
    time_quotes(warm)
    bare_runs = [time_bare(nlp, texts, settings.batch_size) for _ in range(args.repeat)]
    bare = min(t for t, _ in bare_runs)
    parsed = bare_runs[-1][1]
    quote_runs = [time_quotes(parsed) for _ in range(args.repeat)]
    quotes = min(t for t, _ in quote_runs)
    print(f"texts: {len(texts)} from {source}; {words:,} words; {quote_runs[0][1]} quotes found")
    print(f"bare spaCy ({settings.spacy_model}) nlp.pipe: {bare:.2f} s ({words / bare:,.0f} words/s)")
    print(f"quotes stage on those parses:    {quotes:.2f} s ({words / quotes:,.0f} words/s)")
    print(f"ratio quotes / bare spaCy: {quotes / bare:.3f}  (budget: at most 0.150)")


if __name__ == "__main__":
    main()
