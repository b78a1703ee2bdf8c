"""Report dict → Document: the inverse of report/json.py, for reports that crossed a process boundary
(Dask workers return report dicts, the ledger stores them) and must be rendered as text or HTML.

Generic over the record types: a report key that names a record field fills it; fields the report
does not carry keep their defaults. Derived strings (`mention`, `text`) are ignored, since offsets
alone define a span. Article-level summaries (`framing`, `sourcing`) are derived from the records and
the stages that ran, so `to_report` rebuilds them from the loaded document: nothing to read here.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from datetime import date
from typing import Any

from claimledger.document import SPAN_KINDS, Document, Metadata, Span, Speaker

_SEQUENCE_FIELDS = {"via", "places"}


def from_report(report: dict[str, Any]) -> Document:
    article = report.get("article", {})
    published = article.get("published")
    meta = Metadata(
        title=article.get("title"),
        outlet=article.get("outlet"),
        url=article.get("url"),
        published=date.fromisoformat(published) if published else None,
        language=article.get("language"),
        source=article.get("source"),
    )
    doc = Document(
        report["text"],
        meta,
        notes=list(report.get("notes", [])),
        language_confidence=article.get("language_confidence"),
        language_detected=bool(article.get("language_detected", False)),
        stages=list(report.get("pipeline", {}).get("stages", [])),
    )
    for record_type in SPAN_KINDS:
        for row in report.get(record_type.kind, []):
            doc.add(_record(record_type, row))
    return doc


def _record(record_type: type[Span], row: dict[str, Any]) -> Span:
    values: dict[str, Any] = {}
    for field in fields(record_type):
        if field.name not in row:
            if field.default is MISSING and field.default_factory is MISSING:
                raise ValueError(f"report {record_type.kind} row lacks {field.name!r}")
            continue
        value = row[field.name]
        if field.name == "speaker" and isinstance(value, dict):
            value = _speaker(value)
        elif field.name in _SEQUENCE_FIELDS and isinstance(value, list):
            value = tuple(value)
        values[field.name] = value
    return record_type(**values)


def _speaker(row: dict[str, Any]) -> Speaker:
    """The report nests where the speaker is named as `mention: {start, end, text}`."""
    names = {f.name for f in fields(Speaker)}
    values = {key: value for key, value in row.items() if key in names}
    mention = row.get("mention")
    if isinstance(mention, dict):
        values.update(start=mention.get("start"), end=mention.get("end"))
    return Speaker(**values)
