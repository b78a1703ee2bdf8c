"""Runners: partitioning, and DaskRunner on a real LocalCluster giving LocalRunner's exact reports,
even when a worker process is killed mid-run."""

from __future__ import annotations

import itertools
import json
import os
import platform
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.batch.partition import Part, check_sources, partitions, parts_of
from claimledger.batch.runner import LocalRunner
from claimledger.document import Document
from claimledger.errors import InputError
from claimledger.pipeline import Pipeline
from claimledger.report.json import to_report
from claimledger.settings import Settings
from tests.conftest import EXAMPLES

SENTENCES = [
    "Russian forces entered Vovchansk on Sunday, the ministry said.",
    "Ukraine's General Staff said its units still hold positions in Pokrovsk.",
    "A guided bomb struck a residential building in Kramatorsk on Monday evening.",
    "Officials in Kyiv said talks with Washington would continue next week.",
]


def write_corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = f"{SENTENCES[i % len(SENTENCES)]} Report number {i} of the series. " * 6
            handle.write(json.dumps({"text": text, "outlet": f"Outlet {i % 3}"}) + "\n")
    return path


def test_jsonl_is_cut_at_line_boundaries_with_line_numbers(tmp_path: Path):
    corpus = write_corpus(tmp_path / "c.jsonl", 40)
    parts = list(parts_of(str(corpus), 2000))
    assert len(parts) > 3
    assert parts[0].start == 0
    assert parts[-1].end == corpus.stat().st_size
    data = corpus.read_bytes()
    line = 1
    for before, after in itertools.pairwise(parts):
        assert before.end == after.start
    for part in parts:
        assert part.first_line == line
        chunk = data[part.start : part.end]
        assert chunk.endswith(b"\n")
        line += chunk.count(b"\n")


def test_partitions_are_bounded_and_ordered():
    parts = [Part("-", data=b"x" * 300) for _ in range(10)]
    grouped = list(partitions(parts, 1000))
    assert [p.index for p in grouped] == list(range(len(grouped)))
    assert [len(p.parts) for p in grouped] == [4, 4, 2]


def test_missing_paths_are_refused_before_anything_starts(tmp_path: Path):
    with pytest.raises(InputError, match=r"no such file: .*nope\.txt"):
        check_sources([str(EXAMPLES / "kyiv-denial.txt"), str(tmp_path / "nope.txt")])


@pytest.fixture(scope="module")
def cluster_client() -> Iterator[object]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    bad = folder / "bad.jsonl"
    bad.write_text('{"text": "Kyiv said the strike hit a depot."}\n{broken\n', encoding="utf-8")
    return [*map(str, sorted(EXAMPLES.glob("*.txt"))), str(write_corpus(folder / "c.jsonl", 24)), str(bad)]


def reports(docs: Iterator) -> list[dict | str]:
    return [to_report(d) if d.error is None else f"error: {d.error}" for d in docs]


def test_dask_gives_the_local_reports_in_order(cluster_client, corpus: list[str], pipeline: Pipeline):
    from claimledger.batch.dask import DaskRunner

    settings = Settings(partition_bytes=3000)
    local = reports(LocalRunner(pipeline).run(corpus, settings))
    runner = DaskRunner(client=cluster_client)
    assert reports(runner.run(corpus, settings)) == local
    assert runner.summary.partitions > 3
    assert (runner.summary.articles, runner.summary.failed) == (28, 1)


def test_a_killed_worker_loses_nothing_and_stores_nothing_twice(cluster_client, tmp_path: Path):
    from claimledger.batch.dask import DaskRunner

    corpus = [str(write_corpus(tmp_path / "big.jsonl", 120))]
    settings = Settings(partition_bytes=2500)
    expected = [r["article"]["id"] for r in reports(LocalRunner().run(corpus, settings))]  # type: ignore[index]
    runner = DaskRunner(client=cluster_client, max_in_flight=6)
    seen: list[str] = []
    for doc in runner.run(corpus, settings):
        seen.append(doc.id)
        if len(seen) == 10:
            pids = sorted(cluster_client.run(os.getpid).values())
            os.kill(pids[0], signal.SIGKILL)
    assert seen == expected
    assert runner.summary.retried >= 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "2", "{missing}"], "no such file"),
        (["--scheduler", "tcp://127.0.0.1:{port}", "{example}"], "cannot reach the Dask scheduler"),
        (["--scheduler", "tcp://127.0.0.1:1", "--workers", "2", "{example}"], "not both"),
        (["--runner", "local", "--workers", "2", "{example}"], "need --runner dask"),
        (["--workers", "0", "{example}"], "at least 1"),
    ],
)
def test_dask_bad_input_is_one_line_exit_2(capsys, tmp_path: Path, args: list[str], message: str):
    import socket

    from claimledger.cli.app import run

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    paths = {"missing": tmp_path / "nope.txt", "example": EXAMPLES / "kyiv-denial.txt", "port": port}
    argv = ["--set", "scheduler_timeout=2", "analyze", *[a.format(**paths) for a in args]]
    code = run(argv)
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_dask_ingest_stores_what_local_ingest_stores(
    cluster_client, corpus: list[str], tmp_path: Path, db_url: str
):
    """SQLite: the client stores what the workers return; PostgreSQL: the workers store it themselves."""
    from claimledger.batch.dask import DaskRunner
    from claimledger.ledger.ingest import Ingest
    from claimledger.ledger.store import Store

    settings = Settings(batch_size=8)
    stored: list[dict[str, dict]] = []
    for target, runner in ((str(tmp_path / "local.db"), None), (db_url, DaskRunner(client=cluster_client))):
        with Store.open(target) as store:
            summary = Ingest(store, settings, runner=runner).run(corpus)
            assert (summary.stored, len(summary.warnings)) == (28, 1), target
            stored.append({r["article"]["id"]: r for r in store.reports()})
    assert stored[0] == stored[1]


def jsonl_documents(path: Path) -> list[Document]:
    from claimledger.readers.jsonl import read_jsonl

    return list(read_jsonl(path.read_bytes(), str(path)))


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)  # SQLite keeps its one writer
def test_postgresql_workers_write_and_a_task_run_twice_stores_nothing_twice(
    cluster_client, tmp_path: Path, db_url: str
):
    from claimledger.batch.dask import DaskRunner
    from claimledger.batch.direct import write_documents
    from claimledger.ledger.store import PutResult, Store

    settings = Settings(batch_size=4)
    docs = jsonl_documents(write_corpus(tmp_path / "c.jsonl", 12))
    with Store.open(db_url) as store:
        outcomes = list(DaskRunner(client=cluster_client).ingest([docs[:6], docs[6:8]], settings, store))
        # only what the store did comes back: the reports stayed on the workers
        assert [o.outcome for o in outcomes if isinstance(o, PutResult)] == ["stored"] * 8
        url = store.engine.url.render_as_string(hide_password=False)
        rerun = cluster_client.submit(write_documents, 0, docs[:6], settings, url, key="rerun-0").result()
        assert [item.result.outcome for item in rerun.items] == ["unchanged"] * 6
        # one partition run by both workers at the same time, as when a worker is wrongly declared dead
        workers = list(cluster_client.scheduler_info()["workers"])
        twice = cluster_client.gather(
            [
                cluster_client.submit(
                    write_documents, 1, docs[8:], settings, url, key=f"twice-{n}", workers=[address]
                )
                for n, address in enumerate(workers)
            ]
        )
        assert all(len(result.items) == 4 for result in twice)
        assert store.count() == 12
        assert store.known_ids([doc.id for doc in docs]) == {doc.id for doc in docs}
        with Store.open(str(tmp_path / "once.db")) as once:
            for report in store.reports():
                once.put(report)
            assert {table: once.count(table) for table in COUNTED} == {
                table: store.count(table) for table in COUNTED
            }


COUNTED = ("articles", "places", "quotes", "claims", "claim_places", "techniques", "article_bands")


def test_dask_workers_get_the_allocator_of_a_plain_process(cluster_client):
    from claimledger.batch.worker import tune_allocator

    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        pytest.skip("the allocator setting is glibc's")
    # the nanny sets MALLOC_TRIM_THRESHOLD_ for its workers; a process without it is left alone
    assert all(cluster_client.run(tune_allocator).values())
    plain = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    code = "from claimledger.batch.worker import tune_allocator; print(tune_allocator())"
    answer = subprocess.run(
        [sys.executable, "-c", code], env=plain, capture_output=True, text=True, check=True
    )
    assert answer.stdout.strip() == "False"
