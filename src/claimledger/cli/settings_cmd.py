"""`claimledger settings`: the settings in force and where they can be changed."""

from __future__ import annotations

from dataclasses import asdict

import typer
from rich.console import Console
from rich.table import Table

from claimledger.settings import SETTINGS


def show_settings(ctx: typer.Context) -> None:
    """Show every setting, its value in force, its default and what it does."""
    settings = ctx.obj.settings()
    values = asdict(settings)
    table = Table(
        title="claimledger settings",
        caption="change with --set NAME=VALUE, CLAIMLEDGER_NAME or claimledger.toml",
    )
    for column in ("name", "value", "default", "help"):
        table.add_column(column)
    for spec in SETTINGS:
        value = values[spec.name]
        shown = "(set, hidden)" if "token" in spec.name and value else str(value)
        table.add_row(spec.name, shown, str(spec.default), spec.help)
    Console().print(table)
