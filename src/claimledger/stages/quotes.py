"""Quotes stage: direct quotes and reported speech, each with its speaker, cue and relay chain.

Finds quotes in straight, curly, single, « » and „ “ marks (split, partial and multi-paragraph ones
included) and reported clauses ("X said that ...", "according to X, ..."); speakers are named
people, organizations, media or anonymous sources, with pronouns and role references resolved to an
earlier speaker. Rules over the spaCy parse, in the source/cue/content frame of PARC 3.0 and
PolNeAR (Newell et al., LREC 2018), scored by `claimledger eval quotes` on PolNeAR dev.
Russian and Ukrainian articles have no parse yet: their quotes come from `claimledger.quotes.cyrillic`
(marks, dash speech and reported speech, attributed by the words around the cue), as the report
notes. The report's per-article sourcing profile is computed from these quotes
(`claimledger.quotes.sourcing`). Does not: attribute beliefs without a reporting verb, or link
quotes across documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimledger.document import Document
from claimledger.pipeline import BatchStage
from claimledger.quotes import Found, find_quotes, load_lexicon
from claimledger.quotes.cyrillic import find_cyrillic_quotes
from claimledger.settings import Settings
from claimledger.stages.nlp import has_parse


class QuotesStage(BatchStage):
    name = "quotes"
    version = "2"
    requires = frozenset({"parsed"})
    assigns = frozenset({"quotes"})

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lexicon = load_lexicon()

    def predict(self, docs: Sequence[Document]) -> Sequence[Found]:
        return [
            find_quotes(doc.parsed, self.lexicon, doc.text)
            if has_parse(doc)
            else find_cyrillic_quotes(doc.text)
            for doc in docs
        ]

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc, found in zip(docs, results, strict=True):
            if not isinstance(found, Found):
                raise TypeError(f"quotes stage expected Found, got {type(found).__name__}")
            if not has_parse(doc):
                doc.note(
                    f"quotes: {doc.meta.language} attribution read from the words around each cue, no parse"
                )
            for quote in found.quotes:
                doc.add(quote)
            if found.unclosed:
                doc.note(
                    f"{found.unclosed} quotation mark(s) never closed; "
                    "each such quote was cut at the end of its paragraph"
                )
