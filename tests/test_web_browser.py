"""End to end in a real headless Chromium (Debian's, driven by Playwright) against a real uvicorn
server on 127.0.0.1: open an article, toggle a highlight layer, click a place and land on its page,
and use the map. Screenshots are saved under test-artifacts/ for a person to look at."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from claimledger.ledger.store import Store
from claimledger.settings import Settings
from claimledger.web import create_app
from tests.conftest import ROOT
from tests.web_support import build_ledger, web_pipeline

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: `make browser` installs it"
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A real uvicorn on loopback in a thread, over a ledger with the examples and a hostile article."""
    if not (ROOT / "src/claimledger/web/static/vendor/leaflet.js").is_file():
        pytest.skip("Leaflet is not installed: `make assets` copies it from npm")
    path = tmp_path_factory.mktemp("browser") / "ledger.db"
    reports = build_ledger(path, web_pipeline())
    store = Store.open(str(path))
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(), store, pipeline=web_pipeline()), host="127.0.0.1", port=port, log_level="error"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", reports
    running.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield opened
    context.close()
    assert errors == [], errors


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _background(page: Any, selector: str) -> str:
    return str(page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor"))


def test_article_view_toggles_a_layer(server: tuple[str, list[dict[str, Any]]], page: Any):
    base, reports = server
    page.goto(f"{base}/articles/{reports[0]['article']['id']}")
    place = ".hl.k-places:not(.k-quotes)"
    shown = _background(page, place)
    assert shown not in {"rgba(0, 0, 0, 0)", "transparent"}
    _shot(page, "article-view.png")
    page.uncheck("#toggle-places")
    assert _background(page, place) == "rgba(0, 0, 0, 0)"
    page.check("#toggle-places")
    assert _background(page, place) == shown


def test_click_a_place_and_land_on_its_page(server: tuple[str, list[dict[str, Any]]], page: Any):
    base, reports = server
    page.goto(f"{base}/articles/{reports[0]['article']['id']}")
    page.click(".hl.k-places >> nth=0")
    link = page.locator("#details a.place-link")
    assert link.count() == 1
    _shot(page, "article-details.png")
    link.click()
    page.wait_for_url("**/places/**")
    assert page.locator("#place-name").inner_text().startswith("Pokrovsk")
    assert page.locator("svg.timeline circle").count() >= 2
    _shot(page, "place-page.png")


def test_hostile_article_runs_no_script(server: tuple[str, list[dict[str, Any]]], page: Any):
    base, reports = server
    page.goto(f"{base}/articles/{reports[-1]['article']['id']}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.click(".hl.k-quotes >> nth=0")
    assert "Cmdr <img" in page.locator("#details").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_map_markers_open_place_pages(server: tuple[str, list[dict[str, Any]]], page: Any):
    base, _ = server
    page.goto(f"{base}/map")
    page.wait_for_selector("#map[data-ready]")
    assert page.locator("path.place-marker").count() >= 3
    assert page.locator("#map path.leaflet-interactive").count() >= 3
    _shot(page, "map.png")
    page.locator("path.place-marker").first.click(force=True)
    page.wait_for_url("**/places/**")
    assert page.locator("#place-name").inner_text()


# One letter per SVG path in drawing order: b the admin-1 borders, m a place marker, . the rest.
LAYER_ORDER = (
    "paths => paths.map(p => p.classList.contains('admin1-border') ? 'b'"
    " : p.classList.contains('place-marker') ? 'm' : '.').join('')"
)


def test_map_draws_oblast_boundaries_under_the_markers(server: tuple[str, list[dict[str, Any]]], page: Any):
    base, _ = server
    page.goto(f"{base}/map")
    page.wait_for_selector("#map[data-ready]")
    border = page.locator("#map path.admin1-border")
    assert border.count() == 1  # one mesh of every internal border
    # Ukraine's oblasts alone give dozens of separate border lines in view (one "M" each).
    assert border.get_attribute("d").count("M") >= 20
    # Drawn before the markers, so it sits under them in the overlay's SVG.
    order = page.eval_on_selector_all("#map svg path", LAYER_ORDER)
    assert order.index("b") < order.index("m")
    _shot(page, "map-oblasts.png")
