"""`hocr serve --metrics-port P` serves plaintext metrics that name the callers: on this host only
(127.0.0.1) unless `--metrics-host` (HOCR_METRICS_HOST) names another address."""
from __future__ import annotations

import socket
import urllib.request

from ..drain_load import finish, free_port, start_server, wait_serving


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


def _serve(*extra: str):
    port, metrics = free_port(), free_port()
    proc = start_server(port, "--processes", "1", "--metrics-port", str(metrics), "--drain-seconds", "0", *extra)
    return proc, port, metrics


def test_the_metrics_listen_on_this_host_only_unless_another_address_is_given():
    (default, d_grpc, d_port), (wide, w_grpc, w_port) = _serve(), _serve("--metrics-host", "0.0.0.0")
    try:
        wait_serving(d_grpc)
        wait_serving(w_grpc)
        for port in (d_port, w_port):
            assert "hocr_" in urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
        assert _listening(d_port) == {"127.0.0.1"}
        assert _listening(w_port) == {"0.0.0.0"}
    finally:
        for proc in (default, wide):
            proc.terminate()
    assert f"metrics on http://127.0.0.1:{d_port}/metrics" in finish(default, 30)
    assert f"metrics on http://0.0.0.0:{w_port}/metrics" in finish(wide, 30)
