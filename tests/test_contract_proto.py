"""The contract straight from the proto message (contract.incident_from_proto) against the models'
own path (mapping.incident_to_dict + contract.parse_incident).

For every feature incident, the examples, generated incidents, and each of them altered in ways
the models refuse or would change (empty, padded, too long, not NFC, out of range, too many,
missing): whenever the direct path accepts a message, the models accept it too and give the very
same Incident (same values, same types, same time zone objects) and the same decision and digest;
whenever the models refuse a message, the direct path declines it (so every error still comes
from the models, unchanged)."""
from __future__ import annotations

import copy
import json

import pytest

from service.contract.incident import (
    InvalidIncident,
    check_incident,
    incident_from_proto,
    parse_incident,
    wire_of,
    with_id,
)
from service.decision import decide, request_digest_of
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.ids import request_digest
from service.transport import pbjson
from service.transport.mapping import incident_to_dict

from .gen_incidents import directed_incidents, example_incidents, feature_incidents, random_incidents
from .sampling import THOROUGH, share
from .test_question_cache import AS_OF, EDITIONS


def _messages(edition) -> list[pb.Incident]:
    every = 3 if edition.name == max(EDITIONS) else 6  # a third and a sixth; all with HOCR_THOROUGH
    raws = share(feature_incidents(), every) + example_incidents(edition) + random_incidents(edition, 60, seed=31) + \
        [raw for _, raw in directed_incidents(edition, seed=31)][:60]
    out = []
    for raw in raws:
        raw = json.loads(json.dumps(raw, default=str))
        for coll in ("persons", "acts"):  # the proto carries attribute values as text
            for x in raw.get(coll) or []:
                if isinstance(x, dict) and isinstance(x.get("attributes"), dict):
                    x["attributes"] = {k: str(v).lower() if isinstance(v, bool) else str(v)
                                       for k, v in x["attributes"].items()}
        if isinstance(raw.get("attributes"), dict):
            raw["attributes"] = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in raw["attributes"].items()}
        msg, bad = pbjson.parse(raw, pb.Incident)
        if msg is not None:
            out.append(msg)
    return out


def _alterations(msg: pb.Incident) -> list[pb.Incident]:
    out = []

    def alt(fn):
        m = pb.Incident()
        m.CopyFrom(msg)
        try:
            fn(m)
        except (IndexError, ValueError, TypeError):
            return
        out.append(m)

    alt(lambda m: setattr(m, "id", ""))
    alt(lambda m: setattr(m, "id", m.id + " "))
    alt(lambda m: setattr(m, "id", " " + m.id))
    alt(lambda m: setattr(m, "id", m.id + "\n"))
    alt(lambda m: setattr(m, "id", "x" * 65))
    alt(lambda m: setattr(m, "id", "x" * 64))
    alt(lambda m: setattr(m, "id", "caf\u00e9"))
    alt(lambda m: m.ClearField("reporter"))
    alt(lambda m: m.ClearField("reported_at"))
    alt(lambda m: m.ClearField("location"))
    alt(lambda m: setattr(m.reporter, "role", ""))
    alt(lambda m: setattr(m.reporter, "role", "victim "))
    alt(lambda m: setattr(m.reporter, "channel", "e\u0301"))
    alt(lambda m: setattr(m.reporter, "channel", "\u00e9"))
    alt(lambda m: setattr(m.reported_at, "seconds", -5_000_000_000))
    alt(lambda m: setattr(m.reported_at, "nanos", 123_456_789))
    alt(lambda m: m.ClearField("acts"))
    alt(lambda m: m.acts.extend([m.acts[0]] * 101))
    alt(lambda m: setattr(m.acts[0], "id", "a:1"))
    alt(lambda m: setattr(m.acts[0], "type", ""))
    alt(lambda m: setattr(m.acts[0], "type", "t" * 65))
    alt(lambda m: m.acts[0].by.extend([f"p{i}" for i in range(21)]))
    alt(lambda m: setattr(m.acts[0], "victim_age", 131))
    alt(lambda m: setattr(m.acts[0], "victim_age", 0))
    alt(lambda m: setattr(m.acts[0], "force_area", " x"))
    alt(lambda m: m.acts[0].attributes.__setitem__("k", "v" * 201))
    alt(lambda m: m.acts[0].attributes.__setitem__("k", "v" * 200))
    alt(lambda m: m.acts[0].attributes.__setitem__("", "v"))
    alt(lambda m: m.acts[0].attributes.__setitem__("k", " v"))
    alt(lambda m: m.acts[0].attributes.update({f"k{i}": "v" for i in range(70)}))
    alt(lambda m: setattr(m.acts[0].occurred_at, "seconds", -2_300_000_000))
    alt(lambda m: setattr(m.persons[0], "age", 131))
    alt(lambda m: setattr(m.persons[0], "age", -1))
    alt(lambda m: setattr(m.persons[0], "id", "p~1"))
    alt(lambda m: setattr(m.persons[0], "sex", "x" * 64))
    alt(lambda m: m.persons[0].attributes.__setitem__("k\u0301", "v"))
    alt(lambda m: m.relationships.add(a="", b="x", kind="k"))
    alt(lambda m: m.relationships.add(a="a", b="b", kind=""))
    alt(lambda m: m.evidence.add(id="e1", acts=[]))
    alt(lambda m: m.evidence.add(id="e1", acts=[m.acts[0].id], description="d" * 2001))
    alt(lambda m: m.evidence.add(id="e1", acts=[m.acts[0].id], description=" d"))
    alt(lambda m: m.evidence.add(id="e1", acts=[m.acts[0].id], description="a clear note", credible=True))
    alt(lambda m: m.prior_records.add(reference="r1", offenders=["x"]))
    alt(lambda m: m.prior_records.add(reference="r1", offenders=["x"], reported_at={"seconds": 1780000000}))
    alt(lambda m: m.attributes.__setitem__("k", "v"))
    return out


def _models_path(msg: pb.Incident):
    try:
        return parse_incident(incident_to_dict(msg))
    except InvalidIncident:
        return None


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_direct_path_gives_the_models_incident_or_declines(name):
    edition = EDITIONS[name]
    accepted = declined = decided = 0
    # the alterations test the conversion, which no edition changes: once, under the newest edition
    # (under both with HOCR_THOROUGH); the older edition compares its decisions of the base messages
    alter = THOROUGH or name == max(EDITIONS)
    for base in _messages(edition):
        for msg in [base, *(_alterations(base) if alter else [])]:
            direct, models = incident_from_proto(msg), _models_path(msg)
            if models is None:
                assert direct is None, msg
                declined += 1
                continue
            if direct is None:
                declined += 1
                continue
            accepted += 1
            assert repr(direct) == repr(models)
            assert direct.model_dump() == models.model_dump()
            assert direct.model_dump_json() == models.model_dump_json()
            if msg is base:
                try:
                    a = check_incident(copy.deepcopy(direct), edition)
                    b = check_incident(copy.deepcopy(models), edition)
                except InvalidIncident:
                    continue
                da, db = decide(a, edition, AS_OF).to_dict(), decide(b, edition, AS_OF).to_dict()
                assert da.pop("decided_at") and db.pop("decided_at") and da.pop("decision_id") and db.pop("decision_id")
                # the direct path's digest is of the request bytes; the same bytes, the same digest
                assert da.pop("request_digest") == request_digest_of(incident_from_proto(msg), edition.name)
                assert db.pop("request_digest") == request_digest(b, edition.name)
                assert da == db
                decided += 1
    assert decided > 100
    if alter:
        assert accepted > 500 and declined > 500


def test_a_valid_incident_takes_the_direct_path_and_an_invalid_one_does_not():
    msg = pb.Incident(id="INC-1", reported_at={"seconds": 1780308000}, reporter=pb.Reporter(role="victim"),
                      acts=[pb.Act(id="a1", type="use_of_force")])
    assert incident_from_proto(msg) is not None
    msg.acts[0].id = ""
    assert incident_from_proto(msg) is None


def test_request_digest_is_of_the_request_bytes():
    """The same message, the same digest (also after a round trip through its bytes); another
    incident or another edition, another digest; the JSON door keeps its digest of the JSON."""
    msg = pb.Incident(id="INC-1", reported_at={"seconds": 1780308000}, reporter=pb.Reporter(role="victim"),
                      acts=[pb.Act(id="a1", type="use_of_force", attributes={"injury": "minor", "b": "x"})])
    one = request_digest_of(incident_from_proto(msg), "2026-27")
    again = request_digest_of(incident_from_proto(pb.Incident.FromString(msg.SerializeToString())), "2026-27")
    assert one == again and len(one) == 64
    assert request_digest_of(incident_from_proto(msg), "2022-23") != one
    other = pb.Incident()
    other.CopyFrom(msg)
    other.acts[0].attributes["injury"] = "serious"
    assert request_digest_of(incident_from_proto(other), "2026-27") != one
    models = parse_incident(incident_to_dict(msg))
    assert request_digest_of(models, "2026-27") == request_digest(models, "2026-27")


def test_with_id_is_model_copy_with_the_id_replaced():
    """contract.with_id (the stand-in copy the memo decides under) gives what pydantic's
    model_copy gives: the same values, the same fields set, the same private values (the proto
    bytes), for an incident from the proto message and for one the models validated from JSON
    (which leaves unset fields unset); and it leaves the original as it was."""
    msg = pb.Incident(id="INC-1", reported_at={"seconds": 1780308000}, reporter=pb.Reporter(role="victim"),
                      acts=[pb.Act(id="a1", type="use_of_force", attributes={"injury": "minor"})])
    for inc in (incident_from_proto(msg), parse_incident({"id": "INC-2", "reported_at": "2026-06-01T10:00:00Z",
                                                          "reporter": {"role": "victim"},
                                                          "acts": [{"id": "a1", "type": "use_of_force"}]})):
        before = (inc.model_dump(), set(inc.__pydantic_fields_set__), inc.__pydantic_private__)
        got, want = with_id(inc, "~\x7fxyz"), inc.model_copy(update={"id": "~\x7fxyz"})
        assert got == want and got.id == "~\x7fxyz"
        assert got.__pydantic_fields_set__ == want.__pydantic_fields_set__
        assert got.__pydantic_private__ == want.__pydantic_private__
        assert got.model_dump(exclude_unset=True) == want.model_dump(exclude_unset=True)
        assert (inc.model_dump(), set(inc.__pydantic_fields_set__), inc.__pydantic_private__) == before
    assert wire_of(with_id(incident_from_proto(msg), "X")) == msg.SerializeToString(deterministic=True)


def test_time_in_years_is_what_the_contract_accepts_at_every_edge():
    """contract.time_in_years (the as_of check of both doors' direct path, and the memo's) agrees
    with the contract's own reading of a Timestamp (_when through incident_from_proto) at the
    first and last second of the years allowed, one second outside each, the nanos' limits, and
    outside protobuf's range."""
    from service.contract.incident import _END, _FIRST, time_in_years

    def accepted(seconds, nanos):
        msg = pb.Incident(id="INC-1", reporter=pb.Reporter(role="victim"), acts=[pb.Act(id="a1", type="use_of_force")])
        msg.reported_at.seconds, msg.reported_at.nanos = seconds, nanos
        return incident_from_proto(msg) is not None

    cases = [(_FIRST, 0, True), (_FIRST - 1, 999_999_999, False), (_END - 1, 999_999_999, True), (_END, 0, False),
             (_FIRST, -1, False), (_FIRST, 1_000_000_000, False), (2**62, 0, False), (-2**62, 0, False),
             (1780308000, 123_456_789, True)]
    for seconds, nanos, want in cases:
        ts = pb.Incident().reported_at
        ts.seconds, ts.nanos = seconds, nanos
        assert time_in_years(ts) is want == accepted(seconds, nanos), (seconds, nanos)
