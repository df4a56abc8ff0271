"""The operations every door calls: a batch reply never exceeds its size limit (the rest is not
decided, and says where to resume), and a stream gives the same results one by one."""
from __future__ import annotations

import json
from pathlib import Path

from google.protobuf import json_format
from google.rpc import code_pb2

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.transport.grpc_server import Servicer
from service.transport.ops import Operations

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def _requests(n: int) -> list[pb.DecideRequest]:
    incident = json.loads((EXAMPLES / "ex-partner-assault.json").read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        req = json_format.ParseDict({"incident": {**incident, "id": f"INC-{i}"}}, pb.DecideRequest())
        out.append(req)
    return out


def test_batch_reply_stays_under_its_size_limit_and_says_where_to_resume(service):
    ops = Operations(Servicer(service))
    reqs = _requests(6)
    one = ops.decide_batch(pb.DecideBatchRequest(requests=reqs[:1])).results[0].ByteSize()
    limit = one * 3 + 50
    reply = ops.decide_batch(pb.DecideBatchRequest(requests=reqs), max_reply_bytes=limit)
    assert [r.incident_id for r in reply.results] == [f"INC-{i}" for i in range(6)]
    decided = [r for r in reply.results if r.WhichOneof("result") == "decision"]
    refused = [r for r in reply.results if r.WhichOneof("result") == "error"]
    assert len(decided) == 3 and len(refused) == 3
    assert all(r.error.code == code_pb2.RESOURCE_EXHAUSTED and "requests[3:]" in r.error.message for r in refused)
    assert reply.ByteSize() <= limit + 3 * 200  # the refusals are small
    full = ops.decide_batch(pb.DecideBatchRequest(requests=reqs))
    assert all(r.WhichOneof("result") == "decision" for r in full.results)


def test_stream_gives_the_batch_results_in_order(service):
    ops = Operations(Servicer(service))
    reqs = _requests(4)
    streamed = list(ops.decide_stream(iter(reqs)))
    batch = ops.decide_batch(pb.DecideBatchRequest(requests=reqs)).results
    def strip(r):
        r = pb.BatchResult.FromString(r.SerializeToString())
        r.decision.ClearField("decision_id")
        r.decision.ClearField("decided_at")
        return r
    assert [strip(r) for r in streamed] == [strip(r) for r in batch]
