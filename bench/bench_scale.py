"""Issue 11 §5: calls in flight, server processes, first-seen vs repeated shapes, RSS, start-up.

``make bench`` runs this after ``bench_grpc.py``; ``--json`` prints one JSON object with every
figure (ratios against Echo measured in the same run). Quick by default (well under 2 minutes);
``--full`` runs longer. Loopback only; nothing here asserts a timing.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_grpc as bg  # noqa: E402
import grpc  # noqa: E402
from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402

pb, pb_grpc = bg.pb, bg.pb_grpc
INJ = ("none", "minor", "serious")
FLAGS = ("strangulation_or_suffocation", "intent_serious_harm", "racially_or_religiously_aggravated", "threat_only")


def shaped_incident(k: int, iid: str) -> pb.Incident:
    """Incident number k of a sequence of distinct shapes (act count, injuries, flags vary)."""
    inc = bg.simple_incident(iid)
    del inc.acts[:]
    n_acts = 1 + k % 3
    combos = list(itertools.product(INJ, range(len(FLAGS) + 1)))
    for a in range(n_acts):
        inj, flag = combos[(k // 3 + a * 7) % len(combos)]
        attrs = {"injury": inj}
        if flag < len(FLAGS):
            attrs[FLAGS[flag]] = "yes"
        if (k // 45) % 2:
            attrs["threat_only"] = "yes"
        inc.acts.append(pb.Act(id=f"a{a + 1}", type="use_of_force", by=["S"], against="V", attributes=attrs))
    return inc


def concurrent(call, threads: int, seconds: float, max_calls: int) -> dict:
    lat: list[float] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker():
        while time.perf_counter() < stop:
            t = time.perf_counter()
            call()
            d = time.perf_counter() - t
            with lock:
                lat.append(d)
                if len(lat) >= max_calls:
                    return
    t0 = time.perf_counter()
    ws = [threading.Thread(target=worker) for _ in range(threads)]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    wall = time.perf_counter() - t0
    lat.sort()
    return {"in_flight": threads, "calls": len(lat), "calls_per_s": len(lat) / wall,
            "p50_ms": statistics.median(lat) * 1e3, "p99_ms": lat[int(0.99 * (len(lat) - 1))] * 1e3}


def rss_kb(pid: int) -> int:
    """RSS of pid and its children (the --processes workers), from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for t in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (t / "children").read_text().split()]
        except OSError:
            pass
    return total


def serve(processes: int, port: int):
    t0 = time.perf_counter()
    hocr = str(Path(sys.executable).with_name("hocr"))
    proc = subprocess.Popen([hocr, "serve", "--insecure", "--processes", str(processes), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=str(bg.ROOT))
    ch = grpc.insecure_channel(f"127.0.0.1:{port}")
    stub = health_pb2_grpc.HealthStub(ch)
    while True:
        if proc.poll() is not None or time.perf_counter() - t0 > 60:
            raise RuntimeError("hocr serve did not reach SERVING")
        try:
            r = stub.Check(health_pb2.HealthCheckRequest(service="hocr.v1.DecisionService"), timeout=0.5)
            if r.status == health_pb2.HealthCheckResponse.SERVING:
                break
        except grpc.RpcError:
            time.sleep(0.02)
    ch.close()
    return proc, time.perf_counter() - t0


def batch_throughput(port: int, reqs: list, clients: int) -> dict:
    """records/s with `clients` channels (separate connections, spread over SO_REUSEPORT workers)."""
    it = iter(reqs)
    lock = threading.Lock()
    done = [0, 0]

    def worker():
        ch = grpc.insecure_channel(f"127.0.0.1:{port}", options=bg.CHANNEL_OPTIONS)
        stub = pb_grpc.DecisionServiceStub(ch)
        while True:
            with lock:
                req = next(it, None)
            if req is None:
                break
            resp = stub.DecideBatch(req, timeout=300)
            with lock:
                done[0] += len(resp.results)
                done[1] += sum(1 for r in resp.results if r.WhichOneof("result") != "decision")
        ch.close()
    t0 = time.perf_counter()
    ws = [threading.Thread(target=worker) for _ in range(clients)]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    wall = time.perf_counter() - t0
    return {"records": done[0], "errors": done[1], "seconds": wall, "records_per_s": done[0] / wall}


def batches(n: int, size: int, shaped: bool, tag: str) -> list:
    out = []
    for b in range(n):
        reqs = []
        for i in range(size):
            k = b * size + i
            inc = shaped_incident(k, f"{tag}-{k}") if shaped else bg.simple_incident(f"{tag}-{k}")
            reqs.append(bg.decide_request(inc))
        out.append(pb.DecideBatchRequest(requests=reqs))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print one JSON object with every figure")
    ap.add_argument("--full", action="store_true", help="longer runs (several minutes)")
    ap.add_argument("--port", type=int, default=50651)
    a = ap.parse_args(argv)
    sec = 6.0 if a.full else 2.0
    nbatch, size = (40, 100) if a.full else (8, 100)
    rss_n = 100_000 if a.full else 5_000
    out: dict = {"load_average_start": os.getloadavg(), "cpus": os.cpu_count(), "full": a.full}
    log = (lambda *x: print(*x, file=sys.stderr)) if a.json else print

    # 1. Echo vs Decide at 1, 4, 16 in flight, same server (bench_grpc's child server), same run.
    server = bg.ServerHandle(4, False)
    try:
        ch = grpc.insecure_channel(f"127.0.0.1:{server.port}", options=bg.CHANNEL_OPTIONS)
        grpc.channel_ready_future(ch).result(timeout=15)
        stub = pb_grpc.DecisionServiceStub(ch)
        echo = ch.unary_unary(bg.ECHO_METHOD)
        sreq, lreq = bg.decide_request(bg.simple_incident()), bg.decide_request(bg.large_incident())
        payload = b"\x5a" * sreq.ByteSize()
        for _ in range(50):
            stub.Decide(sreq), stub.Decide(lreq), echo(payload)
        conc = []
        for n in (1, 4, 16):
            row = {"in_flight": n}
            for name, call in (("echo", lambda: echo(payload, timeout=30)),
                               ("decide_simple", lambda: stub.Decide(sreq, timeout=30)),
                               ("decide_large", lambda: stub.Decide(lreq, timeout=30))):
                row[name] = concurrent(call, n, sec, 10**6)
            e = row["echo"]
            for name in ("decide_simple", "decide_large"):
                row[f"{name}_vs_echo"] = {"p50": row[name]["p50_ms"] / e["p50_ms"],
                                          "p99": row[name]["p99_ms"] / e["p99_ms"],
                                          "throughput": row[name]["calls_per_s"] / e["calls_per_s"]}
            conc.append(row)
            log(f"in flight {n:>2}: echo p50 {e['p50_ms']:.3f} ms; simple x{row['decide_simple_vs_echo']['p50']:.2f} "
                f"p50 x{row['decide_simple_vs_echo']['p99']:.2f} p99; large x{row['decide_large_vs_echo']['p50']:.2f} "
                f"p50 x{row['decide_large_vs_echo']['p99']:.2f} p99")
        out["in_flight"] = conc
        ch.close()
    finally:
        server.stop()

    # 2. hocr serve --processes 1 and 2: start-up, first-seen vs repeated shapes, RSS.
    procs = {}
    for n in (1, 2):
        proc, startup = serve(n, a.port + n)
        try:
            port = a.port + n
            first = batch_throughput(port, batches(nbatch, size, True, f"F{n}"), 2 * n)   # fresh server: misses
            again = batch_throughput(port, batches(nbatch, size, True, f"G{n}"), 2 * n)   # same shapes again: hits
            rep = batch_throughput(port, batches(nbatch, size, False, f"R{n}"), 2 * n)     # one shape throughout
            r = {"startup_to_serving_s": startup, "first_seen": first, "repeated_shapes_again": again,
                 "repeated_one_shape": rep}
            if n == 1:
                before = rss_kb(proc.pid)
                mixed = batches(rss_n // size, size, True, "M")
                for k, b in enumerate(mixed):
                    if k % 2:
                        b = batches(1, size, False, f"MR{k}")[0]
                    batch_throughput(port, [b], 1)
                after = rss_kb(proc.pid)
                r["rss"] = {"decisions": rss_n, "before_kb": before, "after_kb": after,
                            "growth_pct": 100.0 * (after - before) / before}
            procs[n] = r
            log(f"--processes {n}: SERVING after {startup:.2f} s; DecideBatch records/s first-seen "
                f"{first['records_per_s']:.0f}, same shapes again {again['records_per_s']:.0f}, one shape "
                f"{rep['records_per_s']:.0f}" + (f"; RSS {r['rss']['before_kb']} -> {r['rss']['after_kb']} kB "
                                                  f"over {rss_n} ({r['rss']['growth_pct']:+.1f}%)" if n == 1 else ""))
        finally:
            proc.terminate()
            proc.wait(30)
    out["processes"] = {str(k): v for k, v in procs.items()}
    out["processes_2_vs_1"] = {k: procs[2][k]["records_per_s"] / procs[1][k]["records_per_s"]
                               for k in ("first_seen", "repeated_shapes_again", "repeated_one_shape")}
    log("2 processes / 1: " + ", ".join(f"{k} x{v:.2f}" for k, v in out["processes_2_vs_1"].items()))
    out["load_average_end"] = os.getloadavg()
    if a.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
