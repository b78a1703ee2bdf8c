"""`claimledger gazetteer build|add|info`: make the place index that the places stage reads."""

from __future__ import annotations

from pathlib import Path

import typer

from claimledger.errors import InputError
from claimledger.gazetteer.build import add_dump, build
from claimledger.gazetteer.index import Gazetteer, resolve_path

app = typer.Typer(
    help="Build or extend the gazetteer (GeoNames place index) used by the places stage.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _target(ctx: typer.Context, output: Path | None) -> Path:
    return output or resolve_path(ctx.obj.settings().gazetteer_path)


@app.command("build")
def build_cmd(
    ctx: typer.Context,
    output: Path | None = typer.Option(None, "--output", "-o", help="Where to write (default: setting)."),
    if_missing: bool = typer.Option(False, "--if-missing", help="Do nothing when the file already exists."),
) -> None:
    """Build the default gazetteer from the data shipped with claimledger (offline, ~20 s)."""
    path = _target(ctx, output)
    if if_missing and path.is_file():
        typer.echo(f"gazetteer present at {path}")
        return
    places, problems = build(path)
    for problem in problems:
        typer.echo(f"note: {problem}", err=True)
    typer.echo(f"built gazetteer with {places:,} places at {path}")


@app.command("add")
def add_cmd(
    ctx: typer.Context,
    dump: Path = typer.Argument(..., help="A GeoNames country dump such as UA.txt (or .txt.gz)."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Gazetteer to rebuild (default: setting)."
    ),
) -> None:
    """Rebuild the gazetteer with a full GeoNames country dump added, so small villages resolve."""
    if not dump.is_file():
        raise InputError(
            f"{dump}: no such file (download a country dump from download.geonames.org/export/dump/)"
        )
    path = _target(ctx, output)
    added = add_dump(path, dump)
    typer.echo(f"added {added:,} places from {dump.name} to {path}")


@app.command("info")
def info_cmd(ctx: typer.Context) -> None:
    """Say where the gazetteer is and how many places it holds."""
    path = _target(ctx, None)
    gazetteer = Gazetteer(path)
    typer.echo(f"{path}: {gazetteer.size:,} places")
    gazetteer.close()
