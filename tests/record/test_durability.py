"""A real server process with a decision log, killed with kill -9 after 1,000 acknowledged
decisions: on restart every one of them is in its log (SQLite file, and PostgreSQL)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import grpc
import pytest
from google.protobuf import json_format

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.record.log import open_store

from ..ports import free_port
from .conftest import ROOT, assault_incident, n100_incident, negated_incident

pytestmark = pytest.mark.integration
SINGLE, BATCHES, BATCH = 100, 9, 100  # 100 Decide calls and 9 batches of 100: 1,000 decisions


def start_server(url: str, log_file) -> tuple[subprocess.Popen, grpc.Channel]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--insecure", "--processes", "1",
                             "--host", "127.0.0.1", "--port",
                             str(port), "--workers", "4", "--decision-log", url],
                            cwd=ROOT, stdout=log_file, stderr=log_file)
    ch = grpc.insecure_channel(f"127.0.0.1:{port}")
    try:
        grpc.channel_ready_future(ch).result(timeout=60)
    except grpc.FutureTimeoutError:
        proc.kill()
        raise
    return proc, ch


def kill9(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _incident(i: int) -> pb.Incident:
    make = (assault_incident, n100_incident, negated_incident)[i % 3]
    return json_format.ParseDict(make(f"K{i}"), pb.Incident())


def acknowledged_then_killed(url: str, tmp_path, restart: bool) -> set[str]:
    with open(tmp_path / "server.log", "wb") as log_file:
        proc, ch = start_server(url, log_file)
        try:
            stub = pb_grpc.DecisionServiceStub(ch)
            acked: set[str] = set()
            for i in range(SINGLE):
                acked.add(stub.Decide(pb.DecideRequest(incident=_incident(i)), timeout=30).decision.decision_id)
            for b in range(BATCHES):
                start = SINGLE + b * BATCH
                res = stub.DecideBatch(pb.DecideBatchRequest(requests=[
                    pb.DecideRequest(incident=_incident(i)) for i in range(start, start + BATCH)]), timeout=60)
                acked |= {r.decision.decision_id for r in res.results if r.WhichOneof("result") == "decision"}
            assert len(acked) == 1000
            kill9(proc)  # at once, after the last acknowledgement
        finally:
            ch.close()
            if proc.poll() is None:
                proc.kill()
        if not restart:
            return acked
        # restart on the same log: the server opens it and serves the queue from it
        proc, ch = start_server(url, log_file)
        try:
            queued = pb_grpc.DecisionServiceStub(ch).ListSupervision(
                pb.ListSupervisionRequest(kind="n_record", limit=1000), timeout=30)
            assert len(queued.items) == sum(1 for i in range(1000) if i % 3 == 1)
        finally:
            ch.close()
            kill9(proc)
    return acked


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_server_killed_after_1000_acknowledged_decisions_has_them_all_on_its_log(backend, request, tmp_path):
    url = f"sqlite:///{tmp_path / 'decision-log.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    t = time.monotonic()
    # the SQLite file is also reopened by a restarted server (WAL recovery); the PostgreSQL log is
    # opened again by the test, as a restarted server would (the database server itself stays up)
    acked = acknowledged_then_killed(url, tmp_path, restart=backend == "sqlite")
    store = open_store(url)
    try:
        assert store.count() == 1000 and store.ids() == acked
    finally:
        store.close()
    print(f"{backend}: 1,000 decisions, kill -9, restart: {time.monotonic() - t:.1f}s")
