"""What stands between untrusted input and the workbench: response headers with a strict
Content-Security-Policy (no inline script, no third-party origin), a request-body cap enforced before
the app reads the body, and the token that write endpoints require.
"""

from __future__ import annotations

import hmac
import json

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimledger.settings import Settings
from claimledger.web.errors import ForbiddenError, UnauthorizedError, error_body

# Scripts and styles only from our own static folder; no inline <script>, no eval, no inline style
# attributes; images may be data: URLs (Leaflet's own CSS uses none, but SVG charts are inline markup).
CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds HEADERS to every HTTP response, error responses included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in HEADERS if name not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses a request body over `limit` bytes with 413, before the app sees any of it.

    A declared Content-Length over the limit is refused at once; a chunked body is read up to the
    limit and refused as soon as it passes it, so a client cannot stream an unbounded body.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _refuse(self, send: Send) -> None:
        message = f"request body over the limit of {self.limit} bytes (setting max_request_bytes)"
        await send_error(send, 413, "InputTooLargeError", message)


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})


def allowed_hosts(settings: Settings) -> frozenset[str] | None:
    """Host names the server answers to: loopback, and the bound address; None (any) when bound to all."""
    if settings.web_host in {"0.0.0.0", "::", ""}:  # the operator chose to listen on every address
        return None
    return LOOPBACK_NAMES | {settings.web_host}


class HostCheck:
    """Answers only requests whose Host header names this server, so a web page that rebinds its own
    domain to 127.0.0.1 (DNS rebinding) cannot read the ledger or load the analyzer from a browser."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.hosts is not None:
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.lower() not in self.hosts:
                await send_error(send, 400, "InputError", f"unexpected Host header {host[:60]!r}")
                return
        await self.app(scope, receive, send)


async def send_error(send: Send, status: int, kind: str, message: str) -> None:
    """An error in the one JSON shape, from middleware that runs before FastAPI's handlers."""
    body = json.dumps(error_body(status, kind, message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def check_token(request: Request, settings: Settings) -> None:
    """Write endpoints: `Authorization: Bearer <api_token>`; disabled while no token is set."""
    if not settings.api_token:
        raise ForbiddenError("write endpoints are disabled: the operator has set no api_token")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise UnauthorizedError("this endpoint needs `Authorization: Bearer <token>`")
    if not hmac.compare_digest(given.strip().encode(), settings.api_token.encode()):
        raise ForbiddenError("wrong token")
