"""One self-contained HTML page: the article with coloured highlights per span kind, a legend whose
checkboxes toggle each kind (pure CSS, no script), and details on hover.

Every piece of article text goes through Jinja's autoescaping; nothing from the article is ever
placed in an attribute other than through it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from jinja2 import Environment, PackageLoader, Template, select_autoescape

from claimledger import __version__
from claimledger.document import Document
from claimledger.report.spans import KINDS, Shown, shown_spans
from claimledger.stages.language import language_name

COLORS = {
    "places": "#b7e4c7",
    "quotes": "#e9c6f2",
    "dates": "#bde0fe",
    "claims": "#ffe8a3",
    "techniques": "#ffc2c2",
    "entities": "#d9dde3",
}


@dataclass(frozen=True)
class Segment:
    """A stretch of text covered by the same set of spans."""

    text: str
    kinds: tuple[str, ...]
    details: tuple[str, ...]


def segments(text: str, spans: Sequence[Shown]) -> list[Segment]:
    """Cut the text at every span boundary, so overlapping spans nest without broken markup."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[Shown]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    active: list[Shown] = []
    out: list[Segment] = []
    for left, right in pairwise(cuts):
        active = [s for s in active if s.end > left] + starts.get(left, [])
        kinds = tuple(k for k in KINDS if any(s.kind == k for s in active))
        out.append(Segment(text[left:right], kinds, tuple(s.detail for s in active)))
    return out


@lru_cache(maxsize=1)
def _template() -> Template:
    env = Environment(
        loader=PackageLoader("claimledger.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html")


def render_html(docs: Sequence[Document]) -> str:
    articles = [
        {
            "doc": doc,
            "language": language_name(doc.meta.language or "?"),
            "segments": segments(doc.text, list(shown_spans(doc))),
            "counts": {kind: doc.span_counts().get(kind, 0) for kind in KINDS},
        }
        for doc in docs
    ]
    return _template().render(articles=articles, kinds=KINDS, colors=COLORS, version=__version__)
