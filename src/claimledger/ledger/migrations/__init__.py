"""Alembic migrations of the ledger schema; `claimledger.ledger.store` runs them on open."""
