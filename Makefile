# The README's commands. Every target builds and uses its own virtual environment (.venv), so a
# fresh clone needs only Python 3.11/3.12 with venv, and gcc with the Python headers (durable-rules
# compiles C at install time).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 50051
COVERAGE_MIN ?= 100

DECISION_LOG ?= sqlite:///var/decision-log.db
METRICS_PORT ?= 9464

.PHONY: serve test test-long feature bench bench-json fuzz drain check proto clean postgres audit-demo bench-audit browser mutate lock image k8s node-client lint fmt buf buf-lint buf-breaking bench-stream bench-http

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# An npm package folder (clients/node, tools/buf) installed from its lock file: node and npm from
# Debian's packages when the machine has none.
%/node_modules/.installed: %/package.json %/package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	cd $* && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The Node.js client (clients/node) that the suite runs against a real server.
NODE_STAMP := clients/node/node_modules/.installed

node-client: $(NODE_STAMP)

# buf (proto lint, STANDARD, and breaking-change checks) from npm, pinned by tools/buf/package-lock.json.
BUF_STAMP := tools/buf/node_modules/.installed
BUF := tools/buf/node_modules/.bin/buf
# What `make buf` compares the contract with: the previous commit (BUF_AGAINST='.git#branch=main' ...).
BUF_AGAINST ?= .git\#ref=HEAD~1
buf-lint: $(BUF_STAMP)
	$(BUF) lint

buf: buf-lint
	$(BUF) breaking --against '$(BUF_AGAINST)'

# Part of `make test`: the working tree's contract against the previous commit's (offline; a
# shallow clone without it says so and compares with HEAD). tests/test_buf_breaking.py proves it
# fails on a renumbered field.
buf-breaking: $(BUF_STAMP)
	BUF=$(BUF) sh tools/buf/breaking.sh

serve: $(STAMP)
	@mkdir -p var
	$(BIN)/hocr serve --insecure --port $(PORT) --decision-log $(DECISION_LOG) --metrics-port $(METRICS_PORT) $(SERVE_FLAGS)

# The decision log tests run a real PostgreSQL server of their own (initdb in a temporary folder):
# install Debian's postgresql package when its initdb is missing (retrying while another apt holds
# the dpkg lock).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  apt-get update -qq && for i in 1 2 3 4 5 6 7 8 9 10; do \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql && break; \
	    echo "apt busy, retrying in 15 s"; sleep 15; done; }

# The whole suite: rule files in the canonical layout, YAML and Python lint; every scenario and test
# (also writing reports/cucumber.json and reports/rule-coverage.json), among them `hocr rules check
# --strict` on rules/ (tests/test_cli.py::test_rules_check_passes); every rule and classification
# exercised by a scenario; HTML report. The tests run in PYTEST_WORKERS processes (pytest-xdist;
# tests/conftest.py gathers the coverage and the cucumber JSON from them); PYTEST_WORKERS=0 runs
# them in one.
PYTEST_WORKERS ?= 2
# The suite starts many Python processes (workers, hocr, servers): let them keep their bytecode
# (__pycache__/, ignored by git) where the environment says not to (PYTHONDONTWRITEBYTECODE), or
# every process compiles the service's modules and pytest rewrites every test module afresh.
test test-long lint: export PYTHONDONTWRITEBYTECODE =
test: $(STAMP) $(NODE_STAMP) browser postgres lint buf-lint buf-breaking
	@mkdir -p reports
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --cucumberjson=reports/cucumber.json
	$(BIN)/hocr rules coverage --fail-under $(COVERAGE_MIN) > reports/rule-coverage.txt
	$(BIN)/hocr rules report reports/cucumber.json reports/features.html

# The equivalence tests on all their inputs (question cache, question index, the proto path), the
# property tests with all their examples, the 2,500-request fuzz run and hocr decide on 10,000 JSON
# Lines; make test takes a fixed share of them (tests/sampling.py).
test-long: $(STAMP)
	HOCR_THOROUGH=1 $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) tests/test_question_cache.py \
	    tests/test_question_index.py tests/test_contract_proto.py tests/test_cli_batch.py \
	    tests/test_properties.py tests/test_fuzz.py

# One feature file, fast: make feature F=features/2026-27/general/ncrs.feature
feature: $(STAMP)
	HOCR_FEATURES=$(abspath $(F)) $(BIN)/python -m pytest -q tests/test_features.py

check: $(STAMP)
	$(BIN)/hocr rules check

# Mutation testing of service/ with mutmut (slow: not part of `test` or CI). Each mutant runs the
# tests that reach the mutated function. MUTANTS narrows it to a glob of mutant names, e.g.
# make mutate MUTANTS='service.decision.counting*'; survivors are listed in docs/mutation-testing.md.
MUTANTS ?=
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutate]'
	$(BIN)/mutmut run $(MUTANTS)
	$(BIN)/mutmut results

# The Echo comparison (bench_grpc.py), then issue 11's scale figures (bench_scale.py: calls in flight,
# --processes 1 and 2, first-seen vs repeated shapes, start-up, RSS over 100,000 decisions, a 128,000-record
# audit; about half an hour on a loaded 2-core machine). `make bench BENCH_FLAGS=--quick` for a look in a
# few minutes; `make bench-json` prints bench_scale.py's figures as one JSON object (docs/benchmarks.md).
bench: $(STAMP)
	$(BIN)/python bench/bench_grpc.py --seconds 2 --requests 5000
	$(BIN)/python bench/bench_scale.py $(BENCH_FLAGS)

# Standard output is the JSON object alone: building the environment first, if it must be, says
# so on standard error.
bench-json:
	@$(MAKE) --no-print-directory $(STAMP) >&2
	@$(BIN)/python bench/bench_scale.py --json $(BENCH_FLAGS)

# The JSON doors: json_format against the planned JSON writer and reader (in process, in turn), and
# a served HTTP door's /v1/decide and /v1/decide:batch against its /healthz (docs/benchmarks.md).
bench-http: $(STAMP)
	$(BIN)/python bench/bench_json.py

# DecideStream against a `hocr serve` process: throughput, message sizes and the server's memory
# over STREAM_INCIDENTS incidents (see docs/benchmarks.md).
STREAM_INCIDENTS ?= 20000
bench-stream: $(STAMP)
	$(BIN)/python bench/bench_stream.py --incidents $(STREAM_INCIDENTS)

# 100,000 generated requests against a separate `hocr serve` process (after 50,000 undecodable ones):
# counts by status code, INTERNAL/UNKNOWN (must be 0), and the server's RSS before and after.
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz_grpc --requests $(or $(N),100000) --undecodable $(or $(U),50000)

# SIGTERM under load: 16 clients against `hocr serve --processes 2 --drain-seconds 10`; prints how
# many calls that started before the drain ended failed (must be 0).
drain: $(STAMP)
	$(BIN)/python -m tests.drain_load --processes 2 --threads 16 --drain 10
# The audit demonstration: a synthetic quarter with known injected errors, audited; prints the report path.
AUDIT_SIZE ?= 3000
audit-demo: $(STAMP)
	$(BIN)/hocr audit demo --out reports/audit-demo --size $(AUDIT_SIZE)

# How long an audit of AUDIT_RECORDS records takes here (see docs/benchmarks.md).
AUDIT_RECORDS ?= 20000
bench-audit: $(STAMP)
	$(BIN)/python bench/bench_audit.py --records $(AUDIT_RECORDS)

# Headless Chromium for the audit report's browser test (Debian's packages). Another apt-get may
# hold the dpkg lock: retry; if it cannot be installed the browser test says it was skipped.
browser:
	@command -v chromium >/dev/null 2>&1 || for i in 1 2 3 4 5 6; do \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
	    >/dev/null 2>&1 && break; echo "apt-get busy or failed, retrying in 10 s ($$i/6)"; sleep 10; done; true

proto: $(STAMP)
	$(BIN)/python -m service.protogen

# requirements.lock: every runtime dependency pinned with its hashes, for the image.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml

# The production image (needs a Docker engine with BuildKit).
image:
	docker build --build-arg REVISION=$$(git rev-parse --short HEAD) \
	  -t hocr-decision-service:$$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml) .

# deploy/k8s/rules-configmap.yaml from rules/ (generated, not committed); then kubectl apply -f deploy/k8s/
k8s: $(STAMP)
	$(BIN)/python deploy/k8s/rules_configmap.py rules deploy/k8s/rules-configmap.yaml

clean:
	rm -rf $(VENV) build *.egg-info reports mutants

# The engine step alone: one reused session per edition vs a session per decision, in one run.
.PHONY: bench-engine
bench-engine: $(STAMP)
	$(BIN)/python bench/bench_engine.py

# Layout and lint (part of `make test`): rule files as `hocr rules fmt` writes them, yamllint
# (.yamllint), ruff (pyproject.toml); the two YAML checks run side by side (a core each, a few
# seconds). `make fmt` fixes what can be fixed by machine.
lint: $(STAMP)
	$(BIN)/yamllint rules & y=$$!; $(BIN)/hocr rules fmt --check rules; f=$$?; wait $$y; y=$$?; \
	    [ $$f -eq 0 ] && [ $$y -eq 0 ]
	$(BIN)/ruff check service tests

fmt: $(STAMP)
	$(BIN)/hocr rules fmt rules
	$(BIN)/ruff check --fix service tests
