"""The terminal report (Rich): a header, then one table per section with short highlighted snippets."""

from __future__ import annotations

import re
from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimledger.document import Document
from claimledger.quotes.sourcing import sourcing_profile, summary_line
from claimledger.report.spans import KINDS, Shown, shown_spans
from claimledger.stages.language import language_name

CONTEXT = 40
_SPACE = re.compile(r"\s+")
STYLES = {
    "places": "bold green",
    "quotes": "bold magenta",
    "dates": "bold cyan",
    "claims": "bold yellow",
    "techniques": "bold red",
    "entities": "bold blue",
}


def render_text(doc: Document, *, color: bool, width: int = 110) -> str:
    buffer = StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.print(_header(doc))
    spans = list(shown_spans(doc))
    for kind in KINDS:
        rows = [s for s in spans if s.kind == kind]
        console.print(_section(doc, kind, rows) if rows else Text(f"{kind}: none found", style="dim"))
        if kind == "quotes" and (line := _sourcing(doc)) is not None:
            console.print(line)
    if doc.notes:
        console.print(Text("notes: " + "; ".join(doc.notes), style="dim italic"))
    return buffer.getvalue()


def _sourcing(doc: Document) -> Text | None:
    """The sourcing profile in one line under the quotes table (the JSON report has it in full)."""
    profile = sourcing_profile(doc)
    line = summary_line(profile) if profile is not None else None
    return Text(line, style=STYLES["quotes"].replace("bold ", "")) if line else None


def _header(doc: Document) -> RenderableType:
    meta = doc.meta
    language = meta.language or "?"
    detected = (
        f" (detected, {doc.language_confidence:.2f})"
        if doc.language_detected and doc.language_confidence is not None
        else ""
    )
    facts = [
        f"outlet: {meta.outlet or '—'}",
        f"published: {meta.published.isoformat() if meta.published else '—'}",
        f"language: {language_name(language)}{detected}",
        f"id: {doc.id[:12]}",
        f"{len(doc.text):,} characters",
    ]
    lines: list[RenderableType] = [Text(" · ".join(facts))]
    if meta.url:
        lines.append(Text(meta.url, style="underline"))
    title = meta.title or meta.source or "article"
    return Panel(Group(*lines), title=Text(title, style="bold"), title_align="left")


def _section(doc: Document, kind: str, rows: list[Shown]) -> Table:
    table = Table(title=f"{kind} ({len(rows)})", title_justify="left", expand=True)
    table.add_column("at", justify="right", no_wrap=True, style="dim")
    table.add_column("span", ratio=1, style=STYLES[kind])
    table.add_column("what", ratio=2)
    table.add_column("in context", ratio=3)
    for shown in rows:
        surface = _flat(doc.text[shown.start : shown.end])
        short = surface if len(surface) <= 48 else surface[:45] + "…"
        table.add_row(str(shown.start), short, Text(shown.detail), snippet(doc.text, shown, STYLES[kind]))
    return table


def snippet(text: str, span: Shown, style: str) -> Text:
    """The span with a little context each side, on one line, the span itself highlighted."""
    left = max(0, span.start - CONTEXT)
    right = min(len(text), span.end + CONTEXT)
    out = Text("…" if left else "")
    out.append(_flat(text[left : span.start]))
    core = text[span.start : span.end]
    out.append(_flat(core if len(core) <= 160 else core[:150] + " … " + core[-8:]), style=style)
    out.append(_flat(text[span.end : right]))
    out.append("…" if right < len(text) else "")
    return out


def _flat(value: str) -> str:
    return _SPACE.sub(" ", value)
