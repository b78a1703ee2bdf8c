from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import pytest

from claimledger.document import Document, Entity, Metadata, Place
from claimledger.errors import SetupError, StageError
from claimledger.pipeline import BatchStage, Pipeline


class Adds(BatchStage):
    name = "adds"
    version = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"entities"})
    record: ClassVar[type] = Entity

    def predict(self, docs: Sequence[Document]) -> Sequence[object]:
        return [None for _ in docs]

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc in docs:
            if doc.text.startswith("boom"):
                raise ValueError("exploded")
            doc.add(Entity(0, 1, label="X"))


class Sneaky(Adds):
    name = "sneaky"

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        for doc in docs:
            doc.add(Place(0, 1, name="Nowhere"))


class NeedsPlaces(Adds):
    name = "needs_places"
    requires = frozenset({"places", "quotes"})


def test_pipeline_order_reports_every_gap_at_once():
    with pytest.raises(SetupError, match="needs_places requires places, quotes"):
        Pipeline([NeedsPlaces()])


def test_pipeline_runs_stages_and_records_them():
    doc = Pipeline([Adds()])(Document("hello"))
    assert [doc.surface(e) for e in doc.get(Entity)] == ["h"]
    assert doc.stages == ["adds@1"]


def test_pipeline_isolates_a_failing_document_and_keeps_the_batch():
    docs = [Document("fine one"), Document("boom here"), Document("fine two")]
    out = list(Pipeline([Adds()], batch_size=8).pipe(docs))
    assert [d.error is None for d in out] == [True, False, True]
    assert isinstance(out[1].error, StageError)
    assert "exploded" in str(out[1].error)


def test_pipeline_refuses_undeclared_spans():
    with pytest.raises(StageError, match="undeclared"):
        Pipeline([Sneaky()])(Document("hello"))


def test_document_add_checks_offsets():
    doc = Document("abc")
    with pytest.raises(ValueError, match="outside"):
        doc.add(Entity(2, 5, label="X"))
    with pytest.raises(ValueError, match="outside"):
        doc.add(Entity(1, 1, label="X"))


def test_document_id_ignores_whitespace_and_normalization():
    assert Document("Kyiv  said\n").id == Document("Kyiv said").id
    assert Document("Cafe\u0301").id == Document("Café").id
    assert Document("Kyiv said").id != Document("Kiev said").id


def test_metadata_fill_from_keeps_own_values():
    own = Metadata(outlet="TASS")
    own.fill_from(Metadata(outlet="Flag", published=None, language="en"))
    assert (own.outlet, own.language) == ("TASS", "en")


def test_parse_is_not_pickled(pipeline):
    import pickle

    doc = pipeline(Document("Troops entered Pokrovsk on Monday."))
    assert doc.parsed is not None
    clone = pickle.loads(pickle.dumps(doc))
    assert clone.parsed is None
    assert clone.get(Entity) == doc.get(Entity)
