"""Language stage: which language is the article in?

Uses lingua (n-gram models, offline) restricted to the languages the pipeline analyzes plus their
usual confusers, so a Belarusian or Bulgarian article is named as such instead of being parsed as
Russian, and a German one instead of as English. A language given by metadata or `--language` wins;
detection looks at a prefix of the text only, which is as accurate for news and keeps it cheap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from claimledger.document import Document
from claimledger.errors import InputError
from claimledger.pipeline import BatchStage
from claimledger.settings import Settings

# Analyzed languages first, then the ones most often mistaken for them.
CANDIDATES: tuple[str, ...] = ("en", "ru", "uk", "be", "bg", "sr", "mk", "de", "fr", "es", "it", "pl", "nl")
NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "mk": "Macedonian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pl": "Polish",
    "nl": "Dutch",
}
_CODE = re.compile(r"^[a-z]{2,3}$")
# Function words of Russian and Ukrainian as they come out of transliteration ("soobshchil, chto"),
# none of them an English word: a Latin text full of them is a transliterated original.
_TRANSLIT = frozenset(
    {
        "chto",
        "eto",
        "iz",
        "ot",
        "dlya",
        "dlia",
        "kak",
        "pod",
        "pri",
        "bylo",
        "byli",
        "budet",
        "takzhe",
        "tolko",
        "posle",
        "uzhe",
        "yeshche",
        "eshche",
        "zhe",
        "ili",
        "sily",
        "voyska",
        "voiska",
        "zayavil",
        "zaiavyv",
        "soobshchil",
        "skazal",
        "shcho",
        "vid",
        "tse",
        "yak",
        "pislia",
        "povidomyv",
        "rossii",
        "rosii",
        "ukrainy",
        "ukrayiny",
        "minoborony",
        "genshtab",
        "henshtab",
    }
)
_LATIN_WORD = re.compile(r"[a-z']+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")


def language_name(code: str) -> str:
    return NAMES.get(code, code)


def check_code(code: str) -> str:
    """Normalize a user-given language code, refusing what is not an ISO 639 code."""
    normalized = code.strip().lower()
    if not _CODE.match(normalized):
        raise InputError(f"language must be an ISO 639-1 code such as en, ru or uk, got {code!r}")
    return normalized


if TYPE_CHECKING:
    from lingua import LanguageDetector


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder  # noqa: PLC0415 - heavy, load on first use

    codes = [getattr(IsoCode639_1, code.upper()) for code in CANDIDATES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect(text: str) -> tuple[str, float] | None:
    """(code, confidence) for the text, or None when it has too few letters to tell."""
    if len(_LETTER.findall(text[:200])) < 3:
        return None
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None
    best = values[0]
    return by_letters(text, best.language.iso_code_639_1.name.lower()), float(best.value)


# Letters that only some Cyrillic alphabets have. Serbian and Macedonian: ј љ њ ћ ђ џ ѓ ќ ѕ;
# Belarusian: ў; Ukrainian: і ї є ґ (і also Belarusian); Russian: ы э ё (ы э also Belarusian).
# Bulgarian has none of them.
_SOUTH_SLAVIC = frozenset("јљњћђџѓќѕ")
_BELARUSIAN = frozenset("ў")
_UKRAINIAN = frozenset("іїєґ")
_RUSSIAN = frozenset("ыэё")
_NOT_SOUTH_SLAVIC = frozenset("йщъыьэюяё")  # Serbian and Macedonian Cyrillic lack all of these


def by_letters(text: str, code: str) -> str:
    """Overrule a South Slavic guess that the alphabet rules out.

    lingua's n-grams take a short Ukrainian or Russian line ("Удари завдано по Одесі та Ізмаїлу.")
    for Macedonian or Serbian; such a line has none of those alphabets' own letters and one that
    only Ukrainian (or only Russian) writes, which settles it; a letter the Serbian and Macedonian
    alphabets lack (й, щ, ь, я, …) rules them out too, leaving Russian.
    """
    if code not in {"sr", "mk", "bg"}:
        return code
    letters = frozenset(text.casefold())
    if letters & (_SOUTH_SLAVIC | _BELARUSIAN):
        return code
    ukrainian, russian = bool(letters & _UKRAINIAN), bool(letters & _RUSSIAN)
    if ukrainian and not russian:
        return "uk"
    if russian and not ukrainian:
        return "ru"
    if code != "bg" and letters & _NOT_SOUTH_SLAVIC and not ukrainian:
        return "ru"
    return code


def transliterated(text: str) -> bool:
    """Whether a Latin-script text is Russian or Ukrainian written in Latin letters."""
    if _CYRILLIC.search(text):
        return False
    words = _LATIN_WORD.findall(text.casefold())
    hits = {w for w in words if w in _TRANSLIT}
    return len(hits) >= 3 and sum(w in _TRANSLIT for w in words) >= 0.08 * len(words)


class LanguageStage(BatchStage):
    name = "language"
    version = "1"
    requires = frozenset({"text"})
    assigns = frozenset({"language"})

    def __init__(self, settings: Settings) -> None:
        self.sample = settings.language_sample_chars

    def predict(self, docs: Sequence[Document]) -> Sequence[tuple[str, float] | None]:
        return [None if doc.meta.language else detect(doc.text[: self.sample]) for doc in docs]

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc, found in zip(docs, results, strict=True):
            if doc.meta.language:
                doc.meta.language = check_code(doc.meta.language)
            elif isinstance(found, tuple):
                doc.meta.language, doc.language_confidence = found
                doc.language_detected = True
                if transliterated(doc.text[: self.sample]):
                    doc.error = InputError(
                        f"{doc.meta.source or 'article'} looks like Russian or Ukrainian in Latin letters "
                        "(transliterated), which claimledger does not analyze: give the Cyrillic original"
                    )
            else:
                doc.meta.language = "en"
                doc.note("language could not be identified (too little text); analyzed as English")
