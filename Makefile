# Two commands for a newcomer (see README.md): `make serve` and `make test`.
# Every target sets up what it needs: the virtualenv with pinned packages and,
# for tests, Debian's Chromium.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build test chromium clean

help:
	@echo "make serve  - serve the site on http://127.0.0.1:8000 with live reload"
	@echo "make test   - run every test (installs Chromium if missing)"
	@echo "make build  - write the static site to site/"

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

setup: $(STAMP)

# Debian's Chromium: Playwright's own browser download does not work here.
chromium:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-core >/dev/null; }

serve: $(STAMP)
	$(PY) -m mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) -m scripts.build

test: $(STAMP) chromium
	$(PY) -m pytest

clean:
	rm -rf site $(VENV) .pytest_cache
