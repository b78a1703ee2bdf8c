"""The CLI end to end: in-process through `run` (the real pipeline, loaded once) and, for the
things only a real process shows (stdin, exit codes, no traceback), as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from claimledger.cli.app import run
from claimledger.report.json import report_schema
from tests.conftest import EXAMPLES, ROOT

EXE = [sys.executable, "-m", "claimledger"]
EXAMPLE = EXAMPLES / "wire-capture-claim.txt"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_on_the_seed_validates(capsys, seed_path: Path):
    code, out, err = cli(capsys, "analyze", str(seed_path), "--format", "json", "--published", "2025-12-01")
    assert code == 0, err
    report = json.loads(out)
    jsonschema.validate(report, report_schema())
    assert report["text"] == seed_path.read_text(encoding="utf-8")
    assert report["article"]["published"] == "2025-12-01"
    assert report["article"]["language"] == "en"
    names = {e["text"] for e in report["entities"]}
    assert "Alexander Stepanyan" in names
    assert "Vladimir Putin" in names
    for entity in report["entities"]:
        assert report["text"][entity["start"] : entity["end"]] == entity["text"]


def test_analyze_jsonl_keeps_argument_order_and_flags(capsys):
    files = sorted(EXAMPLES.glob("*.txt"))
    code, out, err = cli(capsys, "analyze", *map(str, files), "-f", "jsonl", "--outlet", "Flag Outlet")
    assert code == 0, err
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in reports] == [f.read_text(encoding="utf-8") for f in files]
    assert {r["article"]["outlet"] for r in reports} == {"Flag Outlet"}


def test_jsonl_input_line_metadata_wins_over_flags(capsys, tmp_path: Path):
    path = tmp_path / "in.jsonl"
    lines = [{"text": "Kyiv said the attack was repelled.", "outlet": "Own"}, {"text": "Moscow said so."}]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    code, out, _ = cli(capsys, "analyze", str(path), "-f", "jsonl", "--outlet", "Flag")
    assert code == 0
    assert [json.loads(x)["article"]["outlet"] for x in out.splitlines()] == ["Own", "Flag"]


def test_analyze_text_report_has_header_and_sections(capsys):
    code, out, _ = cli(
        capsys, "analyze", str(EXAMPLE), "--published", "2025-12-01", "--outlet", "Example Wire"
    )
    assert code == 0
    assert "Example Wire" in out
    assert "published: 2025-12-01" in out
    assert "entities (" in out
    assert "Vladimir Putin" in out


def test_analyze_html_escapes_article_text(capsys, tmp_path: Path):
    path = tmp_path / "evil.txt"
    path.write_text(
        'Officials in Kyiv said <script>alert("x")</script> and <img src=x onerror=alert(1)> '
        'and <a href="javascript:alert(2)">link</a> were found in Pokrovsk.\n',
        encoding="utf-8",
    )
    code, out, _ = cli(capsys, "analyze", str(path), "-f", "html")
    assert code == 0
    assert "<script>" not in out
    assert "<img" not in out
    assert 'href="javascript' not in out
    assert "&lt;script&gt;" in out
    assert "Content-Security-Policy" in out


def test_output_file_is_written_whole(capsys, tmp_path: Path):
    target = tmp_path / "report.json"
    code, out, _ = cli(capsys, "analyze", str(EXAMPLE), "-f", "json", "-o", str(target))
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "claimledger.report/1"
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "{missing}"], "no such file"),
        (["analyze", "{empty}"], "empty input"),
        (["analyze", "{example}", "--format", "xml"], "'xml' is not one of"),
        (["analyze", "{example}", "--published", "yesterday"], "YYYY-MM-DD"),
        (["analyze", "{example}", "--language", "english!"], "ISO 639-1"),
        (["--set", "batch_size=many", "analyze", "{example}"], "must be int"),
        (["--set", "colour=red", "analyze", "{example}"], "unknown setting 'colour'"),
        (
            ["analyze", "{bulgarian}"],
            "is in Bulgarian (bg); claimledger can analyze only English (en), Russian",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path: Path, args: list[str], message: str):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bulgarian = tmp_path / "bg.txt"
    bulgarian.write_text(
        "Министерството на отбраната съобщи, че войските са превзели града, и това е потвърдено.",
        encoding="utf-8",
    )
    paths = {"missing": tmp_path / "nope.txt", "empty": empty, "example": EXAMPLE, "bulgarian": bulgarian}
    code, _, err = cli(capsys, *[a.format(**paths) for a in args])
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("error: ")


def test_one_bad_file_among_good_ones_still_reports_the_good(capsys, tmp_path: Path):
    code, out, err = cli(capsys, "analyze", str(EXAMPLE), str(tmp_path / "nope.txt"), "-f", "jsonl")
    assert code == 2
    assert len(out.splitlines()) == 1
    assert "no such file" in err


def test_missing_model_names_the_fix(capsys):
    code, _, err = cli(capsys, "--set", "spacy_model=no_such_model_xx", "analyze", str(EXAMPLE))
    assert code == 2
    assert "make install" in err


def test_version_and_settings(capsys):
    code, out, _ = cli(capsys, "--version")
    assert (code, out.strip()) == (0, "claimledger 0.1.0")
    code, out, _ = cli(capsys, "--set", "batch_size=8", "settings")
    assert code == 0
    assert "batch_size" in out
    assert "8" in out


def test_stdin_and_exit_codes_in_a_real_process(tmp_path: Path):
    text = "Russian forces entered Vovchansk on Sunday, the ministry said."
    done = subprocess.run(
        [*EXE, "analyze", "-", "-f", "json"],
        input=text.encode(),
        capture_output=True,
        check=False,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["text"] == text


def test_binary_file_in_a_real_process_has_no_traceback(tmp_path: Path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    done = subprocess.run(
        [*EXE, "analyze", str(binary)], capture_output=True, text=True, check=False, timeout=120, cwd=ROOT
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: {binary}: binary file (NUL bytes), not text"
    assert "Traceback" not in done.stderr


def test_shared_contract_checker_passes(shared: Path):
    checker = shared / "tools" / "check_report.py"
    done = subprocess.run(
        [sys.executable, str(checker)], capture_output=True, text=True, check=False, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "report contract ok" in done.stdout


def test_geojson_groups_names_of_one_place(capsys):
    files = sorted(EXAMPLES.glob("*.txt"))
    code, out, _ = cli(capsys, "analyze", *map(str, files), "-f", "geojson")
    assert code == 0
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    pokrovsk = next(f for f in collection["features"] if f["properties"]["geonames_id"] == 704422)
    assert {"Pokrovsk", "Krasnoarmeysk"} <= set(pokrovsk["properties"]["names_used"])
    lon, lat = pokrovsk["geometry"]["coordinates"]
    assert abs(lat - 48.28) < 0.1
    assert abs(lon - 37.18) < 0.1


def test_eval_claims_scores_a_gold_file_of_ones_own(capsys):
    gold = ROOT / "tests" / "data" / "claims-test.jsonl"
    code, out, err = cli(capsys, "eval", "claims", str(gold), "--limit", "3")
    assert code == 0, err
    assert "type accuracy" in out
    # `eval places FILE` scores a Russian/Ukrainian gold set; a file of another kind is refused by name
    code, _, err = cli(capsys, "eval", "places", str(gold))
    assert code == 2
    assert "not a Russian/Ukrainian gold passage" in err
