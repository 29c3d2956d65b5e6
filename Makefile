# Two commands on a fresh machine with Python 3.11 and make:
#   make demo   installs, migrates, loads demo data and serves http://127.0.0.1:8000
#   make test   installs and runs the whole suite (the browser tests' Chromium included)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The suite runs in this many processes (pytest-xdist); 1 runs it in one.
TEST_WORKERS ?= 2
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev demo serve test test-fast lint format browser bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3

$(VENV)/.installed: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/goglobal demo --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/goglobal runserver $(HOST):$(PORT)

browser:
	bash scripts/install-browser

test: install-dev browser
	$(BIN)/pytest -n $(TEST_WORKERS)

lint: install-dev
	$(BIN)/ruff check goglobal
	$(BIN)/ruff format --check goglobal

format: install-dev
	$(BIN)/ruff check --fix goglobal
	$(BIN)/ruff format goglobal

# The benchmark generates 100,000 enterprises into its own database, never the demo's.
BENCH_DATA ?= $(CURDIR)/var/bench

bench: install
	GOGLOBAL_DATA_DIR=$(BENCH_DATA) $(BIN)/goglobal bench registry

clean:
	rm -rf $(VENV) data *.egg-info
