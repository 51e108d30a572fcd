# Everything CI runs goes through `make test`; it builds its own venv on a fresh clone.
PY ?= python3
PY310 ?= $(firstword $(wildcard /root/.pyenv/versions/3.10*/bin/python3) $(shell command -v python3.10))
PY313 ?= $(firstword $(wildcard /root/.pyenv/versions/3.13*/bin/python3) $(shell command -v python3.13))
VENV := .venv
VENV310 := .venv310
VENV313 := .venv313
STAMP313 := $(VENV313)/.installed
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STAMP310 := $(VENV310)/.installed

.PHONY: help demo test lint format typecheck sync sync-check pytest test310 run310 test313 run313 \
	bench docs clean
.DEFAULT_GOAL := help

help:  ## list the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

$(STAMP310): pyproject.toml
	@test -n "$(PY310)" || { echo "no Python 3.10 found (set PY310=/path/to/python3.10)"; exit 1; }
	$(PY310) -m venv $(VENV310)
	$(VENV310)/bin/pip install -q --upgrade pip
	$(VENV310)/bin/pip install -q -e '.[dev]'
	touch $@

demo: $(STAMP)  ## run the quickstart against FakeSent (or the real API with SENT_DM_API_KEY)
	$(BIN)/python examples/quickstart.py

lint: $(STAMP)  ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)  ## fix imports and format everything with ruff
	$(BIN)/ruff check --fix --select I .
	$(BIN)/ruff format .

typecheck: $(STAMP)  ## mypy --strict on the packages, tests and examples
	$(BIN)/mypy sent_async sent_sync
	$(BIN)/mypy tests examples

sync: $(STAMP)  ## regenerate models (from spec/) and sent_sync + raw wrappers (from sent_async)
	$(BIN)/python scripts/gen_models.py
	$(BIN)/python scripts/gen_facades.py

sync-check: $(STAMP)  ## fail if any generated file is stale
	$(BIN)/python scripts/gen_models.py --check
	$(BIN)/python scripts/gen_facades.py --check

pytest: $(STAMP)  ## the test suite on the default Python
	$(BIN)/pytest -q

# Without that Python, locally: say what is missing and go on; in CI (CI=true) it is an error.
test310:  ## the test suite on Python 3.10 (the oldest supported)
	@if [ -n "$(PY310)" ] || [ -n "$$CI" ]; then $(MAKE) --no-print-directory run310; else \
	  echo "SKIPPED test310: no Python 3.10 found (install one or set PY310=...); CI runs it"; fi

run310: $(STAMP310)
	$(VENV310)/bin/pytest -q

$(STAMP313): pyproject.toml
	@test -n "$(PY313)" || { echo "no Python 3.13 found (set PY313=/path/to/python3.13)"; exit 1; }
	$(PY313) -m venv $(VENV313)
	$(VENV313)/bin/pip install -q --upgrade pip
	$(VENV313)/bin/pip install -q -e '.[dev]'
	touch $@

test313:  ## the test suite on Python 3.13 (the newest supported; .ci/run runs it)
	@if [ -n "$(PY313)" ] || [ -n "$$CI" ]; then $(MAKE) --no-print-directory run313; else \
	  echo "SKIPPED test313: no Python 3.13 found (install one or set PY313=...); CI runs it"; fi

run313: $(STAMP313) redis-server
	$(VENV313)/bin/pytest -q

test:  ## everything CI runs (lint, types, generated code, docs, tests on 3.10 too)
test: lint typecheck sync-check docs pytest test310

bench: $(STAMP)  ## benchmark against raw aiohttp and sentdm (~9 min); writes bench/results.md
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# The docs extra is installed on top of the dev venv (its own stamp, so `make test` without
# docs never pulls it in). --strict: a broken link, missing example or bad reference fails.
DOCS_STAMP := $(VENV)/.docs-installed
$(DOCS_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install -q -e '.[dev,docs]'
	touch $@

docs: $(DOCS_STAMP)  ## build the docs site, --strict
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# The distributed tests (tests/distributed) start a real redis-server: Debian's package,
# installed here when missing (needs root for apt-get; harmless when already installed).
redis-server:  ## install Debian's redis-server if missing (the distributed tests need one)
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null; } || \
	    echo "could not install redis-server: the distributed tests will be skipped"; \
	  else echo "redis-server missing (apt-get install redis-server): distributed tests skip"; fi; }
pytest test310: redis-server

# The proxy tests (tests/network) run a real tinyproxy (Debian's tinyproxy-bin: the binary, no
# service), installed here when missing; without root or apt this prints why they will skip.
tinyproxy:  ## install Debian's tinyproxy if missing (the proxy tests need one)
	@command -v tinyproxy >/dev/null 2>&1 || [ -x /usr/bin/tinyproxy ] || { \
	  [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && { \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q tinyproxy-bin >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q tinyproxy-bin >/dev/null 2>&1; }; \
	  } || echo "could not install tinyproxy: the proxy tests will be skipped"; }
pytest test310: tinyproxy

# tests/test_fakeserver.py drives `python -m sent_async.testing` from outside Python with curl
# (installed here when missing, as above) and Node's fetch (used when present, else skipped).
curl:  ## install Debian's curl if missing (the FakeSent-from-any-language test needs it)
	@command -v curl >/dev/null 2>&1 || { \
	  [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && { \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q curl >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q curl >/dev/null 2>&1; }; \
	  } || echo "could not install curl: the curl test of FakeSent will be skipped"; }
	@command -v node >/dev/null 2>&1 || \
	  echo "node missing: the Node fetch test of FakeSent will be skipped (install Node 18+)"
pytest test310: curl
.PHONY: redis-server tinyproxy curl

clean:  ## remove venvs and build output
	rm -rf $(VENV) $(VENV310) $(VENV313) build dist site
