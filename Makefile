# Two commands on a fresh machine: `make run` (the bot) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest postgres chromium bench fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsbrief run

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check bot adapters tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

# The whole suite on SQLite, then every test that stores something again on PostgreSQL.
pytest: $(STAMP) postgres chromium
	$(BIN)/python -m pytest -q
	NEWSBRIEF_TEST_BACKEND=postgresql $(BIN)/python -m pytest -q

# The PostgreSQL half of the suite: install Debian's postgresql when missing and we are root.
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing postgresql for the PostgreSQL tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	      || echo "WARNING: could not install postgresql; PostgreSQL tests will be skipped"; \
	  else echo "WARNING: PostgreSQL not installed; PostgreSQL tests will be skipped"; fi; }

# The dashboard's browser tests: Debian's chromium, driven by Playwright (never `playwright install`).
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium for the dashboard's browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "WARNING: could not install chromium; browser tests will be skipped"; \
	  else echo "WARNING: chromium not installed; browser tests will be skipped"; fi; }

bench: $(STAMP)
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg) (run benchmarks on a quiet machine)"
	$(BIN)/python -m bench.startup
	$(BIN)/python -m bench.client
	$(BIN)/python -m bench.fanout --platform discord --destinations 200
	@if [ -d ../shared/data/feeds/real-world ] && [ -d ../shared/data/summaries ]; then \
	  $(BIN)/python -m bench.poll; \
	  $(BIN)/python -m bench.window; \
	  $(BIN)/python -m bench.digest; \
	  $(BIN)/python -m bench.parse; \
	  $(BIN)/python -m bench.brief_read; \
	else echo "bench.poll, bench.window, bench.digest, bench.parse, bench.brief_read: ../shared/data is absent, skipped"; fi
	@if [ -d ../shared/data/summaries ]; then \
	  $(BIN)/python -m bench.summarize_eval --limit 500; \
	else echo "bench/summarize_eval.py: ../shared/data/summaries is absent, skipped"; fi
	$(BIN)/python -m bench.fanout
	$(BIN)/python -m bench.scale

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -k "property or fuzz"

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
