"""Ground truth for territorial-control claims: a control record by place and day, and the check.

Two layouts are read: the run table derived from DeepStateMap in ../shared/data/viina
(`geonameid,source,status,first_day,last_day`) and VIINA 2.0's daily panel (`geonameid,date,status`,
dates YYYYMMDD). Statuses are RU, UA, CONTESTED, and NOT_RU for a record that only draws the
occupied area. The check is pure: a claim's side, stance and date against the runs of its place.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from claimledger.errors import InputError

Consistency = Literal["consistent", "inconsistent", "ahead of record", "no record"]
# Sources in order of preference where several cover a day: those that know the grey zone first.
PREFERENCE = ("viina", "deepstate_full", "deepstate_occupied")
HORIZON_DAYS = 30  # how far ahead "ahead of record" looks: a capture claim the map confirmed later
_RUN_HEADER = {"geonameid", "source", "status", "first_day", "last_day"}
_DAILY_HEADER = {"geonameid", "date", "status"}
_RU = re.compile(r"\b(russia\w*|moscow|kremlin|dpr|lpr|wagner|rf)\b", re.I)
_UA = re.compile(r"\b(ukrain\w*|kyiv|kiev|zsu|afu)\b", re.I)


@dataclass(frozen=True)
class Run:
    """One status of one place over consecutive snapshot days (both ends included)."""

    source: str
    geonames_id: int
    status: str
    first_day: date
    last_day: date


@dataclass(frozen=True)
class ControlCheck:
    """What the record said: the status on the claim's day, and when it first matched the claim."""

    consistency: Consistency
    record: str | None = None
    source: str | None = None
    matched_on: date | None = None
    side: str | None = None


def read_runs(folder: Path) -> Iterator[Run]:
    """Every control run in the CSV files (plain, .gz, or inside .zip) under `folder`."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    found = False
    for path in sorted(folder.rglob("*")):
        for name, handle in _csv_handles(path):
            found = True
            yield from _runs_from(handle, name)
    if not found:
        raise InputError(f"{folder}: no control table (CSV with geonameid,status and dates) found")


def _csv_handles(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".csv") and _is_control(archive.open(member).readline()):
                    yield (
                        f"{path.name}:{member}",
                        io.TextIOWrapper(archive.open(member), encoding="utf-8"),
                    )
    elif path.name.endswith(".csv.gz"):
        with gzip.open(path, "rb") as raw:
            if _is_control(raw.readline()):
                raw.seek(0)
                yield path.name, io.TextIOWrapper(raw, encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open("rb") as raw:
            if _is_control(raw.readline()):
                raw.seek(0)
                yield path.name, io.TextIOWrapper(raw, encoding="utf-8")


def _is_control(header: bytes) -> bool:
    columns = {c.strip().strip('"') for c in header.decode("utf-8", "replace").strip().split(",")}
    return columns >= _RUN_HEADER or columns >= _DAILY_HEADER


def _runs_from(handle: io.TextIOBase, name: str) -> Iterator[Run]:
    reader = csv.DictReader(handle)
    columns = set(reader.fieldnames or ())
    if columns >= _RUN_HEADER:
        for row in reader:
            yield Run(
                row["source"],
                int(row["geonameid"]),
                row["status"].upper(),
                date.fromisoformat(row["first_day"]),
                date.fromisoformat(row["last_day"]),
            )
    else:
        source = "viina"
        days = ((int(r["geonameid"]), _parse_day(r["date"]), r["status"].upper()) for r in reader)
        yield from runs_from_days(source, days)


def _parse_day(value: str) -> date:
    text = value.strip()
    if len(text) == 8 and text.isdigit():
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    return date.fromisoformat(text)


def runs_from_days(source: str, days: Iterable[tuple[int, date, str]]) -> Iterator[Run]:
    """Run-length encode a daily panel: consecutive days (by place) with one status become one run."""
    current: Run | None = None
    for place, day, status in sorted(days):
        if current and current.geonames_id == place and current.status == status:
            current = Run(source, place, status, current.first_day, day)
            continue
        if current:
            yield current
        current = Run(source, place, status, day, day)
    if current:
        yield current


def side_of(text: str | None) -> str | None:
    """RU or UA from who is named ("Russian forces", "Kyiv"); None when neither or both."""
    if not text:
        return None
    ru, ua = bool(_RU.search(text)), bool(_UA.search(text))
    return "RU" if ru and not ua else "UA" if ua and not ru else None


def claimed_side(actor: str | None, text: str, claimant: str | None, stance: str) -> str | None:
    """Whose control the claim is about: the actor when the claims stage found one; for a denial,
    the side opposite the denier (claimant, else the side its words name: "Ukraine's General Staff
    denied…"); for an assertion, the claimant's own side, else the side its words name."""
    side = side_of(actor)
    if side:
        return side
    if stance == "denied":
        denier = side_of(claimant) or side_of(text)
        return None if denier is None else "UA" if denier == "RU" else "RU"
    # the claimant before the words: "cleared Krasnoarmeysk of Ukrainian formations", said by the
    # Russian Defense Ministry, names the losing side
    return side_of(claimant) or side_of(text)


def matches(status: str, side: str) -> bool:
    if side == "RU":
        return status == "RU"
    return status in {"UA", "NOT_RU"}


def status_on(runs: Iterable[Run], day: date) -> tuple[str, str] | None:
    """(status, source) on `day` from the preferred source covering it; a day inside a gap between
    snapshots takes the status of the run before it."""
    by_source: dict[str, list[Run]] = {}
    for run in runs:
        by_source.setdefault(run.source, []).append(run)
    for source in sorted(by_source, key=_preference):
        ordered = sorted(by_source[source], key=lambda r: r.first_day)
        if not ordered[0].first_day <= day <= ordered[-1].last_day:
            continue
        before = [r for r in ordered if r.first_day <= day]
        return before[-1].status, source
    return None


def _preference(source: str) -> tuple[int, str]:
    return (PREFERENCE.index(source) if source in PREFERENCE else len(PREFERENCE), source)


def check(
    *, stance: str, side: str | None, day: date | None, runs: Iterable[Run], horizon_days: int = HORIZON_DAYS
) -> ControlCheck:
    """consistent / inconsistent / ahead of record (the record changed to the claimed side within
    `horizon_days` after the claim) / no record (no side, no date, or no run covering the day)."""
    runs = list(runs)
    found = status_on(runs, day) if day and side else None
    if found is None or side is None or day is None:
        return ControlCheck("no record", side=side)
    status, source = found
    agrees = matches(status, side)
    if stance == "denied":
        verdict: Consistency = "inconsistent" if agrees else "consistent"
        return ControlCheck(verdict, status, source, day if agrees else None, side)
    if agrees:
        return ControlCheck("consistent", status, source, day, side)
    for offset in range(1, horizon_days + 1):
        later = status_on(runs, day + timedelta(days=offset))
        if later and matches(later[0], side):
            return ControlCheck("ahead of record", status, source, day + timedelta(days=offset), side)
    return ControlCheck("inconsistent", status, source, None, side)
