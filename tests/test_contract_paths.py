"""check_incident names every violation of one incident by its field path, in order, under the
caller's prefix (a batch's `requests[3].incident`) or none: one of each kind of reference and
vocabulary error, so that a path worked out wrongly for one of them fails here."""
from __future__ import annotations

import copy

import pytest

from service.contract.incident import InvalidIncident, check_incident, parse_incident

from .test_question_cache import EDITIONS

RAW = {
    "id": "INC-1", "reported_at": "2026-06-01T10:00:00Z",
    "reporter": {"role": "victm", "person": "Q", "channel": "fone"},
    "location": {"place": "hme"},
    "persons": [{"id": "V", "sex": "f"}, {"id": "S", "kind": "organisation", "age": 30,
                                          "attributes": {"mental_capacity": "yes"}}, {"id": "V"}],
    "relationships": [{"a": "V", "b": "V", "kind": "prtner"}, {"a": "Q", "b": "S", "kind": "partner"}],
    "acts": [{"id": "a1", "type": "use_of_force", "by": ["S", "Q", "S"], "against": "S",
              "attributes": {"injuri": "minor"}},
             {"id": "a2", "type": "assualt", "victim_age": 12},
             {"id": "a1", "type": "use_of_force", "against": "X", "attributes": {"injury": "bad"}}],
    "evidence": [{"id": "e1", "acts": ["a1", "a1", "a9"]}, {"id": "e1", "acts": ["a2"]}],
    "prior_records": [{"reference": "R1", "reported_at": "2026-01-01T00:00:00Z", "victim": "Q",
                       "offenders": ["S", "Z"]}],
    "attributes": {"nope": "x"},
}

EXPECTED = [
    ("persons[2].id", "duplicate person id"),
    ("acts[2].id", "duplicate act id"),
    ("reporter.role", "unknown reporter role; did you mean 'victim'?"),
    ("reporter.channel", "unknown channel; did you mean 'online'?"),
    ("reporter.person", "no person with this id"),
    ("location.place", "unknown place (known: "),
    ("attributes.nope", "unknown attribute (known: "),
    ("persons[0].sex", "unknown sex (known: female, male"),
    ("persons[1].age", "a party of kind 'organisation' has no age"),
    ("persons[1].attributes.mental_capacity", "unknown attribute; did you mean 'lacks_mental_capacity'?"),
    ("relationships[0].b", "a relationship needs two different persons"),
    ("relationships[0].kind", "unknown relationship kind; did you mean 'partner'?"),
    ("relationships[1].a", "no person with this id"),
    ("acts[0].attributes.injuri", "unknown attribute; did you mean 'injury'?"),
    ("acts[0].by[1]", "no person with this id"),
    ("acts[0].by[2]", "this person is already listed among those who did the act"),
    ("acts[0].against", "the victim of an act cannot also be one who did it"),
    ("acts[1].type", "unknown act type (known: "),
    ("acts[1].victim_age", "an act with no victim has no victim's age"),
    ("acts[2].attributes.injury", "not one of "),
    ("acts[2].against", "no person with this id"),
    ("evidence[0].acts[1]", "this act is already linked to this evidence"),
    ("evidence[0].acts[2]", "no act with this id"),
    ("evidence[1].id", "duplicate evidence id"),
    ("prior_records[0].victim", "no person with this id"),
    ("prior_records[0].offenders[1]", "no person with this id"),
]


@pytest.mark.parametrize("prefix", ["", "requests[3].incident"])
def test_every_violation_is_named_by_its_path_in_order(prefix):
    edition = EDITIONS[max(EDITIONS)]
    inc = parse_incident(copy.deepcopy(RAW), prefix)
    with pytest.raises(InvalidIncident) as err:
        check_incident(inc, edition, prefix)
    got = err.value.violations
    assert [path for path, _ in got] == [f"{prefix}.{p}" if prefix else p for p, _ in EXPECTED]
    for (_, msg), (_, start) in zip(got, EXPECTED):
        assert msg.startswith(start), (msg, start)
    assert "act type (known: use_of_force, " in got[17][1]  # the vocabulary's words, in its order
