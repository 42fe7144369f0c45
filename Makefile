# The README's commands. Everything installs into .venv from pyproject.toml, pinned
# by requirements.lock, so a fresh machine with Python 3.11 needs nothing else.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Every absolute link of the demo (canonical, feeds, sitemap, emails) follows the
# address runserver listens on: `make run PORT=8101` links to :8101.
PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)
export PUBLIC_BASE_URL
TEST_STAMP := $(VENV)/.installed-test-stamp

# System tests (tests/system: real gunicorn, workers, PostgreSQL, Redis); SYSTEM=0 skips them.
SYSTEM ?= 1

.PHONY: run setup setup-test demo test lint format bench bench-http lock clean

# What running the site needs, and nothing more.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e .
	@touch $(STAMP)

# The test tools on top (pytest, Playwright, ruff, …).
$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	@touch $(TEST_STAMP)

# Test-only tool: the Nu HTML Checker (vnu-jar), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "Hinweis: npm fehlt – die HTML-Prüfung (vnu) wird übersprungen."; fi

setup: $(STAMP)

setup-test: $(TEST_STAMP) $(NODE_STAMP)

demo: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content --with-admin

# The demo runs like production: runserver for requests and a task worker (run_worker) beside it
# for the background tasks (emails, newsletter batches); Ctrl-C stops both.
run: demo
	@echo "Feder läuft auf $(PUBLIC_BASE_URL)/ – Admin: $(PUBLIC_BASE_URL)/admin/ – Demo-Postfach: $(PUBLIC_BASE_URL)/admin/demo-postfach/"
	@$(BIN)/python manage.py run_worker --queue-name '*' --interval 1 --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@command -v $${CHROMIUM_PATH:-chromium} >/dev/null 2>&1 || \
		echo "Hinweis: Chromium fehlt – die Browser-Tests werden übersprungen (apt-get install chromium)."
	$(BIN)/python -m pytest -m "not browser and not system" -n auto
	@if [ "$(SYSTEM)" != 0 ]; then $(BIN)/python -m pytest -m system; fi
	$(BIN)/python -m pytest -m browser

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: demo
	$(BIN)/python benchmarks/pages.py

# wrk against gunicorn with 10 and 1,000 posts, cache off and warm, and the floor.
bench-http: setup
	BIN=$(BIN) benchmarks/http.sh

# Regenerate the lock after changing dependency ranges in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade "pip>=25"
	.lock-venv/bin/python -m pip install --quiet ".[test]"
	.lock-venv/bin/python -m pip freeze --exclude-editable --exclude feder > requirements.lock
	rm -rf .lock-venv build *.egg-info

clean:
	rm -rf $(VENV) staticfiles test-artifacts build *.egg-info
