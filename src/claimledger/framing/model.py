"""The technique model at run time: the packaged MiniLM and our two heads from resources/.

`TechniqueModel.find(texts)` gives each text's technique spans (span identification, then a label
for each span); `classify` labels given spans (the TC task). The heads are float16 safetensors
beside a JSON card (labels, SI decoding, tuning scores) written by the training run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from claimledger.errors import SetupError
from claimledger.framing.encoder import VERSION, Encoded, MiniLM
from claimledger.framing.heads import (
    Decoding,
    article_probabilities,
    head_classes,
    span_features,
    spans_from_probabilities,
)

if TYPE_CHECKING:
    from torch import nn

    from claimledger.framing.train import Norm

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
HEADS = "framing-techniques.safetensors"
CARD = "framing-techniques.json"
TRAIN_FIX = "run `make train-techniques` to train them"
GROUP = 8  # texts whose windows go through the taggers as one batch; bounds the features held


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    technique: str
    score: float


class TechniqueModel:
    def __init__(self, directory: Path = RESOURCES) -> None:
        from safetensors.torch import load_file  # noqa: PLC0415 - torch only when the model is used

        if not (directory / HEADS).is_file():
            raise SetupError(f"technique heads missing from {directory}: {TRAIN_FIX}")
        self.card: dict[str, Any] = json.loads((directory / CARD).read_text(encoding="utf-8"))
        if self.card.get("encoder") != VERSION:  # heads read one encoder variant's features only
            raise SetupError(
                f"technique heads in {directory} were trained on encoder {self.card.get('encoder')!r}, "
                f"this code computes {VERSION!r}: {TRAIN_FIX}"
            )
        self.labels: list[str] = self.card["labels"]
        self.decoding = Decoding(**self.card["decoding"])
        tensors = {k: v.float() for k, v in load_file(str(directory / HEADS)).items()}
        tagger_cls, classifier_cls = head_classes()
        self.taggers = []
        for n in range(self.card["taggers"]):
            tagger = tagger_cls()
            tagger.load_state_dict(_part(tensors, f"si{n}."))
            self.taggers.append(tagger.eval())
        self.classifiers = []
        for n in range(self.card["classifiers"]):
            classifier = classifier_cls(len(self.labels))
            classifier.load_state_dict(_part(tensors, f"tc{n}."))
            self.classifiers.append(classifier.eval())
        self.si_mean, self.si_std = tensors["si_norm.mean"].numpy(), tensors["si_norm.std"].numpy()
        self.tc_mean, self.tc_std = tensors["tc_norm.mean"].numpy(), tensors["tc_norm.std"].numpy()
        self.encoder = MiniLM()

    def find(self, texts: list[str]) -> list[list[Found]]:
        """Spans per text; texts are encoded GROUP at a time, which bounds the features held at once,
        and each group's windows go through the taggers together."""
        found: list[list[Found]] = []
        for i in range(0, len(texts), GROUP):
            group = texts[i : i + GROUP]
            encoded = self.encoder.encode_many(group)
            probs = article_probabilities(
                self.taggers, [(self.si_norm(enc.features), enc.windows) for enc in encoded]
            )
            found.extend(self.found(text, enc, p) for text, enc, p in zip(group, encoded, probs, strict=True))
        return found

    def si_norm(self, features: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        out: npt.NDArray[np.float32] = ((features - self.si_mean) / self.si_std).astype(np.float32)
        return out

    def found(self, text: str, enc: Encoded, probs: npt.NDArray[np.float32]) -> list[Found]:
        spans = spans_from_probabilities(text, enc, probs, self.decoding)
        ranked = self.classify(text, enc, [(s, e) for s, e, _ in spans])
        return [
            Found(s, e, ranking[0][0], p_span * ranking[0][1])
            for (s, e, p_span), ranking in zip(spans, ranked, strict=True)
        ]

    def classify(
        self, text: str, enc: Encoded, spans: list[tuple[int, int]]
    ) -> list[list[tuple[str, float]]]:
        """Labels for each span, best first, with their probabilities."""
        import torch  # noqa: PLC0415

        if not spans or len(enc) == 0:
            return [[(self.labels[0], 0.0)] for _ in spans]
        x = np.stack([span_features(text, enc, s, e) for s, e in spans])
        x = ((x - self.tc_mean) / self.tc_std).astype(np.float32)
        with torch.inference_mode():
            scores = [torch.softmax(c(torch.from_numpy(x)), dim=1) for c in self.classifiers]
            probs = torch.stack(scores).mean(0).numpy()
        return [[(self.labels[i], float(row[i])) for i in np.argsort(-row)] for row in probs]


@lru_cache(maxsize=2)
def load_model(directory: Path = RESOURCES) -> TechniqueModel:
    """Load once per process (a Dask worker too)."""
    return TechniqueModel(directory)


def _part(tensors: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {k.removeprefix(prefix): v for k, v in tensors.items() if k.startswith(prefix)}


def save(
    out: Path,
    taggers: list[nn.Module],
    classifiers: list[nn.Module],
    si_norm: Norm,
    tc_norm: Norm,
    card: dict[str, Any],
) -> None:
    import torch  # noqa: PLC0415
    from safetensors.torch import save_file  # noqa: PLC0415

    tensors = {f"si{n}.{k}": v.half() for n, t in enumerate(taggers) for k, v in t.state_dict().items()}
    tensors |= {f"tc{n}.{k}": v.half() for n, c in enumerate(classifiers) for k, v in c.state_dict().items()}
    for name, norm in (("si_norm", si_norm), ("tc_norm", tc_norm)):
        tensors[f"{name}.mean"] = torch.tensor(norm.mean)
        tensors[f"{name}.std"] = torch.tensor(norm.std)
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(out / HEADS))
    (out / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
