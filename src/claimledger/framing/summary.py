"""The article-level framing summary of the report: rates, counts by label, loaded terms, speakers.

Techniques inside a quote are counted for the quoted speaker, not the outlet: `narrator` figures are
the outlet's own words only.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from claimledger.document import Document, Quote, Technique

_WORD = re.compile(r"\w+")


def speaker_name(quotes: list[Quote], index: int | None) -> str:
    if index is None:
        return "narrator"
    speaker = quotes[index].speaker
    return speaker.name or speaker.description or f"unnamed {speaker.kind} source"


def framing_summary(doc: Document) -> dict[str, Any] | None:
    """None when the framing stage did not run on the document."""
    if not any(stage.startswith("framing@") for stage in doc.stages):
        return None
    techniques = list(doc.get(Technique))
    quotes = list(doc.get(Quote))
    words = len(_WORD.findall(doc.text))
    narrator = [t for t in techniques if t.quote is None]
    return {
        "words": words,
        "techniques": len(techniques),
        "per_1000_words": _rate(len(techniques), words),
        "narrator_per_1000_words": _rate(len(narrator), words),
        "by_label": dict(Counter(t.technique for t in techniques).most_common()),
        "by_speaker": dict(Counter(speaker_name(quotes, t.quote) for t in techniques).most_common()),
        "loaded_terms": [
            {
                "text": doc.surface(t),
                "neutral": t.neutral,
                "technique": t.technique,
                "side": t.side,
                "speaker": speaker_name(quotes, t.quote),
                "quote": t.quote,
                "start": t.start,
                "end": t.end,
            }
            for t in techniques
            if t.neutral is not None
        ],
    }


def _rate(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0
