"""`claimledger eval geoparse`: the gold corpora read right, figures printed as JSON, bad names refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.cli.app import run
from claimledger.errors import InputError
from claimledger.eval.places import corpus_path, read_corpus


def _corpus(shared: Path, name: str) -> Path:
    path = shared / "data" / "geoparsing-corpora" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent; corpus test skipped")
    return path


def test_geovirus_spans_cover_their_names(shared: Path):
    """GeoVirus's published offsets sit one character late; the reader puts each span on its name."""
    articles = list(read_corpus(_corpus(shared, "GeoVirus.xml")))
    assert len(articles) == 229
    golds = [(text, g) for text, gs in articles for g in gs]
    assert len(golds) == 2170
    text, first = golds[0]
    assert text[first.start : first.end] == "Pandi"
    assert all(g.lat is not None for _, g in golds)
    assert all(not text[g.start : g.end].startswith((" ", ",")) for text, g in golds)


def test_lgl_keeps_gold_without_coordinates_for_detection(shared: Path):
    articles = list(read_corpus(_corpus(shared, "lgl.xml")))
    golds = [g for _, gs in articles for g in gs]
    assert (len(articles), len(golds)) == (588, 5088)
    assert sum(g.lat is not None for g in golds) == 4462


def test_corpus_names_and_paths(shared: Path, tmp_path: Path):
    assert corpus_path("TR-News", shared).name == "TR-News.xml"
    assert corpus_path("lgl", shared).name == "lgl.xml"
    with pytest.raises(InputError, match="neither a corpus name"):
        corpus_path("wiktor", shared)
    own = tmp_path / "mine.xml"
    own.write_text("<articles/>", encoding="utf-8")
    assert corpus_path(str(own), shared) == own


def test_eval_geoparse_prints_the_figures_as_json(shared: Path, capsys: pytest.CaptureFixture[str]):
    _corpus(shared, "TR-News.xml")
    code = run(["eval", "geoparse", "trnews", "--limit", "3", "--shared", str(shared)])
    out, err = capsys.readouterr()
    assert code == 0, err
    figures = json.loads(out)
    assert figures["corpus"] == "TR-News.xml"
    assert figures["documents"] == 3
    assert 0 < figures["detection"]["f1"] <= 1
    resolution = figures["resolution"]
    assert set(resolution) >= {"acc_161", "mean_error_km", "auc"}
    assert 0 <= resolution["auc"] <= 1
