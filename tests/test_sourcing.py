"""The sourcing profile: who is quoted, how much, named or not, in which role, for which side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from claimledger.document import Document, Metadata, Speaker
from claimledger.pipeline import Pipeline
from claimledger.quotes.sourcing import Voice, classify, relay_origin
from claimledger.report.json import report_schema, to_report
from claimledger.report.load import from_report
from claimledger.report.text import render_text
from claimledger.settings import Settings
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage
from claimledger.stages.quotes import QuotesStage

BOTH_SIDES = (
    "Ukraine's General Staff said on Tuesday that its forces had repelled 14 attacks near Pokrovsk. "
    '"The situation remains difficult but under control," Ukrainian army spokesman Viktor Trehubov '
    "told Reuters.\n"
    "Russia's Defense Ministry said its troops had taken the village of Novohrodivka. Kremlin "
    "spokesman Dmitry Peskov told reporters that the operation would continue until its goals were "
    "achieved.\n"
    'A resident of the town, who gave only her first name, Olena, said: "We sleep in the basement '
    'every night."\n'
)
NO_QUOTES = "The bridge over the Siverskyi Donets was rebuilt in 2019. Traffic resumed on Monday morning."


@pytest.fixture(scope="module")
def quotes_pipeline(settings: Settings) -> Pipeline:
    return Pipeline([LanguageStage(settings), NlpStage(settings), QuotesStage(settings)])


def analyzed(pipeline: Pipeline, text: str) -> Document:
    doc = pipeline(Document(text, meta=Metadata(language="en")))
    assert doc.error is None
    return doc


def profile_of(pipeline: Pipeline, text: str) -> dict[str, Any]:
    report = to_report(analyzed(pipeline, text))
    jsonschema.validate(report, report_schema())
    sourcing: dict[str, Any] = report["sourcing"]
    return sourcing


def speaker_row(profile: dict[str, Any], who: str) -> dict[str, Any]:
    [row] = [r for r in profile["by_speaker"] if who in (r["name"], r["description"])]
    return row


# --- the seed article -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_profile(quotes_pipeline: Pipeline, seed_path: Path) -> dict[str, Any]:
    return profile_of(quotes_pipeline, seed_path.read_text(encoding="utf-8"))


@pytest.mark.shared
def test_sourcing_seed_named_and_anonymous_share(seed_profile):
    # Stepanyan and Putin are named; the residents, "Russian officials" and the ministry official are not
    assert (seed_profile["named"], seed_profile["anonymous"], seed_profile["unattributed"]) == (11, 6, 0)
    assert seed_profile["named_share"] == pytest.approx(11 / 17, abs=0.001)
    assert seed_profile["anonymous_share"] == pytest.approx(6 / 17, abs=0.001)
    # the official's quote split around "a ... official said" counts once
    assert speaker_row(seed_profile, "a Russian defense ministry official")["quotes"] == 1


@pytest.mark.shared
def test_sourcing_seed_relays_are_russian_media(seed_profile):
    assert {(r["via"], r["origin"]) for r in seed_profile["relays"]} == {
        ("TASS", "russian"),
        ("Russian media", "russian"),
    }
    assert speaker_row(seed_profile, "Alexander Stepanyan")["via"] == ["TASS"]
    assert speaker_row(seed_profile, "Vladimir Putin")["via"] == ["Russian media"]


@pytest.mark.shared
def test_sourcing_seed_only_the_russian_side_and_its_civilians_are_heard(seed_profile):
    assert seed_profile["sides_heard"] == [
        "russian_government",
        "russian_military",
        "independent_expert",
        "civilians",
    ]
    voices = {
        who: (speaker_row(seed_profile, who)["role"], speaker_row(seed_profile, who)["affiliation"])
        for who in (
            "Alexander Stepanyan",
            "Vladimir Putin",
            "A local resident",
            "Another resident, a former miner",
            "Russian officials",
            "a Russian defense ministry official",
        )
    }
    assert voices == {
        "Alexander Stepanyan": ("expert", "independent_expert"),
        "Vladimir Putin": ("official", "russian_government"),
        "A local resident": ("resident", "civilians"),
        "Another resident, a former miner": ("resident", "civilians"),
        "Russian officials": ("official", "russian_government"),
        "a Russian defense ministry official": ("official", "russian_military"),
    }
    # the expert is quoted most, by words
    assert seed_profile["by_speaker"][0]["name"] == "Alexander Stepanyan"


@pytest.mark.shared
def test_sourcing_seed_text_report_has_a_sourcing_line(quotes_pipeline, seed_path: Path):
    out = render_text(
        analyzed(quotes_pipeline, seed_path.read_text(encoding="utf-8")), color=False, width=400
    )
    [line] = [line for line in out.splitlines() if line.startswith("sourcing:")]
    assert "named 65 %, anonymous 35 %" in line
    assert "via: TASS 4, Russian media 1" in line


# --- other articles -------------------------------------------------------------------------------


def test_sourcing_article_quoting_both_sides(quotes_pipeline):
    profile = profile_of(quotes_pipeline, BOTH_SIDES)
    assert profile["quotes"] == 5
    assert set(profile["sides_heard"]) == {
        "ukrainian_military",
        "russian_military",
        "russian_government",
        "civilians",
    }
    assert speaker_row(profile, "Viktor Trehubov")["affiliation"] == "ukrainian_military"
    assert speaker_row(profile, "Dmitry Peskov")["affiliation"] == "russian_government"
    assert profile["relays"] == [{"via": "Reuters", "origin": "international", "quotes": 1}]
    assert profile["by_role"] == {"official": 2, "resident": 1, "organization": 2}


def test_sourcing_article_without_quotes(quotes_pipeline):
    profile = profile_of(quotes_pipeline, NO_QUOTES)
    assert profile["quotes"] == profile["quoted_words"] == profile["speakers"] == 0
    assert profile["named_share"] is None
    assert profile["anonymous_share"] is None
    assert profile["by_role"] == profile["by_affiliation"] == {}
    assert profile["sides_heard"] == profile["relays"] == profile["by_speaker"] == []


def test_sourcing_is_null_when_the_quotes_stage_did_not_run(settings: Settings):
    doc = Pipeline([LanguageStage(settings), NlpStage(settings)])(Document(BOTH_SIDES))
    report = to_report(doc)
    assert report["sourcing"] is None
    jsonschema.validate(report, report_schema())


def test_sourcing_survives_a_report_round_trip(quotes_pipeline):
    report = to_report(analyzed(quotes_pipeline, BOTH_SIDES))
    assert to_report(from_report(report))["sourcing"] == report["sourcing"]


# --- the affiliation table ------------------------------------------------------------------------

VOICES = [
    (Speaker("Dmitry Peskov", "Kremlin spokesman", "person"), Voice("official", "russian_government")),
    (Speaker(None, "a Ukrainian soldier", "anonymous"), Voice("military", "ukrainian_military")),
    (Speaker(None, "a Russian military official", "anonymous"), Voice("official", "russian_military")),
    (Speaker("IAEA", None, "organization"), Voice("organization", "international_bodies")),
    (Speaker("Kremlin", None, "organization"), Voice("organization", "russian_government")),
    (Speaker("Дмитрий Песков", None, "person"), Voice("official", "russian_government")),
    (Speaker(None, "жительница Донецка", "anonymous"), Voice("resident", "civilians")),
    (Speaker(None, "Russian military expert", "anonymous"), Voice("expert", "independent_expert")),
    (Speaker(None, "Western diplomats", "anonymous"), Voice("official", "other")),
    (Speaker("TASS", None, "media"), Voice("media", "media")),
    (Speaker(None, "he", "anonymous"), Voice("other", "unknown")),
]


@pytest.mark.parametrize(("speaker", "voice"), VOICES)
def test_sourcing_classifies_speakers_by_the_table(speaker: Speaker, voice: Voice):
    assert classify(speaker) == voice


RELAYS = [
    ("TASS", "russian"),
    ("RIA Novosti", "russian"),
    ("Reuters", "international"),
    ("Ukrainian media", "ukrainian"),
    ("a local blog", None),
]


@pytest.mark.parametrize(("via", "origin"), RELAYS)
def test_sourcing_relay_origin(via: str, origin: str | None):
    assert relay_origin(via) == origin
