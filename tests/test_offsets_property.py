"""For any Unicode text, every span in the report indexes the report's own text exactly."""

from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.analyze import analyze_text
from claimledger.document import Metadata
from claimledger.report.json import report_schema, to_report

SURFACE = {"places": "mention", "quotes": "text", "dates": "mention", "claims": "text", "techniques": "text"}
SECTIONS = (*SURFACE, "entities")

words = st.sampled_from(
    [
        "Pokrovsk",
        "Krasnoarmysk",
        "Київ",
        "Москва",
        "said",
        "'",
        '"',
        "«",
        "»",
        "—",
        "\n\n",
        "on",
        "November 30th",
        "captured",
        "Putin",
        "the",
        "Ukrainian",
        "2025",
        "\u0301",
        "\U0001f600",
        "\r\n",
        "\t",
        "  ",
    ]
)
texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.one_of(words, st.text(max_size=6)), min_size=1, max_size=60).map(" ".join),
)


def check_offsets(report: dict) -> None:
    text = report["text"]
    for section in SECTIONS:
        for span in report[section]:
            start, end = span["start"], span["end"]
            assert 0 <= start < end <= len(text), (section, span)
            key = SURFACE.get(section, "text")
            assert span[key] == text[start:end], (section, span)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_every_span_indexes_the_report_text(pipeline, text: str):
    doc = analyze_text(text, pipeline=pipeline, meta=Metadata(language="en"))
    assert doc.error is None, doc.error
    report = to_report(doc)
    assert report["text"] == text
    check_offsets(report)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts.filter(lambda t: t.strip()))
def test_reports_validate_against_the_schema_with_detection(pipeline, text: str):
    doc = analyze_text(text, pipeline=pipeline)
    if doc.error is None:
        report = to_report(doc)
        jsonschema.validate(report, report_schema())
        check_offsets(report)
