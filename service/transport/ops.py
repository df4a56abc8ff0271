"""The decision service's operations for doors other than gRPC (the HTTP/JSON door): protobuf
request in, protobuf reply out, every refusal a google.rpc.Status (CallError).

They run the gRPC servicer's own methods (service/transport/grpc_server.py: the same checks,
limits, engine deadline and decision log), so a decision, a batch, a review and a vocabulary are
the same whichever door a caller uses. Only the transport differs.
"""
from __future__ import annotations

import logging
import time
from typing import Iterator

from google.rpc import code_pb2, status_pb2

from .. import engine as _engine
from .. import identity
from ..api import InvalidIncident, NoEdition
from ..contract import MAX_BATCH
from ..engine import EngineError, EngineTimeout
from ..gen.hocr.v1 import hocr_pb2 as pb
from ..record import RecordError
from .grpc_server import MAX_REPLY_BYTES, _Abort
from .wire import bad_request

log = logging.getLogger("hocr.ops")


class CallError(Exception):
    """A call refused with a google.rpc.Status (code, message, details)."""

    def __init__(self, status: status_pb2.Status):
        super().__init__(status.message)
        self.status = status


def status_of(exc: Exception) -> status_pb2.Status:
    """The status a refusal the service knows is reported with (anything else is raised again)."""
    if isinstance(exc, _Abort):
        return exc.status
    if isinstance(exc, InvalidIncident):
        return bad_request(exc.violations)
    if isinstance(exc, NoEdition):
        return status_pb2.Status(code=code_pb2.FAILED_PRECONDITION, message=str(exc))
    if isinstance(exc, EngineTimeout):
        return status_pb2.Status(code=code_pb2.DEADLINE_EXCEEDED, message=str(exc))
    if isinstance(exc, RecordError):
        return status_pb2.Status(code=getattr(code_pb2, exc.status), message=str(exc))
    if isinstance(exc, EngineError):
        log.error("engine failure: %s", exc)
        return status_pb2.Status(code=code_pb2.INTERNAL, message="the rules engine failed; no decision was made")
    raise exc


KNOWN = (InvalidIncident, NoEdition, EngineError, RecordError)


class Operations:
    """The servicer's methods for a caller authenticated by another door."""

    def __init__(self, servicer):
        self.servicer = servicer
        self.limits = servicer.limits

    def _call(self, caller: identity.Caller | None, seconds: float, work):
        who = identity.set_current(caller)
        deadline = _engine.DEADLINE.set(time.monotonic() + seconds)
        try:
            return work()
        except (_Abort, *KNOWN) as exc:
            raise CallError(status_of(exc)) from None
        finally:
            _engine.DEADLINE.reset(deadline)
            identity.reset_current(who)

    def decide(self, req: pb.DecideRequest, caller=None) -> pb.Decision:
        # the HTTP door answers with the Decision itself (the gRPC reply wraps it in DecideResponse)
        return self._call(caller, self.limits.call_seconds, lambda: self.servicer.Decide(req).decision)

    def review(self, req: pb.ReviewCrimeRequest, caller=None) -> pb.ReviewCrimeResponse:
        return self._call(caller, self.limits.call_seconds, lambda: self.servicer.ReviewCrime(req))

    def vocabulary(self, req: pb.DescribeVocabularyRequest, caller=None) -> pb.Vocabulary:
        return self._call(caller, self.limits.call_seconds, lambda: self.servicer.DescribeVocabulary(req).vocabulary)

    def _result(self, item: pb.DecideRequest, prefix: str, pending: list) -> pb.BatchResult:
        result = pb.BatchResult(incident_id=item.incident.id if item.HasField("incident") else "")
        token = _engine.DEADLINE.set(time.monotonic() + self.limits.call_seconds)
        try:
            result.decision.CopyFrom(self.servicer._decide(item, prefix=prefix, pending=pending))
        except KNOWN as exc:
            result.error.CopyFrom(status_of(exc))
        finally:
            _engine.DEADLINE.reset(token)
        return result

    def decide_batch(self, req: pb.DecideBatchRequest, caller=None,
                     max_reply_bytes: int = MAX_REPLY_BYTES) -> pb.DecideBatchResponse:
        """One result per incident, in order; the reply never exceeds ``max_reply_bytes``: once the
        next decision would not fit, it and the incidents after it are not decided, each with a
        RESOURCE_EXHAUSTED status naming where to resume (DecideStream has no such limit)."""
        if len(req.requests) > MAX_BATCH:
            raise CallError(bad_request([("requests", f"at most {MAX_BATCH} incidents per batch, "
                                          f"got {len(req.requests)}")]))

        def work() -> pb.DecideBatchResponse:
            out, pending, size = pb.DecideBatchResponse(), [], 0
            for i, item in enumerate(req.requests):
                result = self._result(item, f"requests[{i}].incident", pending)
                grown = result.ByteSize() + 8  # the field tag and length of one repeated entry
                if size + grown > max_reply_bytes:
                    for rest in req.requests[i:]:
                        out.results.add(incident_id=rest.incident.id if rest.HasField("incident") else "",
                                        error=too_big(max_reply_bytes, i))
                    break
                size += grown
                out.results.append(result)
            self.servicer.service.write_log(pending)
            return out
        return self._call(caller, self.limits.batch_seconds, work)

    def decide_stream(self, requests, caller=None) -> Iterator[pb.BatchResult]:
        """Each incident's result as soon as it is decided, in order; no limit on the whole."""
        for i, item in enumerate(requests):
            pending: list = []
            result = self._call(caller, self.limits.call_seconds,
                                lambda item=item, i=i: self._result(item, f"requests[{i}].incident", pending))  # noqa: B023 - used at once, within the loop
            self._call(caller, self.limits.call_seconds, lambda: self.servicer.service.write_log(pending))  # noqa: B023 - used at once, within the loop
            yield result

    def table(self) -> dict:
        return {"decide": self.decide, "decide_batch": self.decide_batch, "review": self.review,
                "vocabulary": self.vocabulary}


def too_big(limit: int, index: int) -> status_pb2.Status:
    return status_pb2.Status(code=code_pb2.RESOURCE_EXHAUSTED,
                             message=f"not decided: the reply would exceed {limit} bytes; send requests[{index}:] "
                                     "again, or use DecideStream")
