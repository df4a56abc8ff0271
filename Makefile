# The README's commands. Every target builds and uses its own virtual environment (.venv), so a
# fresh clone needs only Python 3.11/3.12 with venv, and gcc with the Python headers (durable-rules
# compiles C at install time).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 50051
COVERAGE_MIN ?= 100

.PHONY: serve test feature bench check proto clean lock image k8s node-client

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# The Node.js client (clients/node) that the suite runs against a real server: node and npm from
# Debian's packages when the machine has none, the client's packages from its lock file.
NODE_STAMP := clients/node/node_modules/.installed
$(NODE_STAMP): clients/node/package.json clients/node/package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	cd clients/node && npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

node-client: $(NODE_STAMP)

serve: $(STAMP)
	$(BIN)/hocr serve --port $(PORT)

# The whole suite: rules compile; every scenario and test (also writing reports/cucumber.json and
# reports/rule-coverage.json); every rule and classification exercised by a scenario; HTML report.
test: $(STAMP) $(NODE_STAMP)
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
	rm -rf $(VENV) build *.egg-info reports
