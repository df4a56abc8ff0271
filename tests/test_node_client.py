"""A second language in the suite: the Node.js client (clients/node, @grpc/grpc-js) against a real
server gets the same decisions as the Python CLI, a batch, health, and decodes BadRequest details."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.server import create_server

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "clients" / "node"
EXAMPLES = ROOT / "docs" / "examples"
AS_OF = "2026-06-01T12:00:00Z"


def _cli_decision(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "service.cli", "decide", str(path), "--as-of", AS_OF],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def _summary(d: dict) -> dict:
    def get(obj, snake, camel):
        return obj.get(camel, obj.get(snake))
    return {
        "outcome": str(get(d, "outcome", "outcome")).upper().removeprefix("OUTCOME_"),
        "crimes": [{"classification": c["classification"], "hoCode": get(c, "ho_code", "hoCode"),
                    "victim": c["victim"], "flags": sorted(f["name"] for f in c["flags"])}
                   for c in d["crimes"]],
        "recordBy": get(d, "record_by", "recordBy"),
    }


@pytest.fixture(scope="module")
def node_env(service, tmp_path_factory):
    if shutil.which("node") is None or not (NODE_DIR / "node_modules" / "@grpc" / "grpc-js").is_dir():
        pytest.fail("node and the client's npm packages are needed: `make test` installs them (make node-client)")
    tmp = tmp_path_factory.mktemp("node")
    cases = []
    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name.startswith("invalid"):
            continue
        incident = json.loads(path.read_text(encoding="utf-8"))
        cases.append({"name": path.stem, "incident": incident, "asOf": AS_OF,
                      "expected": _summary(_cli_decision(path))})
    (tmp / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    invalid = json.loads((EXAMPLES / "invalid-unknown-act.json").read_text(encoding="utf-8"))
    (tmp / "invalid.json").write_text(json.dumps({"incident": invalid, "field": "incident.acts[0].type"}),
                                      encoding="utf-8")
    server, port = create_server("127.0.0.1:0", service, workers=2)
    server.start()
    yield {**os.environ, "HOCR_ADDRESS": f"127.0.0.1:{port}", "HOCR_CASES": str(tmp / "cases.json"),
           "HOCR_INVALID": str(tmp / "invalid.json")}, cases
    server.stop(grace=None)


def test_node_client_against_a_real_server(node_env):
    env, cases = node_env
    assert len(cases) >= 3
    run = subprocess.run(["node", "--test", "--test-reporter=spec", "test/"], cwd=NODE_DIR, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    # every case, the batch, health and the invalid payload ran and passed
    counts = dict(re.findall(r"^\S+ (pass|fail) (\d+)$", run.stdout, re.M))
    assert counts == {"pass": str(len(cases) + 3), "fail": "0"}, run.stdout[-2000:]
