from __future__ import annotations

from claimledger.analyze import analyze_text
from claimledger.document import Metadata
from claimledger.report.json import to_report
from claimledger.report.load import from_report
from tests.conftest import EXAMPLES


def test_report_round_trips_through_a_document(pipeline):
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = analyze_text(path.read_text(encoding="utf-8"), pipeline=pipeline, meta=Metadata(outlet="X"))
        report = to_report(doc)
        assert to_report(from_report(report)) == report, path.name
