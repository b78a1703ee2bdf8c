"""What the workbench asks the ledger, as plain dicts ready for JSON and templates.

Place reports, events and outlet profiles are the ledger's own answers (`ledger.queries`, the same
the CLI prints), so the workbench and `claimledger place/events/outlets` agree. Listing articles by
filter is the one question the ledger does not answer yet, so it is built here with SQLAlchemy Core
over the ledger's table definitions (bound parameters only, never string-built SQL).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, exists, func, select, union

from claimledger.ledger import control
from claimledger.ledger import queries as ledger_queries
from claimledger.ledger.models import articles, places, techniques
from claimledger.ledger.store import Store, name_key
from claimledger.settings import Settings
from claimledger.web.app_state import Shelf, Workbench
from claimledger.web.errors import NotFoundError

MAX_PAGE = 200
TIMELINE = 200  # claims a place timeline shows by default: the latest; a busy place has thousands
MAX_TIMELINE = 5000
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

    def conditions(self, *, counting: bool = False) -> list[ColumnElement[bool]]:
        """`counting`: for a count, which visits every match anyway, a technique is matched by one
        pass over the technique rows (`IN`) instead of a probe per article."""
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
        # A technique, by contrast, is one of a dozen labels that a large share of articles carry:
        # walking the newest articles and probing each one's few technique rows finds a page after
        # a few dozen probes, where `IN` would first collect (and sort) most of the ledger.
        if self.technique and counting:
            found.append(
                articles.c.pk.in_(
                    select(techniques.c.article_pk).where(techniques.c.technique == self.technique)
                )
            )
        elif self.technique:
            found.append(
                exists().where(
                    (techniques.c.article_pk == articles.c.pk) & (techniques.c.technique == self.technique)
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


def list_articles(
    store: Store,
    where: ArticleFilter,
    *,
    limit: int = 50,
    offset: int = 0,
    total: Callable[[], int] | None = None,
) -> dict[str, Any]:
    """A page of articles, newest first, and how many match in all. `total` answers the count when
    the caller keeps it: it is the same for every page of a filter, and on a large ledger counting a
    common filter's matches costs more than reading the page."""
    count = total() if total is not None else count_articles(store, where)
    # Past the last match there is nothing to read: the one case where walking the newest articles
    # for a page (a technique no article carries) would visit the whole ledger.
    rows = article_page(store, where, limit, offset) if offset < count else []
    return {"total": count, "offset": offset, "articles": rows}


def count_articles(store: Store, where: ArticleFilter) -> int:
    query = select(func.count()).select_from(articles).where(*where.conditions(counting=True))
    with store.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def article_page(store: Store, where: ArticleFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    columns = (
        articles.c.id,
        articles.c.title,
        articles.c.outlet,
        articles.c.published,
        articles.c.language,
        articles.c.words,
        articles.c.duplicate_of,
    )
    query = (
        select(*columns)
        .where(*where.conditions())
        .order_by(articles.c.published.desc(), articles.c.pk.desc())
        .limit(min(limit, MAX_PAGE))
        .offset(offset)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def article_report(store: Store, article_id: str) -> dict[str, Any]:
    report = store.report(article_id)
    if report is None:
        raise NotFoundError(f"no article {article_id[:16]} in the ledger")
    return report


def place_page(store: Store, name: str, settings: Settings, *, limit: int = TIMELINE) -> dict[str, Any]:
    """Everything the place page shows: the ledger's place report (the latest `limit` claims with
    sourcing and the control check, names by outlet; the status judged over every claim), the
    events about the place, and the control record itself."""
    report = ledger_queries.place_report(store, name, limit=limit)
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
    grouped: Callable[[EventQuery], list[dict[str, Any]]] | None = None,
) -> list[dict[str, Any]]:
    """Claims grouped across sources (the ledger's `events`), optionally only those of one status.
    `grouped` answers the grouping when the caller keeps it: one grouping serves every status."""
    question = EventQuery(claim_type, place, since, until)
    found = grouped(question) if grouped is not None else group_events(store, settings, question)
    chosen = [event for event in found if status is None or event["status"] == status]
    return chosen[: min(limit, MAX_PAGE)]


@dataclass(frozen=True)
class EventQuery:
    claim_type: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None


def group_events(store: Store, settings: Settings, question: EventQuery) -> list[dict[str, Any]]:
    return ledger_queries.events(
        store,
        claim_type=question.claim_type,
        place=question.place,
        since=question.since.isoformat() if question.since else None,
        until=question.until.isoformat() if question.until else None,
        window_days=settings.claim_window_days,
        min_similarity=settings.claim_similarity,
    )


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


# -- the same answers, kept by the workbench until the ledger changes (web/answers.py) -----------


def list_articles_kept(bench: Workbench, where: ArticleFilter, *, limit: int, offset: int) -> dict[str, Any]:
    """Pages and counts are kept apart: the count serves every page of a filter. A page of articles
    naming a busy place sorts its thousands of matches by date (~20 ms on 100,000 articles)."""
    store = bench.ledger()
    return bench.remember(
        "list",
        (where, limit, offset),
        lambda: list_articles(
            store,
            where,
            limit=limit,
            offset=offset,
            total=lambda: bench.remember("count", where, lambda: count_articles(store, where)),
        ),
    )


def place_page_kept(bench: Workbench, name: str, *, limit: int = TIMELINE) -> dict[str, Any]:
    store = bench.ledger()
    return bench.remember(
        "place", ("place", name, limit), lambda: place_page(store, name, bench.settings, limit=limit)
    )


def kept_grouping(bench: Workbench) -> Callable[[EventQuery], list[dict[str, Any]]]:
    store = bench.ledger()

    def grouped(question: EventQuery) -> list[dict[str, Any]]:
        shelf: Shelf = "place" if question.place else "ledger"
        return bench.remember(
            shelf, ("events", question), lambda: group_events(store, bench.settings, question)
        )

    return grouped


def warm(bench: Workbench) -> None:
    """Compute the answers that read the whole ledger (outlet profiles, map, event grouping) before
    anyone asks: on 100,000 articles the grouping alone takes tens of seconds. Run by `serve` in a
    background thread; a request arriving meanwhile waits for the same computation, not a second one."""
    store = bench.ledger()
    bench.remember_json("ledger", ("outlets",), lambda: outlets(store))
    bench.remember_json("ledger", ("map",), lambda: map_places(store))
    kept_grouping(bench)(EventQuery())
