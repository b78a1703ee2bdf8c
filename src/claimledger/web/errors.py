"""The web app's one error shape: every failure, ours or the framework's, answers

    {"error": {"status": 413, "type": "InputTooLargeError", "message": "…"}}

with the HTTP status the exception class carries (`http_status`), so a client reads one shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from claimledger.errors import ClaimledgerError, InputError


class NotFoundError(InputError):
    """No article, place or page by that name."""

    http_status = 404


class UnauthorizedError(InputError):
    """A write endpoint was called without a token."""

    http_status = 401


class ForbiddenError(InputError):
    """A write endpoint was called with the wrong token, or write endpoints are disabled."""

    http_status = 403


WEB_ERRORS: tuple[type[ClaimledgerError], ...] = (NotFoundError, UnauthorizedError, ForbiddenError)


def error_body(status: int, kind: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "type": kind, "message": message}}


def error_response(status: int, kind: str, message: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(status, kind, message), status_code=status, headers=headers)


async def _claimledger_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, ClaimledgerError):  # registered for this class only
        raise exc
    return error_response(exc.http_status, type(exc).__name__, str(exc))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, HTTPException):
        raise exc
    kind = "NotFoundError" if exc.status_code == 404 else "HTTPError"
    return error_response(exc.status_code, kind, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, RequestValidationError):
        raise exc
    problems = "; ".join(_describe(error) for error in exc.errors())
    return error_response(422, "ValidationError", problems or "invalid request")


def _describe(error: Mapping[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid"))


def install(app: FastAPI) -> None:
    """Route every error through the one shape; the CLI root is the only other place errors are caught."""
    app.add_exception_handler(ClaimledgerError, _claimledger_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
