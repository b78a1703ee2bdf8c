"""Cross-source lines: group claims about the same thing and say who asserts and who denies it.

Pure logic over plain records, tested without a database (the store builds the records). A group
is one claim type about one place within a window of days; for types other than territorial
control the wording must also be similar, since "an attack on Kharkiv" on Monday and another on
Tuesday are two events while "control of Pokrovsk" is one question however it is worded. Copies of
one wire item (near-duplicates) and several articles of one outlet count as one source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Status = Literal["corroborated", "contested", "single-source"]
STATUSES: tuple[Status, ...] = ("corroborated", "contested", "single-source")
# Claim types that name one open question about a place, so place and date alone group them.
PLACE_DEFINED = frozenset({"territorial_control"})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARTICLE_ID = re.compile(r"[0-9a-f]{64}")
# Function words and negations: "captured" and "did not capture" should look alike here.
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "not",
        "no",
        "nor",
        "of",
        "on",
        "or",
        "our",
        "said",
        "says",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
    ]
)


@dataclass(frozen=True)
class ClaimRecord:
    """One claim as the ledger holds it, with what comparison needs from its article."""

    article_id: str
    outlet: str | None
    type: str
    stance: str
    text: str
    date: str | None
    place: str
    place_name: str
    claimant: str | None = None
    sourcing: str | None = None
    # The source this claim counts for: the outlet of the article it was copied from, if a copy.
    origin: str | None = None
    control: str | None = None
    published: str | None = None

    @property
    def source(self) -> str:
        """The outlet counted for this claim; an article of unknown outlet counts as itself."""
        found = self.origin or self.outlet
        if found and not _ARTICLE_ID.fullmatch(found):
            return found
        return f"article {(found or self.article_id)[:12]}"


@dataclass
class ClaimGroup:
    """Claims judged to be about the same thing, in date order."""

    type: str
    place: str
    place_name: str
    claims: list[ClaimRecord] = field(default_factory=list)

    @property
    def asserting(self) -> list[str]:
        return sorted({c.source for c in self.claims if c.stance != "denied"})

    @property
    def denying(self) -> list[str]:
        return sorted({c.source for c in self.claims if c.stance == "denied"})

    @property
    def status(self) -> Status:
        return group_status(self.claims)

    @property
    def first_date(self) -> str | None:
        return min((c.date for c in self.claims if c.date), default=None)

    @property
    def last_date(self) -> str | None:
        return max((c.date for c in self.claims if c.date), default=None)


def group_status(claims: Sequence[ClaimRecord]) -> Status:
    """`contested` when someone asserts and someone denies; `corroborated` when two or more
    independent sources say it; else `single-source`. Hedged claims count as (weak) assertions."""
    asserting = {c.source for c in claims if c.stance != "denied"}
    denying = {c.source for c in claims if c.stance == "denied"}
    if asserting and denying:
        return "contested"
    if len(asserting | denying) >= 2:
        return "corroborated"
    return "single-source"


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words without function words, cut to 6 letters as a crude stem."""
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def wording_similarity(left: str, right: str) -> float:
    """Jaccard overlap of content words: 0 for nothing shared, 1 for the same words."""
    a, b = content_words(left), content_words(right)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def group_claims(
    records: Iterable[ClaimRecord], *, window_days: int = 3, min_similarity: float = 0.3
) -> list[ClaimGroup]:
    """Groups in order of first date; a claim joins the first open group it fits, else starts one."""
    buckets: dict[tuple[str, str], list[ClaimRecord]] = {}
    for record in records:
        buckets.setdefault((record.type, record.place), []).append(record)
    groups: list[ClaimGroup] = []
    for (claim_type, place), members in buckets.items():
        groups.extend(_cluster(claim_type, place, members, window_days, min_similarity))
    groups.sort(key=lambda g: (g.first_date or "9999", g.place_name, g.type))
    return groups


def _cluster(
    claim_type: str, place: str, members: list[ClaimRecord], window_days: int, min_similarity: float
) -> list[ClaimGroup]:
    ordered = sorted(members, key=lambda c: (c.date or "", c.article_id))
    groups: list[ClaimGroup] = []
    for record in ordered:
        target = next((g for g in groups if _fits(g, record, window_days, min_similarity)), None)
        if target is None:
            target = ClaimGroup(claim_type, place, record.place_name)
            groups.append(target)
        target.claims.append(record)
    return groups


def _fits(group: ClaimGroup, record: ClaimRecord, window_days: int, min_similarity: float) -> bool:
    last = group.claims[-1]
    if not _within(last.date, record.date, window_days):
        return False
    if record.type in PLACE_DEFINED:
        return True
    return any(wording_similarity(c.text, record.text) >= min_similarity for c in group.claims)


def _within(left: str | None, right: str | None, window_days: int) -> bool:
    """Undated claims group only with undated ones; dates of month or year precision use their first day."""
    if left is None or right is None:
        return left is None and right is None
    return abs((_day(right) - _day(left)).days) <= window_days


def _day(value: str) -> date:
    parts = [*value.split("-"), "01", "01"][:3]
    return date(int(parts[0]), int(parts[1]), int(parts[2]))


def duplicate_clusters(pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Connected components of near-duplicate pairs (article ids): each is one wire item."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in pairs:
        parent[find(left)] = find(right)
    clusters: dict[str, set[str]] = {}
    for node in parent:
        clusters.setdefault(find(node), set()).add(node)
    return sorted(clusters.values(), key=lambda c: sorted(c)[0])
