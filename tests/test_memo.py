"""Decisions kept per incident shape (service/transport/memo.py) give the same replies as deciding.

Every feature incident (bench/data), the docs/examples and generated incidents are decided through
the servicer with the memo off; then with it on, three times: as given (decided and kept), under
another id of the same length with every time moved by the same few minutes (reused), and moved
by a year (other offences may be in force: a shape of its own, or the same when nothing changes).
Each reply must equal the memo-off reply for the same request, field for field, except decision_id
and decided_at. The checks a kept shape skips (id, times) still refuse bad values."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from service import shapes
from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.transport import pbjson
from service.transport.grpc_server import Servicer
from service.transport.memo import DecisionMemo

from .gen_incidents import directed_incidents, example_incidents, feature_incidents, random_incidents
from .sampling import share

ROOT = Path(__file__).resolve().parent.parent
SERVICE = DecisionService()
EDITION = SERVICE.editions[max(SERVICE.editions)]
AS_OF = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def _shift(raw: dict, delta: dt.timedelta, new_id: str) -> dict:
    raw = copy.deepcopy(raw)
    raw["id"] = new_id

    def move(v: str) -> str:
        t = dt.datetime.fromisoformat(v.replace("Z", "+00:00")) + delta
        return t.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")
    raw["reported_at"] = move(raw["reported_at"])
    for a in raw.get("acts", []):
        if a.get("occurred_at"):
            a["occurred_at"] = move(a["occurred_at"])
    for p in raw.get("prior_records", []):
        if p.get("reported_at"):
            p["reported_at"] = move(p["reported_at"])
    return raw


def _request(raw: dict, compact: bool = False) -> pb.DecideRequest | None:
    msg, bad = pbjson.parse(raw, pb.Incident)
    if msg is None:
        return None
    return pb.DecideRequest(incident=msg, as_of=pbjson.parse(
        {"seconds": int(AS_OF.timestamp())}, type(pb.DecideRequest().as_of))[0], compact=compact)


class _Refused(Exception):
    pass


def _reply(servicer: Servicer, req: pb.DecideRequest) -> bytes | str:
    """The reply without its per-call fields, or the refusal's text."""
    try:
        d = servicer._decide(req)
    except Exception as exc:  # noqa: BLE001 - a refusal must be the same both ways
        return f"{type(exc).__name__}: {exc}"
    assert b"~\x7f" not in d.SerializeToString(), "the stand-in id leaked into a reply"
    d.ClearField("decision_id")
    d.ClearField("decided_at")
    return d.SerializeToString(deterministic=True)


def _incidents() -> list[dict]:
    return (feature_incidents() + example_incidents(EDITION) + share(random_incidents(EDITION, 200, seed=31), 2)
            + share([raw for _, raw in directed_incidents(EDITION, seed=31)], 2))


def test_kept_and_reused_decisions_equal_decided_ones():
    off = Servicer(SERVICE, memo_entries=0)
    on = Servicer(SERVICE)
    assert off.memo is None and on.memo is not None
    compared = reused = 0
    for i, raw in enumerate(share(_incidents(), 4)):
        raw = {**raw, "id": f"INC-{i:06d}"}
        variants = [raw, _shift(raw, dt.timedelta(minutes=7), f"REF-{i:06d}"),
                    _shift(raw, dt.timedelta(days=365), f"YR1-{i:06d}")]
        for n, variant in enumerate(variants):
            req = _request(variant, compact=bool(i % 5 == 0))
            if req is None:
                continue
            before = on.memo.stats["reused"]
            assert _reply(on, req) == _reply(off, req), f"incident {i} variant {n} ({variant['id']})"
            reused += on.memo.stats["reused"] - before
            compared += 1
    assert compared > 300
    # most shapes are reused by their variant moved by minutes (a few quote a date, or hold no id)
    assert reused > compared / 4, on.memo.stats


def _simple() -> dict:
    return json.loads((ROOT / "docs" / "examples" / "ex-partner-assault.json").read_text(encoding="utf-8"))


def test_a_kept_shape_still_refuses_a_bad_id_or_time():
    on = Servicer(SERVICE)
    good = _simple()
    assert on._decide(_request({**good, "id": "INC-000001"})).incident_id == "INC-000001"
    assert on._decide(_request({**good, "id": "INC-000002"})).incident_id == "INC-000002"
    assert on.memo.stats["reused"] == 1
    for bad, path in (({**good, "id": "INC 00003"}, "incident.id"),
                      (_shift({**good}, dt.timedelta(days=1000 * 365), "INC-000004"), "incident.reported_at")):
        with pytest.raises(Exception) as err:
            on._decide(_request(bad))
        assert path in str(err.value)
    req = _request({**good, "id": "INC-000005"})
    req.as_of.seconds = 10 ** 12  # year 33658
    with pytest.raises(Exception) as err:
        on._decide(req)
    assert "as_of" in str(err.value)


def test_a_refused_time_leaves_the_request_as_it_came():
    """The full path reads a request the memo has checked as it is, and checks a copy of any other
    (its timestamp check puts a placeholder in place of a bad time): a refusal, or a decision after
    a miss, leaves the caller's message unchanged. memo.TIMES_CHECKED: the memo's time check covers
    every Timestamp an Incident holds."""
    from service.transport.memo import TIMES_CHECKED
    assert TIMES_CHECKED
    for servicer in (Servicer(SERVICE), Servicer(SERVICE, memo_entries=0)):
        good = _request({**_simple(), "id": "INC-000010"})
        for where in ("reported_at", "occurred_at"):
            req = pb.DecideRequest()
            req.CopyFrom(good)
            ts = req.incident.reported_at if where == "reported_at" else req.incident.acts[0].occurred_at
            ts.seconds = 2 ** 40  # past 9999-12-31
            before = req.SerializeToString(deterministic=True)
            with pytest.raises(Exception) as err:
                servicer._decide(req)
            assert f"incident.{'acts[0].' if where == 'occurred_at' else ''}{where}" in str(err.value)
            assert req.SerializeToString(deterministic=True) == before
        before = good.SerializeToString(deterministic=True)
        assert servicer._decide(good).incident_id == "INC-000010"
        assert good.SerializeToString(deterministic=True) == before


def test_what_cannot_be_kept_is_decided_each_time():
    on = Servicer(SERVICE)
    good = _simple()
    for i in range(2):  # a one-character id: no stand-in of its length can be exact
        on._decide(_request({**good, "id": str(i)}))
    for i in range(2):  # a DEL in the request: the stand-in's bytes
        raw = copy.deepcopy(good)
        raw["persons"][0]["attributes"] = {"note": "x\x7fy"}
        req = _request({**raw, "id": f"INC-DEL{i}"})
        if req is not None:
            try:
                on._decide(req)
            except Exception:  # noqa: BLE001 - refused by the vocabulary is fine too
                pass
    assert on.memo.stats["reused"] == 0 and len(on.memo) == 0


def test_a_decision_quoting_a_date_of_the_request_is_not_kept():
    """A classification set aside because its offence was not yet in force names the act's day
    (features/2026-27/data/offences.feature): that decision differs from day to day."""
    on, off = Servicer(SERVICE), Servicer(SERVICE, memo_entries=0)
    raw = _simple()
    raw["acts"][0]["attributes"]["strangulation_or_suffocation"] = "yes"
    raw["acts"][0]["occurred_at"] = "2021-11-20T21:00:00Z"
    for i, delta in enumerate((dt.timedelta(0), dt.timedelta(days=1), dt.timedelta(days=1, minutes=5))):
        req = _request(_shift(raw, delta, f"NIF-{i:05d}"))
        reply = _reply(on, req)
        assert reply == _reply(off, req)
        assert (dt.date(2021, 11, 20) + delta).isoformat().encode() in reply
    assert on.memo.stats["not_kept"] == 3 and on.memo.stats["reused"] == 0 and len(on.memo) == 0


def test_an_act_on_the_other_side_of_a_commencement_is_another_shape():
    """The same incident moved so that its act falls before its offence came into force: the
    offence's span of days is part of the shape, so the kept decision is not reused for it."""
    on, off = Servicer(SERVICE), Servicer(SERVICE, memo_entries=0)
    raw = _simple()
    raw["acts"][0]["attributes"]["strangulation_or_suffocation"] = "yes"
    raw["acts"][0]["occurred_at"] = "2022-06-10T21:00:00Z"  # three days after commencement
    after = _request(_shift(raw, dt.timedelta(0), "COM-00001"))
    before = _request(_shift(raw, dt.timedelta(days=-5), "COM-00002"))
    assert _reply(on, after) == _reply(off, after)
    assert on.memo.stats["kept"] == 1
    assert _reply(on, before) == _reply(off, before) != _reply(off, after).replace(b"COM-00001", b"COM-00002")
    assert on.memo.stats["reused"] == 0


def test_bounded_by_entries_and_bytes():
    memo_server = Servicer(SERVICE, memo_entries=3)
    for i, raw in enumerate(feature_incidents()[:20]):
        req = _request({**raw, "id": f"LRU-{i:04d}"})
        if req is not None:
            try:
                memo_server._decide(req)
            except Exception:  # noqa: BLE001
                pass
    assert len(memo_server.memo) == 3
    small = DecisionMemo(SERVICE.editions, SERVICE.rules_dir, entries=100, max_bytes=1)
    small.shelf.put(b"k", None, 10)
    assert small.enabled and len(small) == 0


def _logged(store, decision_id: str) -> dict:
    e = store.get(decision_id)
    body = json.loads(json.dumps(e.body, default=str))
    body["decision"].pop("decision_id", None)
    body["decision"].pop("decided_at", None)
    return {"body": body, "items": sorted(map(list, e.items)), "watch": e.watch_deadline, "outcome": e.outcome,
            "incident": e.incident_id, "digest": e.request_digest, "record_by": str(e.record_by),
            "revision": e.rules_revision, "edition": e.edition}


def test_with_a_decision_log_the_entries_are_those_of_deciding(tmp_path):
    """With a decision log, a reused decision goes on it before its reply, with exactly the entry
    the full path writes (the decision, the incident, the supervision items), one per call."""
    on_svc = DecisionService(decision_log=f"sqlite:///{tmp_path / 'on.db'}?synchronous=normal")
    off_svc = DecisionService(decision_log=f"sqlite:///{tmp_path / 'off.db'}?synchronous=normal")
    on, off = Servicer(on_svc), Servicer(off_svc, memo_entries=0)
    assert on.memo is not None and on.memo.keep_decisions and off.memo is None
    incidents = share(feature_incidents(), 8)
    for i, raw in enumerate(incidents):
        for n, variant in enumerate((raw, _shift(raw, dt.timedelta(minutes=3), "x"))):
            req = _request({**variant, "id": f"LOG-{n}-{i:05d}"})
            if req is None:
                continue
            try:
                b = off._decide(req)
            except Exception:  # noqa: BLE001 - refused either way
                continue
            a = on._decide(req)
            assert _logged(on_svc.record.store, a.decision_id) == _logged(off_svc.record.store, b.decision_id), \
                f"incident {i} variant {n}"
    assert on.memo.stats["reused"] > len(incidents) / 2
    assert on_svc.record.store.count() == off_svc.record.store.count()


def test_reused_over_a_real_server(channel):
    """Over the wire: the same shape under two ids, both decided, with their own ids and digests."""
    if True:
        call = channel.unary_unary("/hocr.v1.DecisionService/Decide",
                              request_serializer=pb.DecideRequest.SerializeToString,
                              response_deserializer=pb.DecideResponse.FromString)
        a = call(_request({**_simple(), "id": "WIRE-0001"})).decision
        b = call(_request({**_simple(), "id": "WIRE-0002"})).decision
    assert (a.incident_id, b.incident_id) == ("WIRE-0001", "WIRE-0002")
    assert [c.id for c in b.crimes] == ["WIRE-0002-C1"]
    assert a.request_digest != b.request_digest and a.decision_id != b.decision_id
    assert a.record_by == b.record_by and a.outcome == b.outcome


def test_a_reused_reply_is_counted_and_logged_like_any_other(channel, caplog):
    """The reply made from kept bytes goes through the same accounting: hocr_decisions_total, the
    questions histogram and the call log line name its decision, outcome and edition."""
    import logging

    from service.record import metrics

    call = channel.unary_unary("/hocr.v1.DecisionService/Decide", request_serializer=pb.DecideRequest.SerializeToString,
                               response_deserializer=pb.DecideResponse.FromString)
    call(_request({**_simple(), "id": "CNT-0001"}))  # kept (or already kept by another test)
    counted = metrics.DECISIONS.labels("record_crime", "2026-27")._value.get()
    metrics.CALL_LOG.setLevel(logging.INFO)
    try:
        with caplog.at_level(logging.INFO, logger="hocr.calls"):
            d = call(_request({**_simple(), "id": "CNT-0002"})).decision
    finally:
        metrics.CALL_LOG.setLevel(logging.NOTSET)
    assert metrics.DECISIONS.labels("record_crime", "2026-27")._value.get() == counted + 1
    line = json.loads([r.getMessage() for r in caplog.records if r.name == "hocr.calls"][-1])
    assert (line["decision_id"], line["outcome"], line["edition"], line["rules_revision"]) == (
        d.decision_id, "record_crime", "2026-27", d.rules_revision)


def test_the_memo_is_sized_by_the_environment(monkeypatch):
    monkeypatch.setenv("HOCR_DECISION_MEMO_MB", "64")
    m = DecisionMemo(SERVICE.editions, SERVICE.rules_dir)
    assert (m.shelf.entries, m.shelf.max_bytes) == (32768, 64 * 2**20)
    monkeypatch.setenv("HOCR_DECISION_MEMO_MB", "0")
    assert not DecisionMemo(SERVICE.editions, SERVICE.rules_dir).enabled
    monkeypatch.setenv("HOCR_DECISION_MEMO_MB", "lots")
    with pytest.raises(ValueError, match="HOCR_DECISION_MEMO_MB"):
        DecisionMemo(SERVICE.editions, SERVICE.rules_dir)
    monkeypatch.delenv("HOCR_DECISION_MEMO_MB")
    monkeypatch.setenv("HOCR_DECISION_MEMO", "0")
    assert Servicer(SERVICE).memo is None


def test_a_spread_batch_sends_each_shape_to_one_process():
    """_spread's parts: every item once, none over its even share, and an incident of a shape
    goes to the same process in every batch and from every process (so it is kept where it is
    found again)."""
    a, b = Servicer(SERVICE), Servicer(SERVICE)
    raws = [r for r in feature_incidents()[:60] if _request(r) is not None]
    first = [_request({**r, "id": f"SPR-{i:05d}"}) for i, r in enumerate(raws)]
    again = [_request({**r, "id": f"AGN-{i:05d}"}) for i, r in enumerate(raws)]
    pa, pb_ = a._parts(first, 2), b._parts(again, 2)
    assert sorted(i for p in pa for i in p) == list(range(len(first)))
    assert all(len(p) <= -(-len(first) // 2) for p in pa)
    assert pa == pb_
    same = [_request({**_simple(), "id": f"ONE-{i:05d}"}) for i in range(40)]  # one shape: shared out evenly
    assert [len(p) for p in a._parts(same, 2)] == [20, 20]


def test_kept_shapes_share_their_questions_bytes(monkeypatch):
    """A kept decision holds its own bytes and references to its questions' encodings, which the
    shelf holds once for every shape: far less than the replies' bytes, and exact in its count."""
    monkeypatch.delenv("HOCR_DECISION_MEMO_MB", raising=False)
    assert shapes.default_bounds() == (8192, 16 * 2**20)
    servicer = Servicer(SERVICE)
    servicer.memo = DecisionMemo(SERVICE.editions, SERVICE.rules_dir)
    replies = 0
    for raw in feature_incidents()[::3]:
        req = _request(raw)
        if req is None:
            continue
        try:
            replies += servicer._decide(req).ByteSize()
        except Exception:  # noqa: BLE001 - a refused incident keeps nothing
            continue
    shelf = servicer.memo.shelf
    held = list(shelf._kept.values())
    assert len(held) > 100 and shelf.pieces > 0
    own = sum(size for _, size, _ in held)
    pieces = {p for _, _, ps in held for p in ps}
    assert shelf.bytes_held == own + sum(len(p) + shelf.PIECE_OVERHEAD for p in pieces)
    assert sum(len(p) for _, _, ps in held for p in ps) > 2 * sum(len(p) for p in pieces)  # shared
    assert shelf.bytes_held < replies / 2


def test_a_question_naming_the_incident_gets_the_callers_id():
    """The stand-in is replaced in the decision's own bytes and in any question's encoding that
    holds "~" then DEL (mapping.question_parts): a question whose text named the incident (none
    does today) would name the caller's incident in a kept reply, first-seen and reused alike."""
    from service.api import DecisionService as _Service
    from service.transport.mapping import question_parts

    class Naming(_Service):
        def decide(self, *args, **kwargs):  # the real decision, one question's text naming the incident
            d = super().decide(*args, **kwargs)
            if kwargs.get("as_id") and d.questions:
                d.questions[0] = dataclasses.replace(d.questions[0], text=f"about {d.incident_id}")
            return d

    servicer = Servicer(Naming())
    good = _simple()
    texts = []
    for i in range(2):
        d = servicer._decide(_request({**good, "id": f"INC-00010{i}"}))
        assert d.questions, "the example must ask something"
        texts.append(d.questions[0].text)
    assert texts == ["about INC-000100", "about INC-000101"] and servicer.memo.stats["reused"] == 1
    from service.decision.outputs import QuestionOut
    asked = question_parts([QuestionOut("incident.x", "x", text, [], [], []) for text in ("about nothing", "~\x7f\x7f")])
    assert [held for _, held in asked] == [False, True]
