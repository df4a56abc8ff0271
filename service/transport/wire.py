"""Request bytes in, refusals out: what the gRPC door checks before the contract sees a request.

* ``parse``: request bytes are decoded inside the handler, so undecodable bytes and invalid
  UTF-8 become INVALID_ARGUMENT (grpcio's own deserializer path keeps every request it failed to
  decode: about 16 KB each);
* ``timestamp_violations``: timestamps outside the range protobuf itself allows, found anywhere in
  a message, named by field path and replaced by a placeholder so that the rest of the request is still checked;
* ``work_of``: the size of the engine's job for one incident, checked before any work is done;
* ``bad_request``: a google.rpc.Status with BadRequest details, bounded (at most 50 violations,
  a few KB) so that a client with the default 8 KB metadata limit receives it whole.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from google.protobuf import any_pb2
from google.protobuf.message import DecodeError, Message
from google.rpc import code_pb2, error_details_pb2, status_pb2

from ..gen.hocr.v1 import hocr_pb2 as pb

MAX_VIOLATIONS = 50
MAX_DESCRIPTION = 300  # characters of one violation's description
MAX_DETAIL_BYTES = 4096  # of the serialized Status (base64 in the trailers: ~5.5 KB)
TS_MIN, TS_MAX = -62135596800, 253402300799  # 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z


SERVICE_NAME = pb.DESCRIPTOR.services_by_name["DecisionService"].full_name
MAX_REPLY_BYTES = 4 * 1024 * 1024 - 64 * 1024  # what a DecideBatch reply or a DecideStream message may reach
# (a default client accepts 4 MiB)


class Abort(Exception):
    """A refusal decided inside the servicer: a google.rpc.Status for the whole call (raised by the
    servicer and by the operations table the HTTP door shares with it)."""

    def __init__(self, status: status_pb2.Status):
        super().__init__(status.message)
        self.status = status


class LocalCall:
    """What a batch or a stream needs of its call, for a door other than gRPC (whose context
    answers the same): the time left, and whether the caller is still there."""

    def __init__(self, seconds: float, metadata: tuple = ()):
        self.end, self.metadata = time.monotonic() + seconds, metadata

    def time_remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def is_active(self) -> bool:
        return True

    def invocation_metadata(self) -> tuple:
        return self.metadata


class Undecodable(ValueError):
    pass


def parse(cls: type[Message], data: bytes) -> Message:
    try:
        return cls.FromString(data)
    except (DecodeError, ValueError, TypeError, RuntimeError) as exc:
        raise Undecodable(f"the request is not a valid {cls.DESCRIPTOR.full_name} message "
                          "(undecodable protobuf bytes or text that is not UTF-8)") from exc


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


_TIMESTAMP = "google.protobuf.Timestamp"
_HOLDERS: dict[str, tuple] = {}  # message type -> its fields that are or hold a Timestamp


def _holders(desc) -> tuple:
    """(field, is a Timestamp) for each field of `desc`, in field-number order, that is a
    Timestamp or a message that holds one at some depth: worked out once per message type from
    the descriptors, so that a request's check walks only those."""
    got = _HOLDERS.get(desc.full_name)
    if got is None:
        _HOLDERS[desc.full_name] = ()  # a type that refers to itself holds what it holds elsewhere
        out = []
        for fd in sorted(desc.fields, key=lambda f: f.number):
            mt = fd.message_type
            if mt is None or mt.GetOptions().map_entry:
                continue
            if mt.full_name == _TIMESTAMP:
                if not fd.is_repeated:  # no repeated timestamps in the contract
                    out.append((fd, True))
            elif _holders(mt):
                out.append((fd, False))
        got = _HOLDERS[desc.full_name] = tuple(out)
    return got


def timestamp_violations(msg: Message, prefix: str = "", placeholder: int | None = None) -> list[tuple[str, str]]:
    """Every Timestamp in `msg` outside protobuf's range, by path; each is set in `msg` to the
    placeholder (seconds; default: now), so that the rest of the request can still be checked."""
    if placeholder is None:
        placeholder = int(time.time())
    out: list[tuple[str, str]] = []
    for fd, is_ts in _holders(msg.DESCRIPTOR):
        name = fd.name
        if fd.is_repeated:
            items = getattr(msg, name)
            if items:
                path = _join(prefix, name)
                for i, item in enumerate(items):
                    out += timestamp_violations(item, f"{path}[{i}]", placeholder)
            continue
        if not msg.HasField(name):
            continue
        value = getattr(msg, name)
        if is_ts:
            if not (TS_MIN <= value.seconds <= TS_MAX and 0 <= value.nanos <= 999_999_999):
                out.append((_join(prefix, name), "a timestamp outside 0001-01-01 to 9999-12-31 (or with invalid nanos)"))
                value.seconds, value.nanos = placeholder, 0
        else:
            out += timestamp_violations(value, _join(prefix, name), placeholder)
    return out


@dataclass(frozen=True)
class Work:
    acts: int
    offenders: int
    victims: int
    relationships: int
    evidence_links: int

    @property
    def units(self) -> int:
        """The engine's job grows with acts x the persons they join to."""
        return self.acts * max(1, self.offenders) * max(1, self.victims)


def work_of(incident) -> Work:
    offenders: set[str] = set()
    victims: set[str] = set()
    for a in incident.acts:
        offenders.update(a.by)
        if a.against:
            victims.add(a.against)
    return Work(len(incident.acts), len(offenders), len(victims), len(incident.relationships),
                sum(len(e.acts) for e in incident.evidence))


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 3] + "..."


def _path(text: str) -> str:
    """A field path as given back: printable ASCII only (a map key from the payload may be anything)."""
    return _cut("".join(c if " " < c < "\x7f" and c not in "\"'\\" else "?" for c in text), 200)


def bad_request(violations: list[tuple[str, str]], summary: str | None = None) -> status_pb2.Status:
    """INVALID_ARGUMENT with every violation (at most MAX_VIOLATIONS, within MAX_DETAIL_BYTES)."""
    violations = violations or [("request", "invalid request")]
    kept: list[error_details_pb2.BadRequest.FieldViolation] = []
    size = 0
    for f, m in violations[:MAX_VIOLATIONS]:
        v = error_details_pb2.BadRequest.FieldViolation(field=_path(f), description=_cut(m, MAX_DESCRIPTION))
        n = v.ByteSize() + 4
        if size + n > MAX_DETAIL_BYTES - 600:
            break
        kept.append(v)
        size += n
    left = len(violations) - len(kept)
    if left:
        kept.append(error_details_pb2.BadRequest.FieldViolation(
            field="", description=f"{left} more violation(s) not listed; correct these first"))
    detail = any_pb2.Any()
    detail.Pack(error_details_pb2.BadRequest(field_violations=kept))
    if summary is None:
        first = f"{kept[0].field}: {kept[0].description}" if kept[0].field else kept[0].description
        summary = _cut(f"invalid request: {first}" + (f" (and {len(violations) - 1} more)" if len(violations) > 1
                                                        else ""), 400)
    return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=summary, details=[detail])


# ------------------------------------------------------------------------------ messages as bytes
# A reply built from its parts' bytes (DecideBatch): a length-delimited field is its tag (the field
# number, from the generated descriptors, and wire type 2), the length as a varint, then the bytes,
# and a message's bytes are the concatenation of its fields' bytes.

_LEN = 2  # wire type of a length-delimited field (string, bytes, message)


_ONE_BYTE = [bytes((i,)) for i in range(0x80)]


def varint(n: int) -> bytes:
    """A non-negative int in protobuf's base-128 varint encoding (one and two bytes, the lengths of
    most fields, written straight out)."""
    if 0 <= n < 0x80:
        return _ONE_BYTE[n]
    if 0 < n < 0x4000:
        return bytes(((n & 0x7F) | 0x80, n >> 7))
    out = bytearray()
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def tag_of(field) -> bytes:
    """The tag of a length-delimited field (a FieldDescriptor) as it is written before its length."""
    return varint(field.number << 3 | _LEN)


def length_delimited(tag: bytes, data: bytes) -> bytes:
    return tag + varint(len(data)) + data


def read_varint(data: bytes, i: int) -> tuple[int, int]:
    """The varint at data[i] and the index after it (ValueError when cut short or too long)."""
    n = shift = 0
    while True:
        if i >= len(data) or shift > 63:
            raise ValueError("a truncated or overlong varint")
        b = data[i]
        i += 1
        n |= (b & 0x7F) << shift
        if b < 0x80:
            return n, i
        shift += 7


def split_repeated(data: bytes, field) -> list[bytes]:
    """The bytes of each entry of a message's one repeated, length-delimited field (a
    FieldDescriptor), in order, read from the message's bytes without parsing the entries; a
    ValueError for bytes that are anything else (another field, a wrong wire type, a cut end)."""
    want = field.number << 3 | _LEN
    out, i, end = [], 0, len(data)
    while i < end:
        key, i = read_varint(data, i)
        if key != want:
            raise ValueError(f"unexpected field key {key}")
        n, i = read_varint(data, i)
        if i + n > end:
            raise ValueError("a length past the end of the message")
        out.append(data[i:i + n])
        i += n
    return out
