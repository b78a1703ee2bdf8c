"""Train the technique model on PTC: `python -m claimledger.framing.train` (`make train-techniques`).

Encodes the corpus once (cached under build/), then trains two small heads over the frozen features
on the training articles: the SI tagger (a BiLSTM) and the TC classifier (an MLP). Epochs and the SI
decoding are picked on a tuning slice of the training articles; the validation articles
(ptc.is_validation) are never seen. Writes the heads and their card data into claimledger/resources;
`claimledger eval ptc --held-out` scores the validation articles.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from claimledger.framing import model as model_io
from claimledger.framing.cache import cached_features
from claimledger.framing.encoder import FEATURES, VERSION, Encoded
from claimledger.framing.heads import (
    Decoding,
    article_probabilities,
    head_classes,
    padded,
    span_features,
    span_pieces,
    spans_from_probabilities,
)
from claimledger.framing.ptc import (
    LABELS,
    Article,
    is_validation,
    merge,
    read_articles,
    read_corpus,
    si_score,
    tc_correct,
    tc_groups,
)

if TYPE_CHECKING:
    import torch
    from torch import nn

# SI decodings tried on the tuning articles: a coarse grid after each epoch (to pick the epoch), a
# finer one for the final ensemble
COARSE = [
    Decoding(low, high, gap)
    for low, high, gap in itertools.product((0.2, 0.3, 0.4), (0.4, 0.5, 0.6), (0, 2))
    if high >= low
]
DECODINGS = [
    Decoding(low, high, gap)
    for low, high, gap in itertools.product(
        (0.2, 0.25, 0.3, 0.35, 0.4, 0.45), (0.4, 0.45, 0.5, 0.55, 0.6), (0, 1, 2, 3, 4, 6, 8)
    )
    if high >= low
]


def is_tuning(article_id: str) -> bool:
    """Training articles whose numeric id ends in 1 or 6 choose epochs and the SI decoding."""
    return fold_of(article_id) == 1


FOLDS = (1, 2, 3, 4)  # the training and tuning articles by id modulo 5 (0: validation, never used)


def fold_of(article_id: str) -> int:
    """An article's fold: its id modulo 5 (-1, in no fold and always trained on, for a non-numeric id)."""
    return int(article_id) % 5 if article_id.isdigit() else -1


@dataclass
class Norm:
    mean: npt.NDArray[np.float32]
    std: npt.NDArray[np.float32]

    def __call__(self, x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        out: npt.NDArray[np.float32] = ((x - self.mean) / self.std).astype(np.float32)
        return out


def fit_norm(x: npt.NDArray[np.float32]) -> Norm:
    return Norm(x.mean(0).astype(np.float32), (x.std(0) + 1e-4).astype(np.float32))


def piece_labels(article: Article, enc: Encoded) -> npt.NDArray[np.float32]:
    y = np.zeros(len(enc), dtype=np.float32)
    for start, end in merge((s.start, s.end) for s in article.spans):
        a, b = span_pieces(enc, start, end)
        y[a:b] = 1.0
    return y


# --- several seeds at once ---------------------------------------------------------------------

_SHARED: dict[str, Any] = {}  # a job's inputs, handed to forked workers without pickling them


def run_seeds(
    job: Callable[[int], tuple[dict[str, Any], dict[str, Any]]],
    seeds: Sequence[int],
    jobs: int,
    **shared: object,
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """`job(seed)` for each seed, in `jobs` forked worker processes (one thread each) or in this one.

    The ensemble members are independent, so on a machine with spare cores they train side by side;
    each is seeded, so the result does not depend on `jobs`.
    """
    _SHARED.clear()
    _SHARED.update(shared)
    if jobs <= 1:
        return [job(seed) for seed in seeds]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(job, seeds))


def _one_thread() -> None:
    import torch  # noqa: PLC0415

    torch.set_num_threads(1)


# --- SI: the BiLSTM tagger over frozen features ---------------------------------------------------


def best_decoding(
    tune: Sequence[Article],
    encoded: dict[str, Encoded],
    probs: dict[str, npt.NDArray[np.float32]],
    grid: Sequence[Decoding] = DECODINGS,
) -> tuple[Decoding, dict[str, float]]:
    gold = {a.id: [(s.start, s.end) for s in a.spans] for a in tune}
    best: tuple[float, Decoding, dict[str, float]] = (-1.0, grid[0], {})
    for decoding in grid:
        predicted = {
            a.id: [
                (s, e) for s, e, _ in spans_from_probabilities(a.text, encoded[a.id], probs[a.id], decoding)
            ]
            for a in tune
        }
        score = si_score(predicted, gold)
        if score.f1 > best[0]:
            best = (
                score.f1,
                decoding,
                {"precision": score.precision, "recall": score.recall, "f1": score.f1},
            )
    return best[1], best[2]


def _window_batch(
    windows: Sequence[tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]],
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Features, labels, a mask of real pieces and the lengths of a batch of windows."""
    import torch  # noqa: PLC0415

    xs, lengths = padded([x for x, _ in windows])
    ys = np.zeros(xs.shape[:2], dtype=np.float32)
    ms = np.zeros(xs.shape[:2], dtype=np.float32)
    for row, (_, y) in enumerate(windows):
        ys[row, : len(y)] = y
        ms[row, : len(y)] = 1
    return torch.from_numpy(xs), torch.from_numpy(ys), torch.from_numpy(ms), torch.from_numpy(lengths)


Windows = list[tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]]


def tune_probabilities(
    taggers: Sequence[nn.Module],
    tune: Sequence[Article],
    tune_x: dict[str, npt.NDArray[np.float32]],
    encoded: dict[str, Encoded],
) -> dict[str, npt.NDArray[np.float32]]:
    probs = article_probabilities(taggers, [(tune_x[a.id], encoded[a.id].windows) for a in tune])
    return {a.id: p for a, p in zip(tune, probs, strict=True)}


def train_tagger(
    windows: Windows,
    tune: Sequence[Article],
    tune_x: dict[str, npt.NDArray[np.float32]],
    encoded: dict[str, Encoded],
    epochs: int,
    seed: int,
) -> tuple[nn.Module, dict[str, Any]]:
    """One BiLSTM tagger, kept at its best epoch on the tuning articles."""
    import torch  # noqa: PLC0415

    tagger_cls, _ = head_classes()
    torch.manual_seed(seed)
    tagger = tagger_cls()
    optimizer = torch.optim.AdamW(tagger.parameters(), lr=2e-3, weight_decay=1e-2)
    best: tuple[float, dict[str, Any], dict[str, Any]] = (-1.0, {}, {})
    for epoch in range(epochs):
        tagger.train()
        order = np.random.default_rng(seed * 100 + epoch).permutation(len(windows))
        for idx in np.array_split(order, max(1, len(windows) // 16)):
            xb, yb, mb, lengths = _window_batch([windows[i] for i in idx])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                tagger(xb, lengths), yb, weight=mb, reduction="sum"
            )
            optimizer.zero_grad()
            (loss / mb.sum()).backward()  # type: ignore[no-untyped-call]
            optimizer.step()
        tagger.eval()
        if not tune:  # a refit: the epoch count was chosen beforehand, keep the last
            best = (0.0, tagger.state_dict(), {"epoch": epoch + 1})
            continue
        probs = tune_probabilities([tagger], tune, tune_x, encoded)
        decoding, figures = best_decoding(tune, encoded, probs, COARSE)
        if figures["f1"] > best[0]:
            state = {k: v.clone() for k, v in tagger.state_dict().items()}
            best = (figures["f1"], state, {"epoch": epoch + 1, **figures})
        print(f"SI tagger {seed} epoch {epoch + 1}: tune F1 {figures['f1']:.4f} {decoding}")
    tagger.load_state_dict(best[1])
    return tagger, best[2]


def _tagger_job(seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    _one_thread()
    d = _SHARED
    epochs = d["epochs"][seed] if isinstance(d["epochs"], dict) else d["epochs"]
    tagger, figures = train_tagger(d["windows"], d["tune"], d["tune_x"], d["encoded"], epochs, seed)
    return tagger.state_dict(), figures


def _loaded(module: nn.Module, state: dict[str, Any]) -> nn.Module:
    module.load_state_dict(state)
    return module.eval()


def si_windows(articles: Sequence[Article], encoded: dict[str, Encoded]) -> tuple[Norm, Windows]:
    """The articles' windows as (normalized features, piece labels), with the normalization."""
    norm = fit_norm(np.concatenate([encoded[a.id].features for a in articles]))
    windows: Windows = []
    for article in articles:
        enc = encoded[article.id]
        x, y = norm(enc.features), piece_labels(article, enc)
        windows.extend((x[a:b], y[a:b]) for a, b in enc.windows)
    print(f"SI: {len(windows)} windows, {sum(len(y) for _, y in windows)} pieces")
    return norm, windows


def train_si(
    train: Sequence[Article],
    tune: Sequence[Article],
    encoded: dict[str, Encoded],
    epochs: int,
    taggers: int,
    jobs: int = 1,
) -> tuple[list[nn.Module], Norm, Decoding, dict[str, Any]]:
    """An ensemble of taggers (different seeds; their probabilities averaged) and its decoding."""
    norm, windows = si_windows(train, encoded)
    tune_x = {a.id: norm(encoded[a.id].features) for a in tune}
    seeds = [13 + n for n in range(taggers)]
    trained = run_seeds(
        _tagger_job, seeds, jobs, windows=windows, tune=tune, tune_x=tune_x, encoded=encoded, epochs=epochs
    )
    tagger_cls, _ = head_classes()
    models = [_loaded(tagger_cls(), state) for state, _ in trained]
    probs = tune_probabilities(models, tune, tune_x, encoded)
    decoding, figures = best_decoding(tune, encoded, probs)
    print(f"SI ensemble of {taggers}: tune F1 {figures['f1']:.4f} {decoding}")
    return models, norm, decoding, {**figures, "taggers": [f for _, f in trained]}


def out_of_fold(
    fit: Sequence[Article],
    cached: dict[str, Encoded],
    epochs: dict[int, int],
    folds: Sequence[int],
    cache: Path,
    jobs: int = 1,
) -> dict[str, npt.NDArray[np.float32]]:
    """Tagger-ensemble probabilities for the articles of `folds`, each fold's from members trained
    the shipped way (same seeds and epoch counts, no tuning) on the other folds' articles.

    So the decoding is chosen on probabilities from taggers that did not see the articles, like
    the validation articles' at run time, over all the folds rather than the 67 tuning articles
    alone. A fold's probabilities are kept in the cache: a later run reuses them.
    """
    import torch  # noqa: PLC0415

    tagger_cls, _ = head_classes()
    out: dict[str, npt.NDArray[np.float32]] = {}
    for fold in folds:
        path = fold_path(cache, fold, epochs, "npz")
        held = [a for a in fit if fold_of(a.id) == fold]
        rest = [a for a in fit if fold_of(a.id) != fold]
        if not held or not rest:
            continue
        if not path.is_file():
            norm, windows = si_windows(rest, cached)
            states = run_seeds(
                _tagger_job,
                list(epochs),
                jobs,
                windows=windows,
                tune=[],
                tune_x={},
                encoded=cached,
                epochs=epochs,
            )
            taggers = [_loaded(tagger_cls(), state) for state, _ in states]
            held_x = {a.id: norm(cached[a.id].features) for a in held}
            scored: dict[str, Any] = tune_probabilities(taggers, held, held_x, cached)
            np.savez(path, **scored)
            kept = {"states": [state for state, _ in states], "mean": norm.mean, "std": norm.std}
            torch.save(kept, fold_path(cache, fold, epochs, "pt"))
            print(f"fold {fold}: {len(held)} articles scored by taggers trained on the other folds")
        with np.load(path) as data:
            out |= {a.id: data[a.id] for a in held}
    return out


def fold_path(cache: Path, fold: int, epochs: dict[int, int], kind: str) -> Path:
    """A fold's cached probabilities (npz) or taggers (pt), named by the recipe that made them."""
    recipe = "-".join(f"s{seed}e{n}" for seed, n in sorted(epochs.items()))
    return cache / VERSION / f"si-out-of-fold-{fold}-{recipe}.{kind}"


def pieces_probabilities(
    taggers: Sequence[nn.Module], norm: Norm, articles: Sequence[Article], cached: dict[str, Encoded]
) -> npt.NDArray[np.float32]:
    """An ensemble's probabilities for every piece of the articles, in one array."""
    found = article_probabilities(
        taggers, [(norm(cached[a.id].features), cached[a.id].windows) for a in articles]
    )
    return np.concatenate(found)


def transfer(
    decoding: Decoding, folds: Sequence[npt.NDArray[np.float32]], shipped: npt.NDArray[np.float32]
) -> tuple[Decoding, dict[str, float]]:
    """Thresholds for the shipped taggers that flag the share of pieces of unlabelled text that the
    fold taggers flag at `decoding`'s: the shipped members were trained on more articles for the
    same epochs, so their probabilities may sit elsewhere, and the decoding chosen for the fold
    taggers would then be off for them."""
    rates = {
        name: float(np.mean([(p >= t).mean() for p in folds]))
        for name, t in (("low", decoding.low), ("high", decoding.high))
    }
    low, high = (round(float(np.quantile(shipped, 1 - rates[name])), 3) for name in ("low", "high"))
    return Decoding(low, max(low, high), decoding.gap), rates


def choose_decoding(
    ptc: Path, cache: Path, out: Path, folds: Sequence[int], jobs: int, limit: int | None = None
) -> tuple[Decoding, dict[str, Any]]:
    """The SI decoding for the shipped taggers, into the card: chosen on out-of-fold probabilities,
    then carried over to the shipped taggers on PTC's unlabelled test articles (`transfer`)."""
    import torch  # noqa: PLC0415

    card_path = out / model_io.CARD
    card = json.loads(card_path.read_text(encoding="utf-8"))
    epochs = {13 + n: int(f["epoch"]) for n, f in enumerate(card["tune_scores"]["si"]["taggers"])}
    articles = read_corpus(ptc / "train-articles", ptc / "train-task-flc-tc.labels")[:limit]
    fit = [a for a in articles if not is_validation(a.id)]
    cached = cached_features(fit, cache)
    probs = out_of_fold(fit, cached, epochs, folds, cache, jobs)
    scored = [a for a in fit if a.id in probs]
    decoding, figures = best_decoding(scored, cached, probs, DECODINGS)
    print(f"SI decoding on {len(scored)} out-of-fold articles: F1 {figures['f1']:.4f} {decoding}")
    reference = read_articles(ptc / "test-articles")[:limit]
    encoded = cached_features(reference, cache)
    tagger_cls, _ = head_classes()
    fold_pieces = []
    for fold in folds:
        if fold_path(cache, fold, epochs, "pt").is_file():
            kept = torch.load(fold_path(cache, fold, epochs, "pt"), weights_only=False)
            taggers = [_loaded(tagger_cls(), state) for state in kept["states"]]
            fold_pieces.append(
                pieces_probabilities(taggers, Norm(kept["mean"], kept["std"]), reference, encoded)
            )
    carried, rates = decoding, dict[str, float]()
    if fold_pieces:  # folds scored by an earlier run without their taggers kept: no transfer
        shipped = model_io.TechniqueModel(out)
        shipped_pieces = pieces_probabilities(
            shipped.taggers, Norm(shipped.si_mean, shipped.si_std), reference, encoded
        )
        carried, rates = transfer(decoding, fold_pieces, shipped_pieces)
    print(f"carried over to the shipped taggers on {len(reference)} unlabelled articles: {carried}")
    card["decoding"] = asdict(carried)
    card["decoding_choice"] = {
        "out_of_fold": {"folds": list(folds), "articles": len(scored), **asdict(decoding), **figures},
        "transfer": {
            "reference_articles": len(reference),
            "folds_with_taggers": len(fold_pieces),
            "rates": rates,
        },
    }
    card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return carried, figures


# --- TC: the span classifier over frozen features -------------------------------------------------


def tc_matrix(articles: Sequence[Article], cached: dict[str, Encoded]) -> tuple[npt.NDArray[np.float32], Any]:
    x, y = [], []
    for article in articles:
        enc = cached[article.id]
        for span in article.spans:
            x.append(span_features(article.text, enc, span.start, span.end))
            y.append(LABELS.index(span.technique))
    return np.stack(x).astype(np.float32), np.array(y)


def tc_accuracy(
    classifiers: Sequence[nn.Module], x: npt.NDArray[np.float32], gold: Sequence[Counter[str]]
) -> float:
    """Micro-F1 over grouped gold spans (features `x`, one row per group), k guesses for k labels."""
    import torch  # noqa: PLC0415

    with torch.inference_mode():
        probs = torch.stack([torch.softmax(c(torch.from_numpy(x)), dim=1) for c in classifiers]).mean(0)
        ranking = torch.argsort(probs, dim=1, descending=True)
    correct = sum(tc_correct([LABELS[i] for i in ranking[n]], labels) for n, labels in enumerate(gold))
    return correct / sum(sum(labels.values()) for labels in gold)


def train_classifier(
    x_t: torch.Tensor,
    y_t: torch.Tensor,
    tune: tuple[npt.NDArray[np.float32], Sequence[Counter[str]]],
    epochs: int,
    seed: int,
) -> tuple[nn.Module, dict[str, float]]:
    """One MLP, kept at its best epoch on the tuning articles."""
    import torch  # noqa: PLC0415

    _, classifier_cls = head_classes()
    torch.manual_seed(seed)
    classifier = classifier_cls(len(LABELS))
    optimizer = torch.optim.AdamW(classifier.parameters(), lr=1e-3, weight_decay=5e-2)
    best: tuple[float, dict[str, Any], int] = (-1.0, {}, 0)
    for epoch in range(epochs):
        classifier.train()
        order = torch.randperm(len(y_t))
        for i in range(0, len(order), 64):
            idx = order[i : i + 64]
            loss = torch.nn.functional.cross_entropy(classifier(x_t[idx]), y_t[idx], label_smoothing=0.05)
            optimizer.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimizer.step()
        classifier.eval()
        if not len(tune[1]):  # a refit: the epoch count was chosen beforehand, keep the last
            best = (0.0, classifier.state_dict(), epoch + 1)
            continue
        accuracy = tc_accuracy([classifier], *tune)
        if accuracy > best[0]:
            best = (accuracy, {k: v.clone() for k, v in classifier.state_dict().items()}, epoch + 1)
    chosen = f"best tune micro-F1 {best[0]:.4f} at epoch {best[2]}" if len(tune[1]) else f"{epochs} epochs"
    print(f"TC classifier {seed}: {chosen}")
    classifier.load_state_dict(best[1])
    return classifier, {"epoch": best[2], "micro_f1": best[0]}


def _classifier_job(seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    _one_thread()
    d = _SHARED
    epochs = d["epochs"][seed] if isinstance(d["epochs"], dict) else d["epochs"]
    classifier, figures = train_classifier(d["x"], d["y"], d["tune"], epochs, seed)
    return classifier.state_dict(), figures


def train_tc(
    train: Sequence[Article],
    tune: Sequence[Article],
    cached: dict[str, Encoded],
    epochs: int,
    classifiers: int,
    jobs: int = 1,
) -> tuple[list[nn.Module], Norm, dict[str, Any]]:
    """An ensemble of MLPs (different seeds; their probabilities averaged)."""
    import torch  # noqa: PLC0415

    x_raw, y = tc_matrix(train, cached)
    norm = fit_norm(x_raw)
    x_t, y_t = torch.tensor(norm(x_raw)), torch.tensor(y)
    groups = tc_groups(tune)
    tune_x = norm(np.stack([span_features(a.text, cached[a.id], s, e) for a, s, e, _ in groups]))
    tune_gold = [labels for _, _, _, labels in groups]
    print(f"TC: {len(y)} training spans")
    seeds = [13 + n for n in range(classifiers)]
    trained = run_seeds(_classifier_job, seeds, jobs, x=x_t, y=y_t, tune=(tune_x, tune_gold), epochs=epochs)
    _, classifier_cls = head_classes()
    models = [_loaded(classifier_cls(len(LABELS)), state) for state, _ in trained]
    accuracy = tc_accuracy(models, tune_x, tune_gold)
    print(f"TC ensemble of {classifiers}: tune micro-F1 {accuracy:.4f}")
    return models, norm, {"micro_f1": accuracy, "classifiers": [f for _, f in trained]}


def refit(
    fit: Sequence[Article], cached: dict[str, Encoded], epochs: dict[str, dict[int, int]], jobs: int
) -> tuple[list[nn.Module], Norm, list[nn.Module], Norm]:
    """Each ensemble member again, on the training and tuning articles together, for the number of
    epochs it was kept at: the tuning articles chose epochs and decoding, and then add their spans
    to what the shipped heads learn from (the validation articles stay unseen)."""
    import torch  # noqa: PLC0415

    tagger_cls, classifier_cls = head_classes()
    x_raw, y = tc_matrix(fit, cached)
    tc_norm = fit_norm(x_raw)
    no_tune: tuple[npt.NDArray[np.float32], list[Counter[str]]] = (
        np.zeros((0, x_raw.shape[1]), dtype=np.float32),
        [],
    )
    states = run_seeds(
        _classifier_job,
        list(epochs["tc"]),
        jobs,
        x=torch.tensor(tc_norm(x_raw)),
        y=torch.tensor(y),
        tune=no_tune,
        epochs=epochs["tc"],
    )
    classifiers = [_loaded(classifier_cls(len(LABELS)), state) for state, _ in states]
    si_norm, windows = si_windows(fit, cached)
    states = run_seeds(
        _tagger_job,
        list(epochs["si"]),
        jobs,
        windows=windows,
        tune=[],
        tune_x={},
        encoded=cached,
        epochs=epochs["si"],
    )
    taggers = [_loaded(tagger_cls(), state) for state, _ in states]
    print(f"refit on {len(fit)} articles: {len(y)} TC spans")
    return taggers, si_norm, classifiers, tc_norm


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--ptc", type=Path, default=Path("../shared/data/ptc-semeval2020"))
    parser.add_argument("--cache", type=Path, default=Path("build/framing-cache"))
    parser.add_argument("--out", type=Path, default=model_io.RESOURCES)
    parser.add_argument("--si-epochs", type=int, default=7)
    parser.add_argument("--taggers", type=int, default=2, help="SI taggers in the ensemble")
    parser.add_argument("--tc-epochs", type=int, default=40)
    parser.add_argument("--classifiers", type=int, default=3, help="TC classifiers in the ensemble")
    parser.add_argument("--jobs", type=int, default=1, help="ensemble members trained at once (processes)")
    parser.add_argument(
        "--refit",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="retrain the chosen members on training and tuning articles together (the default)",
    )
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles (smoke test)")
    parser.add_argument(
        "--decoding-only",
        action="store_true",
        help="keep the heads in --out; choose their SI decoding on out-of-fold probabilities into the card",
    )
    parser.add_argument(
        "--folds", default=",".join(map(str, FOLDS)), help="with --decoding-only: the folds (id %% 5) to use"
    )
    args = parser.parse_args(argv)
    import torch  # noqa: PLC0415

    torch.set_num_threads(1)  # one core: these machines are shared
    if args.decoding_only:
        folds = [int(f) for f in args.folds.split(",")]
        choose_decoding(args.ptc, args.cache, args.out, folds, args.jobs, args.limit)
        return
    began = time.time()
    articles = read_corpus(args.ptc / "train-articles", args.ptc / "train-task-flc-tc.labels")[: args.limit]
    fit = [a for a in articles if not is_validation(a.id)]
    train = [a for a in fit if not is_tuning(a.id)] or fit
    tune = [a for a in fit if is_tuning(a.id)] or fit
    cached = cached_features(fit, args.cache)
    print(f"{len(train)} training and {len(tune)} tuning articles encoded in {time.time() - began:.0f}s")
    classifiers, tc_norm, tc_figures = train_tc(
        train, tune, cached, args.tc_epochs, args.classifiers, args.jobs
    )
    taggers, si_norm, decoding, si_figures = train_si(
        train, tune, cached, args.si_epochs, args.taggers, args.jobs
    )
    if args.refit:
        epochs = {
            "tc": {13 + n: f["epoch"] for n, f in enumerate(tc_figures["classifiers"])},
            "si": {13 + n: f["epoch"] for n, f in enumerate(si_figures["taggers"])},
        }
        taggers, si_norm, classifiers, tc_norm = refit(fit, cached, epochs, args.jobs)
    card = {
        "encoder": VERSION,
        "features": FEATURES,
        "labels": list(LABELS),
        "decoding": asdict(decoding),
        "taggers": len(taggers),
        "classifiers": len(classifiers),
        "articles": {"train": len(train), "tune": len(tune), "validation_held_out": len(articles) - len(fit)},
        # tune_scores are those of the members trained on `train` alone; with refit, the shipped
        # members were then retrained on train and tune together for the same epochs
        "refit": args.refit,
        "tune_scores": {"si": si_figures, "tc": tc_figures},
        "seconds": round(time.time() - began),
    }
    model_io.save(args.out, taggers, classifiers, si_norm, tc_norm, card)
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
