"""Dates stage: every temporal expression, normalized against the article's publication date.

Finds absolute dates ("1 December 2025", "Dec. 1", "2025-12-01"), yearless ones ("November 30th":
the latest such day on or before publication, unless the clause speaks of the future), relative
ones ("yesterday", "on Monday", "last week", "two days ago", "earlier this month"), years and ranges
("since 2014", "between 10 and 12 November"). Without a publication date, relative and yearless
expressions are recorded with a null value rather than guessed. Russian and Ukrainian articles use
the rules of `claimledger.temporal.cyrillic` ("30 ноября", "в ночь на 12 марта", "минулого тижня").
Does not: read times of day, seasons, decades, or durations ("for three weeks").
The English rules are in `claimledger.temporal.rules`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from claimledger.document import DateMention, Document
from claimledger.pipeline import BatchStage
from claimledger.settings import Settings
from claimledger.stages.nlp import CYRILLIC
from claimledger.temporal import Timex, find_dates
from claimledger.temporal.cyrillic import find_cyrillic_dates


class DatesStage(BatchStage):
    name = "dates"
    version = "1"
    requires = frozenset({"text", "meta"})
    assigns = frozenset({"dates"})

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def predict(self, docs: Sequence[Document]) -> Sequence[list[Timex]]:
        return [
            (find_cyrillic_dates if doc.meta.language in CYRILLIC else find_dates)(
                doc.text, doc.meta.published
            )
            for doc in docs
        ]

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc, found in zip(docs, cast("Sequence[list[Timex]]", results), strict=True):
            unresolved = sum(1 for timex in found if timex.value is None)
            if doc.meta.published is None and unresolved:
                doc.note(
                    f"no publication date: {unresolved} relative or yearless date(s) left unresolved "
                    "(give --published YYYY-MM-DD)"
                )
            for timex in found:
                doc.add(DateMention(timex.start, timex.end, timex.value, timex.granularity, timex.until))
