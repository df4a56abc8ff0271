"""OpenAPI 3.1 for the HTTP/JSON door, generated from the proto descriptors.

The HTTP door speaks the protobuf JSON mapping (lowerCamelCase names, enums by name, Timestamps as
RFC 3339 strings, int64 as strings, maps as objects), so its schemas are derived from the same
messages the gRPC contract declares: a field added to the proto appears here with nothing else to
edit. Comments in the .proto are not in the compiled descriptors; descriptions come from the
operations table below.
"""
from __future__ import annotations

from typing import Any

from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor
from google.rpc import status_pb2

_SCALARS: dict[int, dict[str, Any]] = {
    FieldDescriptor.TYPE_STRING: {"type": "string"},
    FieldDescriptor.TYPE_BOOL: {"type": "boolean"},
    FieldDescriptor.TYPE_BYTES: {"type": "string", "contentEncoding": "base64"},
    FieldDescriptor.TYPE_DOUBLE: {"type": "number"},
    FieldDescriptor.TYPE_FLOAT: {"type": "number"},
    FieldDescriptor.TYPE_INT32: {"type": "integer", "format": "int32"},
    FieldDescriptor.TYPE_SINT32: {"type": "integer", "format": "int32"},
    FieldDescriptor.TYPE_SFIXED32: {"type": "integer", "format": "int32"},
    FieldDescriptor.TYPE_UINT32: {"type": "integer", "format": "int32", "minimum": 0},
    FieldDescriptor.TYPE_FIXED32: {"type": "integer", "format": "int32", "minimum": 0},
    # 64-bit integers are strings in the JSON mapping (numbers are accepted on input)
    FieldDescriptor.TYPE_INT64: {"type": ["string", "integer"], "format": "int64"},
    FieldDescriptor.TYPE_SINT64: {"type": ["string", "integer"], "format": "int64"},
    FieldDescriptor.TYPE_SFIXED64: {"type": ["string", "integer"], "format": "int64"},
    FieldDescriptor.TYPE_UINT64: {"type": ["string", "integer"], "format": "int64"},
    FieldDescriptor.TYPE_FIXED64: {"type": ["string", "integer"], "format": "int64"},
}
# Well-known types have JSON forms of their own.
_WELL_KNOWN: dict[str, dict[str, Any]] = {
    "google.protobuf.Timestamp": {"type": "string", "format": "date-time"},
    "google.protobuf.Duration": {"type": "string", "pattern": r"^-?\d+(\.\d+)?s$"},
    "google.protobuf.Any": {"type": "object", "properties": {"@type": {"type": "string"}},
                            "required": ["@type"], "additionalProperties": True},
    "google.protobuf.Struct": {"type": "object"},
    "google.protobuf.Value": {},
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


class _Builder:
    def __init__(self) -> None:
        self.schemas: dict[str, dict[str, Any]] = {}

    def enum(self, enum: EnumDescriptor) -> dict[str, str]:
        if enum.full_name not in self.schemas:
            self.schemas[enum.full_name] = {"type": "string", "enum": [v.name for v in enum.values]}
        return _ref(enum.full_name)

    def message(self, msg: Descriptor) -> dict[str, Any]:
        if msg.full_name in _WELL_KNOWN:
            return dict(_WELL_KNOWN[msg.full_name])
        if msg.full_name in self.schemas:
            return _ref(msg.full_name)
        schema: dict[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}
        self.schemas[msg.full_name] = schema  # before the fields: messages may refer to themselves
        for f in msg.fields:
            schema["properties"][f.json_name] = self.field(f)
        return _ref(msg.full_name)

    def value(self, f: FieldDescriptor) -> dict[str, Any]:
        if f.type == FieldDescriptor.TYPE_MESSAGE:
            return self.message(f.message_type)
        if f.type == FieldDescriptor.TYPE_ENUM:
            return self.enum(f.enum_type)
        return dict(_SCALARS[f.type])

    def field(self, f: FieldDescriptor) -> dict[str, Any]:
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            return {"type": "object", "additionalProperties": self.value(f.message_type.fields_by_name["value"])}
        if f.is_repeated:
            return {"type": "array", "items": self.value(f)}
        return self.value(f)


def build(operations: list[dict[str, Any]], version: str, title: str = "HOCR decision service") -> dict[str, Any]:
    """operations: [{path, method, summary, request (Descriptor|None), response (Descriptor), tag}]"""
    b = _Builder()
    status = b.message(status_pb2.Status.DESCRIPTOR)
    paths: dict[str, dict[str, Any]] = {}
    for op in operations:
        entry: dict[str, Any] = {
            "operationId": op["operation_id"],
            "summary": op["summary"],
            "tags": [op.get("tag", "decisions")],
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": (
                    b.message(op["response"]) if op["response"] is not None else {"type": "object"})}}},
            },
        }
        if op.get("errors", True):
            entry["responses"].update({
                "400": {"description": "INVALID_ARGUMENT: the field violations (google.rpc.BadRequest) "
                                       "are in `details`", "content": {"application/json": {"schema": status}}},
                "401": {"description": "UNAUTHENTICATED: no or an unknown bearer token",
                        "content": {"application/json": {"schema": status}}},
                "403": {"description": "PERMISSION_DENIED: the caller lacks the role this operation needs",
                        "content": {"application/json": {"schema": status}}},
                "412": {"description": "FAILED_PRECONDITION: no edition of the rules applies",
                        "content": {"application/json": {"schema": status}}},
            })
        if op.get("request") is not None:
            entry["requestBody"] = {"required": True, "content": {"application/json": {
                "schema": b.message(op["request"])}}}
        for p in op.get("query", ()):
            entry.setdefault("parameters", []).append(
                {"name": p, "in": "query", "required": False, "schema": {"type": "string"}})
        if op.get("secured", True):
            entry["security"] = [{"bearerAuth": []}]
        paths.setdefault(op["path"], {})[op["method"]] = entry
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version,
                 "description": "The crime-recording decision of the Home Office Crime Recording Rules, "
                                "as JSON over HTTP. The bodies are the protobuf JSON mapping of the gRPC "
                                "contract hocr.v1 (proto/hocr/v1/hocr.proto): lowerCamelCase or "
                                "snake_case names on input, lowerCamelCase on output, enums by name."},
        "paths": paths,
        "components": {
            "schemas": dict(sorted(b.schemas.items())),
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }
