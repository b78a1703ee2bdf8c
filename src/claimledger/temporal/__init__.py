"""Temporal expressions: find them in text (`rules`) and resolve them against a publication date.

Kept apart from the dates stage so that the claims stage, the evaluation and the tests can call
`find_dates(text, published)` on plain strings without building a pipeline.
"""

from __future__ import annotations

from claimledger.temporal.rules import Timex, find_dates

__all__ = ["Timex", "find_dates"]
