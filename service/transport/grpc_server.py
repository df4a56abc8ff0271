"""The gRPC door: the DecisionService servicer, and the bootstrap that serves it.

``create_server(address, service, ...)`` builds (does not start) a server with the decision
service, the standard health service and server reflection (v1 and v1alpha), and returns
``(server, port)`` so that tests bind port 0. ``serve(options)`` runs one or several server
processes on one port until SIGTERM, then drains.

The decision service's handlers take the request bytes raw and parse them themselves: every
client mistake, undecodable bytes included, is INVALID_ARGUMENT with the field paths.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import queue
import signal
import socket
import threading
import time
from concurrent import futures
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

import grpc
from google.rpc import code_pb2, status_pb2
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection, reflection_pb2
from grpc_status import rpc_status

from .. import heap, version
from ..api import DecisionService, InvalidIncident, NoEdition, Prepared
from ..contract.incident import (
    MAX_BATCH,
    MAX_YEAR,
    MIN_YEAR,
    Incident,
    check_incident,
    incident_from_proto,
    time_in_years,
    wire_of,
)
from ..engine import driver as _engine
from ..gen.hocr.v1 import hocr_pb2 as pb
from ..record.metrics import BatchSummary, CallObserver, configure_call_log, note_reply, serve_metrics
from . import http as http_door
from . import identity, supervision_rpc
from .audit_rpc import audit_stream
from .errors import Refusal, invalid, status, status_of
from .identity import Credentials, current_caller
from .interceptors import Fairness, Gate, Policy
from .mapping import (
    decision_to_proto,
    incident_to_dict,
    review_request_to_dict,
    review_result_to_proto,
    vocabulary_to_proto,
)
from .memo import TIMES_CHECKED, DecisionMemo, Deferred, Made
from .ops import Operations
from .wire import (
    MAX_REPLY_BYTES,
    SERVICE_NAME,
    Undecodable,
    bad_request,
    parse,
    split_repeated,
    tag_of,
    timestamp_violations,
    varint,
    work_of,
)

log = logging.getLogger("hocr.server")
HEALTH_NAME = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name
REFLECTION_V1 = "grpc.reflection.v1.ServerReflection"
BATCH_METHOD = f"/{SERVICE_NAME}/DecideBatch"
STREAM_METHOD = f"/{SERVICE_NAME}/DecideStream"
OFFSET_KEY = "x-hocr-batch-offset"  # where a forwarded part starts in the whole batch (for field paths)
INDEXES_KEY = "x-hocr-batch-indexes"  # or, for a part that is not contiguous, each item's index in it
ROOM_KEY = "x-hocr-batch-room"  # the bytes of the whole reply a forwarded part may fill
HANDOVER_KEY = "x-hocr-batch-handed-over"  # a whole batch a sibling had no slot for ("1"): it takes a slot here
SUMMARY_KEY = "x-hocr-batch-summary"  # a forwarded part's results as the call log reads them (trailing)
MAX_SUMMARY_CHARS = 256 * 1024  # a longer one is not sent (the receiving process reads the results instead)
MIN_SPREAD = 16  # smaller batches are decided in the process that received them
PEER_WAIT_SECONDS = 30.0  # how long one of several processes waits for its siblings before serving alone
MAX_MESSAGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one call may ask of the server. Every figure can be set on `hocr serve`."""
    max_work: int = 20_000  # acts x distinct offenders x distinct victims, per incident
    max_evidence_links: int = 1_000  # acts named by the evidence of one incident
    call_seconds: float = 10.0  # engine time of one Decide or ReviewCrime (or the caller's deadline)
    batch_seconds: float = 120.0  # of one DecideBatch; items not reached in it get DEADLINE_EXCEEDED
    batch_work: int = 100_000  # sum of the work units of a batch's incidents
    batch_acts: int = 2_500  # acts in one batch (a decision is ~5 KB per act: keeps the reply inside 16 MiB)
    batch_slots: int = 2  # batches in flight per process; more are refused at once
    per_caller: int = 32  # calls of one caller in flight per process
    reply_bytes: int = MAX_REPLY_BYTES  # of a DecideBatch reply and of each DecideStream message
    stream_idle_seconds: float = 30.0  # a DecideStream with no request for this long is ended (its slot freed)


@dataclass(frozen=True)
class Keepalive:
    ping_floor_seconds: float = 9.0  # clients may ping as often as every 10 s (mobile apps)
    idle_seconds: float = 300.0  # close a connection with no call for this long
    server_ping_seconds: float = 60.0  # and ping idle clients to find dead connections
    ping_timeout_seconds: float = 20.0

    def options(self) -> list[tuple[str, int]]:
        return [("grpc.keepalive_time_ms", int(self.server_ping_seconds * 1000)),
                ("grpc.keepalive_timeout_ms", int(self.ping_timeout_seconds * 1000)),
                ("grpc.keepalive_permit_without_calls", 1),
                ("grpc.http2.min_ping_interval_without_data_ms", int(self.ping_floor_seconds * 1000)),
                ("grpc.http2.max_ping_strikes", 3),
                ("grpc.max_connection_idle_ms", int(self.idle_seconds * 1000))]


@dataclass(frozen=True)
class Security:
    cert_chain: bytes
    private_key: bytes
    client_ca: bytes | None = None  # require and verify client certificates (mTLS)

    @classmethod
    def from_files(cls, cert: Path, key: Path, client_ca: Path | None = None) -> "Security":
        return cls(Path(cert).read_bytes(), Path(key).read_bytes(),
                   Path(client_ca).read_bytes() if client_ca else None)

    def credentials(self) -> grpc.ServerCredentials:
        return grpc.ssl_server_credentials([(self.private_key, self.cert_chain)],
                                           root_certificates=self.client_ca,
                                           require_client_auth=self.client_ca is not None)


_Abort, _invalid, _status = Refusal, invalid, status  # (service/transport/errors.py)

# A DecideBatch reply is built from its results' bytes (a kept decision's bytes go in as they are,
# never parsed): the tags come from the generated descriptors (transport/wire.py).
_RESULTS = pb.DecideBatchResponse.DESCRIPTOR.fields_by_name["results"]
_RESULTS_TAG = tag_of(_RESULTS)
_ID_TAG, _DECISION_TAG, _ERROR_TAG = (tag_of(pb.BatchResult.DESCRIPTOR.fields_by_name[n])
                                      for n in ("incident_id", "decision", "error"))


def _result_bytes(incident_id: str, decision: bytes | None, error: status_pb2.Status | None) -> bytes:
    """A BatchResult's bytes: its incident id, then its decision's bytes or its error. Joined once
    (a decision is about 9.5 KB: each `+` would copy it again)."""
    body = decision if decision is not None else error.SerializeToString()
    tag = _DECISION_TAG if decision is not None else _ERROR_TAG
    if not incident_id:
        return b"".join((tag, varint(len(body)), body))
    own = incident_id.encode("utf-8")
    return b"".join((_ID_TAG, varint(len(own)), own, tag, varint(len(body)), body))


def _reply_bytes(results: list[bytes]) -> bytes:
    """The DecideBatchResponse of these BatchResult bytes, in order: one join of every result and
    its field's tag and length."""
    parts: list[bytes] = []
    add = parts.extend
    for r in results:
        add((_RESULTS_TAG, varint(len(r)), r))
    return b"".join(parts)


def _facts_of(result: pb.BatchResult):
    """A parsed result's entry in a BatchSummary."""
    if result.WhichOneof("result") != "decision":
        return None
    d = result.decision
    return d.outcome, d.edition, d.rules_revision, len(d.questions)


def too_big(room: int, index: int) -> status_pb2.Status:
    return status_pb2.Status(code=code_pb2.RESOURCE_EXHAUSTED, message=(
        f"not decided: the reply reached its size limit ({room} bytes) at requests[{index}]; send the "
        "incidents not decided again in another batch, or use DecideStream"))


def _within(call, seconds: float) -> float:
    """`seconds`, or less when the call's own deadline comes sooner."""
    remaining = call.time_remaining()
    return min(seconds, remaining) if remaining is not None else seconds


def _forwarded() -> bool:
    """Whether this call is a part of a batch a sibling process forwarded (identity "peer")."""
    caller = current_caller()
    return caller is not None and caller.how == "peer"


def _indexes(text: str, n: int) -> list[int] | None:
    """A forwarded part's item indexes ("3,7,8"), when they are `n` numbers."""
    if not text:
        return None
    parts = text.split(",")
    if len(parts) != n or not all(p.isdigit() for p in parts):
        return None
    return [int(p) for p in parts]


@dataclass
class _Begun:
    """A request Servicer._begin has read and checked, for the engine (prepared.run) and Servicer._finish."""
    req: pb.DecideRequest
    prefix: str
    compact: bool
    received: dt.datetime
    missed: Any  # what the memo found when it had no decision kept (memo.Miss, else None)
    raw: Any  # the incident as _incident read it
    as_of: dt.datetime | None
    edition: str | None  # as the request named it
    prepared: Prepared


# How many incidents of a batch go through each pass together (Servicer._batch): all read and
# checked, then all run through the engine, then all decided. durable-rules' memory and the Python
# stages' then each stay in the processor's caches instead of evicting each other once a record; on
# the project's 2-core host, in process, first-seen records took 18-26% less CPU in runs of 100
# than one at a time, and runs of 25 or 50 gave less (docs/benchmarks.md). A run's incidents are
# held until it is decided: a run bounds that, and how far past its time limit a batch may go.
STAGED = 100


def _item_done(made, pending: list) -> tuple:
    """One incident of a batch decided: (its Decision's bytes, its summary entry, no error, the
    decision log entries to write before it is given). A decision made from a kept one is its
    bytes as they are; one decided the full way is serialised once."""
    if isinstance(made, Made):
        return made.data, made.facts(), None, pending
    return made.SerializeToString(), (made.outcome, made.edition, made.rules_revision, len(made.questions)), None, pending


class Servicer:
    """hocr.v1.DecisionService over raw request bytes."""

    def __init__(self, service: DecisionService, limits: Limits = Limits(), peers: tuple[str, ...] = (),
                 memo_entries: int | None = None, index: int = 0):
        self.service = service
        # this process's number among its siblings (`peers` are the others, in their order): a
        # shape's process is a number the same in every process (_parts)
        self.index = min(max(index, 0), len(peers))
        self.limits = limits
        # decisions kept per incident shape (transport/memo.py); with a decision log, with the
        # Decision itself for the log's entries
        self.memo: DecisionMemo | None = DecisionMemo(service.editions, service.rules_dir, memo_entries,
                                                      keep_decisions=service.record is not None)
        if not self.memo.enabled:
            self.memo = None
        self.fair = Fairness(limits.batch_slots, limits.batch_slots * len(peers))
        # held through each run of a batch's three passes (_batch): batches in flight together take
        # turns by the run instead of interleaving under the interpreter lock, which evicts each
        # other's stages from the caches (measured: docs/benchmarks.md, seventh session)
        self._runs = threading.Lock()
        # the unix sockets of this server's sibling processes: a batch is spread over them
        opts = [("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
                ("grpc.max_metadata_size", 2 * MAX_SUMMARY_CHARS),  # a part's summary (SUMMARY_KEY)
                # siblings start together: retry a socket that is not up yet after 50 ms, not the
                # default 1 s (which delayed SERVING of `--processes 2` by about a second)
                ("grpc.initial_reconnect_backoff_ms", 50), ("grpc.max_reconnect_backoff_ms", 1000)]
        self.peer_channels = [grpc.insecure_channel(f"unix:{p}", options=opts) for p in peers]
        self.peers = [ch.unary_unary(BATCH_METHOD) for ch in self.peer_channels]

    def wait_for_peers(self, timeout: float, stop: threading.Event | None = None) -> bool:
        """True once every sibling process answers on its socket (within `timeout` seconds); False
        at once when `stop` is set meanwhile (a sibling told to stop while loading never answers)."""
        end = time.monotonic() + timeout
        for ch in self.peer_channels:
            ready = grpc.channel_ready_future(ch)
            while True:
                left = end - time.monotonic()
                try:
                    ready.result(timeout=max(0.0, min(left, 0.1)))
                    break
                except grpc.FutureTimeoutError:
                    if left <= 0.1 or (stop is not None and stop.is_set()):
                        ready.cancel()
                        return False
        return True

    # ------------------------------------------------------------------------------ checking

    def _work_violations(self, inc: pb.Incident, prefix: str) -> list[tuple[str, str]]:
        w = work_of(inc)
        out = []
        if w.units > self.limits.max_work:
            out.append((f"{prefix}.acts", f"too large for one call: {w.acts} acts x {w.offenders} offenders x "
                        f"{w.victims} victims = {w.units}, at most {self.limits.max_work}; split the incident"))
        if w.evidence_links > self.limits.max_evidence_links:
            out.append((f"{prefix}.evidence", f"{w.evidence_links} links from evidence to acts, at most "
                        f"{self.limits.max_evidence_links}"))
        return out

    def _incident(self, req: pb.DecideRequest, prefix: str, times_ok: bool = False):
        """The incident of a DecideRequest as the contract's dict, and the violations found so far.
        `times_ok`: every Timestamp of the incident is known to be valid (the memo checked them:
        DecisionMemo.missed, memo.TIMES_CHECKED), so the request's message is read as it is; else
        a copy is checked, as the check puts a placeholder in place of a bad Timestamp."""
        if not req.HasField("incident"):
            raise InvalidIncident([(prefix, "an incident is required")])
        root = prefix.rsplit(".", 1)[0] if "." in prefix else ""
        if times_ok:
            inc = req.incident  # only read: no copy
        else:
            inc = pb.Incident()
            inc.CopyFrom(req.incident)
        early = self._work_violations(inc, prefix)
        if early:  # refuse before converting anything
            raise InvalidIncident(early)
        early = [] if times_ok else timestamp_violations(inc, prefix)
        as_of = None
        if req.HasField("as_of"):
            as_of_path = f"{root}.as_of" if root else "as_of"
            if not time_in_years(req.as_of):
                early.append((as_of_path, f"must be a time between the years {MIN_YEAR} and {MAX_YEAR}"))
            else:
                as_of = req.as_of.ToDatetime(tzinfo=dt.timezone.utc)
        # valid as it stands: the contract's models straight from the message; else the models'
        # own path, for their errors (service/contract/incident.py)
        parsed = None if early else incident_from_proto(inc)
        return (parsed if parsed is not None else incident_to_dict(inc)), as_of, early

    def _decide(self, req: pb.DecideRequest, prefix: str = "incident", pending: list | None = None,
                compact: bool = False) -> pb.Decision:
        made = self._decided(req, prefix, pending, compact)
        return made.proto if not isinstance(made, pb.Decision) else made

    def _decided(self, req: pb.DecideRequest, prefix: str = "incident", pending: list | None = None,
                 compact: bool = False):
        """The request decided: a memo.Made (a reply made from a decision kept per shape) or the
        Decision message."""
        begun = self._begin(req, prefix, pending, compact)
        return self._finish(begun, pending) if isinstance(begun, _Begun) else begun

    def _begin(self, req: pb.DecideRequest, prefix: str, pending: list | None, compact: bool,
               staged: set | None = None):
        """The first half of deciding a request: its incident read and checked. A memo.Made when a
        kept decision answers it (on the log, given one); a memo.Deferred when its shape is among
        `staged` (see DecisionMemo.reuse); else a _Begun, for the engine (_Begun.prepared.run)
        and :meth:`_finish`. Raises what deciding it raises."""
        compact = compact or req.compact
        received = dt.datetime.now(dt.timezone.utc)
        memo = self.memo
        missed = None  # what the memo found for a request it has no decision for (memo.Miss)
        if memo is not None:
            made = memo.reuse(req, self.service.edition_for, compact, staged)
            if isinstance(made, Deferred):
                return made
            if made is not None and self._logged(made, None, req, pending, received):
                return made
            missed = memo.missed(req)
        raw, as_of, early = self._incident(req, prefix, times_ok=missed is not None and TIMES_CHECKED)
        edition = req.edition or None
        if early:
            try:
                self.service.decide(raw, edition=edition, as_of=as_of, prefix=prefix, check_only=True)
            except InvalidIncident as exc:
                seen = {p for p, _ in early}
                early += [v for v in exc.violations if v[0] not in seen]
            except NoEdition:
                pass
            raise InvalidIncident(early)
        as_id = memo.stand_in_for(req, raw) if memo is not None and isinstance(raw, Incident) else None
        prepared = self.service.prepare(raw, edition=edition, prefix=prefix, as_id=as_id, run=False)
        return _Begun(req, prefix, compact, received, missed, raw, as_of, edition, prepared)

    def _finish(self, b: "_Begun", pending: list | None):
        """The second half: the decision of a request :meth:`_begin` left open (its engine run
        already, or in DecisionService.decide), as a memo.Made or the Decision message (on the log,
        given one)."""
        service, prepared = self.service, b.prepared
        if prepared.as_id is not None:
            decision = service.decide(b.raw, edition=b.edition, as_of=b.as_of, prefix=b.prefix,
                                      as_id=prepared.as_id, prepared=prepared)
            made = self.memo.keep(b.req, prepared.edition, decision, b.compact, b.as_of, wire_of(b.raw), b.missed)
            if self._logged(made, b.raw, b.req, pending, b.received):
                return made
            prepared = None  # decided again under its own id, to be logged (_logged said why not)
        return decision_to_proto(service.decide(b.raw, edition=b.edition, as_of=b.as_of, prefix=b.prefix,
                                                caller=identity.caller_name(), pending=pending,
                                                received=b.received, prepared=prepared), compact=b.compact)

    def _logged(self, made, incident: Incident | None, req: pb.DecideRequest, pending: list | None,
                received: dt.datetime) -> bool:
        """Put a reply made from a kept decision on the decision log, when there is one. False when
        it cannot be (no Decision kept with it, or the incident does not read back): the caller then
        decides the request the full way."""
        if self.service.record is None:
            return True
        if incident is None:
            msg = pb.Incident()
            msg.CopyFrom(req.incident)
            incident = incident_from_proto(msg)
        decision = self.memo.decision_of(made, req.incident.id) if incident is not None else None
        if decision is None:
            return False
        # the incident as the full path logs it: checked against the edition's vocabulary (the
        # same shape passed before, so it passes again)
        incident = check_incident(incident, made.edition, "incident")
        self.service.log_decision(decision, incident, made.edition, identity.caller_name(), received,
                                  req.edition or None, made.as_of, pending)
        return True

    # ------------------------------------------------------------------------------ running

    @contextmanager
    def _deadline(self, context, seconds: float):
        token = _engine.DEADLINE.set(time.monotonic() + max(0.0, _within(context, seconds)))
        try:
            yield
        finally:
            _engine.DEADLINE.reset(token)

    def _run(self, data: bytes, context, parse_as, work, seconds: float, method: str = "") -> bytes:
        """Parse the request, run `work` on it; every refusal becomes its status (errors.status_of)."""
        try:
            try:
                req = parse(parse_as, data)
            except Undecodable as exc:
                raise _invalid([("request", str(exc))]) from None
            with self._deadline(context, seconds):
                reply = work(req)
                if isinstance(reply, Made):  # a reply made from a kept decision: its bytes as they are
                    return note_reply(reply.response_bytes(), reply.summary())
                return note_reply(reply.SerializeToString(), reply)  # the call log reads the message
        except Exception as exc:  # noqa: BLE001 - every refusal through the one mapping
            context.abort_with_status(rpc_status.to_status(status_of(exc, method)))

    def _unary(self, parse_as, work, seconds: float | None = None, name: str = ""):
        def handler(data: bytes, context) -> bytes:
            self.fair.unary_enter()
            try:
                return self._run(data, context, parse_as, work, seconds or self.limits.call_seconds,
                                 f"/{SERVICE_NAME}/{name}")
            finally:
                self.fair.unary_exit()
        return handler

    def Decide(self, req: pb.DecideRequest) -> pb.DecideResponse:
        return pb.DecideResponse(decision=self._decide(req))

    def _decide_rpc(self, req: pb.DecideRequest):
        """Decide over gRPC: a reply made from a kept decision goes out as its bytes (no parse and
        no second encoding: `_run`), any other as its message."""
        made = self._decided(req)
        return made if isinstance(made, Made) else pb.DecideResponse(decision=made)

    def DescribeVocabulary(self, req: pb.DescribeVocabularyRequest) -> pb.DescribeVocabularyResponse:
        try:
            edition = self.service.edition_for(dt.datetime.now(dt.timezone.utc), req.edition or None)
        except NoEdition as exc:
            raise _Abort(_status(code_pb2.NOT_FOUND, str(exc))) from None
        return pb.DescribeVocabularyResponse(vocabulary=vocabulary_to_proto(edition))

    def ReviewCrime(self, req: pb.ReviewCrimeRequest) -> pb.ReviewCrimeResponse:
        msg = pb.ReviewCrimeRequest()
        msg.CopyFrom(req)
        early = self._work_violations(msg.incident, "incident") if msg.HasField("incident") else []
        early += timestamp_violations(msg)
        if early:
            raise InvalidIncident(early)
        result = self.service.review(review_request_to_dict(msg), caller=identity.caller_name())
        out = review_result_to_proto(result)
        if result.decided is not None:
            out.decision.CopyFrom(decision_to_proto(result.decided))
        return out

    def DecideBatch(self, data: bytes, context) -> bytes:
        """DecideBatch over gRPC: the reply built from its results' bytes (see _batch), and the call
        log given its summary (no parse of the reply)."""
        try:
            try:
                request = parse(pb.DecideBatchRequest, data)
            except Undecodable as exc:
                raise _invalid([("request", str(exc))]) from None
            results, facts = self._decide_batch(request, context)
            return note_reply(_reply_bytes(results), BatchSummary(facts))
        except Exception as exc:  # noqa: BLE001 - every refusal through the one mapping
            context.abort_with_status(rpc_status.to_status(status_of(exc, BATCH_METHOD)))

    def decide_batch(self, request: pb.DecideBatchRequest, call) -> pb.DecideBatchResponse:
        """The batch path of every door, as a message (the HTTP door, Operations, `hocr decide`):
        see _decide_batch."""
        return pb.DecideBatchResponse.FromString(_reply_bytes(self._decide_batch(request, call)[0]))

    def _decide_batch(self, request: pb.DecideBatchRequest, call) -> tuple[list[bytes], list]:
        """The checks, a batch slot, spread over this server's processes when it has several: each
        result's BatchResult bytes in order, and its summary entry (BatchSummary). `call` is the
        gRPC context, or a LocalCall for other doors; a refusal of the whole batch is raised
        (Refusal, RecordError ...: see errors.status_of)."""
        n = len(request.requests)
        if n > MAX_BATCH:
            raise _invalid([("requests", f"at most {MAX_BATCH} incidents per batch, got {n}")])
        works = [work_of(r.incident) for r in request.requests]
        units, acts = sum(w.units for w in works), sum(w.acts for w in works)
        if units > self.limits.batch_work or acts > self.limits.batch_acts:
            raise _invalid([("requests", f"too large for one batch: {acts} acts and {units} work units, at most "
                             f"{self.limits.batch_acts} and {self.limits.batch_work}; send smaller batches")])
        caller = current_caller()
        forwarded = caller is not None and caller.how == "peer"  # sent by a sibling process
        meta = dict(call.invocation_metadata()) if forwarded else {}
        # a whole batch a sibling admitted no slot for takes a batch slot here, as its caller's
        # call would have had the kernel given its connection to this process
        handed = forwarded and meta.get(HANDOVER_KEY) == "1"
        part = forwarded and not handed  # a part of a batch a sibling process spreads
        if part and not self.fair.try_part():  # its batch holds a slot there, not here
            raise _Abort(_status(code_pb2.RESOURCE_EXHAUSTED, f"{self.fair.part_slots} parts of the sibling "
                                 "processes' batches are already being decided here"))
        if not part and not self.fair.try_batch():
            got = self._hand_over(request, call, caller) if not handed and self.peers and caller is not None else None
            if got is not None:
                return got
            raise _Abort(_status(code_pb2.RESOURCE_EXHAUSTED, f"{self.fair.batch_slots} batches are already "
                                 "being decided here; retry shortly"))
        try:
            if part:
                offset, room = meta.get(OFFSET_KEY, "0"), meta.get(ROOM_KEY, "")
                indexes = _indexes(meta.get(INDEXES_KEY, ""), n)
                results, facts = self._batch(request, call, int(offset) if offset.isdigit() else 0,
                                             min(int(room), self.limits.reply_bytes) if room.isdigit() else None,
                                             indexes)
            elif self.peers and n >= MIN_SPREAD and caller is not None:
                # a handed-over batch too: each shape still goes to the process that keeps it
                results, facts = self._spread(request, call, caller)
            else:
                results, facts = self._batch(request, call)
            if forwarded:
                # the sibling counts and logs the whole call (CallObserver skips a forwarded call):
                # give it what it reads of these results, so that it need not parse them
                text = BatchSummary(facts).encode()
                if len(text) <= MAX_SUMMARY_CHARS and hasattr(call, "set_trailing_metadata"):
                    call.set_trailing_metadata(((SUMMARY_KEY, text),))
            return results, facts
        finally:
            if part:
                self.fair.end_part()
            else:
                self.fair.end_batch()

    def _hand_over(self, request: pb.DecideBatchRequest, call, caller) -> tuple[list[bytes], list] | None:
        """A batch this process has no slot for, decided whole by a sibling that has one (the
        kernel places connections, not calls: a client's connections may all reach one process
        while its sibling idles). Its results as _spread gives a sibling's part; None when no
        sibling took it (each refused, or failed), and the caller is refused as before."""
        if not self.fair.try_hand_over():
            return None
        try:
            timeout = _within(call, self.limits.batch_seconds)
            data = request.SerializeToString()
            meta = identity.forwarded(caller) + ((HANDOVER_KEY, "1"),)
            for peer in self.peers:
                try:
                    fut = peer.future(data, metadata=meta, timeout=timeout)
                    got = split_repeated(fut.result(), _RESULTS)
                    if len(got) != len(request.requests):
                        raise ValueError("a sibling answered for a different number of incidents")
                    log.info("batch of %d from %s handed to a sibling process (every batch slot here taken)",
                             len(got), caller.name)
                    return got, self._sibling_facts(fut, got)
                except Exception as exc:  # noqa: BLE001 - the next sibling, else refused as without one
                    log.info("a sibling process did not take a batch this process had no slot for (%s)",
                             exc.code().name if isinstance(exc, grpc.RpcError) else type(exc).__name__)
            return None
        finally:
            self.fair.end_hand_over()

    def _spread(self, request: pb.DecideBatchRequest, call, caller) -> tuple[list[bytes], list]:
        """Decide a batch across this process and its siblings, each with its share of the reply's
        size limit. Each incident goes to the process its shape falls to (so a shape is decided and
        kept in one process, and found there the next time: transport/memo.py), as long as that
        process's part is not over its even share; the rest even the parts out. A part a sibling
        cannot take (busy, gone, failed) is decided here instead. A sibling's reply is split into
        its results' bytes (not parsed), each put at its index in the whole batch."""
        items = list(request.requests)
        parts = self._parts(items, 1 + len(self.peers))
        share = self.limits.reply_bytes // len(parts)
        timeout = _within(call, self.limits.batch_seconds)
        log.info("batch of %d from %s spread over %d processes", len(items), caller.name, len(parts))
        sent = []
        for peer, indexes in zip(self.peers, parts[1:], strict=False):
            if not indexes:
                continue
            part = [items[i] for i in indexes]
            meta = identity.forwarded(caller) + ((INDEXES_KEY, ",".join(map(str, indexes))), (ROOM_KEY, str(share)))
            sent.append((indexes, part, peer.future(pb.DecideBatchRequest(requests=part, compact=request.compact)
                                                    .SerializeToString(), metadata=meta, timeout=timeout)))
        results: list = [None] * len(items)
        facts: list = [None] * len(items)
        try:
            here = parts[0]
            mine, mine_facts = self._batch(pb.DecideBatchRequest(requests=[items[i] for i in here],
                                                                 compact=request.compact), call, 0, share, here)
            for i, r, f in zip(here, mine, mine_facts, strict=True):
                results[i], facts[i] = r, f
            for indexes, part, fut in sent:
                try:
                    got = split_repeated(fut.result(), _RESULTS)
                    if len(got) != len(part):
                        raise ValueError("a sibling answered for a different number of incidents")
                    got_facts = self._sibling_facts(fut, got)
                except Exception as exc:  # noqa: BLE001 - decide that part here
                    log.info("a sibling process did not decide part of a batch (%s); deciding it here",
                             exc.code().name if isinstance(exc, grpc.RpcError) else type(exc).__name__)
                    got, got_facts = self._batch(pb.DecideBatchRequest(requests=part, compact=request.compact),
                                                 call, 0, share, indexes)
                for i, r, f in zip(indexes, got, got_facts, strict=True):
                    results[i], facts[i] = r, f
        finally:
            for _, _, fut in sent:
                fut.cancel()
        return results, facts

    @staticmethod
    def _sibling_facts(fut, got: list[bytes]) -> list:
        """A sibling's part's summary entries: from its trailing metadata, else read from its
        results (parsed: only when the sibling sent none)."""
        text = dict(fut.trailing_metadata() or ()).get(SUMMARY_KEY)
        summary = BatchSummary.decode(text, len(got)) if isinstance(text, str) else None
        if summary is not None:
            return summary.items
        return [_facts_of(pb.BatchResult.FromString(r)) for r in got]

    def _parts(self, items: list, n: int) -> list[list[int]]:
        """The batch's indexes for each of `n` processes (this one first, then `self.peers` in
        order): by the incident's shape where the memo can read it, within an even share each; the
        rest, in order, to the parts with room. A shape's owner is a process's number (the same
        whichever process received the batch), turned here into its place in the parts."""
        cap = -(-len(items) // n)
        parts: list[list[int]] = [[] for _ in range(n)]
        me = min(self.index, n - 1)
        place = [0 if k == me else 1 + (k if k < me else k - 1) for k in range(n)]  # process number -> part
        rest = []
        for i, req in enumerate(items):
            owner = self.memo.owner(req, self.service.edition_for, n) if self.memo is not None else None
            if owner is not None:
                owner = place[owner]
            if owner is not None and len(parts[owner]) < cap:
                parts[owner].append(i)
            else:
                rest.append(i)
        by_number = [parts[place[k]] for k in range(n)]  # ties go to the same process whoever received it
        for i in rest:
            min(by_number, key=len).append(i)
        for p in parts:
            p.sort()
        return parts

    def _item(self, req: pb.DecideRequest, prefix: str, seconds: float, method: str, compact: bool = False):
        """Decide one incident of a batch or stream: (decision or None, error status or None, the
        decision log entries to write before it is given)."""
        pending: list = []
        token = _engine.DEADLINE.set(time.monotonic() + max(0.0, seconds))
        try:
            return self._decide(req, prefix=prefix, pending=pending, compact=compact), None, pending
        except Exception as exc:  # noqa: BLE001 - one item's failure is that item's status
            return None, status_of(exc, method), []
        finally:
            _engine.DEADLINE.reset(token)

    def _batch_step(self, step, item, deadline: float):
        """One stage of one incident of a batch under its own time limit (a monotonic time): `step`'s
        result, or the item's error status as the item done (see :func:`_item_done`)."""
        token = _engine.DEADLINE.set(deadline)
        try:
            return step(item)
        except Exception as exc:  # noqa: BLE001 - one item's failure is that item's status
            return None, None, status_of(exc, BATCH_METHOD), []
        finally:
            _engine.DEADLINE.reset(token)

    def _batch(self, request: pb.DecideBatchRequest, call, offset: int = 0,
               room: int | None = None, indexes: list[int] | None = None) -> tuple[list[bytes], list]:
        """Decide a batch's incidents here, in order: each one's BatchResult bytes and summary entry.
        The reply stays within `room` bytes (a default client accepts 4 MiB): once the next decision
        would not fit, it and the incidents after it are not decided (RESOURCE_EXHAUSTED each,
        saying where to resume).

        The incidents go in runs of STAGED, each in three passes: every incident read and checked
        (or answered from the memo), then run through the engine, then decided. The results are
        those of deciding each whole in turn (tests/test_batch_bytes.py); the passes keep each
        stage's code and data in the processor's caches (see STAGED). An incident of a shape
        already in the run waits for the third pass, to be answered from the memo. Batches in
        flight together in this process take turns by the run (`_runs`)."""
        room = room or self.limits.reply_bytes
        budget = _within(call, self.limits.batch_seconds)
        end = time.monotonic() + budget
        requests = request.requests
        compact = request.compact
        results: list[bytes] = []
        facts: list = []
        pending: list = []  # decision log entries, written in one transaction before the reply
        size, full_at = 0, None
        fair = self.fair

        def begin(item):  # (request, prefix, the run's shapes not kept yet or None)
            entries: list = []
            begun = self._begin(item[0], item[1], entries, compact, item[2])
            return begun if isinstance(begun, (_Begun, Deferred)) else _item_done(begun, entries)

        def run(begun: _Begun):
            begun.prepared.run()
            return begun

        def finish(begun: _Begun):
            entries: list = []
            return _item_done(self._finish(begun, entries), entries)

        def deferred(item):
            req, prefix, later = item
            entries: list = []
            made = self.memo.reuse_deferred(req, later)
            if made is not None and self._logged(made, None, req, entries, dt.datetime.now(dt.timezone.utc)):
                return _item_done(made, entries)
            got = begin((req, prefix, None))  # not kept (its shape's first failed): the whole way
            return finish(got) if isinstance(got, _Begun) else got

        for first in range(0, len(requests), STAGED):
            if full_at is not None:
                break
            with self._runs:
                # per incident: [its id, its index in the whole batch, its prefix, its request, its
                # time limit, a _Begun or a memo.Deferred or the item done (_item_done)]
                run_: list[list] = []
                staged: set = set()
                for i in range(first, min(first + STAGED, len(requests))):
                    req = requests[i]
                    incident_id = req.incident.id if req.HasField("incident") else ""
                    at = indexes[i] if indexes is not None else offset + i
                    if not call.is_active():  # the caller has gone: stop spending the engine on it
                        raise _Abort(_status(code_pb2.CANCELLED, "the client cancelled the batch"))
                    fair.yield_to_unary()
                    now = time.monotonic()
                    prefix = f"requests[{at}].incident"
                    if now >= end:
                        item = (None, None, _status(code_pb2.DEADLINE_EXCEEDED,
                                                    "the batch's time limit passed before this incident was decided"), [])
                        run_.append([incident_id, at, prefix, req, 0.0, item])
                        continue
                    deadline = now + max(0.0, min(end - now, self.limits.call_seconds))
                    run_.append([incident_id, at, prefix, req, deadline,
                                 self._batch_step(begin, (req, prefix, staged), deadline)])
                for entry in run_:
                    if isinstance(entry[5], _Begun):
                        fair.yield_to_unary()
                        entry[5] = self._batch_step(run, entry[5], entry[4])
                for incident_id, at, prefix, req, deadline, item in run_:
                    if full_at is not None:  # the reply is full: say so for the rest, rather than lose it all
                        results.append(_result_bytes(incident_id, None, too_big(room, full_at)))
                        facts.append(None)
                        continue
                    if isinstance(item, _Begun):
                        fair.yield_to_unary()
                        item = self._batch_step(finish, item, deadline)
                    elif isinstance(item, Deferred):  # its shape was decided earlier in this pass: kept by now
                        fair.yield_to_unary()
                        item = self._batch_step(deferred, (req, prefix, item), deadline)
                    decision, fact, error, entries = item
                    result = _result_bytes(incident_id, decision, error)
                    grown = len(result) + 8  # the field tag and length of one repeated entry
                    if size + grown > room:  # not given, so not on the log either
                        full_at = at
                        results.append(_result_bytes(incident_id, None, too_big(room, full_at)))
                        facts.append(None)
                        continue
                    size += grown
                    pending += entries
                    results.append(result)
                    facts.append(fact)
        for i in range(len(results), len(requests)):  # after the reply filled: the same for the rest
            req = requests[i]
            results.append(_result_bytes(req.incident.id if req.HasField("incident") else "", None,
                                         too_big(room, full_at)))
            facts.append(None)
        self.service.write_log(pending)  # never a decision that is not on the record (RecordError)
        return results, facts

    def DecideStream(self, request_iterator, context):
        """DecideStream over raw request bytes: the stream's results as decide_stream yields them; a
        client that sends no request for `stream_idle_seconds` is ended DEADLINE_EXCEEDED."""
        try:
            with closing(_paced(request_iterator, self.limits.stream_idle_seconds)) as requests:
                yield from self.decide_stream(requests, context)
        except grpc.RpcError:
            raise  # the client cancelled or the call ended while reading its next request
        except Exception as exc:  # noqa: BLE001 - a refusal of the whole stream
            if context.code() not in (None, grpc.StatusCode.OK):
                raise
            context.abort_with_status(rpc_status.to_status(status_of(exc, STREAM_METHOD)))

    def decide_stream(self, requests, call) -> Iterator[pb.DecideStreamResponse]:
        """Each request's result as soon as it is decided, in order; memory stays flat however long
        the stream. `requests` yields DecideStreamRequest bytes (gRPC) or messages. The stream holds
        one batch slot while open and lets single decisions go first between its incidents; each
        decision is on the decision log before its result is yielded. A refusal of the whole stream
        (no batch slot, the log cannot be written) is raised."""
        if not self.fair.try_batch():
            raise _Abort(_status(code_pb2.RESOURCE_EXHAUSTED, f"{self.fair.batch_slots} batches or streams are "
                                 "already being decided here; retry shortly"))
        try:
            for i, data in enumerate(requests):
                out = pb.DecideStreamResponse(index=i)
                try:
                    msg = parse(pb.DecideStreamRequest, data) if isinstance(data, bytes) else data
                except Undecodable as exc:
                    out.error.CopyFrom(bad_request([(f"requests[{i}]", str(exc))]))
                    yield out
                    continue
                req = msg.request
                out.incident_id = req.incident.id if req.HasField("incident") else ""
                self.fair.yield_to_unary()
                seconds = _within(call, self.limits.call_seconds)
                decision, error, entries = self._item(req, f"requests[{i}].incident", seconds, STREAM_METHOD)
                if decision is not None:
                    out.decision.CopyFrom(decision)
                    if out.ByteSize() > self.limits.reply_bytes:  # not given, so not on the log either
                        out.ClearField("decision")
                        error, entries = _status(code_pb2.RESOURCE_EXHAUSTED, "not decided: this incident's "
                                                 f"decision would exceed {self.limits.reply_bytes} bytes; "
                                                 "decide it with Decide, or split the incident"), []
                if error is not None:
                    out.error.CopyFrom(error)
                self.service.write_log(entries)
                yield out
        finally:
            self.fair.end_batch()

    # the supervision queue (service/record); without a decision log, RecordError says so
    def ListSupervision(self, req: pb.ListSupervisionRequest) -> pb.ListSupervisionResponse:
        return supervision_rpc.list_supervision(self.service.queue(), req)

    def ResolveSupervision(self, req: pb.ResolveSupervisionRequest) -> pb.ResolveSupervisionResponse:
        return supervision_rpc.resolve_supervision(self.service.queue(), req, identity.caller_name())

    def unary_methods(self) -> dict:
        """Method name -> (request message class, function of the parsed request returning the
        reply message). A new unary RPC is one entry here (and its role in interceptors.METHOD_ROLES)."""
        return {
            "Decide": (pb.DecideRequest, self._decide_rpc),
            "DescribeVocabulary": (pb.DescribeVocabularyRequest, self.DescribeVocabulary),
            "ReviewCrime": (pb.ReviewCrimeRequest, self.ReviewCrime),
            "ListSupervision": (pb.ListSupervisionRequest, self.ListSupervision),
            "ResolveSupervision": (pb.ResolveSupervisionRequest, self.ResolveSupervision),
        }

    def handler(self) -> grpc.GenericRpcHandler:
        """The service's methods as raw-bytes handlers (no deserializer: parsed in the handler)."""
        m = {name: self._unary(cls, fn, name=name) for name, (cls, fn) in self.unary_methods().items()}
        m["DecideBatch"] = self.DecideBatch
        handlers = {name: grpc.unary_unary_rpc_method_handler(fn) for name, fn in m.items()}
        handlers["DecideStream"] = grpc.stream_stream_rpc_method_handler(
            self.DecideStream, response_serializer=pb.DecideStreamResponse.SerializeToString)
        handlers["Audit"] = grpc.stream_stream_rpc_method_handler(
            self.Audit, response_serializer=pb.AuditResponse.SerializeToString)
        return grpc.method_handlers_generic_handler(SERVICE_NAME, handlers)

    def Audit(self, request_iterator, context):
        """Crime data integrity audit: records stream in, findings and the summary stream out
        (service/transport/audit_rpc.py). Each request's bytes are parsed here, like every other method's."""

        def requests():
            for i, data in enumerate(request_iterator):
                try:
                    yield parse(pb.AuditRequest, data)
                except Undecodable as exc:
                    context.abort_with_status(rpc_status.to_status(bad_request([(f"requests[{i}]", str(exc))])))

        yield from audit_stream(self.service, requests(), context)


def _paced(requests, seconds: float) -> Iterator:
    """`requests`, except that waiting more than `seconds` for the next one raises a DEADLINE_EXCEEDED
    Refusal. grpcio's request iterator has no timeout, so one reader thread per stream reads it, one
    request at a time and only when asked (no read-ahead: flow control still holds the client); once
    the call has ended, its pending read returns and the thread ends."""
    requests = iter(requests)
    asks: queue.SimpleQueue = queue.SimpleQueue()
    got: queue.SimpleQueue = queue.SimpleQueue()

    def read() -> None:
        while asks.get():
            try:
                got.put((True, next(requests)))
            except BaseException as exc:  # noqa: BLE001 - the end of the stream, or how the call ended
                got.put((False, exc))
                return

    threading.Thread(target=read, name="hocr-stream-reader", daemon=True).start()
    try:
        while True:
            asks.put(True)
            try:
                ok, item = got.get(timeout=seconds)
            except queue.Empty:
                raise _Abort(_status(code_pb2.DEADLINE_EXCEEDED, f"this stream sent no request for {seconds:g} s "
                                     "and was closed; open a new stream to go on")) from None
            if not ok:
                if isinstance(item, StopIteration):
                    return
                raise item
            yield item
    finally:
        asks.put(False)  # the reader stops after its pending read, if any


def _reflection_v1(servicer: reflection.ReflectionServicer) -> grpc.GenericRpcHandler:
    """grpc.reflection.v1 (what current grpcurl and Postman ask first): its messages are the same
    on the wire as v1alpha's, so the v1alpha servicer answers both."""
    return grpc.method_handlers_generic_handler(REFLECTION_V1, {
        "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
            servicer.ServerReflectionInfo,
            request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
            response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString)})


class BindError(OSError):
    pass


def create_server(address: str = "[::]:50051", service: DecisionService | None = None, workers: int = 8,
                  extra_handlers=(), max_concurrent: int = 256, *, security: Security | None = None,
                  policy: Policy | None = None, limits: Limits = Limits(), keepalive: Keepalive = Keepalive(),
                  reflection_on: bool = True, reuse_port: bool = False, peer_socket: str | None = None,
                  peers: tuple[str, ...] = (), peer_index: int = 0) -> tuple[grpc.Server, int]:
    """Build (not start) a server with the decision, health and reflection services.

    Without `security` it listens in plaintext; without `policy`, a plaintext server treats every
    caller as the local developer (all roles) and a TLS server requires credentials it cannot
    check (so give a policy). A port already in use is refused unless `reuse_port` (several
    processes of one server, see `serve`).
    """
    service = service or DecisionService()
    if policy is None:
        policy = Policy(allow_local=security is None, per_caller=limits.per_caller)
    servicer = Servicer(service, limits, peers, index=peer_index)
    health_servicer = health.HealthServicer()
    reflect = reflection.ReflectionServicer(
        (SERVICE_NAME, HEALTH_NAME, reflection.SERVICE_NAME, REFLECTION_V1)) if reflection_on else None
    handlers = [servicer.handler(), *extra_handlers]
    if reflect is not None:
        handlers.append(_reflection_v1(reflect))
    server = grpc.server(
        # and a thread for each part of a sibling's batch this process may be deciding at once
        # (Fairness.part_slots), and one for each batch handed to a sibling and waited on here (as
        # many), so that they never hold the threads single decisions need
        futures.ThreadPoolExecutor(max_workers=workers + 2 * servicer.fair.part_slots),
        handlers=handlers,
        # Gate (identity, roles, limits) outermost; CallObserver (metrics, JSON call log) inside it,
        # so that it sees the caller
        interceptors=[Gate(policy), CallObserver(identity.caller_name, _forwarded)],
        # beyond this, callers get RESOURCE_EXHAUSTED at once instead of queueing without bound
        maximum_concurrent_rpcs=max_concurrent,
        options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                 ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
                 ("grpc.so_reuseport", 1 if reuse_port else 0),
                 *keepalive.options()],
    )
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    # one of several processes is SERVING once its siblings are up (see serve_process): until then a
    # batch it spreads would find them missing
    for name in ("", SERVICE_NAME):
        health_servicer.set(name, health_pb2.HealthCheckResponse.NOT_SERVING if peers
                            else health_pb2.HealthCheckResponse.SERVING)
    if reflect is not None:
        from grpc_reflection.v1alpha import reflection_pb2_grpc
        reflection_pb2_grpc.add_ServerReflectionServicer_to_server(reflect, server)
    try:
        port = (server.add_secure_port(address, security.credentials()) if security is not None
                else server.add_insecure_port(address))
    except RuntimeError as exc:
        raise BindError(f"could not listen on {address}: {exc}") from None
    if port == 0:
        raise BindError(f"could not listen on {address} (in use, or not an address of this host)")
    if peer_socket is not None and server.add_insecure_port(f"unix:{peer_socket}") == 0:
        raise BindError(f"could not listen on unix:{peer_socket}")
    server.health_servicer = health_servicer  # type: ignore[attr-defined]
    server.servicer = servicer  # type: ignore[attr-defined]
    return server, port


# ------------------------------------------------------------------------------------------ serving


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 50051
    workers: int = 8
    processes: int = 1
    rules_dir: Path | None = None
    security: Security | None = None
    auth_tokens: Path | None = None
    insecure: bool = False
    drain_seconds: float = 10.0
    reflection: bool = True
    limits: Limits = field(default_factory=Limits)
    keepalive: Keepalive = field(default_factory=Keepalive)
    peer_dir: str | None = None  # with several processes: their unix sockets (a directory only we open)
    index: int = 0  # this process's number among them
    decision_log: str | None = None  # sqlite:///PATH or postgresql://... (service/record)
    retention_days: float | None = None
    metrics_port: int | None = None  # process i of N serves /metrics on metrics_port + i
    metrics_host: str = "127.0.0.1"  # plaintext, naming the callers: this host only unless asked
    health_port: int | None = None  # plaintext grpc.health.v1 only (for kubelet and container probes)
    http_port: int | None = None  # the HTTP/JSON door (service/transport/http.py)
    tls_files: tuple[str, str, str | None] | None = None  # (cert, key, client CA) paths, for the HTTP door

    @property
    def grace_seconds(self) -> float:
        """Long enough for the longest batch the limits allow to finish."""
        return self.limits.batch_seconds + 1.0

    def address(self, port: int | None = None) -> str:
        host = self.host
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"{host}:{self.port if port is None else port}"


def _policy(opts: ServeOptions) -> Policy:
    creds = Credentials.load(opts.auth_tokens) if opts.auth_tokens else None
    return Policy(credentials=creds, allow_local=opts.insecure and creds is None, per_caller=opts.limits.per_caller,
                  trust_unix_peers=opts.peer_dir is not None)


def _remove_peer_files(own: str | None, peer_dir: str | None) -> None:
    """Our peer socket, and the directory once the last of us is gone (the parent may be)."""
    for remove, path in ((os.unlink, own), (os.rmdir, peer_dir)):
        if path is None:
            continue
        try:
            remove(path)
        except OSError:  # gone already, never made, or a sibling's socket is still there
            pass


class _StoppedStarting(Exception):
    """A server process told to stop before it had anything to undo."""


_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


class _Stopping:
    """SIGTERM and SIGINT noted for the main thread, which stops the server."""

    def __init__(self):
        self.event = threading.Event()
        self.signals: list[int] = []
        self.started = False  # the server has started (start-up is over)
        self._setting = False

    def _on_signal(self, signum, _frame):  # only note it: the main thread does the rest
        self.signals.append(signum)
        # a second signal can run this handler again in the middle of the first's Event.set, which
        # would then wait for the lock the first holds, for ever: only the first one sets it
        if not self._setting:
            self._setting = True
            self.event.set()

    def install(self) -> None:
        for sig in _STOP_SIGNALS:
            signal.signal(sig, self._on_signal)


def serve_process(opts: ServeOptions, reuse_port: bool = False, ready=None,
                  stopping: _Stopping | None = None) -> None:
    """One server process: serve until SIGTERM/SIGINT, then drain and stop. SIGUSR1 prints every
    thread's stack to standard error (for an operator looking at a stuck process). `stopping`:
    installed by the caller before the rules load (one of several processes, see _child), so a
    stop asked for while loading is taken once the server exists: it then serves nothing and
    removes its peer socket. Otherwise the handlers are installed once loaded (a lone process
    told to stop while loading simply ends: it holds nothing yet)."""
    import faulthandler

    faulthandler.register(signal.SIGUSR1, all_threads=True)
    stopping = stopping or _Stopping()
    stop, got = stopping.event, stopping.signals
    configure_call_log()
    service = DecisionService(opts.rules_dir, decision_log=opts.decision_log, retention_days=opts.retention_days)
    if service.record is not None:
        service.record.start_retention()
        log.info("decision log: %s", service.record.store.url.split("@")[-1])
    else:
        log.warning("no decision log: decisions are not kept (use --decision-log)")
    if opts.metrics_port is not None:
        _metrics, mport = serve_metrics(opts.metrics_port + opts.index, opts.metrics_host)
        log.info("metrics on http://%s:%d/metrics", opts.metrics_host, mport)
    own, peers = None, ()
    if opts.peer_dir is not None:
        if stop.is_set():  # told to stop while loading (see _child): nothing made yet to undo
            raise _StoppedStarting()
        own = os.path.join(opts.peer_dir, f"p{opts.index}.sock")
        peers = tuple(os.path.join(opts.peer_dir, f"p{j}.sock") for j in range(opts.processes) if j != opts.index)
    server, bound = create_server(opts.address(), service, opts.workers, security=opts.security,
                                  policy=_policy(opts), limits=opts.limits, keepalive=opts.keepalive,
                                  reflection_on=opts.reflection, reuse_port=reuse_port, peer_socket=own, peers=peers,
                                  peer_index=opts.index)
    health_server = None
    if opts.health_port is not None:
        # health only, in plaintext: probes cannot present credentials, and nothing else is served here
        health_server = grpc.server(futures.ThreadPoolExecutor(max_workers=2),
                                    options=[("grpc.so_reuseport", 1 if reuse_port else 0)])
        health_pb2_grpc.add_HealthServicer_to_server(server.health_servicer, health_server)
        host = opts.host if opts.insecure else "[::]"
        if health_server.add_insecure_port(f"{host}:{opts.health_port}") == 0:
            raise BindError(f"could not listen on the health port {opts.health_port}")
        health_server.start()
    http_server = None
    draining = threading.Event()
    if opts.http_port is not None:
        creds = Credentials.load(opts.auth_tokens) if opts.auth_tokens else None
        app = http_door.create_app(Operations(server.servicer).table(), version(),
                                   ready=lambda: not draining.is_set(),
                                   authenticate=http_door.authenticator(creds, opts.insecure and creds is None))
        cert, key, ca = opts.tls_files or (None, None, None)
        http_server, _thread, hport = http_door.run(app, opts.host, opts.http_port, cert, key, ca,
                                                    reuse_port=reuse_port)
        log.info("HTTP/JSON door on %s:%d (%s)", opts.host, hport, "TLS" if cert else "PLAINTEXT")
    stopping.install()

    def shut(grace: float | None) -> None:
        if http_server is not None:
            http_server.should_exit = True
        server.stop(grace=grace).wait()
        if health_server is not None:
            health_server.stop(grace=None)
        _remove_peer_files(own, opts.peer_dir)

    if stop.is_set():  # told to stop while loading: it has served nothing, so nothing to drain
        log.info("pid %d signal %d during start-up: not serving", os.getpid(), got[0])
        shut(None)
        log.info("pid %d stopped", os.getpid())
        return
    heap.settle()  # everything loaded: freeze it for the collector (service/heap.py)
    stopping.started = True
    server.start()
    if peers:
        if not server.servicer.wait_for_peers(PEER_WAIT_SECONDS, stop) and not stop.is_set():
            log.warning("pid %d: a sibling process did not answer within %.0f s; serving without it",
                        os.getpid(), PEER_WAIT_SECONDS)
        if not stop.is_set():  # else never SERVING: the drain below says NOT_SERVING
            for name in ("", SERVICE_NAME):
                server.health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    log.info("hocr pid %d serving on %s (%s; editions: %s)", os.getpid(), opts.address(bound),
             "TLS" + (" with client certificates" if opts.security and opts.security.client_ca else "")
             if opts.security else "PLAINTEXT", ", ".join(sorted(service.editions)))
    if ready is not None:
        ready(bound)
    while not stop.wait(timeout=1.0):
        pass
    server.health_servicer.enter_graceful_shutdown()  # NOT_SERVING for every service, at once
    draining.set()  # the HTTP door's /readyz says so too
    log.info("pid %d signal %d: NOT_SERVING now, still serving for %.1f s", os.getpid(), got[0], opts.drain_seconds)
    time.sleep(opts.drain_seconds)  # load balancers see NOT_SERVING and move away; calls still served
    log.info("pid %d stopping (in-flight calls get up to %.0f s)", os.getpid(), opts.grace_seconds)
    shut(opts.grace_seconds)
    log.info("pid %d stopped", os.getpid())


def _port_free(host: str, port: int) -> None:
    """Refuse a port another socket listens on (also one bound with SO_REUSEPORT by another
    server). SO_REUSEADDR, as gRPC's own listening sockets have: connections a stopped server
    closed wait out TIME-WAIT on the port for a minute, and hold no listener; without it a
    restart would be refused for that minute. Linux still refuses a port a listener holds."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host.strip("[]"), port))
        except OSError as exc:
            raise BindError(f"could not listen on {host}:{port}: {exc.strerror}") from None


@contextmanager
def _reserve_port(host: str, port: int):
    """Hold the port with SO_REUSEPORT while the worker processes bind it (grpc's multiprocessing
    example): nothing else can take it in between, and port 0 becomes one chosen port."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        s.bind((host.strip("[]"), port))
        yield s.getsockname()[1]
    finally:
        s.close()


def _stop_with_parent(parent: int) -> None:
    """SIGTERM to this process (so: the graceful stop) once `parent` is gone, however it went
    (kill -9 and the OOM killer too). Linux: PR_SET_PDEATHSIG, which fires when the thread that
    forked us ends: serve() forks on its main thread, which lives as long as the parent. Then
    getppid() tells whether the parent died before that was set. Elsewhere: poll getppid()."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        arg = ctypes.c_ulong
        armed = libc.prctl(1, arg(signal.SIGTERM), arg(0), arg(0), arg(0)) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # no prctl here
        armed = False
    if os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)
    elif not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os.kill(os.getpid(), signal.SIGTERM)

        threading.Thread(target=watch, name="hocr-parent-watch", daemon=True).start()


def _child(opts: ServeOptions, port: int, index: int, peer_dir: str, parent: int) -> None:
    # before anything else: a stop from now on (the parent gone while this loads, say) takes the
    # path that removes this process's peer socket and, for the last, the directory
    stopping = _Stopping()
    stopping.install()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # held back by serve() until now
    _stop_with_parent(parent)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        serve_process(replace(opts, port=port, index=index, peer_dir=peer_dir), reuse_port=True, stopping=stopping)
    except Exception as exc:  # noqa: BLE001 - see below
        if not stopping.event.is_set() or stopping.started:
            raise
        # told to stop while starting: a sibling that stopped first may have removed the peer
        # directory this process was about to bind in, so a failure now is part of the stop
        if not isinstance(exc, _StoppedStarting):
            log.info("pid %d: start-up cut short by the stop (%s)", os.getpid(), type(exc).__name__)
        log.info("pid %d signal %d during start-up: not serving", os.getpid(), stopping.signals[0])
        _remove_peer_files(None, peer_dir)
        log.info("pid %d stopped", os.getpid())


def serve(opts: ServeOptions) -> int:
    """Serve with `opts.processes` processes on one port; returns the exit status."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    _port_free(opts.host, opts.port)  # before loading any rules
    if opts.processes <= 1:
        serve_process(opts)
        return 0
    import multiprocessing as mp

    # fork (grpc's multiprocessing example: before any gRPC server or channel exists here) shares the
    # imports already done, about half the CPU of start-up; each process still builds its own engine
    # and gRPC state. spawn where fork is not available.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    import shutil
    import tempfile

    peer_dir = tempfile.mkdtemp(prefix="hocr-peers-")  # mode 0700: only this user reaches the sockets
    with _reserve_port(opts.host, opts.port) as port:
        me = os.getpid()
        procs = [ctx.Process(target=_child, args=(opts, port, i, peer_dir, me), name=f"hocr-{i}")
                 for i in range(opts.processes)]
        stopping: list[bool] = []  # [whether every child had a pid when told] once told to stop

        def on_signal(signum, _frame):
            if not stopping:  # (a plain flag: a second signal may run this inside the first)
                stopping.append(all(p.pid is not None for p in procs))
                tell(procs)

        def tell(children) -> None:
            for p in children:
                if p.pid is not None and p.is_alive():
                    os.kill(p.pid, signal.SIGTERM)

        # The stop signals are held back while the children start: one that comes meanwhile is
        # taken once they all have pids (on_signal tells each), and each child, which starts with
        # them held back too, takes its own only once its handlers are in place (_child)
        for sig in _STOP_SIGNALS:
            signal.signal(sig, on_signal)
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            for p in procs:
                p.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
        if stopping and not stopping[0]:  # taken meanwhile (by another thread) before every child had a pid
            tell(procs)
        log.info("hocr: %d server processes on port %d (pids %s)", len(procs), port,
                 ", ".join(str(p.pid) for p in procs))
        status = 0
        while any(p.is_alive() for p in procs):
            for p in procs:
                p.join(timeout=0.2)
                if not p.is_alive() and p.exitcode not in (0, None) and not stopping:
                    log.error("server process %s exited with %s: stopping the others", p.pid, p.exitcode)
                    status = 1
                    on_signal(signal.SIGTERM, None)
    shutil.rmtree(peer_dir, ignore_errors=True)
    return status
