"""The Propaganda Techniques Corpus format (SemEval-2020 Task 11) and its two measures.

Articles are `article<ID>.txt`; technique gold is `ID<TAB>technique<TAB>start<TAB>end` lines. The SI
measure is the task's own: each predicted span earns the share of it that overlaps gold (precision),
each gold span the share of it that is covered (recall), over merged, label-free spans. TC is scored
given the gold spans: a span annotated with k techniques is given the model's k best labels.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.errors import InputError

LABELS: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)


@dataclass(frozen=True)
class GoldSpan:
    technique: str
    start: int
    end: int


@dataclass
class Article:
    id: str
    text: str
    path: Path
    spans: list[GoldSpan] = field(default_factory=list)


def read_corpus(articles_dir: Path, labels_file: Path) -> list[Article]:
    """Every `article<ID>.txt` under the folder, with its gold spans from the labels file."""
    if not articles_dir.is_dir():
        raise InputError(f"{articles_dir} is not a folder of article<ID>.txt files")
    articles = {
        path.stem.removeprefix("article"): Article(path.stem.removeprefix("article"), _read(path), path)
        for path in sorted(articles_dir.glob("article*.txt"))
    }
    if not articles:
        raise InputError(f"{articles_dir} holds no article<ID>.txt files")
    for article_id, span in read_labels(labels_file):
        if article_id in articles:
            articles[article_id].spans.append(span)
    return list(articles.values())


def read_articles(articles_dir: Path) -> list[Article]:
    """Every `article<ID>.txt` under the folder, without gold (PTC's test articles have none)."""
    return [
        Article(path.stem.removeprefix("article"), _read(path), path)
        for path in sorted(articles_dir.glob("article*.txt"))
    ]


def _read(path: Path) -> str:
    # newline="" keeps the offsets the organizers computed (Python code points, line ends as stored)
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def read_labels(labels_file: Path) -> Iterable[tuple[str, GoldSpan]]:
    if not labels_file.is_file():
        raise InputError(f"{labels_file} is not a file of ID<TAB>technique<TAB>start<TAB>end lines")
    for number, line in enumerate(labels_file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4 or not parts[2].isdigit() or not parts[3].isdigit():
            raise InputError(f"{labels_file}:{number}: expected ID<TAB>technique<TAB>start<TAB>end")
        yield parts[0], GoldSpan(parts[1], int(parts[2]), int(parts[3]))


def is_validation(article_id: str) -> bool:
    """The held-out split of PTC train used for our figures: articles whose numeric id ends in 0 or 5."""
    return article_id.isdigit() and int(article_id) % 5 == 0


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ranges joined, sorted (the SI task's label-free view)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@dataclass(frozen=True)
class SiScore:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int


def si_score(predicted: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]) -> SiScore:
    """SemEval-2020 Task 11 SI: partial credit by character overlap, over merged spans."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for article_id in set(predicted) | set(gold):
        pred = merge(predicted.get(article_id, []))
        ref = merge(gold.get(article_id, []))
        n_pred += len(pred)
        n_gold += len(ref)
        for ps, pe in pred:
            for gs, ge in ref:
                overlap = min(pe, ge) - max(ps, gs)
                if overlap > 0:
                    p_sum += overlap / (pe - ps)
                    r_sum += overlap / (ge - gs)
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SiScore(precision, recall, f1, n_pred, n_gold)


def tc_groups(articles: Sequence[Article]) -> list[tuple[Article, int, int, Counter[str]]]:
    """Gold TC instances grouped by span: (article, start, end, techniques with multiplicity)."""
    out: list[tuple[Article, int, int, Counter[str]]] = []
    for article in articles:
        grouped: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
        for span in article.spans:
            grouped[(span.start, span.end)][span.technique] += 1
        out.extend((article, s, e, labels) for (s, e), labels in sorted(grouped.items()))
    return out


def tc_correct(ranked: Sequence[str], gold: Counter[str]) -> int:
    """How many of a span's gold labels its k best predictions hit (k = number of gold labels)."""
    k = sum(gold.values())
    guessed = Counter(ranked[:k])
    return sum(min(n, gold[label]) for label, n in guessed.items())
