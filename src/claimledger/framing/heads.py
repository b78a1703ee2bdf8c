"""The two small trained heads over frozen MiniLM features, and the features they read.

SI: a BiLSTM tagger giving each word piece the probability that it lies inside a technique span.
TC: an MLP over a span's pieces (mean, first, last), its context, and a few surface cues the encoder
cannot see from a window (the span repeated elsewhere in the article, a question mark, its length).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from claimledger.framing.encoder import FEATURES, Encoded

if TYPE_CHECKING:
    import torch
    from torch import nn

CONTEXT = 24  # pieces each side of a span that make its context vector
CUES = 8
SPAN_FEATURES = 4 * FEATURES + CUES
_WORD = re.compile(r"\w+")


def span_pieces(enc: Encoded, start: int, end: int) -> tuple[int, int]:
    """The piece range [a, b) overlapping characters [start, end); empty when none does."""
    a = int(np.searchsorted(enc.ends, start, side="right"))
    b = int(np.searchsorted(enc.starts, end, side="left"))
    return a, max(a, b)


def span_features(text: str, enc: Encoded, start: int, end: int) -> npt.NDArray[np.float32]:
    a, b = span_pieces(enc, start, end)
    feats = enc.features[:, :FEATURES]  # the frozen features; the SI branch's columns follow
    if b <= a:  # a span inside one piece's gap (whitespace only): use the nearest piece
        a, b = min(a, len(enc) - 1), min(a, len(enc) - 1) + 1
    inside = feats[a:b]
    context = feats[max(0, a - CONTEXT) : min(len(enc), b + CONTEXT)]
    return np.concatenate([inside.mean(0), inside[0], inside[-1], context.mean(0), cues(text, start, end)])


def cues(text: str, start: int, end: int) -> npt.NDArray[np.float32]:
    """Surface cues: repetition in the article, punctuation, length, quotation, capitals, position."""
    surface = text[start:end]
    key = " ".join(_WORD.findall(surface.lower()))
    repeats = whole_word_count(text.lower(), key) - 1 if key else 0
    words = len(_WORD.findall(surface))
    before = text[max(0, start - 1) : start]
    letters = [c for c in surface if c.isalpha()]
    return np.array(
        [
            min(repeats, 4) / 4,
            float(repeats > 0),
            float("?" in text[start : min(len(text), end + 2)]),
            float("!" in text[start : min(len(text), end + 2)]),
            np.log1p(words) / 4,
            float(before in "\"“'‘«"),
            sum(c.isupper() for c in letters) / max(1, len(letters)),
            start / max(1, len(text)),
        ],
        dtype=np.float32,
    )


def whole_word_count(haystack: str, key: str) -> int:
    """Non-overlapping occurrences of `key` (which begins and ends with a word character) not inside
    a longer word: what `re.findall(r"\b" + re.escape(key) + r"\b", haystack)` counts, without
    compiling a pattern per span (those compiles took some 6 % of the framing stage under cProfile)."""
    count, at = 0, haystack.find(key)
    while at >= 0:
        end = at + len(key)
        alone = at == 0 or not _is_word(haystack[at - 1])
        if alone and (end == len(haystack) or not _is_word(haystack[end])):
            count += 1
            at = haystack.find(key, end)
        else:
            at = haystack.find(key, at + 1)
    return count


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # the str patterns' \w


@lru_cache(maxsize=1)
def head_classes() -> tuple[type[nn.Module], type[nn.Module]]:
    """(SiTagger, TcClassifier), defined on first use so that importing this module skips torch."""
    import torch  # noqa: PLC0415
    from torch import nn  # noqa: PLC0415

    class SiTagger(nn.Module):
        def __init__(
            self, inputs: int = FEATURES, hidden: int = 128, lstm: int = 96, dropout: float = 0.3
        ) -> None:
            super().__init__()
            self.project = nn.Sequential(nn.Dropout(dropout), nn.Linear(inputs, hidden), nn.GELU())
            self.lstm = nn.LSTM(hidden, lstm, batch_first=True, bidirectional=True)
            self.out = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * lstm, 1))

        def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
            """Logits per piece of a padded batch; packed, so that padding never reaches the
            backward direction and a sequence's output does not depend on its batch mates."""
            packed = nn.utils.rnn.pack_padded_sequence(
                self.project(x), lengths, batch_first=True, enforce_sorted=False
            )
            h, _ = nn.utils.rnn.pad_packed_sequence(
                self.lstm(packed)[0], batch_first=True, total_length=x.shape[1]
            )
            logits: torch.Tensor = self.out(h).squeeze(-1)
            return logits

        def infer(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
            """The forward's logits on real pieces (padding rows hold anything), in a fifth less time
            at run time: each direction runs unpacked over the padded batch, the backward one on every
            window reversed within its length, which takes torch's fused LSTM kernel; padding still
            follows a window's real pieces in both, so it reaches none of them (equal to the
            forward's within float rounding, 1e-6; a test compares them)."""
            h = self.project(x)
            steps = torch.arange(x.shape[1]).expand(x.shape[0], -1)
            flip = torch.where(steps < lengths[:, None], lengths[:, None] - 1 - steps, steps).unsqueeze(-1)
            ahead = _one_way(self.lstm, h, "")
            back = _one_way(self.lstm, torch.gather(h, 1, flip.expand(-1, -1, h.shape[-1])), "_reverse")
            back = torch.gather(back, 1, flip.expand(-1, -1, back.shape[-1]))
            logits: torch.Tensor = self.out(torch.cat([ahead, back], dim=-1)).squeeze(-1)
            return logits

    def _one_way(lstm: nn.LSTM, x: torch.Tensor, direction: str) -> torch.Tensor:
        """One direction of a one-layer bidirectional LSTM (`direction` "" or "_reverse") over x."""
        weights = [
            getattr(lstm, f"{name}_l0{direction}")
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
        ]
        zeros = x.new_zeros(1, x.shape[0], lstm.hidden_size)
        out: torch.Tensor = torch.lstm(x, (zeros, zeros), weights, True, 1, 0.0, False, False, True)[0]
        return out

    class TcClassifier(nn.Module):
        def __init__(self, labels: int = 14, hidden: int = 256, dropout: float = 0.4) -> None:
            super().__init__()
            self.net = nn.Sequential(
                nn.Dropout(dropout),
                nn.Linear(SPAN_FEATURES, hidden),
                nn.GELU(),
                nn.Dropout(dropout),
                nn.Linear(hidden, labels),
            )

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            logits: torch.Tensor = self.net(x)
            return logits

    return SiTagger, TcClassifier


def padded(
    sequences: Sequence[npt.NDArray[np.float32]],
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """Sequences of feature rows as one zero-padded (batch, longest, width) array, and their lengths."""
    lengths = np.array([len(x) for x in sequences], dtype=np.int64)
    batch = np.zeros((len(sequences), int(lengths.max()), sequences[0].shape[1]), dtype=np.float32)
    for row, x in enumerate(sequences):
        batch[row, : len(x)] = x
    return batch, lengths


def si_probabilities(
    taggers: Sequence[nn.Module], sequences: Sequence[npt.NDArray[np.float32]]
) -> list[npt.NDArray[np.float32]]:
    """Inside-span probability per piece of each sequence (a window), averaged over the taggers.

    All sequences go through each tagger as one batch: a call per tagger rather than per text and
    tagger, which is what makes the taggers cheap at run time.
    """
    import torch  # noqa: PLC0415

    kept = [x for x in sequences if len(x)]
    if not kept:
        return [np.zeros(0, dtype=np.float32) for _ in sequences]
    batch, lengths = padded(kept)
    x, n = torch.from_numpy(batch), torch.from_numpy(lengths)
    with torch.inference_mode():
        probs = np.mean([torch.sigmoid(_infer(tagger, x, n)).numpy() for tagger in taggers], axis=0)
    rows = iter(range(len(kept)))
    return [probs[next(rows), : len(x)] if len(x) else np.zeros(0, dtype=np.float32) for x in sequences]


def _infer(tagger: nn.Module, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    module: Any = tagger  # a SiTagger, whose class head_classes() defines at run time
    logits: torch.Tensor = module.infer(x, lengths)
    return logits


def article_probabilities(
    taggers: Sequence[nn.Module],
    articles: Sequence[tuple[npt.NDArray[np.float32], Sequence[tuple[int, int]]]],
) -> list[npt.NDArray[np.float32]]:
    """Per-piece probabilities of several articles (normalized features, windows), in one batch."""
    sequences = [x[a:b] for x, cuts in articles for a, b in cuts]
    probs = si_probabilities(taggers, sequences)
    out: list[npt.NDArray[np.float32]] = []
    at = 0
    for x, cuts in articles:
        parts = probs[at : at + len(cuts)]
        at += len(cuts)
        out.append(np.concatenate(parts) if parts else np.zeros(len(x), dtype=np.float32))
    return out


@dataclass(frozen=True)
class Decoding:
    """From piece probabilities to spans: runs above `low`, joined across gaps of up to `gap`
    pieces, kept when some piece reaches `high` (hysteresis: a confident core, a looser edge)."""

    low: float = 0.4
    high: float = 0.4
    gap: int = 0


def spans_from_probabilities(
    text: str, enc: Encoded, probs: npt.NDArray[np.float32], decoding: Decoding
) -> list[tuple[int, int, float]]:
    """Character spans widened to whole words, each with its mean piece probability."""
    runs: list[list[int]] = []
    for i in np.flatnonzero(probs >= decoding.low):
        if runs and i - runs[-1][1] <= decoding.gap:
            runs[-1][1] = int(i) + 1
        else:
            runs.append([int(i), int(i) + 1])
    out: list[tuple[int, int, float]] = []
    for first, stop in runs:
        if probs[first:stop].max() < decoding.high:
            continue
        start, end = _widen(text, int(enc.starts[first]), int(enc.ends[stop - 1]))
        if any(c.isalnum() for c in text[start:end]):
            out.append((start, end, float(probs[first:stop].mean())))
    return out


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end
