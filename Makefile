# Taipei Good Goods — `make run` serves the demo store, `make test` runs the whole suite.
# Both set everything up from scratch on a fresh machine (a .venv, packages, catalogs, schema).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup run test lint fmt bench bench-search lighthouse i18n-extract i18n-update i18n-compile clean mutation

help:
	@echo "make run    serve the demo store on http://127.0.0.1:$(PORT)"
	@echo "make test   run the whole test suite"
	@echo "make lint | fmt | bench | mutation | i18n-extract | i18n-update | i18n-compile"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# Front-end files the tests use (pinned htmx served in place of its CDN, axe-core, vnu).
# Skipped when npm is missing; the tests that need them then skip and say why.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: browser and HTML-validation tests will be skipped"; fi

i18n-compile: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d translations 2>&1 | grep -v "^$$" || true

setup: $(VENV)/.installed i18n-compile
	@mkdir -p instance

run: setup
	$(FLASK) db upgrade
	$(FLASK) demo-data --if-empty
	$(FLASK) search reindex --if-empty
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: setup node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Mutation testing (not part of `make test`): mutmut changes app/domain/ and the catalog
# services' rules one small edit at a time ([tool.mutmut] in pyproject.toml) and runs the fast
# tests that reach each edit; a mutant no test notices "survives". Starts afresh each time,
# stops after MUTATION_MINUTES (a full run takes about a quarter of an hour on two cores),
# then lists the survivors with the lines they changed (tests/mutation_report.py).
# MUTANTS narrows the run by mutant name: make mutation MUTANTS='app.domain.money*'
MUTANTS ?=
MUTATION_MINUTES ?= 60
mutation: setup
	rm -rf mutants
	@status=0; timeout $$(($(MUTATION_MINUTES) * 60)) $(BIN)/mutmut run $(MUTANTS) || status=$$?; \
	if [ $$status -eq 124 ]; then echo "mutation: stopped after $(MUTATION_MINUTES) minutes"; \
	elif [ $$status -ne 0 ]; then exit $$status; fi
	$(BIN)/python -m tests.mutation_report

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check app tests config.py wsgi.py migrations bench

fmt: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format app tests config.py wsgi.py migrations bench

i18n-extract: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k ngettext:1,2 \
		--ignore-dirs=".* node_modules instance" --no-location --sort-by-file --omit-header \
		-o translations/messages.pot .

i18n-update: i18n-extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-wrap \
		--ignore-obsolete --no-fuzzy-matching

bench: setup
	$(BIN)/python -m bench.pages

bench-search: setup
	$(BIN)/python -m bench.search

lighthouse: setup
	bench/lighthouse.sh

clean:
	rm -rf $(VENV) node_modules instance/tgg.sqlite3* .pytest_cache mutants
