"""The REST API under /api: reports in the same JSON as `analyze --format json` (both go through
`report.json.to_report`), ledger queries as plain JSON. Reads are open; writes need the token.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]  # no stubs; only used here
from pydantic import BaseModel, Field

from claimledger.document import Metadata
from claimledger.errors import InputError
from claimledger.report.json import report_schema
from claimledger.web import queries
from claimledger.web.app_state import Workbench, encode_json, workbench
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
        bench.wrote()
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
    bench.wrote()
    return {
        "results": [
            {"id": report["article"]["id"], "outcome": result.outcome, "duplicate_of": result.duplicate_of}
            for report, result in zip(body.reports, results, strict=True)
        ]
    }


@router.get(
    "/articles", summary="List and filter stored articles, newest first", response_model=dict[str, Any]
)
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
) -> Response:
    where = queries.ArticleFilter(outlet, language, since, until, place, technique)
    return _json(encode_json(queries.list_articles_kept(bench, where, limit=limit, offset=offset)))


@router.get(
    "/articles/{article_id}",
    summary="One stored article's report (claimledger.report/1)",
    response_model=dict[str, Any],
)
def article(article_id: ArticleId, bench: Bench) -> Response:
    return _json(encode_json(queries.article_report(bench.ledger(), article_id)))


@router.get(
    "/places",
    summary="Resolved places with coordinates and claim counts (the map)",
    response_model=list[dict[str, Any]],
)
def places(bench: Bench) -> Response:
    store = bench.ledger()
    return _json(bench.remember_json("ledger", ("map",), lambda: queries.map_places(store)))


@router.get(
    "/places/{name}",
    summary="A place's claim timeline, naming by outlet, events and control record",
    response_model=dict[str, Any],
)
def place(
    name: Annotated[str, Path(min_length=1, max_length=200)],
    bench: Bench,
    limit: Annotated[
        int, Query(ge=1, le=queries.MAX_TIMELINE, description="latest claims in the timeline")
    ] = queries.TIMELINE,
) -> Response:
    store = bench.ledger()
    return _json(
        bench.remember_json(
            "place",
            ("place", name, limit),
            lambda: queries.place_page(store, name, bench.settings, limit=limit),
        )
    )


@router.get(
    "/events",
    summary="Claims grouped into events across sources, by status",
    response_model=list[dict[str, Any]],
)
def events(
    bench: Bench,
    status: Status | None = None,
    type: Annotated[str | None, Query(description="claim type, e.g. territorial_control")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place name")] = None,
    since: date | None = None,
    until: date | None = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
) -> Response:
    store = bench.ledger()
    question = (status, type, place, since, until, limit)
    return _json(
        bench.remember_json(
            "place" if place else "ledger",
            ("events", question),
            lambda: queries.events(
                store,
                bench.settings,
                status=status,
                claim_type=type,
                place=place,
                since=since,
                until=until,
                limit=limit,
                grouped=queries.kept_grouping(bench),
            ),
        )
    )


@router.get(
    "/outlets",
    summary="Per-outlet profiles: volume, sourcing, techniques, naming",
    response_model=list[dict[str, Any]],
)
def outlets(bench: Bench) -> Response:
    store = bench.ledger()
    return _json(bench.remember_json("ledger", ("outlets",), lambda: queries.outlets(store)))


@router.get(
    "/search",
    summary="Full-text search over article text and quotes",
    response_model=list[dict[str, Any]],
)
def search(
    bench: Bench,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 20,
) -> Response:
    store = bench.ledger()
    return _json(bench.remember_json("search", (q, limit), lambda: queries.search(store, q, limit=limit)))


def _json(body: bytes) -> Response:
    """An answer encoded by `encode_json` (or kept encoded, Workbench.remember_json): the ledger's
    answers are JSON-ready, and FastAPI's validation and re-encoding of them took more CPU than
    the rest of a request. The route's response_model still describes it in the OpenAPI spec."""
    return Response(body, media_type="application/json")
