"""The Document that flows through the pipeline, and one frozen record type per span kind.

Every offset indexes `Document.text` (Python code points, end exclusive); a span's surface text is
derived from it, never stored twice. Records refer to each other by index into their kind's list
(a Claim's `places`), so report rows and ledger rows stay flat.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, ClassVar, Literal, TypeVar

from claimledger.errors import ClaimledgerError

SpeakerKind = Literal["person", "organization", "media", "anonymous"]
ClaimType = Literal[
    "territorial_control",
    "attack",
    "casualties",
    "visit_or_meeting",
    "statement_of_intent",
    "prediction",
    "assessment",
    "other",
]
Stance = Literal["asserted", "denied", "hedged"]
Granularity = Literal["year", "month", "day"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of the document; subclasses add what was found there."""

    kind: ClassVar[str] = "spans"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity(Span):
    """A named entity as the language model tagged it (PERSON, GPE, ORG, ...)."""

    kind: ClassVar[str] = "entities"
    label: str


@dataclass(frozen=True, slots=True)
class Place(Span):
    """A toponym mention resolved to one canonical place."""

    kind: ClassVar[str] = "places"
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    naming: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to; `name` is None for unnamed sources."""

    name: str | None
    description: str | None
    kind: SpeakerKind
    # Where this attribution names the speaker ("he", "the ministry"); a pronoun's name and
    # description come from its antecedent, these offsets from the pronoun itself.
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Quote(Span):
    """Quoted or reported content (without the quotation marks) and its attribution."""

    kind: ClassVar[str] = "quotes"
    direct: bool
    speaker: Speaker
    cue: str | None = None
    via: tuple[str, ...] = ()
    # Index (among quotes) of the earlier part of the same utterance: a quote split around its
    # attribution, or the previous paragraph of a multi-paragraph quote.
    continues: int | None = None
    # Offsets of each relay in `via`, in the same order (where the article names it).
    via_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention(Span):
    """A temporal expression and its value resolved against the publication date."""

    kind: ClassVar[str] = "dates"
    value: str | None
    granularity: Granularity | None
    # The last day of a range ("between 10 and 12 November", "last week"); `value` is its first.
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Claim(Span):
    """One typed assertion: what, by whom, with which stance, about which places, when."""

    kind: ClassVar[str] = "claims"
    type: ClaimType
    claimant: str | None
    stance: Stance
    places: tuple[int, ...] = ()
    date: str | None = None
    # The acting side as the text names it ("Russian forces"), for territorial control and attacks.
    actor: str | None = None
    # For casualties: the figure and what it counts ("1200", "soldiers"), and "more than"/"up to".
    figure: int | None = None
    unit: str | None = None
    qualifier: str | None = None
    # Index (among quotes) of the quote the claim sits in, when the quotes stage found one.
    quote: int | None = None


@dataclass(frozen=True, slots=True)
class Technique(Span):
    """A persuasion technique (SemEval-2020 Task 11 label) over a span."""

    kind: ClassVar[str] = "techniques"
    technique: str
    score: float
    # "model", "lexicon" (resources/loaded-terms.toml) or "model+lexicon" when both found it.
    source: str = "model"
    # For a loaded term: a neutral wording and the side that typically uses it (russia/ukraine/both).
    neutral: str | None = None
    side: str | None = None
    # Index (among quotes) of the quote the span sits in; None when it is the narrator's own words.
    quote: int | None = None


SPAN_KINDS: tuple[type[Span], ...] = (Entity, Place, Quote, DateMention, Claim, Technique)
S = TypeVar("S", bound=Span)

_WHITESPACE = re.compile(r"\s+")


def normalize_for_id(text: str) -> str:
    """The form hashed into the article id: the same article re-encoded or re-wrapped keeps its id."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()


@dataclass
class Metadata:
    """What is known about an article besides its text; readers and flags fill it."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
    source: str | None = None

    def fill_from(self, other: Metadata) -> None:
        """Take `other`'s values only where this one has none: an article's own metadata wins."""
        for name in ("title", "outlet", "url", "published", "language"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))


@dataclass(eq=False)
class Document:
    """One article: text, metadata and typed spans; the same object is enriched stage by stage."""

    text: str
    meta: Metadata = field(default_factory=Metadata)
    notes: list[str] = field(default_factory=list)
    language_confidence: float | None = None
    language_detected: bool = False
    error: ClaimledgerError | None = None
    stages: list[str] = field(default_factory=list)
    _spans: dict[str, list[Span]] = field(default_factory=dict, repr=False)
    # The spaCy parse: transient, never serialized, stored or pickled to workers.
    parsed: Any = field(default=None, repr=False)

    @cached_property
    def id(self) -> str:
        return article_id(self.text)

    def add(self, record: S) -> int:
        """Add a span record; returns its index within its kind, which other records may cite."""
        if not (0 <= record.start < record.end <= len(self.text)):
            name = type(record).__name__
            raise ValueError(f"{name} offsets {record.start}-{record.end} outside text of {len(self.text)}")
        spans = self._spans.setdefault(record.kind, [])
        spans.append(record)
        return len(spans) - 1

    def get(self, record_type: type[S]) -> Sequence[S]:
        return self._spans.get(record_type.kind, [])  # type: ignore[return-value]

    def span_counts(self) -> dict[str, int]:
        return {kind: len(spans) for kind, spans in self._spans.items()}

    def surface(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def note(self, message: str) -> None:
        """A data-quality observation for the report: not a warning, not an error."""
        self.notes.append(message)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["parsed"] = None
        return state
