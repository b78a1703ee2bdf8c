"""`claimledger serve`: the workbench and REST API over a ledger, served by uvicorn on loopback."""

from __future__ import annotations

import gc
import sys
import threading
import time
from typing import TYPE_CHECKING

import typer
from sqlalchemy.exc import SQLAlchemyError

from claimledger.errors import ClaimledgerError
from claimledger.ledger.store import Store

SERVER_THREADS = 4

if TYPE_CHECKING:
    from claimledger.web.app_state import Workbench


def serve(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        metavar="PATH|URL",
        help="The ledger: a SQLite file or a postgresql:// URL (default: the `db` setting).",
    ),
    host: str | None = typer.Option(
        None, "--host", metavar="ADDRESS", help="Address to bind (default: the web_host setting, 127.0.0.1)."
    ),
    port: int | None = typer.Option(
        None, "--port", metavar="PORT", min=1, max=65535, help="Port (default: the web_port setting, 8000)."
    ),
    no_ledger: bool = typer.Option(
        False, "--no-ledger", help="Serve only the paste page and POST /api/analyze, without a ledger."
    ),
) -> None:
    """Serve the workbench (article view, map, places, events, outlets, search) and the REST API."""
    import uvicorn  # noqa: PLC0415 - the server loads only for this command

    from claimledger.web import create_app  # noqa: PLC0415 - nor does FastAPI

    settings = ctx.obj.settings()
    host = host or settings.web_host
    port = port or settings.web_port
    store = None if no_ledger else Store.open(db if db is not None else settings.db)
    app = create_app(settings, store)
    app.router.on_startup.append(_bound_threads)
    if store is not None:
        threading.Thread(target=_warm, args=(app.state.workbench,), name="warm", daemon=True).start()
    writes = "enabled (token set)" if settings.api_token else "disabled (no api_token)"
    print(f"claimledger workbench on http://{host}:{port}/ · write endpoints {writes}", file=sys.stderr)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        if store is not None:
            store.close()


def _warm(bench: Workbench) -> None:
    from claimledger.web import queries  # noqa: PLC0415 - loaded with the app, not with the CLI

    started = time.perf_counter()
    try:
        queries.warm(bench)
    except (ClaimledgerError, SQLAlchemyError) as exc:  # the server answers on; a request computes it
        print(f"precomputing ledger-wide answers failed: {exc}", file=sys.stderr)
        return
    # The precomputed answers are large and live for as long as the ledger is unchanged: moved out of
    # the collector's reach, they no longer make every full collection (a pause felt by every client
    # in flight) walk them again.
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    print(f"ledger-wide answers ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)


async def _bound_threads() -> None:
    """Few threads for the blocking handlers: with anyio's default 40, fifty clients' requests for
    answers already in memory fought over the GIL, and the p95 under load nearly doubled (measured in
    benchmarks/web.py: 109 ms with 40, 77 ms with 4, on 2 cores)."""
    import anyio.to_thread  # noqa: PLC0415 - loaded with the server

    anyio.to_thread.current_default_thread_limiter().total_tokens = SERVER_THREADS
