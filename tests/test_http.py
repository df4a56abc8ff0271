"""The HTTP/JSON door over real HTTP (uvicorn on a loopback port): the same decisions as the
Python service and gRPC, the protobuf JSON dialect both ways, errors as google.rpc.Status with the
HTTP status of their gRPC code, health and readiness, and an OpenAPI 3.1 document that validates."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import grpc
import pytest
from google.protobuf import json_format
from openapi_spec_validator import validate

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.server import create_server
from service.transport import http, ops
from service.transport.grpc_server import Servicer

from .ports import free_port

pytestmark = pytest.mark.integration
EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
AS_OF = "2026-06-01T12:00:00Z"


@pytest.fixture(scope="module")
def base(service):
    state = {"ready": True}
    app = http.create_app(ops.Operations(Servicer(service)).table(), "test", ready=lambda: state["ready"])
    server, thread, port = http.run(app, "127.0.0.1", 0)
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", state
    server.should_exit = True
    thread.join(timeout=5)


def call(url: str, body=None, method: str | None = None) -> tuple[int, dict]:
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method or ("POST" if data is not None else "GET"),
                                 headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def summary(d: dict) -> dict:
    return {"outcome": d["outcome"], "recordBy": d["recordBy"],
            "crimes": [(c["classification"], c["hoCode"], c["victim"], sorted(f["name"] for f in c.get("flags", [])))
                       for c in d.get("crimes", [])],
            "negations": [(n["act"], n["reasonCode"]) for n in d.get("negations", [])],
            "questions": [q["field"] for q in d.get("questions", [])]}


@pytest.mark.parametrize("example", ["ex-partner-assault", "ex-partner-no-injury", "passer-by-victim-not-traced"])
def test_decide_over_http_is_the_grpc_decision(base, service, example):
    url, _ = base
    incident = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    status, bare = call(f"{url}/v1/decide", incident)  # a bare incident, snake_case names
    assert status == 200, bare
    status, wrapped = call(f"{url}/v1/decide", {"incident": incident, "asOf": AS_OF})
    assert status == 200
    server, port = create_server("127.0.0.1:0", service, workers=2)
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            req = json_format.ParseDict({"incident": incident, "asOf": AS_OF}, pb.DecideRequest())
            via_grpc = json_format.MessageToDict(pb_grpc.DecisionServiceStub(ch).Decide(req, timeout=10).decision)
    finally:
        server.stop(grace=None)
    assert summary(wrapped) == summary(via_grpc) == summary(bare)


def test_the_ex_partner_assault_is_one_8n_with_the_domestic_abuse_flag(base):
    url, _ = base
    incident = json.loads((EXAMPLES / "ex-partner-assault.json").read_text(encoding="utf-8"))
    _, d = call(f"{url}/v1/decide", {"incident": incident})
    assert [(c["classification"], c["hoCode"]) for c in d["crimes"]] == [("8N", "008/06")]
    assert "domestic_abuse" in {f["name"] for f in d["crimes"][0]["flags"]}


def test_invalid_incident_is_400_with_field_violations(base):
    url, _ = base
    incident = json.loads((EXAMPLES / "invalid-unknown-act.json").read_text(encoding="utf-8"))
    status, body = call(f"{url}/v1/decide", {"incident": incident})
    assert status == 400 and body["status"] == "INVALID_ARGUMENT" and body["code"] == 3
    bad = next(d for d in body["details"] if d["@type"].endswith("google.rpc.BadRequest"))
    assert "incident.acts[0].type" in [v["field"] for v in bad["fieldViolations"]]


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", json.dumps({"incident": {"nope": 1}}).encode(),
                                  json.dumps({"incident": {"reportedAt": "yesterday"}}).encode()])
def test_malformed_bodies_are_400_never_500(base, body):
    url, _ = base
    status, reply = call(f"{url}/v1/decide", body)
    assert status == 400 and reply["status"] == "INVALID_ARGUMENT"
    assert "yesterday" not in json.dumps(reply)  # never echo the payload's text


def test_batch_gives_one_result_per_item(base):
    url, _ = base
    good = json.loads((EXAMPLES / "ex-partner-assault.json").read_text(encoding="utf-8"))
    bad = json.loads((EXAMPLES / "invalid-unknown-act.json").read_text(encoding="utf-8"))
    status, body = call(f"{url}/v1/decide:batch", {"requests": [{"incident": good}, {"incident": bad}]})
    assert status == 200
    first, second = body["results"]
    assert first["decision"]["crimes"][0]["classification"] == "8N"
    assert second["error"]["code"] == 3


def test_vocabulary_health_and_readiness(base):
    url, state = base
    status, vocab = call(f"{url}/v1/vocabulary")
    assert status == 200 and any(t["name"] == "use_of_force" for t in vocab["actTypes"])
    assert call(f"{url}/healthz") == (200, {"status": "SERVING"})
    assert call(f"{url}/readyz") == (200, {"status": "SERVING"})
    state["ready"] = False
    try:
        assert call(f"{url}/readyz") == (503, {"status": "NOT_SERVING"})
    finally:
        state["ready"] = True


def test_openapi_document_is_valid_openapi_3_1_and_covers_the_doors(base):
    url, _ = base
    status, spec = call(f"{url}/openapi.json")
    assert status == 200 and spec["openapi"] == "3.1.0"
    validate(spec)
    assert {"/v1/decide", "/v1/decide:batch", "/v1/review", "/v1/vocabulary", "/healthz", "/readyz"} <= set(spec["paths"])
    decision = spec["components"]["schemas"]["hocr.v1.Decision"]
    assert "recordBy" in decision["properties"]  # the JSON mapping's names, from the proto
    assert spec["components"]["schemas"]["hocr.v1.Outcome"]["enum"]


def test_every_violation_of_a_body_is_reported_at_once(base):
    url, _ = base
    body = {"incident": {"id": 7, "reportedAt": "not a time", "acts": [{"tpye": "use_of_force"}]}}
    status, reply = call(f"{url}/v1/decide", body)
    assert status == 400
    bad = next(d for d in reply["details"] if d["@type"].endswith("google.rpc.BadRequest"))
    fields = {v["field"]: v["description"] for v in bad["fieldViolations"]}
    assert set(fields) == {"incident.id", "incident.reported_at", "incident.acts[0].tpye"}
    assert "did you mean 'type'" in fields["incident.acts[0].tpye"]
    assert "not a time" not in json.dumps(reply)


def test_hocr_serve_runs_the_http_door_and_a_plaintext_health_port(tmp_path):
    """`hocr serve --http-port P --health-port H`: the door answers as gRPC does, the health port
    answers probes, and a bearer token is needed when the server has a credentials file."""
    import subprocess
    import sys

    from grpc_health.v1 import health_pb2, health_pb2_grpc

    from service.transport.identity import digest

    grpc_port, health_port, http_port = free_port(), free_port(), free_port()
    tokens = tmp_path / "tokens"
    tokens.write_text(f"token {digest('s3cret')} desk-app officer\n", encoding="utf-8")
    err = open(tmp_path / "err.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--insecure", "--processes", "1",
                             "--port", str(grpc_port), "--health-port", str(health_port), "--http-port",
                             str(http_port), "--auth-tokens", str(tokens), "--drain-seconds", "0"],
                            stdout=subprocess.DEVNULL, stderr=err)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{health_port}") as ch:
            grpc.channel_ready_future(ch).result(timeout=60)
            reply = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(service="hocr.v1.DecisionService"),
                                                        timeout=5)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
        incident = json.loads((EXAMPLES / "ex-partner-assault.json").read_text(encoding="utf-8"))
        url = f"http://127.0.0.1:{http_port}/v1/decide"
        for _ in range(100):
            try:
                status, body = call(url, {"incident": incident})
                break
            except urllib.error.URLError:
                time.sleep(0.1)
        assert status == 401 and body["status"] == "UNAUTHENTICATED"
        req = urllib.request.Request(url, data=json.dumps({"incident": incident}).encode(), method="POST",
                                     headers={"authorization": "Bearer s3cret", "content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            d = json.loads(resp.read())
        assert [(c["classification"], c["hoCode"]) for c in d["crimes"]] == [("8N", "008/06")]
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        err.close()


def test_done_when_curl_the_cli_and_grpc_give_the_same_decision(base, service):
    """Issue 15's "done when": `curl -s localhost:P/v1/decide -d @docs/examples/ex-partner-assault.json`,
    `hocr decide` on the same file and gRPC Decide give the same decision: the same JSON, but for the
    fields each call has of its own (decision id, decided-at)."""
    import subprocess
    import sys

    url, _ = base
    path = EXAMPLES / "ex-partner-assault.json"
    raw = path.read_bytes()
    req = urllib.request.Request(f"{url}/v1/decide", data=raw, method="POST",  # what curl -d @FILE sends
                                 headers={"content-type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        via_http = json.loads(resp.read())
    cli = subprocess.run([sys.executable, "-m", "service.cli", "decide", str(path)], capture_output=True, text=True,
                         cwd=EXAMPLES.parent.parent, check=True)
    via_cli = json.loads(cli.stdout)
    server, port = create_server("127.0.0.1:0", service, workers=2)
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            msg = json_format.ParseDict({"incident": json.loads(raw)}, pb.DecideRequest())
            via_grpc = json_format.MessageToDict(pb_grpc.DecisionServiceStub(ch).Decide(msg, timeout=10).decision)
    finally:
        server.stop(grace=None)

    def same(d: dict) -> dict:
        return {k: v for k, v in d.items() if k not in ("decisionId", "decidedAt")}
    assert same(via_http) == same(via_cli) == same(via_grpc)
    assert via_cli["crimes"][0]["classification"] == "8N" and via_cli["requestDigest"]
    assert via_http["decisionId"] != via_cli["decisionId"] != via_grpc["decisionId"]


def test_cli_vocabulary_json_is_the_http_doors(base):
    from .test_cli import hocr_in  # in this process: test_cli.py runs `hocr vocabulary` as a process

    url, _ = base
    _, via_http = call(f"{url}/v1/vocabulary")
    cli = hocr_in("vocabulary", "--format", "json")
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout) == via_http and via_http["actTypes"]


def test_replies_on_a_kept_alive_connection_are_not_held_back(service):
    """The door's connections have TCP_NODELAY: without it, a reply on a kept-alive connection
    (what HTTP client libraries use) waited for the client's delayed ACK, about 40 ms a call."""
    import socket
    from http.client import HTTPConnection

    app = http.create_app(ops.Operations(Servicer(service)).table(), "test", ready=lambda: True)
    server, thread, port = http.run(app, "127.0.0.1", 0)
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.02)
        body = (EXAMPLES / "ex-partner-assault.json").read_bytes()
        conn = HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(2):  # the same connection twice
            conn.request("POST", "/v1/decide", body, {"content-type": "application/json"})
            reply = conn.getresponse()
            assert reply.status == 200 and json.loads(reply.read())["outcome"] == "OUTCOME_RECORD_CRIME"
        (served,) = server.server_state.connections
        sock = served.transport.get_extra_info("socket")
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        conn.close()
    finally:
        server.should_exit = True
        thread.join(timeout=5)
