"""The stages, in pipeline order. Adding a stage is one line here (see docs/stages.md)."""

from __future__ import annotations

from collections.abc import Callable

from claimledger.pipeline import Pipeline, Stage
from claimledger.settings import Settings
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage

STAGES: dict[str, Callable[[Settings], Stage]] = {
    "language": LanguageStage,
    "nlp": NlpStage,
}


def build_pipeline(settings: Settings) -> Pipeline:
    return Pipeline([factory(settings) for factory in STAGES.values()], batch_size=settings.batch_size)
