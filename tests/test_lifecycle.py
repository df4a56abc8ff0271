"""Start and stop as an operator sees them: `hocr serve` as a separate process, SIGTERM under load,
several processes on one port, a port already in use, plaintext on loopback only."""
from __future__ import annotations

import re
import signal
import subprocess

import grpc
import pytest

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc

from .drain_load import baseline, drain_under_load, finish, free_port, start_server, wait_serving

pytestmark = pytest.mark.integration


def test_sigterm_goes_not_serving_at_once_and_fails_no_call_that_arrived_before_the_drain_ended():
    r = drain_under_load(processes=1, threads=4, drain=2.0, warm=1.0)
    assert r.exit_code == 0
    assert r.not_serving_after is not None and r.not_serving_after < 1.0
    # calls kept being answered after SIGTERM, through the drain period
    assert r.during_drain()["OK"] > 10
    # 0.2 s margin: a call started at the very end may be a new connection the closing port refuses
    before = r.before_drain_end(0.2)
    assert set(before) == {"OK"}, dict(before)


def test_several_processes_share_one_port_and_a_second_server_is_refused():
    port = free_port()
    server = start_server(port, "--processes", "2", "--drain-seconds", "0.2")
    try:
        wait_serving(port)
        for _ in range(4):  # a connection each: the kernel spreads them over the processes
            with grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.use_local_subchannel_pool", 1)]) as ch:
                assert pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=baseline())).decision.crimes
        # a batch is spread over the processes; its items come back in order, paths count from the whole
        reqs = [pb.DecideRequest(incident=baseline(f"B{i}")) for i in range(64)]
        reqs[40].incident.acts[0].attributes["injury"] = "bruised"
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            resp = pb_grpc.DecisionServiceStub(ch).DecideBatch(pb.DecideBatchRequest(requests=reqs))
        assert [r.incident_id for r in resp.results] == [f"B{i}" for i in range(64)]
        assert [i for i, r in enumerate(resp.results) if r.HasField("error")] == [40]
        assert "requests[40].incident.acts[0].attributes.injury" in resp.results[40].error.SerializeToString().decode(
            "utf-8", "replace")
        # plaintext, and no --host: loopback only
        out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True)
        if out.returncode == 0:  # ss is there
            assert re.search(r"127\.0\.0\.1\]?:", out.stdout) and "0.0.0.0" not in out.stdout \
                and "[::]:" not in out.stdout, out.stdout
        for processes in ("1", "2"):
            other = start_server(port, "--processes", processes)
            err = finish(other, timeout=60)
            assert other.returncode == 2 and "could not listen" in err
        server.send_signal(signal.SIGTERM)
        err = finish(server, timeout=60)
        assert server.returncode == 0
        pids = set(re.findall(r"hocr pid (\d+) serving", err))
        assert len(pids) == 2 and len(set(re.findall(r"pid (\d+) stopped", err))) == 2
        assert "batch of 64 from local-unauthenticated spread over 2 processes" in err
        assert "did not decide part of a batch" not in err
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
