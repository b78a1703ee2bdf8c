"""The sourcing profile of an article: who is quoted, how much, named or not, in which role, and
which sides of the war are heard (the report's `sourcing` object, issue 5).

Counts what the quotes stage found; roles and affiliations come from the editable table
resources/source-affiliations.toml, so a reader can see (and change) why a speaker was placed where
it was. It describes who is heard and never rates a source. A quote split around its attribution or
running over paragraphs counts once (its parts' words all count); quotes with no speaker are counted
as unattributed and left out of the role and affiliation counts.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

from claimledger.document import Document, Quote, Speaker

ROLES = ("official", "expert", "resident", "military", "media", "organization", "other")
# A description may name several roles; the first found in this order decides.
_ROLE_ORDER = ("expert", "resident", "official", "military", "media")
_SIDES = ("russian", "ukrainian")
_UNSIDED = ("other", "unknown")
_WORD = re.compile(r"\w+")
_PATTERN = re.compile(r"\w+\*?")

Phrase = tuple[str, ...]
V = TypeVar("V")


class Matcher(Generic[V]):
    """Phrases of a table indexed by their first word, so a speaker's words are read once."""

    def __init__(self, table: dict[str, V]) -> None:
        self.exact: dict[str, list[tuple[Phrase, V]]] = {}
        self.prefixed: list[tuple[str, Phrase, V]] = []
        for key, value in table.items():
            phrase = tuple(_PATTERN.findall(key.lower()))
            if not phrase:
                continue
            if phrase[0].endswith("*"):
                self.prefixed.append((phrase[0][:-1], phrase, value))
            else:
                self.exact.setdefault(phrase[0], []).append((phrase, value))

    def hits(self, words: list[str]) -> list[tuple[int, int, V]]:
        """(position, length, value) of every phrase found in `words`."""
        out: list[tuple[int, int, V]] = []
        for i, word in enumerate(words):
            candidates = [(p, v) for first, p, v in self.prefixed if word.startswith(first)]
            for phrase, value in self.exact.get(word, []) + candidates:
                if _matches(words, i, phrase):
                    out.append((i, len(phrase), value))
        return out

    def longest(self, words: list[str]) -> V | None:
        found = self.hits(words)
        return max(found, key=lambda h: h[1])[2] if found else None


@dataclass(frozen=True)
class Known:
    affiliation: str
    role: str


@dataclass(frozen=True)
class Affiliations:
    """resources/source-affiliations.toml, ready for matching."""

    labels: tuple[str, ...]
    speakers: Matcher[Known]
    institutions: Matcher[str]
    outlets: Matcher[str]
    roles: Matcher[str]
    sides: Matcher[str]
    military: Matcher[bool]


@dataclass(frozen=True)
class Voice:
    """Where a speaker stands for the profile: the role it speaks in, the side it speaks for."""

    role: str
    affiliation: str


@dataclass
class _Tally:
    speaker: Speaker
    voice: Voice
    quotes: int = 0
    words: int = 0
    via: Counter[str] = field(default_factory=Counter)


@lru_cache(maxsize=1)
def load_affiliations() -> Affiliations:
    raw = resources.files("claimledger").joinpath("resources/source-affiliations.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    sides = data["sides"]
    return Affiliations(
        labels=tuple(data["affiliations"]),
        speakers=Matcher({k: Known(v["affiliation"], v["role"]) for k, v in data["speakers"].items()}),
        institutions=Matcher({k: str(v) for k, v in data["institutions"].items()}),
        outlets=Matcher({k: str(v) for k, v in data["outlets"].items()}),
        roles=Matcher({w: role for role in _ROLE_ORDER for w in data["roles"][role]}),
        sides=Matcher({w: side for side in _SIDES for w in sides[side]}),
        military=Matcher(dict.fromkeys(sides["military"], True)),
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _matches(words: list[str], i: int, phrase: Phrase) -> bool:
    """Whether `phrase` occurs at `words[i]` (a trailing * in a pattern word allows any ending)."""
    if i + len(phrase) > len(words):
        return False
    return all(_same(words[i + k], pattern) for k, pattern in enumerate(phrase))


def _same(word: str, pattern: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def classify(speaker: Speaker, table: Affiliations | None = None) -> Voice:
    """The role and affiliation the speaker's name and description give, by the table's rules."""
    table = table or load_affiliations()
    words = _words(f"{speaker.name or ''} {speaker.description or ''}")
    known = table.speakers.longest(words)
    roles = {role for _, _, role in table.roles.hits(words)}
    described = next((r for r in _ROLE_ORDER if r in roles), None)
    by_kind = {"organization": "organization", "media": "media"}.get(speaker.kind)
    role = by_kind or (known.role if known else None) or described or "other"
    if known is not None:
        return Voice(role, known.affiliation)
    if role in ("expert", "resident"):
        # "a Russian military expert" speaks as an expert, not for the institution the words name
        return Voice(role, _by_role(role, None, military=False))
    institution = table.institutions.longest(words)
    if institution is not None:
        return Voice(role, institution)
    if speaker.kind == "media" or table.outlets.hits(words):
        return Voice(role, "media")
    return Voice(role, _by_role(role, _side(words, table), bool(table.military.hits(words))))


def _by_role(role: str, side: str | None, military: bool) -> str:
    if role == "expert":
        return "independent_expert"
    if role == "resident":
        return "civilians"
    if role == "media":
        return "media"
    if role in ("official", "military", "organization"):
        if side is None:
            return "other"
        return f"{side}_military" if role == "military" or military else f"{side}_government"
    return "unknown"


def _side(words: list[str], table: Affiliations) -> str | None:
    """The side whose words come first ("Russian envoy to Ukraine" speaks for Russia)."""
    found = table.sides.hits(words)
    return min(found)[2] if found else None


def relay_origin(via: str, table: Affiliations | None = None) -> str | None:
    """Where an outlet in `via` publishes from: russian, ukrainian, international, or None."""
    table = table or load_affiliations()
    words = _words(via)
    return table.outlets.longest(words) or _side(words, table)


def sourcing_profile(doc: Document) -> dict[str, Any] | None:
    """The report's `sourcing` object; None when the quotes stage did not run on the document."""
    if not any(stage.startswith("quotes@") for stage in doc.stages):
        return None
    table = load_affiliations()
    quotes = list(doc.get(Quote))
    tallies: dict[tuple[str | None, str | None, str], _Tally] = {}
    unattributed = direct = words_total = utterances = 0
    for q in quotes:
        words = len(_WORD.findall(doc.surface(q)))
        words_total += words
        new = q.continues is None or _key(quotes[q.continues].speaker) != _key(q.speaker)
        utterances += new
        direct += new and q.direct
        sp = q.speaker
        if sp.name is None and sp.description is None:
            unattributed += new
            continue
        tally = tallies.setdefault(_key(sp), _Tally(sp, classify(sp, table)))
        tally.quotes += new
        tally.words += words
        if new:
            tally.via.update(q.via)
    return _profile(list(tallies.values()), utterances, direct, words_total, unattributed, table)


def _key(sp: Speaker) -> tuple[str | None, str | None, str]:
    return (sp.name, sp.description, sp.kind)


def _profile(
    tallies: list[_Tally], quotes: int, direct: int, words: int, unattributed: int, table: Affiliations
) -> dict[str, Any]:
    named = sum(t.quotes for t in tallies if t.speaker.name is not None)
    anonymous = sum(t.quotes for t in tallies if t.speaker.name is None)
    roles = Counter({t.voice.role: 0 for t in tallies})
    affiliations = Counter({t.voice.affiliation: 0 for t in tallies})
    relays: Counter[str] = Counter()
    for t in tallies:
        roles[t.voice.role] += t.quotes
        affiliations[t.voice.affiliation] += t.quotes
        relays.update(t.via)
    return {
        "quotes": quotes,
        "quoted_words": words,
        "direct": direct,
        "reported": quotes - direct,
        "speakers": len(tallies),
        "named": named,
        "anonymous": anonymous,
        "unattributed": unattributed,
        "named_share": _share(named, quotes),
        "anonymous_share": _share(anonymous, quotes),
        "by_role": {r: roles[r] for r in ROLES if r in roles},
        "by_affiliation": {a: affiliations[a] for a in table.labels if a in affiliations},
        "sides_heard": [a for a in table.labels if affiliations[a] > 0 and a not in _UNSIDED],
        "relays": [
            {"via": name, "origin": relay_origin(name, table), "quotes": n}
            for name, n in relays.most_common()
        ],
        "by_speaker": [_speaker_row(t) for t in sorted(tallies, key=lambda t: (-t.words, -t.quotes))],
    }


def _speaker_row(t: _Tally) -> dict[str, Any]:
    sp = t.speaker
    return {
        "name": sp.name,
        "description": sp.description,
        "kind": sp.kind,
        "role": t.voice.role,
        "affiliation": t.voice.affiliation,
        "quotes": t.quotes,
        "words": t.words,
        "via": list(t.via),
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def summary_line(profile: dict[str, Any]) -> str | None:
    """One line for the terminal report; None when there is nothing to show."""
    if not profile["quotes"]:
        return None
    parts = [
        f"sourcing: {profile['quotes']} quotes ({profile['quoted_words']} words) "
        f"from {profile['speakers']} speakers",
        f"named {_percent(profile['named_share'])}, anonymous {_percent(profile['anonymous_share'])}"
        + (f", {profile['unattributed']} unattributed" if profile["unattributed"] else ""),
        "roles: " + _counts(profile["by_role"]),
        "affiliations: " + _counts(profile["by_affiliation"]),
    ]
    if profile["relays"]:
        parts.append("via: " + ", ".join(f"{r['via']} {r['quotes']}" for r in profile["relays"]))
    return " · ".join(parts)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f} %"


def _counts(counts: dict[str, int]) -> str:
    shown = [f"{name.replace('_', ' ')} {n}" for name, n in counts.items() if n]
    return ", ".join(shown) or "—"
