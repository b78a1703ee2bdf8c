"""`claimledger eval`: the generic `eval NAME` plus `eval ptc ARTICLES_DIR TC_LABELS_FILE`.

`eval` is a group whose named subcommands are `ptc` and `geoparse`; any other first word (places,
quotes, dates, claims, framing) goes to the generic stage scorer in eval_cmd, exactly as before the
group existed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from typer._click.core import Command, Context  # the click that Typer vendors
from typer.core import TyperGroup

from claimledger.cli import eval_cmd
from claimledger.eval import shared_dir

STAGE = "stage"


class EvalGroup(TyperGroup):
    """Resolves an unknown first word as the NAME of the generic stage scorer."""

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Command | None, list[str]]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            return STAGE, self.commands[STAGE], args
        return super().resolve_command(ctx, args)


app = typer.Typer(
    cls=EvalGroup,
    no_args_is_help=True,
    help=(
        "Score a stage on its labelled corpus: `claimledger eval NAME [--limit N]` with NAME one of "
        "places, quotes, dates, claims, framing; a PTC-format set with `claimledger eval ptc`; a "
        "geoparsing corpus with `claimledger eval geoparse CORPUS`."
    ),
)
app.command(STAGE, hidden=True)(eval_cmd.evaluate)
app.command("geoparse")(eval_cmd.geoparse)


@app.command("ptc")
def ptc(
    ctx: typer.Context,
    articles_dir: Path | None = typer.Argument(
        None,
        metavar="ARTICLES_DIR",
        help="Folder of article<ID>.txt files (default: ../shared's PTC train articles).",
    ),
    labels_file: Path | None = typer.Argument(
        None,
        metavar="TC_LABELS_FILE",
        help="The *-task-flc-tc.labels file: ID<TAB>technique<TAB>start<TAB>end lines.",
    ),
    held_out: bool = typer.Option(
        False,
        "--held-out",
        help="Score only the PTC train articles held out from training (ids ending 0 or 5).",
    ),
    limit: int | None = typer.Option(None, "--limit", metavar="N", help="Score only the first N articles."),
) -> None:
    """Framing on a PTC-format set: SemEval-2020 SI precision/recall/F1 and TC micro-F1, as JSON."""
    from claimledger.eval.ptc import PTC, score  # noqa: PLC0415 - keeps `claimledger --help` fast

    settings = ctx.obj.settings()
    if articles_dir is None or labels_file is None:
        corpus = shared_dir(None) / PTC
        articles_dir = articles_dir or corpus / "train-articles"
        labels_file = labels_file or corpus / "train-task-flc-tc.labels"
    result = score(settings, articles_dir, labels_file, held_out, limit)
    out: dict[str, Any] = {key: round(value, 4) for key, value in result.figures.items()}
    out["counts"] = result.denominators
    out["corpus"] = result.corpus
    typer.echo(json.dumps(out, indent=2))


@app.command("semeval23")
def semeval23(
    dev_dir: Path | None = typer.Argument(
        None, metavar="DEV_DIR", help="A language folder of SemEval-2023 Task 3 (default: ../shared's)."
    ),
    language: str = typer.Option("ru", "--language", help="Which language's folder to take by default."),
    limit: int | None = typer.Option(None, "--limit", metavar="N", help="Score only the first N articles."),
) -> None:
    """Paragraph techniques on SemEval-2023 Task 3 dev (subtask 3): micro-F1 over its 23 labels, as JSON."""
    from claimledger.eval.semeval23 import language_dir, score  # noqa: PLC0415 - keeps `--help` fast

    typer.echo(json.dumps(score(language_dir(language, dev_dir), "dev", limit), indent=2))
