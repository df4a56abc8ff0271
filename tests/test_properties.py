"""Properties over generated incidents: nothing is lost, and bad input never crashes anything."""
from __future__ import annotations

import datetime as dt

import grpc
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from service.api import InvalidIncident, NoEdition
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.server import create_server

from .conftest import ROOT
from .editions import rules_editions
from .sampling import size

EDITION = rules_editions(ROOT / "rules")["2026-27"]
VOCAB = EDITION.vocab
PERSON_IDS = ["P1", "P2", "P3", "P4"]


def maybe(strategy):
    return st.one_of(st.none(), strategy)


def attr_value(spec):
    if spec.kind == "boolean":
        return st.sampled_from(["yes", "no", True, False])
    if spec.kind == "integer":
        return st.integers(0, 50)
    if spec.kind == "text":
        return st.sampled_from(["1 High Street", "Flat 2", "Unit 7"])
    return st.sampled_from(list(spec.values))


def attrs(specs: dict):
    return st.fixed_dictionaries({}, optional={name: attr_value(s) for name, s in specs.items()})


@st.composite
def incidents(draw, max_acts: int = 6):
    n_persons = draw(st.integers(1, 4))
    persons = []
    for pid in PERSON_IDS[:n_persons]:
        p = {"id": pid, "attributes": draw(attrs(VOCAB.person_attributes))}
        age = draw(maybe(st.integers(0, 99)))
        if age is not None:
            p["age"] = age
        persons.append(p)
    ids = [p["id"] for p in persons]
    rels, pairs = [], set()
    for a, b in draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=4)):
        if a != b and frozenset((a, b)) not in pairs:  # one relationship per pair of people
            pairs.add(frozenset((a, b)))
            rels.append({"a": a, "b": b, "kind": draw(st.sampled_from(list(VOCAB.relationship_kinds)))})
    reported = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
    acts = []
    for i in range(draw(st.integers(1, max_acts))):
        act_type = draw(st.sampled_from(list(VOCAB.act_types)))
        victim = draw(maybe(st.sampled_from(ids)))
        by = draw(st.lists(st.sampled_from([x for x in ids if x != victim] or ids), max_size=2, unique=True))
        if victim in by:
            victim = None
        act = {"id": f"a{i}", "type": act_type, "by": by,
               "attributes": draw(attrs(VOCAB.act_types[act_type].attributes))}
        if victim:
            act["against"] = victim
        if draw(st.booleans()):
            act["occurred_at"] = (reported + dt.timedelta(minutes=draw(st.integers(-600, 120)))).isoformat()
        acts.append(act)
    evidence = []
    if draw(st.booleans()):
        evidence.append({"id": "E1", "acts": [draw(st.sampled_from([a["id"] for a in acts]))],
                         "contradicts": draw(st.booleans()), "credible": draw(st.booleans()),
                         "immediately_available": draw(st.booleans())})
    return {
        "id": "GEN", "reported_at": reported.isoformat(),
        "reporter": {"role": draw(st.sampled_from(list(VOCAB.reporter_roles)))},
        "persons": persons, "relationships": rels, "acts": acts, "evidence": evidence,
        "attributes": draw(attrs(VOCAB.incident_attributes)),
    }


@settings(max_examples=size(100, 200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incidents())
def test_every_act_is_accounted_for(service, raw):
    d = service.decide(raw).to_dict()
    crimes = {c["id"]: c for c in d["crimes"]}
    assert [a["act"] for a in d["acts"]] == [a["id"] for a in raw["acts"]]
    for acc in d["acts"]:
        act = acc["act"]
        if acc["status"] == "recorded":
            assert crimes[acc["crime_id"]]["acts"][0] == act
        elif acc["status"] == "counted_in_crime":
            assert act in crimes[acc["crime_id"]]["acts"]
            assert any(n["act"] == act and n["crime_id"] == acc["crime_id"] for n in d["negations"])
        elif acc["status"] == "not_recorded":
            negs = [n for n in d["negations"] if n["act"] == act]
            assert negs and all(n["reason_code"] and n["citation"] and n["sentence"] for n in negs)
        else:
            assert acc["status"] == "undecided"
            assert any(act in q["acts"] and q["text"] for q in d["questions"])
    # every crime's acts are accounted to it, and each act sits in at most one crime
    in_crimes = [a for c in d["crimes"] for a in c["acts"]]
    assert len(in_crimes) == len(set(in_crimes))
    for c in d["crimes"]:
        assert c["rule_ids"] and c["citations"] and c["title"]
    assert d["outcome"] in ("record_crime", "crime_related_incident", "no_crime", "more_information_required",
                            "transfer", "notifiable_incident")
    if d["crimes"]:
        assert d["outcome"] == "record_crime"


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
              st.text(max_size=30)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20)


@st.composite
def mutated(draw):
    """A valid incident with one part replaced by arbitrary JSON."""
    raw = draw(incidents())
    path = draw(st.sampled_from([("id",), ("reported_at",), ("reporter",), ("reporter", "role"), ("persons",),
                                 ("acts",), ("acts", 0), ("acts", 0, "type"), ("acts", 0, "attributes"),
                                 ("acts", 0, "by"), ("persons", 0, "age"), ("relationships",), ("evidence",),
                                 ("attributes",), ("persons", 0, "attributes")]))
    target = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = draw(json_values)
    return raw


@settings(max_examples=size(100, 200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated(), json_values))
def test_malformed_payloads_get_field_errors_not_crashes(service, raw):
    try:
        d = service.decide(raw)
    except InvalidIncident as exc:
        assert exc.violations and all(path and msg for path, msg in exc.violations)
        return
    except NoEdition:
        return
    assert d.acts  # a payload that survived mutation must still be fully decided


@pytest.fixture(scope="module")
def stub(service):
    server, port = create_server("127.0.0.1:0", service, workers=2)
    server.start()
    ch = grpc.insecure_channel(f"127.0.0.1:{port}")
    yield pb_grpc.DecisionServiceStub(ch)
    ch.close()
    server.stop(grace=None)


proto_text = st.text(max_size=40)


@st.composite
def proto_incidents(draw):
    inc = pb.Incident(id=draw(proto_text), reporter=pb.Reporter(role=draw(proto_text)),
                      persons=[pb.Person(id=draw(proto_text), attributes=draw(st.dictionaries(proto_text, proto_text, max_size=3)))
                               for _ in range(draw(st.integers(0, 3)))],
                      acts=[pb.Act(id=draw(proto_text), type=draw(st.sampled_from(["use_of_force", "", "x"])),
                                   by=draw(st.lists(proto_text, max_size=2)), against=draw(proto_text),
                                   attributes=draw(st.dictionaries(proto_text, proto_text, max_size=3)))
                            for _ in range(draw(st.integers(0, 3)))])
    if draw(st.booleans()):
        inc.reported_at.FromSeconds(draw(st.integers(0, 4_000_000_000)))
    return inc


@settings(max_examples=size(50, 100), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(proto_incidents())
def test_malformed_messages_never_crash_the_server(stub, inc):
    try:
        d = stub.Decide(pb.DecideRequest(incident=inc), timeout=10).decision
        assert d.acts
    except grpc.RpcError as err:
        assert err.code() in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION), err


@st.composite
def complete_incidents(draw):
    """Incidents where every fact the vocabulary can hold is given."""
    raw = draw(incidents(max_acts=3))
    for p in raw["persons"]:
        p["age"] = draw(st.integers(0, 90))
        p["sex"] = draw(st.sampled_from(list(VOCAB.sexes)))
        for name, spec in VOCAB.person_attributes.items():
            p["attributes"].setdefault(name, draw(attr_value(spec)))
    for a in raw["acts"]:
        for name, spec in VOCAB.act_types[a["type"]].attributes.items():
            a["attributes"].setdefault(name, draw(attr_value(spec)))
    for name, spec in VOCAB.incident_attributes.items():
        raw["attributes"].setdefault(name, draw(attr_value(spec)))
    raw["location"] = {"place": draw(st.sampled_from(list(VOCAB.places)))}
    pairs = {frozenset((r["a"], r["b"])) for r in raw["relationships"]}
    for a in raw["acts"]:
        for o in a["by"]:
            if a.get("against") and frozenset((o, a["against"])) not in pairs:
                pairs.add(frozenset((o, a["against"])))
                raw["relationships"].append({"a": o, "b": a["against"],
                                             "kind": draw(st.sampled_from(list(VOCAB.relationship_kinds)))})
    return raw


def _summary(d) -> tuple:
    """The decision itself: outcome, crimes with their flags, and what became of each act (a second
    reason for not recording an act that is not recorded anyway changes nothing)."""
    return (d.outcome, sorted((c.classification, c.ho_code, c.victim, tuple(c.acts),
                               tuple(sorted(f.name + f.value for f in c.flags))) for c in d.crimes),
            [(a.act, a.status) for a in d.acts],
            sorted({(n.act, n.incident_code, n.transfer_to) for n in d.negations
                    if n.incident_code or n.transfer_to}))


def _removals(raw):
    """Every single fact that can be removed, as (question field, incident without it)."""
    import copy
    for i, a in enumerate(raw["acts"]):
        for name in a["attributes"]:
            r = copy.deepcopy(raw)
            del r["acts"][i]["attributes"][name]
            yield {f"acts[{a['id']}].attributes.{name}"}, r
    for i, p in enumerate(raw["persons"]):
        for name in ("age", "sex"):
            r = copy.deepcopy(raw)
            del r["persons"][i][name]
            yield {f"persons[{p['id']}].{name}"}, r
        for name in p["attributes"]:
            r = copy.deepcopy(raw)
            del r["persons"][i]["attributes"][name]
            yield {f"persons[{p['id']}].attributes.{name}"}, r
    for i, rel in enumerate(raw["relationships"]):
        r = copy.deepcopy(raw)
        del r["relationships"][i]
        yield {f"relationships[{rel['a']},{rel['b']}].kind", f"relationships[{rel['b']},{rel['a']}].kind"}, r
    for name in raw["attributes"]:
        r = copy.deepcopy(raw)
        del r["attributes"][name]
        yield {f"incident.attributes.{name}"}, r
    r = copy.deepcopy(raw)
    del r["location"]["place"]
    yield {"incident.place"}, r


# each example decides the incident once per fact it holds (often 100 or more decisions)
@settings(max_examples=size(20, 30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_incidents())
def test_a_missing_fact_is_asked_for_never_assumed(service, raw):
    """Removing any one fact leaves the decision unchanged, or the decision asks for that fact."""
    full = _summary(service.decide(raw))
    for fields, reduced in _removals(raw):
        d = service.decide(reduced)
        asked = d.question_fields()  # checklist items included
        assert _summary(d) == full or fields & asked, (
            f"removing {sorted(fields)} changed the decision without asking for it:\n{full}\n{_summary(d)}\n"
            f"asked: {sorted(asked)}")


# a complete dwelling burglary (the officer flow's answers): its building decides whether it is a
# crime at all, its purpose and premises only how it is classified and counted
BURGLARY = {
    "id": "EX", "reported_at": "2026-06-01T10:00:00Z", "reporter": {"role": "victim", "person": "V",
                                                                    "channel": "phone_999"},
    "location": {"place": "dwelling"},
    "persons": [{"id": "V", "age": 52, "sex": "male", "attributes": {"impaired_when_reporting": "no"}},
                {"id": "S", "age": 30, "sex": "male", "attributes": {}}],
    "relationships": [{"a": "S", "b": "V", "kind": "stranger"}],
    "acts": [{"id": "a1", "type": "entry_as_trespasser", "by": ["S"], "against": "V", "attributes": {
        "building": "home", "entry": "entered", "purpose": "steal", "premises": "12 High Street", "armed": "no",
        "distraction": "no", "by_police_on_duty": "no", "counter_allegation": "no", "hostility_perceived": "no",
        "alcohol_aggravating": "no", "corrosive_substance": "none", "done_online": "no", "honour_based": "no",
        "spiking": "no", "scrap_metal_motive": "no"}}],
    "attributes": {"where_committed": "this_force_area", "investigation_primacy": "police",
                   "public_disorder": "not_disorder", "other_force_first_aware": "no",
                   "recorded_by_another_force": "no"},
}


@settings(max_examples=size(20, 30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_incidents())
@example(raw=BURGLARY)
def test_recording_never_waits_on_a_question_of_class_count_or_flag(service, raw):
    """Remove one fact of an act that the complete report records: if the act is then held
    undecided, something it is waiting for decides whether to record - never only a question
    whose purpose is the classification, the count or a flag (those refine a recorded crime)."""
    full = service.decide(raw)
    recorded = {a.act for a in full.acts if a.status in ("recorded", "counted_in_crime")}
    for fields, reduced in _removals(raw):
        d = service.decide(reduced)
        asked = {i.field: i for q in d.questions for i in [q, *q.items]}
        for acc in d.acts:
            if acc.act not in recorded or acc.status != "undecided":
                continue
            # the act now waits: the fact removed, if it is asked for, decides whether to record
            for f in fields & set(asked):
                if acc.act in asked[f].acts:
                    assert asked[f].purpose == "recording", (
                        f"removing {f} held act {acc.act} undecided on a {asked[f].purpose} question")
        for c in d.crimes:  # and what refines a crime is a question asked, never a recording one
            assert all(f in asked and asked[f].purpose != "recording" for f in c.refined_by), c.refined_by
