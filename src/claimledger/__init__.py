"""claimledger: who claims what, about which place, when, through whom, and in what words."""

from __future__ import annotations

__version__ = "0.1.0"

from claimledger.analyze import analyze, analyze_text
from claimledger.document import (
    Claim,
    DateMention,
    Document,
    Entity,
    Metadata,
    Place,
    Quote,
    Speaker,
    Technique,
)
from claimledger.errors import ClaimledgerError, InputError, SetupError, StageError
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings

__all__ = [
    "Claim",
    "ClaimledgerError",
    "DateMention",
    "Document",
    "Entity",
    "InputError",
    "Metadata",
    "Pipeline",
    "Place",
    "Quote",
    "Settings",
    "SetupError",
    "Speaker",
    "StageError",
    "Technique",
    "__version__",
    "analyze",
    "analyze_text",
]
