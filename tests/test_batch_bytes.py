"""DecideBatch over gRPC builds its reply from its results' bytes (service/transport/grpc_server.py:
_batch, _spread; service/transport/wire.py): a kept decision's bytes go in unparsed, a sibling
process's reply is split at the wire level. The reply must equal, field for field except
decision_id and decided_at, the reply built the old way (each item's decision a message, copied
into a BatchResult, the whole response serialised), for the same requests: memo on and off,
first-seen and repeated shapes, items that fail validation, a reply cut at its size limit (the same
cut-off), a batch spread over `hocr serve --processes 2`; with a decision log, the same entries;
and the call log counts the same decisions."""
from __future__ import annotations

import datetime as dt
import json
import logging
import signal
from contextlib import contextmanager

import grpc
import pytest
from google.rpc import code_pb2

from service import api
from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.record import metrics
from service.transport import grpc_server, pbjson
from service.transport.grpc_server import (
    BATCH_METHOD,
    Limits,
    Servicer,
    _reply_bytes,
    _result_bytes,
    create_server,
    too_big,
)
from service.transport.wire import LocalCall, length_delimited, split_repeated, tag_of, varint

from .drain_load import finish, free_port, start_server, wait_serving
from .gen_incidents import feature_incidents
from .test_memo import _logged

AS_OF = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
OPTIONS = [("grpc.max_receive_message_length", 16 << 20), ("grpc.max_send_message_length", 16 << 20)]
RESULTS = pb.DecideBatchResponse.DESCRIPTOR.fields_by_name["results"]


def _requests(tag: str, n: int) -> list[pb.DecideRequest]:
    """`n` feature incidents (every 7th, so of many shapes) under ids of this tag, as of one time;
    two shapes come twice (kept, then reused within the batch); one item fails validation on an
    attribute value and one has no incident."""
    out = []
    for raw in feature_incidents()[::7]:
        msg, _bad = pbjson.parse({**raw, "id": f"{tag}-{len(out):04d}"}, pb.Incident)
        if msg is None or not msg.HasField("reported_at"):
            continue
        req = pb.DecideRequest(incident=msg)
        req.as_of.FromDatetime(AS_OF)
        out.append(req)
        if len(out) == n - 4:
            break
    for k in (1, 2):  # the same shape as an earlier item, under another id of the same length
        again = pb.DecideRequest()
        again.CopyFrom(out[k])
        again.incident.id = f"{tag}-{len(out):04d}"
        out.append(again)
    bad = pb.DecideRequest()
    bad.CopyFrom(out[0])
    bad.incident.id = f"{tag}-{len(out):04d}"
    bad.incident.acts[0].attributes["no_such_attribute"] = "x"
    out.insert(len(out) // 2, bad)
    out.insert(3 * len(out) // 4, pb.DecideRequest())
    return out


def old_way(servicer: Servicer, request: pb.DecideBatchRequest, room: int | None = None) -> pb.DecideBatchResponse:
    """The reply as DecideBatch built it before the bytes path: each item's Decision message (a
    kept one parsed from its bytes) in a BatchResult message, the same size limit, the same log."""
    room = room or servicer.limits.reply_bytes
    results, pending, size, full_at = [], [], 0, None
    for i, req in enumerate(request.requests):
        incident_id = req.incident.id if req.HasField("incident") else ""
        if full_at is not None:
            results.append(pb.BatchResult(incident_id=incident_id, error=too_big(room, full_at)))
            continue
        decision, error, entries = servicer._item(req, f"requests[{i}].incident", 10.0, BATCH_METHOD,
                                                  request.compact)
        result = pb.BatchResult(incident_id=incident_id, decision=decision, error=error)
        grown = result.ByteSize() + 8
        if size + grown > room:
            full_at = i
            results.append(pb.BatchResult(incident_id=incident_id, error=too_big(room, full_at)))
            continue
        size += grown
        pending += entries
        results.append(result)
    servicer.service.write_log(pending)
    return pb.DecideBatchResponse(results=results)


def _norm(reply: pb.DecideBatchResponse) -> list[bytes]:
    out = []
    for r in reply.results:
        r = pb.BatchResult.FromString(r.SerializeToString())
        if r.HasField("decision"):
            r.decision.ClearField("decision_id")
            r.decision.ClearField("decided_at")
        out.append(r.SerializeToString(deterministic=True))
    return out


def assert_same(got: pb.DecideBatchResponse, want: pb.DecideBatchResponse) -> None:
    g, w = _norm(got), _norm(want)
    assert len(g) == len(w)
    wrong = [i for i in range(len(g)) if g[i] != w[i]]
    assert not wrong, f"results {wrong[:5]} differ, first: {got.results[wrong[0]]} != {want.results[wrong[0]]}"


@contextmanager
def _server(service: DecisionService, limits: Limits | None = None):
    server, port = create_server("127.0.0.1:0", service, workers=2, limits=limits or Limits())
    server.start()
    ch = grpc.insecure_channel(f"127.0.0.1:{port}", options=OPTIONS)
    try:
        grpc.channel_ready_future(ch).result(timeout=10)
        raw = ch.unary_unary(BATCH_METHOD, request_serializer=pb.DecideBatchRequest.SerializeToString)
        yield server, (lambda req: pb.DecideBatchResponse.FromString(raw(req, timeout=120)))
    finally:
        ch.close()
        server.stop(grace=None)


def test_results_split_at_the_wire_level_as_they_were_joined():
    results = [pb.BatchResult(incident_id="I-1", error=too_big(10, 0)), pb.BatchResult(),
               pb.BatchResult(incident_id="I-2" * 100, decision=pb.Decision(incident_id="I-2", edition="é"))]
    data = pb.DecideBatchResponse(results=results).SerializeToString()
    assert split_repeated(data, RESULTS) == [r.SerializeToString() for r in results]
    assert b"".join(length_delimited(tag_of(RESULTS), r.SerializeToString()) for r in results) == data
    for broken in (data[:-1], data + b"\x12\x00", b"\x0a\xff"):  # cut short; another field; a cut length
        with pytest.raises(ValueError):
            split_repeated(broken, RESULTS)


@pytest.mark.parametrize("memo", ["on", "off"])
def test_the_bytes_reply_equals_the_old_one(service, monkeypatch, caplog, memo):
    """First-seen shapes, then the same shapes under new ids (reused when the memo is on), with
    items that fail validation; and the call log line counts the same decisions and errors."""
    if memo == "off":
        monkeypatch.setenv("HOCR_DECISION_MEMO", "0")
    ref = Servicer(service)
    with _server(service) as (server, call):
        assert (server.servicer.memo is None) == (memo == "off") == (ref.memo is None)
        metrics.CALL_LOG.setLevel(logging.INFO)
        try:
            for tag in ("FS", "RP"):
                req = pb.DecideBatchRequest(requests=_requests(tag, 30))
                with caplog.at_level(logging.INFO, logger="hocr.calls"):
                    got = call(req)
                want = old_way(ref, req)
                assert_same(got, want)
                errors = [i for i, r in enumerate(want.results) if r.HasField("error")]
                assert len(errors) == 2 and "no_such_attribute" in want.results[errors[0]].error.SerializeToString(
                ).decode("utf-8", "replace")
                line = json.loads([r.getMessage() for r in caplog.records if r.name == "hocr.calls"][-1])
                expected = metrics.summarise("DecideBatch", want)
                assert {k: line[k] for k in expected} == expected
        finally:
            metrics.CALL_LOG.setLevel(logging.NOTSET)
        if memo == "on":
            assert server.servicer.memo.stats["reused"] >= 28  # the second batch, and the repeats in each


@pytest.mark.parametrize("fit", [5, 4])
def test_a_reply_at_its_size_limit_is_cut_at_the_same_item(service, fit):
    """The limit falls in the middle of the sixth (or fifth) decision: the same results are given,
    and the rest refused with the same status, first-seen and repeated (kept bytes) alike. (A
    decision's size varies by a byte or two with its decided_at, so the limit is not put at a
    result's last byte; test_a_result_is_the_bytes_of_its_message checks the counted sizes.)"""
    first = pb.DecideBatchRequest(requests=_requests("SZ", 24))
    sizes = [r.ByteSize() + 8 for r in old_way(Servicer(service), first).results]
    room = sum(sizes[:fit]) + sizes[fit] // 2
    ref = Servicer(service, limits=Limits(reply_bytes=room))
    with _server(service, Limits(reply_bytes=room)) as (_server_, call):
        for tag in ("SZ", "SY"):
            req = pb.DecideBatchRequest(requests=_requests(tag, 24))
            got, want = call(req), old_way(ref, req, room)
            assert_same(got, want)
            assert [r.WhichOneof("result") for r in got.results] == ["decision"] * fit + ["error"] * (24 - fit)
            assert all(r.error.code == 8 and f"requests[{fit}]" in r.error.message for r in got.results[fit:])


def test_a_result_is_the_bytes_of_its_message(service):
    """_result_bytes gives exactly a BatchResult message's bytes (so the size limit counts what the
    old reply counted), with a decision, an error, and without an incident id."""
    d = Servicer(service, memo_entries=0)._decide(_requests("RB", 8)[0])
    err = too_big(100, 3)
    for iid, decision, error in (("RB-0000", d, None), ("RB-0001", None, err), ("", None, err), ("é", d, None)):
        want = pb.BatchResult(incident_id=iid, decision=decision, error=error).SerializeToString()
        got = _result_bytes(iid, decision.SerializeToString() if decision is not None else None, error)
        assert got == want


def test_with_a_decision_log_the_entries_are_the_same(tmp_path):
    """Each decision of the reply is on the log, with the entry the old way writes deciding it in full
    (the memo off), whether it was decided or made from a kept decision."""
    on_svc = DecisionService(decision_log=f"sqlite:///{tmp_path / 'bytes.db'}?synchronous=normal")
    off_svc = DecisionService(decision_log=f"sqlite:///{tmp_path / 'old.db'}?synchronous=normal")
    ref = Servicer(off_svc, memo_entries=0)  # the full way: a kept decision's entry must be the one deciding writes
    with _server(on_svc) as (server, call):
        assert server.servicer.memo is not None and server.servicer.memo.keep_decisions
        for tag in ("LG", "LH"):
            req = pb.DecideBatchRequest(requests=_requests(tag, 20))
            got, want = call(req), old_way(ref, req)
            assert_same(got, want)
            for g, w in zip(got.results, want.results, strict=True):
                if g.HasField("decision"):
                    assert _logged(on_svc.record.store, g.decision.decision_id) == _logged(
                        off_svc.record.store, w.decision.decision_id), g.incident_id
        assert server.servicer.memo.stats["reused"] >= 18
    assert on_svc.record.store.count() == off_svc.record.store.count() == 36


def test_a_shape_goes_to_the_same_process_whichever_received_the_batch(service):
    """_parts lists this process's part first: process 1 receiving a batch must send each item to
    the process that process 0 would (else a repeated shape is decided afresh, and kept twice)."""
    zero = Servicer(service, peers=("/nonexistent/p1.sock",), index=0)
    one = Servicer(service, peers=("/nonexistent/p0.sock",), index=1)
    items = _requests("OW", 40) + [_requests("ON", 8)[1]] * 30  # and one shape over its even share
    number = {}
    for servicer, numbers in ((zero, (0, 1)), (one, (1, 0))):
        got = servicer._parts(items, 2)
        assert sorted(i for p in got for i in p) == list(range(len(items)))
        number[servicer.index] = {i: numbers[k] for k, p in enumerate(got) for i in p}
    assert number[0] == number[1]
    assert 0 < sum(number[0].values()) < len(items)


@pytest.mark.integration
def test_a_batch_spread_over_two_processes_equals_the_old_reply(service):
    """`hocr serve --processes 2`: each sibling's part comes back split into its results, each at
    its index; the same reply as one process built the old way, and one call log line per batch
    (the forwarded parts are not counted again) with the same counts."""
    ref = Servicer(service)
    port = free_port()
    server = start_server(port, "--processes", "2", "--drain-seconds", "0.2")
    try:
        wait_serving(port)
        wanted = []
        with grpc.insecure_channel(f"127.0.0.1:{port}", options=OPTIONS) as ch:
            raw = ch.unary_unary(BATCH_METHOD, request_serializer=pb.DecideBatchRequest.SerializeToString)
            for tag in ("SP", "SQ"):
                req = pb.DecideBatchRequest(requests=_requests(tag, 40))
                got, want = pb.DecideBatchResponse.FromString(raw(req, timeout=120)), old_way(ref, req)
                assert_same(got, want)
                wanted.append(metrics.summarise("DecideBatch", want))
        server.send_signal(signal.SIGTERM)
        err = finish(server, timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert err.count("batch of 40 from local-unauthenticated spread over 2 processes") == 2
    assert "did not decide part of a batch" not in err
    lines = [json.loads(x) for x in err.splitlines() if x.startswith("{") and '"DecideBatch"' in x]
    assert [{k: line[k] for k in w} for line, w in zip(lines, wanted, strict=True)] == wanted


def test_a_batch_with_no_slot_here_is_decided_whole_by_a_sibling_with_one(service, tmp_path, caplog):
    """The kernel places connections, not calls: a client's connections may all reach one process
    while its sibling idles. A batch this process has no slot for goes whole to a sibling that has
    one (a real server on its peer socket), and comes back as the same reply; when the sibling has
    no slot either, or none can be reached, or this process already waits on as many handed-over
    batches as its siblings could take, the caller is refused as before. The slots are given back."""
    from service.transport import identity
    from service.transport.errors import Refusal

    sock = str(tmp_path / "sibling.sock")
    from service.transport.interceptors import Policy

    # as `hocr serve --processes N` makes each process: calls on its peer socket name the caller
    # they were forwarded for
    sibling, _port = create_server("127.0.0.1:0", service, workers=2, limits=Limits(batch_slots=1), peer_socket=sock,
                                   policy=Policy(allow_local=True, trust_unix_peers=True))
    sibling.start()
    here = Servicer(service, Limits(batch_slots=1), peers=(sock,))
    alone = Servicer(service, Limits(batch_slots=1), peers=(str(tmp_path / "nobody.sock"),))
    req = pb.DecideBatchRequest(requests=_requests("HO", 20))
    want = old_way(Servicer(service), req)

    def refused(servicer):
        with pytest.raises(Refusal) as err:
            servicer._decide_batch(req, LocalCall(60))
        assert err.value.status.code == code_pb2.RESOURCE_EXHAUSTED and "batches" in err.value.status.message

    token = identity.set_current(identity.Caller("someone", identity.ROLES, "token"))
    assert here.fair.try_batch() and alone.fair.try_batch()  # each one's only slot, taken
    try:
        with caplog.at_level(logging.INFO, logger="hocr.server"):
            results, facts = here._decide_batch(req, LocalCall(60))
        assert_same(pb.DecideBatchResponse.FromString(_reply_bytes(results)), want)
        assert len(facts) == 20 and "batch of 20 from someone handed to a sibling process" in caplog.text
        assert sibling.servicer.fair.try_batch()  # the sibling's only slot, taken
        refused(here)
        sibling.servicer.fair.end_batch()
        refused(alone)  # no sibling answers
        assert here.fair.try_hand_over()  # as many handed-over batches waited on as the siblings take
        refused(here)
        here.fair.end_hand_over()
        assert sibling.servicer.fair.try_batch()  # the sibling never began on it, and gave its slot back
        sibling.servicer.fair.end_batch()
    finally:
        identity.reset_current(token)
        here.fair.end_batch()
        alone.fair.end_batch()
        sibling.stop(0)
    assert here.fair.try_hand_over() and here.fair.try_batch()  # both given back


def test_the_decisions_given_never_pass_the_size_limit(service):
    """Whatever the limit, the results that carry a decision take at most `room` bytes of the
    reply, counted as the wire has them (each result's bytes, its tag and its length): with the
    limit one byte short of k results, k are never given. (The counting may be cautious: the
    server counts 8 bytes for a tag and length that take 3 or 4.)"""
    first = pb.DecideBatchRequest(requests=_requests("LM", 12))
    exact = [len(r.SerializeToString()) for r in old_way(Servicer(service), first).results]
    exact = [n + 1 + len(varint(n)) for n in exact]  # as a repeated field of the reply
    with_limit = []
    for k in (1, 3, 6):
        room = sum(exact[:k]) - 1
        with _server(service, Limits(reply_bytes=room)) as (_server_, call):
            got = call(pb.DecideBatchRequest(requests=_requests("LN", 12)))
        given = [r for r in got.results if r.WhichOneof("result") == "decision"]
        used = sum(len(r.SerializeToString()) + 1 + len(varint(len(r.SerializeToString()))) for r in given)
        assert used <= room, (k, used, room)
        assert 0 < len(given) < k or k == 1
        with_limit.append(len(given))
    assert with_limit[-1] > with_limit[0]  # the limit did decide how many were given


def test_varint_is_protobufs_own_encoding():
    """wire.varint (every tag and length of a reply built from bytes) against protobuf's own
    encoder for every value up to 70,000 and at and around each power of two to 2**63; a negative
    number is refused, never written as some other number."""
    from google.protobuf.internal import encoder

    for n in [*range(70_000), *(2**k for k in range(64)), *(2**k - 1 for k in range(1, 64))]:
        assert varint(n) == encoder._VarintBytes(n), n
    for bad in (-1, -128, -2**40):
        with pytest.raises(ValueError):
            varint(bad)


# ------------------------------------------------------------------ a batch in runs of three passes

@pytest.mark.parametrize("staged", [1, 4, 100])
def test_a_batch_decided_in_runs_equals_the_old_reply(service, monkeypatch, staged):
    """Servicer._batch reads, runs the engine on and decides the incidents of each run of STAGED in
    three passes: whatever the run's length, the same reply as deciding each incident whole in
    turn, first-seen and repeated, with the memo on; a shape that comes twice in one run is made
    from the first's kept decision, as it was before (the memo's counts are the same)."""
    monkeypatch.setattr(grpc_server, "STAGED", staged)
    ref, mine = Servicer(service), Servicer(service)
    for tag in ("RA", "RB"):
        req = pb.DecideBatchRequest(requests=_requests(tag, 30))
        assert_same(pb.DecideBatchResponse.FromString(_reply_bytes(mine._batch(req, LocalCall(60))[0])),
                    old_way(ref, req))
    assert mine.memo.stats == ref.memo.stats


def _passes(monkeypatch) -> list[tuple[str, str]]:
    """Each engine run ("engine") and each decision finished ("decided") from here on, with its
    incident id, in the order they happen."""
    events: list[tuple[str, str]] = []
    run, finish = api.run_engine, Servicer._finish

    def ran(inc, edition):
        events.append(("engine", inc.id))
        return run(inc, edition)

    def finished(self, begun, pending):
        events.append(("decided", begun.req.incident.id))
        return finish(self, begun, pending)

    monkeypatch.setattr(api, "run_engine", ran)
    monkeypatch.setattr(Servicer, "_finish", finished)
    return events


def test_each_run_is_read_then_run_through_the_engine_then_decided(service, monkeypatch):
    """The passes, for runs of 4: every engine run of a run comes before any of its incidents is
    decided, and the next run's first engine run after the last of them is decided."""
    monkeypatch.setattr(grpc_server, "STAGED", 4)
    events = _passes(monkeypatch)
    req = pb.DecideBatchRequest(requests=[r for r in _requests("RC", 30) if r.HasField("incident")][:8])
    results, _facts = Servicer(service, memo_entries=0)._batch(req, LocalCall(60))
    assert len(results) == 8
    runs = [[r.incident.id for r in req.requests[k:k + 4]] for k in (0, 4)]
    order = [[kind for kind, iid in events if iid in ids] for ids in runs]
    assert order == [["engine"] * 4 + ["decided"] * 4] * 2, order
    last_decided = max(i for i, (kind, iid) in enumerate(events) if iid in runs[0])
    assert all(iid not in runs[1] for _kind, iid in events[:last_decided + 1])


def test_a_shape_whose_first_was_not_kept_is_decided_the_whole_way(service, monkeypatch):
    """When the memo keeps nothing (here: every reply taken to quote a day), an incident deferred
    behind an earlier one of its shape in the same run is decided in full: the same reply, and
    one miss counted for each incident, as before."""
    from service import shapes
    monkeypatch.setattr(shapes, "quotes_a_day", lambda data, days: True)
    ref, mine = Servicer(service), Servicer(service)
    req = pb.DecideBatchRequest(requests=_requests("RD", 30))
    assert_same(pb.DecideBatchResponse.FromString(_reply_bytes(mine._batch(req, LocalCall(60))[0])), old_way(ref, req))
    assert mine.memo.stats == ref.memo.stats and mine.memo.stats["kept"] == 0 and mine.memo.stats["reused"] == 0


def test_an_engine_failure_in_a_run_is_that_incident_s_status_alone(service, monkeypatch):
    """The engine refusing one incident of a run (its pass is the second) gives that incident its
    status, as deciding it whole did, and the others of the run their decisions."""
    from service.engine import driver as engine
    req = pb.DecideBatchRequest(requests=[r for r in _requests("RE", 30) if r.HasField("incident")][:12])
    refused = req.requests[5].incident.id
    real = engine.Engine.run

    def run(self, facts):
        if any(f.get("t") == "incident" and f.get("ref") == refused for f in facts):
            raise engine.EngineError("refused for the test")
        return real(self, facts)

    monkeypatch.setattr(engine.Engine, "run", run)
    want = old_way(Servicer(service, memo_entries=0), req)
    got = pb.DecideBatchResponse.FromString(_reply_bytes(Servicer(service, memo_entries=0)._batch(req, LocalCall(60))[0]))
    assert [r.incident_id for r in got.results if r.HasField("error")] == [refused]
    assert got.results[5].error.code == want.results[5].error.code == code_pb2.INTERNAL
    assert "refused for the test" not in got.results[5].error.message  # an operator's reference, not the cause
    for r in (got, want):
        del r.results[5]
    assert_same(got, want)


def test_two_batches_in_flight_take_turns_by_the_run(service, monkeypatch):
    """Two batches decided at once in one process (two threads): no run of either has the other's
    engine runs or decisions between its first engine run and its last decision, and both replies
    are whole."""
    import threading

    monkeypatch.setattr(grpc_server, "STAGED", 3)
    events = _passes(monkeypatch)
    servicer = Servicer(service, memo_entries=0)
    batches = {tag: pb.DecideBatchRequest(requests=[r for r in _requests(tag, 30) if r.HasField("incident")][:9])
               for tag in ("TA", "TB")}
    replies = {}
    threads = [threading.Thread(target=lambda t=t: replies.__setitem__(t, servicer._batch(batches[t], LocalCall(60))[0]))
               for t in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(len(replies[t]) == 9 for t in batches)
    for tag, req in batches.items():
        for k in range(0, 9, 3):
            ids = {r.incident.id for r in req.requests[k:k + 3]}
            at = [i for i, (_kind, iid) in enumerate(events) if iid in ids]
            span = events[at[0]:at[-1] + 1]
            assert all(iid in ids for _kind, iid in span), (tag, k, span)
