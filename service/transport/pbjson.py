"""The protobuf JSON mapping, read with every violation reported at once.

``json_format.ParseDict`` stops at the first problem and its message may quote the payload. This
walks the message descriptor instead and collects (field path, description) for every field that
does not fit, never quoting a value: unknown names (with a "did you mean"), wrong JSON types,
unknown enum names, unreadable or out-of-range timestamps. Both field-name styles are accepted
(``reported_at`` and ``reportedAt``), as json_format does. When nothing is wrong, json_format builds
the message (service/transport/jsonin.py builds the same one faster, for the forms it takes), so
the result is exactly what grpcurl or buf curl would have sent.
"""
from __future__ import annotations

import difflib
from typing import Any

from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.timestamp_pb2 import Timestamp

from ..gen.hocr.v1 import hocr_pb2 as pb
from . import jsonin, jsonout

MAX_VIOLATIONS = 50
_INTS = {FieldDescriptor.TYPE_INT32, FieldDescriptor.TYPE_SINT32, FieldDescriptor.TYPE_SFIXED32,
         FieldDescriptor.TYPE_UINT32, FieldDescriptor.TYPE_FIXED32, FieldDescriptor.TYPE_INT64,
         FieldDescriptor.TYPE_SINT64, FieldDescriptor.TYPE_SFIXED64, FieldDescriptor.TYPE_UINT64,
         FieldDescriptor.TYPE_FIXED64}
_FLOATS = {FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT}
_PASS_THROUGH = {"google.protobuf.Any", "google.protobuf.Struct", "google.protobuf.Value",
                 "google.protobuf.ListValue", "google.protobuf.Duration"}


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


class _Walker:
    def __init__(self) -> None:
        self.violations: list[tuple[str, str]] = []

    def add(self, path: str, description: str) -> None:
        if len(self.violations) < MAX_VIOLATIONS:
            self.violations.append((path or "body", description))

    def message(self, desc: Descriptor, value: Any, path: str) -> None:
        if desc.full_name == "google.protobuf.Timestamp":
            self.timestamp(value, path)
            return
        if desc.full_name in _PASS_THROUGH:
            return
        if not isinstance(value, dict):
            self.add(path, "must be a JSON object")
            return
        names = {}
        for f in desc.fields:
            names[f.name] = f
            names[f.json_name] = f
        for key, item in value.items():
            f = names.get(key)
            if f is None:
                hint = difflib.get_close_matches(str(key), list(names), n=1, cutoff=0.6)
                self.add(_join(path, str(key)[:64]), "unknown field" + (f"; did you mean {hint[0]!r}?" if hint else ""))
                continue
            self.field(f, item, _join(path, f.name))

    def field(self, f: FieldDescriptor, value: Any, path: str) -> None:
        if value is None:
            return  # null is the default value in the JSON mapping
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            if not isinstance(value, dict):
                self.add(path, "must be a JSON object (a map)")
                return
            vf = f.message_type.fields_by_name["value"]
            for k, v in value.items():
                self.single(vf, v, f"{path}.{str(k)[:64]}")
            return
        if f.is_repeated:
            if not isinstance(value, list):
                self.add(path, "must be a JSON array")
                return
            for i, item in enumerate(value):
                self.single(f, item, f"{path}[{i}]")
            return
        self.single(f, value, path)

    def single(self, f: FieldDescriptor, value: Any, path: str) -> None:
        t = f.type
        if t == FieldDescriptor.TYPE_MESSAGE:
            self.message(f.message_type, value, path)
        elif t == FieldDescriptor.TYPE_ENUM:
            names = [v.name for v in f.enum_type.values]
            if isinstance(value, int) and not isinstance(value, bool):
                return  # numbers are accepted (open enums)
            if not isinstance(value, str) or value not in names:
                self.add(path, f"must be one of {', '.join(names)}")
        elif t == FieldDescriptor.TYPE_STRING:
            if not isinstance(value, str):
                self.add(path, "must be a string")
        elif t == FieldDescriptor.TYPE_BOOL:
            if not isinstance(value, bool):
                self.add(path, "must be true or false")
        elif t in _INTS:
            if isinstance(value, bool) or not isinstance(value, (int, str)) or (
                    isinstance(value, str) and not value.lstrip("-").isdigit()):
                self.add(path, "must be a whole number")
            elif not -(2 ** 63) <= int(value) < 2 ** 64:
                self.add(path, "is out of range")
            elif t in (FieldDescriptor.TYPE_INT32, FieldDescriptor.TYPE_SINT32, FieldDescriptor.TYPE_SFIXED32) \
                    and not -(2 ** 31) <= int(value) < 2 ** 31:
                self.add(path, "is out of range for a 32-bit number")
        elif t in _FLOATS:
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                self.add(path, "must be a number")
        elif t == FieldDescriptor.TYPE_BYTES:
            if not isinstance(value, str):
                self.add(path, "must be a base64 string")

    def timestamp(self, value: Any, path: str) -> None:
        if not isinstance(value, str):
            self.add(path, "must be an RFC 3339 time string, e.g. 2026-06-01T10:00:00Z")
            return
        try:
            Timestamp().FromJsonString(value)
        except ValueError:
            self.add(path, "must be an RFC 3339 time with a time zone, between years 0001 and 9999, "
                           "e.g. 2026-06-01T10:00:00Z")


def check(data: Any, message_cls, prefix: str = "") -> list[tuple[str, str]]:
    """Every violation of the JSON mapping in ``data`` for ``message_cls``, paths under ``prefix``."""
    walker = _Walker()
    walker.message(message_cls.DESCRIPTOR, data, prefix)
    return walker.violations


def parse(data: Any, message_cls, prefix: str = ""):
    """(message, []) when ``data`` fits the mapping, else (None, violations)."""
    # ParseDict's message, built faster; a form it builds is one the walk below passes (its plans
    # are stricter: tests/test_jsonin.py checks this), so only what it leaves is walked
    msg = jsonin.build(data, message_cls)
    if msg is not None:
        return msg, []
    violations = check(data, message_cls, prefix)
    if violations:
        return None, violations
    msg = message_cls()
    try:
        json_format.ParseDict(data, msg)
    except json_format.ParseError:  # a case the walk above does not know: still a client error
        return None, [(prefix or "body", "does not match the contract")]
    return msg, []


# ------------------------------------------------------------------ shared by the HTTP door and the CLI

def _names(message_cls) -> set[str]:
    return {n for f in message_cls.DESCRIPTOR.fields for n in (f.name, f.json_name)}


def decide_request_data(data: Any) -> Any:
    """The JSON of a DecideRequest: ``data`` itself, or a bare Incident wrapped as ``{"incident": ...}``.
    An object is a bare incident when it has no ``incident`` and a name a DecideRequest does not have
    (``id``, ``acts``, ``reportedAt`` ...); the two cannot be confused, as no Incident field is named
    like a DecideRequest field."""
    if isinstance(data, dict) and "incident" not in data and any(k not in _names(pb.DecideRequest) for k in data):
        return {"incident": data}
    return data


def summary(violations: list[tuple[str, str]]) -> str:
    """The one-line message of an INVALID_ARGUMENT status: the first violation and how many more."""
    first = f"invalid request: {violations[0][0]}: {violations[0][1]}"
    return first + (f" (and {len(violations) - 1} more)" if len(violations) > 1 else "")


def to_json(msg, indent: int | None = None) -> str:
    """A message in the protobuf JSON mapping (lowerCamelCase, enum names), as grpcurl prints it:
    json_format.MessageToJson's text, written by service/transport/jsonout.py (several times faster)."""
    return jsonout.to_json(msg, indent)


def status_dict(status) -> dict:
    """A google.rpc.Status as JSON, with its code's name beside the number (as Google's HTTP APIs)."""
    from google.rpc import code_pb2, error_details_pb2  # noqa: F401 - the details' types, for Any

    body = json_format.MessageToDict(status)
    body.setdefault("code", 0)
    body.setdefault("message", "")
    body["status"] = code_pb2.Code.Name(status.code)
    return body
