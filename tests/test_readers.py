from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from claimledger.document import Document
from claimledger.errors import InputError, InputTooLargeError
from claimledger.readers import read_source
from claimledger.settings import Settings

ARTICLE = "Ukrainian forces said on Monday they still hold positions in Pokrovsk.\n"


def read_one(source: str, settings: Settings, stdin: bytes | None = None) -> Document:
    docs = list(read_source(source, settings, io.BytesIO(stdin) if stdin is not None else None))
    assert len(docs) == 1
    return docs[0]


def error_of(source: str, settings: Settings, stdin: bytes | None = None) -> InputError:
    doc = read_one(source, settings, stdin)
    assert isinstance(doc.error, InputError), doc
    return doc.error


def test_text_body_is_the_file_content_exactly(tmp_path: Path, settings: Settings):
    raw = "\ufeffLine one\r\n  indented ‘quote’ — Київ\n\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_one(str(path), settings)
    assert doc.text == raw
    assert doc.meta.source == str(path)


def test_text_in_cp1251_is_detected(tmp_path: Path, settings: Settings):
    russian = (
        "Министерство обороны России заявило в воскресенье, что войска полностью освободили "
        "Красноармейск. Украинская сторона эти сведения опровергла и сообщила, что бои продолжаются. "
    ) * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(russian.encode("cp1251"))
    doc = read_one(str(path), settings)
    assert doc.text == russian
    assert any("cp1251" in note or "windows-1251" in note for note in doc.notes)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"  \n\t\n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (bytes(range(1, 32)) * 40, "binary file"),
        (b"\xff\xfe\xfd\xfc\x81\x8d\x8f\x90\x9d" * 3 + b"\xc3\x28\xa0\xa1\xe2\x28\xa1", "undecodable"),
    ],
    ids=["empty", "blank", "png", "control-chars", "undecodable"],
)
def test_bad_files_are_refused_with_a_reason(
    tmp_path: Path, settings: Settings, content: bytes, message: str
):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert message in str(error_of(str(path), settings))


def test_missing_file_and_directory(tmp_path: Path, settings: Settings):
    assert "no such file" in str(error_of(str(tmp_path / "nope.txt"), settings))
    assert "not a regular file" in str(error_of(str(tmp_path), settings))


def test_file_over_the_cap_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 300, encoding="utf-8")
    doc = read_one(str(path), Settings(max_input_bytes=1000))
    assert isinstance(doc.error, InputTooLargeError)
    assert "size cap" in str(doc.error)


def test_stdin_is_read_and_capped(settings: Settings):
    assert read_one("-", settings, ARTICLE.encode()).text == ARTICLE
    doc = read_one("-", Settings(max_input_bytes=10), ARTICLE.encode())
    assert isinstance(doc.error, InputTooLargeError)


def test_stdin_html_is_sniffed(settings: Settings):
    page = f"<!doctype html><html><body><article><p>{ARTICLE * 3}</p></article></body></html>"
    doc = read_one("-", settings, page.encode())
    assert "Pokrovsk" in doc.text
    assert "<p>" not in doc.text


HTML_PAGE = """<!doctype html>
<html><head><title>Kyiv denies fall of Pokrovsk | Example Daily</title>
<meta property="og:title" content="Kyiv denies fall of Pokrovsk">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2025-12-01T09:30:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Kyiv denies fall of Pokrovsk</h1>
<p>Ukraine's General Staff rejected Moscow's claim that Russian troops had captured Pokrovsk,
saying its units still hold positions in the northern part of the city.</p>
<p>"Fighting continues, and our defenders are holding the line," the General Staff wrote on
Telegram on Monday, adding that Russian infantry had infiltrated in small groups.</p>
</article>
<footer>Copyright Example Daily. All rights reserved.</footer>
</body></html>
"""


def test_html_gives_body_and_metadata(tmp_path: Path, settings: Settings):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_one(str(path), settings)
    assert "rejected Moscow's claim" in doc.text
    assert "All rights reserved" not in doc.text
    assert "Home" not in doc.text
    assert doc.meta.title == "Kyiv denies fall of Pokrovsk"
    assert doc.meta.outlet == "Example Daily"
    assert doc.meta.published == date(2025, 12, 1)


def test_html_without_article_text_is_refused(tmp_path: Path, settings: Settings):
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>", encoding="utf-8"
    )
    assert "no article text" in str(error_of(str(path), settings))


def test_jsonl_one_document_per_line_with_metadata(tmp_path: Path, settings: Settings):
    lines = [
        {"text": "First  article\ttext.", "title": "One", "outlet": "TASS", "published": "2025-11-30"},
        {"text": "Second article.", "url": "https://example.org/2", "published": "2025-12-01T08:00:00Z"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs = list(read_source(str(path), settings))
    assert [d.text for d in docs] == ["First  article\ttext.", "Second article."]
    assert (docs[0].meta.outlet, docs[0].meta.published) == ("TASS", date(2025, 11, 30))
    assert (docs[1].meta.url, docs[1].meta.published) == ("https://example.org/2", date(2025, 12, 1))
    assert docs[1].meta.source == f"{path}:2"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"title": "no text"}', 'missing or empty "text"'),
        ('{"text": "ok", "published": "yesterday"}', "YYYY-MM-DD"),
        ('{"text": "ok", "outlet": 5}', '"outlet" must be a string'),
    ],
)
def test_jsonl_bad_line_is_an_error_and_the_rest_are_read(
    tmp_path: Path, settings: Settings, line: str, message: str
):
    path = tmp_path / "mixed.jsonl"
    path.write_text(f'{{"text": "good one"}}\n{line}\n{{"text": "good two"}}\n', encoding="utf-8")
    docs = list(read_source(str(path), settings))
    assert [d.text for d in docs if d.error is None] == ["good one", "good two"]
    (bad,) = [d for d in docs if d.error is not None]
    assert message in str(bad.error)
    assert str(bad.error).startswith(f"{path}:2:")
