"""`claimledger eval quotes`: content spans and speakers against PolNeAR dev (../shared/data/polnear).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) marks every attribution as source, cue and content
spans. A predicted quote matches a gold attribution when their content spans overlap; "exact" also
requires the same text once quotation marks, edge punctuation and a leading "that" are set aside
(our spans leave the marks out, PolNeAR's keep them). Speaker accuracy counts matched quotes whose
speaker mention overlaps the gold source span; for a pronoun both sides mark the pronoun itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.document import Document, Metadata, Quote
from claimledger.errors import SetupError
from claimledger.eval import EvalResult
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage
from claimledger.stages.quotes import QuotesStage

Fragments = tuple[tuple[int, int], ...]
_EDGE = " \t\n,.;:!?\"“”„«»'‘’()—–-"


@dataclass
class Gold:
    """One PolNeAR attribution: its content and source, each possibly discontinuous."""

    content: Fragments
    source: Fragments = ()


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    pred_overlap: int = 0
    gold_overlap: int = 0
    pred_exact: int = 0
    gold_exact: int = 0
    speaker_pairs: int = 0
    speaker_right: int = 0
    chain_right: int = 0
    direct_gold: int = 0
    direct_found: int = 0
    documents: int = 0
    failed: int = 0
    examples: list[str] = field(default_factory=list)


def evaluate(settings: Settings, shared_dir: Path, limit: int | None) -> EvalResult:
    split = shared_dir / "data" / "polnear" / "dev"
    return score_split(settings, split, limit)


def evaluate_file(settings: Settings, gold: Path, limit: int | None) -> EvalResult:
    """`claimledger eval quotes GOLD`: adaq's ru_tokens.tsv or a Russian/Ukrainian gold set (issue 12)."""
    from claimledger.eval.cyrillic import evaluate_part  # noqa: PLC0415 - one scorer, loaded lazily

    return evaluate_part(settings, gold, limit, "quotes")


def score_split(settings: Settings, split: Path, limit: int | None) -> EvalResult:
    """Score the quotes stage on one PolNeAR split (dev for the record; train while developing)."""
    if not (split / "text").is_dir():
        raise SetupError(f"no PolNeAR split at {split}")
    articles = list(_articles(split))[: limit or None]
    pipeline = Pipeline(
        [LanguageStage(settings), NlpStage(settings), QuotesStage(settings)], batch_size=settings.batch_size
    )
    docs = (Document(text, meta=Metadata(language="en", source=name)) for name, text, _ in articles)
    tally = Tally()
    for doc, (_, _, gold) in zip(pipeline.pipe(docs), articles, strict=True):
        _score(doc, gold, tally)
    return _result(split, tally)


def _articles(split: Path) -> Iterator[tuple[str, str, list[Gold]]]:
    """(name, text, gold) per article; of several annotators' files, the first by name."""
    annotations = sorted((split / "attributions").glob("*.ann"))
    for path in sorted((split / "text").glob("*.txt")):
        ann = next((a for a in annotations if a.name.startswith(path.stem + "_")), None)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        yield path.name, text, parse_brat(ann.read_text(encoding="utf-8"))


def parse_brat(ann: str) -> list[Gold]:
    """The E lines of a PolNeAR .ann file, with their Content and Source T spans."""
    spans: dict[str, Fragments] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = tuple(
                (int(a), int(b))
                for a, b in (r.split() for r in ranges.split(";"))
                if label in ("Content", "Source")
            )
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    return [
        Gold(spans[r["Content"]], spans.get(r.get("Source", ""), ()))
        for r in relations
        if spans.get(r.get("Content", ""))
    ]


def _norm(text: str) -> str:
    text = text.strip(_EDGE)
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text.strip(_EDGE))


def _overlap(a: tuple[int, int], fragments: Fragments) -> int:
    return max((min(a[1], e) - max(a[0], s) for s, e in fragments), default=0)


def _score(doc: Document, gold: list[Gold], tally: Tally) -> None:
    tally.documents += 1
    if doc.error is not None:
        tally.failed += 1
        tally.examples.append(f"{doc.meta.source}: {doc.error}")
    quotes = list(doc.get(Quote))
    text = doc.text
    tally.predicted += len(quotes)
    tally.gold += len(gold)
    gold_exact = [{_norm(text[s:e]) for s, e in g.content} for g in gold]
    for q in quotes:
        span = (q.start, q.end)
        best = max(gold, key=lambda g: _overlap(span, g.content), default=None)
        if best is None or _overlap(span, best.content) <= 0:
            continue
        tally.pred_overlap += 1
        tally.pred_exact += any(_norm(text[q.start : q.end]) in ex for ex in gold_exact)
        if best.source:
            tally.speaker_pairs += 1
            right = _speaker_right(q, best.source)
            tally.speaker_right += right
            tally.chain_right += right or any(_overlap(v, best.source) > 0 for v in q.via_spans)
    for g, exact in zip(gold, gold_exact, strict=True):
        hits = [q for q in quotes if _overlap((q.start, q.end), g.content) > 0]
        tally.gold_overlap += bool(hits)
        tally.gold_exact += any(_norm(text[q.start : q.end]) in exact for q in hits)
        if any(text[s:e].lstrip()[:1] in "\"“'‘" for s, e in g.content):
            tally.direct_gold += 1
            tally.direct_found += bool(hits)


def _speaker_right(q: Quote, source: Fragments) -> bool:
    sp = q.speaker
    return sp.start is not None and sp.end is not None and _overlap((sp.start, sp.end), source) > 0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _result(split: Path, t: Tally) -> EvalResult:
    p_over, r_over = _ratio(t.pred_overlap, t.predicted), _ratio(t.gold_overlap, t.gold)
    p_exact, r_exact = _ratio(t.pred_exact, t.predicted), _ratio(t.gold_exact, t.gold)
    figures = {
        "content precision (overlap)": p_over,
        "content recall (overlap)": r_over,
        "content F1 (overlap)": _f1(p_over, r_over),
        "content precision (exact)": p_exact,
        "content recall (exact)": r_exact,
        "content F1 (exact)": _f1(p_exact, r_exact),
        "speaker accuracy": _ratio(t.speaker_right, t.speaker_pairs),
        "speaker accuracy (speaker or relay)": _ratio(t.chain_right, t.speaker_pairs),
        "recall of quoted (direct) gold": _ratio(t.direct_found, t.direct_gold),
        "articles that failed": t.failed,
    }
    denominators = {
        "content precision (overlap)": t.predicted,
        "content recall (overlap)": t.gold,
        "content F1 (overlap)": t.gold,
        "content precision (exact)": t.predicted,
        "content recall (exact)": t.gold,
        "content F1 (exact)": t.gold,
        "speaker accuracy": t.speaker_pairs,
        "speaker accuracy (speaker or relay)": t.speaker_pairs,
        "recall of quoted (direct) gold": t.direct_gold,
        "articles that failed": t.documents,
    }
    notes = [
        f"{t.documents} articles, {t.gold} gold attributions, {t.predicted} predicted quotes",
        "targets (issue 5): content F1 (overlap) >= 0.75, speaker accuracy >= 0.85",
        *t.examples[:5],
    ]
    return EvalResult("quotes", f"PolNeAR {split.name}", figures, denominators, notes)
