"""Identifiers: a unique id per decision (UUIDv7: time-ordered, so ids sort by when they were made)
and the content digest of a request (the same request gives the same digest)."""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from typing import Any

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def uuid7() -> str:
    """A UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then a 12-bit sequence
    that keeps ids made in the same millisecond in order, then 62 random bits."""
    global _last_ms, _seq
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:  # same millisecond (or the clock stepped back): count on from the last id
            ms, seq = _last_ms, _seq + 1
            if seq > 0xFFF:
                ms, seq = ms + 1, 0
        else:
            seq = int.from_bytes(os.urandom(2), "big") & 0x3FF  # room left to count on within the ms
        _last_ms, _seq = ms, seq
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | seq << 64 | 0b10 << 62 | rand_b
    h = "%032x" % value  # the canonical 8-4-4-4-12 form, as str(uuid.UUID(int=value))
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_decision_id() -> str:
    return uuid7()


def digest_json(value: Any) -> str:
    canon = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def request_digest(incident: Any, edition: str) -> str:
    """The content digest of a decision request: the validated incident and the edition decided under."""
    body = incident.model_dump(mode="json") if hasattr(incident, "model_dump") else incident
    return digest_json({"edition": edition, "incident": body})
