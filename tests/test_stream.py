"""DecideStream over a real server on a loopback port: incidents in as the client has them, each
result out as soon as it is decided, in order, no message over a default client's 4 MiB; an invalid
incident is that item's error and the stream goes on; the officer role, the per-caller limit and
the batch slots apply as to DecideBatch; every decision is on the decision log, in the metrics and
in the call log; a cancelled stream leaves the server as it was."""
from __future__ import annotations

import datetime as dt
import json
import logging
import queue
import threading
import urllib.request
from pathlib import Path

import grpc
import pytest
from google.protobuf import json_format
from google.rpc import code_pb2, error_details_pb2

from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.record import DecisionRecord
from service.record.log import open_store
from service.record.metrics import serve_metrics
from service.transport.grpc_server import Limits, create_server
from service.transport.identity import Credentials, digest
from service.transport.interceptors import Policy

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
DEFAULT_CLIENT_LIMIT = 4 * 1024 * 1024  # what a client without options accepts
AS_OF = "2026-06-01T12:00:00Z"


def _examples() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))
            if not p.name.startswith("invalid")]


def _request(incident: dict, iid: str) -> pb.DecideRequest:
    return json_format.ParseDict({"incident": {**incident, "id": iid}, "asOf": AS_OF}, pb.DecideRequest())


def _invalid(iid: str) -> pb.DecideRequest:
    bad = json.loads((EXAMPLES / "invalid-unknown-act.json").read_text(encoding="utf-8"))
    return _request(bad, iid)


def _comparable(d: pb.Decision) -> pb.Decision:
    d = pb.Decision.FromString(d.SerializeToString())
    d.ClearField("decision_id")  # unique per decision
    d.ClearField("decided_at")
    return d


def _violations(status) -> list[str]:
    out = []
    for detail in status.details:
        br = error_details_pb2.BadRequest()
        assert detail.Unpack(br)
        out += [v.field for v in br.field_violations]
    return out


@pytest.fixture(scope="module")
def server(service):
    server, port = create_server("127.0.0.1:0", service, workers=4)
    server.start()
    yield port
    server.stop(grace=None)


def _lockstep(stub_call, requests: list[pb.DecideStreamRequest], timeout: float = 120):
    """Send each request only once the previous one's result has arrived: proves each result comes
    as soon as its incident is decided, not when the stream ends."""
    got: queue.Queue = queue.Queue()
    replies = []

    def gen():
        for i, r in enumerate(requests):
            if i:
                replies.append(got.get(timeout=timeout))
            yield r

    call = stub_call(gen(), timeout=timeout)
    for reply in call:
        got.put(reply)
    while not got.empty():
        replies.append(got.get())
    return replies


def test_500_incidents_stream_in_order_each_under_4_mib_equal_to_decide(server):
    examples = _examples()
    bad_at = 250
    reqs = [_invalid(f"INC-{i}") if i == bad_at else _request(examples[i % len(examples)], f"INC-{i}")
            for i in range(500)]
    with grpc.insecure_channel(f"127.0.0.1:{server}") as ch:  # default options: 4 MiB per message
        stub = pb_grpc.DecisionServiceStub(ch)
        raw = ch.stream_stream("/hocr.v1.DecisionService/DecideStream")  # the messages' own sizes
        sizes = []

        def measured(request_iterator, timeout):
            for data in raw((r.SerializeToString() for r in request_iterator), timeout=timeout):
                sizes.append(len(data))
                yield pb.DecideStreamResponse.FromString(data)

        replies = _lockstep(measured, [pb.DecideStreamRequest(request=r) for r in reqs])
        assert len(replies) == 500
        assert [r.index for r in replies] == list(range(500))
        assert [r.incident_id for r in replies] == [f"INC-{i}" for i in range(500)]
        assert max(sizes) < DEFAULT_CLIENT_LIMIT and len(sizes) == 500
        # the invalid incident in the middle: its own INVALID_ARGUMENT, paths as in DecideBatch
        bad = replies[bad_at]
        assert bad.WhichOneof("result") == "error" and bad.error.code == code_pb2.INVALID_ARGUMENT
        assert f"requests[{bad_at}].incident.acts[0].type" in _violations(bad.error)
        assert all(r.WhichOneof("result") == "decision" for i, r in enumerate(replies) if i != bad_at)
        # each decision is the one Decide gives
        good = [r for i, r in enumerate(reqs) if i != bad_at]
        decided = []
        for start in range(0, len(good), 16):  # a few calls in flight at a time (per caller: 32)
            futures = [stub.Decide.future(r) for r in good[start:start + 16]]
            decided += [_comparable(f.result().decision) for f in futures]
        assert [_comparable(r.decision) for i, r in enumerate(replies) if i != bad_at] == decided
        with pytest.raises(grpc.RpcError) as err:  # and Decide refuses the invalid one the same way
            stub.Decide(reqs[bad_at])
        assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_undecodable_and_empty_messages_are_their_own_errors_and_the_stream_goes_on(server):
    good = pb.DecideStreamRequest(request=_request(_examples()[0], "G1")).SerializeToString()
    with grpc.insecure_channel(f"127.0.0.1:{server}") as ch:
        raw = ch.stream_stream("/hocr.v1.DecisionService/DecideStream")
        replies = [pb.DecideStreamResponse.FromString(d) for d in raw(iter([b"\xff\xff\xff", b"", good]), timeout=30)]
    assert [r.WhichOneof("result") for r in replies] == ["error", "error", "decision"]
    assert [r.error.code for r in replies[:2]] == [code_pb2.INVALID_ARGUMENT] * 2
    assert _violations(replies[0].error) == ["requests[0]"]
    assert _violations(replies[1].error) == ["requests[1].incident"]
    assert replies[2].index == 2 and replies[2].incident_id == "G1"


def test_a_decision_too_large_for_one_message_is_refused_alone_and_not_logged(tmp_path):
    url = f"sqlite:///{tmp_path / 'log.db'}"
    logged = DecisionService(ROOT / "rules")
    logged.record = DecisionRecord.open(url, logged.rules_dir, logged.editions)
    one = _request(_examples()[0], "X")  # its decision is a few KB
    server, port = create_server("127.0.0.1:0", logged, workers=2, limits=Limits(reply_bytes=500))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            replies = list(stub.DecideStream(iter([pb.DecideStreamRequest(request=one)]), timeout=30))
        assert [r.error.code for r in replies] == [code_pb2.RESOURCE_EXHAUSTED]
        assert "500 bytes" in replies[0].error.message
        store = open_store(url)
        assert list(store.scan(since=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))) == []
        store.close()
    finally:
        server.stop(grace=None)
        logged.record.close()


@pytest.fixture(scope="module")
def secured(service, tmp_path_factory):
    """A server that knows two callers: an officer and an auditor (no officer role)."""
    path = tmp_path_factory.mktemp("auth") / "tokens"
    path.write_text(f"token {digest('tok-officer')} desk-ppu officer\n"
                    f"token {digest('tok-auditor')} audit-team auditor\n", encoding="utf-8")
    server, port = create_server("127.0.0.1:0", service, workers=4,
                                 policy=Policy(credentials=Credentials.load(path), per_caller=1),
                                 limits=Limits(batch_slots=1))
    server.start()
    yield port
    server.stop(grace=None)


def _as(token: str):
    return (("authorization", f"Bearer {token}"),)


def test_a_caller_without_the_officer_role_is_refused(secured):
    req = pb.DecideStreamRequest(request=_request(_examples()[0], "R1"))
    with grpc.insecure_channel(f"127.0.0.1:{secured}") as ch:
        stub = pb_grpc.DecisionServiceStub(ch)
        for metadata, code in ((_as("tok-auditor"), grpc.StatusCode.PERMISSION_DENIED),
                               ((), grpc.StatusCode.UNAUTHENTICATED)):
            with pytest.raises(grpc.RpcError) as err:
                list(stub.DecideStream(iter([req]), metadata=metadata, timeout=30))
            assert err.value.code() == code
        assert len(list(stub.DecideStream(iter([req]), metadata=_as("tok-officer"), timeout=30))) == 1


def _open_stream(stub, token: str):
    """A stream with one incident decided and the stream still open; returns (call, send, first reply)."""
    outbox: queue.Queue = queue.Queue()

    def gen():
        while (item := outbox.get()) is not None:
            yield item

    call = stub.DecideStream(gen(), metadata=_as(token), timeout=60)
    outbox.put(pb.DecideStreamRequest(request=_request(_examples()[0], "OPEN-0")))
    first = next(call)
    return call, outbox, first


def test_an_open_stream_counts_against_the_callers_limit(secured):
    with grpc.insecure_channel(f"127.0.0.1:{secured}") as ch:
        stub = pb_grpc.DecisionServiceStub(ch)
        call, outbox, first = _open_stream(stub, "tok-officer")
        assert first.WhichOneof("result") == "decision"
        # per_caller=1: the same caller's next call waits for the stream to end
        with pytest.raises(grpc.RpcError) as err:
            stub.Decide(_request(_examples()[0], "D1"), metadata=_as("tok-officer"), timeout=30)
        assert err.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        with pytest.raises(grpc.RpcError) as err:  # and so does a second stream
            list(stub.DecideStream(iter([pb.DecideStreamRequest()]), metadata=_as("tok-officer"), timeout=30))
        assert err.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert "calls of one caller" in err.value.details()
        outbox.put(pb.DecideStreamRequest(request=_request(_examples()[0], "OPEN-1")))
        assert next(call).index == 1
        outbox.put(None)  # the client ends its side: the stream ends
        assert list(call) == []
        assert stub.Decide(_request(_examples()[0], "D2"), metadata=_as("tok-officer"),
                           timeout=30).decision.crimes


def test_an_open_stream_holds_a_batch_slot(service):
    server, port = create_server("127.0.0.1:0", service, workers=4, limits=Limits(batch_slots=1))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            outbox: queue.Queue = queue.Queue()
            call = stub.DecideStream(iter(outbox.get, None), timeout=60)
            outbox.put(pb.DecideStreamRequest(request=_request(_examples()[0], "S0")))
            assert next(call).index == 0
            with pytest.raises(grpc.RpcError) as err:
                stub.DecideBatch(pb.DecideBatchRequest(requests=[_request(_examples()[0], "B1")]), timeout=30)
            assert err.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            with pytest.raises(grpc.RpcError) as err:
                list(stub.DecideStream(iter([pb.DecideStreamRequest()]), timeout=30))
            assert err.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert stub.Decide(_request(_examples()[0], "D1"), timeout=30).decision.crimes  # singles go on
            outbox.put(None)
            assert list(call) == []
            assert len(stub.DecideBatch(pb.DecideBatchRequest(requests=[_request(_examples()[0], "B2")]),
                                        timeout=30).results) == 1  # the slot is back
    finally:
        server.stop(grace=None)


@pytest.mark.parametrize("when", ["waiting for the next incident", "while results are flowing"])
def test_cancelling_mid_stream_leaves_the_server_fine(secured, when):
    with grpc.insecure_channel(f"127.0.0.1:{secured}") as ch:
        stub = pb_grpc.DecisionServiceStub(ch)
        if when == "waiting for the next incident":
            call, _outbox, first = _open_stream(stub, "tok-officer")
            assert first.index == 0
        else:
            many = (pb.DecideStreamRequest(request=_request(_examples()[i % 3], f"C{i}")) for i in range(100_000))
            call = stub.DecideStream(many, metadata=_as("tok-officer"), timeout=60)
            assert [next(call).index for _ in range(20)] == list(range(20))
        call.cancel()
        with pytest.raises(grpc.RpcError) as err:
            list(call)
        assert err.value.code() == grpc.StatusCode.CANCELLED
        # the caller's slot (per_caller=1) and the batch slot (batch_slots=1) are given back
        deadline = threading.Event()
        for _ in range(50):
            try:
                replies = list(stub.DecideStream(iter([pb.DecideStreamRequest(request=_request(_examples()[0], "A"))]),
                                                 metadata=_as("tok-officer"), timeout=30))
                break
            except grpc.RpcError as exc:  # the server may take a moment to see the cancellation
                assert exc.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                deadline.wait(0.1)
        else:
            pytest.fail("the cancelled stream kept its slot")
        assert replies[0].WhichOneof("result") == "decision"
        assert stub.Decide(_request(_examples()[0], "D"), metadata=_as("tok-officer"), timeout=30).decision.crimes


def test_every_streamed_decision_is_on_the_log_in_the_metrics_and_the_call_log(tmp_path, caplog):
    url = f"sqlite:///{tmp_path / 'log.db'}"
    logged = DecisionService(ROOT / "rules")
    logged.record = DecisionRecord.open(url, logged.rules_dir, logged.editions)
    server, port = create_server("127.0.0.1:0", logged, workers=2)
    server.start()
    http, mport = serve_metrics(0, "127.0.0.1")
    try:
        reqs = [_request(_examples()[0], "L1"), _invalid("L2"), _request(_examples()[1], "L3")]
        with caplog.at_level(logging.INFO, logger="hocr.calls"), grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            replies = list(pb_grpc.DecisionServiceStub(ch).DecideStream(
                iter([pb.DecideStreamRequest(request=r) for r in reqs]), timeout=30))
        ids = {r.decision.decision_id for r in replies if r.WhichOneof("result") == "decision"}
        assert len(ids) == 2
        store = open_store(url)
        entries = {e.decision_id: e for e in store.scan(since=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))}
        store.close()
        assert set(entries) == ids
        assert {(e.kind, e.caller) for e in entries.values()} == {("decide", "local-unauthenticated")}
        assert sorted(e.incident_id for e in entries.values()) == ["L1", "L3"]
        lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "hocr.calls"]
        (line,) = [x for x in lines if x["method"] == "DecideStream"]
        assert (line["status"], line["caller"], line["decisions"], line["errors"]) == (
            "OK", "local-unauthenticated", 2, 1)
        assert sum(line["outcome"].values()) == 2 and line["edition"] == "2026-27"
        text = urllib.request.urlopen(f"http://127.0.0.1:{mport}/metrics", timeout=10).read().decode()
        assert 'hocr_calls_total{caller="local-unauthenticated",method="DecideStream",status="OK"}' in text
        assert 'hocr_call_latency_seconds_count{method="DecideStream"}' in text
    finally:
        http.shutdown()
        server.stop(grace=None)
        logged.record.close()


def test_a_result_that_cannot_be_put_on_the_log_is_not_sent_and_ends_the_stream_unavailable(tmp_path):
    import sqlite3

    url = f"sqlite:///{tmp_path / 'log.db'}"
    logged = DecisionService(ROOT / "rules")
    logged.record = DecisionRecord.open(url, logged.rules_dir, logged.editions)
    server, port = create_server("127.0.0.1:0", logged, workers=2)
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            outbox: queue.Queue = queue.Queue()
            call = stub.DecideStream(iter(outbox.get, None), timeout=60)
            outbox.put(pb.DecideStreamRequest(request=_request(_examples()[0], "W0")))
            assert next(call).WhichOneof("result") == "decision"
            db = sqlite3.connect(url[len("sqlite:///"):])  # the disk refuses from now on
            db.execute("CREATE TRIGGER refuse BEFORE INSERT ON decision_log BEGIN SELECT RAISE(ABORT, 'refused'); END")
            db.commit()
            db.close()
            outbox.put(pb.DecideStreamRequest(request=_request(_examples()[0], "W1")))
            with pytest.raises(grpc.RpcError) as err:
                next(call)
            assert err.value.code() == grpc.StatusCode.UNAVAILABLE
            outbox.put(None)
        assert logged.record.store.count() == 1
    finally:
        server.stop(grace=None)
        logged.record.close()
