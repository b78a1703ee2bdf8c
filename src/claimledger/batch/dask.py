"""DaskRunner: partitions of the input analyzed on Dask workers, results back in input order.

Only paths, byte ranges and Settings travel to workers; each builds its pipeline once and returns
report dicts. The client keeps at most `max_in_flight` partitions submitted-but-not-emitted, so its
memory stays flat for a corpus of any length. A worker that dies has its partitions rerun elsewhere
by the scheduler; the run counts them as retried. When ingest writes a PostgreSQL ledger, the
workers store their own articles (batch/direct.py); a SQLite ledger keeps its one writer, the client.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from itertools import chain
from typing import TYPE_CHECKING, Any, BinaryIO

from claimledger.batch.partition import check_sources, partitions, parts_of
from claimledger.batch.runner import RunSummary, read_stdin_once
from claimledger.batch.worker import (
    Failure,
    PartitionResult,
    Written,
    analyze_documents,
    analyze_partition,
    cached_pipeline,
)
from claimledger.document import Document, Metadata
from claimledger.errors import ClaimledgerError, InputError, SetupError
from claimledger.report.load import from_report
from claimledger.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

    from claimledger.ledger.sources import Skip
    from claimledger.ledger.store import PutResult, Store

# A LocalCluster started for a run keeps Dask's bookkeeping off the cores that analyze: its workers
# sample their stacks for the dashboard's profile every 100 ms instead of 10 ms, and its servers check
# event-loop latency every second instead of every 20 ms. With Dask's defaults the two took about a
# sixth of each worker's core on these 2-core machines (docs/scaling.md); the dashboard still works.
_LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.interval": "100ms",
    "distributed.admin.tick.interval": "1s",
}

# A task: the worker function and its arguments; its result is a PartitionResult whose index is the
# task's position, so results can be put back in order.
Task = tuple[Callable[..., PartitionResult], tuple[Any, ...]]


class DaskRunner:
    """Runs on an existing scheduler (`scheduler`) or on a LocalCluster of `workers` processes."""

    def __init__(
        self,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        max_in_flight: int | None = None,
        client: Client | None = None,
    ) -> None:
        if scheduler and workers:
            raise InputError("give either --scheduler ADDRESS or --workers N, not both")
        self.scheduler = scheduler
        self.workers = workers or 2
        self.max_in_flight = max_in_flight
        self.client = client
        self.summary = RunSummary()
        self.dashboard: str | None = None

    def run(
        self,
        sources: Sequence[str],
        settings: Settings,
        defaults: Metadata | None = None,
        stdin: BinaryIO | None = None,
    ) -> Iterator[Document]:
        check_sources(sources)
        stdin_bytes = read_stdin_once(sources, stdin, settings.max_input_bytes)
        parts = chain.from_iterable(parts_of(s, settings.partition_bytes, stdin_bytes) for s in sources)
        tasks = (
            (analyze_partition, (p.index, p.parts, settings, defaults))
            for p in partitions(parts, settings.partition_bytes)
        )
        for result in self._session(tasks, settings):
            yield from self._documents(result)

    def ingest(
        self, batches: Iterable[list[Document]], settings: Settings, store: Store
    ) -> Iterator[dict[str, Any] | Skip | PutResult]:
        """Ingest's analysis on the workers, one outcome per document in order.

        SQLite: report dicts come back and the caller stores them (the single writer). PostgreSQL:
        each worker stores its own documents (batch/direct.py) and only what the store did comes
        back, so the client is no longer the writer every article passes through.
        """
        from claimledger.ledger.sources import Skip  # noqa: PLC0415 - the ledger loads only for ingest

        if store.dialect == "postgresql":
            from claimledger.batch.direct import write_documents  # noqa: PLC0415

            url = store.engine.url.render_as_string(hide_password=False)
            tasks: Iterable[Task] = (
                (write_documents, (index, batch, settings, url)) for index, batch in enumerate(batches)
            )
        else:
            tasks = ((analyze_documents, (index, batch, settings)) for index, batch in enumerate(batches))
        for result in self._session(tasks, settings):
            for item in result.items:
                if isinstance(item, Failure):
                    self.summary.failed += 1
                    yield Skip(item.source, item.message)
                    continue
                self.summary.articles += 1
                yield item.result if isinstance(item, Written) else item

    @contextmanager
    def connected(self, settings: Settings) -> Iterator[Client]:
        """Start or join the cluster and warm every worker once; the runs inside reuse both (a
        benchmark times the runs alone, and several runs pay the start-up once)."""
        if self.client is not None:
            self._preflight(self.client, settings)
            yield self.client
            return
        with self._connect(settings.scheduler_timeout) as client:
            self._preflight(client, settings)
            self.client = client
            try:
                yield client
            finally:
                self.client = None

    def _session(self, tasks: Iterable[Task], settings: Settings) -> Iterator[PartitionResult]:
        with ExitStack() as stack:
            client = self.client or stack.enter_context(self._connect(settings.scheduler_timeout))
            self._preflight(client, settings)
            window = self.max_in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})))
            yield from self._stream(client, tasks, window)

    def _connect(self, timeout: float) -> AbstractContextManager[Client]:
        import dask  # noqa: PLC0415 - Dask loads only for a Dask run
        from distributed import Client, LocalCluster  # noqa: PLC0415

        if self.scheduler:
            try:
                return Client(self.scheduler, timeout=f"{timeout}s")
            except (OSError, TimeoutError) as exc:
                raise SetupError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); start one with "
                    "`dask scheduler` and workers with `dask worker ADDRESS`, or use --workers N"
                ) from exc
        with dask.config.set(_LOCAL_CLUSTER_CONFIG):  # the nannies hand it on to their workers
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # a free port: never collide with another run on 8787
                silence_logs=logging.ERROR,
            )
        return _ClusterClient(cluster, Client(cluster))

    def _preflight(self, client: Client, settings: Settings) -> None:
        """Every worker builds its pipeline before any work is sent: a missing model stops the run here."""
        client.run(_warm, settings)
        # the dashboard needs bokeh on the scheduler's side; say where it is only when one answers there
        link = getattr(client, "dashboard_link", None)
        if link and importlib.util.find_spec("bokeh") is not None:
            self.dashboard = link
            print(f"Dask dashboard: {link}", file=sys.stderr)

    def _stream(self, client: Client, tasks: Iterable[Task], window: int) -> Iterator[PartitionResult]:
        """Results in task order, with at most `window` tasks submitted and not yet emitted."""
        from distributed import as_completed  # noqa: PLC0415

        run_id = uuid.uuid4().hex[:8]
        todo = iter(tasks)
        finished: dict[int, PartitionResult] = {}
        queue = as_completed([])
        submitted = emitted = 0

        def top_up() -> None:
            nonlocal submitted
            while submitted - emitted < window and (task := next(todo, None)) is not None:
                function, args = task
                queue.add(client.submit(function, *args, key=f"claimledger-{run_id}-{submitted}"))
                submitted += 1

        top_up()
        for future in queue:
            result: PartitionResult = future.result()
            self.summary.retried += _retries(client, future.key)
            self.summary.partitions += 1
            future.release()
            finished[result.index] = result
            while emitted in finished:
                yield finished.pop(emitted)
                emitted += 1
            top_up()

    def _documents(self, result: PartitionResult) -> Iterator[Document]:
        for item in result.items:
            if isinstance(item, Failure):
                doc = Document("", Metadata(source=item.source), error=_error(item))
            elif isinstance(item, Written):
                raise TypeError("a direct-write task's result reached the analyze path")
            else:
                doc = from_report(item)
            self.summary.count(doc)
            yield doc


class _ClusterClient(AbstractContextManager["Client"]):
    """A client with the LocalCluster it started; both close together."""

    def __init__(self, cluster: LocalCluster, client: Client) -> None:
        self.cluster = cluster
        self.client = client

    def __enter__(self) -> Client:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def _warm(settings: Settings) -> bool:
    cached_pipeline(settings)
    return True


def _retries(client: Client, key: str) -> int:
    """How often the scheduler had to rerun this task because its worker died."""

    def suspicious(dask_scheduler: Any, key: str = key) -> int:  # noqa: ANN401 - Dask's Scheduler
        task = dask_scheduler.tasks.get(key)
        return int(task.suspicious) if task is not None else 0

    return int(client.run_on_scheduler(suspicious))


def _error(failure: Failure) -> ClaimledgerError:
    """The worker's error, as the class with the same exit code (input problem or internal failure)."""
    return (
        InputError(failure.message)
        if failure.exit_code == InputError.exit_code
        else ClaimledgerError(failure.message)
    )
