# The front door of qarnot-toolkit. Every target depends on `bootstrap`, which builds .venv and
# node_modules from the project's own files (pyproject.toml, package.json, package-lock.json).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.bootstrap-stamp
export PATH := $(CURDIR)/$(VENV)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export OPTIC_TELEMETRY_LEVEL := off
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
export PYTHONDONTWRITEBYTECODE := 1

# Parts of the spec diff and upgrade flow.
BASE ?=
SPEC ?=
REPORT ?=

.PHONY: help bootstrap generate check-generated lint-spec lint format typecheck test check demo \
        emulator contract fuzz test-fast mutate mutate-ci bench bench-decode bench-storage spec-diff api-diff upgrade check-wheel docs clean

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | column -t -s $$'\t'

bootstrap: $(STAMP)  ## Create .venv and node_modules with every pinned tool.

$(STAMP): pyproject.toml package.json package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

generate: bootstrap  ## Regenerate generated/qarnot_api from openapi.yaml (delete, then generate).
	$(PY) scripts/generate.py

check-generated: bootstrap  ## Fail when generated/ differs from what openapi.yaml generates.
	$(PY) scripts/generate.py --check

lint-spec: bootstrap  ## Structural validation and Redocly lint of openapi.yaml.
	$(PY) -m openapi_spec_validator openapi.yaml
	redocly lint openapi.yaml --format=stylish

lint: bootstrap  ## ruff (lint + format check) on handwritten code.
	$(VENV)/bin/ruff check qarnot_ext scripts tests
	$(VENV)/bin/ruff format --check qarnot_ext scripts tests
	$(PY) scripts/unasync_client.py --check

format: bootstrap  ## Apply ruff fixes and formatting to handwritten code.
	$(VENV)/bin/ruff check --fix qarnot_ext scripts tests
	$(VENV)/bin/ruff format qarnot_ext scripts tests

typecheck: bootstrap  ## mypy --strict on qarnot_ext, scripts and tests.
	$(VENV)/bin/mypy

test: bootstrap check-generated lint-spec  ## The test suite (includes the drift check and the spec lint).
	$(PY) -m pytest

test-fast: bootstrap  ## The library's own tests (values, client) for the edit-test loop; fewer examples.
	QARNOT_HYPOTHESIS_PROFILE=fast $(PY) -m pytest -m fast -q -p no:cacheprovider

mutate: bootstrap  ## Mutation testing of the library core (mutmut); report in reports/mutation/summary.md.
	nice -n 10 $(PY) scripts/mutate.py

mutate-ci: bootstrap  ## The fixed CI subset of mutation testing, bounded to under 10 minutes.
	$(PY) scripts/mutate.py --ci --timeout 570

check: lint typecheck test  ## Everything CI checks.

demo: bootstrap  ## The main job, end to end against the embedded emulator.
	$(PY) -m qarnot_ext.demo

emulator: bootstrap  ## Serve the emulator on loopback (prints its API and storage URLs and token).
	$(PY) -m qarnot_ext.emulator serve --speed 5

fuzz: bootstrap  ## Deeper client-side fuzzing of the generated models and the adapter.
	QARNOT_FUZZ_EXAMPLES=100 $(PY) -m pytest tests/fuzz -q

contract: bootstrap  ## Deeper contract run against the embedded emulator.
	QARNOT_CONTRACT_EXAMPLES=20 $(PY) -m pytest tests/contract tests/emulator/test_schemathesis.py -q

bench: bootstrap  ## All benchmarks (ratios against a baseline measured in the same run).
	$(PY) scripts/bench_decode.py
	$(PY) scripts/bench_client.py
	$(PY) scripts/bench_ranges.py
	$(PY) scripts/bench_storage.py
	$(PY) scripts/bench_emulator.py

bench-decode: bootstrap  ## Generated-model decoding against json.loads of the same bytes.
	$(PY) scripts/bench_decode.py

bench-storage: bootstrap  ## Storage sync against the official SDK, both on the same moto server.
	$(PY) scripts/bench_storage.py

spec-diff: bootstrap  ## Classified diff of openapi.yaml against BASE (default: last tag...), or against SPEC (either dialect).
	$(if $(SPEC),$(PY) scripts/spec_diff.py openapi.yaml "$(SPEC)",$(PY) scripts/spec_diff.py --base $(or $(BASE),auto) openapi.yaml)

api-diff: bootstrap  ## Public-API diff of qarnot_ext against BASE (griffe): a changelog draft.
	$(PY) scripts/api_diff.py --base $(or $(BASE),auto)

upgrade: bootstrap  ## Take a new API revision (ours or the vendor's published one): make upgrade SPEC=new.json [DRY_RUN=1]
	@test -n "$(SPEC)" || { echo "usage: make upgrade SPEC=path/to/new.yaml|json [DRY_RUN=1] [REPORT=file]" >&2; exit 2; }
	$(PY) scripts/upgrade.py "$(SPEC)" $(if $(DRY_RUN),--dry-run) $(if $(REPORT),--report "$(REPORT)")

check-wheel: bootstrap  ## Build the wheel, install it in a fresh venv, check scripts, import cost and types.
	$(PY) scripts/check_wheel.py --extras

docs: bootstrap  ## Build the documentation site into site/ (mkdocs --strict: any warning fails).
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --clean --site-dir site

clean:  ## Remove caches and reports (keeps .venv and node_modules).
	rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis reports out site
