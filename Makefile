# Taipei Good Goods — `make run` serves the demo store, `make test` runs the whole suite.
# Both set everything up from scratch on a fresh machine (a .venv, packages, catalogs, schema).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi
PYTEST_ARGS ?=

# localstripe, the fake Stripe server of `make run` and the tests: a GPL aiohttp server kept
# out of the app in a venv of its own, started on loopback by our launcher.
LOCALSTRIPE_VENV := .localstripe-venv
LOCALSTRIPE_PY := $(LOCALSTRIPE_VENV)/bin/python
LOCALSTRIPE_LAUNCHER := app/integrations/localstripe_launcher.py
STRIPE_PORT ?= 8420
LOCALSTRIPE_URL := http://127.0.0.1:$(STRIPE_PORT)
# `make run` starts localstripe unless STRIPE_API_BASE points elsewhere (real Stripe)
STRIPE_API_BASE ?= $(LOCALSTRIPE_URL)
# the obviously fake local secret localstripe signs webhooks with (config.py's default too)
LOCALSTRIPE_WEBHOOK_SECRET := whsec_localstripe_dev

.DEFAULT_GOAL := help
.PHONY: help setup localstripe run test vendor-js lint fmt bench bench-search lighthouse i18n-extract i18n-update i18n-compile clean mutation

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

$(LOCALSTRIPE_PY):
	$(PYTHON) -m venv $(LOCALSTRIPE_VENV)
	$(LOCALSTRIPE_PY) -m pip install --quiet --upgrade pip

$(LOCALSTRIPE_VENV)/.installed: requirements-localstripe.txt | $(LOCALSTRIPE_PY)
	$(LOCALSTRIPE_VENV)/bin/pip install --quiet -r requirements-localstripe.txt
	touch $@

localstripe: $(LOCALSTRIPE_VENV)/.installed

# Waits until localstripe answers (failing if it stopped: port in use?), then registers the
# store's webhook with it; localstripe keeps webhooks in memory only, so every start does.
define LOCALSTRIPE_READY
import os, sys, time, urllib.parse, urllib.request
base, pid = os.environ["STRIPE_API_BASE"], int(sys.argv[1])
for _ in range(150):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit("localstripe stopped: is port $(STRIPE_PORT) in use? Pick another: make run STRIPE_PORT=...")
    try:
        urllib.request.urlopen(base + "/js.stripe.com/v3/", timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit(f"localstripe did not answer at {base}")
hook = {"url": "http://127.0.0.1:$(PORT)/webhooks/stripe", "secret": os.environ["STRIPE_WEBHOOK_SECRET"]}
urllib.request.urlopen(base + "/_config/webhooks/tgg", urllib.parse.urlencode(hook).encode(), timeout=5).close()
endef
export LOCALSTRIPE_READY

# With localstripe (the default): start it (its data in instance/localstripe.pickle), wait for
# it, register the webhook, serve the app, and stop localstripe when the app stops (Ctrl-C too).
run: setup localstripe
	$(FLASK) db upgrade
	$(FLASK) demo-data --if-empty
	$(FLASK) search reindex --if-empty
ifeq ($(STRIPE_API_BASE),$(LOCALSTRIPE_URL))
	@export STRIPE_API_BASE=$(STRIPE_API_BASE) \
		STRIPE_WEBHOOK_SECRET=$${STRIPE_WEBHOOK_SECRET:-$(LOCALSTRIPE_WEBHOOK_SECRET)}; \
	$(LOCALSTRIPE_PY) $(LOCALSTRIPE_LAUNCHER) --port $(STRIPE_PORT) \
		--state instance/localstripe.pickle & localstripe=$$!; \
	trap 'kill $$localstripe 2>/dev/null; wait $$localstripe 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(LOCALSTRIPE_PY) -c "$$LOCALSTRIPE_READY" $$localstripe || exit 1; \
	$(FLASK) run --host 127.0.0.1 --port $(PORT)
else
	$(FLASK) run --host 127.0.0.1 --port $(PORT)
endif

test: setup localstripe node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Mutation testing (not part of `make test`): mutmut changes app/domain/ and the catalog
# services' rules one small edit at a time ([tool.mutmut] in pyproject.toml) and runs the fast
# tests that reach each edit; a mutant no test notices "survives". Starts afresh each time,
# stops after MUTATION_MINUTES (a full run takes about half an hour on two cores),
# then lists the survivors with the lines they changed (tests/mutation_report.py).
# MUTANTS narrows the run by mutant name: make mutation MUTANTS='app.domain.money*'
MUTANTS ?=
MUTATION_MINUTES ?= 60
mutation: setup localstripe
	rm -rf mutants
	@status=0; LOCALSTRIPE_PYTHON=$(CURDIR)/$(LOCALSTRIPE_VENV)/bin/python \
	timeout $$(($(MUTATION_MINUTES) * 60)) $(BIN)/mutmut run $(MUTANTS) || status=$$?; \
	if [ $$status -eq 124 ]; then echo "mutation: stopped after $(MUTATION_MINUTES) minutes"; \
	elif [ $$status -ne 0 ]; then exit $$status; fi
	$(BIN)/python -m tests.mutation_report

# Browser libraries the store serves itself (never from a CDN): copied from the pinned npm
# package into app/static/vendor/ and committed, so running the store needs no npm.
# tests/unit/test_vendored_assets.py fails when the copy and package.json disagree.
vendor-js: node_modules/.installed
	mkdir -p app/static/vendor/sortablejs
	cp node_modules/sortablejs/Sortable.min.js node_modules/sortablejs/LICENSE app/static/vendor/sortablejs/

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

# The store under load (issue 16; README, "Benchmarks"): a throwaway store served by gunicorn
# with the production config and a throwaway redis-server on 127.0.0.1, every page driven by
# wrk against the ceiling page, on one and two servers; writes bench/results.json.
# Short run: make bench BENCH_ARGS="--products 2000 --orders 2000 --duration 3 --concurrency 16"
BENCH_ARGS ?=
bench: setup $(VENV)/.bench-installed
	@missing=""; for tool in wrk redis-server; do \
		command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
		$$sudo apt-get install -y -qq --no-install-recommends $$missing; fi
	$(BIN)/python -m bench.load $(BENCH_ARGS)

$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-bench.txt
	touch $@

bench-search: setup
	$(BIN)/python -m bench.search

lighthouse: setup
	bench/lighthouse.sh

clean:
	rm -rf $(VENV) $(LOCALSTRIPE_VENV) node_modules instance/tgg.sqlite3* \
		instance/localstripe.pickle .pytest_cache mutants
