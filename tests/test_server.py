"""Integration: a real gRPC server on a loopback port, called through a real channel."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from google.rpc import code_pb2, error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_status import rpc_status

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.server import SERVICE_NAME

pytestmark = pytest.mark.integration
EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def ts(text: str) -> Timestamp:
    t = Timestamp()
    t.FromDatetime(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    return t


def incident(injury: str | None = "minor", act_type: str = "use_of_force", with_time: bool = True,
             iid: str = "INC-G1") -> pb.Incident:
    inc = pb.Incident(
        id=iid, reporter=pb.Reporter(role="victim", person="V", channel="phone_999"),
        persons=[pb.Person(id="V", age=34, sex="female"), pb.Person(id="S", age=36, sex="male")],
        relationships=[pb.Relationship(a="S", b="V", kind="ex_partner")],
        acts=[pb.Act(id="a1", type=act_type, by=["S"], against="V",
                     attributes={"injury": injury} if injury else {})])
    if with_time:
        inc.reported_at.CopyFrom(ts("2026-06-01T10:00:00Z"))
    return inc


def violations(err: grpc.RpcError) -> list[str]:
    status = rpc_status.from_call(err)
    assert status is not None and status.code == code_pb2.INVALID_ARGUMENT
    out = []
    for detail in status.details:
        br = error_details_pb2.BadRequest()
        assert detail.Unpack(br)
        out += [v.field for v in br.field_violations]
    return out


def test_decide_ex_partner_punch_is_8n_with_domestic_abuse_flag(channel):
    stub = pb_grpc.DecisionServiceStub(channel)
    d = stub.Decide(pb.DecideRequest(incident=incident("minor"), as_of=ts("2026-06-01T11:00:00Z"))).decision
    assert d.outcome == pb.OUTCOME_RECORD_CRIME and d.edition == "2026-27"
    assert [(c.classification, c.ho_code, c.victim) for c in d.crimes] == [("8N", "008/06", "V")]
    assert [f.name for f in d.crimes[0].flags] == ["domestic_abuse"]
    assert d.record_by.ToDatetime() == dt.datetime(2026, 6, 2, 10, 0)
    assert not d.deadline_passed
    assert [a.status for a in d.acts] == [pb.ACT_STATUS_RECORDED]
    assert {f.rule_id for f in d.trace} >= {"assault.with-injury.abh", "flag.domestic-abuse"}


def test_decide_without_injury_is_105a(channel):
    d = pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=incident("none"))).decision
    assert [(c.classification, c.ho_code) for c in d.crimes] == [("105A", "105/01")]


def test_decide_passer_by_victim_not_traced_is_negated_with_reason(channel):
    raw = json.loads((EXAMPLES / "passer-by-victim-not-traced.json").read_text())
    inc = pb.Incident(id=raw["id"], reporter=pb.Reporter(role="third_party"),
                      persons=[pb.Person(id="V", attributes={"confirmation": "not_traced"}), pb.Person(id="S")],
                      acts=[pb.Act(id="a1", type="use_of_force", by=["S"], against="V", attributes={"injury": "minor"})])
    inc.reported_at.CopyFrom(ts(raw["reported_at"]))
    d = pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=inc)).decision
    assert d.outcome == pb.OUTCOME_CRIME_RELATED_INCIDENT and not d.crimes
    (n,) = d.negations
    assert n.reason_code == "ncrs.third-party.victim-not-traced" and n.citation and n.sentence


def test_unknown_act_type_is_invalid_argument_naming_the_field(channel):
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=incident(act_type="punch")))
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert violations(err.value) == ["incident.acts[0].type"]


def test_missing_required_field_is_invalid_argument_naming_it(channel):
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=incident(with_time=False)))
    assert "incident.reported_at" in violations(err.value)


def test_unknown_attribute_value_names_the_attribute(channel):
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=incident(injury="bruised")))
    assert violations(err.value) == ["incident.acts[0].attributes.injury"]


def test_empty_request_is_invalid_argument(channel):
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest())
    assert violations(err.value) == ["incident"]


def test_unknown_edition_is_failed_precondition(channel):
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=incident(), edition="1999-00"))
    assert err.value.code() == grpc.StatusCode.FAILED_PRECONDITION


def test_batch_decides_each_incident_and_rejects_only_the_bad_one(channel):
    reqs = [pb.DecideRequest(incident=incident("minor", iid="B1")),
            pb.DecideRequest(incident=incident("bruised", iid="B2")),
            pb.DecideRequest(incident=incident("none", iid="B3"))]
    resp = pb_grpc.DecisionServiceStub(channel).DecideBatch(pb.DecideBatchRequest(requests=reqs))
    assert [r.incident_id for r in resp.results] == ["B1", "B2", "B3"]
    assert resp.results[0].decision.crimes[0].classification == "8N"
    assert resp.results[1].WhichOneof("result") == "error"
    assert resp.results[1].error.code == code_pb2.INVALID_ARGUMENT
    br = error_details_pb2.BadRequest()
    assert resp.results[1].error.details[0].Unpack(br)
    assert [v.field for v in br.field_violations] == ["requests[1].incident.acts[0].attributes.injury"]
    assert resp.results[2].decision.crimes[0].classification == "105A"


def test_health_reports_serving(channel):
    stub = health_pb2_grpc.HealthStub(channel)
    for name in ("", SERVICE_NAME):
        assert stub.Check(health_pb2.HealthCheckRequest(service=name)).status == health_pb2.HealthCheckResponse.SERVING


def test_reflection_lists_the_decision_service(channel):
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    (resp,) = list(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
    names = {s.name for s in resp.list_services_response.service}
    assert {SERVICE_NAME, "grpc.health.v1.Health"} <= names


def test_describe_vocabulary_lists_act_types_questions_and_answers(channel):
    v = pb_grpc.DecisionServiceStub(channel).DescribeVocabulary(pb.DescribeVocabularyRequest(edition="2026-27")).vocabulary
    assert v.edition == "2026-27"
    force = next(t for t in v.act_types if t.name == "use_of_force")
    injury = next(a for a in force.attributes if a.name == "injury")
    assert injury.question and injury.kind == "enum"
    assert [t.name for t in injury.values] == ["none", "minor", "serious"] and all(t.description for t in injury.values)
    assert "ex_partner" in [k.name for k in v.relationship_kinds]
    assert v.envelope_questions["age"]


def test_describe_vocabulary_unknown_edition_is_not_found(channel):
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.DecisionServiceStub(channel).DescribeVocabulary(pb.DescribeVocabularyRequest(edition="1999-00"))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND


def test_questions_say_what_they_decide_most_decisive_first(channel):
    d = pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=incident(injury=None))).decision
    # no injury mentioned: recorded now as the least assault, provisionally, on a stated assumption
    assert d.outcome == pb.OUTCOME_RECORD_CRIME
    (crime,) = d.crimes
    assert (crime.classification, crime.provisional) == ("105A", True)
    assert [(a.field, a.value, a.id) for a in d.assumptions] == [
        ("acts[a1].attributes.injury", "none", "assume.injury-none")]
    assert "acts[a1].attributes.injury" in crime.refined_by
    purposes = ["recording", "classification", "counting", "flag"]
    assert {q.purpose for q in d.questions} <= set(purposes)
    assert [purposes.index(q.purpose) for q in d.questions] == sorted(purposes.index(q.purpose) for q in d.questions)
    checklist = d.questions[0]  # the general checks, as one question with its items
    assert checklist.field == "checklist.general-checks" and checklist.purpose == "recording"
    assert len(checklist.items) > 1 and all(i.field and i.text for i in checklist.items)
    injury = next(q for q in d.questions if q.field == "acts[a1].attributes.injury")
    assert injury.purpose == "classification" and injury.acts == ["a1"]


def test_review_crime_over_grpc(channel):
    stub = pb_grpc.DecisionServiceStub(channel)
    req = pb.ReviewCrimeRequest(crime=pb.RecordedCrime(reference="CR-1", classification="8N", ho_code="008/06"),
                                action="cancel", code="C5",
                                facts={"decided_by": "ddm", "independent_of_investigation": "yes",
                                       "self_defence_evidence": "yes", "assault_is_s47": "yes"})
    r = stub.ReviewCrime(req)
    assert not r.allowed and [n.reason_code for n in r.refusals] == ["review.victim-not-yet-told"]
    assert [q.field for q in r.questions] == ["facts.victim_informed"]
    req.facts["victim_informed"] = "yes"
    r = stub.ReviewCrime(req)
    assert r.allowed and [p.rule_id for p in r.permits] == ["review.c5.permit-s47"]


def test_review_crime_reclassification_decides_the_incident_again(channel):
    stub = pb_grpc.DecisionServiceStub(channel)
    r = stub.ReviewCrime(pb.ReviewCrimeRequest(
        crime=pb.RecordedCrime(reference="CR-2", classification="8N", ho_code="008/06", victim="V"),
        action="reclassify", facts={"decided_by": "fcr"}, incident=incident("serious")))
    assert r.allowed and r.new_classification == "8N 008/01"
    assert r.decision.crimes[0].ho_code == "008/01"


def test_review_crime_bad_fact_names_the_field(channel):
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.DecisionServiceStub(channel).ReviewCrime(pb.ReviewCrimeRequest(
            crime=pb.RecordedCrime(reference="CR-3", classification="8N", ho_code="008/06"),
            action="cancel", code="C9", facts={"decided_by": "sergeant"}))
    assert sorted(violations(err.value)) == ["code", "facts.decided_by"]
