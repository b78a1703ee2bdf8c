"""Ledger commands: `ingest`, `place`, `events`, `outlets`, `search`, `export`, `control import`.

Each parses its options, opens the store, calls the ledger core and renders: a Rich table in the
terminal, or `--format json` for scripts (the same dicts the core returns).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.table import Table
from rich.text import Text

from claimledger.batch.runner import RunnerName
from claimledger.document import Metadata
from claimledger.errors import InputError
from claimledger.ledger import control, export, queries, wording
from claimledger.ledger.ingest import Ingest, Summary
from claimledger.ledger.store import Store
from claimledger.readers.published import parse_published
from claimledger.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from claimledger.batch.dask import DaskRunner

DB_HELP = "The ledger: a SQLite file or a postgresql:// URL (default: the `db` setting)."
control_app = typer.Typer(help="Territorial-control records that control claims are checked against.")


class View(StrEnum):
    table = "table"
    json = "json"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"


def _store(ctx: typer.Context, db: str | None) -> tuple[Store, Settings]:
    settings: Settings = ctx.obj.settings()
    target = db if db is not None else settings.db
    return Store.open(target, duplicate_threshold=settings.near_duplicate_threshold), settings


def _print_json(value: Any) -> None:  # noqa: ANN401 - any JSON-ready value
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


class _Rate(ProgressColumn):
    """Articles per second over the whole run so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} articles/s")


def ingest(
    ctx: typer.Context,
    sources: list[str] = typer.Argument(
        ...,
        metavar="PATH",
        help="Files, folders, globs, .jsonl (articles or reports), .warc(.gz), RSS/Atom files or URLs.",
    ),
    db: str | None = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP),
    workers: int = typer.Option(
        1,
        "--workers",
        "-w",
        min=1,
        help="Processes that analyze in parallel (Dask workers with --runner dask).",
    ),
    runner_name: RunnerName | None = typer.Option(
        None, "--runner", help="Where to analyze: local processes (the default) or dask."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", metavar="ADDRESS", help="An existing Dask scheduler, e.g. tcp://host:8786."
    ),
    published: str | None = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", help="Publication date, where the input has none."
    ),
    outlet: str | None = typer.Option(
        None, "--outlet", metavar="NAME", help="Outlet, where the input has none."
    ),
    force: bool = typer.Option(False, "--force", help="Analyze again articles the ledger already holds."),
) -> None:
    """Analyze articles and store their reports in the ledger; rerunning stores nothing twice."""
    store, settings = _store(ctx, db)
    defaults = Metadata(
        outlet=outlet, published=parse_published(published, "--published") if published else None
    )
    dask = _dask_runner(runner_name, scheduler, workers)
    err = Console(stderr=True)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), _Rate())
    with store, Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=None)
        run = Ingest(
            store,
            settings,
            defaults=defaults,
            workers=workers,
            runner=dask,
            force=force,
            advance=lambda n: progress.advance(task, n),
            warn=lambda message: progress.console.print(f"warning: {message}", markup=False, highlight=False),
        )
        summary = run.run(sources)
    _print_summary(summary)
    if dask is not None:
        print(f"dask: {dask.summary.partitions} tasks, {dask.summary.retried} retried", file=sys.stderr)
    if summary.written + summary.unchanged + summary.already == 0 and not summary.warnings:
        raise InputError("no articles found in the input")


def _dask_runner(name: RunnerName | None, scheduler: str | None, workers: int) -> DaskRunner | None:
    """Dask when asked for by name or by a scheduler address; then --workers sizes a local cluster."""
    if name == RunnerName.local and scheduler:
        raise InputError("--scheduler needs --runner dask")
    if name != RunnerName.dask and not scheduler:
        return None
    from claimledger.batch.dask import DaskRunner  # noqa: PLC0415 - Dask loads only when asked for

    return DaskRunner(scheduler=scheduler, workers=None if scheduler else workers)


def _print_summary(summary: Summary) -> None:
    print(
        f"stored {summary.stored}, replaced {summary.replaced}, unchanged {summary.unchanged}, "
        f"already in ledger {summary.already}, near-duplicates {summary.duplicates}, "
        f"skipped with warnings {len(summary.warnings)}; {summary.seconds:.1f} s, "
        f"{summary.rate:.3g} articles/s",
        file=sys.stderr,
    )


def place(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Place name as any outlet writes it (Pokrovsk, Krasnoarmeysk)."),
    db: str | None = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP),
    format_: View = typer.Option(View.table, "--format", "-f", help="Output format."),
    limit: int = typer.Option(50, "--limit", min=1, help="Most recent claims shown in the timeline."),
) -> None:
    """A timeline of claims about a place across outlets, with names used and sourcing."""
    store, _settings = _store(ctx, db)
    with store:
        answer = queries.place_report(store, name, limit=limit)
    if format_ is View.json:
        _print_json(answer)
        return
    console = Console()
    title = f"{' / '.join(answer['places'])}: {answer['claims']} claims"
    if answer["status"]:
        title += f" (control: {answer['status']})"
    table = Table(title=title, show_lines=False)
    for column in ("date", "outlet", "called it", "stance", "claim", "on whose word", "control record"):
        table.add_column(column, overflow="fold")
    for entry in answer["timeline"]:
        table.add_row(
            entry["date"] or "",
            entry["outlet"] or "(unknown)",
            _called(entry),
            f"{entry['type']} {entry['stance']}",
            _clip(entry["text"], 120),
            _sourcing_text(entry),
            _control_text(entry.get("control")),
        )
    console.print(table)
    for outlet in answer["names_by_outlet"]:
        names = ", ".join(f"{n['name']} ({n['mentions']})" for n in outlet["names"])
        console.print(f"{outlet['outlet']}: {names}", highlight=False, markup=False)


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _called(entry: Mapping[str, Any]) -> str:
    """The name as the article wrote it, with its language and naming tradition ("Красноармейск
    (ru · soviet)"), so a Russian claim and a Ukrainian denial read side by side."""
    tags = " · ".join(t for t in (entry.get("language"), entry.get("naming")) if t)
    return f"{entry['mention']} ({tags})" if tags else str(entry["mention"])


def _sourcing_text(entry: dict[str, Any]) -> str:
    source = entry.get("sourcing")
    if source is None:
        return entry.get("claimant") or ""
    who = source["speaker"] or source["description"] or source["kind"]
    via = f" via {', '.join(source['via'])}" if source["via"] else ""
    return f"{who}{via}"


def _control_text(check: dict[str, Any] | None) -> str:
    if check is None:
        return ""
    if check["record"] is None:
        return str(check["consistency"])
    return f"{check['consistency']} ({check['record']} on the day, {check['record_source']})"


def events(
    ctx: typer.Context,
    db: str | None = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP),
    contested: bool = typer.Option(
        False, "--contested", help="Only events asserted by some, denied by others."
    ),
    claim_type: str | None = typer.Option(None, "--type", metavar="TYPE", help="Only claims of this type."),
    place_name: str | None = typer.Option(
        None, "--place", metavar="NAME", help="Only claims about this place."
    ),
    since: str | None = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Claims dated on or after."),
    until: str | None = typer.Option(
        None, "--until", metavar="YYYY-MM-DD", help="Claims dated on or before."
    ),
    format_: View = typer.Option(View.table, "--format", "-f", help="Output format."),
) -> None:
    """Claims lined up across outlets: corroborated, contested or single-source."""
    store, settings = _store(ctx, db)
    with store:
        found = queries.events(
            store,
            contested_only=contested,
            claim_type=claim_type,
            place=place_name,
            since=since,
            until=until,
            window_days=settings.claim_window_days,
            min_similarity=settings.claim_similarity,
        )
    note = wording.wording_model()[1]
    if note:
        print(f"note: {note}", file=sys.stderr)
    if format_ is View.json:
        _print_json(found)
        return
    table = Table(title=f"{len(found)} events")
    for column in ("dates", "place", "type", "status", "asserted by", "denied by", "claims"):
        table.add_column(column, overflow="fold")
    for event in found:
        dates = event["first_date"] or ""
        if event["last_date"] and event["last_date"] != event["first_date"]:
            dates += f" → {event['last_date']}"
        table.add_row(
            dates,
            event["place"],
            event["type"],
            event["status"],
            ", ".join(event["asserting"]),
            ", ".join(event["denying"]),
            str(len(event["claims"])),
        )
    Console().print(table)


def outlets(
    ctx: typer.Context,
    db: str | None = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP),
    format_: View = typer.Option(View.table, "--format", "-f", help="Output format."),
) -> None:
    """Per outlet: articles, anonymous sourcing, sides quoted, techniques, naming choices."""
    store, _settings = _store(ctx, db)
    with store:
        rows = queries.outlets(store)
    if format_ is View.json:
        _print_json(rows)
        return
    table = Table(title=f"{len(rows)} outlets")
    for column in (
        "outlet",
        "articles",
        "copies",
        "anonymous",
        "sides quoted",
        "techniques/1k words",
        "naming",
    ):
        table.add_column(column, overflow="fold")
    for row in rows:
        share = row["anonymous_share"]
        table.add_row(
            row["outlet"],
            str(row["articles"]),
            str(row["copies"]),
            "" if share is None else f"{share:.0%}",
            _counts(row["sides_quoted"]),
            f"{row['techniques_per_1000_words']:.2f}",
            _counts(row["naming"]),
        )
    Console().print(table)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items())


def search(
    ctx: typer.Context,
    words: str = typer.Argument(..., metavar="TEXT", help="Words that must all appear."),
    db: str | None = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP),
    limit: int = typer.Option(20, "--limit", min=1, help="Most results shown."),
    format_: View = typer.Option(View.table, "--format", "-f", help="Output format."),
) -> None:
    """Full-text search over stored articles and quotes."""
    store, _settings = _store(ctx, db)
    with store:
        found = [dict(row) for row in store.search(words, limit=limit)]
    if format_ is View.json:
        _print_json(found)
        return
    table = Table(title=f"{len(found)} matches for {words!r}")
    for column in ("kind", "published", "outlet", "article", "snippet"):
        table.add_column(column, overflow="fold")
    for row in found:
        table.add_row(
            row["kind"], row["published"] or "", row["outlet"] or "", row["article_id"][:12], row["snippet"]
        )
    Console().print(table)


def export_ledger(
    ctx: typer.Context,
    format_: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl, csv, parquet or geojson."),
    table: str = typer.Option(
        "claims", "--table", metavar="TABLE", help=f"For csv and parquet: one of {', '.join(export.TABLES)}."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="PATH", help="Write here instead of stdout (required for parquet)."
    ),
    db: str | None = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP),
) -> None:
    """Export the ledger: reports as JSON Lines, a table as CSV or Parquet, places as GeoJSON."""
    if table not in export.TABLES:
        raise InputError(f"--table must be one of {', '.join(export.TABLES)}, got {table!r}")
    if format_ is ExportFormat.parquet and output is None:
        raise InputError("--format parquet needs --output PATH")
    store, _settings = _store(ctx, db)
    with store:
        if format_ is ExportFormat.parquet:
            count = export.write_parquet(store, table, str(output))
        else:
            with _open_out(output) as out:
                if format_ is ExportFormat.jsonl:
                    count = export.write_jsonl(store, out)
                elif format_ is ExportFormat.csv:
                    count = export.write_csv(store, table, out)
                else:
                    collection = export.geojson(store)
                    out.write(json.dumps(collection, ensure_ascii=False) + "\n")
                    count = len(collection["features"])
    print(f"exported {count} records", file=sys.stderr)


class _open_out:  # noqa: N801 - used like open()
    """stdout, or a file written whole and renamed into place."""

    def __init__(self, output: Path | None) -> None:
        self.output = output
        self.partial = output.with_name(output.name + ".partial") if output else None

    def __enter__(self) -> Any:  # noqa: ANN401 - a text stream
        if self.partial is None:
            return sys.stdout
        self.handle = self.partial.open("w", encoding="utf-8", newline="")
        return self.handle

    def __exit__(self, exc_type: object, *_rest: object) -> None:
        if self.partial is None or self.output is None:
            return
        self.handle.close()
        if exc_type is None:
            self.partial.replace(self.output)
        else:
            self.partial.unlink(missing_ok=True)


@control_app.command("import")
def control_import(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., metavar="DIR", help="Folder holding the control tables (CSV)."),
    db: str | None = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP),
) -> None:
    """Load a territorial-control record (DeepState runs, or VIINA's geonameid,date,status)."""
    runs = list(control.read_runs(folder))
    by_source: dict[str, list[control.Run]] = {}
    for run in runs:
        by_source.setdefault(run.source, []).append(run)
    store, _settings = _store(ctx, db)
    with store:
        for source, source_runs in sorted(by_source.items()):
            stored = store.replace_control(source, source_runs)
            places = len({run.geonames_id for run in source_runs})
            print(f"{source}: {stored} runs for {places} places")
