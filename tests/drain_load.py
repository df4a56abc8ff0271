"""SIGTERM under load: does any call that reached the server before the drain period ended fail?

``drain_under_load`` starts `hocr serve` as a separate process, keeps ``threads`` clients calling
Decide (each on its own connection; one of them also sends DecideBatch), sends SIGTERM, and watches health go
NOT_SERVING while calls are still answered. Used by ``tests/test_lifecycle.py`` (small load) and
``make drain`` (``python -m tests.drain_load``, heavier load; prints the figures).
"""
from __future__ import annotations

import argparse
import collections
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.gen.hocr.v1 import hocr_pb2 as pb  # noqa: E402
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc  # noqa: E402
from tests.fuzz_grpc import baseline  # noqa: E402
from tests.ports import free_port  # noqa: E402, F401 - given to the tests that start servers


def start_server(port: int, *flags: str, env: dict | None = None) -> subprocess.Popen:
    """The server's standard error (its log, and one JSON line per call) goes to a file: a pipe
    nobody reads while the server runs would fill and block the server."""
    import tempfile

    hocr = Path(sys.executable).with_name("hocr")
    err = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    proc = subprocess.Popen([str(hocr), "serve", "--insecure", "--port", str(port), *flags],
                            stdout=subprocess.DEVNULL, stderr=err, text=True, env=env)
    proc.errfile = err  # type: ignore[attr-defined]
    return proc


def children(pid: int) -> set[int]:
    """The processes `pid` started (a server's --processes children)."""
    found: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found |= {int(c) for c in (task / "children").read_text().split()}
        return found
    except OSError:  # no /proc/*/task/*/children on this kernel
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
        return {int(c) for c in out.stdout.split()}


def finish(proc: subprocess.Popen, timeout: float) -> str:
    """Wait for the server to exit; its standard error."""
    proc.wait(timeout=timeout)
    return stderr_of(proc)


def stderr_of(proc: subprocess.Popen) -> str:
    proc.errfile.seek(0)
    return proc.errfile.read()


def wait_serving(port: int, timeout: float = 60) -> None:
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        grpc.channel_ready_future(ch).result(timeout=timeout)
        stub = health_pb2_grpc.HealthStub(ch)
        end = time.monotonic() + timeout
        while stub.Check(health_pb2.HealthCheckRequest()).status != health_pb2.HealthCheckResponse.SERVING:
            if time.monotonic() > end:
                raise TimeoutError("never SERVING")
            time.sleep(0.05)


@dataclass
class Result:
    sigterm_at: float = 0.0
    not_serving_after: float | None = None  # seconds from SIGTERM to health NOT_SERVING
    drain_end: float = 0.0
    calls: list[tuple[float, str]] = field(default_factory=list)  # (start, code)
    exit_code: int | None = None

    def before_drain_end(self, margin: float) -> collections.Counter:
        return collections.Counter(c for t, c in self.calls if t < self.drain_end - margin)

    def during_drain(self) -> collections.Counter:
        return collections.Counter(c for t, c in self.calls if self.sigterm_at <= t < self.drain_end)


def drain_under_load(processes: int = 1, threads: int = 4, drain: float = 2.0, warm: float = 1.0,
                     batch_every: int = 5) -> Result:
    port = free_port()
    server = start_server(port, "--processes", str(processes), "--drain-seconds", str(drain))
    res = Result()
    try:
        wait_serving(port)
        stop = threading.Event()
        lock = threading.Lock()
        req = pb.DecideRequest(incident=baseline())
        batch = pb.DecideBatchRequest(requests=[req] * 20)

        def client(k: int) -> None:
            with grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.use_local_subchannel_pool", 1)]) as ch:
                stub = pb_grpc.DecisionServiceStub(ch)
                n = 0
                while not stop.is_set():
                    n += 1
                    t = time.monotonic()
                    try:
                        if k == 0 and n % batch_every == 0:  # one client sends batches (2 slots)
                            stub.DecideBatch(batch, timeout=30)
                        else:
                            stub.Decide(req, timeout=30)
                        code = "OK"
                    except grpc.RpcError as err:
                        code = err.code().name
                    with lock:
                        res.calls.append((t, code))
                    if code != "OK" and t > res.drain_end > 0:
                        time.sleep(0.05)  # the server has gone: do not spin

        workers = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(threads)]
        for w in workers:
            w.start()
        time.sleep(warm)
        res.sigterm_at = time.monotonic()
        res.drain_end = res.sigterm_at + drain
        server.send_signal(signal.SIGTERM)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = health_pb2_grpc.HealthStub(ch)
            while time.monotonic() < res.drain_end:
                try:
                    if stub.Check(health_pb2.HealthCheckRequest(), timeout=1).status == \
                            health_pb2.HealthCheckResponse.NOT_SERVING:
                        res.not_serving_after = time.monotonic() - res.sigterm_at
                        break
                except grpc.RpcError:
                    pass
                time.sleep(0.02)
        try:
            res.exit_code = server.wait(timeout=drain + 150)
        except subprocess.TimeoutExpired:
            server.send_signal(signal.SIGUSR1)  # the stacks of the stuck server, for the failure report
            time.sleep(1)
            server.kill()
            server.wait()
            err = "\n".join(line for line in stderr_of(server).splitlines() if not line.startswith("{"))
            raise AssertionError(f"the server did not stop; its threads:\n{err[-6000:]}") from None
        time.sleep(0.3)
        stop.set()
        for w in workers:
            w.join(timeout=35)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--drain", type=float, default=10.0)
    ap.add_argument("--warm", type=float, default=3.0)
    args = ap.parse_args(argv)
    r = drain_under_load(args.processes, args.threads, args.drain, args.warm)
    before = r.before_drain_end(0.0)
    print(f"{args.processes} process(es), {args.threads} clients, drain {args.drain:.0f} s: "
          f"{len(r.calls)} calls; health NOT_SERVING {r.not_serving_after:.3f} s after SIGTERM; exit {r.exit_code}")
    print(f"  calls started before the drain ended: {sum(before.values())}, by code: {dict(before)}")
    print(f"  of which during the drain: {dict(r.during_drain())}")
    after = collections.Counter(c for t, c in r.calls if t >= r.drain_end)
    print(f"  calls started after the drain ended (expected to fail): {dict(after)}")
    failed = sum(v for k, v in before.items() if k != "OK")
    print(f"FAILED before the drain ended: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
