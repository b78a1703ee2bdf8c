"""Web test support: a real SQLite ledger holding the three example articles (analyzed by the real
pipeline, one outlet each) and one hostile article built by hand, whose every string field carries
markup that must come out escaped."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from claimledger.analyze import analyze_text
from claimledger.document import Claim, Document, Metadata, Place, Quote, Speaker, Technique
from claimledger.ledger.store import Store
from claimledger.pipeline import Pipeline
from claimledger.report.json import to_report
from claimledger.settings import Settings
from claimledger.stages import STAGES
from tests.conftest import EXAMPLES

EXAMPLE_OUTLETS = {
    "wire-capture-claim.txt": ("Example Wire", "Russian MoD says Krasnoarmeysk taken"),
    "kyiv-denial.txt": ("Kyiv Daily", "Kyiv denies the fall of Pokrovsk"),
    "analysis-contested-town.txt": ("Analysis Weekly", "A contested town"),
}
SCRIPT = "<script>window.__pwned = 1</script>"
HANDLER = '<img src=x onerror="window.__pwned = 2">'
JS_URL = "javascript:window.__pwned=3"
HOSTILE_TEXT = (
    f"Officials in Pokrovsk said {SCRIPT} the town held. "
    f'"We hold {HANDLER} every street," said the commander. '
    f'More at <a href="{JS_URL}">this link</a> and {JS_URL} too.'
)


@cache
def web_pipeline() -> Pipeline:
    """Every stage but framing, whose technique model is trained separately (`make train-techniques`);
    techniques still reach the pages through the hand-built hostile report."""
    settings = Settings()
    stages = [factory(settings) for name, factory in STAGES.items() if name != "framing"]
    return Pipeline(stages, batch_size=settings.batch_size)


def example_reports(pipeline: Pipeline) -> list[dict[str, Any]]:
    reports = []
    for name, (outlet, title) in EXAMPLE_OUTLETS.items():
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        meta = Metadata(title=title, outlet=outlet, published=date(2025, 12, 1), source=name)
        reports.append(to_report(analyze_text(text, meta=meta, pipeline=pipeline)))
    return reports


def hostile_report() -> dict[str, Any]:
    """Markup in the text, title, outlet, URL, place name, speaker, claimant and technique label."""
    text = HOSTILE_TEXT
    doc = Document(
        text,
        Metadata(
            title=f"Title {SCRIPT}",
            outlet=f"Outlet {HANDLER}",
            url=JS_URL,
            published=date(2025, 12, 2),
            language="en",
            source="hostile",
        ),
    )
    town = text.index("Pokrovsk")
    doc.add(Place(town, town + 8, name=f"Pokrovsk{SCRIPT}", geonames_id=704422, lat=48.28, lon=37.18))
    quote = text.index("We hold")
    speaker = Speaker(name=f"Cmdr {HANDLER}", description=JS_URL, kind="person")
    doc.add(Quote(quote, quote + 40, direct=True, speaker=speaker, cue="said", via=(SCRIPT,)))
    doc.add(Claim(0, 40, type="territorial_control", claimant=f"{SCRIPT}", stance="denied", places=(0,)))
    link = text.index("<a href")
    doc.add(Technique(link, link + 30, technique=f"loaded_language{HANDLER}", score=0.9))
    return to_report(doc)


def build_ledger(path: Path, pipeline: Pipeline) -> list[dict[str, Any]]:
    """Fill a SQLite ledger at `path`; returns the stored reports, hostile one last."""
    reports = [*example_reports(pipeline), hostile_report()]
    with Store.open(str(path)) as store:
        for report in reports:
            store.put(report)
    return reports
