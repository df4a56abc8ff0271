"""Messages written in the protobuf JSON mapping, as ``json_format.MessageToJson`` writes them, in a
fraction of the time.

json_format is pure Python and looks every field's kind up again for every value: a decision of
about 8 KB (70 questions) took about 350 µs, several times what deciding a known shape costs. Here
each message type gets a plan once, from its descriptor: per field number, its JSON name and how its
value is written (most values as they come). Writing a message is then its present fields
(``ListFields``, in field-number order, as json_format takes them) through that plan, and
``json.dumps`` with json_format's own arguments. The result is the same text, character for
character (tests/test_jsonout.py compares the two over every kind of field the plans take, and over
thousands of decisions).

A type the plans do not take whole is left to json_format where it occurs: the well-known types
other than Timestamp (Any, Struct, Duration ...), and any message with a float or double field, a
closed enum, extension ranges or enum values with options. As a field of a planned message such a
type is written by ``json_format.MessageToDict``, which is json_format's printer for that part with
the same options; at the top, the whole message goes to ``MessageToJson``."""
from __future__ import annotations

import base64
import json
import threading
from typing import Any, Callable

from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor, FieldDescriptor

_F = FieldDescriptor
_INT64 = {_F.CPPTYPE_INT64, _F.CPPTYPE_UINT64}
_AS_IS = {_F.CPPTYPE_INT32, _F.CPPTYPE_UINT32, _F.CPPTYPE_BOOL}
_TIMESTAMP = "google.protobuf.Timestamp"

_PLANS: dict[str, Callable[[Any], dict] | None] = {}  # message full name -> its writer (None: json_format's)
_LOCK = threading.Lock()


def to_json(msg, indent: int | None = None) -> str:
    """``json_format.MessageToJson(msg, indent=indent, ensure_ascii=False)``, the same text."""
    if indent is None:
        write_text = text_writer(msg.DESCRIPTOR)
        if write_text is not None:
            return write_text(msg)
    write = writer(msg.DESCRIPTOR)
    if write is None:
        return json_format.MessageToJson(msg, indent=indent, ensure_ascii=False)
    return json.dumps(write(msg), indent=indent, sort_keys=False, ensure_ascii=False)


def writer(desc: Descriptor) -> Callable[[Any], dict] | None:
    """The function writing a message of this type as json_format's printer makes its JSON object
    (a dict), or None when the type is left to json_format (see the module's text)."""
    got = _PLANS.get(desc.full_name, _PLANS)
    if got is not _PLANS:
        return got
    with _LOCK:
        return _plan(desc, {})


def _plan(desc: Descriptor, making: dict[str, list]) -> Callable[[Any], dict] | None:
    name = desc.full_name
    if name in _PLANS:
        return _PLANS[name]
    if name in making:  # a type that holds itself: the writer it is making, looked up when called
        cell = making[name]
        return lambda m: cell[0](m)
    if not _planned(desc):
        _PLANS[name] = None
        return None
    cell: list = [None]
    making[name] = cell
    fields: dict[int, tuple[str, Callable | None]] = {}
    for f in desc.fields:
        fields[f.number] = (f.json_name, _value_writer(f, making))
    by_number = fields.get

    def write(msg) -> dict:
        js = {}
        for f, value in msg.ListFields():
            json_name, how = by_number(f.number)
            js[json_name] = value if how is None else how(value)
        return js

    cell[0] = write
    _PLANS[name] = write
    del making[name]
    return write


def _planned(desc: Descriptor) -> bool:
    """Whether a plan writes this type exactly as json_format does (else json_format writes it)."""
    if desc.full_name.startswith("google.protobuf.") or desc.GetOptions().map_entry:
        return False  # well-known types have their own JSON; maps are planned as their field
    if desc.extension_ranges:
        return False
    for f in desc.fields:
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            f = f.message_type.fields_by_name["value"]  # a map: its keys are ints, bools or strings
        if f.cpp_type in (_F.CPPTYPE_FLOAT, _F.CPPTYPE_DOUBLE):
            return False
        if f.cpp_type == _F.CPPTYPE_ENUM and (f.enum_type.is_closed or f.enum_type.full_name.startswith("google.")
                                              or any(v.GetOptions().ListFields() for v in f.enum_type.values)):
            return False
    return True


def _value_writer(f: FieldDescriptor, making: dict) -> Callable | None:
    """How one field's value is written (None: as it is)."""
    if f.message_type is not None and f.message_type.GetOptions().map_entry:
        return _map_writer(f, making)
    one = _scalar_writer(f, making)
    if not f.is_repeated:
        return one
    if one is None:
        return list
    return lambda values: [one(v) for v in values]


def _scalar_writer(f: FieldDescriptor, making: dict) -> Callable | None:
    t = f.cpp_type
    if t == _F.CPPTYPE_MESSAGE:
        sub = f.message_type
        if sub.full_name == _TIMESTAMP:
            return lambda m: m.ToJsonString()
        planned = _plan(sub, making)
        return planned if planned is not None else json_format.MessageToDict
    if t == _F.CPPTYPE_ENUM:
        names = {v.number: v.name for v in f.enum_type.values}
        get = names.get
        return lambda n: get(n, n)  # open enums: a number without a name is written as the number
    if t == _F.CPPTYPE_STRING:
        if f.type == _F.TYPE_BYTES:
            return lambda b: base64.b64encode(b).decode("utf-8")
        return None
    if t in _INT64:
        return str
    if t in _AS_IS:
        return None
    raise AssertionError(f"no writer for {f.full_name}")  # _planned keeps floats out


def _map_writer(f: FieldDescriptor, making: dict) -> Callable:
    value_field = f.message_type.fields_by_name["value"]
    one = _scalar_writer(value_field, making)

    def key_of(k) -> str:
        if isinstance(k, bool):
            return "true" if k else "false"
        return str(k)

    if one is None:
        return lambda m: {key_of(k): m[k] for k in m}
    return lambda m: {key_of(k): one(m[k]) for k in m}


# ------------------------------------------------------------------------------ one line of text

# The same plans, writing the text itself, as json.dumps(obj, ensure_ascii=False) lays out what
# json_format makes: ", " between items, ": " after a key. A message in a repeated field whose
# type holds no map (a question, a crime ...) is the same text wherever the same bytes occur: many
# decisions share their questions, so that text is kept per field, by the message's bytes (_Shared).

_TEXTS: dict[str, Callable[[Any], str] | None] = {}
SHARED_BYTES = 4 << 20  # per repeated field: then its texts are dropped and kept anew
SHARED_TRIAL = 2_000  # messages of a field before it decides whether keeping their texts pays
_str = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes for a str


def text_writer(desc: Descriptor) -> Callable[[Any], str] | None:
    """The function writing a message of this type on one line as ``to_json(msg)`` does, or None
    when the type is left to json_format."""
    got = _TEXTS.get(desc.full_name, _TEXTS)
    if got is not _TEXTS:
        return got
    with _LOCK:
        if _plan(desc, {}) is None:
            _TEXTS[desc.full_name] = None
            return None
        return _plan_text(desc, {})


def _holds_a_map(desc: Descriptor, seen: set[str]) -> bool:
    if desc.full_name in seen:
        return False
    seen.add(desc.full_name)
    for f in desc.fields:
        if f.message_type is not None and (f.message_type.GetOptions().map_entry
                                           or _holds_a_map(f.message_type, seen)):
            return True
    return False


def _plan_text(desc: Descriptor, making: dict[str, list]) -> Callable[[Any], str]:
    name = desc.full_name
    if name in _TEXTS:
        return _TEXTS[name]
    if name in making:
        cell = making[name]
        return lambda m: cell[0](m)
    cell: list = [None]
    making[name] = cell
    heads: dict[int, tuple[str, Callable]] = {}
    for f in desc.fields:
        heads[f.number] = (_str(f.json_name) + ": ", _value_text(f, making))
    by_number = heads.__getitem__

    def write(msg) -> str:
        parts = []
        for f, value in msg.ListFields():
            head, how = by_number(f.number)
            parts.append(head + how(value))
        return "{" + ", ".join(parts) + "}"

    cell[0] = write
    _TEXTS[name] = write
    del making[name]
    return write


def _value_text(f: FieldDescriptor, making: dict) -> Callable[[Any], str]:
    if f.message_type is not None and f.message_type.GetOptions().map_entry:
        as_dict = _map_writer(f, {})
        return lambda m: json.dumps(as_dict(m), ensure_ascii=False)
    one = _scalar_text(f, making)
    if not f.is_repeated:
        return one
    if f.message_type is not None and f.message_type.full_name in _PLANS and _PLANS[f.message_type.full_name] \
            and not _holds_a_map(f.message_type, set()):
        one = _Shared(one)
    return lambda values: "[" + ", ".join([one(v) for v in values]) + "]"


class _Shared:
    """`write`, its text kept by the message's bytes (the same bytes, the same message, the same
    text), within SHARED_BYTES; a field whose messages rarely come again (a crime names its
    incident) stops keeping after its first SHARED_TRIAL messages."""

    def __init__(self, write: Callable[[Any], str]):
        self.write = write
        self.texts: dict[bytes, str] = {}
        self.size = self.looks = self.hits = 0
        self.keeping = True

    def __call__(self, msg) -> str:
        if not self.keeping:
            return self.write(msg)
        key = msg.SerializeToString()
        got = self.texts.get(key)
        self.looks += 1
        if got is None:
            got = self.write(msg)
            if self.size > SHARED_BYTES:
                self.texts.clear()
                self.size = 0
            self.texts[key] = got
            self.size += len(key) + len(got)
        else:
            self.hits += 1
        if self.looks == SHARED_TRIAL and self.hits * 5 < self.looks:  # fewer than 1 in 5 came again
            self.keeping = False
            self.texts.clear()
        return got


def _scalar_text(f: FieldDescriptor, making: dict) -> Callable[[Any], str]:
    t = f.cpp_type
    if t == _F.CPPTYPE_MESSAGE:
        sub = f.message_type
        if sub.full_name == _TIMESTAMP:
            return lambda m: '"' + m.ToJsonString() + '"'
        if _plan(sub, {}) is not None:
            return _plan_text(sub, making)
        return lambda m: json.dumps(json_format.MessageToDict(m), ensure_ascii=False)
    if t == _F.CPPTYPE_ENUM:
        names = {v.number: _str(v.name) for v in f.enum_type.values}
        get = names.get
        return lambda n: get(n) or str(n)
    if t == _F.CPPTYPE_STRING:
        if f.type == _F.TYPE_BYTES:
            return lambda b: '"' + base64.b64encode(b).decode("utf-8") + '"'
        return _str
    if t in _INT64:
        return lambda n: '"' + str(n) + '"'
    if t == _F.CPPTYPE_BOOL:
        return lambda b: "true" if b else "false"
    if t in _AS_IS:
        return int.__repr__
    raise AssertionError(f"no writer for {f.full_name}")
