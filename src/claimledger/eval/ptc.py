"""`claimledger eval ptc ARTICLES_DIR TC_LABELS_FILE`: the framing stage on a PTC-format set.

SI (span identification) takes the techniques from the full analyze path (every stage, model and
lexicon spans alike) and scores them with SemEval-2020 Task 11's partial-overlap measure; TC
(technique classification) gives the model the gold spans and scores its labels (micro-F1). With
`--held-out`, only the PTC training articles our model never saw (ptc.is_validation) are scored.
`claimledger eval framing` is the same on ../shared's PTC copy, held out.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from claimledger.analyze import analyze
from claimledger.document import Metadata, Technique
from claimledger.errors import InputError
from claimledger.eval import EvalResult
from claimledger.framing.ptc import (
    Article,
    SiScore,
    is_validation,
    read_corpus,
    si_score,
    tc_correct,
    tc_groups,
)
from claimledger.settings import Settings
from claimledger.stages import build_pipeline

PTC = Path("data/ptc-semeval2020")


def evaluate(settings: Settings, shared: Path, limit: int | None) -> EvalResult:
    """The registered `eval framing`: PTC train articles held out from training, from ../shared."""
    corpus = shared / PTC
    return score(settings, corpus / "train-articles", corpus / "train-task-flc-tc.labels", True, limit)


def score(
    settings: Settings, articles_dir: Path, labels_file: Path, held_out: bool, limit: int | None
) -> EvalResult:
    articles = read_corpus(articles_dir, labels_file)
    if held_out:
        articles = [a for a in articles if is_validation(a.id)]
    articles = articles[:limit]
    if not articles:
        raise InputError(f"no articles to score in {articles_dir}")
    began = time.perf_counter()
    si, failed = score_si(settings, articles)
    si_seconds = time.perf_counter() - began
    correct, total = score_tc(articles)
    figures = {
        "si_precision": si.precision,
        "si_recall": si.recall,
        "si_f1": si.f1,
        "tc_micro_f1": correct / total if total else 0.0,
    }
    return EvalResult(
        name="ptc",
        corpus=f"{articles_dir} ({'held-out articles' if held_out else 'all articles'})",
        figures=figures,
        denominators={
            "si_precision": si.predicted,
            "si_recall": si.gold,
            "si_f1": si.gold,
            "tc_micro_f1": total,
            "articles": len(articles),
            "articles_failed": failed,
        },
        notes=[f"{len(articles)} articles; analyze path {si_seconds:.1f}s"],
    )


def score_si(settings: Settings, articles: Sequence[Article]) -> tuple[SiScore, int]:
    """Predicted spans from the analyze path (as an English article), against merged gold spans;
    an article the pipeline failed on counts with no spans, and the failures are counted."""
    paths = [str(a.path) for a in articles]
    predicted: dict[str, list[tuple[int, int]]] = {}
    failed = 0
    pipeline = build_pipeline(settings)
    for article, doc in zip(
        articles, analyze(paths, settings, defaults=Metadata(language="en"), pipeline=pipeline), strict=True
    ):
        failed += doc.error is not None
        if doc.text != article.text:
            raise InputError(
                f"{article.path}: the analyzed text differs from the file; offsets would not match"
            )
        predicted[article.id] = [(t.start, t.end) for t in doc.get(Technique)]
    gold = {a.id: [(s.start, s.end) for s in a.spans] for a in articles}
    return si_score(predicted, gold), failed


def score_tc(articles: Sequence[Article]) -> tuple[int, int]:
    """(correct, total) over gold technique instances, each span given the model's k best labels."""
    from claimledger.framing.model import load_model  # noqa: PLC0415 - torch only when scoring

    model = load_model()
    correct = total = 0
    for article in articles:
        groups = tc_groups([article])
        if not groups:
            continue
        enc = model.encoder.encode(article.text)
        ranked = model.classify(article.text, enc, [(s, e) for _, s, e, _ in groups])
        for (_, _, _, gold), ranking in zip(groups, ranked, strict=True):
            correct += tc_correct([label for label, _ in ranking], gold)
            total += sum(gold.values())
    return correct, total
