# The two commands a newcomer needs: `make dev` and `make test`. Both create what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: dev test lint validate bench clean

$(STAMP): pyproject.toml layers/shared/requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## make dev: embedded Postgres, Graph API simulator, API on :8000, local sync scheduler
dev: $(STAMP)
	$(BIN)/pixecom dev

## make test: lint, the template checks, and the whole pytest suite against real Postgres
test: $(STAMP) lint validate
	$(BIN)/pytest -n 2 -q

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
	rm -rf $(VENV) .pixecom .pytest_cache .mypy_cache .ruff_cache .aws-sam
