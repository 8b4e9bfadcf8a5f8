# The README's two commands: `make` builds and validates the data package,
# `make test` runs the tests. Both need only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: all build validate test lint fuzz bench clean

all: validate

# Pinned: constraints.txt fixes every dependency's version, so that every
# machine builds the same bytes.
$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(INSTALLED)

build: $(INSTALLED)
	$(BIN)/unres build

validate: build
	$(BIN)/unres validate datapackage.yaml

lint: $(INSTALLED)
	$(BIN)/ruff check .

test: $(INSTALLED) lint
	$(BIN)/python -m pytest

# A long property-test run (make test runs a short one).
fuzz: $(INSTALLED)
	UNRES_FUZZ_EXAMPLES=$${UNRES_FUZZ_EXAMPLES:-20000} $(BIN)/python -m pytest tests/test_fuzz.py

# Corpus-scale figures: parse, build and validate beside frictionless at N = 1, 100
# and 2,000 (a measurement, not a test; writes benchmarks/latest.json).
bench: $(INSTALLED)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
