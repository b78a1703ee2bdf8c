"""Claim types against the event ontologies analysts already use: ACLED and PLOVER.

ACLED: event types and sub-types of the ACLED Codebook (2023); PLOVER: the event types of the
Political Language Ontology for Verifiable Event Records (Halterman et al., 2023). Only where a claim
type corresponds: predictions and assessments are statements about events, which neither codes, and
casualty figures are an attribute of an event there, not an event. The table in docs/stages.md is
checked against this one by a test.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.document import ClaimType


@dataclass(frozen=True, slots=True)
class Correspondence:
    """Where a claim type lands in ACLED (type › sub-type) and in PLOVER (type), or None."""

    acled: str | None
    plover: str | None


ONTOLOGY: dict[ClaimType, Correspondence] = {
    "territorial_control": Correspondence(
        "Battles › Government regains territory / Non-state actor overtakes territory; "
        "a withdrawal without fighting: Strategic developments › Non-violent transfer of territory",
        "ASSAULT (taken by force); RETREAT (withdrew, retreated)",
    ),
    "attack": Correspondence(
        "Explosions/Remote violence › Air/drone strike or Shelling/artillery/missile attack; "
        "Violence against civilians › Attack",
        "ASSAULT",
    ),
    "casualties": Correspondence(
        "the `fatalities` field of the event it reports", "ASSAULT (its casualty counts)"
    ),
    "visit_or_meeting": Correspondence(
        "Strategic developments › Other (› Agreement when one is signed)", "CONSULT"
    ),
    "statement_of_intent": Correspondence(None, "THREATEN when coercive; otherwise none"),
    "prediction": Correspondence(None, None),
    "assessment": Correspondence(None, None),
    "other": Correspondence(None, None),
}
