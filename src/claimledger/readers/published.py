"""Publication dates as readers and flags give them: a date, or the date part of an ISO timestamp."""

from __future__ import annotations

from datetime import date, datetime

from claimledger.errors import InputError


def parse_published(value: str, where: str) -> date:
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InputError(f"{where}: publication date must be YYYY-MM-DD, got {value!r}") from exc
