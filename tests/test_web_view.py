"""The article view's model: segments cover the text exactly, nest overlapping spans, and carry the
cards of every span over them."""

from __future__ import annotations

from claimledger.web.view import article_view, sourcing_profile
from tests.web_support import hostile_report


def test_segments_rebuild_the_text_exactly():
    report = hostile_report()
    view = article_view(report)
    assert "".join(seg.text for seg in view.segments) == report["text"]


def test_overlapping_spans_share_a_segment():
    report = hostile_report()
    view = article_view(report)
    town = next(seg for seg in view.segments if seg.text == "Pokrovsk")
    assert set(town.refs.split()) == {"places-0", "claims-0"}
    assert "k-places" in town.classes.split()
    assert "k-claims" in town.classes.split()


def test_every_ref_has_a_card():
    view = article_view(hostile_report())
    cards = {card.ref for card in view.cards}
    for seg in view.segments:
        assert set(seg.refs.split()) <= cards


def test_quotes_are_coloured_by_speaker():
    view = article_view(hostile_report())
    quoted = [seg for seg in view.segments if "k-quotes" in seg.classes.split()]
    assert quoted
    assert all("spk-0" in seg.classes.split() for seg in quoted)
    assert view.speakers[0][0].startswith("Cmdr ")


def test_sourcing_profile_counts_quotes_by_kind():
    rows = dict(sourcing_profile(hostile_report()))
    assert rows["person sources"] == 1
    assert rows["direct quotes"] == 1
    assert rows["claims in the outlet's voice"] == 0
