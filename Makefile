# Two commands for a newcomer (see README.md): `make serve` and `make test`.
# Every target sets up what it needs: the virtualenv with pinned packages and,
# for tests, Debian's Chromium.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Browser assets served from the site itself (Mermaid), pinned in package-lock.json.
NODE_STAMP := node_modules/.installed-stamp
# Chromium for tests and benchmarks: Debian's by default; CI on GitHub's Ubuntu
# runners sets KB_CHROMIUM to the preinstalled Google Chrome (tools/testing/chromium.py).
KB_CHROMIUM ?= /usr/bin/chromium
CHROMIUM := $(KB_CHROMIUM)
export KB_CHROMIUM
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# make serve PORT=8001 when 8000 is taken.
PORT ?= 8000

.PHONY: help setup lock serve build test test-fast chromium clean check check-data check-links review new-procedure bench-web

help:
	@echo "make serve  - serve the site on http://127.0.0.1:8000 with live reload (PORT=8001 for another port)"
	@echo "make test   - run every test (installs Chromium if missing)"
	@echo "make test-fast - every test except those driving Chromium (pytest -m \"not browser\")"
	@echo "make build  - write the static site to site/"
	@echo "make check  - every editor check (data, front matter, links, Markdown, YAML, workflows)"
	@echo "make check-data - validate data/*.yaml only (contacts, escalation, glossary)"
	@echo "make check-links - are the external links alive? (network; cached in .cache/)"
	@echo "make review - pages due or overdue for review, by owner"
	@echo "make bench-i18n - build time with and without the English edition (/en/)"
	@echo "make lock   - re-resolve requirements-lock.txt (hashes) after editing requirements*.txt"
	@echo "make legal-impact [ID=38/2015/TT-BTC] - every page and line citing a legal instrument"
	@echo "make bench-web - Lighthouse (phone) scores and transfer size next to plain Material"
	@echo "make new-procedure SLUG=ten-thu-tuc TITLE=\"Tên thủ tục\" - start a procedure page"

# Every Python package at the version and hash of requirements-lock.txt (make lock).
$(STAMP): requirements-lock.txt requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMP) $(NODE_STAMP)

# Re-resolve requirements-lock.txt after a change to requirements*.txt; unchanged
# pins are kept. tests/test_dependencies.py fails while the lock is behind.
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	--no-emit-find-links --no-emit-trusted-host
lock: $(STAMP)
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile $(LOCK_FLAGS) \
	  --output-file requirements-lock.txt requirements-dev.txt

# Debian's Chromium: Playwright's own browser download does not work here.
chromium:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-core >/dev/null; }

serve: $(STAMP) $(NODE_STAMP)
	$(PY) -m scripts.editor.serve --port $(PORT)

build: $(STAMP) $(NODE_STAMP)
	$(PY) -m scripts.build

test: $(STAMP) $(NODE_STAMP) chromium check
	$(PY) -m pytest

# Everything but the browser tests: a quick run while working, one pytest
# process per core (pytest-xdist); a test module stays in one process, so its
# module-scoped builds are made once; each process builds its own shared site.
# Property tests that build the site draw fewer examples there (Hypothesis
# profile `fast`, tests/conftest.py); `make test` draws them all.
test-fast: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -m "not browser" -n auto --dist loadfile --hypothesis-profile=fast

clean:
	rm -rf site $(VENV) .pytest_cache

# Editors' checks: exit status 2 means a problem to fix (see CONTRIBUTING.md).
check: $(STAMP) $(NODE_STAMP)
	$(PY) -m scripts.editor.check

# Review schedule; CI adds --fail-if-overdue (exit status 1 while a page is overdue).
review: $(STAMP)
	$(PY) -m scripts.pages.review $(REVIEW_ARGS)

new-procedure: $(STAMP)
	$(PY) -m scripts.editor.new_procedure --slug "$(SLUG)" --title "$(TITLE)"

# Every page and line citing a legal instrument (data/legal.yaml), or one: ID=121/2025/TT-BTC.
.PHONY: legal-impact
legal-impact: $(STAMP)
	$(PY) -m scripts.legal impact $(if $(ID),"$(ID)")

# External links of pages and data (needs the network; cached in .cache/):
# opt-in, run weekly by .github/workflows/links.yml, not on every change.
check-links: $(STAMP)
	$(PY) -m scripts.editor.check_links $(LINKS_ARGS)

# Data files only (data/*.yaml): fast; exit status 2 lists every problem.
check-data: $(STAMP)
	$(PY) -m scripts.contacts check

# Lighthouse 12.2.3 (later versions need Node 22) for the benchmark only, in its
# own npm project so that the site's build never installs it.
LH_STAMP := tools/lighthouse/node_modules/.installed-stamp
$(LH_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --prefix tools/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

# Prints scores and sizes next to a plain Material site built in the same run.
bench-web: $(STAMP) $(NODE_STAMP) chromium $(LH_STAMP)
	CHROME_PATH=$(CHROMIUM) $(PY) -m tools.bench.web $(BENCH_ARGS)

# Build time with and without the English edition (/en/), same run; prints the ratio.
.PHONY: bench-i18n
bench-i18n: $(STAMP) $(NODE_STAMP)
	$(PY) -m tools.bench.i18n_build $(BENCH_ARGS)

# Search relevance (CLI, this site in Chromium, plain Material) and 2,000-page
# scale figures, printed side by side; takes several minutes (scripts/search/README.md).
.PHONY: bench-search
bench-search: $(STAMP) chromium
	$(PY) -m tools.bench.search
