"""Dates and claims stages' cost next to bare spaCy, measured in one run (issue 6: at most +20 %).

Texts: English war news from ../shared/data/war-news-gdelt2022-en (or the bundled examples). spaCy
parses every text once (timed: the baseline); the dates and claims stages then run on those parses
(timed, after a warm-up pass). Reports, never asserts.

    .venv/bin/python benchmarks/dates_claims_speed.py [--n 200]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from claimledger.document import Claim, DateMention, Document, Metadata
from claimledger.settings import Settings
from claimledger.stages.claims import ClaimsStage
from claimledger.stages.dates import DatesStage
from claimledger.stages.nlp import NlpStage
from throughput import load_texts


def parse(texts: list[str], nlp: NlpStage, batch_size: int) -> tuple[list[Document], float]:
    docs = [Document(t, Metadata(published=date(2022, 6, 1), language="en")) for t in texts]
    start = time.perf_counter()
    parsed = list(nlp.pipe(docs, batch_size=batch_size))
    return parsed, time.perf_counter() - start


def timed(stage: DatesStage | ClaimsStage, docs: list[Document], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in stage.pipe(docs, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    settings = Settings()
    texts, source = load_texts(args.n)
    nlp, dates, claims = NlpStage(settings), DatesStage(settings), ClaimsStage(settings)
    warm, _ = parse(texts[:10], nlp, settings.batch_size)
    timed(dates, warm, settings.batch_size)
    timed(claims, warm, settings.batch_size)
    docs, spacy_s = parse(texts, nlp, settings.batch_size)
    dates_s = timed(dates, docs, settings.batch_size)
    claims_s = timed(claims, docs, settings.batch_size)
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} texts, {chars:,} characters, from {source}")
    print(f"  bare spaCy        {spacy_s:8.2f} s")
    print(f"  dates stage       {dates_s:8.3f} s  ({sum(len(d.get(DateMention)) for d in docs):,} mentions)")
    print(f"  claims stage      {claims_s:8.3f} s  ({sum(len(d.get(Claim)) for d in docs):,} claims)")
    print(f"  added to spaCy    {(dates_s + claims_s) / spacy_s:8.1%}")


if __name__ == "__main__":
    main()
