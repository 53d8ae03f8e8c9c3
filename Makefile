# The two commands a newcomer needs: `make dev` and `make test`. Both create what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: dev test pytest-suite clients-beside lint validate bench clean console openapi clients docs

# Browser tests need Chromium (Debian's package); without it `make test` skips them, saying so.
CHROMIUM := $(shell command -v chromium || command -v chromium-browser)
CONSOLE_SOURCES := $(shell find console/src -type f) console/index.html console/vite.config.ts console/tsconfig.json
CLIENT_SOURCES := $(shell find clients/typescript/types/src clients/typescript/client/src -type f) \
	clients/typescript/tsconfig.base.json $(wildcard clients/typescript/*/tsconfig.json)

$(STAMP): pyproject.toml layers/shared/requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## make dev: embedded Postgres, Graph API simulator, API + console on :$(PORT), local sync scheduler.
## Other ports: make dev PORT=8010 SIM_PORT=8091 (a busy port is named in one line).
## Exit code 3 is that busy port (already said in one line): make adds no "Error" line for it.
PORT ?= 8000
SIM_PORT ?= 8081
dev: $(STAMP) console
	@$(BIN)/pixecom dev --port $(PORT) --simulator-port $(SIM_PORT) $(if $(REPLICA),--replica) || { code=$$?; test $$code -eq 3 || exit $$code; }

## make console: the reference console (console/, React + Vite) built into console/dist
console: console/dist/index.html

# One npm workspace at the root (clients/typescript/* and console/): one `npm ci`, one lockfile.
node_modules/.installed-stamp: package.json package-lock.json $(wildcard clients/typescript/*/package.json) console/package.json
	npm ci --no-audit --no-fund
	@touch $@

# @pixecom/types and @pixecom/client ship dist/ (tsc); the console imports them from there.
clients/typescript/client/dist/index.js: node_modules/.installed-stamp $(CLIENT_SOURCES)
	npm run build
	@touch $@

console/dist/index.html: clients/typescript/client/dist/index.js $(CONSOLE_SOURCES)
	npm run build -w console
	@touch $@

## make test: lint, the template checks, the whole pytest suite against real Postgres (with the
## OpenAPI drift test, and the console's browser tests in Chromium when it is installed) and,
## beside it, the TypeScript clients
# The checks before pytest are single-threaded (mypy, cfn-lint, tsc, vite): two at a time.
# pytest on three workers with two cores: much of a test waits on Postgres, a server or Chromium
# (measured: 462 s against 487 s with two). The clients' tests run beside it: ~30 s that mostly
# wait on their own server (10 s of CPU), no longer added after the suite.
test: $(STAMP)
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint validate $(if $(CHROMIUM),console)
	@$(if $(CHROMIUM),,echo "Browser tests skipped: Chromium not found (install it: sudo apt-get install chromium)")
	@$(MAKE) --no-print-directory -j2 pytest-suite clients-beside

# The whole pytest suite (`make test` runs it beside the clients' tests). Without this make's
# MAKEFLAGS: the tests that run `make dev` must start a make of their own, not one that looks
# for this make's job slots (and says so on stderr).
pytest-suite: $(STAMP)
	env -u MAKEFLAGS -u MFLAGS $(BIN)/pytest -n 3 -q --dist loadgroup $(if $(CHROMIUM),,--ignore=tests/browser)

# The clients' tests beside the suite; their output is shown whole when they end, not mixed
# into pytest's progress line by line.
clients-beside: $(STAMP)
	@mkdir -p test-artifacts
	@$(MAKE) --no-print-directory clients > test-artifacts/clients.log 2>&1; code=$$?; \
		cat test-artifacts/clients.log; exit $$code

## make clients: npm ci, @pixecom/types checked against openapi/openapi.json, both packages built
## with tsc --strict, and @pixecom/client's node --test suite against the real API
## (the build is the dist rule above, so `make test` builds once for the console and the tests)
clients: $(STAMP) clients/typescript/client/dist/index.js
	npm run check
	PIXECOM_PYTHON=$(abspath $(BIN))/python npm test -w @pixecom/client

## make docs: rewrite docs/metrics.md's counter and metric tables from the catalogue (a test compares them)
docs: $(STAMP)
	$(BIN)/python -m pixecom.domain.metrics_doc docs/metrics.md

## make openapi: rewrite openapi/openapi.json from the app (commit the diff; a test compares them)
openapi: $(STAMP)
	$(BIN)/python -m pixecom.api.openapi_file openapi/openapi.json
	@if command -v npm >/dev/null; then \
		test -d node_modules/openapi-typescript || $(MAKE) node_modules/.installed-stamp; \
		npm run --silent generate; \
	else echo "npm not found: @pixecom/types not regenerated"; fi

lint: $(STAMP)
	$(BIN)/ruff check layers/shared/python functions tests
	$(BIN)/mypy

## cfn-lint and the SAM transform catch different mistakes; run both.
validate: $(STAMP)
	$(BIN)/cfn-lint template.yaml
	$(BIN)/python tests/sam_transform.py template.yaml

bench: $(STAMP)
	@for script in tests/bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pixecom .pytest_cache .mypy_cache .ruff_cache .aws-sam node_modules console/node_modules console/dist clients/typescript/*/dist test-artifacts
