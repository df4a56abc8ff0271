"""Benchmark the decision service through a real gRPC server, against a no-op Echo baseline.

Run with ``make bench`` (or ``.venv/bin/python bench/bench_grpc.py``). It:

* starts a real server built by ``service.server.create_server`` on 127.0.0.1 port 0 (in a child
  process by default, so client and server do not share one GIL; ``--same-process`` keeps it in
  this process), with a no-op unary ``/hocr.bench.Echo/Echo`` method (raw bytes in and out)
  registered on that same server through ``extra_handlers``;
* measures from the client, one call in flight, after a warm-up: Decide (a simple 1-act incident
  and a 10-act, 3-victim, 2-offender incident), Echo with a payload the size of the simple Decide
  request, and DecideBatch with 100 and 500 incidents per batch;
* measures ``DecisionService.decide`` in this process (no gRPC) and its stages, to show where
  the time goes;
* prints plain-text tables and ratios, then stops the server.

Nothing here asserts a timing: the figures are for reading, not a test. Only loopback addresses
are used and every loop is bounded by a call count and a time budget.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import grpc  # noqa: E402
from google.protobuf.timestamp_pb2 import Timestamp  # noqa: E402

from service.gen.hocr.v1 import hocr_pb2 as pb  # noqa: E402
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc  # noqa: E402

ECHO_SERVICE = "hocr.bench.Echo"
ECHO_METHOD = f"/{ECHO_SERVICE}/Echo"
AS_OF = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)  # fixed, so every run decides the same
CHANNEL_OPTIONS = [("grpc.max_receive_message_length", 16 * 1024 * 1024),
                   ("grpc.max_send_message_length", 16 * 1024 * 1024)]

# ---------------------------------------------------------------------------------------- incidents


def _ts(text: str) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    return ts


def simple_incident(incident_id: str = "INC-1") -> pb.Incident:
    """An adult woman punched by her ex-partner, minor injury (the example in the README)."""
    return pb.Incident(
        id=incident_id,
        reported_at=_ts("2026-06-01T10:00:00Z"),
        reporter=pb.Reporter(role="victim", person="V", channel="phone_999"),
        persons=[pb.Person(id="V", age=34, sex="female"), pb.Person(id="S", age=36, sex="male")],
        relationships=[pb.Relationship(a="S", b="V", kind="ex_partner")],
        acts=[pb.Act(id="a1", type="use_of_force", by=["S"], against="V", attributes={"injury": "minor"})],
    )


def large_incident(incident_id: str = "INC-L1") -> pb.Incident:
    """3 victims, 2 offenders, 10 acts with different injuries; a third-party report, all confirmed."""
    confirmed = {"confirmation": "confirmed"}
    acts = [
        ("a1", ["S1"], "V1", {"injury": "minor"}),
        ("a2", ["S1"], "V1", {"injury": "none"}),
        ("a3", ["S1"], "V1", {"injury": "none", "strangulation_or_suffocation": "yes"}),
        ("a4", ["S2"], "V2", {"injury": "serious"}),
        ("a5", ["S2"], "V2", {"injury": "minor", "intent_serious_harm": "yes"}),
        ("a6", ["S1", "S2"], "V3", {"injury": "none"}),
        ("a7", ["S2"], "V3", {"injury": "minor", "racially_or_religiously_aggravated": "yes"}),
        ("a8", ["S1"], "V2", {"injury": "none", "threat_only": "yes"}),
        ("a9", ["S1"], "V1", {"injury": "serious"}),
        ("a10", ["S2"], "V3", {"injury": "serious", "intent_serious_harm": "yes"}),
    ]
    return pb.Incident(
        id=incident_id,
        reported_at=_ts("2026-06-01T10:00:00Z"),
        reporter=pb.Reporter(role="third_party", channel="phone_999"),
        location=pb.Location(force_area="Metropolitan", place="public_place", country="England"),
        persons=[pb.Person(id="V1", age=34, sex="female", attributes=confirmed),
                 pb.Person(id="V2", age=22, sex="male", attributes=confirmed),
                 pb.Person(id="V3", age=19, sex="female", attributes=confirmed),
                 pb.Person(id="S1", age=36, sex="male"),
                 pb.Person(id="S2", age=28, sex="male")],
        relationships=[pb.Relationship(a="S1", b="V1", kind="ex_partner"),
                       pb.Relationship(a="S2", b="V2", kind="stranger"),
                       pb.Relationship(a="S1", b="V3", kind="acquaintance"),
                       pb.Relationship(a="S1", b="V2", kind="stranger"),
                       pb.Relationship(a="S2", b="V3", kind="stranger")],
        acts=[pb.Act(id=i, type="use_of_force", by=by, against=v, attributes=attrs,
                     occurred_at=_ts(f"2026-06-01T09:{10 + n:02d}:00Z"))
              for n, (i, by, v, attrs) in enumerate(acts)],
    )


def decide_request(incident: pb.Incident) -> pb.DecideRequest:
    req = pb.DecideRequest(incident=incident)
    req.as_of.FromDatetime(AS_OF)
    return req


def batch_request(size: int, tag: str) -> pb.DecideBatchRequest:
    return pb.DecideBatchRequest(requests=[decide_request(simple_incident(f"INC-B{tag}-{i:04d}"))
                                           for i in range(size)])

# ---------------------------------------------------------------------------------------- server


def echo_handler() -> grpc.GenericRpcHandler:
    # No serializers: grpcio hands the raw request bytes in and sends the returned bytes out.
    return grpc.method_handlers_generic_handler(ECHO_SERVICE, {
        "Echo": grpc.unary_unary_rpc_method_handler(lambda request, context: request)})


def build_server(workers: int):
    from service.api import DecisionService
    from service.server import create_server

    return create_server("127.0.0.1:0", DecisionService(), workers, extra_handlers=[echo_handler()])


def child_main(workers: int) -> int:
    """Server side when run in a child process: print the port, serve until stdin closes."""
    server, port = build_server(workers)
    server.start()
    print(f"PORT {port}", flush=True)
    try:
        sys.stdin.read()  # the parent closes our stdin to stop us
    finally:
        server.stop(grace=1).wait(5)
    return 0


class ServerHandle:
    def __init__(self, workers: int, same_process: bool):
        self.same_process = same_process
        self.proc: subprocess.Popen | None = None
        self.server = None
        if same_process:
            self.server, self.port = build_server(workers)
            self.server.start()
            self.pid = os.getpid()
        else:
            self.proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--serve-child", "--workers", str(workers)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
            line = self.proc.stdout.readline() if self.proc.stdout else ""
            if not line.startswith("PORT "):
                self.stop()
                raise RuntimeError(f"benchmark server did not start (said {line!r})")
            self.port = int(line.split()[1])
            self.pid = self.proc.pid

    def cpu_seconds(self) -> float | None:
        """User+system CPU of the server process so far (child mode only, Linux /proc)."""
        if self.same_process:
            return None
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop(grace=1).wait(5)
            self.server = None
        if self.proc is not None:
            try:
                if self.proc.stdin:
                    self.proc.stdin.close()
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
            self.proc = None

# ---------------------------------------------------------------------------------------- measuring


def pct(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, math.ceil(q * len(sorted_values)) - 1))
    return sorted_values[k]


class Result:
    def __init__(self, name: str, latencies_s: list[float], elapsed_s: float, units_per_call: int = 1,
                 server_cpu_s: float | None = None, client_cpu_s: float | None = None,
                 req_bytes: int = 0, resp_bytes: int = 0):
        self.name = name
        self.lat = sorted(latencies_s)
        self.n = len(latencies_s)
        self.elapsed = elapsed_s
        self.units = units_per_call
        self.server_cpu = server_cpu_s
        self.client_cpu = client_cpu_s
        self.req_bytes = req_bytes
        self.resp_bytes = resp_bytes

    @property
    def p50_ms(self) -> float:
        return pct(self.lat, 0.50) * 1e3

    @property
    def p99_ms(self) -> float:
        return pct(self.lat, 0.99) * 1e3

    @property
    def calls_per_s(self) -> float:
        return self.n / self.elapsed if self.elapsed > 0 else float("nan")

    @property
    def units_per_s(self) -> float:
        return self.n * self.units / self.elapsed if self.elapsed > 0 else float("nan")

    def cpu_us_per_unit(self, cpu: float | None) -> str:
        if cpu is None or self.n == 0:
            return "-"
        return f"{cpu / (self.n * self.units) * 1e6:.0f}"


def run_calls(name: str, call: Callable[[], object], *, warmup: int, max_calls: int, seconds: float,
              server: ServerHandle, units: int = 1, req_bytes: int = 0, resp_bytes: int = 0) -> Result:
    """One call in flight: warm up, then time each call until max_calls or the time budget."""
    for _ in range(warmup):
        call()
    lat: list[float] = []
    srv0, cli0 = server.cpu_seconds(), time.process_time()
    start = time.perf_counter()
    deadline = start + seconds
    while len(lat) < max_calls:
        t0 = time.perf_counter()
        call()
        t1 = time.perf_counter()
        lat.append(t1 - t0)
        if t1 >= deadline:
            break
    elapsed = time.perf_counter() - start
    srv1, cli1 = server.cpu_seconds(), time.process_time()
    server_cpu = (srv1 - srv0) if srv0 is not None and srv1 is not None else None
    client_cpu = None if server.same_process else cli1 - cli0
    return Result(name, lat, elapsed, units, server_cpu, client_cpu, req_bytes, resp_bytes)


def time_stage(fn: Callable[[object], object], setup: Callable[[], object], *, max_calls: int,
               seconds: float, warmup: int = 20) -> tuple[float, float, int]:
    """Median and p99 (µs) of fn(setup()) with setup outside the timed region."""
    for _ in range(warmup):
        fn(setup())
    lat: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(lat) < max_calls:
        arg = setup()
        t0 = time.perf_counter()
        fn(arg)
        t1 = time.perf_counter()
        lat.append(t1 - t0)
        if t1 >= deadline:
            break
    lat.sort()
    return statistics.median(lat) * 1e6, pct(lat, 0.99) * 1e6, len(lat)

# ---------------------------------------------------------------------------------------- in-process


def in_process(args) -> list[tuple[str, list[tuple[str, float, float, int]]]]:
    """DecisionService.decide and its stages, no gRPC. Returns [(incident name, [(stage, med, p99, n)])]."""
    from service import decision as decision_mod
    from service.api import DecisionService
    from service.contract.incident import check_incident, parse_incident
    from service.transport.mapping import decision_to_proto, incident_to_dict
    from service.engine.runtime import engine_of
    from service.transport.grpc_server import Servicer

    service = DecisionService()
    kept, full = Servicer(service), Servicer(service, memo_entries=0)
    budget = max(0.2, min(1.0, args.seconds / 4))
    cap = args.requests
    out = []
    for name, inc in (("simple (1 act)", simple_incident()), ("large (10 acts)", large_incident())):
        raw = incident_to_dict(inc)
        parsed = parse_incident(raw)
        edition = service.edition_for(parsed.reported_at)
        checked = check_incident(parse_incident(raw), edition)
        facts = decision_mod.build_facts(checked, edition)
        engine = engine_of(edition)
        decision = decision_mod.decide(checked, edition, AS_OF)
        proto = decision_to_proto(decision)
        wire = pb.DecideRequest(incident=inc).SerializeToString()
        stages = [
            ("request bytes -> proto (FromString)", lambda a: pb.DecideRequest.FromString(a), lambda: wire),
            ("proto -> dict (incident_to_dict)", incident_to_dict, lambda: inc),
            ("parse_incident (pydantic)", lambda r: parse_incident(r), lambda: raw),
            ("check_incident (vocabulary)", lambda p: check_incident(p, edition), lambda: parse_incident(raw)),
            ("build_facts", lambda c: decision_mod.build_facts(c, edition), lambda: checked),
            ("engine.run (durable-rules)", lambda f: engine.run(f), lambda: [dict(x) for x in facts]),
            ("decision.decide (facts+engine+assembly)", lambda c: decision_mod.decide(c, edition, AS_OF),
             lambda: checked),
            ("decision_to_proto", decision_to_proto, lambda: decision),
            ("response proto -> bytes (Serialize)", lambda m: m.SerializeToString(), lambda: proto),
            ("DecisionService.decide (whole)", lambda r: service.decide(r, as_of=AS_OF), lambda: raw),
            ("servicer path: map in + decide + map out",
             lambda m: decision_to_proto(service.decide(incident_to_dict(m), as_of=AS_OF)), lambda: inc),
            # what the server runs: Servicer._decide, with decisions kept per shape (transport/memo.py)
            ("Servicer._decide, memo off (every call decided)", full._decide, lambda: pb.DecideRequest(incident=inc)),
            ("Servicer._decide, shape kept (the server's path)", kept._decide, lambda: pb.DecideRequest(incident=inc)),
        ]
        rows = []
        for label, fn, setup in stages:
            med, p99, n = time_stage(fn, setup, max_calls=cap, seconds=budget)
            rows.append((label, med, p99, n))
        out.append((name, rows))
    return out

# ---------------------------------------------------------------------------------------- main


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"Python {platform.python_version()}"]
    for dist in ("grpcio", "protobuf", "durable_rules", "pydantic"):
        try:
            parts.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            pass
    return ", ".join(parts)


def fmt(value: float, digits: int = 3) -> str:
    return "-" if value != value else f"{value:.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=4.0,
                        help="time budget per measured gRPC scenario (default 4; 5 scenarios, plus up to 1 s "
                             "per in-process stage: ~40 s in all)")
    parser.add_argument("--requests", type=int, default=20000,
                        help="at most this many calls per unary scenario / in-process stage (default 20000)")
    parser.add_argument("--batches", type=int, default=200, help="at most this many batch calls per batch size")
    parser.add_argument("--warmup", type=int, default=200, help="warm-up calls before each unary scenario")
    parser.add_argument("--workers", type=int, default=4, help="server thread pool size (hocr serve default: 4)")
    parser.add_argument("--same-process", action="store_true",
                        help="run the server in this process (client and server then share one GIL)")
    parser.add_argument("--skip-in-process", action="store_true", help="skip the no-gRPC breakdown")
    parser.add_argument("--serve-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_child:
        return child_main(args.workers)
    if args.seconds <= 0 or args.requests <= 0 or args.batches <= 0:
        parser.error("--seconds, --requests and --batches must be positive")

    run_start = time.perf_counter()
    print("hocr gRPC benchmark")
    print(f"  {versions()}; {os.cpu_count()} CPU(s); {platform.platform()}")
    mode = "same process as client" if args.same_process else "child process"
    print(f"  server: service.server.create_server on 127.0.0.1, {args.workers} workers, {mode}")
    print(f"  one call in flight; budget {args.seconds:g} s or {args.requests} calls per scenario; "
          f"warm-up {args.warmup} calls\n")

    server = ServerHandle(args.workers, args.same_process)
    try:
        channel = grpc.insecure_channel(f"127.0.0.1:{server.port}", options=CHANNEL_OPTIONS)
        grpc.channel_ready_future(channel).result(timeout=15)
        stub = pb_grpc.DecisionServiceStub(channel)
        echo = channel.unary_unary(ECHO_METHOD)  # no serializers: bytes in, bytes out

        simple_req = decide_request(simple_incident())
        large_req = decide_request(large_incident())
        simple_resp = stub.Decide(simple_req, timeout=30).decision
        large_resp = stub.Decide(large_req, timeout=30).decision
        payload = b"\x5a" * simple_req.ByteSize()
        if echo(payload, timeout=30) != payload:
            raise RuntimeError("Echo did not return its payload")
        print("sanity: simple -> %s %s; large -> %s, %d crimes, acts %s" % (
            pb.Outcome.Name(simple_resp.outcome),
            ", ".join(f"{c.classification} {c.ho_code}" for c in simple_resp.crimes),
            pb.Outcome.Name(large_resp.outcome), len(large_resp.crimes),
            "/".join(pb.ActStatus.Name(a.status).lower() for a in large_resp.acts)))

        sec, cap, warm = args.seconds, args.requests, args.warmup
        unary = [
            run_calls("Echo (no-op, bytes)", lambda: echo(payload, timeout=30), warmup=warm, max_calls=cap,
                      seconds=sec, server=server, req_bytes=len(payload), resp_bytes=len(payload)),
            run_calls("Decide simple (1 act)", lambda: stub.Decide(simple_req, timeout=30).decision, warmup=warm,
                      max_calls=cap, seconds=sec, server=server, req_bytes=simple_req.ByteSize(),
                      resp_bytes=simple_resp.ByteSize()),
            run_calls("Decide large (10 acts)", lambda: stub.Decide(large_req, timeout=30).decision,
                      warmup=max(1, warm // 4), max_calls=cap, seconds=sec, server=server,
                      req_bytes=large_req.ByteSize(), resp_bytes=large_resp.ByteSize()),
        ]

        batch_results = []
        batch_errors = {}
        for size in (100, 500):
            reqs = [batch_request(size, f"{size}x{k}") for k in range(2)]
            first = stub.DecideBatch(reqs[0], timeout=120)
            batch_errors[size] = sum(1 for r in first.results if r.WhichOneof("result") != "decision")
            turn = iter(range(10**9))

            def call(reqs=reqs, turn=turn):
                return stub.DecideBatch(reqs[next(turn) % len(reqs)], timeout=120)

            batch_results.append(run_calls(f"DecideBatch x{size}", call, warmup=2, max_calls=args.batches,
                                           seconds=sec, server=server, units=size,
                                           req_bytes=reqs[0].ByteSize(), resp_bytes=first.ByteSize()))
        channel.close()
    finally:
        server.stop()

    breakdown = [] if args.skip_in_process else in_process(args)

    # ------------------------------------------------------------------------------ report
    print("\nUnary calls over gRPC (client-side latency, 1 in flight)")
    hdr = (f"  {'scenario':<24}{'calls':>7}{'p50 ms':>9}{'p99 ms':>9}{'calls/s':>9}{'req B':>8}{'resp B':>8}"
           f"{'srv CPU':>9}{'cli CPU':>9}")
    print(hdr)
    print(f"  {'':<24}{'':>7}{'':>9}{'':>9}{'':>9}{'':>8}{'':>8}{'us/call':>9}{'us/call':>9}")
    for r in unary:
        print(f"  {r.name:<24}{r.n:>7}{fmt(r.p50_ms):>9}{fmt(r.p99_ms):>9}{fmt(r.calls_per_s, 0):>9}"
              f"{r.req_bytes:>8}{r.resp_bytes:>8}{r.cpu_us_per_unit(r.server_cpu):>9}"
              f"{r.cpu_us_per_unit(r.client_cpu):>9}")

    echo_r, simple_r, large_r = unary
    print("\nRatios Decide / Echo (same server, same run)")
    for r in (simple_r, large_r):
        print(f"  {r.name:<24} p50 x{r.p50_ms / echo_r.p50_ms:.2f}   "
              f"throughput x{r.calls_per_s / echo_r.calls_per_s:.2f}   "
              f"(Decide p50 - Echo p50 = {r.p50_ms - echo_r.p50_ms:.3f} ms)")

    print("\nDecideBatch (simple incidents, distinct ids, 1 batch in flight)")
    print(f"  {'batch':<24}{'calls':>7}{'p50 ms':>9}{'p99 ms':>9}{'records/s':>11}{'req KB':>8}{'resp KB':>9}"
          f"{'srv CPU':>9}{'errors':>8}")
    print(f"  {'':<24}{'':>7}{'':>9}{'':>9}{'':>11}{'':>8}{'':>9}{'us/rec':>9}{'':>8}")
    for r, size in zip(batch_results, (100, 500)):
        print(f"  {r.name:<24}{r.n:>7}{fmt(r.p50_ms, 1):>9}{fmt(r.p99_ms, 1):>9}{fmt(r.units_per_s, 0):>11}"
              f"{r.req_bytes / 1024:>8.0f}{r.resp_bytes / 1024:>9.0f}{r.cpu_us_per_unit(r.server_cpu):>9}"
              f"{batch_errors[size]:>8}")
    print(f"  unary Decide simple for comparison: {fmt(simple_r.calls_per_s, 0)} records/s; "
          f"batch x500 / unary = x{batch_results[1].units_per_s / simple_r.calls_per_s:.1f}")

    for name, rows in breakdown:
        print(f"\nIn-process, no gRPC: {name} (median / p99 per call, microseconds; stages nest, do not add up)")
        print(f"  {'stage':<50}{'median':>9}{'p99':>9}{'n':>7}")
        for label, med, p99, n in rows:
            print(f"  {label:<50}{med:>9.0f}{p99:>9.0f}{n:>7}")
    if breakdown:
        whole = {name: dict((lbl, med) for lbl, med, _, _ in rows) for name, rows in breakdown}
        s = whole["simple (1 act)"]["Servicer._decide, shape kept (the server's path)"]
        l_ = whole["large (10 acts)"]["Servicer._decide, shape kept (the server's path)"]
        print("\nWhere the time goes (p50, simple / large)")
        print(f"  gRPC round trip, no-op Echo:                    {echo_r.p50_ms * 1e3:>7.0f} us")
        print(f"  servicer work in process (no gRPC, shape kept): {s:>7.0f} / {l_:.0f} us")
        simple_us, large_us, echo_us = simple_r.p50_ms * 1e3, large_r.p50_ms * 1e3, echo_r.p50_ms * 1e3
        print(f"  Decide over gRPC:                               {simple_us:>7.0f} / {large_us:.0f} us")
        print(f"  rest (Decide - Echo - servicer work):           {simple_us - echo_us - s:>7.0f} / "
              f"{large_us - echo_us - l_:.0f} us  (interceptors, bigger replies sent and parsed, one GIL)")
    print(f"\ntotal run time {time.perf_counter() - run_start:.1f} s; server stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
