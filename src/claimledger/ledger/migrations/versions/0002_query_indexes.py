"""Indexes for the query paths on large ledgers: `place`, `events --type/--since`, `outlets`.

Three single-column indexes become composite ones whose first column is the old one, so every
query that used them still can, and the write path (one transaction per article) keeps the same
number of index updates plus one:

- places (geonames_id, article_pk, idx): a place's mentions come out in article order, so the
  joins to articles, claims and claim links read their pages in order instead of at random;
- articles (outlet, published): per-outlet aggregates and timelines without a sort;
- claims (type, date): `events --type T --since D` reads one range;
- claim_places (article_pk, claim_idx): the join from a claim to the places it names (the key
  starts with place_idx, which that join does not know).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (old index, new index, table, columns)
_REPLACED = (
    ("ix_places_geonames", "ix_places_geonames_article", "places", ["geonames_id", "article_pk", "idx"]),
    ("ix_articles_outlet", "ix_articles_outlet_published", "articles", ["outlet", "published"]),
    ("ix_claims_type", "ix_claims_type_date", "claims", ["type", "date"]),
)


def upgrade() -> None:
    for old, new, table, columns in _REPLACED:
        op.create_index(new, table, columns)
        op.drop_index(old, table_name=table)
    op.create_index("ix_claim_places_claim", "claim_places", ["article_pk", "claim_idx"])


def downgrade() -> None:
    op.drop_index("ix_claim_places_claim", table_name="claim_places")
    for old, new, table, columns in _REPLACED:
        op.create_index(old, table, columns[:1])
        op.drop_index(new, table_name=table)
