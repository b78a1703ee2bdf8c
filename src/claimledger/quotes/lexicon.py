"""The word lists behind the quotes stage, read once from resources/quotes-lexicon.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Sets for fast membership tests; names are matched case-insensitively."""

    reporting_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    media_names: frozenset[str]
    media_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    # every verb that may introduce an attribution, whatever form its content takes
    cue_verbs: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        union = self.reporting_verbs | self.infinitive_verbs | self.object_verbs
        object.__setattr__(self, "cue_verbs", union)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = resources.files("claimledger").joinpath("resources/quotes-lexicon.toml").read_text("utf-8")
    data = tomllib.loads(raw)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return Lexicon(
        reporting_verbs=words("reporting_verbs"),
        speech_verbs=words("speech_verbs"),
        infinitive_verbs=words("infinitive_verbs"),
        object_verbs=words("object_verbs"),
        media_names=words("media_names"),
        media_nouns=words("media_nouns"),
        organization_nouns=words("organization_nouns"),
        female_names=words("female_names"),
        male_names=words("male_names"),
    )
