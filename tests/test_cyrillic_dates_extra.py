"""More Russian and Ukrainian date cases (issue 12): days spelled out as ordinals, "торік", "N дней
назад", and words that only begin like a weekday. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.temporal.cyrillic import find_cyrillic_dates

PUBLISHED = date(2026, 11, 25)  # a Wednesday


def values(text: str) -> list[tuple[str, str | None]]:
    return [(text[t.start : t.end], t.value) for t in find_cyrillic_dates(text, PUBLISHED)]


SPELLED = [
    ("Колонна вошла в село тридцатого октября.", "тридцатого октября", "2026-10-30"),
    ("Ударів завдано п'ятого листопада.", "п'ятого листопада", "2026-11-05"),
    ("Переговоры назначены на двадцать первое декабря.", "двадцать первое декабря", "2025-12-21"),
    (
        "Обстріл почався двадцять третього вересня 2025 року.",
        "двадцять третього вересня 2025 року",
        "2025-09-23",
    ),
    ("Атака произошла в ночь на третье ноября.", "в ночь на третье ноября", "2026-11-03"),
    ("Евакуацію завершили дев’ятнадцятого жовтня.", "дев’ятнадцятого жовтня", "2026-10-19"),
    ("Позиції втримали до четвертого листопада.", "четвертого листопада", "2026-11-04"),
]


@pytest.mark.parametrize(("text", "mention", "value"), SPELLED)
def test_days_spelled_out_as_ordinals(text: str, mention: str, value: str) -> None:
    assert (mention, value) in values(text)


def test_tens_with_a_teen_are_no_day() -> None:
    """ "двадцать пятнадцатого" is no date: the compound takes a unit ordinal only."""
    assert all(value is None for _, value in values("двадцать пятнадцатого мая"))


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Склад знищили ще торік, кажуть місцеві.", "торік", "2025"),
        ("Міст зруйнували позаторік.", "позаторік", "2024"),
        ("Три дня назад батальон отошел.", "Три дня назад", "2026-11-22"),
        ("Два тижні тому село звільнили.", "Два тижні тому", "2026-11-11"),
        ("Город заняли пять месяцев назад.", "пять месяцев назад", "2026-06"),
    ],
)
def test_last_year_and_counts_back(text: str, mention: str, value: str) -> None:
    assert (mention, value) in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Бои в средней части города продолжаются.",
        "У середині дня оголосили тривогу.",
        "Четвертого дня оборони командир відвів роту.",
        "Средств не хватает, признали в штабе.",
    ],
)
def test_words_that_begin_like_weekdays_are_no_dates(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("В среду войска заняли высоту.", "2026-11-25"),
        ("У середу ворог атакував місто.", "2026-11-25"),
        ("В четверг дроны атаковали склад.", "2026-11-19"),
        ("У четвер дрони атакували склад.", "2026-11-19"),
        ("У п'ятницю прийшла колона.", "2026-11-20"),
        ("В воскресенье эвакуировали детей.", "2026-11-22"),
        ("У неділю евакуювали дітей.", "2026-11-22"),
    ],
)
def test_weekdays_still_read(text: str, value: str) -> None:
    assert [v for _, v in values(text)] == [value]


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Склад уразили 4-го листопада, повідомив штаб.", "4-го листопада", "2026-11-04"),
        ("Наказ підписано 07.10.2026 у Києві.", "07.10.2026", "2026-10-07"),
        ("Прошлой ночью сработала ПВО.", "Прошлой ночью", "2026-11-24"),
        ("Минулої ночі ворог запустив дрони.", "Минулої ночі", "2026-11-24"),
        ("Цієї ночі над містом збили ракету.", "Цієї ночі", "2026-11-25"),
    ],
)
def test_figures_suffixes_and_nights(text: str, mention: str, value: str) -> None:
    assert (mention, value) in values(text)


def test_version_numbers_are_no_dates() -> None:
    assert values("Оновлення 1.2.2020.1 вийшло без змін.") == []


def test_uchora_is_yesterday() -> None:
    """ "учора" is the Ukrainian "вчора" after a vowel: the day before publication."""
    assert values("Бригада учора відбила дві атаки.") == [("учора", "2026-11-24")]
    assert values("Учора дрони вдарили по депо.") == [("Учора", "2026-11-24")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the day named in the sentence before, in the narrator's words: its eve
        ("В субботу обстреляли депо, сообщил мэр. Накануне горел склад.", "2026-11-20"),
        # named two sentences back: the eve of publication
        ("В субботу обстреляли депо. Погибших нет. Накануне горел склад.", "2026-11-24"),
        # named inside a speaker's words: the eve of publication
        ("— В понедельник мы отбили атаку. Дроны накануне упали на рынок.", "2026-11-24"),
        ("«В понеділок ми відбили штурм». Напередодні дрони атакували депо.", "2026-11-24"),
    ],
)
def test_eve_counts_from_a_nearby_narrated_day_only(text: str, value: str) -> None:
    assert values(text)[-1][1] == value


def test_a_day_earlier_still_counts_from_the_day_named() -> None:
    """ "днем ранее" says outright that it counts from the day just named, however far back."""
    text = "В субботу обстреляли депо. Погибших нет. Днем ранее горел склад."
    assert values(text)[-1] == ("Днем ранее", "2026-11-20")
