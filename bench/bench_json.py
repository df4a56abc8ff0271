"""The JSON doors (the HTTP door and ``hocr decide``): the protobuf JSON mapping both ways, and the
HTTP door served, each against a baseline measured in the same run.

    .venv/bin/python bench/bench_json.py [--incidents 1000] [--rounds 5] [--calls 400]

1. In this process, over the decisions of ``--incidents`` first-seen incidents (the audit
   demonstration's templates with their acts' attributes redrawn, as bench_scale.py makes them):
   json_format.MessageToJson against service/transport/jsonout.py, and json_format.ParseDict
   against service/transport/jsonin.py for their requests. The two are timed in turn, ``--rounds``
   times; the medians and their ratio are printed, and the texts and messages are checked equal.
2. A real ``hocr serve --http-port`` process (one process), one kept-alive connection with
   TCP_NODELAY: GET /healthz (the no-op baseline), POST /v1/decide of one incident, and POST
   /v1/decide:batch of 100 incidents of the same shapes; p50 latencies, and each against /healthz.

It asserts nothing about time; the figures depend on what else runs on the machine."""
from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_scale as bs  # noqa: E402
from google.protobuf import json_format  # noqa: E402

from service.api import DecisionService  # noqa: E402
from service.gen.hocr.v1 import hocr_pb2 as pb  # noqa: E402
from service.transport.mapping import decision_to_proto  # noqa: E402
from service.transport import jsonin, jsonout  # noqa: E402


def _timed(fn, items) -> float:
    t = time.perf_counter()
    for x in items:
        fn(x)
    return (time.perf_counter() - t) / len(items) * 1e6


def in_process(pool: list[dict], rounds: int) -> dict:
    service = DecisionService()
    decisions = [decision_to_proto(service.decide(inc, as_of=bs.bg.AS_OF)) for inc in pool]
    requests = [json_format.MessageToDict(pb.DecideRequest(incident=json_format.ParseDict(inc, pb.Incident())))
                for inc in pool]
    assert all(jsonout.to_json(d) == json_format.MessageToJson(d, indent=None, ensure_ascii=False) for d in decisions)
    assert all(jsonin.build(r, pb.DecideRequest) == json_format.ParseDict(r, pb.DecideRequest()) for r in requests)
    out = {"decisions": len(decisions), "mean_decision_bytes": statistics.mean(d.ByteSize() for d in decisions)}
    for name, old, new, items in (
            ("write", lambda d: json_format.MessageToJson(d, indent=None, ensure_ascii=False), jsonout.to_json, decisions),
            ("read", lambda r: json_format.ParseDict(r, pb.DecideRequest()),
             lambda r: jsonin.build(r, pb.DecideRequest), requests)):
        a, b = [], []
        for _ in range(rounds):  # in turn, so both see the machine as it is at the time
            a.append(_timed(old, items))
            b.append(_timed(new, items))
        out[name] = {"json_format_us": statistics.median(a), "planned_us": statistics.median(b),
                     "ratio": statistics.median(a) / statistics.median(b)}
    return out


def _connect(port: int) -> http.client.HTTPConnection:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def _p50(conn, method: str, path: str, body: bytes | None, calls: int) -> float:
    headers = {"content-type": "application/json"} if body is not None else {}
    lat = []
    for i in range(calls + 10):
        t = time.perf_counter()
        conn.request(method, path, body, headers)
        reply = conn.getresponse()
        reply.read()
        if reply.status != 200:
            raise RuntimeError(f"{path} answered {reply.status}")
        if i >= 10:  # the first ten warm the path
            lat.append(time.perf_counter() - t)
    return statistics.median(lat) * 1e3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served(pool: list[dict], calls: int) -> dict:
    grpc_port, http_port = _free_port(), _free_port()
    hocr = Path(sys.executable).with_name("hocr")
    proc = subprocess.Popen([str(hocr), "serve", "--insecure", "--port", str(grpc_port), "--http-port", str(http_port),
                             "--processes", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        end = time.monotonic() + 60
        while True:
            try:
                conn = _connect(http_port)
                conn.request("GET", "/readyz")
                ready = conn.getresponse()
                ready.read()
                if ready.status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > end:
                raise RuntimeError("the HTTP door did not become ready")
            time.sleep(0.1)
        one = json.dumps(pool[0]).encode()
        batch = json.dumps({"requests": [{"incident": inc} for inc in pool[:100]]}).encode()
        conn = _connect(http_port)
        health = _p50(conn, "GET", "/healthz", None, calls)
        decide = _p50(conn, "POST", "/v1/decide", one, calls)
        batched = _p50(conn, "POST", "/v1/decide:batch", batch, max(20, calls // 20))
        return {"healthz_p50_ms": health, "decide_p50_ms": decide, "decide_vs_healthz": decide / health,
                "batch_100_p50_ms": batched, "batch_records_per_s": 100 / batched * 1e3}
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incidents", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--calls", type=int, default=400)
    ap.add_argument("--json", action="store_true", help="one JSON object with every figure")
    args = ap.parse_args()
    pool = bs.varied_incidents(args.incidents)
    res = {"in_process": in_process(pool, args.rounds), "http": served(pool, args.calls)}
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    p, h = res["in_process"], res["http"]
    print(f"{p['decisions']} first-seen decisions (mean {p['mean_decision_bytes']:.0f} bytes), "
          f"median of {args.rounds} rounds in turn:")
    for name, what in (("write", "decision -> JSON"), ("read", "JSON -> DecideRequest")):
        r = p[name]
        print(f"  {what}: json_format {r['json_format_us']:.0f} µs, planned {r['planned_us']:.0f} µs, x{r['ratio']:.1f}")
    print(f"HTTP door, one process, one kept-alive connection: GET /healthz p50 {h['healthz_p50_ms']:.2f} ms, "
          f"POST /v1/decide p50 {h['decide_p50_ms']:.2f} ms (x{h['decide_vs_healthz']:.1f} /healthz), "
          f"POST /v1/decide:batch of 100 p50 {h['batch_100_p50_ms']:.1f} ms ({h['batch_records_per_s']:.0f} records/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
