"""Decisions kept per incident shape for the gRPC and HTTP doors (issue 11; service/shapes.py says
what a shape is and why its decision may be reused).

The servicer decides a shape's first incident under the stand-in id and keeps the reply's bytes
with the per-call fields unset; every incident of the shape, the first included, gets those bytes
with the stand-in replaced by its own id, followed by the bytes of its per-call fields (a message's
bytes followed by another's parse as the two merged). Replacing in the bytes is exact: the stand-in
is "~" then DEL, and in protobuf's encoding no tag, length or number followed by a string's bytes
can read as that ("~" as a length is followed by a string's first byte, never DEL here; DEL is not
a valid tag). The checks a reused reply skips are those whose answer is the same for the whole
shape; the incident id and the times are checked on every call, and anything doubtful goes the
full way, which says what is wrong.

With a decision log, whose entries carry the decision itself, the memo also keeps the decision as
the service made it (pickled under the stand-in, its times taken out; see shapes.pickled_exactly)
and gives it back with the caller's id and the reply's per-call fields, to be logged before the
reply."""
from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .. import shapes
from ..contract.incident import Incident, time_in_years, wire_of
from ..decision import deadline_binds, wire_digest
from ..gen.hocr.v1 import hocr_pb2 as pb
from ..ids import new_decision_id
from ..record.metrics import DecisionSummary
from ..rules.model import Edition
from .mapping import decision_to_proto, question_parts
from .wire import _holders, tag_of, varint

_NS = 1_000_000_000
_UTC = dt.timezone.utc
_US = dt.timedelta(microseconds=1)
_DECISION_IN_RESPONSE = tag_of(pb.DecideResponse.DESCRIPTOR.fields_by_name["decision"])


@dataclass(frozen=True)
class Kept:
    # the Decision's bytes in parts, the stand-in for the id and the per-call fields unset: all
    # but its questions, then each question's field as it is encoded. The question parts are the
    # shelf's shared pieces (the same questions come back in many decisions), so a shape holds only
    # its own bytes; the parts joined parse as the whole message (fields may come in any order)
    parts: tuple[bytes, ...]
    stand_in: bytes
    deadline_ns: int  # record_by - reported_at
    binds: bool  # whether a passed deadline binds for this outcome
    pickled: bytes | None = None  # the Decision itself, for the decision log (None: none kept)
    outcome: int = 0  # what the call log and the metrics read (metrics.DecisionSummary)
    rules_revision: str = ""
    questions: int = 0
    # the parts that may hold the stand-in: the first (it holds incident_id) and any question's
    # that holds "~" then DEL (mapping.question_parts); the id is replaced in those alone. No
    # occurrence spans two parts: every part after the first begins with the questions field's
    # tag, not DEL (shapes.stand_in)
    marked: tuple[int, ...] = (0,)


@dataclass
class Made:
    """A reply made from a kept decision for one request: its Decision's bytes (the message is
    parsed from them when asked for)."""
    data: bytes
    decision_id: str
    kept: Kept
    edition: Edition
    as_of: dt.datetime | None
    per_call: pb.Decision | None = None  # the per-call fields, at the end of `data` (what the log reads)
    _proto: pb.Decision | None = None

    @property
    def proto(self) -> pb.Decision:
        if self._proto is None:
            self._proto = pb.Decision.FromString(self.data)
        return self._proto

    def response_bytes(self) -> bytes:
        """The DecideResponse holding this decision, encoded without a parse."""
        return _DECISION_IN_RESPONSE + varint(len(self.data)) + self.data

    def summary(self) -> DecisionSummary:
        k = self.kept
        return DecisionSummary(self.decision_id, k.outcome, self.edition.name, k.rules_revision, k.questions)

    def facts(self) -> tuple[int, str, str, int]:
        """(outcome, edition, rules_revision, questions): what a batch's summary reads of it."""
        k = self.kept
        return k.outcome, self.edition.name, k.rules_revision, k.questions


def _timestamp_paths(desc, prefix: str = "") -> set[str]:
    out: set[str] = set()
    for fd, is_ts in _holders(desc):
        path = prefix + fd.name
        out |= {path} if is_ts else _timestamp_paths(fd.message_type, path + ".")
    return out


# whether DecisionMemo._times_ok checks every Timestamp an Incident holds (those three), so that a
# request it passed has none outside protobuf's range either (grpc_server.Servicer._incident)
TIMES_CHECKED = _timestamp_paths(pb.Incident.DESCRIPTOR) == {"reported_at", "acts.occurred_at",
                                                            "prior_records.reported_at"}


class Deferred(NamedTuple):
    """What reuse() gives for a request whose shape is being decided and is not kept yet."""
    key: bytes
    edition: Edition
    as_of: dt.datetime | None


class Miss(NamedTuple):
    """A request reuse() had no decision for, and what it worked out on the way."""
    req: pb.DecideRequest
    edition_name: str
    compact: bool
    key: bytes | None
    edition: Edition


class DecisionMemo:
    def __init__(self, editions: dict[str, Edition], rules_dir: Path, entries: int | None = None,
                 max_bytes: int = shapes.DEFAULT_BYTES, keep_decisions: bool = False):
        if entries is None:
            entries, max_bytes = shapes.default_bounds()
        self.shelf: shapes.Shelf[Kept] = shapes.Shelf(entries, max_bytes, "grpc")
        self.spans = shapes.Spans(editions, rules_dir)
        self._editions: dict[tuple[int, str], Edition] = {}  # (report day, edition asked for) -> edition
        self.keep_decisions = keep_decisions  # also the Decision itself (for a decision log)
        self._missed = threading.local()  # per thread: the request reuse() last missed, and its key

    @property
    def enabled(self) -> bool:
        return self.shelf.entries > 0

    @property
    def stats(self):
        return self.shelf.stats

    def __len__(self) -> int:
        return len(self.shelf)

    # ------------------------------------------------------------------------------ shape

    def _key(self, inc: pb.Incident, edition: str, compact: bool) -> bytes | None:
        days = self.spans.of(edition)
        if days is None:
            return None
        k = pb.Incident()
        k.CopyFrom(inc)
        k.ClearField("id")
        k.ClearField("reported_at")
        rs, rn = inc.reported_at.seconds, inc.reported_at.nanos
        report_span = shapes.Spans.span(days, rs // shapes.DAY)
        spans = []
        for a in k.acts:
            if a.HasField("occurred_at"):
                s = a.occurred_at.seconds
                spans.append(shapes.Spans.span(days, s // shapes.DAY))
                a.occurred_at.seconds, a.occurred_at.nanos = s - rs, a.occurred_at.nanos - rn
            else:
                spans.append(report_span)
        for p in k.prior_records:
            if p.HasField("reported_at"):
                p.reported_at.seconds, p.reported_at.nanos = p.reported_at.seconds - rs, p.reported_at.nanos - rn
        head = f"{edition}\n{int(compact)}\n{len(inc.id)}\n{','.join(map(str, spans))}\n".encode()
        return head + k.SerializeToString(deterministic=True)

    @staticmethod
    def _times_ok(inc: pb.Incident) -> bool:
        """Every Timestamp of the incident (see TIMES_CHECKED) in the years MIN_YEAR..MAX_YEAR."""
        if not (inc.HasField("reported_at") and time_in_years(inc.reported_at)):
            return False
        for a in inc.acts:
            if a.HasField("occurred_at") and not time_in_years(a.occurred_at):
                return False
        for p in inc.prior_records:
            if p.HasField("reported_at") and not time_in_years(p.reported_at):
                return False
        return True

    # ------------------------------------------------------------------------------ use

    def reuse(self, req: pb.DecideRequest, edition_for, compact: bool, staged: set | None = None):
        """The decision of an incident of a shape decided before, made for this request; None when
        none is kept (the caller decides it, and :meth:`keep` keeps it).

        `staged`: the shapes a caller has missed on and is deciding but has not kept yet (a
        batch's run of incidents, grpc_server.Servicer._batch): a request of one of them gives a
        Deferred, for :meth:`reuse_deferred` once that one is kept; one that misses is added to it."""
        if not self.enabled or not req.HasField("incident"):
            return None
        inc = req.incident
        if not shapes.INCIDENT_ID.fullmatch(inc.id) or not self._times_ok(inc):
            return None  # the full path checks it, and says what is wrong
        as_of = None
        if req.HasField("as_of"):
            if not time_in_years(req.as_of):
                return None
            as_of = req.as_of.ToDatetime(tzinfo=_UTC)
        edition = self._edition(inc.reported_at.seconds // shapes.DAY, req.edition, edition_for)
        if edition is None:
            return None
        key = self._key(inc, edition.name, compact)
        if staged is not None and key is not None and key in staged:
            return Deferred(key, edition, as_of)
        kept = self.shelf.get(key) if key is not None else None
        if kept is None:
            # for missed() and keep(), which follow a miss
            self._missed.last = Miss(req, edition.name, compact, key, edition)
            if staged is not None and key is not None:
                staged.add(key)
            return None
        return self._made(kept, inc, edition, as_of)

    def reuse_deferred(self, req: pb.DecideRequest, deferred: Deferred) -> Made | None:
        """reuse() for a request it deferred, once its shape has been decided (None: it was not
        kept; the caller asks reuse() again, which counts the miss, and decides the request)."""
        kept = self.shelf.get(deferred.key, count_miss=False)
        return self._made(kept, req.incident, deferred.edition, deferred.as_of) if kept is not None else None

    def missed(self, req: pb.DecideRequest) -> Miss | None:
        """What reuse() found for `req` when it last missed on this thread (it had checked the
        incident's id and times first), else None: give it to :meth:`keep`, which then does not
        work the key out again."""
        last = getattr(self._missed, "last", None)
        return last if last is not None and last.req is req else None

    def owner(self, req: pb.DecideRequest, edition_for, n: int) -> int | None:
        """Which of `n` server processes a request's shape falls to (the same in every process and
        on every call), or None when the memo cannot read its shape."""
        if not req.HasField("incident") or not req.incident.HasField("reported_at"):
            return None
        inc = req.incident
        edition = self._edition(inc.reported_at.seconds // shapes.DAY, req.edition, edition_for)
        key = self._key(inc, edition.name, req.compact) if edition is not None else None
        return zlib.crc32(key) % n if key is not None else None

    def _edition(self, day: int, name: str, edition_for) -> Edition | None:
        """The edition an incident reported on `day` is decided under (named, else by the day)."""
        got = self._editions.get((day, name))
        if got is None:
            try:
                got = edition_for(dt.datetime.combine(shapes.EPOCH + dt.timedelta(days=day), dt.time(12), _UTC),
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
        if not self.enabled or incident.id != inc.id or not shapes.INCIDENT_ID.fullmatch(inc.id):
            return None
        # its proto bytes as the model holds them (contract.incident_from_proto), not encoded again
        wire = wire_of(incident)
        if shapes.DEL in (wire if wire is not None else inc.SerializeToString()):
            return None
        return shapes.stand_in(len(inc.id))

    def keep(self, req: pb.DecideRequest, edition: Edition, decision, compact: bool,
             as_of: dt.datetime | None, wire: bytes | None = None, miss: Miss | None = None) -> Made:
        """Keep a decision made under the stand-in id (see :meth:`stand_in_for`) and give it for
        this request, made the same way as a reused one. `wire`: the incident's deterministic
        proto bytes when the caller has them (its request digest is taken from them). `miss`:
        what :meth:`missed` gave for this request (else the last miss on this thread is read)."""
        inc = req.incident
        msg = decision_to_proto(decision, compact=compact, questions=False, per_call=False)
        shelf = self.shelf
        asked = question_parts(decision.questions, compact)
        questions = tuple(shelf.share(b) for b, _ in asked)
        parts = (msg.SerializeToString(), *questions)
        # record_by - reported_at in microseconds, as the datetimes subtract (the report time is
        # valid here: the full path has checked it)
        rt = inc.reported_at
        deadline_us = (decision.record_by - shapes.EPOCH_UTC) // _US - (rt.seconds * 1_000_000 + rt.nanos // 1000)
        needle = shapes.stand_in(len(inc.id))
        pickled = None
        if self.keep_decisions:
            pickled = shapes.pickled_exactly(dataclasses.replace(
                decision, decision_id="", request_digest="", record_by=None, decided_at=None,
                deadline_passed=False), needle)
        stand_in = needle.encode()
        kept = Kept(parts, stand_in, deadline_us * 1000, deadline_binds(decision.outcome), pickled,
                    msg.outcome, msg.rules_revision, len(questions),
                    (0, *(i for i, (_, held) in enumerate(asked, 1) if held)))
        last = miss if miss is not None else getattr(self._missed, "last", None)
        if last is not None and last.req is req and (last.edition_name, last.compact) == (edition.name, compact):
            key = last.key  # worked out by the reuse() that missed
        else:
            key = self._key(inc, edition.name, compact)
        self._missed.last = None
        if (key is not None and not shapes.quotes_a_day(b"".join(parts), self._days(inc))
                and (pickled is not None or not self.keep_decisions)):
            # its own bytes and one reference per question; the questions' bytes count once on the shelf
            shelf.put(key, kept, len(key) + len(parts[0]) + 8 * len(questions) + len(pickled or b""), questions)
        else:
            self.shelf.count("not_kept")
        return self._made(kept, inc, edition, as_of, wire)

    @staticmethod
    def decision_of(made: Made, incident_id: str):
        """The Decision of a reply made from a kept decision (for the decision log), or None when
        none was kept with it."""
        kept = made.kept
        if kept.pickled is None:
            return None
        d = pickle.loads(kept.pickled.replace(kept.stand_in, incident_id.encode("ascii")))
        p = made.per_call if made.per_call is not None else made.proto  # no parse of the whole reply
        d.decision_id, d.request_digest, d.deadline_passed = p.decision_id, p.request_digest, p.deadline_passed
        d.record_by, d.decided_at = p.record_by.ToDatetime(tzinfo=_UTC), p.decided_at.ToDatetime(tzinfo=_UTC)
        return d

    # ------------------------------------------------------------------------------ inside

    @staticmethod
    def _days(inc: pb.Incident) -> set[int]:
        day = shapes.DAY
        days = {inc.reported_at.seconds // day}
        for a in inc.acts:
            if a.HasField("occurred_at"):
                days.add(a.occurred_at.seconds // day)
        for p in inc.prior_records:
            if p.HasField("reported_at"):
                days.add(p.reported_at.seconds // day)
        return days

    @staticmethod
    def _made(kept: Kept, inc: pb.Incident, edition: Edition, as_of: dt.datetime | None,
              wire: bytes | None = None) -> Made:
        # times to the microsecond, as the full path reads them (datetime)
        now = time.time_ns() // 1000 * 1000
        record_by = inc.reported_at.seconds * _NS + inc.reported_at.nanos // 1000 * 1000 + kept.deadline_ns
        as_of_ns = None if as_of is None else (as_of - shapes.EPOCH_UTC) // dt.timedelta(microseconds=1) * 1000
        decision_id = new_decision_id()
        per_call = pb.Decision(
            decision_id=decision_id,
            request_digest=wire_digest(wire if wire is not None else inc.SerializeToString(deterministic=True),
                                       edition.name),
            deadline_passed=kept.binds and (now if as_of_ns is None else as_of_ns) > record_by)
        # the Timestamps set in place (present even when zero), not built and copied in
        ts = per_call.decided_at
        ts.SetInParent()
        ts.seconds, ts.nanos = now // _NS, now % _NS
        ts = per_call.record_by
        ts.SetInParent()
        ts.seconds, ts.nanos = record_by // _NS, record_by % _NS
        parts = [*kept.parts, per_call.SerializeToString()]  # joined once: a reply is about 9.5 KB
        if kept.marked:
            own = inc.id.encode("ascii")
            for i in kept.marked:
                parts[i] = parts[i].replace(kept.stand_in, own)
        return Made(b"".join(parts), decision_id, kept, edition, as_of, per_call)
