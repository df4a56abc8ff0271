"""The operations every door calls: a batch reply never exceeds its size limit (the rest is not
decided, and says where to resume), and a stream gives the same results one by one."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from google.protobuf import json_format
from google.rpc import code_pb2

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.transport.grpc_server import Limits, Servicer
from service.transport.ops import CallError, Operations

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def _requests(n: int) -> list[pb.DecideRequest]:
    incident = json.loads((EXAMPLES / "ex-partner-assault.json").read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        req = json_format.ParseDict({"incident": {**incident, "id": f"INC-{i}"}}, pb.DecideRequest())
        out.append(req)
    return out


def test_batch_reply_stays_under_its_size_limit_and_says_where_to_resume(service):
    reqs = _requests(6)
    one = Operations(Servicer(service)).decide_batch(pb.DecideBatchRequest(requests=reqs[:1])).results[0].ByteSize()
    limit = one * 3 + 50
    ops = Operations(Servicer(service, Limits(reply_bytes=limit)))
    reply = ops.decide_batch(pb.DecideBatchRequest(requests=reqs))
    assert [r.incident_id for r in reply.results] == [f"INC-{i}" for i in range(6)]
    decided = [r for r in reply.results if r.WhichOneof("result") == "decision"]
    refused = [r for r in reply.results if r.WhichOneof("result") == "error"]
    assert len(decided) == 3 and len(refused) == 3
    assert all(r.error.code == code_pb2.RESOURCE_EXHAUSTED and "requests[3]" in r.error.message
               and "DecideStream" in r.error.message for r in refused)
    assert reply.ByteSize() <= limit + 3 * 300  # the refusals are small
    full = Operations(Servicer(service)).decide_batch(pb.DecideBatchRequest(requests=reqs))
    assert all(r.WhichOneof("result") == "decision" for r in full.results)


def test_stream_gives_the_batch_results_in_order(service):
    ops = Operations(Servicer(service))
    reqs = _requests(4)
    streamed = list(ops.decide_stream(iter(pb.DecideStreamRequest(request=r) for r in reqs)))
    batch = ops.decide_batch(pb.DecideBatchRequest(requests=reqs)).results
    def strip(r):
        r = pb.BatchResult(incident_id=r.incident_id, decision=r.decision)
        r.decision.ClearField("decision_id")
        r.decision.ClearField("decided_at")
        return r
    assert [r.index for r in streamed] == [0, 1, 2, 3]
    assert [strip(r) for r in streamed] == [strip(r) for r in batch]


def test_a_batch_slot_is_needed_and_given_back(service):
    """The HTTP door's batch takes one of the servicer's batch slots, like gRPC's (one mapping of
    the refusal: RESOURCE_EXHAUSTED)."""
    servicer = Servicer(service, Limits(batch_slots=1))
    ops = Operations(servicer)
    assert servicer.fair.try_batch()  # the only slot, taken by another batch
    with pytest.raises(CallError) as err:
        ops.decide_batch(pb.DecideBatchRequest(requests=_requests(1)))
    assert err.value.status.code == code_pb2.RESOURCE_EXHAUSTED
    servicer.fair.end_batch()
    assert ops.decide_batch(pb.DecideBatchRequest(requests=_requests(1))).results[0].HasField("decision")
    assert servicer.fair.try_batch()  # given back after the batch


def test_a_part_of_a_siblings_batch_takes_no_batch_slot_of_this_process(service):
    """A sibling process spreads part of a batch it admitted (its slot): that part must not take one
    of this process's batch slots (else two processes refuse callers at half their slots, and a
    refused part is decided by the sibling without the decisions this process keeps). Parts have
    slots of their own, batch_slots per sibling: each sibling sends at most one part per batch."""
    from service.transport import identity
    from service.transport.errors import Refusal
    from service.transport.wire import LocalCall

    servicer = Servicer(service, Limits(batch_slots=1), peers=("/nonexistent/p1.sock",))
    assert servicer.fair.part_slots == 1
    part = pb.DecideBatchRequest(requests=_requests(2))
    assert servicer.fair.try_batch()  # this process's only slot, taken by a caller's batch
    token = identity.set_current(identity.Caller("someone", identity.ROLES, "peer"))
    try:
        results, _facts = servicer._decide_batch(part, LocalCall(30))
        assert [pb.BatchResult.FromString(r).HasField("decision") for r in results] == [True, True]
        assert servicer.fair.try_part()  # the one part slot, taken: another part at once is refused
        with pytest.raises(Refusal) as err:
            servicer._decide_batch(part, LocalCall(30))
        assert err.value.status.code == code_pb2.RESOURCE_EXHAUSTED and "parts" in err.value.status.message
        servicer.fair.end_part()
    finally:
        identity.reset_current(token)
    token = identity.set_current(identity.Caller("someone", identity.ROLES, "token"))
    try:  # a caller's batch still needs the slot that is taken
        with pytest.raises(Refusal) as err:
            servicer._decide_batch(part, LocalCall(30))
        assert err.value.status.code == code_pb2.RESOURCE_EXHAUSTED and "batches" in err.value.status.message
    finally:
        identity.reset_current(token)
        servicer.fair.end_batch()
    assert servicer.fair.try_part() and servicer.fair.try_batch()  # both given back


def test_a_forwarded_batch_part_is_counted_once_by_the_process_that_received_the_call():
    """A part of a spread batch arrives at a sibling as a call of its own (identity "peer"): the
    process that received the client's call counts and logs the whole batch, so the sibling counts
    nothing, and the sum over the processes' /metrics is right."""
    import grpc

    from service.record import metrics
    from service.transport import identity
    from service.transport.grpc_server import _forwarded

    observer = metrics.CallObserver(lambda _ctx: "someone", _forwarded)
    handler = grpc.unary_unary_rpc_method_handler(lambda req, ctx: b"")

    class Details:
        method = "/hocr.v1.DecisionService/DecideBatch"
        invocation_metadata = ()

    class Context:
        def code(self):
            return None

    behaviour = observer.intercept_service(lambda _d: handler, Details()).unary_unary
    calls = metrics.CALLS.labels("DecideBatch", "OK", "someone")
    for how, counted in (("peer", 0), ("token", 1)):
        before = calls._value.get()
        token = identity.set_current(identity.Caller("someone", frozenset(), how))
        try:
            behaviour(pb.DecideBatchRequest(), Context())
        finally:
            identity.reset_current(token)
        assert calls._value.get() - before == counted, how
