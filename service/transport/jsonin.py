"""Messages built from the protobuf JSON mapping as ``json_format.ParseDict`` builds them, in a
fraction of the time (service/transport/jsonout.py is the other way).

ParseDict is pure Python and works every field's kind out again for every value. Here each message
type gets a plan once, from its descriptor: per JSON name (both the field's name and its
lowerCamelCase name), how a value is set. A plan takes the forms requests come in: text for a
string, true/false, whole numbers (also as digit strings), enum names or numbers, arrays, objects,
maps of text, RFC 3339 times, and null (the field left unset, as ParseDict does). Anything else (a
field named twice or two members of one oneof, a value ParseDict would refuse or convert in its own
way, a type with floats, bytes or other well-known types) makes :func:`build` give None, and the
caller lets ParseDict do it all, so the message, or the refusal, is always ParseDict's
(tests/test_jsonin.py compares the two)."""
from __future__ import annotations

import threading
from typing import Any, Callable

from google.protobuf.descriptor import Descriptor, FieldDescriptor

_F = FieldDescriptor
_INTS = {_F.CPPTYPE_INT32, _F.CPPTYPE_INT64, _F.CPPTYPE_UINT32, _F.CPPTYPE_UINT64}
_TIMESTAMP = "google.protobuf.Timestamp"

Setter = Callable[[Any, Any], bool]  # (message, value) -> set (False: not a form the plan takes)
_PLANS: dict[str, Callable[[Any, Any], bool] | None] = {}
_LOCK = threading.Lock()


class _Refused(Exception):
    """A form the plan does not take: the caller goes to ParseDict."""


def build(data: Any, message_cls):
    """The message ParseDict(data, message_cls()) builds, or None when it is left to ParseDict."""
    fill = _PLANS.get(message_cls.DESCRIPTOR.full_name, _PLANS)
    if fill is _PLANS:
        with _LOCK:
            fill = _plan(message_cls.DESCRIPTOR, {})
    if fill is None:
        return None
    msg = message_cls()
    try:
        fill(msg, data)
    except (_Refused, ValueError, TypeError, AttributeError, KeyError):
        return None
    return msg


def _plan(desc: Descriptor, making: dict[str, list]) -> Callable[[Any, Any], bool] | None:
    name = desc.full_name
    if name in _PLANS:
        return _PLANS[name]
    if name in making:  # a type that holds itself
        cell = making[name]
        return lambda msg, data: cell[0](msg, data)
    if not _planned(desc):
        _PLANS[name] = None
        return None
    cell: list = [None]
    making[name] = cell
    by_name: dict[str, tuple[int, int, Callable]] = {}  # JSON name -> (field number, oneof or -1, setter)
    for f in desc.fields:
        # (a proto3 optional field's own oneof holds it alone: it never meets another member)
        oneof = f.containing_oneof.index if f.containing_oneof is not None else -1
        entry = (f.number, oneof, _setter(f, making))
        by_name[f.name] = entry
        by_name[f.json_name] = entry
    get = by_name.get

    def fill(msg, data) -> None:
        if type(data) is not dict:
            raise _Refused
        seen: set[int] = set()
        oneofs: set[int] = set()
        for key, value in data.items():
            entry = get(key)
            if entry is None:
                raise _Refused
            number, oneof, setter = entry
            if number in seen:
                raise _Refused  # named twice (both spellings): ParseDict refuses it
            seen.add(number)
            if value is None:
                continue  # null: the field is left unset
            if oneof >= 0:
                if oneof in oneofs:
                    raise _Refused
                oneofs.add(oneof)
            setter(msg, value)

    cell[0] = fill
    _PLANS[name] = fill
    del making[name]
    return fill


def _planned(desc: Descriptor) -> bool:
    if desc.full_name.startswith("google.protobuf.") or desc.GetOptions().map_entry or desc.extension_ranges:
        return False
    for f in desc.fields:
        target = f
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            if f.message_type.fields_by_name["key"].cpp_type != _F.CPPTYPE_STRING:
                return False
            target = f.message_type.fields_by_name["value"]
            if target.cpp_type != _F.CPPTYPE_STRING or target.type == _F.TYPE_BYTES:
                return False
            continue
        if target.cpp_type in (_F.CPPTYPE_FLOAT, _F.CPPTYPE_DOUBLE) or target.type == _F.TYPE_BYTES:
            return False
        if target.cpp_type == _F.CPPTYPE_ENUM and (target.enum_type.is_closed
                                                   or target.enum_type.full_name.startswith("google.")):
            return False
        if target.message_type is not None and target.message_type.full_name != _TIMESTAMP \
                and target.message_type.full_name.startswith("google.protobuf."):
            return False
    return True


def _setter(f: FieldDescriptor, making: dict) -> Callable[[Any, Any], None]:
    name = f.name
    if f.message_type is not None and f.message_type.GetOptions().map_entry:
        def set_map(msg, value) -> None:
            if type(value) is not dict:
                raise _Refused
            target = getattr(msg, name)
            for k, v in value.items():
                if type(v) is not str:
                    raise _Refused
                target[k] = v
        return set_map
    convert = _converter(f, making)
    if f.cpp_type == _F.CPPTYPE_MESSAGE:
        if f.is_repeated:
            def set_messages(msg, value) -> None:
                if type(value) is not list:
                    raise _Refused
                target = getattr(msg, name)
                for item in value:
                    if item is None:
                        raise _Refused
                    convert(target.add(), item)
            return set_messages

        def set_message(msg, value) -> None:
            sub = getattr(msg, name)
            sub.SetInParent()
            convert(sub, value)
        return set_message
    if f.is_repeated:
        def set_values(msg, value) -> None:
            if type(value) is not list:
                raise _Refused
            getattr(msg, name).extend([convert(v) for v in value])
        return set_values

    def set_value(msg, value) -> None:
        setattr(msg, name, convert(value))
    return set_value


def _converter(f: FieldDescriptor, making: dict) -> Callable:
    """For a message field: fill(sub message, value); otherwise value -> what is set."""
    t = f.cpp_type
    if t == _F.CPPTYPE_MESSAGE:
        if f.message_type.full_name == _TIMESTAMP:
            def timestamp(sub, value) -> None:
                if type(value) is not str:
                    raise _Refused
                sub.FromJsonString(value)
            return timestamp
        planned = _plan(f.message_type, making)
        if planned is None:
            def refuse(_sub, _value) -> None:
                raise _Refused
            return refuse
        return planned
    if t == _F.CPPTYPE_STRING:
        return _exactly(str)
    if t == _F.CPPTYPE_BOOL:
        return _exactly(bool)
    if t == _F.CPPTYPE_ENUM:
        numbers = {v.name: v.number for v in f.enum_type.values}

        def enum(v):
            if type(v) is str:
                return numbers[v]  # KeyError: not a name (ParseDict says so)
            if type(v) is int:
                return v
            raise _Refused
        return enum
    if t in _INTS:
        def whole(v):
            if type(v) is int:
                return v
            if type(v) is str and v.isascii() and v.isdigit():  # ParseDict reads digit strings too
                return int(v)
            raise _Refused
        return whole
    raise AssertionError(f"no converter for {f.full_name}")  # _planned keeps the rest out


def _exactly(kind: type) -> Callable:
    """The value itself when it is of exactly this JSON type (a bool is not a whole number)."""
    def value(v):
        if type(v) is not kind:
            raise _Refused
        return v
    return value
