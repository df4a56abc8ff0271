"""service/transport/jsonout.py writes what json_format.MessageToJson writes, character for
character: over the decisions of every feature incident and of seeded random ones (full and
compact, on one line and indented, twice so that the kept texts are read back), and over random
messages of every type in the contract, built from their descriptors with the values that are
easy to get wrong (quotes, control characters, non-ASCII, enum numbers without a
name, negative and 64-bit integers, bytes, maps, well-known types)."""
from __future__ import annotations

import random

import pytest
from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor as F

from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.transport import jsonout, pbjson
from service.transport.mapping import decision_to_proto

from .gen_incidents import feature_incidents, random_incidents
from .test_question_cache import AS_OF


def _reference(msg, indent=None) -> str:
    return json_format.MessageToJson(msg, indent=indent, ensure_ascii=False)


def _same(msg) -> None:
    for indent in (None, 2):
        assert jsonout.to_json(msg, indent) == _reference(msg, indent), (type(msg).__name__, indent)


@pytest.fixture(scope="module")
def decisions() -> list[pb.Decision]:
    service = DecisionService()
    edition = service.edition_for(AS_OF)
    out = []
    for raw in feature_incidents() + random_incidents(edition, 150):
        try:
            d = service.decide(raw, as_of=AS_OF)
        except Exception:  # noqa: BLE001 - an incident the edition refuses has no decision to write
            continue
        out += [decision_to_proto(d), decision_to_proto(d, compact=True)]
    return out


def test_decisions_are_written_as_json_format_writes_them(decisions):
    assert len(decisions) > 1000
    assert sum(len(d.questions) for d in decisions) > 5_000  # the kept texts are used
    wanted = [_reference(d) for d in decisions]
    for _ in range(2):  # the second time, every shared part's text comes from what was kept
        assert [jsonout.to_json(d) for d in decisions] == wanted
    for d in decisions[::25]:  # indented (the dicts' path), and inside a reply
        _same(d)
        _same(pb.DecideResponse(decision=d))
    # the doors' function is this one
    assert pbjson.to_json(decisions[0]) == _reference(decisions[0])


def test_a_batch_reply_with_errors_is_written_as_json_format_writes_it(decisions):
    """A BatchResult's error is a google.rpc.Status (details in Any): left to json_format."""
    from google.protobuf.any_pb2 import Any
    from google.rpc import error_details_pb2, status_pb2

    detail = Any()
    detail.Pack(error_details_pb2.BadRequest(field_violations=[
        error_details_pb2.BadRequest.FieldViolation(field="requests[1].incident.id", description="must be \"set\"")]))
    err = status_pb2.Status(code=3, message="invalid request: é \x01", details=[detail])
    reply = pb.DecideBatchResponse(results=[pb.BatchResult(incident_id="I-1", decision=decisions[0]),
                                            pb.BatchResult(incident_id="I-2", error=err)])
    _same(reply)
    _same(err)


def test_kept_texts_dropped_when_full_are_written_again(decisions, monkeypatch):
    monkeypatch.setattr(jsonout, "SHARED_BYTES", 3000)
    for d in decisions[:200]:
        _same(d)


def test_a_field_keeps_texts_only_while_they_come_again(monkeypatch):
    monkeypatch.setattr(jsonout, "SHARED_TRIAL", 50)
    writes: list[str] = []

    def write(msg) -> str:
        writes.append(msg.field)
        return f"<{msg.field}>"

    again = jsonout._Shared(write)  # the same ten questions, over and over
    for i in range(200):
        assert again(pb.Question(field=f"q{i % 10}")) == f"<q{i % 10}>"
    assert again.keeping and len(writes) == 10 and len(again.texts) == 10
    writes.clear()
    once = jsonout._Shared(write)  # every one new (as a crime, which names its incident)
    for i in range(200):
        assert once(pb.Question(field=f"c{i}")) == f"<c{i}>"
    assert not once.keeping and not once.texts and len(writes) == 200
    assert once.looks == 50  # it stopped looking


# ------------------------------------------------------------------------------ random messages

_TEXTS = ["", "a", "quote \" and backslash \\", "line\nbreak\ttab", "\x00\x1f\x7f", "é ß 中文 😀",
          "\u2028\u2029", "~\x7f", "</script>"]


def _fill(msg, rng: random.Random, depth: int = 0) -> None:
    desc = msg.DESCRIPTOR
    name = desc.full_name
    if name == "google.protobuf.Timestamp":
        msg.seconds, msg.nanos = rng.choice([0, 1, -1, 1_780_000_000, 253402300799]), rng.choice([0, 1, 500_000_000, 999_999_999, 1000])
        return
    if name == "google.protobuf.Duration":
        msg.seconds, msg.nanos = rng.choice([(0, 0), (5, 0), (1, 500_000_000), (-3, -1)])
        return
    if name == "google.protobuf.Struct":
        msg.update({"a": 1.5, "b": "x", "c": [True, None]})
        return
    if name == "google.protobuf.Any":
        from google.protobuf.timestamp_pb2 import Timestamp
        msg.Pack(Timestamp(seconds=12, nanos=3000))
        return
    if name.startswith("google.protobuf."):
        return
    for f in desc.fields:
        if rng.random() < 0.3:
            continue
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            target = getattr(msg, f.name)
            key_f, value_f = f.message_type.fields_by_name["key"], f.message_type.fields_by_name["value"]
            for _ in range(rng.randint(0, 3)):
                k = _scalar(key_f, rng)
                if value_f.message_type is not None:
                    if depth < 3:
                        _fill(target[k], rng, depth + 1)
                else:
                    target[k] = _scalar(value_f, rng)
            continue
        if f.is_repeated:
            target = getattr(msg, f.name)
            for _ in range(rng.randint(0, 3)):
                if f.message_type is not None:
                    if depth < 3:
                        _fill(target.add(), rng, depth + 1)
                else:
                    target.append(_scalar(f, rng))
            continue
        if f.message_type is not None:
            if depth < 3:
                sub = getattr(msg, f.name)
                sub.SetInParent()  # present, even if left empty
                _fill(sub, rng, depth + 1)
            continue
        setattr(msg, f.name, _scalar(f, rng))


def _scalar(f, rng: random.Random):
    t = f.cpp_type
    if t == F.CPPTYPE_STRING:
        if f.type == F.TYPE_BYTES:
            return rng.choice([b"", b"\x00\xff", b"abc", bytes(range(40))])
        return rng.choice(_TEXTS)
    if t == F.CPPTYPE_BOOL:
        return rng.choice([True, False])
    if t == F.CPPTYPE_ENUM:
        numbers = [v.number for v in f.enum_type.values]
        return rng.choice(numbers + [max(numbers) + 7])  # open enums keep a number without a name
    if t in (F.CPPTYPE_INT32,):
        return rng.choice([0, 1, -1, 2**31 - 1, -2**31])
    if t == F.CPPTYPE_UINT32:
        return rng.choice([0, 1, 2**32 - 1])
    if t == F.CPPTYPE_INT64:
        return rng.choice([0, -1, 2**53 + 1, -2**63])
    if t == F.CPPTYPE_UINT64:
        return rng.choice([0, 2**64 - 1])
    if t in (F.CPPTYPE_FLOAT, F.CPPTYPE_DOUBLE):
        return rng.choice([0.0, 1.5, -2.25, 1e300 if t == F.CPPTYPE_DOUBLE else 3.0, float("inf")])
    raise AssertionError(f.full_name)


def _message_types():
    return [getattr(pb, n) for n in sorted(pb.DESCRIPTOR.message_types_by_name)]


@pytest.mark.parametrize("cls", _message_types(), ids=lambda c: c.DESCRIPTOR.name)
def test_random_messages_of_every_type_are_written_as_json_format_writes_them(cls):
    rng = random.Random(cls.DESCRIPTOR.full_name)
    for _ in range(60):
        msg = cls()
        _fill(msg, rng)
        _same(msg)
        _same(cls.FromString(msg.SerializeToString()))  # as a door gets it: parsed from bytes


def test_the_plans_take_the_decision_whole():
    """The decision and the doors' replies are written by the plans, not handed to json_format."""
    for cls in (pb.Decision, pb.DecideResponse, pb.DecideBatchResponse, pb.Question):
        assert jsonout.text_writer(cls.DESCRIPTOR) is not None, cls


def _every_kind():
    """A message type made here, with a field of every kind the plans take (and a float, which the
    plans leave to json_format): proto3 optional and repeated bools (false can be present), bytes,
    the integer types, an open enum, maps with int and bool keys, a message holding itself."""
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    fd = descriptor_pb2.FileDescriptorProto(name="jsonout_test.proto", package="jsonout.test", syntax="proto3")
    enum = fd.enum_type.add(name="Colour")
    for i, n in enumerate(["COLOUR_UNSPECIFIED", "RED", "GREEN"]):
        enum.value.add(name=n, number=i)
    T = descriptor_pb2.FieldDescriptorProto
    kinds = [("b", T.TYPE_BOOL), ("by", T.TYPE_BYTES), ("i32", T.TYPE_INT32), ("s32", T.TYPE_SINT32),
             ("u32", T.TYPE_UINT32), ("f32", T.TYPE_FIXED32), ("i64", T.TYPE_INT64), ("u64", T.TYPE_UINT64),
             ("s64", T.TYPE_SFIXED64), ("s", T.TYPE_STRING)]

    def message(name, with_float):
        m = fd.message_type.add(name=name)
        n = 0
        for fname, ftype in kinds:
            for label, suffix in ((T.LABEL_OPTIONAL, ""), (T.LABEL_REPEATED, "_list")):
                n += 1
                m.field.add(name=fname + suffix, number=n, type=ftype, label=label)
        n += 1
        m.field.add(name="opt_bool", number=n, type=T.TYPE_BOOL, label=T.LABEL_OPTIONAL, proto3_optional=True,
                    oneof_index=0)
        m.oneof_decl.add(name="_opt_bool")
        for label, suffix in ((T.LABEL_OPTIONAL, ""), (T.LABEL_REPEATED, "_list")):
            n += 1
            m.field.add(name="colour" + suffix, number=n, type=T.TYPE_ENUM, type_name=".jsonout.test.Colour", label=label)
            n += 1
            m.field.add(name="child" + suffix, number=n, type=T.TYPE_MESSAGE, type_name=f".jsonout.test.{name}",
                        label=label)
        for key_type, key_name in ((T.TYPE_INT32, "by_int"), (T.TYPE_BOOL, "by_bool"), (T.TYPE_BOOL, "by_flag"),
                                   (T.TYPE_STRING, "by_text")):
            entry = m.nested_type.add(name=key_name.title().replace("_", "") + "Entry")
            entry.options.map_entry = True
            entry.field.add(name="key", number=1, type=key_type, label=T.LABEL_OPTIONAL)
            value_type = {"by_int": T.TYPE_BYTES, "by_bool": T.TYPE_STRING, "by_flag": T.TYPE_BYTES,
                          "by_text": T.TYPE_MESSAGE}[key_name]
            entry.field.add(name="value", number=2, type=value_type, label=T.LABEL_OPTIONAL,
                            type_name=f".jsonout.test.{name}" if value_type == T.TYPE_MESSAGE else None)
            n += 1
            m.field.add(name=key_name, number=n, type=T.TYPE_MESSAGE,
                        type_name=f".jsonout.test.{name}.{entry.name}", label=T.LABEL_REPEATED)
        if with_float:
            n += 1
            m.field.add(name="ratio", number=n, type=T.TYPE_DOUBLE, label=T.LABEL_OPTIONAL)

    message("Every", False)
    message("EveryWithFloat", True)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fd)
    return [message_factory.GetMessageClass(pool.FindMessageTypeByName(f"jsonout.test.{n}"))
            for n in ("Every", "EveryWithFloat")]


def test_every_kind_of_field_is_written_as_json_format_writes_it():
    planned, with_float = _every_kind()
    assert jsonout.text_writer(planned.DESCRIPTOR) is not None
    assert jsonout.text_writer(with_float.DESCRIPTOR) is None  # left to json_format whole
    for cls in (planned, with_float):
        rng = random.Random(cls.DESCRIPTOR.name)
        for _ in range(100):
            msg = cls()
            _fill(msg, rng)
            if rng.random() < 0.5:
                msg.opt_bool = rng.random() < 0.5  # present, false included
            _same(msg)
