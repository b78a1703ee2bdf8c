"""Framing stage: persuasion techniques, span by span, and the loaded terms of the war.

Two sources, combined without duplicates: a model trained on the Propaganda Techniques Corpus
(SemEval-2020 Task 11, Da San Martino et al. 2020; frozen MiniLM features, a BiLSTM span tagger and
a span classifier, see docs/models.md) for English, and the curated lexicon
resources/loaded-terms.toml (English, Russian, Ukrainian) with each term's side and neutral wording.
Each span is charged to the narrator or to the quote it sits in. Does not: judge whether a statement
is true, or find techniques in languages other than English beyond the lexicon's terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimledger.document import Document, Quote, Technique
from claimledger.errors import SetupError
from claimledger.framing.lexicon import Lexicon, Match, load_lexicon
from claimledger.pipeline import BatchStage
from claimledger.settings import Settings

LEXICON_SCORE = 0.9  # a curated term is near-certain to be loaded; the model's scores are its own
MODEL_LANGUAGES = frozenset({"en"})
PARAGRAPH_LANGUAGES = frozenset({"ru", "uk"})
MODELS = ("minilm", "off")


@dataclass(frozen=True)
class Found:
    model: list[Technique]
    lexicon: list[Match]


class FramingStage(BatchStage):
    name = "framing"
    version = "1"
    requires = frozenset({"language"})
    assigns = frozenset({"techniques"})

    def __init__(self, settings: Settings) -> None:
        if settings.framing_model not in MODELS:
            raise SetupError(
                f"setting framing_model must be one of {', '.join(MODELS)}, got {settings.framing_model!r}"
            )
        self.lexicon: Lexicon = load_lexicon()
        self.use_model = settings.framing_model != "off"

    def predict(self, docs: Sequence[Document]) -> Sequence[Found]:
        modelled = [doc for doc in docs if self.use_model and doc.meta.language in MODEL_LANGUAGES]
        spans: dict[int, list[Technique]] = {}
        if modelled:
            from claimledger.framing.model import load_model  # noqa: PLC0415 - torch loads only when used

            found = load_model().find([doc.text for doc in modelled])
            for doc, items in zip(modelled, found, strict=True):
                spans[id(doc)] = [Technique(f.start, f.end, f.technique, f.score) for f in items]
        for doc in docs:  # ru/uk: paragraph techniques (framing/paragraphs.py, docs/models-ru.md)
            if self.use_model and doc.meta.language in PARAGRAPH_LANGUAGES:
                from claimledger.framing.paragraphs import find_techniques  # noqa: PLC0415 - loads on first use

                spans[id(doc)] = find_techniques(doc.text)
        return [
            Found(spans.get(id(doc), []), self.lexicon.find(doc.text, doc.meta.language or "en"))
            for doc in docs
        ]

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc, found in zip(docs, results, strict=True):
            if not isinstance(found, Found):
                raise TypeError(f"framing stage expected Found, got {type(found).__name__}")
            quotes = doc.get(Quote)
            for technique in combine(found.model, found.lexicon):
                doc.add(replace(technique, quote=quote_of(technique, quotes)))


def combine(model: list[Technique], lexicon: list[Match]) -> list[Technique]:
    """Model spans and lexicon matches as one list, in text order; a term the model also found is one span.

    A match merges into an overlapping model span that it mostly covers (the term is at least half
    of the span): the model's extent, the lexicon's label, side and wording. A term inside a longer
    model span (a loaded word in a sentence-long appeal to fear) is a technique of its own, nested
    in the longer one as PTC's annotators nest them, and is kept beside it.
    """
    out = list(model)
    for match in lexicon:
        term = match.term
        for n, span in enumerate(out):
            overlap = min(span.end, match.end) - max(span.start, match.start)
            if overlap > 0 and span.source == "model" and 2 * overlap >= span.end - span.start:
                out[n] = replace(
                    span,
                    technique=term.technique,
                    score=max(span.score, LEXICON_SCORE),
                    source="model+lexicon",
                    neutral=term.neutral,
                    side=term.side,
                )
                break
        else:
            out.append(
                Technique(
                    match.start, match.end, term.technique, LEXICON_SCORE, "lexicon", term.neutral, term.side
                )
            )
    return sorted(out, key=lambda t: (t.start, t.end))


def quote_of(span: Technique, quotes: Sequence[Quote]) -> int | None:
    """The quote holding the span's middle character, so a quoted speaker's words are not the outlet's."""
    middle = (span.start + span.end - 1) // 2
    for n, quote in enumerate(quotes):
        if quote.start <= middle < quote.end:
            return n
    return None
