"""The Typer root and the CLI's one error boundary.

Every ClaimledgerError reaches the user as `error: <message>` on stderr with the class's exit code;
anything else is `internal error: …`, exit 1. Tracebacks only with `--debug`. Click's usage errors
(unknown option or format; from the click that Typer vendors) are folded into the same one-line shape, exit 2.
"""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass

import typer

from claimledger import __version__
from claimledger.cli import analyze_cmd, framing_cmd, gazetteer_cmd, ledger_cmd, serve_cmd, settings_cmd
from claimledger.errors import ClaimledgerError
from claimledger.settings import Settings, parse_assignments

app = typer.Typer(
    name="claimledger",
    help="Who claims what, about which place, when, through whom, and in what words.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
    # a fixed width, so that --help (and docs/cli.md, generated from it) reads the same everywhere
    context_settings={"terminal_width": 100, "max_content_width": 100},
)


@dataclass
class State:
    """What the root callback hands its commands through click's context."""

    overrides: dict[str, str]
    debug: bool

    def settings(self) -> Settings:
        return Settings.load(environ=os.environ, overrides=self.overrides)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimledger {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    ctx: typer.Context,
    set_: list[str] = typer.Option(
        [], "--set", metavar="NAME=VALUE", help="Override a setting: --set name=value (repeatable)."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Who claims what, about which place, when, through whom, and in what words."""
    ctx.obj = State(overrides=parse_assignments(set_), debug=debug)


app.command("analyze")(analyze_cmd.analyze)
app.command("settings")(settings_cmd.show_settings)
app.add_typer(framing_cmd.app, name="eval")  # `eval NAME` and `eval ptc ...`
app.add_typer(gazetteer_cmd.app, name="gazetteer")
app.command("ingest")(ledger_cmd.ingest)
app.command("place")(ledger_cmd.place)
app.command("events")(ledger_cmd.events)
app.command("outlets")(ledger_cmd.outlets)
app.command("search")(ledger_cmd.search)
app.command("export")(ledger_cmd.export_ledger)
app.add_typer(ledger_cmd.control_app, name="control")
app.command("serve")(serve_cmd.serve)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    sys.exit(run(args))


def run(args: list[str]) -> int:
    """Run the CLI and return its exit code; the only place errors are turned into messages."""
    debug = "--debug" in args
    args = args or ["--help"]
    try:
        result = app(args=args, prog_name="claimledger", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        _fail("error: interrupted")
        return 130
    except typer.TyperException as exc:  # usage errors: bad option, bad value (Typer's vendored click)
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        _fail(f"error: {message}")
        return int(getattr(exc, "exit_code", 2))
    except ClaimledgerError as exc:
        if debug:
            traceback.print_exc()
        _fail(f"error: {exc}")
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if debug:
            traceback.print_exc()
        _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)")
        return 1
    return result if isinstance(result, int) else 0


def _fail(message: str) -> None:
    print(message.replace("\n", " ").strip(), file=sys.stderr)
