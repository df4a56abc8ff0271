"""Start and stop as an operator sees them: `hocr serve` as a separate process, SIGTERM under load,
several processes on one port, a port already in use, plaintext on loopback only."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

import grpc
import pytest
from google.protobuf import json_format

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc

from .drain_load import baseline, children, drain_under_load, finish, free_port, start_server, wait_serving

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
    port, http_port = free_port(), free_port()
    server = start_server(port, "--processes", "2", "--drain-seconds", "0.2", "--http-port", str(http_port))
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
        # the HTTP door's batch is the same batch path: spread over the processes too
        body = json.dumps({"requests": [json_format.MessageToDict(r) for r in reqs]}).encode()
        with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{http_port}/v1/decide:batch", body,
                                                           {"content-type": "application/json"}), timeout=60) as r:
            results = json.loads(r.read())["results"]
        assert [r["incidentId"] for r in results] == [f"B{i}" for i in range(64)]
        assert [i for i, r in enumerate(results) if "error" in r] == [40]
        assert "requests[40].incident.acts[0].attributes.injury" in json.dumps(results[40]["error"])
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
        assert err.count("batch of 64 from local-unauthenticated spread over 2 processes") == 2  # gRPC, HTTP
        assert "did not decide part of a batch" not in err
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest.mark.parametrize("processes", ["1", "2"])
def test_a_server_restarted_at_once_on_its_port_serves_while_the_old_connections_wait_out_time_wait(processes):
    """A supervisor's restart after a crash (systemd, a desktop tool's own server): the dead
    server's ends of its callers' connections closed first, so the port holds TIME-WAIT entries
    for a minute. Those hold no listener: the new server must take the port, as gRPC's own
    sockets (SO_REUSEADDR) would, and still refuse a port another server listens on (the test
    above)."""
    port = free_port()
    server = start_server(port, "--processes", processes, "--drain-seconds", "0")
    try:
        wait_serving(port)
        callers = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(8)]
        time.sleep(0.2)  # accepted by the server processes
        for pid in [*children(server.pid), server.pid]:
            os.kill(pid, signal.SIGKILL)  # the crash: each process's sockets closed by the kernel, at once
        server.wait(timeout=30)
        for c in callers:  # then each caller reads the end, and closes its own
            while c.recv(65536):
                pass
            c.close()
        out = subprocess.run(["ss", "-tanH", "state", "time-wait", f"sport = :{port}"], capture_output=True,
                             text=True)
        if out.returncode == 0:  # ss is there: what the restart meets
            assert f":{port} " in out.stdout, "no TIME-WAIT on the port: the test would not test the restart"
        server = start_server(port, "--processes", processes, "--drain-seconds", "0")
        wait_serving(port, timeout=30)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            assert pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=baseline("after"))).decision.crimes
        server.send_signal(signal.SIGTERM)
        assert "could not listen" not in finish(server, timeout=60)
        assert server.returncode == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
