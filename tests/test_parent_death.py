"""`hocr serve --processes N` killed hard (kill -9, the OOM killer): its server processes stop too,
by their graceful path, and leave the port free and no peer socket directory behind. Real
processes throughout; the children's pids come from /proc (or pgrep)."""
from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc

from .drain_load import children as _children
from .drain_load import free_port, start_server, stderr_of, wait_serving
from .test_stream import _examples, _request

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parent.parent


def _running(pid: int) -> bool:
    """Not exited (a zombie nobody has reaped yet has exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _port_bindable(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past TIME_WAIT, never past a listener
        try:
            s.bind(("127.0.0.1", port))
            s.listen()
        except OSError:
            return False
        return True


def test_kill_9_of_the_parent_stops_every_server_process_and_frees_the_port(tmp_path):
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # where the peer socket directory goes
    server = start_server(port, "--processes", "2", "--drain-seconds", "0.2", "--stream-idle-seconds", "0.5",
                          env=env)
    children: set[int] = set()
    try:
        wait_serving(port)
        end = time.monotonic() + 30
        while len(children := _children(server.pid)) < 2 and time.monotonic() < end:
            time.sleep(0.05)
        assert len(children) == 2, children
        (peer_dir,) = tmp_path.glob("hocr-peers-*")
        # --stream-idle-seconds reaches the server processes: a stream that goes quiet is ended
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            outbox: queue.Queue = queue.Queue()
            call = pb_grpc.DecisionServiceStub(ch).DecideStream(iter(outbox.get, None), timeout=30)
            outbox.put(pb.DecideStreamRequest(request=_request(_examples()[0], "Q0")))
            assert next(call).WhichOneof("result") == "decision"
            with pytest.raises(grpc.RpcError) as err:
                next(call)
            assert err.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED and "0.5 s" in err.value.details()
            outbox.put(None)

        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
        end = time.monotonic() + 30  # generous: each child drains 0.2 s, then stops
        while any(map(_running, children)) and time.monotonic() < end:
            time.sleep(0.1)
        log = stderr_of(server)
        assert not [c for c in children if _running(c)], log
        # by the graceful path: each says it stopped
        assert set(map(int, re.findall(r"pid (\d+) stopped", log))) == children, log
        assert _port_bindable(port)
        assert not peer_dir.exists(), list(peer_dir.iterdir())
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for c in children:  # never leave a stray server behind, whatever failed
            if _running(c):
                os.kill(c, signal.SIGKILL)


_ORPHAN = """
import ctypes, os, sys, time
if {no_prctl}:
    def refuse(*_a, **_k):
        raise OSError("no prctl here")
    ctypes.CDLL = refuse
from service.transport.grpc_server import _stop_with_parent
parent = os.getpid()
child = os.fork()
if child == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)  # the test reads the parent's output to its end: not ours
    os.dup2(null, 2)
    if {late}:  # the parent is gone before the child looks
        while os.getppid() == parent:
            time.sleep(0.01)
    _stop_with_parent(parent)
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
os._exit(0)
"""


@pytest.mark.parametrize("no_prctl, late", [(False, True), (True, False)], ids=["parent-gone-already", "no-prctl"])
def test_a_server_process_is_told_to_stop_however_its_parent_went(no_prctl, late):
    out = subprocess.run([sys.executable, "-c", _ORPHAN.format(no_prctl=no_prctl, late=late)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    child = int(out.stdout.split()[0])
    try:
        end = time.monotonic() + 20
        while _running(child) and time.monotonic() < end:
            time.sleep(0.05)
        assert not _running(child)
    finally:
        if _running(child):
            os.kill(child, signal.SIGKILL)


@pytest.mark.parametrize("how, seen", [(signal.SIGKILL, 2), (signal.SIGTERM, 1)],
                         ids=["parent-killed", "parent-stopped-at-the-fork"])
def test_a_server_process_stopped_while_it_loads_serves_nothing_and_leaves_nothing(tmp_path, how, seen):
    """The parent killed (or stopped) while its server processes load the rules, or while it is
    still starting them: each takes the stop once loaded, serves nothing, and the port and the
    peer socket directory are left free."""
    port = free_port()
    # no edition cache: loading takes seconds, so the stop lands inside it
    env = {**os.environ, "TMPDIR": str(tmp_path), "HOCR_EDITION_CACHE": "0"}
    server = start_server(port, "--processes", "2", "--drain-seconds", "0.2", env=env)
    children: set[int] = set()
    try:
        end = time.monotonic() + 30
        while len(children := _children(server.pid)) < seen and time.monotonic() < end:
            time.sleep(0.005)
        assert len(children) >= seen, children
        assert list(tmp_path.glob("hocr-peers-*"))
        os.kill(server.pid, how)
        assert server.wait(timeout=60) == (0 if how == signal.SIGTERM else -signal.SIGKILL)
        log = stderr_of(server)
        listed = re.search(r"server processes on port \d+ \(pids ([\d, ]+)\)", log)
        if listed:  # every child it started (a stopped parent starts them all, then tells each)
            children |= set(map(int, listed.group(1).split(", ")))
        end = time.monotonic() + 60
        while any(map(_running, children)) and time.monotonic() < end:
            time.sleep(0.1)
        log = stderr_of(server)
        assert not [c for c in children if _running(c)], log
        assert set(map(int, re.findall(r"pid (\d+) signal 15 during start-up: not serving", log))) == children, log
        assert set(map(int, re.findall(r"pid (\d+) stopped", log))) == children, log
        assert "serving on" not in log and "Traceback" not in log, log
        assert _port_bindable(port)
        assert not list(tmp_path.glob("hocr-peers-*"))
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for c in children:
            if _running(c):
                os.kill(c, signal.SIGKILL)


def test_a_second_signal_inside_the_first_handler_does_not_stop_it_setting_the_flag():
    """Two stop signals close together: the second runs the handler again in the middle of the
    first's Event.set, which once waited for ever on the lock the first held."""
    from service.transport.grpc_server import _Stopping

    stopping = _Stopping()
    first_set = stopping.event.set

    def set_with_a_second_signal_inside():
        stopping._on_signal(signal.SIGINT, None)
        first_set()

    stopping.event.set = set_with_a_second_signal_inside
    stopping._on_signal(signal.SIGTERM, None)
    assert stopping.event.is_set() and stopping.signals == [signal.SIGTERM, signal.SIGINT]


def test_waiting_for_a_sibling_ends_when_the_process_is_told_to_stop(tmp_path):
    """A sibling told to stop while it loads never answers: the wait for it ends on the stop, not
    after PEER_WAIT_SECONDS."""
    import threading

    from service.api import DecisionService
    from service.transport.grpc_server import PEER_WAIT_SECONDS, Servicer

    servicer = Servicer(DecisionService(), peers=(str(tmp_path / "p1.sock"),))  # nobody listens there
    stop = threading.Event()
    got: list[bool] = []
    waiter = threading.Thread(target=lambda: got.append(servicer.wait_for_peers(PEER_WAIT_SECONDS, stop)))
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive() and not got  # still waiting: the sibling has not answered
    stop.set()
    waiter.join(PEER_WAIT_SECONDS / 3)
    assert got == [False]
    # with nothing to stop it, the wait ends when its time is up
    assert servicer.wait_for_peers(0.3) is False
