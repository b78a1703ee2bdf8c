"""Evaluation: one scorer per stage over a labelled corpus from ../shared/data.

Each scorer returns an EvalResult whose figures carry their denominators; `claimledger eval NAME`
prints it. Scorers register in EVALS (one line each), imported lazily so the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from claimledger.errors import SetupError
from claimledger.settings import Settings


@dataclass
class EvalResult:
    """Named figures (0..1 or counts), each with the denominator it was computed over."""

    name: str
    corpus: str
    figures: dict[str, float] = field(default_factory=dict)
    denominators: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


Scorer = Callable[[Settings, Path, int | None], EvalResult]

# name -> "module:function"; the module lives in claimledger.eval.
EVALS: dict[str, str] = {
    "places": "places:evaluate",
    "quotes": "quotes:evaluate",
    "dates": "dates:evaluate",
    "claims": "claims:evaluate",
    "cyrillic": "cyrillic:evaluate",
    "framing": "ptc:evaluate",
}


def shared_dir(explicit: Path | None = None) -> Path:
    """../shared beside the project (or as given); a clear error where it is absent."""
    candidates = (
        [explicit] if explicit else [Path.cwd().parent / "shared", Path(__file__).parents[4] / "shared"]
    )
    for candidate in candidates:
        if candidate is not None and (candidate / "data").is_dir():
            return candidate
    raise SetupError("no ../shared/data here: evaluation needs the labelled corpora beside the project")


FileScorer = Callable[[Settings, Path, int | None], EvalResult]


def get_file_scorer(name: str) -> FileScorer:
    """The scorer of a gold file the user names (`claimledger eval claims GOLD.jsonl`)."""
    get_scorer(name)  # the same error for an unknown name
    module = import_module(f"claimledger.eval.{EVALS[name].split(':')[0]}")
    scorer: FileScorer | None = getattr(module, "evaluate_file", None)
    if scorer is None:
        raise SetupError(f"`claimledger eval {name}` scores its own corpus and takes no gold file")
    return scorer


def get_scorer(name: str) -> Scorer:
    target = EVALS.get(name)
    if target is None:
        known = ", ".join(sorted(EVALS)) or "none yet"
        raise SetupError(f"no evaluation named {name!r}; available: {known}")
    module, function = target.split(":")
    scorer: Scorer = getattr(import_module(f"claimledger.eval.{module}"), function)
    return scorer
