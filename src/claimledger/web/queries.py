"""What the workbench asks the ledger, as plain dicts ready for JSON and templates.

Place reports, events and outlet profiles are the ledger's own answers (`ledger.queries`, the same
the CLI prints), so the workbench and `claimledger place/events/outlets` agree. Listing articles by
filter is the one question the ledger does not answer yet, so it is built here with SQLAlchemy Core
over the ledger's table definitions (bound parameters only, never string-built SQL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, func, select, union

from claimledger.ledger import control
from claimledger.ledger import queries as ledger_queries
from claimledger.ledger.models import articles, places, techniques
from claimledger.ledger.store import Store, name_key
from claimledger.settings import Settings
from claimledger.web.errors import NotFoundError

MAX_PAGE = 200
MAX_OFFSET = 10_000_000  # past any real ledger, and inside SQLite's 64-bit integers (found by schemathesis)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    language: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    technique: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.outlet:
            found.append(articles.c.outlet == self.outlet)
        if self.language:
            found.append(articles.c.language == self.language)
        if self.since:
            found.append(articles.c.published >= self.since.isoformat())
        if self.until:
            found.append(articles.c.published <= self.until.isoformat())
        # `pk IN (subquery)`, not a correlated EXISTS: SQLite builds the article set once from the
        # name and mention indexes instead of probing places for every article.
        if self.place:
            found.append(articles.c.pk.in_(_articles_naming(self.place)))
        if self.technique:
            found.append(
                articles.c.pk.in_(
                    select(techniques.c.article_pk).where(techniques.c.technique == self.technique)
                )
            )
        return found


def _articles_naming(place: str) -> CompoundSelect[tuple[int]] | Select[tuple[int]]:
    if place.isdigit():
        return select(places.c.article_pk).where(places.c.geonames_id == int(place))
    key = name_key(place)
    return union(
        select(places.c.article_pk).where(places.c.name_key == key),
        select(places.c.article_pk).where(places.c.mention_key == key),
    )


def list_articles(store: Store, where: ArticleFilter, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of articles, newest first, and how many match in all."""
    columns = (
        articles.c.id,
        articles.c.title,
        articles.c.outlet,
        articles.c.published,
        articles.c.language,
        articles.c.words,
        articles.c.duplicate_of,
    )
    conditions = where.conditions()
    query = (
        select(*columns)
        .where(*conditions)
        .order_by(articles.c.published.desc(), articles.c.pk.desc())
        .limit(min(limit, MAX_PAGE))
        .offset(offset)
    )
    total = select(func.count()).select_from(articles).where(*conditions)
    with store.engine.connect() as connection:
        rows = [dict(row) for row in connection.execute(query).mappings()]
        count = int(connection.execute(total).scalar_one())
    return {"total": count, "offset": offset, "articles": rows}


def article_report(store: Store, article_id: str) -> dict[str, Any]:
    report = store.report(article_id)
    if report is None:
        raise NotFoundError(f"no article {article_id[:16]} in the ledger")
    return report


def place_page(store: Store, name: str, settings: Settings) -> dict[str, Any]:
    """Everything the place page shows: the ledger's place report (timeline with sourcing and the
    control check, names by outlet), the events about the place, and the control record itself."""
    report = ledger_queries.place_report(store, name)
    if not report["claims"] and not report["names_by_outlet"]:
        raise NotFoundError(f"no place {name[:80]!r} in the ledger")
    report["events"] = events(store, settings, place=name)
    runs = store.control_runs(report["geonames_ids"])
    report["control_runs"] = [_run(run) for place_runs in runs.values() for run in place_runs]
    return report


def events(
    store: Store,
    settings: Settings,
    *,
    status: str | None = None,
    claim_type: str | None = None,
    place: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = MAX_PAGE,
) -> list[dict[str, Any]]:
    """Claims grouped across sources (the ledger's `events`), optionally only those of one status."""
    found = ledger_queries.events(
        store,
        claim_type=claim_type,
        place=place,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        window_days=settings.claim_window_days,
        min_similarity=settings.claim_similarity,
    )
    chosen = [event for event in found if status is None or event["status"] == status]
    return chosen[: min(limit, MAX_PAGE)]


def map_places(store: Store) -> list[dict[str, Any]]:
    """Resolved places with coordinates and counts, for the map's markers; `key` opens the place page."""
    return [
        {**dict(row), "key": row["name"], "claims": int(row["claims"] or 0)} for row in store.place_rows()
    ]


def outlets(store: Store) -> list[dict[str, Any]]:
    """The ledger's per-outlet profile: volume, anonymous share, sides quoted, techniques, naming."""
    return ledger_queries.outlets(store)


def search(store: Store, words: str, *, limit: int = 20) -> list[dict[str, Any]]:
    # Control characters match nothing and a NUL ends SQLite's FTS5 query string early ("unterminated
    # string", found by the schemathesis test): they are dropped before the ledger sees the words.
    cleaned = _CONTROL.sub(" ", words)
    return [dict(row) for row in store.search(cleaned, limit=min(limit, MAX_PAGE))]


def _run(run: control.Run) -> dict[str, Any]:
    return {
        "geonames_id": run.geonames_id,
        "source": run.source,
        "status": run.status,
        "first_day": run.first_day.isoformat(),
        "last_day": run.last_day.isoformat(),
    }
