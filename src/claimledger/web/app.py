"""create_app(settings, store): the one FastAPI app that `claimledger serve`, the tests and embedders share.

The app holds no global state: the settings, the ledger (optional: without one, only analysis and the
paste page work) and the lazily built pipeline live on `app.state.workbench`.
"""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from claimledger import __version__
from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.web import api, errors, pages
from claimledger.web.app_state import Workbench
from claimledger.web.security import BodyLimit, HostCheck, SecurityHeaders, allowed_hosts


def static_dir() -> Path:
    return Path(str(resources.files("claimledger.web").joinpath("static")))


def create_app(
    settings: Settings | None = None,
    store: Store | None = None,
    *,
    pipeline: Pipeline | None = None,
    hosts: Collection[str] | None = None,
) -> FastAPI:
    """The app. `hosts` adds Host names it answers to besides loopback and the bound address (an
    embedding behind a proxy, a test client's made-up host)."""
    settings = settings or Settings()
    allowed = allowed_hosts(settings)
    app = FastAPI(
        title="claimledger",
        version=__version__,
        description="Who claims what, about which place, when, through whom (reports: claimledger.report/1).",
        # Swagger UI and ReDoc load scripts from a CDN and inline: against our CSP and offline use.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.workbench = Workbench(settings, store, pipeline)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(HostCheck, hosts=None if allowed is None else allowed | set(hosts or ()))
    app.add_middleware(SecurityHeaders)
    return app
