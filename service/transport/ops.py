"""The service's operations on contract messages, for every door: protobuf request in, protobuf
reply out, and every failure the service knows as a google.rpc.Status (CallError).

The gRPC servicer and the HTTP/JSON door both call these, so a decision, a batch, a review and
a vocabulary are the same whichever door a caller uses.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Iterator

from google.rpc import code_pb2, error_details_pb2, status_pb2

from ..api import DecisionService, InvalidIncident, NoEdition
from ..contract import MAX_BATCH
from ..engine import EngineError
from ..gen.hocr.v1 import hocr_pb2 as pb
from ..mapping import (decision_to_proto, incident_to_dict, review_request_to_dict, review_result_to_proto,
                       vocabulary_to_proto)

log = logging.getLogger("hocr.ops")
# A default gRPC client refuses a reply over 4 MiB; stay under it with room for the envelope.
MAX_REPLY_BYTES = 4 * 1024 * 1024 - 64 * 1024


class CallError(Exception):
    """A call refused with a google.rpc.Status (code, message, details)."""

    def __init__(self, status: status_pb2.Status):
        super().__init__(status.message)
        self.status = status


def bad_request(violations: list[tuple[str, str]], summary: str) -> status_pb2.Status:
    detail = error_details_pb2.BadRequest(field_violations=[
        error_details_pb2.BadRequest.FieldViolation(field=f, description=d) for f, d in violations])
    status = status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=summary)
    status.details.add().Pack(detail)
    return status


def _summary(violations: list[tuple[str, str]]) -> str:
    first = f"{violations[0][0]}: {violations[0][1]}"
    more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
    return f"invalid incident: {first}{more}"


def status_of(exc: Exception) -> status_pb2.Status:
    """The status a known failure is reported with."""
    if isinstance(exc, InvalidIncident):
        return bad_request(exc.violations, _summary(exc.violations))
    if isinstance(exc, NoEdition):
        return status_pb2.Status(code=code_pb2.FAILED_PRECONDITION, message=str(exc))
    if isinstance(exc, EngineError):
        log.error("engine failure: %s", exc)
        return status_pb2.Status(code=code_pb2.INTERNAL, message="the rules engine failed; no decision was made")
    raise exc


class Operations:
    def __init__(self, service: DecisionService):
        self.service = service

    def _decide(self, req: pb.DecideRequest, prefix: str = "incident") -> pb.Decision:
        if not req.HasField("incident"):
            raise InvalidIncident([(prefix, "an incident is required")])
        as_of = req.as_of.ToDatetime(tzinfo=dt.timezone.utc) if req.HasField("as_of") else None
        decision = self.service.decide(incident_to_dict(req.incident), edition=req.edition or None,
                                       as_of=as_of, prefix=prefix)
        return decision_to_proto(decision)

    def decide(self, req: pb.DecideRequest) -> pb.Decision:
        try:
            return self._decide(req)
        except (InvalidIncident, NoEdition, EngineError) as exc:
            raise CallError(status_of(exc)) from None

    def _result(self, item: pb.DecideRequest, prefix: str) -> pb.BatchResult:
        result = pb.BatchResult(incident_id=item.incident.id if item.HasField("incident") else "")
        try:
            result.decision.CopyFrom(self._decide(item, prefix=prefix))
        except (InvalidIncident, NoEdition, EngineError) as exc:
            result.error.CopyFrom(status_of(exc))
        return result

    def decide_batch(self, req: pb.DecideBatchRequest, max_reply_bytes: int = MAX_REPLY_BYTES) -> pb.DecideBatchResponse:
        """One result per incident, in order. The reply never exceeds ``max_reply_bytes`` (a default
        client accepts 4 MiB): once the next decision would not fit, it and the incidents after it
        are not decided, each with a RESOURCE_EXHAUSTED status naming where to resume (or use
        DecideStream, which has no such limit)."""
        if len(req.requests) > MAX_BATCH:
            raise CallError(bad_request([("requests", f"at most {MAX_BATCH} incidents per batch, "
                                          f"got {len(req.requests)}")], "batch too large"))
        out = pb.DecideBatchResponse()
        size = 0
        for i, item in enumerate(req.requests):
            result = self._result(item, f"requests[{i}].incident")
            grown = result.ByteSize() + 8  # the field tag and length of one repeated entry
            if size + grown > max_reply_bytes:
                for j in range(i, len(req.requests)):
                    rest = req.requests[j]
                    out.results.add(incident_id=rest.incident.id if rest.HasField("incident") else "",
                                    error=status_pb2.Status(
                                        code=code_pb2.RESOURCE_EXHAUSTED,
                                        message=f"not decided: the reply would exceed {max_reply_bytes} bytes; "
                                                f"send requests[{i}:] again, or use DecideStream"))
                break
            size += grown
            out.results.append(result)
        return out

    def decide_stream(self, requests) -> "Iterator[pb.BatchResult]":
        """Each incident's result as soon as it is decided, in order; no size limit on the whole."""
        for i, item in enumerate(requests):
            yield self._result(item, f"requests[{i}].incident")

    def review(self, req: pb.ReviewCrimeRequest) -> pb.ReviewCrimeResult:
        try:
            result = self.service.review(review_request_to_dict(req))
        except (InvalidIncident, NoEdition, EngineError) as exc:
            raise CallError(status_of(exc)) from None
        out = review_result_to_proto(result)
        if result.decided is not None:
            out.decision.CopyFrom(decision_to_proto(result.decided))
        return out

    def vocabulary(self, req: pb.DescribeVocabularyRequest) -> pb.Vocabulary:
        try:
            edition = self.service.edition_for(dt.datetime.now(dt.timezone.utc), req.edition or None)
        except NoEdition as exc:
            raise CallError(status_pb2.Status(code=code_pb2.NOT_FOUND, message=str(exc))) from None
        return vocabulary_to_proto(edition)

    def table(self) -> dict:
        return {"decide": self.decide, "decide_batch": self.decide_batch, "review": self.review,
                "vocabulary": self.vocabulary}
