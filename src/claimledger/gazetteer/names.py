"""Name normalization, romanization folding and naming-tradition guesses for toponyms.

The press spells one Ukrainian town many ways: Krasnoarmiisk (Ukrainian national system),
Krasnoarmeysk (BGN/PCGN from Russian), Krasnoarmysk, Krasnoarmiys'k. Two keys make them meet:
`norm` (case, diacritics, apostrophes, hyphens) for an exact match and `fold` (the systematic
romanization differences: iy/y/ii/yi, e/ye/ie, kh/h, shch/sch, doubled letters) for a looser one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophes, primes and modifier letters used for the Ukrainian apostrophe and the soft sign.
_APOSTROPHES = re.compile(r"['’‘`´ʼʹʻ′\"“”]")
_DASHES = re.compile(r"[-‐‑‒–—―_/]+")
_DOTS = re.compile(r"[.,()]")
_SPACES = re.compile(r"\s+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z]")
_I_RUN = re.compile(r"i+")
_IE = re.compile(r"(?<=[a-z])ie")
_DOUBLE = re.compile(r"([a-z])\1+")

_UK_LATIN = (
    "a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia",
)  # fmt: skip
_RU_LATIN = (
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
)  # fmt: skip
# Ukrainian national system (KMU 2010), as GeoNames and the Ukrainian government romanize.
_UK = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", _UK_LATIN, strict=True))
# Common (BGN/PCGN-like) romanization of Russian, as wire services write it.
_RU = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _RU_LATIN, strict=True))
_UK_ONLY = set("іїєґ")
_RU_ONLY = set("ыэъё")


_ASCII_TABLE = str.maketrans({"'": None, "`": None, '"': None, "-": " ", "_": " ", "/": " ", ".": " ",
                               ",": " ",
                               "(": " ", ")": " "})  # fmt: skip
# norm's ASCII table plus the one-letter romanization folds (j, y -> i) in the same pass.
_FOLD_TABLE = {**_ASCII_TABLE, ord("j"): "i", ord("y"): "i"}


def norm(name: str) -> str:
    """Case, diacritics, apostrophes and hyphens removed: 'Krasnoarmiys’k' -> 'krasnoarmiysk'."""
    if name.isascii():  # the common case, ten times faster than the Unicode path
        return " ".join(name.lower().translate(_ASCII_TABLE).split())
    return _norm_unicode(name)


@lru_cache(maxsize=65536)
def _norm_unicode(name: str) -> str:
    """Cached: a Cyrillic article's words are normalized many times over (each inflected reading and
    respelling of a word asks again), and the Unicode path is the slow one."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    text = _DOTS.sub(" ", _DASHES.sub(" ", text))
    return " ".join(text.split())


def fold(name: str) -> str:
    """The looser key: systematic romanization differences folded away (Latin only).

    Cyrillic keeps its normalized form: Cyrillic queries meet Cyrillic index entries. Every name the
    detector considers goes through here, so the ASCII path avoids work it can skip (see lookups/s in
    benchmarks/places_speed.py).
    """
    if name.isascii():
        text = " ".join(name.lower().translate(_FOLD_TABLE).split())
    else:
        text = norm(name)
        if _CYRILLIC.search(text):
            return text.replace("ы", "и").replace("і", "и").replace("є", "е").replace("э", "е")
        text = text.replace("j", "i").replace("y", "i")
    if "h" in text:
        text = text.replace("shch", "sch").replace("kh", "h")
    if "ii" in text:
        text = _I_RUN.sub("i", text)
    if "ie" in text:
        text = _IE.sub("e", text)
    # a function, not the template r"\1": re parses a template on every call, even without a match
    return _DOUBLE.sub(_first_group, text)


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def romanize(cyrillic: str, table: str) -> str:
    """A Cyrillic name in Latin letters by the Ukrainian ('uk') or Russian ('ru') table."""
    letters = _UK if table == "uk" else _RU
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", cyrillic.casefold()):
        mapped = letters.get(ch)
        out.append(ch if mapped is None else mapped)
    return "".join(out)


def cyrillic_language(name: str) -> str | None:
    """'uk' or 'ru' for a Cyrillic name where its letters tell; None where they do not.

    GeoNames lists Ukrainian and Russian forms side by side, untagged: і/ї/є/ґ and the Ukrainian
    ending -ськ mark Ukrainian, ы/э/ъ/ё and a bare -ск Russian.
    """
    lowered = name.casefold()
    if not _CYRILLIC.search(lowered):
        return None
    if _UK_ONLY & set(lowered):
        return "uk"
    if _RU_ONLY & set(lowered):
        return "ru"
    if re.search(r"ськ\b", lowered):
        return "uk"
    if re.search(r"(?<!ь)ск\b|ое\b|ый\b|ий\b|ая\b", lowered):
        return "ru"
    return None


def is_cyrillic(name: str) -> bool:
    return bool(_CYRILLIC.search(name))


def is_indexable(name: str) -> bool:
    """Latin or Cyrillic names only: other scripts cannot occur in the texts we analyze."""
    return bool(_LATIN.search(name) or _CYRILLIC.search(name)) and not re.search(
        r"[\u0590-\u1fff\u3000-\uffff]", name
    )


def latin_naming(name: str, uk_forms: set[str], ru_forms: set[str]) -> str | None:
    """Which tradition a Latin spelling follows, judged against romanized Cyrillic forms."""
    key = fold(name)
    in_uk, in_ru = key in uk_forms, key in ru_forms
    if in_uk and not in_ru:
        return "uk"
    if in_ru and not in_uk:
        return "ru"
    return None
