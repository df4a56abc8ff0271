"""A DecideStream that sends nothing for `stream_idle_seconds` is ended by the server
(DEADLINE_EXCEEDED, saying so) and gives its batch slot back at once; what it was already given
stays given and on the decision log; a stream that keeps sending is not ended however long it runs;
`hocr serve --stream-idle-seconds` refuses a value that is no positive number. Real server on a
loopback port; sub-second limits, no timing asserted beyond ended / not ended."""
from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

import grpc
import pytest

from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.record import DecisionRecord
from service.transport.grpc_server import Limits, create_server

from .test_stream import _examples, _request

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parent.parent


def _readers() -> int:
    return sum(t.name == "hocr-stream-reader" for t in threading.enumerate())


def test_an_idle_stream_is_ended_and_its_slot_and_its_results_are_kept(tmp_path):
    logged = DecisionService(ROOT / "rules")
    logged.record = DecisionRecord.open(f"sqlite:///{tmp_path / 'log.db'}", logged.rules_dir, logged.editions)
    server, port = create_server("127.0.0.1:0", logged, workers=4,
                                 limits=Limits(batch_slots=1, stream_idle_seconds=0.5))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            outbox: queue.Queue = queue.Queue()
            call = stub.DecideStream(iter(outbox.get, None), timeout=15)  # the client's deadline is far off
            outbox.put(pb.DecideStreamRequest(request=_request(_examples()[0], "IDLE-0")))
            first = next(call)
            assert first.index == 0 and first.WhichOneof("result") == "decision"
            with pytest.raises(grpc.RpcError) as err:  # then nothing is sent: the server ends the stream
                next(call)
            assert err.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
            assert "no request for 0.5 s" in err.value.details() and "open a new stream" in err.value.details()
            assert "IDLE-0" not in err.value.details()
            # the one batch slot is free again: a batch goes through at once
            batch = stub.DecideBatch(pb.DecideBatchRequest(requests=[_request(_examples()[0], "B1")]), timeout=30)
            assert [r.WhichOneof("result") for r in batch.results] == ["decision"]
            outbox.put(None)
        assert logged.record.store.count() == 2  # the stream's decision and the batch's
        assert logged.record.store.get(first.decision.decision_id) is not None
        for _ in range(100):  # the stream's reader thread ends with the call
            if _readers() == 0:
                break
            time.sleep(0.05)
        assert _readers() == 0
    finally:
        server.stop(grace=None)
        logged.record.close()


def test_a_stream_that_keeps_sending_is_not_ended_however_long_it_runs(service):
    server, port = create_server("127.0.0.1:0", service, workers=4, limits=Limits(stream_idle_seconds=1.0))
    server.start()
    n = 12

    def slow():  # one request every 0.2 s: 2.4 s in all, more than twice the idle limit
        for i in range(n):
            if i:
                time.sleep(0.2)
            yield pb.DecideStreamRequest(request=_request(_examples()[i % 3], f"SLOW-{i}"))

    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            replies = list(pb_grpc.DecisionServiceStub(ch).DecideStream(slow(), timeout=60))
        assert [r.index for r in replies] == list(range(n))
        assert all(r.WhichOneof("result") == "decision" for r in replies)
    finally:
        server.stop(grace=None)


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon"])
def test_serve_refuses_a_stream_idle_limit_that_is_no_positive_number(value, capsys):
    from service.transport.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--insecure", "--port", "50999", "--stream-idle-seconds", value])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "--stream-idle-seconds" in err
    assert ("more than 0" in err) if value != "soon" else ("expected a float" in err)
