"""The dates stage: temporal expressions found and resolved against the publication date (issue 6)."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.document import DateMention, Document, Metadata
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.stages.dates import DatesStage
from claimledger.temporal import find_dates

MONDAY = date(2025, 12, 1)


def resolve(text: str, published: date | None = MONDAY) -> list[tuple[str, str | None, str | None]]:
    return [(text[t.start : t.end], t.value, t.granularity) for t in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow announced on 1 December 2025 that the town had fallen.",
            ("1 December 2025", "2025-12-01", "day"),
        ),
        ("The strike on Dec. 1 killed two people.", ("Dec. 1", "2025-12-01", "day")),
        ("The bulletin dated 2025-12-01 listed the losses.", ("2025-12-01", "2025-12-01", "day")),
        ("Putin met Erdogan on 3 March 2022 in Antalya.", ("3 March 2022", "2022-03-03", "day")),
        (
            "On the evening of November 30th, Putin visited a command point.",
            ("November 30th", "2025-11-30", "day"),
        ),
        (
            "Kyiv said on the 1st of December that the line held.",
            ("the 1st of December", "2025-12-01", "day"),
        ),
        ("A parade was held on May 9.", ("May 9", "2025-05-09", "day")),
        ("Fighting was fiercest in October 2024.", ("October 2024", "2024-10", "month")),
        ("Officials estimated in October that 1,500 remained.", ("October", "2025-10", "month")),
        ("The offensive began in May.", ("May", "2025-05", "month")),
        ("The town was retaken last March.", ("last March", "2025-03", "month")),
        ("Aggression has intensified since 2014.", ("since 2014", "2014", "year")),
        ("Before 2022 about 60,000 people lived there.", ("2022", "2022", "year")),
        ("The ministry spoke yesterday.", ("yesterday", "2025-11-30", "day")),
        ("The envoy arrives tomorrow.", ("tomorrow", "2025-12-02", "day")),
        ("Drones struck Kharkiv last night.", ("last night", "2025-11-30", "day")),
        ("Ukraine's military on Monday rejected the claim.", ("Monday", "2025-12-01", "day")),
        ("The bridge was hit on Saturday.", ("Saturday", "2025-11-29", "day")),
        ("Talks will resume on Thursday.", ("Thursday", "2025-12-04", "day")),
        ("Talks will take place on Monday.", ("Monday", "2025-12-08", "day")),
        ("The village was lost last Friday.", ("last Friday", "2025-11-28", "day")),
        ("The brigade withdrew two days ago.", ("two days ago", "2025-11-29", "day")),
        ("The unit was rotated out a month ago.", ("a month ago", "2025-11", "month")),
        ("They fought there three years ago.", ("three years ago", "2022", "year")),
        ("Fighting resumed earlier this month.", ("earlier this month", "2025-12", "month")),
        ("Losses doubled last month.", ("last month", "2025-11", "month")),
        ("Kyiv expects more aid next year.", ("next year", "2026", "year")),
        (
            "Heavy fighting was reported between 10 and 12 November.",
            ("between 10 and 12 November", "2025-11-10", "day"),
        ),
        ("The district changed hands from 2022 to 2023.", ("from 2022 to 2023", "2022", "year")),
        ("The leaders will meet again on 15 January.", ("15 January", "2026-01-15", "day")),
        ("The festival on 5 December was cancelled.", ("5 December", "2024-12-05", "day")),
    ],
)
def test_dates_resolve_against_publication(text, expected):
    assert expected in resolve(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are tired of the fighting.",
        "We may never know who gave the order.",
        "May God protect them.",
        "The march on the capital began.",
        "A force of 2000 soldiers was sent.",
        "Prices rose by 2025 percent.",
        "The town lies 30 km from the front.",
    ],
)
def test_dates_ignore_lookalikes(text):
    assert resolve(text) == []


def test_dates_range_has_its_last_day_as_until():
    (timex,) = find_dates("Fighting raged between 10 and 12 November.", MONDAY)
    assert (timex.value, timex.until) == ("2025-11-10", "2025-11-12")


def test_dates_last_week_is_the_previous_monday_to_sunday():
    (timex,) = find_dates("Footage published last week showed the flag.", MONDAY)
    assert (timex.value, timex.granularity, timex.until) == ("2025-11-24", "day", "2025-11-30")


def test_dates_same_day_follows_the_last_named_day():
    text = "Moscow announced the capture on 28 November. Kyiv denied it the same day."
    assert resolve(text)[-1] == ("the same day", "2025-11-28", "day")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The ministry spoke yesterday.", "yesterday"),
        ("Ukraine's military on Monday rejected the claim.", "Monday"),
        ("On the evening of November 30th, Putin visited.", "November 30th"),
        ("Footage published last week showed the flag.", "last week"),
        ("Fighting resumed earlier this month.", "earlier this month"),
    ],
)
def test_dates_without_publication_stay_unresolved(text, mention):
    assert resolve(text, None) == [(mention, None, None)]


def test_dates_absolute_values_need_no_publication_date():
    assert resolve("Avdiivka fell on 17 February 2024.", None) == [("17 February 2024", "2024-02-17", "day")]


def test_dates_stage_records_mentions_with_offsets_into_the_text():
    doc = Document("Kyiv denied it on Monday, 1 December 2025.", Metadata(published=MONDAY))
    doc = Pipeline([DatesStage(Settings())])(doc)
    (mention,) = doc.get(DateMention)
    assert (doc.surface(mention), mention.value) == ("Monday, 1 December 2025", "2025-12-01")


def test_dates_stage_notes_unresolved_dates_without_publication():
    doc = Pipeline([DatesStage(Settings())])(Document("The ministry spoke yesterday."))
    assert doc.get(DateMention)[0].value is None
    assert any("no publication date" in note for note in doc.notes)


@pytest.mark.shared
def test_dates_seed_november_30th_resolves_to_the_day_before_publication(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    assert ("November 30th", "2025-11-30", "day") in resolve(text)
