"""`claimledger analyze`: one report per article, as text, JSON, JSON Lines or HTML."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path

import typer

from claimledger.batch.progress import with_progress
from claimledger.batch.runner import LocalRunner, Runner, RunnerName
from claimledger.document import Document, Metadata
from claimledger.errors import InputError
from claimledger.readers.published import parse_published
from claimledger.report.render import render
from claimledger.stages.language import check_code


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    geojson = "geojson"


def make_runner(name: RunnerName | None, scheduler: str | None, workers: int | None) -> Runner:
    """Local unless Dask is asked for, by name or by giving a scheduler or a worker count."""
    if name == RunnerName.local and (scheduler or workers is not None):
        raise InputError("--scheduler and --workers need --runner dask")
    if name == RunnerName.dask or scheduler or workers is not None:
        if workers is not None and workers < 1:
            raise InputError(f"--workers must be at least 1, got {workers}")
        from claimledger.batch.dask import DaskRunner  # noqa: PLC0415 - Dask loads only when asked for

        return DaskRunner(scheduler=scheduler, workers=workers)
    return LocalRunner()


class Failures:
    """Prints each failed article's one-line error and keeps the worst exit code; the run goes on."""

    def __init__(self) -> None:
        self.exit_code = 0
        self.ok = 0

    def only_good(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if doc.error is None:
                self.ok += 1
                yield doc
            else:
                print(f"error: {doc.error}", file=sys.stderr, flush=True)
                self.exit_code = max(self.exit_code, doc.error.exit_code)


def analyze(
    ctx: typer.Context,
    sources: list[str] = typer.Argument(
        ..., metavar="SOURCE", help="Files (.txt, .html, .jsonl), '-' for stdin, or http(s) URLs."
    ),
    format_: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    published: str | None = typer.Option(
        None,
        "--published",
        metavar="YYYY-MM-DD",
        help="Publication date YYYY-MM-DD, where the input has none.",
    ),
    outlet: str | None = typer.Option(
        None, "--outlet", metavar="NAME", help="Outlet name, where the input has none."
    ),
    language: str | None = typer.Option(
        None,
        "--language",
        metavar="CODE",
        help="Language code (en, ru, uk), where the input has none: skips detection.",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="PATH",
        help="Write the report to this file (atomically) instead of stdout.",
    ),
    runner_name: RunnerName | None = typer.Option(
        None, "--runner", help="Where to analyze: local (the default) or dask."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", metavar="ADDRESS", help="An existing Dask scheduler, e.g. tcp://host:8786."
    ),
    workers: int | None = typer.Option(
        None, "--workers", metavar="N", help="Start a local Dask cluster of N worker processes for this run."
    ),
) -> None:
    """Analyze articles and print one report per article."""
    settings = ctx.obj.settings()
    defaults = Metadata(
        outlet=outlet,
        published=parse_published(published, "--published") if published else None,
        language=check_code(language) if language else None,
    )
    runner = make_runner(runner_name, scheduler, workers)
    failures = Failures()
    stream = runner.run(sources, settings, defaults, stdin=sys.stdin.buffer)
    if not isinstance(runner, LocalRunner):
        stream = with_progress(stream, "analyzing on Dask")
    docs = failures.only_good(stream)
    color = output is None and sys.stdout.isatty()
    chunks = render(docs, format_.value, color=color)
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
            sys.stdout.flush()
    else:
        _write_atomically(output, chunks)
    if failures.ok == 0 and failures.exit_code == 0:
        raise InputError("no articles found in the input")
    raise typer.Exit(failures.exit_code)


def _write_atomically(output: Path, chunks: Iterable[str]) -> None:
    """Write to a sibling temporary file and rename it, so a failure never leaves half a report."""
    partial = output.with_name(output.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(output)
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror})") from exc
    finally:
        partial.unlink(missing_ok=True)
