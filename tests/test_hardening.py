"""Bad input, big input and broken code at the gRPC door: the caller always gets a clear status."""
from __future__ import annotations

import logging
import socket

import grpc
import pytest
from google.rpc import code_pb2, error_details_pb2
from grpc_reflection.v1alpha import reflection_pb2
from grpc_status import rpc_status

from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.transport.grpc_server import BindError, Limits, create_server

from .test_server import incident, ts

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def port(service):
    server, port = create_server("127.0.0.1:0", service, workers=4)
    server.start()
    yield port
    server.stop(grace=None)


@pytest.fixture
def stub(port):
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        yield pb_grpc.DecisionServiceStub(ch)


@pytest.fixture
def raw(port):
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        yield lambda method, data: ch.unary_unary(f"/hocr.v1.DecisionService/{method}")(data)


def refusal(err: grpc.RpcError) -> tuple[list[tuple[str, str]], int]:
    status = rpc_status.from_call(err)
    assert status is not None and status.code == code_pb2.INVALID_ARGUMENT, err
    out = []
    for detail in status.details:
        br = error_details_pb2.BadRequest()
        assert detail.Unpack(br)
        out += [(v.field, v.description) for v in br.field_violations]
    return out, status.ByteSize()


def fields(err) -> list[str]:
    return [f for f, _ in refusal(err)[0]]


@pytest.mark.parametrize("method", ["Decide", "DecideBatch", "DescribeVocabulary", "ReviewCrime"])
@pytest.mark.parametrize("data", [b"\xff\xff\xff", b"\x0a\x05abc"])  # garbage, cut short
def test_undecodable_request_bytes_are_invalid_argument(raw, method, data):
    with pytest.raises(grpc.RpcError) as err:
        raw(method, data)
    assert fields(err.value) == ["request"]


@pytest.mark.parametrize("method, data", [
    ("Decide", b"\x0a\x03\x0a\x01\xff"),  # incident.id
    ("DecideBatch", b"\x0a\x05\x0a\x03\x0a\x01\xff"),  # requests[0].incident.id
    ("DescribeVocabulary", b"\x0a\x01\xff"),  # edition
    ("ReviewCrime", b"\x1a\x01\xff")])  # action
def test_text_that_is_not_utf8_is_invalid_argument(raw, method, data):
    with pytest.raises(grpc.RpcError) as err:
        raw(method, data)
    assert fields(err.value) == ["request"]


def test_timestamps_outside_protobufs_range_name_their_field_and_the_rest_is_still_checked(stub):
    inc = incident()
    inc.reported_at.seconds = 10**13
    inc.acts[0].occurred_at.seconds = -10**12
    inc.acts[0].attributes["injury"] = "bruised"
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc))
    assert fields(err.value) == ["incident.reported_at", "incident.acts[0].occurred_at",
                                 "incident.acts[0].attributes.injury"]


def test_a_report_at_the_calendar_limit_is_refused_not_overflowed(stub):
    inc = incident()
    inc.reported_at.CopyFrom(ts("9999-12-31T12:00:00Z"))  # + 24 h is past the last representable time
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc))
    assert fields(err.value) == ["incident.reported_at"]
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=incident(), as_of=ts("0001-01-01T00:00:00Z")))
    assert fields(err.value) == ["as_of"]


def test_an_offender_listed_twice_and_duplicate_evidence_are_refused(stub):
    inc = incident()
    inc.acts[0].by.append("S")
    inc.evidence.add(id="e1", acts=["a1", "a1"])
    inc.evidence.add(id="e1", acts=["a1"])
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc))
    assert sorted(fields(err.value)) == ["incident.acts[0].by[1]", "incident.evidence[0].acts[1]",
                                         "incident.evidence[1].id"]


def test_ids_that_would_collide_in_the_engine_are_refused(stub):
    inc = incident()
    inc.persons.add(id="b:offender:c")
    inc.acts.add(id="a:offender:b", type="use_of_force", by=["S"], against="V", attributes={"injury": "none"})
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc))
    assert fields(err.value) == ["incident.persons[2].id", "incident.acts[1].id"]


def test_refusals_are_bounded_and_never_echo_the_payload(stub):
    secret = "Mrs-Jane-Doe-of-12-Acacia-Avenue"
    inc = incident()
    for j in range(5):
        act = inc.acts.add(id=f"x{j}", type="use_of_force", by=["S"], against="V")
        for i in range(60):
            act.attributes[f"{secret}{i}"] = secret
    inc.persons[0].sex = secret
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc))
    violations, size = refusal(err.value)
    assert len(violations) <= 51 and size <= 4096
    assert "more violation" in violations[-1][1]
    # the payload's text appears nowhere but in the field paths naming its unknown keys
    assert not any(secret in description for _, description in violations)
    assert not any(secret in f for f, _ in violations if not f.startswith("incident.acts["))


def test_every_violation_in_one_round(stub):
    inc = incident(injury="bruised")
    inc.reporter.role = "nobody"
    inc.acts[0].against = "X"
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc))
    assert sorted(fields(err.value)) == ["incident.acts[0].against", "incident.acts[0].attributes.injury",
                                         "incident.reporter.role"]


def test_batch_gives_each_item_its_own_status_whatever_it_contains(stub):
    bad_time = incident(iid="B2")
    bad_time.reported_at.seconds = 2**62
    garbage = incident(iid="B3")
    garbage.acts[0].by.extend(["S", "S"])
    reqs = [pb.DecideRequest(incident=incident(iid="B1")), pb.DecideRequest(incident=bad_time),
            pb.DecideRequest(incident=garbage), pb.DecideRequest(),
            pb.DecideRequest(incident=incident(iid="B5"), as_of=ts("9999-12-31T23:00:00Z"))]
    resp = stub.DecideBatch(pb.DecideBatchRequest(requests=reqs))
    kinds = [r.WhichOneof("result") for r in resp.results]
    assert kinds == ["decision", "error", "error", "error", "error"]
    assert {r.error.code for r in resp.results[1:]} == {code_pb2.INVALID_ARGUMENT}


def test_too_much_work_in_one_incident_is_refused_before_any_work(stub):
    inc = incident()
    del inc.persons[:], inc.acts[:], inc.relationships[:]
    inc.persons.extend(pb.Person(id=f"P{i}") for i in range(100))
    for i in range(100):
        inc.acts.add(id=f"a{i}", type="use_of_force", by=[f"P{j}" for j in range(i % 5, 50, 5)],
                     against=f"P{50 + i % 50}")
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc))
    (violation,) = refusal(err.value)[0]
    assert violation[0] == "incident.acts" and "at most" in violation[1]


def test_a_batch_over_the_work_cap_is_refused_whole_before_any_work(service):
    server, port = create_server("127.0.0.1:0", service, workers=2, limits=Limits(batch_acts=10))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            with pytest.raises(grpc.RpcError) as err:
                stub.DecideBatch(pb.DecideBatchRequest(requests=[pb.DecideRequest(incident=incident())] * 11))
            assert fields(err.value) == ["requests"]
            assert len(stub.DecideBatch(pb.DecideBatchRequest(
                requests=[pb.DecideRequest(incident=incident())] * 10)).results) == 10
    finally:
        server.stop(grace=None)


def test_the_engine_stops_at_the_calls_time_limit(service):
    server, port = create_server("127.0.0.1:0", service, workers=2, limits=Limits(call_seconds=1e-9))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            with pytest.raises(grpc.RpcError) as err:
                stub.Decide(pb.DecideRequest(incident=incident()))
            assert err.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
            resp = stub.DecideBatch(pb.DecideBatchRequest(requests=[pb.DecideRequest(incident=incident())] * 2))
            assert [r.error.code for r in resp.results] == [code_pb2.DEADLINE_EXCEEDED] * 2
    finally:
        server.stop(grace=None)
    # and the engine is not left in a bad state: the next decision, without a limit, is whole
    assert service.decide({"id": "I", "reported_at": "2026-06-01T10:00:00Z", "reporter": {"role": "victim"},
                           "persons": [{"id": "V"}, {"id": "S"}],
                           "acts": [{"id": "a1", "type": "use_of_force", "by": ["S"], "against": "V",
                                     "attributes": {"injury": "minor"}}]}).crimes


class _Broken(DecisionService):
    """A service with a bug: what a caller sees when code fails in a way nobody foresaw."""

    def __init__(self, real: DecisionService):
        self.__dict__.update(real.__dict__)

    def decide(self, *a, **k):
        raise KeyError("a bug")


def test_an_unexpected_failure_is_internal_with_a_reference_logged_once(service, caplog):
    server, port = create_server("127.0.0.1:0", _Broken(service), workers=2)
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch, caplog.at_level(logging.ERROR, "hocr.server"):
            stub = pb_grpc.DecisionServiceStub(ch)
            refs = []
            for _ in range(3):
                with pytest.raises(grpc.RpcError) as err:
                    stub.Decide(pb.DecideRequest(incident=incident()))
                assert err.value.code() == grpc.StatusCode.INTERNAL and "reference" in err.value.details()
                refs.append(err.value.details().split("reference ")[1].split(":")[0])
            resp = stub.DecideBatch(pb.DecideBatchRequest(requests=[pb.DecideRequest(incident=incident())]))
            assert resp.results[0].error.code == code_pb2.INTERNAL
    finally:
        server.stop(grace=None)
    records = [r for r in caplog.records if r.name == "hocr.server" and "internal error" in r.getMessage()]
    assert len(records) == 4 and all(any(ref in r.getMessage() for r in records) for ref in refs)
    assert sum(1 for r in records if r.exc_info) == 1  # the traceback once, one line each after


def test_a_review_cannot_be_talked_round_by_its_facts(stub):
    crime = pb.RecordedCrime(reference="CR-9", classification="8N", ho_code="008/06")
    with pytest.raises(grpc.RpcError) as err:
        stub.ReviewCrime(pb.ReviewCrimeRequest(crime=crime, action="transfer", code="C1",
                                               facts={"action": "cancel", "code": "C5", "decided_by": "ddm"}))
    assert sorted(fields(err.value)) == ["facts.action", "facts.code"]


@pytest.mark.parametrize("cls, code, field", [("8N", "999/99", "crime.ho_code"), ("ZZ", "008/06", "crime.classification"),
                                              ("8N", "105/01", "crime.ho_code")])
def test_a_review_of_an_unknown_or_mismatched_offence_code_is_refused(stub, cls, code, field):
    with pytest.raises(grpc.RpcError) as err:
        stub.ReviewCrime(pb.ReviewCrimeRequest(crime=pb.RecordedCrime(reference="CR-9", classification=cls,
                                                                      ho_code=code),
                                               action="cancel", code="C4", facts={"decided_by": "fcr"}))
    assert fields(err.value) == [field]


def _ten_acts(iid: str) -> pb.Incident:
    inc = incident(iid=iid)
    for i in range(2, 11):
        inc.acts.add(id=f"a{i}", type="use_of_force", by=["S"], against="V", attributes={"injury": "minor"})
    return inc


def test_batches_do_not_starve_single_decisions_and_extra_batches_are_refused(service, monkeypatch):
    # 4 worker threads: without a limit, 4 batches would hold them all and every Decide would wait;
    # no decision memo, so that each of the batch's incidents costs a decision (kept ones go too fast)
    monkeypatch.setenv("HOCR_DECISION_MEMO", "0")
    server, port = create_server("127.0.0.1:0", service, workers=4, limits=Limits(batch_slots=2))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.max_receive_message_length", 16 << 20)]) as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            # as many ten-act incidents as a batch may hold (the acts limit), so that the batches are
            # still running when the others arrive; on a machine fast enough to finish the first
            # before the third is sent, try again (a third batch is then rightly let in)
            big = pb.DecideBatchRequest(requests=[pb.DecideRequest(incident=_ten_acts(f"I{i}")) for i in range(250)])
            for _attempt in range(4):
                batches = [stub.DecideBatch.future(big) for _ in range(4)]
                decided_during_batches = 0
                for _ in range(10):
                    assert stub.Decide(pb.DecideRequest(incident=incident())).decision.crimes
                    decided_during_batches += not all(b.done() for b in batches)
                outcomes = sorted("ok" if b.exception() is None else b.exception().code().name for b in batches)
                assert outcomes.count("RESOURCE_EXHAUSTED") <= 2  # never more than the two slots' worth
                if outcomes == ["RESOURCE_EXHAUSTED", "RESOURCE_EXHAUSTED", "ok", "ok"]:
                    break
            assert outcomes == ["RESOURCE_EXHAUSTED", "RESOURCE_EXHAUSTED", "ok", "ok"]
            # while the two batches ran, single decisions went on (without the slots the four batches
            # would hold every worker thread and no Decide would finish before one of them)
            assert decided_during_batches >= 3, "single decisions waited for the batches"
    finally:
        server.stop(grace=None)


def test_per_caller_concurrency_is_limited(service):
    from service.transport.interceptors import Policy

    server, port = create_server("127.0.0.1:0", service, workers=4, policy=Policy(allow_local=True, per_caller=1))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = pb_grpc.DecisionServiceStub(ch)
            def long(i: int) -> pb.Incident:  # four acts each: a batch still running while we call
                inc = incident(iid=f"I{i}")
                for k in range(2, 5):
                    inc.acts.add().CopyFrom(inc.acts[0])
                    inc.acts[-1].id = f"a{k}"
                return inc
            codes: set = set()
            for _attempt in range(5):  # the machine may be fast enough to finish a batch first: try again
                batch = stub.DecideBatch.future(pb.DecideBatchRequest(
                    requests=[pb.DecideRequest(incident=long(i)) for i in range(500)]))
                while not batch.done() and not codes:
                    calls = [stub.Decide.future(pb.DecideRequest(incident=incident())) for _ in range(4)]
                    for call in calls:
                        try:
                            call.result()
                        except grpc.RpcError as err:
                            codes.add(err.code())
                try:
                    results = batch.result().results
                except grpc.RpcError as err:  # a Decide reached the server before the (larger) batch did
                    assert err.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                    codes.clear()
                    continue
                assert len(results) == 500  # once running, the batch itself is never refused for it
                if codes:
                    break
            assert codes == {grpc.StatusCode.RESOURCE_EXHAUSTED}
    finally:
        server.stop(grace=None)


def test_a_port_in_use_is_refused(service):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        with pytest.raises(BindError):
            create_server(f"127.0.0.1:{s.getsockname()[1]}", service)


def _list_services(ch, version: str):
    call = ch.stream_stream(f"/grpc.reflection.{version}.ServerReflection/ServerReflectionInfo",
                            request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
                            response_deserializer=reflection_pb2.ServerReflectionResponse.FromString)
    (resp,) = list(call(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
    return {s.name for s in resp.list_services_response.service}


def test_reflection_v1_and_v1alpha_and_no_reflection(port, service):
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        for version in ("v1", "v1alpha"):
            assert {"hocr.v1.DecisionService", "grpc.health.v1.Health"} <= _list_services(ch, version)
    server, other = create_server("127.0.0.1:0", service, workers=2, reflection_on=False)
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{other}") as ch:
            with pytest.raises(grpc.RpcError) as err:
                _list_services(ch, "v1")
            assert err.value.code() == grpc.StatusCode.UNIMPLEMENTED
    finally:
        server.stop(grace=None)


def test_idle_connections_are_closed_after_the_configured_time(service):
    import time

    from service.transport.grpc_server import Keepalive

    server, port = create_server("127.0.0.1:0", service, workers=2, keepalive=Keepalive(idle_seconds=0.5))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            states = []
            ch.subscribe(states.append)
            assert pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident())).decision.crimes
            # (the connectivity callbacks arrive on another thread: wait for READY, then for IDLE after it)
            def idle_after_ready() -> bool:
                seen = list(states)
                return grpc.ChannelConnectivity.READY in seen and \
                    grpc.ChannelConnectivity.IDLE in seen[seen.index(grpc.ChannelConnectivity.READY):]
            end = time.monotonic() + 10
            while time.monotonic() < end and not idle_after_ready():
                time.sleep(0.1)
            assert idle_after_ready(), states
    finally:
        server.stop(grace=None)


def test_a_deadline_passing_inside_the_engine_loop_stops_it_and_leaves_nothing_behind(service, monkeypatch):
    """The call's time limit taken to pass at the engine's first, second, ... look at the clock
    (before it starts, then before each action it runs): each stops the engine, and the next
    decision is unaffected (the long-lived session holds nothing of the stopped one). The clock is
    counted, not timed, so that a loaded machine cannot make every limit fall before the engine."""
    from service.engine import driver as engine
    from service.engine.driver import EngineTimeout

    def raw(n: int) -> dict:
        return {"id": "T", "reported_at": "2026-06-01T10:00:00Z", "reporter": {"role": "victim"},
                "persons": [{"id": "V", "age": 30}, {"id": "S", "age": 30}],
                "acts": [{"id": f"a{i}", "type": "use_of_force", "by": ["S"], "against": "V",
                          "attributes": {"injury": "minor"}} for i in range(n)]}

    reference = service.decide(raw(10)).to_dict()
    real = engine.past_deadline
    stopped = []
    for k in range(1, 8):
        looks = iter(range(k, 0, -1))
        monkeypatch.setattr(engine, "past_deadline", lambda looks=looks: next(looks, 0) == 1)  # True at the k-th look
        with pytest.raises(EngineTimeout) as exc:
            service.decide(raw(10))
        stopped.append("while the engine ran" in str(exc.value))
        monkeypatch.setattr(engine, "past_deadline", real)
        after = service.decide(raw(10)).to_dict()
        per_call = ("decided_at", "decision_id")  # a new id and time for every call
        assert {k: v for k, v in after.items() if k not in per_call} == \
            {k: v for k, v in reference.items() if k not in per_call}
    assert stopped == [False] + [True] * 6  # the first look is before the engine starts


def test_timestamps_outside_protobufs_range_are_refused_by_path(stub):
    """Every Timestamp of the request outside 0001-01-01..9999-12-31 (or with nanos outside 0..999,999,999),
    wherever it is in the message, is named by its path; the others are not."""
    inc = incident(iid="TS-1")
    inc.acts.add(id="a2", type="use_of_force", by=["S"], against="V").occurred_at.CopyFrom(ts("2026-05-31T10:00:00Z"))
    inc.acts[0].occurred_at.seconds = 253402300800  # 10000-01-01
    inc.acts[1].occurred_at.nanos = 1_000_000_000
    inc.prior_records.add(reference="P1", offenders=["S"]).reported_at.seconds = -62135596801  # before 0001
    inc.prior_records.add(reference="P2", offenders=["S"]).reported_at.CopyFrom(ts("2025-01-01T00:00:00Z"))
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc), timeout=30)
    got = [f for f, d in refusal(err.value)[0] if "a timestamp outside" in d]
    assert got == ["incident.acts[0].occurred_at", "incident.acts[1].occurred_at",
                   "incident.prior_records[0].reported_at"]
    inc.acts[0].occurred_at.seconds = 1780308000
    inc.acts[1].occurred_at.nanos = 0
    inc.prior_records[0].reported_at.seconds = 1780308000
    inc.reported_at.seconds = 253402300800
    with pytest.raises(grpc.RpcError) as err:
        stub.Decide(pb.DecideRequest(incident=inc), timeout=30)
    assert [f for f, d in refusal(err.value)[0] if "a timestamp outside" in d] == ["incident.reported_at"]


def test_an_as_of_outside_the_years_allowed_is_refused_by_its_path(stub):
    """as_of at the first second of the years allowed is decided; one second before it, nanos out
    of range, or a time protobuf cannot hold is INVALID_ARGUMENT naming `as_of` (and, in a batch,
    that item's `requests[i].as_of`, the others decided)."""
    from service.contract.incident import _FIRST

    def with_as_of(seconds, nanos=0, iid="INC-1"):
        req = pb.DecideRequest(incident=incident(iid=iid))
        req.as_of.seconds, req.as_of.nanos = seconds, nanos
        return req

    assert stub.Decide(with_as_of(_FIRST)).decision.incident_id == "INC-1"
    for seconds, nanos in ((_FIRST - 1, 0), (_FIRST, 1_000_000_000), (_FIRST, -1), (2**62, 0)):
        with pytest.raises(grpc.RpcError) as err:
            stub.Decide(with_as_of(seconds, nanos))
        assert fields(err.value) == ["as_of"], (seconds, nanos)
    resp = stub.DecideBatch(pb.DecideBatchRequest(requests=[with_as_of(_FIRST, iid="B1"),
                                                            with_as_of(_FIRST - 1, iid="B2")]))
    assert [r.WhichOneof("result") for r in resp.results] == ["decision", "error"]
    br = error_details_pb2.BadRequest()
    assert resp.results[1].error.details[0].Unpack(br)
    assert [v.field for v in br.field_violations] == ["requests[1].as_of"]
