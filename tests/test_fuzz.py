"""A bounded fuzz run through a real channel (`make fuzz` runs 100,000): never INTERNAL or UNKNOWN."""
from __future__ import annotations

import grpc
import pytest

from service.transport.grpc_server import create_server

from . import fuzz_grpc
from .sampling import size

pytestmark = pytest.mark.integration


def test_generated_requests_never_get_internal_or_unknown(service):
    server, port = create_server("127.0.0.1:0", service, workers=4)
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}",
                                   options=[("grpc.max_receive_message_length", 16 << 20)]) as ch:
            n = size(1250, 2500)  # all 2,500 in make test-long
            counts = fuzz_grpc.run(ch, n, seed=20261201)
            # the server is still there and still decides
            assert fuzz_grpc.run(ch, 1, seed=1, kinds=("vocabulary",))["OK"] == 1
    finally:
        server.stop(grace=None)
    assert fuzz_grpc.bad_count(counts) == 0, dict(counts)
    # the run exercised refusals and real decisions alike (a generator that only sent garbage
    # would prove little)
    assert counts["OK"] > n // 10 and counts["INVALID_ARGUMENT"] > n * 2 // 5 and counts["item:INVALID_ARGUMENT"] > n // 25
