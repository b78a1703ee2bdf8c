"""Server-rendered pages (Jinja2, autoescaped): paste, article view, articles, place, map, events,
outlets, search. They read the same query functions as the API; the little JavaScript they use is in
static/ (the CSP allows no inline script).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, Template, select_autoescape
from starlette.concurrency import run_in_threadpool

from claimledger import __version__
from claimledger.document import Metadata
from claimledger.errors import InputError
from claimledger.web import charts, queries
from claimledger.web.app_state import Workbench, workbench
from claimledger.web.view import HIDDEN_BY_DEFAULT, KINDS, article_view

router = APIRouter(include_in_schema=False)
Bench = Annotated[Workbench, Depends(workbench)]
ArticleId = Annotated[str, Path(pattern="^[0-9a-f]{64}$")]
FORM_TYPE = "application/x-www-form-urlencoded"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("claimledger.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _template(name: str) -> Template:
    return _environment().get_template(name)


def render(bench: Workbench, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:  # noqa: ANN401
    html = _template(name).render(has_ledger=bench.store is not None, version=__version__, **context)
    return HTMLResponse(html, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def home(bench: Bench) -> HTMLResponse:
    recent = None
    if bench.store is not None:
        recent = queries.list_articles_kept(bench, queries.ArticleFilter(), limit=15, offset=0)
    return render(bench, "home.html", recent=recent)


@router.get("/analyze", response_class=HTMLResponse)
def paste_form(bench: Bench) -> HTMLResponse:
    return render(bench, "paste.html", form={})


@router.post("/analyze", response_class=HTMLResponse)
async def paste_submit(request: Request, bench: Bench) -> HTMLResponse:
    """Analyze the pasted text and show it; nothing is stored."""
    if request.headers.get("content-type", "").split(";")[0].strip() != FORM_TYPE:
        raise InputError(f"the paste form posts {FORM_TYPE}")
    form = _form(await request.body())
    text = form.get("text", "")
    if not text.strip():
        return render(bench, "paste.html", form=form, problem="Paste an article first.")
    meta = Metadata(
        title=form.get("title") or None,
        outlet=form.get("outlet") or None,
        published=_day(form.get("published")),
        source="<paste>",
    )
    report = await run_in_threadpool(bench.analyze, text, meta)
    return _article_page(bench, report, stored=False)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    bench: Bench,
    outlet: str | None = None,
    language: str | None = None,
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    technique: str | None = None,
    offset: Annotated[int, Query(ge=0, le=queries.MAX_OFFSET)] = 0,
) -> HTMLResponse:
    where = queries.ArticleFilter(
        outlet or None, language or None, since, until, place or None, technique or None
    )
    found = queries.list_articles_kept(bench, where, limit=50, offset=offset)
    return render(bench, "articles.html", found=found, where=where)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: ArticleId, bench: Bench) -> HTMLResponse:
    return _article_page(bench, queries.article_report(bench.ledger(), article_id), stored=True)


@router.get("/places/{name}", response_class=HTMLResponse)
def place_page(name: Annotated[str, Path(min_length=1, max_length=200)], bench: Bench) -> HTMLResponse:
    page = queries.place_page_kept(bench, name)
    chart = charts.timeline(page["timeline"])
    return render(bench, "place.html", page=page, chart=chart)


@router.get("/map", response_class=HTMLResponse)
def map_page(bench: Bench) -> HTMLResponse:
    bench.ledger()
    return render(bench, "map.html")


@router.get("/events", response_class=HTMLResponse)
def events_page(bench: Bench, status: str | None = None, type: str | None = None) -> HTMLResponse:
    chosen = status if status in {"corroborated", "contested", "single-source"} else None
    found = queries.events(
        bench.ledger(),
        bench.settings,
        status=chosen,
        claim_type=type or None,
        grouped=queries.kept_grouping(bench),
    )
    return render(bench, "events.html", events=found, status=chosen)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(bench: Bench) -> HTMLResponse:
    store = bench.ledger()
    profiles = bench.remember("ledger", ("outlets",), lambda: queries.outlets(store))
    return render(bench, "outlets.html", profiles=profiles, bars=charts.outlet_bars(profiles))


@router.get("/search", response_class=HTMLResponse)
def search_page(bench: Bench, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    store = bench.ledger()
    found = bench.remember("search", ("page", q), lambda: queries.search(store, q)) if q.strip() else []
    return render(bench, "search.html", q=q, found=found)


def _article_page(bench: Workbench, report: Mapping[str, Any], *, stored: bool) -> HTMLResponse:
    view = article_view(report)
    return render(
        bench,
        "article.html",
        view=view,
        kinds=KINDS,
        hidden=HIDDEN_BY_DEFAULT,
        stored=stored,
        sourcing=charts.bars(view.sourcing, width=110),
    )


def _form(body: bytes) -> dict[str, str]:
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("the form is not UTF-8") from exc
    try:
        fields: Mapping[str, Sequence[str]] = parse_qs(decoded, keep_blank_values=True, max_num_fields=20)
    except ValueError as exc:  # more fields than the form has
        raise InputError("the form has too many fields") from exc
    return {name: values[0] for name, values in fields.items() if values}


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"published must be YYYY-MM-DD, got {value[:20]!r}") from exc
