"""`claimledger eval claims`: claim type, stance, claimant, date and places against the dev set.

The sets (`tests/data/claims-dev.jsonl` and `claims-heldout.jsonl`, passages written for this
project; see claimledger.eval.dates) give, for each claim,
an anchor phrase and the expected slots. A gold claim is matched to the smallest predicted claim
whose span covers its anchor; every figure is over all gold claims, so a missed claim counts as
wrong. Place linking compares canonical names (or mentions) of the claim's places with the gold
names, over gold claims that name places, and is scored only when the places stage ran. On the seed
article, territorial_control claims must cover Pokrovsk (Krasnoarmysk) and Vovchansk (Volchansk).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from claimledger.document import Claim, Document, Metadata, Place
from claimledger.eval import EvalResult
from claimledger.eval.dates import SETS, Passage, figure, pipeline_to_claims, run_set
from claimledger.settings import Settings

_SLOTS = ("type", "stance", "claimant", "date")


def evaluate(settings: Settings, shared: Path, limit: int | None) -> EvalResult:
    result = EvalResult("claims", "")
    sizes = []
    places_ran = False
    for name, relative in SETS.items():
        passages = run_set(settings, relative, limit)
        sizes.append(f"{relative} ({len(passages)} passages)")
        places_ran = any(p.doc.get(Place) for p in passages)
        _score_set(result, "" if name == "dev" else f"{name} ", passages, places_ran=places_ran)
    result.corpus = ", ".join(sizes)
    if not places_ran:
        result.notes.append(
            "no places found (places stage absent or without its gazetteer): place linking not scored"
        )
    _seed_check(settings, shared, result)
    return result


def evaluate_file(settings: Settings, gold: Path, limit: int | None) -> EvalResult:
    """`claimledger eval claims GOLD.jsonl`: a set of the same form as tests/data/claims-*.jsonl."""
    passages = run_set(settings, str(gold.resolve()), limit)
    result = EvalResult("claims", f"{gold} ({len(passages)} passages)")
    places_ran = any(p.doc.get(Place) for p in passages)
    _score_set(result, "", passages, places_ran=places_ran)
    return result


def _score_set(result: EvalResult, prefix: str, passages: list[Passage], *, places_ran: bool) -> None:
    hits = dict.fromkeys((*_SLOTS, "matched", "places", "figure"), 0)
    totals = dict.fromkeys(hits, 0)
    for passage in passages:
        for start, end, item in passage.gold_spans("claims", "anchor"):
            claim = _match(list(passage.doc.get(Claim)), start, end)
            _score(passage, item, claim, hits, totals, places_ran=places_ran)
    labels = {"matched": "claims found", "places": "place linking", "figure": "casualty figure accuracy"}
    for name in ("matched", *_SLOTS, "figure", "places"):
        figure(result, prefix + labels.get(name, f"{name} accuracy"), hits[name], totals[name])


def _match(claims: list[Claim], start: int, end: int) -> Claim | None:
    covering = [c for c in claims if c.start <= start and end <= c.end]
    return min(covering, key=lambda c: c.end - c.start, default=None)


def _score(
    passage: Passage,
    item: dict[str, Any],
    claim: Claim | None,
    hits: dict[str, int],
    totals: dict[str, int],
    *,
    places_ran: bool,
) -> None:
    totals["matched"] += 1
    hits["matched"] += claim is not None
    for slot in _SLOTS:
        totals[slot] += 1
        hits[slot] += claim is not None and _same(slot, getattr(claim, slot), item[slot])
    if "figure" in item:
        totals["figure"] += 1
        hits["figure"] += claim is not None and claim.figure == item["figure"]
    if item["places"] and places_ran:
        totals["places"] += 1
        hits["places"] += claim is not None and _same_places(passage.doc, claim, item["places"])


def _same(slot: str, predicted: object, gold: object) -> bool:
    """Exact, except a claimant, which matches when one name contains the other ("the ministry")."""
    if slot != "claimant" or not isinstance(predicted, str) or not isinstance(gold, str):
        return predicted == gold
    a, b = predicted.lower(), gold.lower()
    return a in b or b in a


def _same_places(doc: Document, claim: Claim, gold: list[str]) -> bool:
    """The claim's places are the gold ones, each known by its canonical name or its mention (the
    gazetteer's "Hulyaypole" is the text's "Huliaipole")."""
    places = doc.get(Place)
    predicted = [{places[i].name.lower(), doc.surface(places[i]).lower()} for i in claim.places]
    wanted = {name.lower() for name in gold}
    return all(names & wanted for names in predicted) and all(any(w in n for n in predicted) for w in wanted)


def _seed_check(settings: Settings, shared: Path, result: EvalResult) -> None:
    seed = shared / "seeds" / "000_780fa907f352c487.txt"
    if not seed.is_file():
        result.notes.append("seed article absent: seed check skipped")
        return
    doc = Document(seed.read_text(encoding="utf-8"), Metadata(published=date(2025, 12, 1), language="en"))
    doc = pipeline_to_claims(settings)(doc)
    places = doc.get(Place)
    named = {places[i].name for c in doc.get(Claim) if c.type == "territorial_control" for i in c.places}
    for name in ("Pokrovsk", "Vovchansk"):
        figure(result, f"seed territorial_control on {name}", int(name in named), 1)
