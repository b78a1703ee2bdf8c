"""The ledger store: the only code that speaks SQL.

SQLite by default (WAL: one writer, parallel readers), PostgreSQL for teams; the schema is managed
by the Alembic migrations beside this module and brought up to date on open. Every article is
written in one transaction and keyed by its id, so re-ingesting replaces or skips, never doubles.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, Literal

import platformdirs
import psycopg
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Result,
    Table,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.expression import ClauseElement, Join
from sqlalchemy.sql.selectable import NamedFromClause

from claimledger.errors import LedgerError
from claimledger.ledger import minhash
from claimledger.ledger.control import Run
from claimledger.ledger.models import (
    SPAN_TABLES,
    article_bands,
    articles,
    claim_places,
    claims,
    control_runs,
    places,
    quotes,
    techniques,
)
from claimledger.ledger.rows import article_row, chunks, name_key, report_of, run_row, span_rows

__all__ = ["PutResult", "Store", "article_row", "database_url", "name_key"]

MIGRATIONS = Path(__file__).parent / "migrations"
# Statements of the write path, compiled once per dialect and run on the driver's own cursor
# (see `_Writer`): the candidates query names one parameter per LSH band, a fixed number.
_FIND_ARTICLE = select(articles.c.pk, articles.c.report_hash, articles.c.duplicate_of).where(
    articles.c.id == bindparam("article_id")
)
_CANDIDATES = select(articles.c.id, articles.c.duplicate_of, articles.c.minhash).where(
    articles.c.pk.in_(
        select(article_bands.c.article_pk)
        .where(article_bands.c.band.in_([bindparam(f"band{i}") for i in range(minhash.BANDS)]))
        .distinct()
        .limit(200)
        .scalar_subquery()
    )
)
Outcome = Literal["stored", "replaced", "unchanged"]


# The write path runs statements on the driver's own cursor, so its errors arrive unwrapped by
# SQLAlchemy: a unique-key race (two attempts of one Dask task) must still surface as LedgerError.
DRIVER_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError, sqlite3.Error, psycopg.Error)


@dataclass(frozen=True)
class PutResult:
    """What `Store.put` did with one report, and which article it copies, if any."""

    outcome: Outcome
    duplicate_of: str | None = None


def database_url(target: str) -> str:
    """A SQLAlchemy URL for `--db`: a URL as given (postgresql:// uses psycopg 3), else a SQLite path;
    empty means the default file in the user data directory."""
    if "://" in target:
        if target.startswith(("postgresql://", "postgres://")):
            return "postgresql+psycopg://" + target.split("://", 1)[1]
        return target
    path = Path(target) if target else platformdirs.user_data_path("claimledger") / "ledger.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


# WAL: one writer and parallel readers; NORMAL: no fsync per commit in WAL mode (a power cut may
# lose the last commits, never consistency); a 64 MiB page cache and memory-mapped reads keep
# `place` on a large ledger from re-reading the same pages through the OS. A stored article dirties
# about 50 pages (its rows, a dozen index leaves, the FTS segment), so the default checkpoint every
# 1,000 WAL pages meant two fsyncs every 20 articles: every 16,000 pages (64 MiB) instead, with the
# WAL file cut back to that size after each checkpoint.
_SQLITE_PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=NORMAL",
    "wal_autocheckpoint=16000",
    "journal_size_limit=67108864",
    "foreign_keys=ON",
    "busy_timeout=10000",
    "cache_size=-65536",
    "mmap_size=268435456",
)


def _sqlite_pragmas(engine: Engine) -> None:
    """WAL and an explicit BEGIN, so a transaction covers reads and writes alike (SQLAlchemy's
    documented recipe: pysqlite's own implicit transactions start late and skip SELECTs)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")


class Store:
    """One ledger database. Open with `Store.open(target)`; close when done (or use `with`)."""

    def __init__(self, engine: Engine, *, duplicate_threshold: float = 0.8) -> None:
        self.engine = engine
        self.duplicate_threshold = duplicate_threshold
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, target: str, *, duplicate_threshold: float = 0.8) -> Store:
        url = database_url(target)
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise LedgerError(f"cannot open ledger {target!r}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
        store = cls(engine, duplicate_threshold=duplicate_threshold)
        try:
            store.migrate()
        except (SQLAlchemyError, LedgerError) as exc:
            engine.dispose()
            if isinstance(exc, LedgerError):
                raise
            raise LedgerError(f"cannot open ledger {target!r}: {_short(exc)}") from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the schema to the newest revision; refuse a schema newer than this code."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        with self.engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
            known = {rev.revision for rev in script.walk_revisions()}
            if current is not None and current not in known:
                raise LedgerError(
                    f"the ledger's schema ({current}) is newer than this claimledger knows ({head}): "
                    "upgrade claimledger"
                )
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    # -- writing --------------------------------------------------------------------------------

    def put(self, report: dict[str, Any]) -> PutResult:
        """Store one report in one transaction: new, replacing a changed one, or unchanged."""
        row = article_row(report)
        try:
            with self.engine.begin() as connection:
                return self._put(connection, report, row)
        except DRIVER_ERRORS as exc:
            raise LedgerError(f"cannot store article {row['id'][:12]}: {_short(exc)}") from exc

    def _put(self, connection: Connection, report: dict[str, Any], row: dict[str, Any]) -> PutResult:
        writer = _Writer(connection)
        found = writer.first(_FIND_ARTICLE, {"article_id": row["id"]})
        if found is not None and found[1] == row["report_hash"]:
            return PutResult("unchanged", found[2])
        if found is not None:
            _delete_article(connection, found[0])
        sig = minhash.signature(report["text"])
        bands = minhash.band_keys(sig)
        duplicate_of = self._find_original(writer, sig, bands, row["id"])
        pk = writer.insert_article({**row, "minhash": minhash.to_bytes(sig), "duplicate_of": duplicate_of})
        for table, values in span_rows(pk, report).items():
            writer.insert_many(table, values)
        writer.insert_many(article_bands, [{"band": band, "article_pk": pk} for band in bands])
        return PutResult("replaced" if found is not None else "stored", duplicate_of)

    def bulk_load(self, reports: Iterable[dict[str, Any]], *, batch: int = 2000) -> int:
        """Load many reports into an EMPTY ledger, `batch` per transaction, without the per-article
        checks (upsert, near-duplicates): for benchmarks and restoring an export, not for ingest."""
        with self.engine.connect() as connection:
            start = int(connection.execute(select(func.coalesce(func.max(articles.c.pk), 0))).scalar_one())
        count = 0
        for chunk in chunks(reports, batch):
            rows: dict[Any, list[dict[str, Any]]] = {articles: []}
            for offset, report in enumerate(chunk, start=start + count + 1):
                rows[articles].append(
                    {**article_row(report), "pk": offset, "minhash": None, "duplicate_of": None}
                )
                for table, values in span_rows(offset, report).items():
                    rows.setdefault(table, []).extend(values)
            with self.engine.begin() as connection:
                for table, values in rows.items():
                    _bulk_insert(connection, table, values)
            count += len(chunk)
        if self.dialect == "postgresql":
            with self.engine.begin() as connection:
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence('articles', 'pk'), :n)"), {"n": start + count}
                )
        self._analyze()
        return count

    def _analyze(self) -> None:
        """Planner statistics after a bulk load: without them PostgreSQL guesses a place has a few
        hundred mentions until autovacuum gets round to the tables, and SQLite has none at all."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))

    def _find_original(
        self, writer: _Writer, sig: minhash.Signature, bands: list[int], article_id: str
    ) -> str | None:
        """The earlier article this one copies (MinHash similarity over the threshold), if any."""
        rows = writer.all(_CANDIDATES, {f"band{i}": band for i, band in enumerate(bands)})
        best: tuple[float, str] | None = None
        for found_id, found_original, signature in rows:
            if found_id == article_id or signature is None:
                continue
            score = minhash.similarity(sig, minhash.from_bytes(bytes(signature)))
            if score >= self.duplicate_threshold and (best is None or score > best[0]):
                best = (score, found_original or found_id)
        return best[1] if best else None

    def delete(self, article_id: str) -> bool:
        with self.engine.begin() as connection:
            pk = connection.execute(select(articles.c.pk).where(articles.c.id == article_id)).scalar()
            if pk is None:
                return False
            _delete_article(connection, pk)
            return True

    def replace_control(self, source: str, runs: Iterable[Run]) -> int:
        """Replace every run of `source` in one transaction; returns how many were stored."""
        count = 0
        with self.engine.begin() as connection:
            connection.execute(delete(control_runs).where(control_runs.c.source == source))
            for chunk in chunks(runs, 5000):
                connection.execute(insert(control_runs), [run_row(run) for run in chunk])
                count += len(chunk)
        return count

    # -- reading --------------------------------------------------------------------------------

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are stored already (ingest skips analyzing them)."""
        found: set[str] = set()
        with self.engine.connect() as connection:
            for chunk in chunks(ids, 500):
                found.update(
                    connection.execute(select(articles.c.id).where(articles.c.id.in_(chunk))).scalars()
                )
        return found

    def count(self, table: str = "articles") -> int:
        tables = {t.name: t for t in (articles, *SPAN_TABLES, control_runs)}
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(tables[table])).scalar_one())

    def report(self, article_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(articles.c.report, articles.c.text).where(articles.c.id == article_id)
            ).first()
        return None if row is None else report_of(row.report, row.text)

    def reports(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every stored report, in ingest order, read in batches so memory stays flat."""
        last = 0
        while True:
            with self.engine.connect() as connection:
                rows = connection.execute(
                    select(articles.c.pk, articles.c.report, articles.c.text)
                    .where(articles.c.pk > last)
                    .order_by(articles.c.pk)
                    .limit(batch)
                ).all()
            if not rows:
                return
            for row in rows:
                yield report_of(row.report, row.text)
            last = rows[-1].pk

    def duplicates(self) -> list[tuple[str, str]]:
        """(copy, original) article id pairs."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(articles.c.id, articles.c.duplicate_of).where(articles.c.duplicate_of.is_not(None))
            ).all()
        return [(row.id, row.duplicate_of) for row in rows]

    def place_keys(self, name: str) -> tuple[list[int], list[str]]:
        """GeoNames ids and (for unresolved places) names matching `name` as canonical name or mention."""
        key = name_key(name)
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(places.c.geonames_id, places.c.name_key)
                .where((places.c.name_key == key) | (places.c.mention_key == key))
                .distinct()
            ).all()
        ids = sorted({row.geonames_id for row in rows if row.geonames_id is not None})
        names = sorted(
            {row.name_key for row in rows if row.geonames_id is None} | ({key} if not ids else set())
        )
        return ids, names

    def place_claims(
        self, ids: Sequence[int], names: Sequence[str], *, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Claims about the places in date order (the latest `limit` only, if given), each with its
        article, the place mention and the quote behind it."""
        copied = articles.alias("original")
        query = (
            select(
                articles.c.id.label("article_id"),
                articles.c.outlet,
                articles.c.language,
                articles.c.published,
                articles.c.title,
                articles.c.duplicate_of,
                func.coalesce(copied.c.outlet, copied.c.id).label("origin"),
                places.c.mention,
                places.c.name.label("place_name"),
                places.c.geonames_id,
                places.c.naming,
                claims.c.idx.label("claim_idx"),
                claims.c.text,
                claims.c.type,
                claims.c.stance,
                claims.c.claimant,
                claims.c.date,
                claims.c.actor,
                quotes.c.speaker_name,
                quotes.c.speaker_description,
                quotes.c.speaker_kind,
                quotes.c.via,
                quotes.c.cue,
            )
            .select_from(_claims_with_places(copied))
            .where(_place_match(ids, names))
            .order_by(
                func.coalesce(claims.c.date, articles.c.published).desc(),
                articles.c.outlet.desc(),
                claims.c.idx.desc(),
            )
        )
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            found = _dicts(connection.execute(query))
        return found[::-1]

    def place_mentions(self, ids: Sequence[int], names: Sequence[str]) -> list[dict[str, Any]]:
        """How each outlet named the places: (outlet, mention, naming, mentions, articles)."""
        query = (
            select(
                articles.c.outlet,
                places.c.mention,
                places.c.naming,
                func.count().label("mentions"),
                func.count(func.distinct(places.c.article_pk)).label("articles"),
            )
            .select_from(places)
            .join(articles, articles.c.pk == places.c.article_pk)
            .where(_place_match(ids, names))
            .group_by(articles.c.outlet, places.c.mention, places.c.naming)
            .order_by(articles.c.outlet, func.count().desc())
        )
        with self.engine.connect() as connection:
            return _dicts(connection.execute(query))

    def claim_rows(
        self,
        *,
        claim_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place_key: str | None = None,
    ) -> list[dict[str, Any]]:
        """Claims that name at least one place, one row per (claim, place), for grouping into events;
        `place_key` (a `name_key`) keeps one place's rows in SQL, through its index, instead of
        reading every claim of the ledger to drop most of them."""
        copied = articles.alias("original")
        day = func.coalesce(claims.c.date, articles.c.published)
        query = select(
            articles.c.id.label("article_id"),
            articles.c.outlet,
            articles.c.published,
            func.coalesce(copied.c.outlet, copied.c.id).label("origin"),
            claims.c.idx.label("claim_idx"),
            claims.c.text,
            claims.c.type,
            claims.c.stance,
            claims.c.claimant,
            claims.c.actor,
            day.label("date"),
            places.c.name.label("place_name"),
            places.c.name_key,
            places.c.geonames_id,
            quotes.c.speaker_kind,
        ).select_from(_claims_with_places(copied))
        if claim_type:
            query = query.where(claims.c.type == claim_type)
        if since:
            query = query.where(day >= since)
        if until:
            query = query.where(day <= until)
        if place_key is not None:
            query = query.where(places.c.name_key == place_key)
        with self.engine.connect() as connection:
            return _dicts(connection.execute(query))

    def outlet_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Per-outlet aggregates for `claimledger outlets`: articles, quotes, techniques, naming."""
        outlet = func.coalesce(articles.c.outlet, "(unknown)").label("outlet")
        queries = {
            "articles": select(
                outlet,
                func.count().label("articles"),
                func.sum(articles.c.words).label("words"),
                func.count(articles.c.duplicate_of).label("copies"),
            ).group_by(outlet),
            "quotes": select(
                outlet,
                quotes.c.speaker_kind,
                quotes.c.speaker_name,
                quotes.c.speaker_description,
                quotes.c.via,
                func.count().label("n"),
            )
            .join(articles, articles.c.pk == quotes.c.article_pk)
            .group_by(
                outlet,
                quotes.c.speaker_kind,
                quotes.c.speaker_name,
                quotes.c.speaker_description,
                quotes.c.via,
            ),
            "techniques": select(outlet, techniques.c.technique, func.count().label("n"))
            .join(articles, articles.c.pk == techniques.c.article_pk)
            .group_by(outlet, techniques.c.technique),
            "naming": select(outlet, places.c.naming, func.count().label("n"))
            .join(articles, articles.c.pk == places.c.article_pk)
            .where(places.c.naming.is_not(None))
            .group_by(outlet, places.c.naming),
        }
        with self.engine.connect() as connection:
            return {name: _dicts(connection.execute(query)) for name, query in queries.items()}

    def search(self, words: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Articles and quotes matching every word of `words`, best first (FTS5 / tsvector)."""
        terms = [w for w in _SEARCH_SPLIT(words) if w]
        if not terms:
            return []
        statement = _SQLITE_SEARCH if self.dialect == "sqlite" else _POSTGRES_SEARCH
        query = (
            " ".join('"' + t.replace('"', "") + '"' for t in terms)
            if self.dialect == "sqlite"
            else " ".join(terms)
        )
        try:
            with self.engine.connect() as connection:
                return _dicts(connection.execute(text(statement), {"q": query, "limit": limit}))
        except SQLAlchemyError as exc:
            raise LedgerError(f"search for {words!r} failed: {_short(exc)}") from exc

    def control_runs(self, geonames_ids: Iterable[int]) -> dict[int, list[Run]]:
        ids = sorted(set(geonames_ids))
        out: dict[int, list[Run]] = {}
        if not ids:
            return out
        with self.engine.connect() as connection:
            rows = connection.execute(select(control_runs).where(control_runs.c.geonames_id.in_(ids))).all()
        for row in rows:
            out.setdefault(row.geonames_id, []).append(
                Run(
                    row.source,
                    row.geonames_id,
                    row.status,
                    date.fromisoformat(row.first_day),
                    date.fromisoformat(row.last_day),
                )
            )
        return out

    def place_rows(self) -> list[dict[str, Any]]:
        """Resolved places with mention, article and claim counts (GeoJSON export)."""
        claim_count = (
            select(func.count())
            .select_from(claim_places)
            .where(
                (claim_places.c.article_pk == places.c.article_pk)
                & (claim_places.c.place_idx == places.c.idx)
            )
            .scalar_subquery()
        )
        query = (
            select(
                places.c.geonames_id,
                func.min(places.c.name).label("name"),
                func.avg(places.c.lat).label("lat"),
                func.avg(places.c.lon).label("lon"),
                func.min(places.c.country).label("country"),
                func.min(places.c.admin1).label("admin1"),
                func.count().label("mentions"),
                func.count(func.distinct(places.c.article_pk)).label("articles"),
                func.sum(claim_count).label("claims"),
            )
            .where(places.c.geonames_id.is_not(None) & places.c.lat.is_not(None))
            .group_by(places.c.geonames_id)
            .order_by(places.c.geonames_id)
        )
        with self.engine.connect() as connection:
            return _dicts(connection.execute(query))

    def table_rows(self, table: str, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Rows of one span table joined with their article's metadata, for CSV and Parquet export."""
        chosen = {"claims": claims, "places": places, "quotes": quotes, "techniques": techniques}[table]
        columns = [c for c in chosen.c if c.name not in {"pk", "article_pk"}]
        query = (
            select(
                articles.c.id.label("article_id"),
                articles.c.outlet,
                articles.c.published,
                articles.c.duplicate_of,
                *columns,
            )
            .join(articles, articles.c.pk == chosen.c.article_pk)
            .order_by(chosen.c.pk)
        )
        with self.engine.connect() as connection:
            result = connection.execution_options(yield_per=batch).execute(query)
            for row in result.mappings():
                yield dict(row)

    def article_rows(self) -> Iterator[dict[str, Any]]:
        query = select(
            *(c for c in articles.c if c.name not in {"pk", "text", "report", "minhash", "report_hash"})
        ).order_by(articles.c.pk)
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=2000).execute(query).mappings():
                yield dict(row)


def _dicts(result: Result[Any]) -> list[dict[str, Any]]:
    """Rows as plain dicts, the column names read once: SQLAlchemy's `RowMapping` builds its key
    view anew for every row, which was most of `place`'s Python time on a large ledger."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]


def _SEARCH_SPLIT(words: str) -> list[str]:  # noqa: N802 - reads as a constant splitter at call sites
    """Words of a query; control characters (a NUL ends a C string in SQLite) count as spaces."""
    return [w.strip(".,;:!?\"'()[]{}*^-") for w in _CONTROL_CHARS.sub(" ", words).split()]


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


_SQLITE_SEARCH = """
SELECT * FROM (
  SELECT 'article' AS kind, a.id AS article_id, a.outlet, a.published, a.title,
         snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS score
  FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
  WHERE articles_fts MATCH :q
  UNION ALL
  SELECT 'quote', a.id, a.outlet, a.published, a.title,
         snippet(quotes_fts, 0, '[', ']', '…', 16), bm25(quotes_fts)
  FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid JOIN articles a ON a.pk = q.article_pk
  WHERE quotes_fts MATCH :q
) ORDER BY score LIMIT :limit
"""
_POSTGRES_SEARCH = """
SELECT * FROM (
  SELECT 'article' AS kind, a.id AS article_id, a.outlet, a.published, a.title,
         ts_headline('simple', a.text, plainto_tsquery('simple', :q),
                     'StartSel=[, StopSel=], MaxWords=16, MinWords=6') AS snippet,
         -ts_rank(to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text),
                  plainto_tsquery('simple', :q)) AS score
  FROM articles a
  WHERE to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text) @@ plainto_tsquery('simple', :q)
  UNION ALL
  SELECT 'quote', a.id, a.outlet, a.published, a.title,
         ts_headline('simple', q.text, plainto_tsquery('simple', :q),
                     'StartSel=[, StopSel=], MaxWords=16, MinWords=6'),
         -ts_rank(to_tsvector('simple', q.text), plainto_tsquery('simple', :q))
  FROM quotes q JOIN articles a ON a.pk = q.article_pk
  WHERE to_tsvector('simple', q.text) @@ plainto_tsquery('simple', :q)
) AS found ORDER BY score LIMIT :limit
"""


def _claims_with_places(copied: NamedFromClause) -> Join:
    """Claims joined to the places they name, their article, the article it copies, and their quote:
    what both the place timeline and the event grouping read."""
    return (
        claims.join(
            claim_places,
            (claim_places.c.article_pk == claims.c.article_pk) & (claim_places.c.claim_idx == claims.c.idx),
        )
        .join(
            places,
            (places.c.article_pk == claim_places.c.article_pk) & (places.c.idx == claim_places.c.place_idx),
        )
        .join(articles, articles.c.pk == claims.c.article_pk)
        .outerjoin(copied, copied.c.id == articles.c.duplicate_of)
        .outerjoin(
            quotes, (quotes.c.article_pk == claims.c.article_pk) & (quotes.c.idx == claims.c.quote_idx)
        )
    )


def _place_match(ids: Sequence[int], names: Sequence[str]) -> ColumnElement[bool]:
    by_id = places.c.geonames_id.in_(list(ids)) if ids else None
    by_name = (places.c.name_key.in_(list(names)) & places.c.geonames_id.is_(None)) if names else None
    if by_id is not None and by_name is not None:
        return by_id | by_name
    if by_id is not None:
        return by_id
    if by_name is not None:
        return by_name
    return places.c.pk.is_(None)


def _bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Many rows of one table: COPY on PostgreSQL (an order of magnitude past executemany, which
    sends one statement per row), executemany elsewhere."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    cursor = connection.connection.cursor()
    names = ", ".join(columns)
    with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


class _Writer:
    """The write path on the driver's own cursor, inside the SQLAlchemy transaction: SQL compiled
    once per (dialect, statement, columns), rows passed as tuples or dicts as the driver wants.
    SQLAlchemy's per-statement bookkeeping was most of the CPU an article cost to store
    (benchmarks/ledger.py); going around it leaves the database's own work."""

    # (dialect, statement) -> (SQL, parameter order for positional drivers, defaults such as a LIMIT)
    _compiled: ClassVar[dict[tuple[str, object], tuple[str, tuple[str, ...], dict[str, Any]]]] = {}

    def __init__(self, connection: Connection) -> None:
        self.dialect = connection.dialect
        self.cursor = connection.connection.cursor()

    def _sql(self, key: object, build: Callable[[], ClauseElement]) -> tuple[str, tuple[str, ...]]:
        sql, order, _defaults = self._compile(key, build)
        return sql, order

    def _compile(
        self, key: object, build: Callable[[], ClauseElement]
    ) -> tuple[str, tuple[str, ...], dict[str, Any]]:
        cache_key = (self.dialect.name, key)
        if cache_key not in self._compiled:
            compiled = build().compile(dialect=self.dialect)
            self._compiled[cache_key] = (
                str(compiled),
                tuple(getattr(compiled, "positiontup", None) or ()),  # qmark drivers
                {k: v for k, v in compiled.params.items() if v is not None},
            )
        return self._compiled[cache_key]

    def _query(self, statement: ClauseElement, values: dict[str, Any]) -> None:
        sql, order, defaults = self._compile(statement, lambda: statement)
        params = {**defaults, **values}
        self.cursor.execute(sql, tuple(params[k] for k in order) if order else params)

    def first(self, statement: ClauseElement, values: dict[str, Any]) -> tuple[Any, ...] | None:
        self._query(statement, values)
        found: tuple[Any, ...] | None = self.cursor.fetchone()
        return found

    def all(self, statement: ClauseElement, values: dict[str, Any]) -> list[tuple[Any, ...]]:
        self._query(statement, values)
        return list(self.cursor.fetchall())

    def insert_article(self, row: dict[str, Any]) -> int:
        """The article's row; returns its new key (lastrowid on SQLite, RETURNING elsewhere)."""
        sqlite = self.dialect.name == "sqlite"

        def build() -> ClauseElement:
            statement = insert(articles).values({k: bindparam(k) for k in row})
            return statement if sqlite else statement.returning(articles.c.pk)

        sql, order = self._sql(("articles", tuple(row)), build)
        self.cursor.execute(sql, tuple(row[k] for k in order) if order else row)
        if sqlite:
            return int(self.cursor.lastrowid)
        returned = self.cursor.fetchone()
        if returned is None:
            raise LedgerError("the database returned no key for the new article")
        return int(returned[0])

    def insert_many(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        keys = tuple(rows[0])
        sql, order = self._sql(
            (table.name, keys), lambda: insert(table).values({k: bindparam(k) for k in keys})
        )
        if order:
            self.cursor.executemany(sql, [tuple(row[k] for k in order) for row in rows])
        else:
            self.cursor.executemany(sql, rows)


def _delete_article(connection: Connection, pk: int) -> None:
    for table in SPAN_TABLES:
        connection.execute(delete(table).where(table.c.article_pk == pk))
    connection.execute(delete(articles).where(articles.c.pk == pk))


def _short(exc: Exception) -> str:
    """The driver's own message, first line only: SQLAlchemy appends the statement and a link."""
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().split("\n", 1)[0]
