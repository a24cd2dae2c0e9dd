# Comptoir — the two commands a person needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
WORKERS ?= 4
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE := comptoir.config.settings

.PHONY: audit lock lock-upgrade bench lighthouse-deps run run-empty run-scaled install system-deps browser-deps demo migrate lint test test-without-demo test-pg messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly what the lock file pins, each file checked against its sha256 (requirements/README.md);
# then Comptoir itself, whose dependencies are all in the lock already.
$(STAMP): requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# The lock files again from pyproject.toml: versions already pinned stay when they still fit
# (`make lock-upgrade` takes the newest releases). Production's lock leaves the demo and the tests out.
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock: install
	$(BIN)/pip-compile $(LOCK_FLAGS) $(LOCK_EXTRA) --extra s3 -o requirements.txt pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) $(LOCK_EXTRA) --extra s3 --extra demo --extra dev -o requirements/dev.txt pyproject.toml

lock-upgrade:
	$(MAKE) lock LOCK_EXTRA=--upgrade

# Known vulnerabilities of every pinned version (PyPI's advisories); says so when it cannot ask.
audit: install
	$(BIN)/python scripts/audit_dependencies.py requirements.txt requirements/dev.txt

install: $(STAMP)

migrate: install system-deps
	$(BIN)/python manage.py compilemessages --ignore=.venv >/dev/null
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py demo_shop

run: demo
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo ""
	@echo "  La boutique / the shop:    http://127.0.0.1:$(PORT)/"
	@echo "  Atelier (cockpit):         http://127.0.0.1:$(PORT)/fr/atelier/"
	@echo "  Back-office (admin):       http://127.0.0.1:$(PORT)/fr/admin/"
	@echo "  Login:                     fondatrice@comptoir.example / comptoir-demo"
	@echo "  Espace revendeurs:         http://127.0.0.1:$(PORT)/fr/pro/  (boutique@revendeur.example / comptoir-demo)"
	@echo ""
	@echo "  Les tâches automatiques tournent à côté (manage.py run_chores) : /fr/atelier/taches/"
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho -f Procfile.local start --port $(PORT)

# Her own shop, without the demo, in a database of its own (var/shop.sqlite3, or DATABASE_URL): the
# first time, start_shop asks her email and password; then the cockpit's « Ouverture » checklist.
EMPTY_SHOP_ENV := COMPTOIR_DEMO_APP=0 COMPTOIR_PAYMENT_PROVIDERS=$${COMPTOIR_PAYMENT_PROVIDERS:-bank_transfer,stripe} \
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/var/shop.sqlite3}
run-empty: install system-deps
	$(BIN)/python manage.py compilemessages --ignore=.venv >/dev/null
	$(EMPTY_SHOP_ENV) $(BIN)/python manage.py migrate --no-input
	$(EMPTY_SHOP_ENV) $(BIN)/python manage.py start_shop --if-new
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo ""
	@echo "  Votre boutique / your shop:  http://127.0.0.1:$(PORT)/   (« bientôt » until you open it)"
	@echo "  Liste d'ouverture:           http://127.0.0.1:$(PORT)/fr/atelier/ouverture/"
	@echo ""
	$(EMPTY_SHOP_ENV) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho -f Procfile.local start --port $(PORT)

# The production shape on this machine: PostgreSQL, Redis, N gunicorn workers, a Celery worker
# (scripts/run_scaled.sh). `make run-scaled SCALED_SMOKE=1` starts it, visits every page, stops.
run-scaled: install system-deps
	WORKERS=$(WORKERS) PORT=$(PORT) scripts/run_scaled.sh

# System packages come from Debian (never a browser download): gettext to compile translations,
# chromium for the browser tests; axe-core comes from the npm registry for the accessibility check.
define apt_install_missing
	@missing=""; for pair in $(1); do cmd=$${pair%%:*}; pkg=$${pair##*:}; \
	  command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "could not install$$missing"; \
	  else echo "missing$$missing: run apt-get install$$missing as root"; fi; fi
endef

system-deps:
	$(call apt_install_missing,msgfmt:gettext)
	@# WeasyPrint (invoices as PDF) draws text with Pango.
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null) \
	      || echo "could not install Pango"; \
	  else echo "missing Pango: run apt-get install libpango-1.0-0 libpangoft2-1.0-0 as root"; fi; fi

browser-deps: system-deps
	$(call apt_install_missing,chromium:chromium pdftoppm:poppler-utils)
	@[ -f var/npm/node_modules/axe-core/axe.min.js ] || { \
	  command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix var/npm axe-core@4 >/dev/null \
	    || echo "axe-core could not be installed: the accessibility check will be skipped"; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	cd src/comptoir && ../../$(BIN)/django-admin makemessages -l fr -l en --no-obsolete --no-location
	$(BIN)/python scripts/tidy_catalogues.py
	$(BIN)/python manage.py compilemessages --ignore=.venv

test: browser-deps lint audit
	$(BIN)/python manage.py compilemessages --ignore=.venv >/dev/null
	$(BIN)/pytest -n auto

# The shop without its demo: the demo app out of INSTALLED_APPS, the suite but the demo's own tests.
test-without-demo: install browser-deps
	COMPTOIR_DEMO_APP=0 $(BIN)/pytest -n auto --ignore=tests/demo

# The suite against PostgreSQL (the machine's, trust auth): pytest-django creates test_* databases.
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
test-pg: install browser-deps
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n auto

# Benchmarks print figures; nothing in them is asserted (tests never assert wall-clock times).
# bench/pages.py loads the pages with Debian's wrk (a Python load generator stands in without it).
# Lighthouse from the npm registry, this exact version (its scores move between versions), run on Debian's
# chromium by bench/pages.py; Oscar, for the comparison, goes into the benchmark's temporary folder.
LIGHTHOUSE_VERSION := 12.2.3
lighthouse-deps: system-deps
	$(call apt_install_missing,chromium:chromium)
	@[ "$$(node -p "require('./var/npm/node_modules/lighthouse/package.json').version" 2>/dev/null)" = "$(LIGHTHOUSE_VERSION)" ] || { \
	  command -v npm >/dev/null 2>&1 && npm i -E --silent --no-audit --no-fund --prefix var/npm lighthouse@$(LIGHTHOUSE_VERSION) >/dev/null \
	    || echo "lighthouse could not be installed: its part of the benchmark will be skipped"; }

bench: install system-deps lighthouse-deps
	$(call apt_install_missing,wrk:wrk)
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var
