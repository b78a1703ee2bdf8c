"""The exception tree. Every error a user can meet is one of these, and each class carries the exit code
and HTTP status its edge should use, so the CLI and the web app read an attribute instead of chaining
isinstance checks.

    ClaimledgerError                 exit 1 · HTTP 500
    ├── InputError                   exit 2 · HTTP 400   (empty, binary, undecodable, language, URL)
    │   └── InputTooLargeError       exit 2 · HTTP 413
    ├── SetupError                   exit 2 · HTTP 500   (missing model → the fix; bad setting)
    ├── StageError                   exit 1 · HTTP 500   (stage name + document id, raised from the cause)
    └── LedgerError                  exit 1 · HTTP 503
"""

from __future__ import annotations

from typing import ClassVar


class ClaimledgerError(Exception):
    """Base class; the message is the single line a user sees."""

    exit_code: ClassVar[int] = 1
    http_status: ClassVar[int] = 500


class InputError(ClaimledgerError):
    """The input cannot be analyzed as given; the user can fix it."""

    exit_code = 2
    http_status = 400


class InputTooLargeError(InputError):
    """Over the size cap: refused before it is read whole."""

    http_status = 413


class SetupError(ClaimledgerError):
    """The installation or configuration is incomplete; the message names the fix."""

    exit_code = 2
    http_status = 500


class StageError(ClaimledgerError):
    """A stage failed on one document: a bug or a model problem, not the user's input."""

    exit_code = 1
    http_status = 500

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on document {doc_id[:12]}: {cause}")
        self.stage = stage
        self.doc_id = doc_id


class LedgerError(ClaimledgerError):
    """Storage is unavailable or inconsistent."""

    exit_code = 1
    http_status = 503


ERRORS: tuple[type[ClaimledgerError], ...] = (
    ClaimledgerError,
    InputError,
    InputTooLargeError,
    SetupError,
    StageError,
    LedgerError,
)
