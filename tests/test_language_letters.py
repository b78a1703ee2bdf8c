"""The language stage: the alphabet overrules an n-gram guess of a South Slavic language."""

from __future__ import annotations

import pytest

from claimledger.stages.language import by_letters, detect


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Удари завдано по Одесі та Ізмаїлу.", "uk"),  # lingua alone: Macedonian
        ("Війська відійшли від Сіверська, повідомили в штабі.", "uk"),
        ("ВСУ отошли из Угледара на запад, сообщили военные.", "ru"),
        ("Војска су се повукла из града.", "sr"),  # ј: Serbian stays Serbian
        ("Војска се повлече од градот.", "mk"),
        ("Войските се изтеглиха от града, съобщи министерството.", "bg"),
        ("Вайскоўцы адышлі з горада.", "be"),  # ў: Belarusian stays Belarusian
    ],
)
def test_short_cyrillic_lines(text: str, language: str) -> None:
    found = detect(text)
    assert found is not None
    assert found[0] == language


def test_letters_only_overrule_south_slavic_guesses() -> None:
    assert by_letters("Сили оборони", "ru") == "ru"  # not a South Slavic guess: left alone
    assert by_letters("Сили оборони Їжакевича", "mk") == "uk"
    assert by_letters("съобщи министерството", "bg") == "bg"  # Bulgarian has й, щ, ь, ю, я too
    assert by_letters("Војска јавља", "sr") == "sr"
