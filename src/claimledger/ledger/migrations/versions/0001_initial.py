"""The first ledger schema: articles, span rows, MinHash bands, control runs, full-text indexes.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite: FTS5 tables over the rows themselves (external content), kept current by triggers.
_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='pk', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.pk, new.text); END",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text); END",
)
# PostgreSQL: GIN indexes over the same expressions the search query uses ('simple': no stemming,
# because articles are in English, Russian and Ukrainian).
_POSTGRES_FTS = (
    "CREATE INDEX ix_articles_fts ON articles USING gin "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX ix_quotes_fts ON quotes USING gin (to_tsvector('simple', text))",
)


def _spans(name: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        name,
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_pk", sa.Integer(), sa.ForeignKey("articles.pk"), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_article", name, ["article_pk", "idx"], unique=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(8)),
        sa.Column("source", sa.Text()),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("duplicate_of", sa.String(64)),
        sa.Column("report_hash", sa.String(64), nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("minhash", sa.LargeBinary()),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])
    _spans(
        "places",
        sa.Column("mention", sa.Text(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("mention_key", sa.String(200), nullable=False),
        sa.Column("geonames_id", sa.BigInteger()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("feature", sa.String(40)),
        sa.Column("naming", sa.String(20)),
        sa.Column("confidence", sa.Float(), nullable=False),
    )
    op.create_index("ix_places_name_key", "places", ["name_key"])
    op.create_index("ix_places_mention_key", "places", ["mention_key"])
    op.create_index("ix_places_geonames", "places", ["geonames_id"])
    _spans(
        "quotes",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("speaker_name", sa.Text()),
        sa.Column("speaker_description", sa.Text()),
        sa.Column("speaker_kind", sa.String(20), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("via", sa.Text(), nullable=False),
    )
    _spans(
        "claims",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("claimant", sa.Text()),
        sa.Column("stance", sa.String(20), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("actor", sa.Text()),
        sa.Column("quote_idx", sa.Integer()),
        sa.Column("figure", sa.BigInteger()),
        sa.Column("unit", sa.Text()),
        sa.Column("qualifier", sa.Text()),
    )
    op.create_index("ix_claims_type", "claims", ["type"])
    op.create_table(
        "claim_places",
        sa.Column("article_pk", sa.Integer(), sa.ForeignKey("articles.pk"), primary_key=True),
        sa.Column("place_idx", sa.Integer(), primary_key=True),
        sa.Column("claim_idx", sa.Integer(), primary_key=True),
    )
    _spans(
        "techniques",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("technique", sa.String(60), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
    )
    op.create_table(
        "article_bands",
        sa.Column("band", sa.BigInteger(), nullable=False),
        sa.Column("article_pk", sa.Integer(), sa.ForeignKey("articles.pk"), nullable=False),
    )
    op.create_index("ix_article_bands_band", "article_bands", ["band"])
    op.create_index("ix_article_bands_article", "article_bands", ["article_pk"])
    op.create_table(
        "control_runs",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("geonames_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
    )
    op.create_index("ix_control_runs_place", "control_runs", ["geonames_id", "first_day"])
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_FTS, "postgresql": _POSTGRES_FTS}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE quotes_fts")
        op.execute("DROP TABLE articles_fts")
    for name in ("control_runs", "article_bands", "techniques", "claim_places", "claims", "quotes", "places"):
        op.drop_table(name)
    op.drop_table("articles")
