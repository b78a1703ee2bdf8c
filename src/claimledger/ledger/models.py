"""The ledger's tables (SQLAlchemy Core): one row per article, flat rows per span, control runs.

Core rather than the ORM because ingest writes thousands of small rows a second and queries read
them back as plain tuples; the Alembic migrations in `migrations/versions` create exactly these
tables (a test compares them), plus the full-text indexes each backend builds its own way.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    # An integer key keeps the span tables and the SQLite FTS5 index small and fast to join.
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("published", String(10)),
    Column("language", String(8)),
    Column("source", Text),
    Column("words", Integer, nullable=False),
    Column("duplicate_of", String(64)),
    Column("report_hash", String(64), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    # The large columns last: SQLite reads a row's columns in order, through overflow pages, so
    # queries that want only the metadata above never touch the text.
    Column("text", Text, nullable=False),
    # The report without its text (which is the column above): the article comes back whole.
    Column("report", Text, nullable=False),
    Column("minhash", LargeBinary),
    Index("ix_articles_outlet_published", "outlet", "published"),
    Index("ix_articles_published", "published"),
)

places = Table(
    "places",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("mention", Text, nullable=False),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False),
    Column("mention_key", String(200), nullable=False),
    Column("geonames_id", BigInteger),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", String(200)),
    Column("feature", String(40)),
    Column("naming", String(20)),
    Column("confidence", Float, nullable=False),
    Index("ix_places_article", "article_pk", "idx", unique=True),
    Index("ix_places_name_key", "name_key"),
    Index("ix_places_mention_key", "mention_key"),
    # in article order within a place: the joins from a place's mentions read pages in order
    Index("ix_places_geonames_article", "geonames_id", "article_pk", "idx"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_description", Text),
    Column("speaker_kind", String(20), nullable=False),
    Column("cue", Text),
    Column("via", Text, nullable=False),
    Index("ix_quotes_article", "article_pk", "idx", unique=True),
)

claims = Table(
    "claims",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(40), nullable=False),
    Column("claimant", Text),
    Column("stance", String(20), nullable=False),
    Column("date", String(10)),
    Column("actor", Text),
    Column("quote_idx", Integer),
    Column("figure", BigInteger),
    Column("unit", Text),
    Column("qualifier", Text),
    Index("ix_claims_article", "article_pk", "idx", unique=True),
    Index("ix_claims_type_date", "type", "date"),
)

# Which places each claim is about: a claim's `places` indexes, as (article, claim idx, place idx).
claim_places = Table(
    "claim_places",
    metadata,
    Column("article_pk", Integer, ForeignKey("articles.pk"), primary_key=True),
    Column("place_idx", Integer, primary_key=True),
    Column("claim_idx", Integer, primary_key=True),
    # from a claim to the places it names (the key starts with place_idx)
    Index("ix_claim_places_claim", "article_pk", "claim_idx"),
)

techniques = Table(
    "techniques",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("technique", String(60), nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_techniques_article", "article_pk", "idx", unique=True),
)

# MinHash LSH bands: two articles sharing a band key are near-duplicate candidates.
article_bands = Table(
    "article_bands",
    metadata,
    Column("band", BigInteger, nullable=False),
    Column("article_pk", Integer, ForeignKey("articles.pk"), nullable=False),
    Index("ix_article_bands_band", "band"),
    Index("ix_article_bands_article", "article_pk"),
)

# A territorial-control record as runs of one status per place: [first_day, last_day] inclusive.
control_runs = Table(
    "control_runs",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("source", String(40), nullable=False),
    Column("geonames_id", BigInteger, nullable=False),
    Column("status", String(20), nullable=False),
    Column("first_day", String(10), nullable=False),
    Column("last_day", String(10), nullable=False),
    Index("ix_control_runs_place", "geonames_id", "first_day"),
)

SPAN_TABLES = (claim_places, places, quotes, claims, techniques, article_bands)
