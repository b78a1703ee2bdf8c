"""The workbench: a FastAPI app over the analyzer and the ledger (`claimledger serve`)."""

from claimledger.web.app import create_app

__all__ = ["create_app"]
