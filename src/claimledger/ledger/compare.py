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

from claimledger.ledger.wording import Wording, WordingIndex, content_words, jaccard, wording_model

Status = Literal["corroborated", "contested", "single-source"]
STATUSES: tuple[Status, ...] = ("corroborated", "contested", "single-source")
# Claim types that name one open question about a place, so place and date alone group them.
PLACE_DEFINED = frozenset({"territorial_control"})
_ARTICLE_ID = re.compile(r"[0-9a-f]{64}")


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


def wording_similarity(left: str, right: str) -> float:
    """Jaccard overlap of content words: 0 for nothing shared, 1 for the same words (the fallback
    measure; grouping uses `wording.wording_model`)."""
    return jaccard(content_words(left), content_words(right))


def group_claims(
    records: Iterable[ClaimRecord],
    *,
    window_days: int = 3,
    wording: Wording | None = None,
    min_similarity: float | None = None,
) -> list[ClaimGroup]:
    """Groups in order of first date; a claim joins the first open group it fits, else starts one.
    `wording` judges whether two texts say the same (default: the static model, else Jaccard);
    `min_similarity` overrides its threshold."""
    chosen = wording or wording_model()[0]
    threshold = chosen.threshold if min_similarity is None else min_similarity
    buckets: dict[tuple[str, str], list[ClaimRecord]] = {}
    for record in records:
        buckets.setdefault((record.type, record.place), []).append(record)
    worded = [r for (claim_type, _), rs in buckets.items() if claim_type not in PLACE_DEFINED for r in rs]
    index = chosen.index([r.text for r in worded])
    rows = {id(r): n for n, r in enumerate(worded)}
    groups: list[ClaimGroup] = []
    for (claim_type, place), members in buckets.items():
        fits = _Fits(window_days, threshold, index, rows)
        groups.extend(_cluster(claim_type, place, members, fits))
    groups.sort(key=lambda g: (g.first_date or "9999", g.place_name, g.type))
    return groups


@dataclass
class _Fits:
    """Whether a claim belongs to an open group: near enough in time and, for types other than
    control, worded like one of its claims."""

    window_days: int
    threshold: float
    index: WordingIndex
    rows: dict[int, int]

    def __call__(self, group: ClaimGroup, record: ClaimRecord) -> bool:
        if not _within(group.claims[-1].date, record.date, self.window_days):
            return False
        if record.type in PLACE_DEFINED:
            return True
        others = [self.rows[id(c)] for c in group.claims]
        return self.index.best(self.rows[id(record)], others) >= self.threshold


def _cluster(claim_type: str, place: str, members: list[ClaimRecord], fits: _Fits) -> list[ClaimGroup]:
    ordered = sorted(members, key=lambda c: (c.date or "", c.article_id))
    groups: list[ClaimGroup] = []
    for record in ordered:
        target = next((g for g in groups if fits(g, record)), None)
        if target is None:
            target = ClaimGroup(claim_type, place, record.place_name)
            groups.append(target)
        target.claims.append(record)
    return groups


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
