"""The Audit RPC over a real gRPC channel: records stream in, findings and the summary stream out."""
from __future__ import annotations

import json

import grpc
import pytest
from google.rpc import code_pb2, error_details_pb2

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.server import create_server

from .test_server import incident, ts

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stub(service):
    server, port = create_server("127.0.0.1:0", service, workers=2)
    server.start()
    ch = grpc.insecure_channel(f"127.0.0.1:{port}")
    grpc.channel_ready_future(ch).result(timeout=10)
    yield pb_grpc.DecisionServiceStub(ch)
    ch.close()
    server.stop(grace=None)


def crime(cls="8N", code="008/06", at="2026-06-01T12:00:00Z", flags=("domestic_abuse",)):
    return pb.AuditRecordedCrime(reference="CR-1", classification=cls, ho_code=code, victim="V",
                                 recorded_at=ts(at), flags=list(flags))


def requests(edition=""):
    yield pb.AuditRequest(options=pb.AuditOptions(edition=edition, recorded_per_year=10000))
    yield pb.AuditRequest(record=pb.AuditRecord(incident=incident(iid="R1"), crimes=[crime()]))
    yield pb.AuditRequest(record=pb.AuditRecord(incident=incident(iid="R2"), crimes=[crime(at="2026-06-04T10:00:00Z")]))
    yield pb.AuditRequest(record=pb.AuditRecord(incident=incident(iid="R3")))
    yield pb.AuditRequest(record=pb.AuditRecord(incident=incident(iid="R4", act_type="punch")))
    old = incident(iid="R5")
    old.reported_at.CopyFrom(ts("2024-06-01T10:00:00Z"))
    yield pb.AuditRequest(record=pb.AuditRecord(incident=old, crimes=[crime(at="2024-06-01T11:00:00Z")]))


def test_audit_streams_findings_problems_and_summary(stub):
    events = list(stub.Audit(requests(), timeout=30))
    assert events[-1].WhichOneof("item") == "summary"
    found = {e.finding.incident_id: e.finding for e in events if e.WhichOneof("item") == "finding"}
    assert found["R1"].finding == "correct" and found["R1"].rule_ids and found["R1"].citations
    assert found["R2"].finding == "late" and found["R2"].hours_to_record == 72.0
    assert found["R3"].finding == "not_recorded" and found["R3"].expected_classification == "8N"
    problems = {e.problem.record: e.problem for e in events if e.WhichOneof("item") == "problem"}
    assert problems[4].kind == "bad_record" and problems[4].status.code == code_pb2.INVALID_ARGUMENT
    br = error_details_pb2.BadRequest()
    assert problems[4].status.details[0].Unpack(br)
    assert br.field_violations[0].field == "records[3].incident.acts[0].type"
    assert problems[5].kind == "not_auditable" and problems[5].status.code == code_pb2.FAILED_PRECONDITION
    s = events[-1].summary
    assert (s.records, s.audited, s.bad_records, s.not_auditable) == (5, 3, 1, 1)
    all_ = next(r for r in s.rates if r.group == "all")
    assert (all_.recorded, all_.should_have_been_recorded) == (2, 3)
    assert all_.HasField("unrecorded_per_year") and round(all_.unrecorded_per_year) == 5000
    assert json.loads(s.summary_json)["groups"]["all"]["recorded"] == 2


def test_audit_named_edition_decides_the_undated_record(stub):
    events = list(stub.Audit(requests(edition="2026-27"), timeout=30))
    r5 = [e.finding for e in events if e.WhichOneof("item") == "finding" and e.finding.incident_id == "R5"]
    assert r5 and r5[0].edition_forced and r5[0].edition == "2026-27"
    assert events[-1].summary.decided_under_named_edition == 1
