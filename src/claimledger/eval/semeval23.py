"""`claimledger eval semeval23 [--language ru] [DEV_DIR]`: paragraph techniques on SemEval-2023 Task 3.

Subtask 3 labels each non-empty line (paragraph) of an article with any of 23 persuasion
techniques; the measure is micro-F1 over (paragraph, technique) pairs, every gold paragraph counted,
also those with no technique. DEV_DIR is a language folder of the task's data
(`dev-articles-subtask-3/` and `dev-labels-subtask-3.txt`); the default is ../shared's copy for the
language. The model scored is framing.paragraphs (the one the framing stage runs for ru and uk).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.errors import InputError
from claimledger.eval import shared_dir

DATA = Path("data/semeval2023-task3/data")
LANGUAGE_DIRS = {
    "en": "en",
    "fr": "fr",
    "de": "ge",
    "ge": "ge",
    "it": "it",
    "pl": "po",
    "po": "po",
    "ru": "ru",
}


@dataclass(frozen=True)
class Paragraph:
    article: str
    line: int  # 1-based line number in the article file, as the label files count
    text: str
    labels: frozenset[str]


def language_dir(language: str, explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    if language not in LANGUAGE_DIRS:
        raise InputError(f"no SemEval-2023 Task 3 data for language {language!r}: {', '.join(LANGUAGE_DIRS)}")
    return shared_dir(None) / DATA / LANGUAGE_DIRS[language]


def read_split(folder: Path, split: str) -> list[list[Paragraph]]:
    """The split's articles, each a list of its labelled paragraphs in line order."""
    articles_dir = folder / f"{split}-articles-subtask-3"
    labels_file = folder / f"{split}-labels-subtask-3.txt"
    if not articles_dir.is_dir() or not labels_file.is_file():
        raise InputError(
            f"{folder} holds no {articles_dir.name}/ and {labels_file.name} (SemEval-2023 Task 3)"
        )
    rows: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for number, row in enumerate(labels_file.read_text(encoding="utf-8").splitlines(), start=1):
        cols = row.rstrip("\r").split("\t")
        if len(cols) < 2 or not cols[1].isdigit():
            raise InputError(f"{labels_file}:{number}: expected ID<TAB>LINE<TAB>TECHNIQUE,...")
        labels = frozenset(t for t in (cols[2] if len(cols) > 2 else "").split(",") if t)
        rows[cols[0]].append((int(cols[1]), labels))
    out = []
    for article, lines in sorted(rows.items()):
        path = articles_dir / f"article{article}.txt"
        if not path.is_file():
            raise InputError(f"{labels_file} names article {article}, but {path} is missing")
        text = path.read_text(encoding="utf-8").split("\n")  # universal newlines: \r\n counts as one
        out.append(
            [
                Paragraph(article, n, text[n - 1].strip(), labels)
                for n, labels in sorted(lines)
                if n <= len(text)
            ]
        )
    return out


@dataclass(frozen=True)
class MicroF1:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int
    paragraphs: int


def micro_f1(gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]]) -> MicroF1:
    """Subtask 3's measure: micro-averaged F1 over (paragraph, label) pairs."""
    hits = n_pred = n_gold = 0
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(g), set(p)
        hits += len(gs & ps)
        n_pred += len(ps)
        n_gold += len(gs)
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return MicroF1(precision, recall, f1, n_pred, n_gold, len(gold))


def score(folder: Path, split: str = "dev", limit: int | None = None) -> dict[str, Any]:
    """The paragraph model on a split: micro-F1 over the 23 labels, and over the report's 14."""
    from claimledger.framing.paragraphs import LABELS, TO_REPORT, load_model  # noqa: PLC0415

    articles = read_split(folder, split)[:limit]
    if not articles:
        raise InputError(f"no articles to score in {folder}")
    model = load_model()
    began = time.perf_counter()
    gold: list[frozenset[str]] = []
    predicted: list[set[str]] = []
    for paragraphs in articles:
        probs = model.probabilities([p.text for p in paragraphs])
        for p, row in zip(paragraphs, probs, strict=True):
            gold.append(p.labels)
            predicted.append({LABELS[j] for j in np.flatnonzero(row >= model.head.thresholds)})
    seconds = time.perf_counter() - began
    full = micro_f1(gold, predicted)
    mapped = micro_f1(
        [_report_labels(g, TO_REPORT) for g in gold], [_report_labels(p, TO_REPORT) for p in predicted]
    )
    return {
        "micro_f1": round(full.f1, 4),
        "precision": round(full.precision, 4),
        "recall": round(full.recall, 4),
        "micro_f1_14_labels": round(mapped.f1, 4),
        "counts": {
            "articles": len(articles),
            "paragraphs": full.paragraphs,
            "gold_labels": full.gold,
            "predicted_labels": full.predicted,
        },
        "seconds": round(seconds, 1),
        "corpus": str(folder / f"{split}-labels-subtask-3.txt"),
        "model": model.card.get("encoder", ""),
    }


def _report_labels(labels: Iterable[str], mapping: dict[str, str | None]) -> set[str]:
    return {m for m in (mapping[t] for t in labels) if m is not None}
