"""The loaded-term lexicon (resources/loaded-terms.toml): conflict vocabulary and neutral wordings.

Each entry's forms become one case-insensitive pattern per language; a trailing `*` in a form stands
for any word ending, so inflected Russian and Ukrainian forms need no list of their own.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimledger.errors import SetupError
from claimledger.framing.ptc import LABELS

LEXICON = Path(__file__).resolve().parents[1] / "resources" / "loaded-terms.toml"
SIDES = ("russia", "ukraine", "both")


@dataclass(frozen=True)
class Term:
    lang: str
    forms: tuple[str, ...]
    technique: str
    side: str
    neutral: str
    gloss: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term


def load_terms(path: Path = LEXICON) -> list[Term]:
    """Read and check the lexicon: an unknown label or side is a setup error naming the entry."""
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(f"loaded-term lexicon {path} unreadable: {exc}") from exc
    terms = []
    for n, entry in enumerate(entries, start=1):
        term = Term(
            lang=entry["lang"],
            forms=tuple(entry["forms"]),
            technique=entry["technique"],
            side=entry["side"],
            neutral=entry["neutral"],
            gloss=entry.get("gloss"),
            note=entry.get("note"),
        )
        if term.technique not in LABELS or term.side not in SIDES or not term.forms:
            raise SetupError(f"{path}: term {n} ({term.forms[:1]}) has a bad technique, side or forms")
        terms.append(term)
    return terms


def _form_pattern(form: str) -> str:
    stem = form.removesuffix("*")
    words = [re.escape(word) for word in stem.split()]
    # a * inside a multi-word form ("бункерн* дед*") marks that word's ending too
    body = r"\s+".join(word.replace(r"\*", r"\w*") for word in words)
    return body + (r"\w*" if form.endswith("*") else "")


class Lexicon:
    def __init__(self, terms: list[Term]) -> None:
        self.patterns: dict[str, list[tuple[re.Pattern[str], Term]]] = {}
        for term in terms:
            alternatives = sorted((_form_pattern(f) for f in term.forms), key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
            self.patterns.setdefault(term.lang, []).append((pattern, term))

    def find(self, text: str, lang: str) -> list[Match]:
        """Every match in `text` for the language's terms; of overlapping matches the longest wins."""
        found = [
            Match(m.start(), m.end(), term)
            for pattern, term in self.patterns.get(lang, [])
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Match] = []
        for match in found:
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON) -> Lexicon:
    return Lexicon(load_terms(path))
