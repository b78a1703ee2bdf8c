"""The docs cannot drift: generated references match the code, and everything is documented."""

from __future__ import annotations

import json
import re

import pytest

import claimledger
from claimledger.cli import reference
from claimledger.errors import ERRORS
from claimledger.report.json import report_schema
from claimledger.settings import SETTINGS, Settings
from claimledger.stages import STAGES
from tests.conftest import ROOT

DOCS = ROOT / "docs"


@pytest.mark.parametrize("relative", sorted(reference.GENERATED))
def test_generated_docs_match_the_code(relative: str):
    expected = reference.GENERATED[relative]()
    assert (ROOT / relative).read_text(encoding="utf-8") == expected, f"{relative} is stale: run `make docs`"


def test_schema_block_matches_the_packaged_schema():
    markdown = (DOCS / "report-schema.md").read_text(encoding="utf-8")
    block = markdown.split(reference.SCHEMA_MARK, 1)[1].split("```json\n", 1)[1].split("\n```", 1)[0]
    assert json.loads(block) == report_schema(), "docs/report-schema.md is stale: run `make docs`"


def test_settings_table_and_dataclass_agree():
    assert [spec.name for spec in SETTINGS] == list(Settings.__dataclass_fields__)
    defaults = Settings()
    for spec in SETTINGS:
        assert getattr(defaults, spec.name) == spec.default, spec.name


def test_every_stage_has_a_docs_section():
    headings = set(re.findall(r"^## (\w+)", (DOCS / "stages.md").read_text(encoding="utf-8"), re.M))
    assert set(STAGES) <= headings


def test_every_error_is_documented():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    for error in ERRORS:
        assert f"`{error.__name__}`" in text, error.__name__


def test_report_fields_of_the_spec_are_documented():
    text = (DOCS / "report-schema.md").read_text(encoding="utf-8")
    for field in (
        "places[]",
        "quotes[]",
        "dates[]",
        "claims[]",
        "techniques[]",
        "article.id",
        "article.published",
    ):
        assert f"`{field}`" in text, field


def test_public_api_is_honest():
    for name in claimledger.__all__:
        assert hasattr(claimledger, name), name


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:400]
    assert "make run" in head
    assert "make test" in head
