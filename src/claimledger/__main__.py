"""`python -m claimledger` runs the CLI."""

from claimledger.cli.app import main

main()
