# Two commands on a fresh machine: `make run` (the bot) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lock lint typecheck pytest postgres chromium bench bench-quick bench-scale fuzz clean

# The runtime dependencies at the versions the Docker image ships (constraints.txt, written by
# scripts/lock.py); only the dev tools float.
$(STAMP): pyproject.toml constraints.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsbrief run

test: $(STAMP) lock lint typecheck pytest

# The suite runs on the versions the image installs: fail when they drift from constraints.txt.
lock: $(STAMP)
	$(BIN)/python scripts/lock.py --check

lint: $(STAMP)
	$(BIN)/ruff check bot adapters tests bench scripts && $(BIN)/lint-imports

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

# The dashboard's browser tests: Debian's chromium (about 290 MB), driven by Playwright (never
# `playwright install`). NEWSBRIEF_SKIP_BROWSER=1 opts out: nothing installed, tests skipped.
chromium:
	@if [ -n "$$NEWSBRIEF_SKIP_BROWSER" ]; then \
	  echo "WARNING: NEWSBRIEF_SKIP_BROWSER is set: chromium not installed, browser tests skipped"; \
	  exit 0; fi; \
	test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium (about 290 MB) with apt for the dashboard's browser tests" \
	      "(NEWSBRIEF_SKIP_BROWSER=1 skips them)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "WARNING: could not install chromium; browser tests will be skipped"; \
	  else echo "WARNING: chromium not installed; browser tests will be skipped"; fi; }

# Every figure of issue 26's table beside its floor from the same run, with the load average:
# README and docs/OPERATIONS.md quote only what this prints. About 20 minutes on 2 quiet cores;
# run nothing else meanwhile. `make bench-quick` is a smoke run at small sizes (not figures);
# `make bench-scale` measures 10,000 feeds across 1, 2 and 3 PostgreSQL workers (8 to 13
# minutes on 2 cores) and prints the sizing table for docs/OPERATIONS.md.
BENCH_POLL ?= --feeds 100,1000,5000 --cycles 10 --growth-at 1000
BENCH_SUMMARIZE ?= --limit 500
BENCH_FANOUT ?= 200
BENCH_SCALE ?=

# A bench that says MISSED exits 1; the leading '-' lets the others still run and print theirs.
bench: $(STAMP)
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg) (run benchmarks on a quiet machine)"
	-$(BIN)/python -m bench.startup $(BENCH_STARTUP)
	$(BIN)/python -m bench.client $(BENCH_CLIENT)
	$(BIN)/python -m bench.fanout --platform discord --destinations $(BENCH_FANOUT)
	$(BIN)/python -m bench.fanout --platform discord --destinations $(BENCH_FANOUT) --discord-webhooks
	@if [ -d ../shared/data/feeds/real-world ] && [ -d ../shared/data/summaries ]; then \
	  $(BIN)/python -m bench.poll $(BENCH_POLL); \
	  $(BIN)/python -m bench.window $(BENCH_WINDOW); \
	  $(BIN)/python -m bench.digest $(BENCH_DIGEST); \
	  $(BIN)/python -m bench.parse; \
	  $(BIN)/python -m bench.brief_read; \
	else echo "bench.poll, bench.window, bench.digest, bench.parse, bench.brief_read: ../shared/data is absent, skipped"; fi
	@if [ -d ../shared/data/summaries ]; then \
	  $(BIN)/python -m bench.summarize_eval $(BENCH_SUMMARIZE); \
	else echo "bench/summarize_eval.py: ../shared/data/summaries is absent, skipped"; fi
	$(BIN)/python -m bench.fanout $(BENCH_WEBHOOK)
	$(BIN)/python -m bench.scale $(BENCH_SCALE)
	@echo "load average at the end: $$(cut -d' ' -f1-3 /proc/loadavg)"

# The same benches at small sizes: checks that each runs, in a few minutes; not for figures.
bench-quick:
	$(MAKE) bench BENCH_STARTUP="--runs 2" BENCH_CLIENT="--requests 200 --rounds 2" \
	  BENCH_POLL="--feeds 100 --cycles 3 --growth-at 100 --window 200" \
	  BENCH_WINDOW="--feeds 20 --briefs 500" BENCH_DIGEST="--briefs 300 --destinations 5" \
	  BENCH_SUMMARIZE="--limit 30 --repeats 1" BENCH_FANOUT=50 \
	  BENCH_WEBHOOK="--destinations 100" \
	  BENCH_SCALE="--feeds 50 --per-feed 20 --throughput-feeds 30"

bench-scale: $(STAMP)
	$(BIN)/python -m bench.scale --skip-memory --skip-sqlite --throughput-feeds 10000 --workers 1,2,3

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -k "property or fuzz"

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
