# The README's commands. Every target builds and uses its own virtual environment (.venv), so a
# fresh clone needs only Python 3.11/3.12 with venv, and gcc with the Python headers (durable-rules
# compiles C at install time).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 50051
COVERAGE_MIN ?= 100

.PHONY: serve test feature bench check proto clean lint fmt

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/hocr serve --port $(PORT)

# The whole suite: rule files in the canonical layout, YAML and Python lint; rules compile; every
# scenario and test (also writing reports/cucumber.json and reports/rule-coverage.json); every rule
# and classification exercised by a scenario; HTML report.
test: $(STAMP) lint
	$(BIN)/hocr rules check --strict --coverage /dev/null
	@mkdir -p reports
	$(BIN)/python -m pytest -q --cucumberjson=reports/cucumber.json
	$(BIN)/hocr rules coverage --fail-under $(COVERAGE_MIN) > reports/rule-coverage.txt
	$(BIN)/hocr rules report reports/cucumber.json reports/features.html

# One feature file, fast: make feature F=features/2026-27/general/ncrs.feature
feature: $(STAMP)
	HOCR_FEATURES=$(abspath $(F)) $(BIN)/python -m pytest -q tests/test_features.py

check: $(STAMP)
	$(BIN)/hocr rules check

bench: $(STAMP)
	$(BIN)/python bench/bench_grpc.py

proto: $(STAMP)
	$(BIN)/python -m service.protogen

clean:
	rm -rf $(VENV) build *.egg-info reports

# The engine step alone: one reused session per edition vs a session per decision, in one run.
.PHONY: bench-engine
bench-engine: $(STAMP)
	$(BIN)/python bench/bench_engine.py

# Layout and lint (part of `make test`): rule files as `hocr rules fmt` writes them, yamllint
# (.yamllint), ruff (pyproject.toml). `make fmt` fixes what can be fixed by machine.
lint: $(STAMP)
	$(BIN)/hocr rules fmt --check rules
	$(BIN)/yamllint rules
	$(BIN)/ruff check service tests

fmt: $(STAMP)
	$(BIN)/hocr rules fmt rules
	$(BIN)/ruff check --fix service tests
