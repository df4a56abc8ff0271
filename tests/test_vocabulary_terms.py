"""The facts officers state beyond an act's own attributes: organisations as parties, the
victim's age at the time of each act, the force area of each act, an unknown reporter; that the
state-offence question is never asked of an act with a victim; and that apps see the terms
through DescribeVocabulary and can send them through the proto."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from service.api import InvalidIncident
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.rulebook import RulebookError, load_edition

from .conftest import ROOT

EDITION_DIR = ROOT / "rules" / "2026-27"


def base(**extra) -> dict:
    inc = {"id": "INC-V1", "reported_at": "2026-06-01T10:00:00Z", "reporter": {"role": "victim"},
           "persons": [{"id": "V", "age": 34, "sex": "female"}, {"id": "S", "age": 36, "sex": "male"}],
           "acts": [{"id": "a1", "type": "use_of_force", "by": ["S"], "against": "V", "attributes": {"injury": "minor"}}]}
    inc.update(extra)
    return inc


def fields(err: InvalidIncident) -> list[str]:
    return [path for path, _ in err.violations]


def test_an_organisation_has_no_age_sex_or_personal_capacity(service):
    inc = base(persons=[{"id": "ORG", "kind": "organisation", "age": 12, "sex": "female",
                         "attributes": {"lacks_mental_capacity": "no"}}, {"id": "S", "age": 36}])
    inc["acts"][0]["against"] = "ORG"
    with pytest.raises(InvalidIncident) as err:
        service.decide(inc)
    assert fields(err.value) == ["persons[0].age", "persons[0].sex", "persons[0].attributes.lacks_mental_capacity"]


def test_an_unknown_kind_of_party_is_refused_with_a_hint(service):
    inc = base(persons=[{"id": "V", "kind": "organization"}, {"id": "S", "age": 36}])
    with pytest.raises(InvalidIncident) as err:
        service.decide(inc)
    (path, msg), = err.value.violations
    assert path == "persons[0].kind" and "did you mean 'organisation'" in msg


def test_no_person_question_is_asked_of_an_organisation(service):
    # the same damage against a person of unknown age asks the age; against an organisation it never does
    person = base(persons=[{"id": "V"}, {"id": "S", "age": 36}])
    person["relationships"] = [{"a": "S", "b": "V", "kind": "ex_partner"}]
    org = base(persons=[{"id": "V", "kind": "organisation"}, {"id": "S", "age": 36}])
    org["relationships"] = [{"a": "S", "b": "V", "kind": "ex_partner"}]
    asked_person = {q.field for q in service.decide(person).questions}
    asked_org = {q.field for q in service.decide(org).questions}
    assert "persons[V].age" in asked_person
    assert not {f for f in asked_org if f.startswith("persons[V]")}, asked_org


def test_the_victims_age_at_the_time_decides_and_needs_a_victim(service):
    inc = base()
    inc["acts"] = [{"id": "a1", "type": "sexual_contact", "by": ["S"], "against": "V", "victim_age": 12,
                    "occurred_at": "2004-01-01T00:00:00Z", "attributes": {"penetration": "none", "consent": "not_given"}}]
    d = service.decide(inc)
    assert [(c.classification, c.ho_code) for c in d.crimes] == [("20B", "020/06")]
    inc["acts"][0]["victim_age"] = None
    assert [(c.classification, c.ho_code) for c in service.decide(inc).crimes] == [("20A", "020/05")]
    bad = base()
    bad["acts"][0].pop("against")
    bad["acts"][0]["victim_age"] = 10
    with pytest.raises(InvalidIncident) as err:
        service.decide(bad)
    assert "acts[0].victim_age" in fields(err.value)


def test_the_state_offence_question_is_never_asked_of_an_act_with_a_victim(service):
    e = service.editions["2026-27"]
    generic = e.vocab.common_act_attributes["points_to_prove_made_out"].question
    for name in e.vocab.act_types:
        inc = base()
        inc["acts"] = [{"id": "a1", "type": name, "by": ["S"], "against": "V", "attributes": {}}]
        texts = [q.text for q in service.decide(inc).questions]
        assert generic not in texts, name


def test_a_rule_asking_the_state_question_of_an_act_that_may_have_a_victim_fails_rules_check(tmp_path):
    dst = tmp_path / "rules" / "2026-27"
    shutil.copytree(EDITION_DIR, dst)
    vocab = dst / "offences" / "society" / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8")
    start = text.index("      points_to_prove_made_out:\n        question: >-\n          Are the points to prove clearly made out: the order")
    end = text.index("        type: boolean\n", start) + len("        type: boolean\n")
    vocab.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        load_edition(dst, lint=True)
    found = [p for p in err.value.problems if p.field == "when.act.points_to_prove_made_out"]
    assert found and all("breach_of_order" in p.message for p in found)


# ---------------------------------------------------------------------------------------- gRPC


def test_describe_vocabulary_returns_the_new_terms(channel):
    v = pb_grpc.DecisionServiceStub(channel).DescribeVocabulary(pb.DescribeVocabularyRequest(edition="2026-27")).vocabulary
    assert [t.name for t in v.person_kinds] == ["person", "organisation"]
    assert "unknown_reporter" in [r.name for r in v.reporter_roles]
    types = {t.name: {a.name: a for a in t.attributes} for t in v.act_types}
    assert "concealment_of_birth" in types
    assert [x.name for x in types["use_of_force"]["weapon"].values] == ["none", "shown", "used"]
    assert "weapon" in types["taking_property"]
    assert "education" in [x.name for x in types["sexual_contact"]["offender_position_of_trust"].values]
    assert "rape" in [x.name for x in types["sexual_contact"]["reported_as"].values]
    assert "where_act_committed" in types["use_of_force"]
    assert "cheque_card_or_online_bank_account" in [
        x.name for x in types["deception_or_false_document"]["fraud_kind"].values]
    # each act type that needs it asks the points to prove in its own words
    assert types["breach_of_order"]["points_to_prove_made_out"].question != \
        types["use_of_force"]["points_to_prove_made_out"].question
    assert {"person_kind", "age_now"} <= set(v.envelope_questions)


def test_the_proto_carries_organisations_ages_at_the_time_and_force_areas(channel):
    t = Timestamp()
    t.FromDatetime(dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc))
    inc = pb.Incident(id="INC-P1", reporter=pb.Reporter(role="victim"),
                      persons=[pb.Person(id="V", age=34, sex="female"), pb.Person(id="S", age=36, sex="male"),
                               pb.Person(id="SHOP", kind="organisation")],
                      acts=[pb.Act(id="a1", type="use_of_force", by=["S"], against="V", force_area="Kent",
                                   attributes={"injury": "minor", "where_act_committed": "another_force_area"}),
                            pb.Act(id="a2", type="use_of_force", by=["S"], against="V", victim_age=15,
                                   attributes={"injury": "minor"}),
                            pb.Act(id="a3", type="damage_to_property", by=["S"], against="SHOP",
                                   attributes={"by_fire": "no", "property_kind": "business_or_community_building"})])
    inc.reported_at.CopyFrom(t)
    d = pb_grpc.DecisionServiceStub(channel).Decide(pb.DecideRequest(incident=inc)).decision
    assert [(n.act, n.transfer_to) for n in d.negations if n.disposition == "transfer"] == [("a1", "Kent")]
    assert ("a2", "") in [(c.acts[0], "") for c in d.crimes]
    assert not [q.field for q in d.questions if q.field.startswith("persons[SHOP]")]
