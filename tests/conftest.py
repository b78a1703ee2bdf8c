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
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is absent (it is present on CI); corpus-based test skipped")
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is absent (it is present on CI); seed-article test skipped")
    return SEED
