"""URL input against a real http.server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimledger.errors import InputError, InputTooLargeError
from claimledger.readers import read_source
from claimledger.settings import Settings
from tests.test_readers import HTML_PAGE

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article.html": (200, "text/html; charset=utf-8", HTML_PAGE.encode()),
    "/plain.txt": (200, "text/plain; charset=utf-8", b"Troops entered Vovchansk.\n"),
    "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    "/huge.txt": (200, "text/plain", b"word " * 4000),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            threading.Event().wait(3)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/plain.txt")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def one(url: str, settings: Settings):
    (doc,) = list(read_source(url, settings))
    return doc


def test_url_html_is_extracted_with_metadata(server: str, settings: Settings):
    doc = one(f"{server}/article.html", settings)
    assert doc.error is None
    assert "rejected Moscow's claim" in doc.text
    assert doc.meta.url == f"{server}/article.html"
    assert doc.meta.outlet == "Example Daily"


def test_url_plain_text_and_redirect(server: str, settings: Settings):
    doc = one(f"{server}/moved", settings)
    assert doc.text == "Troops entered Vovchansk.\n"
    assert doc.meta.url == f"{server}/plain.txt"


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/missing", InputError, "HTTP 404"),
        ("/photo.png", InputError, "unsupported content type 'image/png'"),
        ("/huge.txt", InputTooLargeError, "size cap"),
    ],
)
def test_url_refusals(server: str, path: str, error: type, message: str):
    doc = one(f"{server}{path}", Settings(url_max_bytes=10_000))
    assert isinstance(doc.error, error)
    assert message in str(doc.error)


def test_url_timeout(server: str):
    doc = one(f"{server}/slow", Settings(url_timeout=0.5))
    assert isinstance(doc.error, InputError)
    assert "timed out" in str(doc.error)


def test_unreachable_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    doc = one(f"http://127.0.0.1:{port}/x", Settings(url_timeout=2))
    assert isinstance(doc.error, InputError)
    assert "cannot fetch" in str(doc.error)
