"""Decisions kept per incident shape, reused for the next incident of the same shape (issue 11).

Incidents of one shape come again and again: a force's batch of common assaults, the same scene
report from many officers, an audit's thousands of records. Two incidents have the same *shape*
when their proto messages are equal once the incident's id is left out and every time is taken
relative to the report time, and when each act falls in the same span of days between the
commencements and repeals of the edition's offences (so the same offences are in force for it).
The decision depends on nothing else:

- the engine never sees the incident id; the decision only copies it (incident_id, crime ids,
  texts that name a crime), so a shape's decision is made once under a stand-in id of the same
  length and the stand-in is replaced by each caller's id in the reply's bytes;
- times are only compared with one another (counting's episodes, "not after") or placed in the
  offence table's spans; what depends on the report time itself (record_by, deadline_passed) and
  what is new per call (decision_id, request_digest, decided_at) is set for each call.

A decision is kept only when that reasoning holds for it: the incident id is at least two
characters, neither the request nor the edition's rule files contain the stand-in's bytes (DEL,
0x7f), and the decision quotes none of the request's dates (a classification set aside because its
offence was not yet in force names the day). Kept only for a server without a decision log
(whose entries carry the incident itself). Bounded by entries and by bytes, least recently used
first out. ``HOCR_DECISION_MEMO=0`` turns it off; so does ``memo_entries=0``."""
from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path

from google.protobuf.timestamp_pb2 import Timestamp

from ..contract import MAX_YEAR, MIN_YEAR, Incident
from ..decision import deadline_binds, wire_digest
from ..gen.hocr.v1 import hocr_pb2 as pb
from ..ids import new_decision_id
from ..mapping import decision_to_proto
from ..record import metrics
from ..rules.model import Edition

DEFAULT_ENTRIES = 4096
DEFAULT_BYTES = 32 * 1024 * 1024
_EPOCH = dt.date(1970, 1, 1)
_EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_DAY = 86_400
_NS = 1_000_000_000
_LO = int((dt.datetime(MIN_YEAR, 1, 1, tzinfo=dt.timezone.utc) - _EPOCH_UTC).total_seconds())
_HI = int((dt.datetime(MAX_YEAR, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc) - _EPOCH_UTC).total_seconds())
# the contract's incident id (contract.Id): a valid id is unchanged by the models' normalisation
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{1,63}")
_DEL = b"\x7f"
_UTC = dt.timezone.utc


def stand_in(length: int) -> str:
    """The incident id a shape is decided under: as long as the caller's id (so the reply's length
    prefixes hold), "~" then DEL (0x7f) characters. Kept decisions come from requests and rule files
    without a DEL byte, and in protobuf's encoding no length, number or tag followed by the bytes of
    a string can read as "~" then DEL, so replacing it in the bytes is exact."""
    return "~" + "\x7f" * (length - 1)


@dataclass(frozen=True)
class Kept:
    template: bytes  # the Decision's bytes: the stand-in for the id, the per-call fields unset
    stand_in: bytes
    deadline_ns: int  # record_by - reported_at
    binds: bool  # whether a passed deadline binds for this outcome


def _time_ok(ts) -> bool:
    return _LO <= ts.seconds <= _HI and 0 <= ts.nanos <= 999_999_999


class DecisionMemo:
    def __init__(self, editions: dict[str, Edition], rules_dir: Path, entries: int | None = None,
                 max_bytes: int = DEFAULT_BYTES):
        if entries is None:
            entries = 0 if os.environ.get("HOCR_DECISION_MEMO", "1") == "0" else DEFAULT_ENTRIES
        self.entries, self.max_bytes = entries, max_bytes
        self._kept: OrderedDict[bytes, Kept] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.stats: Counter = Counter()  # reused, miss, kept, not_kept (also hocr_decision_memo)
        self._editions: dict[tuple[int, str], Edition] = {}  # (report day, edition asked for) -> edition
        # per edition: the days on which some offence comes into force or ceases (epoch days);
        # none at all when a rule file holds the stand-in's bytes
        clean = all(_DEL not in p.read_bytes() for p in Path(rules_dir).rglob("*") if p.is_file())
        self._spans: dict[str, list[int]] = {}
        for name, e in editions.items() if clean else ():
            days = {d for o in e.offences.by_key.values() for d in (o.in_force_from, o.ceased) if d is not None}
            self._spans[name] = sorted((d - _EPOCH).days for d in days)

    @property
    def enabled(self) -> bool:
        return self.entries > 0

    def __len__(self) -> int:
        return len(self._kept)

    # ------------------------------------------------------------------------------ shape

    def _key(self, inc: pb.Incident, edition: str, compact: bool) -> bytes | None:
        spans = self._spans.get(edition)
        if spans is None:
            return None
        k = pb.Incident()
        k.CopyFrom(inc)
        k.ClearField("id")
        k.ClearField("reported_at")
        rs, rn = inc.reported_at.seconds, inc.reported_at.nanos
        report_span = bisect.bisect_right(spans, rs // _DAY)
        eras = []
        for a in k.acts:
            if a.HasField("occurred_at"):
                s = a.occurred_at.seconds
                eras.append(bisect.bisect_right(spans, s // _DAY))
                a.occurred_at.seconds, a.occurred_at.nanos = s - rs, a.occurred_at.nanos - rn
            else:
                eras.append(report_span)
        for p in k.prior_records:
            if p.HasField("reported_at"):
                p.reported_at.seconds, p.reported_at.nanos = p.reported_at.seconds - rs, p.reported_at.nanos - rn
        head = f"{edition}\n{int(compact)}\n{len(inc.id)}\n{','.join(map(str, eras))}\n".encode()
        return head + k.SerializeToString(deterministic=True)

    @staticmethod
    def _times_ok(inc: pb.Incident) -> bool:
        return (inc.HasField("reported_at") and _time_ok(inc.reported_at)
                and all(_time_ok(a.occurred_at) for a in inc.acts if a.HasField("occurred_at"))
                and all(_time_ok(p.reported_at) for p in inc.prior_records if p.HasField("reported_at")))

    # ------------------------------------------------------------------------------ use

    def reuse(self, req: pb.DecideRequest, edition_for, compact: bool) -> pb.Decision | None:
        """The decision of an incident of a shape decided before, made for this request; None when
        none is kept (the caller decides it, and :meth:`keep` keeps it)."""
        if not self.entries or not req.HasField("incident"):
            return None
        inc = req.incident
        if not _ID.fullmatch(inc.id) or not self._times_ok(inc):
            return None  # the full path checks it, and says what is wrong
        as_of = None
        if req.HasField("as_of"):
            if not _time_ok(req.as_of):
                return None
            as_of = req.as_of.seconds * _NS + req.as_of.nanos
        edition = self._edition(inc.reported_at.seconds // _DAY, req.edition, edition_for)
        if edition is None:
            return None
        key = self._key(inc, edition.name, compact)
        if key is None:
            return None
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is None:
            self._count("miss")
            return None
        self._count("reused")
        return self._made(kept, inc, edition.name, as_of)

    def _edition(self, day: int, name: str, edition_for) -> Edition | None:
        """The edition an incident reported on `day` is decided under (named, else by the day)."""
        got = self._editions.get((day, name))
        if got is None:
            try:
                got = edition_for(dt.datetime.combine(_EPOCH + dt.timedelta(days=day), dt.time(12), _UTC),
                                  name or None)
            except LookupError:
                return None
            if len(self._editions) > 10_000:
                self._editions.clear()
            self._editions[(day, name)] = got
        return got

    def stand_in_for(self, req: pb.DecideRequest, incident: Incident) -> str | None:
        """The id to decide `incident` under so that its decision can be kept, or None (decide it
        under its own id: it cannot be kept)."""
        inc = req.incident
        if (not self.entries or incident.id != inc.id or not _ID.fullmatch(inc.id)
                or _DEL in inc.SerializeToString()):
            return None
        return stand_in(len(inc.id))

    def keep(self, req: pb.DecideRequest, edition: Edition, decision, compact: bool,
             as_of: dt.datetime | None) -> pb.Decision:
        """Keep a decision made under the stand-in id (see :meth:`stand_in_for`) and give it for
        this request, made the same way as a reused one."""
        inc = req.incident
        reported = inc.reported_at.ToDatetime(tzinfo=_UTC)
        msg = decision_to_proto(decision, compact=compact)
        for name in ("decision_id", "request_digest", "decided_at", "record_by", "deadline_passed"):
            msg.ClearField(name)
        template = msg.SerializeToString()
        deadline = decision.record_by - reported
        kept = Kept(template, stand_in(len(inc.id)).encode(),
                    (deadline.days * _DAY + deadline.seconds) * _NS + deadline.microseconds * 1000,
                    deadline_binds(decision.outcome))
        key = self._key(inc, edition.name, compact)
        if key is not None and self._reusable(template, inc):
            self._add(key, kept)
            self._count("kept")
        else:
            self._count("not_kept")
        return self._made(kept, inc, edition.name,
                          None if as_of is None else (as_of - _EPOCH_UTC) // dt.timedelta(microseconds=1) * 1000)

    # ------------------------------------------------------------------------------ inside

    def _count(self, result: str) -> None:
        self.stats[result] += 1
        metrics.child(metrics.MEMO, result).inc()

    @staticmethod
    def _reusable(template: bytes, inc: pb.Incident) -> bool:
        """False when the decision quotes a date of the request (then it is not the same for every
        incident of the shape)."""
        times = [inc.reported_at] + [a.occurred_at for a in inc.acts if a.HasField("occurred_at")] + [
            p.reported_at for p in inc.prior_records if p.HasField("reported_at")]
        days = {(_EPOCH + dt.timedelta(days=t.seconds // _DAY)).isoformat().encode() for t in times}
        return not any(d in template for d in days)

    def _add(self, key: bytes, kept: Kept) -> None:
        size = len(key) + len(kept.template)
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= len(key) + len(old.template)
            self._kept[key] = kept
            self._bytes += size
            while self._kept and (len(self._kept) > self.entries or self._bytes > self.max_bytes):
                k, v = self._kept.popitem(last=False)
                self._bytes -= len(k) + len(v.template)

    @staticmethod
    def _made(kept: Kept, inc: pb.Incident, edition: str, as_of_ns: int | None) -> pb.Decision:
        now = time.time_ns()
        record_by = inc.reported_at.seconds * _NS + inc.reported_at.nanos + kept.deadline_ns
        per_call = pb.Decision(
            decision_id=new_decision_id(), request_digest=wire_digest(inc.SerializeToString(deterministic=True), edition),
            decided_at=Timestamp(seconds=now // _NS, nanos=now % _NS),
            record_by=Timestamp(seconds=record_by // _NS, nanos=record_by % _NS),
            deadline_passed=kept.binds and (now if as_of_ns is None else as_of_ns) > record_by)
        # a message's bytes followed by another's parse as the two merged: the per-call fields
        # are unset in the template, so they are simply set
        body = kept.template.replace(kept.stand_in, inc.id.encode("ascii"))
        return pb.Decision.FromString(body + per_call.SerializeToString())
