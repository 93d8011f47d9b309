# hopx-ai: every target creates what it needs, so `make test` works as the first command on a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSDEPS_STAMP := $(VENV)/.sysdeps

.PHONY: venv sysdeps generate check-generated sync-sdk lint typecheck test test-unit test-integration \
        contract contract-soak demo bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e '.[local,dev,ray,cli]'
	@touch $@

# System packages for hopx-local (installed with apt-get when missing and running as root).
sysdeps: $(SYSDEPS_STAMP)

$(SYSDEPS_STAMP): scripts/sysdeps.sh src/hopx_local/agent/desktop/PACKAGES | $(STAMP)
	bash scripts/sysdeps.sh
	@touch $@

generate: $(STAMP)
	$(BIN)/python scripts/generate.py
	$(BIN)/python scripts/unasync_sdk.py

check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check
	$(BIN)/python scripts/unasync_sdk.py --check

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench examples
	$(BIN)/ruff format --check src tests scripts bench examples
	$(BIN)/openapi-spec-validator openapi/control-plane.yaml openapi/vm-agent.yaml

typecheck: $(STAMP)
	$(BIN)/mypy --strict src/hopx_ai src/hopx_local generated/hopx_control_api generated/hopx_agent_api

test-unit: $(STAMP)
	$(BIN)/pytest -q tests/unit tests/contracts

test-integration: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/pytest -q tests/runtime tests/agent tests/integration

# Contract in make test: the control plane bounded, the agent with the full profile (its fuzzing
# at 50 examples an operation is what found GET /files/exists accepting a case the bounded 8 missed).
test: check-generated lint typecheck $(SYSDEPS_STAMP)
	$(BIN)/pytest -q -p no:cacheprovider tests
	$(MAKE) contract CONTRACT_PROFILE=bounded CONTRACT_SUITE=control-plane
	$(MAKE) contract CONTRACT_PROFILE=full CONTRACT_SUITE=vm-agent

# Contract tests (schemathesis): against a hopx-local started here, or any server with URL=... API_KEY=...
CONTRACT_PROFILE ?= full
contract: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/python -m tests.contract.run --profile $(CONTRACT_PROFILE) $(if $(CONTRACT_SUITE),--suite $(CONTRACT_SUITE)) $(if $(URL),--url $(URL)) $(if $(API_KEY),--api-key $(API_KEY))

contract-soak: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/python -m tests.contract.run --profile soak

demo: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/python examples/demo.py

bench: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
