"""Claims stage: segment each article into claim units and type them, with claimant, stance, places
and date.

Types: territorial_control (captured, took control of, liberated / the liberation of, seized, fell /
the city's fall, entered, cleared, encircled, withdrew from, repelled an assault on, still holds
positions in), attack, casualties (with figure and unit), visit_or_meeting, statement_of_intent,
prediction, assessment, other. Rules over spaCy's dependency parse, written for this project from the
phrasings of issue 6 (see `claimledger.claims.lexicon`). Uses the places and quotes stages when they
ran (place indexes, the quote's speaker as claimant) and works without them. Does not: resolve
coreference beyond "he"/"she" and "the city", or read claims spread over several sentences.
Russian and Ukrainian articles have no dependency parse: `claimledger.claims.cyrillic` finds their
territorial-control claims by verb and place, and strikes and casualty figures by cue words; the
report notes that the other types (visits, intentions, predictions, assessments) were not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from claimledger.claims.cyrillic import extract_cyrillic_claims, extract_cyrillic_events
from claimledger.claims.extract import extract_claims
from claimledger.document import Claim, Document
from claimledger.pipeline import BatchStage
from claimledger.settings import Settings
from claimledger.stages.nlp import has_parse


class ClaimsStage(BatchStage):
    name = "claims"
    version = "1"
    requires = frozenset({"parsed"})
    assigns = frozenset({"claims"})

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def predict(self, docs: Sequence[Document]) -> Sequence[list[Claim]]:
        return [extract_claims(doc) if has_parse(doc) else _cyrillic(doc) for doc in docs]

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc, claims in zip(docs, cast("Sequence[list[Claim]]", results), strict=True):
            if not has_parse(doc):
                doc.note(
                    "claims: territorial control, strikes and casualty figures only; "
                    f"other types not read in {doc.meta.language} yet"
                )
            for claim in claims:
                doc.add(claim)


def _cyrillic(doc: Document) -> list[Claim]:
    claims = extract_cyrillic_claims(doc) + extract_cyrillic_events(doc)
    return sorted(claims, key=lambda c: (c.start, c.end, c.type))
