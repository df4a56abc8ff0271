"""Prometheus metrics and the structured call log (one JSON line per call, no payload content).

Every metric and log field is documented in docs/observability.md. The gRPC side is a server
interceptor (:class:`CallObserver`) so the servicer's code stays as it is; the decision log counts
its own writes and failures; the supervision queue's depth is read from the log when scraped.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import sys
import time
import weakref
from dataclasses import dataclass
from typing import Any, Callable

import grpc
from prometheus_client import REGISTRY, Counter, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily

from ..gen.hocr.v1 import hocr_pb2 as pb

CALLS = Counter("hocr_calls", "gRPC calls to the decision service, by method, status and caller",
                ["method", "status", "caller"])
LATENCY = Histogram("hocr_call_latency_seconds", "Time from receiving a call to its reply, by method",
                    ["method"], buckets=(.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10))
DECISIONS = Counter("hocr_decisions", "Decisions given, by outcome and edition", ["outcome", "edition"])
QUESTIONS = Histogram("hocr_questions_per_decision", "Open questions in each decision given, by edition",
                      ["edition"], buckets=(0, 1, 2, 3, 5, 8, 13, 21, 34))
MEMO = Counter("hocr_decision_memo", "Decisions by incident shape (service/shapes.py), by door (grpc: the gRPC "
               "and HTTP doors; audit) and result: reused, miss (decided), kept, not_kept (decided, not reusable)",
               ["door", "result"])
LOG_WRITES = Counter("hocr_decision_log_writes", "Entries written to the decision log (committed)", ["backend"])
LOG_FAILURES = Counter("hocr_decision_log_write_failures",
                       "Decision log writes that failed (each failed the call with UNAVAILABLE)", ["backend"])

CALL_LOG = logging.getLogger("hocr.calls")
SERVICE_PREFIX = "/hocr.v1.DecisionService/"


class _QueueDepth:
    """hocr_supervision_queue_depth{kind}: read from the decision log(s) at scrape time."""

    def __init__(self):
        self.queues: "weakref.WeakSet[Any]" = weakref.WeakSet()

    def collect(self):
        g = GaugeMetricFamily("hocr_supervision_queue_depth",
                              "Decisions on the supervision queue not yet resolved, by kind", labels=["kind"])
        totals: dict[str, int] = {}
        for q in list(self.queues):
            try:
                for k, n in q.depth().items():
                    totals[k] = totals.get(k, 0) + n
            except Exception:  # a log that cannot be read right now: no figure rather than a wrong one
                logging.getLogger("hocr.metrics").warning("supervision queue depth unavailable")
        for k, n in sorted(totals.items()):
            g.add_metric([k], n)
        yield g

    def describe(self):
        return []


_DEPTH = _QueueDepth()
REGISTRY.register(_DEPTH)


def watch_queue(queue) -> None:
    """Report this queue's depth in hocr_supervision_queue_depth."""
    _DEPTH.queues.add(queue)


def unwatch_queue(queue) -> None:
    _DEPTH.queues.discard(queue)


def serve_metrics(port: int, addr: str = "127.0.0.1"):
    """Serve /metrics over HTTP on a port (0: any free port); returns (server, port)."""
    server, _thread = start_http_server(port, addr=addr)
    return server, server.server_port


# Each metric's child per label values, looked up once: labels() validates and locks on every call,
# which cost more than the rest of a reused decision (bounded: methods, statuses, outcomes and
# editions are fixed sets; callers are the configured ones and verified certificate names).
_CHILDREN: dict[tuple, Any] = {}


def child(metric, *labels: str):
    key = (id(metric), *labels)
    got = _CHILDREN.get(key)
    if got is None:
        got = _CHILDREN[key] = metric.labels(*labels)
    return got


# The reply message a handler serialized last on this thread's context, so that the call log need
# not parse its bytes again: (the bytes, the message).
_REPLY: contextvars.ContextVar[tuple[bytes, Any] | None] = contextvars.ContextVar("hocr_reply", default=None)


def note_reply(data: bytes, message: Any) -> bytes:
    _REPLY.set((data, message))
    return data


@dataclass(frozen=True)
class DecisionSummary:
    """What the call log and the metrics read of one decision, for a reply sent as ready bytes."""
    decision_id: str
    outcome: int  # hocr.v1.Outcome
    edition: str
    rules_revision: str
    questions: int


@dataclass
class BatchSummary:
    """What the call log and the metrics read of a DecideBatch reply sent as ready bytes: for each
    result in order, its decision's (outcome, edition, rules_revision, questions), or None for an
    error. ``encode``/``decode`` carry it from a sibling process that decided a part of a batch
    (its distinct facts once, then an index per result)."""
    items: list

    def encode(self) -> str:
        table: dict = {}
        codes = [-1 if it is None else table.setdefault(tuple(it), len(table)) for it in self.items]
        return json.dumps({"t": list(table), "i": codes}, ensure_ascii=True, separators=(",", ":"))

    @classmethod
    def decode(cls, text: str, n: int) -> "BatchSummary | None":
        """The summary of `n` results, or None when `text` is not one."""
        try:
            got = json.loads(text)
            table = [(int(o), str(e), str(r), int(q)) for o, e, r, q in got["t"]]
            items = [None if c == -1 else table[c] for c in got["i"]]
        except (ValueError, TypeError, KeyError, IndexError):
            return None
        return cls(items) if len(items) == n else None


def observe_decision(outcome: str, edition: str, questions: int) -> None:
    child(DECISIONS, outcome, edition).inc()
    child(QUESTIONS, edition).observe(questions)


_OUTCOME_NAMES: dict[int, str] = {}


def _outcome_name(value: int) -> str:
    got = _OUTCOME_NAMES.get(value)
    if got is None:
        got = _OUTCOME_NAMES[value] = pb.Outcome.Name(value).removeprefix("OUTCOME_").lower()
    return got


def summarise(method: str, response: Any) -> dict:
    """The log fields of a reply (ids, edition, revision, outcome) and its decisions counted."""
    if response is None:
        return {}
    if isinstance(response, bytes):  # the decision service's handlers answer with serialized bytes
        noted = _REPLY.get()
        if noted is not None and noted[0] is response:
            return summarise(method, noted[1])
        rpc = pb.DESCRIPTOR.services_by_name["DecisionService"].methods_by_name.get(method)
        if rpc is None:
            return {}
        response = getattr(pb, rpc.output_type.name).FromString(response)
    if isinstance(response, BatchSummary):
        outcomes: dict[str, int] = {}
        counted: dict[tuple[str, str], int] = {}  # (outcome, edition) -> decisions: one increment each
        editions, revisions, errors = set(), set(), 0
        for item in response.items:
            if item is None:
                errors += 1
                continue
            value, edition, revision, questions = item
            outcome = _outcome_name(value)
            key = (outcome, edition)
            counted[key] = counted.get(key, 0) + 1
            child(QUESTIONS, edition).observe(questions)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            editions.add(edition)
            revisions.add(revision)
        for (outcome, edition), n in counted.items():
            child(DECISIONS, outcome, edition).inc(n)
        return {"edition": ",".join(sorted(editions)), "rules_revision": ",".join(sorted(revisions)),
                "outcome": outcomes, "decisions": sum(outcomes.values()), "errors": errors}
    if isinstance(response, DecisionSummary):
        outcome = _outcome_name(response.outcome)
        observe_decision(outcome, response.edition, response.questions)
        return {"decision_id": response.decision_id, "edition": response.edition,
                "rules_revision": response.rules_revision, "outcome": outcome}
    if type(response).__name__ == "DecideResponse":
        response = response.decision
    elif type(response).__name__ == "DescribeVocabularyResponse":
        response = response.vocabulary
    name = type(response).__name__
    if name == "Decision":
        outcome = _outcome_name(response.outcome)
        observe_decision(outcome, response.edition, len(response.questions))
        return {"decision_id": response.decision_id, "edition": response.edition,
                "rules_revision": response.rules_revision, "outcome": outcome}
    if name == "DecideBatchResponse":
        return summarise(method, BatchSummary([
            (r.decision.outcome, r.decision.edition, r.decision.rules_revision, len(r.decision.questions))
            if r.WhichOneof("result") == "decision" else None for r in response.results]))
    if name == "ReviewCrimeResponse":
        out = {"decision_id": response.review_id, "edition": response.edition,
               "rules_revision": response.rules_revision,
               "outcome": f"{response.action}:{'allowed' if response.allowed else 'not_allowed'}"}
        if response.HasField("decision"):
            d = response.decision
            observe_decision(_outcome_name(d.outcome), d.edition, len(d.questions))
        return out
    if name == "Vocabulary":
        return {"edition": response.edition, "rules_revision": response.rules_revision}
    if name == "ResolveSupervisionResponse":
        return {"decision_id": response.resolution.decision_id, "outcome": response.resolution.verdict}
    if name == "ListSupervisionResponse":
        return {"items": len(response.items)}
    return {}


class StreamSummary:
    """The log fields of a response stream, counted as its messages go by (memory stays flat)."""

    def __init__(self):
        self.outcomes: dict[str, int] = {}
        self.editions: set[str] = set()
        self.revisions: set[str] = set()
        self.errors = self.messages = 0

    def add(self, response: Any) -> None:
        self.messages += 1
        if type(response).__name__ != "DecideStreamResponse":
            return
        if response.WhichOneof("result") != "decision":
            self.errors += 1
            return
        d = response.decision
        outcome = _outcome_name(d.outcome)
        observe_decision(outcome, d.edition, len(d.questions))
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        self.editions.add(d.edition)
        self.revisions.add(d.rules_revision)

    def fields(self) -> dict:
        if not self.outcomes and not self.errors:
            return {"messages": self.messages}
        return {"edition": ",".join(sorted(self.editions)), "rules_revision": ",".join(sorted(self.revisions)),
                "outcome": self.outcomes, "decisions": sum(self.outcomes.values()), "errors": self.errors}


class CallObserver(grpc.ServerInterceptor):
    """Counts, times and logs every call of the decision service: a unary call when it ends, a
    streaming one (DecideStream, Audit) when its stream ends, its decisions counted as they go."""

    def __init__(self, caller_of: Callable[[Any], str], forwarded: Callable[[], bool] = lambda: False):
        self.caller_of = caller_of
        # a part of a batch that a sibling server process forwarded here: that process counts and
        # logs the whole call, this one's decisions included, so counting it here too would count
        # them twice in the sum over the processes' /metrics
        self.forwarded = forwarded

    def _account(self, method: str, status: str, elapsed: float, context, fields: Callable[[], dict]) -> None:
        caller = self.caller_of(context)
        child(CALLS, method, status, caller).inc()
        child(LATENCY, method).observe(elapsed)
        try:
            extra = fields() if status == "OK" else {}
        except Exception:  # never let accounting break a reply
            extra = {}
        if not CALL_LOG.isEnabledFor(logging.INFO):
            return
        line = {"time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
                .replace("+00:00", "Z"), "method": method, "status": status,
                "latency_ms": round(elapsed * 1000, 3), "caller": caller,
                "decision_id": "", "edition": "", "rules_revision": "", "outcome": ""}
        line.update(extra)
        CALL_LOG.info(json.dumps(line, ensure_ascii=False, separators=(",", ":")))

    def _stream(self, handler, method: str):
        inner = handler.stream_stream

        def behaviour(request_iterator, context):
            start = time.perf_counter()
            summary, status = StreamSummary(), "OK"
            responses = inner(request_iterator, context)
            try:
                for response in responses:
                    try:
                        summary.add(response)
                    except Exception:  # never let accounting break a reply
                        pass
                    yield response
                code = context.code()
                status = code.name if code is not None else "OK"
            except GeneratorExit:  # the client went away: grpc dropped the stream
                status = "CANCELLED"
                raise
            except BaseException:
                code = context.code()
                status = code.name if code is not None and code != grpc.StatusCode.OK else (
                    "CANCELLED" if not context.is_active() else "UNKNOWN")
                raise
            finally:
                if hasattr(responses, "close"):
                    responses.close()  # the handler's own clean-up (its batch slot) runs now
                self._account(method, status, time.perf_counter() - start, context, summary.fields)

        return grpc.stream_stream_rpc_method_handler(behaviour, request_deserializer=handler.request_deserializer,
                                                     response_serializer=handler.response_serializer)

    def intercept_service(self, continuation, details):
        handler = continuation(details)
        if handler is None or not details.method.startswith(SERVICE_PREFIX):
            return handler
        method = details.method[len(SERVICE_PREFIX):]
        if handler.stream_stream is not None:
            return self._stream(handler, method)
        if handler.unary_unary is None:
            return handler
        inner = handler.unary_unary

        def behaviour(request, context):
            if self.forwarded():
                return inner(request, context)
            start = time.perf_counter()
            response, status = None, "OK"
            try:
                response = inner(request, context)
                code = context.code()
                status = code.name if code is not None else "OK"
                return response
            except BaseException:
                code = context.code()
                status = code.name if code is not None and code != grpc.StatusCode.OK else "UNKNOWN"
                raise
            finally:
                self._account(method, status, time.perf_counter() - start, context,
                              lambda: summarise(method, response))

        return grpc.unary_unary_rpc_method_handler(behaviour, request_deserializer=handler.request_deserializer,
                                                   response_serializer=handler.response_serializer)


def configure_call_log(stream=None) -> None:
    """Send the call log, one bare JSON object per line, to a stream (standard error)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    CALL_LOG.handlers[:] = [handler]
    CALL_LOG.setLevel(logging.INFO)
    CALL_LOG.propagate = False
