"""Pick the renderer for an output format; text and JSON Lines stream one article at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from claimledger.document import Document
from claimledger.errors import InputError
from claimledger.gazetteer.geojson import to_geojson
from claimledger.report.html import render_html
from claimledger.report.json import dumps, to_report
from claimledger.report.text import render_text

FORMATS = ("text", "json", "jsonl", "html", "geojson")


def render(docs: Iterable[Document], fmt: str, *, color: bool = False) -> Iterator[str]:
    if fmt == "jsonl":
        for doc in docs:
            yield json.dumps(to_report(doc), ensure_ascii=False) + "\n"
    elif fmt == "text":
        for doc in docs:
            yield render_text(doc, color=color)
    elif fmt == "json":
        collected = list(docs)
        if len(collected) == 1:
            yield dumps(collected[0]) + "\n"
        elif collected:
            yield json.dumps([to_report(d) for d in collected], ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        collected = list(docs)
        if collected:
            yield render_html(collected)
    elif fmt == "geojson":
        yield json.dumps(to_geojson(docs), ensure_ascii=False, indent=2) + "\n"
    else:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
