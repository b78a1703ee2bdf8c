"""`claimledger eval NAME`: score a stage on its labelled corpus and print figures with denominators."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from claimledger.errors import InputError
from claimledger.eval import EvalResult, get_file_scorer, get_scorer, shared_dir


def evaluate(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="What to evaluate (a stage name, e.g. places)."),
    gold: Path | None = typer.Argument(
        None, metavar="[GOLD]", help="A labelled JSON Lines set of your own (dates, claims)."
    ),
    shared: Path | None = typer.Option(
        None, "--shared", help="The shared folder holding data/ (default: ../shared)."
    ),
    limit: int | None = typer.Option(
        None, "--limit", metavar="N", help="Score only the first N documents (quick look)."
    ),
) -> None:
    """Score a stage on its labelled corpus from ../shared/data and print the figures."""
    settings = ctx.obj.settings()
    if gold is not None:
        if not gold.is_file():
            raise InputError(f"{gold}: no such file")
        result = get_file_scorer(name)(settings, gold, limit)
    else:
        result = get_scorer(name)(settings, shared_dir(shared), limit)
    print_result(result)


def print_result(result: EvalResult) -> None:
    table = Table(title=f"eval {result.name} on {result.corpus}", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("over", justify="right")
    for key, value in result.figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value:g}"
        table.add_row(key, shown, str(result.denominators.get(key, "")))
    console = Console()
    console.print(table)
    for note in result.notes:
        console.print(f"[dim]{note}[/dim]")


def geoparse(
    ctx: typer.Context,
    corpus: str = typer.Argument(
        ...,
        metavar="CORPUS",
        help="lgl, trnews or geovirus (in ../shared/data/geoparsing-corpora), or such an XML file's path.",
    ),
    shared: Path | None = typer.Option(
        None, "--shared", help="The shared folder holding data/ (default: ../shared)."
    ),
    limit: int | None = typer.Option(None, "--limit", metavar="N", help="Score only the first N articles."),
) -> None:
    """Geoparsing on a gold corpus: detection P/R/F1 (overlap), Acc@161, mean error km, AUC, as JSON."""
    from claimledger.eval.places import geoparse as score  # noqa: PLC0415 - keeps `--help` fast

    result = score(ctx.obj.settings(), corpus, shared, limit)
    typer.echo(json.dumps(result, indent=2))
