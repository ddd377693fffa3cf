# catalog-clients: every target bootstraps what it needs (uv in .tools/, the project in .venv/).
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# The generator's post-hooks call `ruff`; make it the pinned one from the venv.
export PATH := $(abspath $(BIN)):$(PATH)

# Port of the sandbox that cassettes are recorded against (it is part of each cassette's URLs).
CASSETTE_PORT ?= 18765
DEMO_PORT ?= 18766

.PHONY: help venv generate check-generated spec-check fault-table lint format typecheck test test-fast \
	test-contract test-slow test-matrix package-check docs docs-check \
	cassettes demo bench bench-smoke clean

help:
	@echo "make test             bootstrap, check generated code, lint, types, tests (what CI runs)"
	@echo "make test-fast        the unit tier only (under 30 s)"
	@echo "make demo             run the CLI against a local sandbox"
	@echo "make generate         regenerate generated/ from spec/"
	@echo "make check-generated  fail if generated/ differs from the specs' output"
	@echo "make fault-table      rewrite docs/fault-table.md from the tests' fault table"
	@echo "make cassettes        re-record every cassette against a fresh local sandbox"
	@echo "make bench            run the benchmarks and write benchmarks/results.md"
	@echo "make docs             build the API reference into .docs/api"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(BIN)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --all-extras --python $(PYTHON)
	@touch $@

venv: $(BIN)/.synced

generate: venv
	$(BIN)/python scripts/generate.py

check-generated: venv
	$(BIN)/python scripts/check_generated.py

spec-check: venv
	$(BIN)/openapi-spec-validator spec/klaviyo.yaml spec/propeller.yaml

fault-table: venv
	$(BIN)/python scripts/fault_table.py

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: venv
	$(BIN)/mypy

# What a user installs: the wheel's dependencies, the sdist's contents, and the wheel in a
# fresh venv.
package-check: venv
	rm -rf .dist && $(UV) build --quiet --out-dir .dist && \
		$(BIN)/python scripts/check_package.py .dist $(abspath $(UV))

# The API reference from the docstrings (pdoc). docs-check builds it with warnings as errors.
docs: venv
	$(BIN)/python -W error -m pdoc -d google -o .docs/api catalog_clients catalog_clients.klaviyo catalog_clients.propeller
	@echo "docs: open .docs/api/index.html"

docs-check: venv
	rm -rf .docs/check && $(BIN)/python -W error -m pdoc -d google -o .docs/check \
		catalog_clients catalog_clients.klaviyo catalog_clients.propeller && rm -rf .docs/check

# Every CPython 3.11-3.13 pyenv has here, each in a venv of its own (make test stays on one).
test-matrix: $(UV)
	@for v in 3.11 3.12 3.13; do \
		py=$$(ls -d $$HOME/.pyenv/versions/$$v.*/bin/python3 2>/dev/null | tail -1); \
		if [ -z "$$py" ]; then echo "test-matrix: no CPython $$v here, skipped"; continue; fi; \
		echo "test-matrix: CPython $$v ($$py)"; \
		UV_PROJECT_ENVIRONMENT=.venv-$$v $(UV) sync --frozen --all-extras --python $$py --quiet && \
		.venv-$$v/bin/python -m pytest -q -p no:cacheprovider -n auto --dist loadfile \
			--record-mode=none --block-network || exit 1; \
	done

# The replay flags come last on purpose: tests/conftest.py refuses any other record mode in CI.
# -n auto: one pytest-xdist worker per core (the suite takes half the time on 2 cores);
# loadfile keeps each file on one worker (module fixtures once, checks that read their file).
test: venv check-generated spec-check lint typecheck package-check docs-check
	$(BIN)/python -X dev -m pytest -q -p no:cacheprovider -n auto --dist loadfile --record-mode=none --block-network

# The tiers (tests/conftest.py marks each test): unit (seconds), contract, slow.
test-fast: venv
	$(BIN)/python -m pytest -q -x -p no:cacheprovider -p no:schemathesis -m unit --record-mode=none --block-network

test-contract: venv
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --dist loadfile -m contract --record-mode=none --block-network

test-slow: venv
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --dist loadfile -m slow --record-mode=none --block-network

cassettes: venv
	$(BIN)/python scripts/with_sandbox.py --port $(CASSETTE_PORT) -- \
		$(BIN)/python -m pytest -q -p no:cacheprovider --record-mode=rewrite -m "vcr"

demo: venv
	$(BIN)/python scripts/demo.py --port $(DEMO_PORT)

# The peer SDK (klaviyo-api) lives only in the bench group, in a venv of its own.
BENCH_VENV := .venv-bench
bench: $(UV)
	UV_PROJECT_ENVIRONMENT=$(BENCH_VENV) $(UV) sync --frozen --all-extras --group bench --python $(PYTHON)
	$(BENCH_VENV)/bin/python benchmarks/run.py

bench-smoke: venv
	$(BIN)/python benchmarks/run.py --smoke

clean:
	rm -rf $(VENV) $(TOOLS) .venv-bench .venv-3.* .dist .mypy_cache .ruff_cache .pytest_cache
