"""control.py: reading both record layouts, and checking claims against a record (pure)."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from claimledger.errors import InputError
from claimledger.ledger.control import Run, check, claimed_side, read_runs, runs_from_days

D = date.fromisoformat
# Avdiivka per ../shared/data/viina/README.md §6: UA until 2024-02-16, RU from 2024-02-17.
AVDIIVKA = [
    Run("deepstate_full", 713122, "UA", D("2022-04-03"), D("2024-02-16")),
    Run("deepstate_full", 713122, "RU", D("2024-02-17"), D("2025-08-03")),
]


@pytest.mark.parametrize(
    ("stance", "side", "day", "expected"),
    [
        ("asserted", "RU", "2024-02-20", "consistent"),
        ("asserted", "RU", "2024-02-10", "ahead of record"),
        ("asserted", "RU", "2023-06-01", "inconsistent"),
        ("denied", "RU", "2024-02-20", "inconsistent"),
        ("denied", "RU", "2023-06-01", "consistent"),
        ("asserted", "RU", "2021-06-01", "no record"),
        ("asserted", None, "2024-02-20", "no record"),
        ("asserted", "UA", "2023-06-01", "consistent"),
    ],
)
def test_control_check(stance, side, day, expected):
    assert check(stance=stance, side=side, day=D(day), runs=AVDIIVKA).consistency == expected


def test_control_check_prefers_the_record_with_a_grey_zone():
    runs = [
        Run("deepstate_occupied", 1, "NOT_RU", D("2024-07-08"), D("2024-12-31")),
        Run("deepstate_full", 1, "CONTESTED", D("2024-07-08"), D("2024-12-31")),
    ]
    result = check(stance="asserted", side="RU", day=D("2024-08-01"), runs=runs)
    assert (result.record, result.source) == ("CONTESTED", "deepstate_full")


@pytest.mark.parametrize(
    ("actor", "text", "claimant", "stance", "side"),
    [
        ("Russian forces", "took the town", None, "asserted", "RU"),
        (None, "Ukrainian troops liberated the village", None, "asserted", "UA"),
        (None, "denied the town had fallen", "Ukraine's General Staff", "denied", "RU"),
        (None, "the town has fallen", None, "asserted", None),
    ],
)
def test_control_claimed_side(actor, text, claimant, stance, side):
    assert claimed_side(actor, text, claimant, stance) == side


def test_control_runs_from_a_daily_panel():
    days = [
        (5, D("2024-01-01"), "UA"),
        (5, D("2024-01-02"), "UA"),
        (5, D("2024-01-03"), "RU"),
        (6, D("2024-01-01"), "RU"),
    ]
    assert list(runs_from_days("viina", days)) == [
        Run("viina", 5, "UA", D("2024-01-01"), D("2024-01-02")),
        Run("viina", 5, "RU", D("2024-01-03"), D("2024-01-03")),
        Run("viina", 6, "RU", D("2024-01-01"), D("2024-01-01")),
    ]


def test_control_reads_both_layouts(tmp_path):
    (tmp_path / "runs.csv").write_text(
        "geonameid,source,status,first_day,last_day,n_snapshot_days\n704422,deepstate_full,UA,2022-04-03,2025-08-03,1123\n"
    )
    with gzip.open(tmp_path / "control_latest_2024.csv.gz", "wt") as handle:
        handle.write("geonameid,date,status_wiki,status\n713122,20240216,UA,UA\n713122,20240217,RU,RU\n")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    runs = sorted(read_runs(tmp_path), key=lambda r: (r.source, r.first_day))
    assert [(r.source, r.geonames_id, r.status) for r in runs] == [
        ("deepstate_full", 704422, "UA"),
        ("viina", 713122, "UA"),
        ("viina", 713122, "RU"),
    ]


def test_control_folder_without_a_table_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no control table"):
        list(read_runs(tmp_path))


@pytest.mark.shared
def test_control_reads_the_shared_viina_folder(shared):
    runs = [r for r in read_runs(shared / "data" / "viina") if r.geonames_id == 704422]
    pokrovsk = [r for r in runs if r.source == "deepstate_occupied"]
    assert check(stance="asserted", side="RU", day=D("2025-11-30"), runs=pokrovsk).consistency == "consistent"
    assert (
        check(stance="asserted", side="RU", day=D("2025-11-01"), runs=pokrovsk).consistency
        == "ahead of record"
    )


def test_control_assertion_takes_the_claimants_side_over_the_words():
    text = "Units of the Center group of forces have fully cleared Krasnoarmeysk of Ukrainian formations"
    assert claimed_side(None, text, "Russian Defense Ministry", "asserted") == "RU"
