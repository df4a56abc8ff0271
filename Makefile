# The README's commands. Every target builds and uses its own virtual environment (.venv), so a
# fresh clone needs only Python 3.11/3.12 with venv, and gcc with the Python headers (durable-rules
# compiles C at install time).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 50051
COVERAGE_MIN ?= 100

.PHONY: serve test feature bench check proto clean mutate

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/hocr serve --port $(PORT)

# The whole suite: rules compile; every scenario and test (also writing reports/cucumber.json and
# reports/rule-coverage.json); every rule and classification exercised by a scenario; HTML report.
test: $(STAMP)
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

# Mutation testing of service/ with mutmut (slow: not part of `test` or CI). Each mutant runs the
# tests that reach the mutated function. MUTANTS narrows it to a glob of mutant names, e.g.
# make mutate MUTANTS='service.counting*'; survivors are listed in docs/mutation-testing.md.
MUTANTS ?=
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutate]'
	$(BIN)/mutmut run $(MUTANTS)
	$(BIN)/mutmut results

bench: $(STAMP)
	$(BIN)/python bench/bench_grpc.py

proto: $(STAMP)
	$(BIN)/python -m service.protogen

clean:
	rm -rf $(VENV) build *.egg-info reports mutants
