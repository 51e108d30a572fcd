# Everything CI runs goes through `make test`; it builds its own venv on a fresh clone.
PY ?= python3
PY310 ?= $(firstword $(wildcard /root/.pyenv/versions/3.10*/bin/python3) $(shell command -v python3.10))
VENV := .venv
VENV310 := .venv310
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STAMP310 := $(VENV310)/.installed

.PHONY: demo test lint typecheck sync sync-check pytest test310 test-tools bench docs clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

$(STAMP310): pyproject.toml
	$(PY310) -m venv $(VENV310)
	$(VENV310)/bin/pip install -q --upgrade pip
	$(VENV310)/bin/pip install -q -e '.[dev]'
	touch $@

demo: $(STAMP)
	$(BIN)/python examples/quickstart.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy sent_async sent_sync
	$(BIN)/mypy tests examples

sync: $(STAMP)
	$(BIN)/python scripts/gen_models.py
	$(BIN)/python scripts/gen_facades.py

sync-check: $(STAMP)
	$(BIN)/python scripts/gen_models.py --check
	$(BIN)/python scripts/gen_facades.py --check

# The proxy tests (tests/network) run a real tinyproxy. Install it where apt can (root, Debian);
# anywhere else this step does nothing and those tests skip, saying why.
test-tools:
	@command -v tinyproxy >/dev/null 2>&1 || [ -x /usr/bin/tinyproxy ] || { \
	  [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && { \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q tinyproxy-bin >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q tinyproxy-bin >/dev/null 2>&1; }; \
	  } || echo "tinyproxy unavailable: the proxy tests will be skipped"; }

pytest: $(STAMP) test-tools
	$(BIN)/pytest -q

test310: $(STAMP310) test-tools
	$(VENV310)/bin/pytest -q

test: lint typecheck sync-check docs pytest test310

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# The docs extra is installed on top of the dev venv (its own stamp, so `make test` without
# docs never pulls it in). --strict: a broken link, missing example or bad reference fails.
DOCS_STAMP := $(VENV)/.docs-installed
$(DOCS_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install -q -e '.[dev,docs]'
	touch $@

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

clean:
	rm -rf $(VENV) $(VENV310) build dist site
