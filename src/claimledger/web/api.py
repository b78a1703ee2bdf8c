"""The REST API under /api: reports in the same JSON as `analyze --format json` (both go through
`report.json.to_report`), ledger queries as plain JSON. Reads are open; writes need the token.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]  # no stubs; only used here
from pydantic import BaseModel, Field

from claimledger.document import Metadata
from claimledger.errors import InputError
from claimledger.report.json import report_schema
from claimledger.web import queries
from claimledger.web.app_state import Workbench, workbench
from claimledger.web.security import check_token

router = APIRouter(prefix="/api", tags=["api"])
Bench = Annotated[Workbench, Depends(workbench)]
ArticleId = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="the article id (sha256, hex)")]
Status = Literal["corroborated", "contested", "single-source"]
MAX_INGEST = 100  # reports per request; the body cap (max_request_bytes) applies as well


class AnalyzeRequest(BaseModel):
    """An article to analyze; `store: true` also writes the report to the ledger (needs the token)."""

    text: str = Field(min_length=1, description="the article's body text")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = Field(default=None, pattern="^[a-z]{2,3}$")
    store: bool = False

    def metadata(self) -> Metadata:
        return Metadata(
            title=self.title,
            outlet=self.outlet,
            url=self.url,
            published=self.published,
            language=self.language,
            source="<api>",
        )


@router.post("/analyze", summary="Analyze a text; optionally store the report (token)")
def analyze(body: AnalyzeRequest, request: Request, bench: Bench) -> dict[str, Any]:
    store = None
    if body.store:
        check_token(request, bench.settings)
        store = bench.ledger()
    if not body.text.strip():
        raise InputError("the text is empty")
    report = bench.analyze(body.text, body.metadata())
    if store is not None:
        result = store.put(report)
        report = {**report, "ledger": {"outcome": result.outcome, "duplicate_of": result.duplicate_of}}
    return report


class IngestRequest(BaseModel):
    """Reports already made (`analyze --format jsonl`, a batch run) to store as they are."""

    reports: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_INGEST)


@router.post("/ingest", summary="Store analyzed reports in the ledger (token)")
def ingest(body: IngestRequest, request: Request, bench: Bench) -> dict[str, Any]:
    check_token(request, bench.settings)
    store = bench.ledger()
    validator = Draft202012Validator(report_schema())
    for i, report in enumerate(body.reports):
        problem = next(iter(validator.iter_errors(report)), None)
        if problem is not None:
            where = "/".join(str(part) for part in problem.absolute_path) or "the report"
            raise InputError(f"reports[{i}]: {where}: {problem.message[:200]}")
    results = [store.put(report) for report in body.reports]
    return {
        "results": [
            {"id": report["article"]["id"], "outcome": result.outcome, "duplicate_of": result.duplicate_of}
            for report, result in zip(body.reports, results, strict=True)
        ]
    }


@router.get("/articles", summary="List and filter stored articles, newest first")
def list_articles(
    bench: Bench,
    outlet: str | None = None,
    language: str | None = None,
    since: date | None = None,
    until: date | None = None,
    place: Annotated[str | None, Query(description="place name, or GeoNames id")] = None,
    technique: str | None = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=queries.MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    where = queries.ArticleFilter(outlet, language, since, until, place, technique)
    return queries.list_articles(bench.ledger(), where, limit=limit, offset=offset)


@router.get("/articles/{article_id}", summary="One stored article's report (claimledger.report/1)")
def article(article_id: ArticleId, bench: Bench) -> dict[str, Any]:
    return queries.article_report(bench.ledger(), article_id)


@router.get("/places", summary="Resolved places with coordinates and claim counts (the map)")
def places(bench: Bench) -> list[dict[str, Any]]:
    return queries.map_places(bench.ledger())


@router.get("/places/{name}", summary="A place's claim timeline, naming by outlet, events and control record")
def place(name: Annotated[str, Path(min_length=1, max_length=200)], bench: Bench) -> dict[str, Any]:
    return queries.place_page(bench.ledger(), name, bench.settings)


@router.get("/events", summary="Claims grouped into events across sources, by status")
def events(
    bench: Bench,
    status: Status | None = None,
    type: Annotated[str | None, Query(description="claim type, e.g. territorial_control")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place name")] = None,
    since: date | None = None,
    until: date | None = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
) -> list[dict[str, Any]]:
    return queries.events(
        bench.ledger(),
        bench.settings,
        status=status,
        claim_type=type,
        place=place,
        since=since,
        until=until,
        limit=limit,
    )


@router.get("/outlets", summary="Per-outlet profiles: volume, sourcing, techniques, naming")
def outlets(bench: Bench) -> list[dict[str, Any]]:
    return queries.outlets(bench.ledger())


@router.get("/search", summary="Full-text search over article text and quotes")
def search(
    bench: Bench,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 20,
) -> list[dict[str, Any]]:
    return queries.search(bench.ledger(), q, limit=limit)
