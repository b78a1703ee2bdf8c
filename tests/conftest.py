"""Shared fixtures: real settings, the real spaCy pipeline loaded once per session, ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from claimledger.pipeline import Pipeline
from claimledger.settings import Settings
from claimledger.stages import build_pipeline

# CI replays the same examples on every run (a red CI must mean a change broke something); a
# developer's run explores new ones and keeps any failure in .hypothesis/ to replay.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# the ledger's fixtures: a store per test on SQLite and on the local PostgreSQL
pytest_plugins = ["tests.ledger_support"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED = SHARED / "seeds" / "000_780fa907f352c487.txt"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return build_pipeline(settings)


@pytest.fixture(scope="session")
def cyrillic_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """The pipeline up to claims on the real default gazetteer, built into a temporary dir where absent
    (framing is left out: it cannot change what the Russian/Ukrainian tests look at)."""
    from claimledger.eval.dates import pipeline_to_claims
    from claimledger.gazetteer.build import build
    from claimledger.gazetteer.index import default_path

    if default_path().is_file():
        return pipeline_to_claims(Settings())
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build(path)
    return pipeline_to_claims(Settings(gazetteer_path=str(path)))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is absent (it is present on CI); corpus-based test skipped")
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is absent (it is present on CI); seed-article test skipped")
    return SEED
