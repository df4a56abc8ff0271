# The README's commands. Every target builds and uses its own virtual environment (.venv), so a
# fresh clone needs only Python 3.11/3.12 with venv, and gcc with the Python headers (durable-rules
# compiles C at install time).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 50051

.PHONY: serve test bench check proto clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/hocr serve --port $(PORT)

test: $(STAMP)
	$(BIN)/hocr rules check
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/hocr rules check

bench: $(STAMP)
	$(BIN)/python bench/bench_grpc.py

proto: $(STAMP)
	$(BIN)/python -m service.protogen

clean:
	rm -rf $(VENV) build *.egg-info reports
