"""service/transport/jsonin.py builds what json_format.ParseDict builds: over every feature incident,
seeded random ones and the examples (both name styles), over variants of them in the forms the
mapping allows (digit strings, nulls, empty objects and arrays, a field under both its names) and
in forms ParseDict refuses (a number out of range, a wrong JSON type), and over random
messages of every type in the contract written out by json_format. Where it does not build (None),
the caller leaves the whole message to ParseDict, so a refusal is always ParseDict's."""
from __future__ import annotations

import copy
import json
import random

import pytest
from google.protobuf import json_format

from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.transport import jsonin, pbjson

from .gen_incidents import example_incidents, feature_incidents, random_incidents
from .test_jsonout import _every_kind, _fill, _message_types
from .test_question_cache import AS_OF


def _parse_dict(data, cls):
    """ParseDict's message, or None when it refuses the data."""
    try:
        return json_format.ParseDict(data, cls())
    except json_format.ParseError:
        return None


def _same_or_left(data, cls) -> bool:
    """build() gives ParseDict's message, or None (left to ParseDict); True when it built one."""
    built, wanted = jsonin.build(data, cls), _parse_dict(data, cls)
    if built is None:
        return False
    assert wanted is not None, data  # never a message where ParseDict refuses
    assert pbjson.check(data, cls) == [], data  # nor where the doors' walk finds a violation (parse skips it)
    assert built == wanted
    assert built.SerializeToString(deterministic=True) == wanted.SerializeToString(deterministic=True)
    return True


@pytest.fixture(scope="module")
def requests() -> list[dict]:
    edition = DecisionService().edition_for(AS_OF)
    incidents = feature_incidents() + random_incidents(edition, 200) + example_incidents(edition)
    out = []
    for inc in incidents:
        data = {"incident": inc, "asOf": AS_OF.isoformat().replace("+00:00", "Z")}
        msg = _parse_dict(data, pb.DecideRequest)
        if msg is not None:  # (a random incident's attributes may be true/false, which a map of text refuses)
            out.append(data)
            out.append(json_format.MessageToDict(msg))  # the same in lowerCamelCase, as a client library writes it
    return out


def test_requests_are_built_as_parse_dict_builds_them(requests):
    assert len(requests) > 1500
    built = sum(_same_or_left(r, pb.DecideRequest) for r in requests)
    assert built == len(requests)  # these are the forms requests come in: none is left


def _variants(data, rng: random.Random):
    """The same request with one value written another way the mapping allows, or refuses."""
    inc = data["incident"]
    v = copy.deepcopy(data)
    yield v
    for key in list(inc):
        for other in (None, {}, [], "", 0, True):
            w = copy.deepcopy(data)
            w["incident"][key] = other
            yield w
    for act in range(len(inc.get("acts", []))):
        w = copy.deepcopy(data)
        w["incident"]["acts"][act]["attributes"] = {"a": "b", "c": None}
        yield w
    for p in range(len(inc.get("persons", []))):
        for age in ("34", "+3", "٣", -1, 2**31, 2**40, 3.0, "x"):
            w = copy.deepcopy(data)
            w["incident"]["persons"][p]["age"] = age
            yield w
    w = copy.deepcopy(data)
    w["incident"]["reported_at" if "reportedAt" in inc else "reportedAt"] = inc.get("reportedAt", inc.get("reported_at"))
    yield w  # the same field under both names (ParseDict takes the later)
    w = copy.deepcopy(data)
    w["compact"] = rng.choice([True, False, "true", 1, None])
    yield w
    w = copy.deepcopy(data)
    w["edition"] = rng.choice(["2026-27", 7, None])
    yield w


def test_variants_are_built_as_parse_dict_builds_them_or_left_to_it(requests):
    rng = random.Random(5)
    built = accepted = tried = 0
    for r in requests[::15]:
        for v in _variants(r, rng):
            tried += 1
            accepted += _parse_dict(v, pb.DecideRequest) is not None
            built += _same_or_left(v, pb.DecideRequest)
    # most of what ParseDict accepts is built here, not handed on
    assert tried > 1000 and accepted > tried / 5 and built > 0.6 * accepted, (tried, accepted, built)


@pytest.mark.parametrize("cls", _message_types(), ids=lambda c: c.DESCRIPTOR.name)
def test_random_messages_of_every_type_are_built_back(cls):
    rng = random.Random(cls.DESCRIPTOR.full_name)
    planned = jsonin.build({}, cls) is not None
    for _ in range(40):
        msg = cls()
        _fill(msg, rng)
        for names in (False, True):
            data = json.loads(json.dumps(json_format.MessageToDict(msg, preserving_proto_field_name=names)))
            if _same_or_left(data, cls):
                assert jsonin.build(data, cls) == msg
            else:  # left to ParseDict: only a type the plans do not take, or a value they leave
                assert not planned or msg.ListFields()


def test_the_request_types_are_planned_and_others_left():
    for cls in (pb.DecideRequest, pb.DecideBatchRequest, pb.Incident):
        assert jsonin.build({}, cls) == cls()
    planned, with_float = _every_kind()
    assert jsonin.build({}, planned) is None  # it has bytes fields: left to ParseDict
    assert jsonin.build({}, with_float) is None


def test_the_doors_parse_builds_here_and_leaves_the_rest_to_parse_dict(requests):
    data = requests[0]
    msg, violations = pbjson.parse(data, pb.DecideRequest)
    assert violations == [] and msg == _parse_dict(data, pb.DecideRequest)
    # a field under both its names: ParseDict takes the later, and so does the door (through ParseDict)
    twice = {"incident": {**data["incident"], "reported_at": "2026-06-01T10:00:00Z",
                          "reportedAt": "2026-06-02T10:00:00Z"}}
    assert jsonin.build(twice, pb.DecideRequest) is None
    msg, violations = pbjson.parse(twice, pb.DecideRequest)
    assert violations == [] and msg == _parse_dict(twice, pb.DecideRequest)
    assert msg.incident.reported_at.ToJsonString() == "2026-06-02T10:00:00Z"


def _choice():
    """A message type made here: a oneof of two fields the plans take, and a proto3 optional field
    (whose own oneof is no choice)."""
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    T = descriptor_pb2.FieldDescriptorProto
    fd = descriptor_pb2.FileDescriptorProto(name="jsonin_test.proto", package="jsonin.test", syntax="proto3")
    m = fd.message_type.add(name="Choice")
    m.oneof_decl.add(name="pick")
    m.oneof_decl.add(name="_c")
    m.field.add(name="a", number=1, type=T.TYPE_STRING, label=T.LABEL_OPTIONAL, oneof_index=0)
    m.field.add(name="b", number=2, type=T.TYPE_INT32, label=T.LABEL_OPTIONAL, oneof_index=0)
    m.field.add(name="c", number=3, type=T.TYPE_STRING, label=T.LABEL_OPTIONAL, oneof_index=1, proto3_optional=True)
    m.field.add(name="d", number=4, type=T.TYPE_STRING, label=T.LABEL_OPTIONAL, oneof_index=1 + 1, proto3_optional=True)
    m.oneof_decl.add(name="_d")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fd)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("jsonin.test.Choice"))


def test_two_members_of_one_oneof_are_left_to_parse_dict_which_refuses_them():
    choice = _choice()
    assert _parse_dict({"a": "x", "b": 1}, choice) is None
    assert jsonin.build({"a": "x", "b": 1}, choice) is None
    for one in ({"a": "x"}, {"b": 2, "c": ""}, {"a": "", "c": "", "d": "y"}, {"a": None, "b": 3}):
        assert _same_or_left(one, choice), one
    assert jsonin.build({"b": 2, "c": ""}, choice).HasField("c")  # present, though empty


def test_an_enum_name_parse_dict_does_not_know_is_left_to_it():
    assert _same_or_left({"outcome": "OUTCOME_RECORD_CRIME"}, pb.Decision)
    assert _same_or_left({"outcome": 1}, pb.Decision)
    assert _parse_dict({"outcome": "RECORD_IT"}, pb.Decision) is None
    assert jsonin.build({"outcome": "RECORD_IT"}, pb.Decision) is None
