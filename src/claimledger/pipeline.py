"""The Pipeline and the Stage contract.

A stage declares what it `requires` and what it `assigns` (span kinds or document attributes). The
Pipeline checks, when it is built, that every requirement is assigned by an earlier stage and reports
all gaps at once; while it runs, it checks that each stage added only the span kinds it declared.
Documents that already carry an error pass through untouched, so one bad article never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import ClassVar, Protocol

from claimledger.document import Document
from claimledger.errors import ClaimledgerError, SetupError, StageError

_UNPREDICTED = object()


class Stage(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def pipe(self, docs: Iterable[Document], *, batch_size: int) -> Iterator[Document]: ...


class BatchStage:
    """Base for stages that work on lists of documents: `predict` computes, `annotate` writes.

    Keeping the two apart means a stage's model call sees a whole batch, and nothing is written to a
    document until the batch's predictions all succeeded.
    """

    name: ClassVar[str] = "base"
    version: ClassVar[str] = "0"
    requires: ClassVar[frozenset[str]] = frozenset()
    assigns: ClassVar[frozenset[str]] = frozenset()

    def predict(self, docs: Sequence[Document]) -> Sequence[object]:
        raise NotImplementedError

    def annotate(self, docs: Sequence[Document], results: Sequence[object]) -> None:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document], *, batch_size: int) -> Iterator[Document]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            live = [doc for doc in batch if doc.error is None]
            if live:
                self._run(live)
            yield from batch

    def _run(self, docs: Sequence[Document]) -> None:
        try:
            results = self.predict(docs)
        except ClaimledgerError:
            raise
        except Exception:
            for doc in docs:
                self._run_one(doc, _UNPREDICTED)
            return
        for doc, result in zip(docs, results, strict=True):
            self._run_one(doc, result)

    def _run_one(self, doc: Document, result: object) -> None:
        """Annotate one document (predicting alone first when its batch failed); record failures on it."""
        try:
            self.annotate([doc], self.predict([doc]) if result is _UNPREDICTED else [result])
        except ClaimledgerError as exc:
            doc.error = exc
        except Exception as exc:
            doc.error = StageError(self.name, doc.id, exc)
        else:
            doc.stages.append(f"{self.name}@{self.version}")


class Pipeline:
    """Stages in order; `pipe` streams documents through all of them lazily."""

    def __init__(self, stages: Sequence[Stage], *, batch_size: int = 32) -> None:
        check_order(stages)
        self.stages = list(stages)
        self.batch_size = batch_size

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = _checked(stage, stream, self.batch_size)
        return iter(stream)

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))


def check_order(stages: Sequence[Stage]) -> None:
    """Every `requires` must be assigned by an earlier stage; report every gap in one error."""
    available: set[str] = {"text", "meta"}
    gaps: list[str] = []
    for stage in stages:
        missing = sorted(stage.requires - available)
        if missing:
            gaps.append(f"{stage.name} requires {', '.join(missing)}")
        available |= stage.assigns
    if gaps:
        raise SetupError("pipeline out of order: " + "; ".join(gaps))


def _checked(stage: Stage, upstream: Iterable[Document], batch_size: int) -> Iterator[Document]:
    """Run `stage` over `upstream`, failing loudly if it grew a span kind it did not declare."""
    before: dict[int, dict[str, int]] = {}

    def remember(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            before[id(doc)] = doc.span_counts()
            yield doc

    for doc in stage.pipe(remember(upstream), batch_size=batch_size):
        prior = before.pop(id(doc), {})
        grown = {kind for kind, n in doc.span_counts().items() if n != prior.get(kind, 0)}
        if undeclared := grown - stage.assigns:
            raise StageError(stage.name, doc.id, ValueError(f"added undeclared spans {sorted(undeclared)}"))
        yield doc
