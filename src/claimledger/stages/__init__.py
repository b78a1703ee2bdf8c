"""The stages, in pipeline order. Adding a stage is one line here (see docs/stages.md)."""

from __future__ import annotations

from collections.abc import Callable

from claimledger.pipeline import Pipeline, Stage
from claimledger.settings import Settings
from claimledger.stages.claims import ClaimsStage
from claimledger.stages.dates import DatesStage
from claimledger.stages.framing import FramingStage
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage
from claimledger.stages.places import PlacesStage
from claimledger.stages.quotes import QuotesStage
from claimledger.threads import one_blas_thread

STAGES: dict[str, Callable[[Settings], Stage]] = {
    "language": LanguageStage,
    "nlp": NlpStage,
    "places": PlacesStage,
    "quotes": QuotesStage,
    "dates": DatesStage,
    "claims": ClaimsStage,
    "framing": FramingStage,
}


def build_pipeline(settings: Settings) -> Pipeline:
    one_blas_thread()
    return Pipeline([factory(settings) for factory in STAGES.values()], batch_size=settings.batch_size)
