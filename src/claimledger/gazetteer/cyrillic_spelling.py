"""Ukrainian spellings of Russian place names, by the regular correspondences of the two languages.

Small Ukrainian villages carry only their Ukrainian name in GeoNames, and Russian news writes their
Russian form: "Великой Новоселки" is "Велика Новосілка", "Потёмкино" "Потьомкине", "Яцковка"
"Яцьківка", "Давыдов Брод" "Давидів Брід", "Иванополье" "Іванопілля". Each candidate spelling is only
looked up, so a rule may offer a few readings; the gazetteer says which exists.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

# Russian -> Ukrainian endings of place names (adjectives, plurals, suffixes), longest first.
_UK_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ическое", ("ічне",)),  # "Новоэкономическое" -> "Новоекономічне"
    ("ический", ("ічний",)),
    ("ическая", ("ічна",)),
    ("ское", ("ське",)),
    ("цкое", ("цьке",)),
    ("ский", ("ський",)),
    ("цкий", ("цький",)),
    ("ская", ("ська",)),
    ("цкая", ("цька",)),
    ("евка", ("івка", "ївка")),
    ("овка", ("івка",)),
    ("ёвка", ("івка", "ївка")),
    ("ые", ("і",)),
    ("ие", ("і",)),
    ("ая", ("а",)),
    ("яя", ("я",)),
    ("нее", ("нє",)),  # "Дальнее" -> "Дальнє", "Верхнее" -> "Верхнє"
    ("ое", ("е",)),
    ("ый", ("ий",)),
    ("ск", ("ськ",)),
    ("ов", ("ів",)),
    ("ев", ("їв", "ів")),
    ("ье", ("я",)),
    ("ино", ("ине",)),
    ("ово", ("ове",)),
    ("ево", ("еве", "єве")),
)
_MAX_SPELLINGS = 12


def ukrainian_spellings(name: str) -> list[str]:
    """Ukrainian spellings a Russian place name may stand for: "Великая Новоселка" -> "Велика
    Новосілка", "Малые Щербаки" -> "Малі Щербаки", "Андреевка" -> "Андріївка"."""
    return list(_spellings(name))


@lru_cache(maxsize=16384)
def _spellings(name: str) -> tuple[str, ...]:
    """Cached: each word of an article is respelled for every inflected reading of it."""
    words = name.split(" ")
    # a bare word of a longer name closes its last syllable ("Давыдов Брод" -> "Давидів Брід")
    per_word = [_uk_word(w, closed=len(words) > 1) for w in words]
    out = [" ".join(combo) for combo in product(*per_word)]
    return tuple([s for s in dict.fromkeys(out) if s != name][:_MAX_SPELLINGS])


def _soft_variants(w: str) -> list[str]:
    """A word as written, then with the softness Ukrainian spells out: Russian ё is ьо after a
    consonant and йо elsewhere, ьё is йо ("Потёмкино" -> "Потьомкине", "Соловьёво" -> "Соловйове"; as
    plain е in "Семёновка" -> "Семенівка" too), and a ц before к is ць ("Яцковка" -> "Яцьківка")."""
    out = [w]
    if "ё" in w:
        soft = re.sub(r"(?<=[бвгдзклмнпрстфхцчшщ])ё", "ьо", w.replace("ьё", "йо"))
        out.append(soft.replace("ё", "йо"))
    if "цк" in w:
        out += [v.replace("цк", "цьк") for v in list(out)]
    return out


# Russian -ье after a consonant is Ukrainian -я with the consonant doubled ("Иванополье" ->
# "Іванопілля", "Заречье" -> "Заріччя"); after a labial or р it is -'я ("Подгорье" -> "Підгір'я"),
# which the plain -я reading meets, lookup folding the apostrophe away.
_DOUBLED = frozenset("лнтдзсцчжш")


def _uk_word(w: str, *, closed: bool = False) -> list[str]:
    return list(dict.fromkeys(s for v in _soft_variants(w) for s in _uk_plain(v, closed=closed)))


def _uk_plain(w: str, *, closed: bool = False) -> list[str]:
    lowered = w.casefold()
    heads, tails = [w], [""]
    for ending, replacements in _UK_ENDINGS:
        if lowered.endswith(ending) and len(w) > len(ending) + 2:
            heads, tails = [w[: -len(ending)]], list(replacements)
            break
    if lowered.endswith("ье") and len(w) > 4 and lowered[-3] in _DOUBLED:
        tails = [lowered[-3] + "я", *tails]
    out: list[str] = []
    heads = [re.sub(r"^Александр", "Олександр", head) for head in heads]
    for head in heads:
        base = head.replace("ы", "и").replace("ё", "е").replace("Ы", "И")
        # "Андреевка": the second е after a vowel is ї (an э stays a plain е: "Новоэкономическое")
        after_vowel = re.sub(r"(?<=[аеиоу])е", "ї", base).replace("э", "е").replace("Э", "Е")
        base = base.replace("э", "е").replace("Э", "Е")
        variants = [after_vowel, *(_e_to_i(after_vowel, n) for n in range(after_vowel.count("е")))]
        if after_vowel != base:  # "Новоегоровка": "Новоєгорівка", є after a vowel of a compound
            variants.append(re.sub(r"(?<=[аеиоу])е", "є", base))
        variants += [re.sub(r"и(?=[^аеиоуяюі]*$)", "і", v) for v in variants]  # closed last syllable
        if not tails[0]:  # "Новополь" -> "Новопіль": о before a final soft consonant is і
            variants += [re.sub(r"о(?=[лнрт]ь$)", "і", v) for v in variants[:2]]
            if closed:  # "Брод" -> "Брід", "Рог" -> "Ріг"
                variants += [re.sub(r"о(?=[бвгджзклмнпрстфхцчшщ]$)", "і", v) for v in variants[:2]]
        out += [v + tail for v in variants for tail in tails]
    out = list(dict.fromkeys(out))[:6]
    # a bare stem ("Сокол" of the surname "Соколов"): no freer respellings, but for a "-поль" town
    if not tails[0] and not lowered.endswith("поль"):
        return out
    first = re.sub(r"^Под(?=[^аеиоуяюіїє])", "Під", out[0])  # "Подгорное" -> "Підгірне"
    first = re.sub(r"поль$", "піль", first)  # "Ровнополь" -> "Рівнопіль": the о's before it next
    # "Работино" -> "Роботине", "Казачья" -> "Козача": a Russian а in the first syllable is
    # often a Ukrainian о (a vowel the two spellings write after different pronunciations).
    extra = [first, re.sub(r"^([^аеиоуыэюяіїє]+)а", r"\1о", first)]
    # "Спорное" -> "Спірне", "Горняк" -> "Гірник": Russian о is Ukrainian і where a syllable closed
    # (as е is in "Новоселка" -> "Новосілка"); each of the last two о's in turn.
    at = [i for i, ch in enumerate(first) if ch == "о" and i > 0][-2:]
    extra += [first[:i] + "і" + first[i + 1 :] for i in reversed(at)]
    return list(dict.fromkeys(out + extra))


def _e_to_i(text: str, n: int) -> str:
    """The n-th "е" as "і" (Russian о/е in a closed syllable is Ukrainian і: Новоселка -> Новосілка)."""
    at = [i for i, ch in enumerate(text) if ch == "е"][n]
    return text[:at] + "і" + text[at + 1 :]


def hyphenated_spellings(name: str) -> list[str]:
    parts = [_uk_word(part)[:3] for part in name.split("-")]
    return ["-".join(combo) for combo in product(*parts)][:9] if len(parts) <= 3 else []
