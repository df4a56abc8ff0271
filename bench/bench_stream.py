"""DecideStream against a real `hocr serve` process: throughput, message sizes, and the server's
memory as the stream goes on (it must stay flat: the server holds one incident at a time).

Run with ``make bench-stream`` (or ``.venv/bin/python bench/bench_stream.py --incidents 20000``).
It starts ``hocr serve --insecure --processes 1`` on a free loopback port, streams N incidents
(the docs/examples incidents in turn, each with its own id and report time, so that no two are the
same request) through one DecideStream, reads the server's resident memory (VmRSS) every N/10
results, and compares with DecideBatch for the first 500 of them. Nothing here asserts anything:
the figures are for reading (docs/benchmarks.md).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import grpc  # noqa: E402
from google.protobuf import json_format  # noqa: E402

from service.gen.hocr.v1 import hocr_pb2 as pb  # noqa: E402
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc  # noqa: E402

EXAMPLES = ROOT / "docs" / "examples"


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


def _incidents(n: int):
    base = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))
            if not p.name.startswith("invalid")]
    start = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
    for i in range(n):
        inc = {**base[i % len(base)], "id": f"S-{i}",
               "reported_at": (start + dt.timedelta(seconds=i)).isoformat().replace("+00:00", "Z")}
        yield json_format.ParseDict({"incident": inc}, pb.DecideRequest())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=20_000)
    args = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    hocr = Path(sys.executable).with_name("hocr")
    err = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen([str(hocr), "serve", "--insecure", "--port", str(port), "--processes", "1",
                               "--drain-seconds", "0"], stdout=subprocess.DEVNULL, stderr=err)
    try:
        ch = grpc.insecure_channel(f"127.0.0.1:{port}")
        grpc.channel_ready_future(ch).result(timeout=120)
        stub = pb_grpc.DecisionServiceStub(ch)
        raw = ch.stream_stream("/hocr.v1.DecisionService/DecideStream")
        first = list(_incidents(500))
        t = time.perf_counter()
        batch = stub.DecideBatch(pb.DecideBatchRequest(requests=first), timeout=300)
        bt = time.perf_counter() - t
        decided = sum(r.HasField("decision") for r in batch.results)
        print(f"DecideBatch, 500 incidents: {bt:.2f} s, reply {batch.ByteSize() / 1e6:.2f} MB, "
              f"{decided} decided, {500 - decided} not (the reply's 4 MiB limit)")
        n, step = args.incidents, max(1, args.incidents // 10)
        print(f"DecideStream, {n} incidents (server pid {server.pid}):")
        print(f"{'results':>9} {'seconds':>8} {'per s':>7} {'largest msg':>12} {'server RSS MB':>14}")
        print(f"{0:>9} {0:>8.1f} {'':>7} {'':>12} {_rss_kb(server.pid) / 1024:>14.1f}")
        t, largest = time.perf_counter(), 0
        requests = (pb.DecideStreamRequest(request=r).SerializeToString() for r in _incidents(n))
        for i, data in enumerate(raw(requests, timeout=3600), 1):
            largest = max(largest, len(data))
            if i % step == 0 or i == n:
                el = time.perf_counter() - t
                print(f"{i:>9} {el:>8.1f} {i / el:>7.0f} {largest:>12} {_rss_kb(server.pid) / 1024:>14.1f}")
        ch.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
