# OpenSEND: two commands do all set-up on a fresh machine.
#   make demo   install, start PostgreSQL, migrate, load a demo area, serve it
#   make test   install (with Chromium for browser tests) and run the whole suite
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
CHILDREN ?= 200
SEED ?= 2026
EES_ZIP ?= ../shared/data/ees/education-health-and-care-plans_2025.zip
EES_NEIGHBOURS ?= ../shared/data/ees/statistical-neighbours.csv

# Python 3.12+: pyenv's choice for .python-version first, then any python3.1x on PATH.
PYTHON := $(shell (pyenv which python 2>/dev/null; command -v python3.13 python3.12 python3) | \
            while read p; do "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo "$$p"; break; }; done)

.PHONY: help install install-python install-node install-browser frontend db migrate demo-data \
        demo serve test lint check bench code worker stop-db clean backup restore-drill chaos

help:
	@echo "make demo   - install everything, start PostgreSQL, load the demo area and serve it"
	@echo "make test   - install everything and run the whole suite (browser tests included)"
	@echo "make bench  - run the benchmarks in bench/"
	@echo "make code EMAIL=...  - the current sign-in code of a demo staff user"
	@echo "make worker - run the background jobs (nightly clock refresh, phase transfers)"
	@echo "make backup / make restore-drill / make chaos - operations drills (docs/deploy.md)"

install: install-python install-node frontend

install-python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml requirements.lock
	@if [ -z "$(PYTHON)" ]; then echo "OpenSEND needs Python 3.12 or newer (3.13 preferred: see .python-version). Install it and run make again." >&2; exit 1; fi
	@[ -x $(PY) ] || "$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

install-node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "OpenSEND needs Node.js and npm to build GOV.UK Frontend." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend: install-python install-node
	$(PY) -m opensend.core.frontend

install-browser:
	@command -v chromium >/dev/null || { echo "Installing Debian's chromium for browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

db: install-python
	$(PY) -m opensend.config.embedded_db start

migrate: db
	$(PY) manage.py migrate --noinput

# Every command below but import_ees, import_statistical_neighbours and snapshot_indicators
# is demo code (opensend/nonprod): it exists only where OPENSEND_ENV installs it.
demo-data: migrate
	$(PY) manage.py generate_area --children $(CHILDREN) --seed $(SEED) --reset
	@# the demo Local Offer: services, activities and demo postcodes (calendar task)
	$(PY) manage.py generate_local_offer --seed 2026 --reset
	$(PY) manage.py load_demo_places  # search: the demo area's towns and NM postcodes (issue 4)
	$(PY) manage.py load_demo_sen_reports  # search: SEN information report links (issue 4)
	@# The DfE's published statistics for the comparators, when the data folder is beside us.
	@if [ -f "$(EES_ZIP)" ]; then $(PY) manage.py import_ees "$(EES_ZIP)" --no-progress && \
	  $(PY) manage.py import_statistical_neighbours "$(EES_NEIGHBOURS)"; \
	  else echo "No DfE statistics at $(EES_ZIP): the dashboard will show no comparators."; fi
	$(PY) manage.py snapshot_indicators --backfill-months 12  # trends and board reports
	$(PY) manage.py load_demo_strategy  # issue 12: the partnership's plan, on the snapshots

demo: install demo-data
	$(PY) manage.py collectstatic --noinput -v 0
	@echo "OpenSEND is starting on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(VENV)/bin/gunicorn -c python:opensend.config.gunicorn opensend.config.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 4 \
	  --access-logfile - --forwarded-allow-ips=127.0.0.1

lint: install-python
	$(VENV)/bin/ruff check opensend tests bench scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache --no-logo  # which app may import which (pyproject.toml)
	$(PY) manage.py makemigrations --check --dry-run
	LOG_LEVEL=WARNING $(PY) manage.py lintmigrations  # safe on a live database (pyproject.toml)
	$(PY) manage.py check

test: install install-browser db lint
	$(VENV)/bin/pytest -n 2 --dist loadfile

bench: install db
	$(PY) bench/bench_casework.py
	# issue 3 (engine): live measures at 25,000 and 640,000 plans beside one SQL query
	$(PY) bench/bench_measures.py
	# issue 14: the measures pages and API through gunicorn, 20 clients (after bench_measures)
	$(PY) bench/bench_http.py
	$(PY) bench/bench_search.py  # search: Local Offer search (issue 4)

code:
	@$(PY) manage.py demo_code "$(EMAIL)"

worker: db
	$(PY) manage.py procrastinate worker

# Operations (issue 13, item 6; docs/deploy.md). Not part of `make test`.
backup: migrate
	$(PY) scripts/backup.py

restore-drill: migrate
	$(PY) scripts/restore_drill.py

chaos: install db
	$(PY) scripts/chaos_restart.py

stop-db:
	$(PY) -m opensend.config.embedded_db stop

clean: stop-db
	rm -rf var $(VENV) node_modules
