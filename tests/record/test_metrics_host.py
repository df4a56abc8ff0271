"""`hocr serve --metrics-port P` serves plaintext metrics that name the callers: on this host only
(127.0.0.1) unless `--metrics-host` (HOCR_METRICS_HOST) names another address."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from .conftest import ROOT


def _free() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> set[str]:
    """The IPv4 addresses a socket listens on at `port` (from /proc/net/tcp)."""
    out = set()
    with open("/proc/net/tcp", encoding="ascii") as fh:
        for line in fh.readlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                out.add(socket.inet_ntoa(bytes.fromhex(addr)[::-1]))
    return out


def _serve(tmp_path, name: str, *extra: str):
    port, metrics = _free(), _free()
    with open(tmp_path / f"{name}.log", "w") as err:  # the child keeps its own copy of the file
        proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--insecure", "--processes", "1",
                                 "--port", str(port), "--metrics-port", str(metrics), "--drain-seconds", "0", *extra],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
    return proc, metrics, tmp_path / f"{name}.log"


def _wait(proc, port: int) -> str:
    for _ in range(600):
        assert proc.poll() is None, "the server stopped"
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
        except OSError:
            time.sleep(0.05)
    raise AssertionError("no metrics")


def test_the_metrics_listen_on_this_host_only_unless_another_address_is_given(tmp_path):
    default, d_port, d_log = _serve(tmp_path, "default")
    wide, w_port, w_log = _serve(tmp_path, "wide", "--metrics-host", "0.0.0.0")
    try:
        assert "hocr_" in _wait(default, d_port) and "hocr_" in _wait(wide, w_port)
        assert _listening(d_port) == {"127.0.0.1"}
        assert _listening(w_port) == {"0.0.0.0"}
    finally:
        for proc in (default, wide):
            proc.terminate()
            proc.wait(timeout=30)
    assert f"metrics on http://127.0.0.1:{d_port}/metrics" in d_log.read_text(encoding="utf-8")
    assert f"metrics on http://0.0.0.0:{w_port}/metrics" in w_log.read_text(encoding="utf-8")
