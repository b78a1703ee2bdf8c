"""Small charts as numbers for inline SVG: the templates draw them, so no chart library and no script.

Every coordinate is computed here; the templates only place shapes and escape labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

BAR_WIDTH = 160
ROW_HEIGHT = 26
TIMELINE_WIDTH = 640
LABEL_WIDTH = 150


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    width: int


@dataclass(frozen=True)
class Dot:
    x: int
    y: int
    stance: str
    title: str
    href: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    rows: list[tuple[str, int]]
    dots: list[Dot]
    ticks: list[tuple[int, str]]


def bars(rows: Iterable[tuple[str, int]], width: int = BAR_WIDTH) -> list[Bar]:
    rows = list(rows)
    top = max((value for _, value in rows), default=0) or 1
    return [Bar(label, value, round(width * value / top)) for label, value in rows]


def timeline(claims: Sequence[Mapping[str, Any]]) -> Timeline | None:
    """One row per outlet, one dot per dated claim at its day; stance picks the dot's colour."""
    dated = [(c, d) for c in claims if (d := _day(c.get("date"))) is not None]
    if not dated:
        return None
    outlets = sorted({c.get("outlet") or "(unknown)" for c, _ in dated})
    first = min(d for _, d in dated)
    last = max(d for _, d in dated)
    span = max((last - first).days, 1)
    plot = TIMELINE_WIDTH - LABEL_WIDTH - 20
    rows = [(outlet, 20 + i * ROW_HEIGHT) for i, outlet in enumerate(outlets)]
    y_of = dict(rows)
    dots = [
        Dot(
            x=LABEL_WIDTH + round(plot * (d - first).days / span),
            y=y_of[c.get("outlet") or "(unknown)"],
            stance=str(c.get("stance")),
            title=f"{d.isoformat()} · {c.get('outlet') or '(unknown)'} · {c.get('stance')}: {c.get('text')}",
            href=f"/articles/{c['article_id']}",
        )
        for c, d in dated
    ]
    ticks = [(LABEL_WIDTH, first.isoformat()), (LABEL_WIDTH + plot, last.isoformat())]
    height = 20 + len(outlets) * ROW_HEIGHT + 10
    return Timeline(TIMELINE_WIDTH, height, rows, dots, ticks)


def outlet_bars(profiles: Sequence[Mapping[str, Any]]) -> dict[str, list[Bar]]:
    """Per outlet: whose side its quoted sources speak for (RU, UA, other), as bars."""
    sides = ("RU", "UA", "other")
    return {
        str(p["outlet"]): bars([(side, int(p["sides_quoted"].get(side, 0))) for side in sides], width=120)
        for p in profiles
    }


def _day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
