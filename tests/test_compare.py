"""compare.py and minhash.py: pure logic over hand-built claim records, no database."""

from __future__ import annotations

import pytest

from claimledger.ledger import minhash
from claimledger.ledger.compare import ClaimRecord, duplicate_clusters, group_claims, wording_similarity


def record(
    outlet: str,
    stance: str = "asserted",
    date: str | None = "2025-12-01",
    *,
    text: str = "Russian forces captured Pokrovsk",
    claim_type: str = "territorial_control",
    place: str = "704422",
    article: str | None = None,
    origin: str | None = None,
) -> ClaimRecord:
    return ClaimRecord(
        article_id=article or f"{outlet}-{stance}-{date}-{text[:10]}",
        outlet=outlet,
        type=claim_type,
        stance=stance,
        text=text,
        date=date,
        place=place,
        place_name="Pokrovsk",
        origin=origin,
    )


@pytest.mark.parametrize(
    ("records", "status"),
    [
        ([record("TASS")], "single-source"),
        ([record("TASS"), record("RIA")], "corroborated"),
        ([record("TASS"), record("Ukrinform", "denied")], "contested"),
        ([record("TASS"), record("TASS", article="second")], "single-source"),
        ([record("TASS"), record("Kyiv Post", stance="hedged")], "corroborated"),
    ],
)
def test_compare_group_status(records, status):
    (group,) = group_claims(records)
    assert group.status == status


def test_compare_wire_copies_count_as_their_original_outlet():
    copy = record("Daily Paper", origin="TASS", article="copy")
    (group,) = group_claims([record("TASS"), copy])
    assert group.status == "single-source"
    assert group.asserting == ["TASS"]


def test_compare_claims_outside_the_window_are_separate_events():
    groups = group_claims(
        [record("TASS", date="2025-12-01"), record("RIA", date="2025-12-20")], window_days=3
    )
    assert [g.status for g in groups] == ["single-source", "single-source"]


def test_compare_chains_claims_day_by_day_within_the_window():
    dates = ["2025-12-01", "2025-12-03", "2025-12-05"]
    (group,) = group_claims([record(o, date=d) for o, d in zip(["A", "B", "C"], dates, strict=True)])
    assert (group.first_date, group.last_date) == ("2025-12-01", "2025-12-05")


def test_compare_different_places_never_group():
    groups = group_claims([record("TASS"), record("RIA", place="713122")])
    assert len(groups) == 2


def test_compare_attacks_group_only_when_worded_alike():
    strike = "A missile strike hit an energy facility in Kharkiv overnight"
    same = "Missile strike hits Kharkiv energy facility overnight, officials say"
    other = "Drones attacked a railway depot in Kharkiv"
    records = [
        record("A", text=strike, claim_type="attack"),
        record("B", text=same, claim_type="attack"),
        record("C", text=other, claim_type="attack"),
    ]
    groups = group_claims(records)
    assert sorted(len(g.claims) for g in groups) == [1, 2]


def test_compare_undated_claims_group_only_with_undated():
    groups = group_claims([record("TASS", date=None), record("RIA", date=None), record("BBC")])
    assert sorted(len(g.claims) for g in groups) == [1, 2]


def test_compare_month_dates_use_their_first_day():
    (group,) = group_claims([record("TASS", date="2025-12"), record("RIA", date="2025-12-02")])
    assert group.status == "corroborated"


@pytest.mark.parametrize(
    ("left", "right", "similar"),
    [
        ("Russian forces captured Pokrovsk", "Russian forces did not capture Pokrovsk", True),
        ("Russian forces captured Pokrovsk", "Grain exports rose in November", False),
    ],
)
def test_compare_wording_similarity_ignores_negation(left, right, similar):
    assert (wording_similarity(left, right) >= 0.3) is similar


def test_compare_duplicate_clusters_join_chains():
    clusters = duplicate_clusters([("b", "a"), ("c", "b"), ("e", "d")])
    assert clusters == [{"a", "b", "c"}, {"d", "e"}]


WIRE = (
    "Ukrainian troops are holding positions in the northern part of the city despite heavy Russian "
    "assaults, the military said on Monday, as both sides poured reinforcements into the battle. "
)


def test_minhash_near_copies_score_high_and_other_texts_low():
    original = minhash.signature(WIRE * 2)
    copy = minhash.signature("UPDATE 1- " + WIRE * 2 + " (Reporting by Desk)")
    other = minhash.signature("Grain ships left Odesa on Tuesday under a new corridor arrangement. " * 3)
    assert minhash.similarity(original, copy) > 0.8
    assert minhash.similarity(original, other) < 0.1
    assert set(minhash.band_keys(original)) & set(minhash.band_keys(copy))


def test_minhash_signature_survives_storage():
    sig = minhash.signature(WIRE)
    assert (minhash.from_bytes(minhash.to_bytes(sig)) == sig).all()


def test_compare_articles_of_unknown_outlet_count_as_themselves():
    first = ClaimRecord(
        "a" * 64, None, "attack", "asserted", "Strike on Kharkiv", "2025-12-01", "1", "Kharkiv"
    )
    second = ClaimRecord(
        "b" * 64, None, "attack", "denied", "No strike on Kharkiv", "2025-12-01", "1", "Kharkiv"
    )
    (group,) = group_claims([first, second])
    assert (group.asserting, group.denying) == (["article aaaaaaaaaaaa"], ["article bbbbbbbbbbbb"])


def test_minhash_estimate_tracks_the_true_jaccard():
    import random

    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(5000)]
    first = [rng.choice(vocabulary) for _ in range(300)]
    second = first[:150] + [rng.choice(vocabulary) for _ in range(150)]
    left, right = " ".join(first), " ".join(second)
    a, b = minhash.shingles(left), minhash.shingles(right)
    true = len(a & b) / len(a | b)
    estimate = minhash.similarity(minhash.signature(left), minhash.signature(right))
    assert abs(estimate - true) < 0.12, (estimate, true)
