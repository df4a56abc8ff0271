"""The decision service's operations for doors other than gRPC (the HTTP/JSON door): protobuf
request in, protobuf reply out, every refusal a google.rpc.Status (CallError).

They run the gRPC servicer's own methods (service/transport/grpc_server.py: the same checks,
limits, batch slots, spreading of a batch over the server's processes, engine deadline and
decision log), and every refusal goes through the one mapping (service/transport/errors.py), so a
decision, a batch, a review and a vocabulary are the same whichever door a caller uses. Only the
transport differs.
"""
from __future__ import annotations

import time
from typing import Iterator

from google.rpc import status_pb2

from ..engine import driver as _engine
from ..gen.hocr.v1 import hocr_pb2 as pb
from . import identity
from .errors import status_of
from .wire import SERVICE_NAME, LocalCall


class CallError(Exception):
    """A call refused with a google.rpc.Status (code, message, details)."""

    def __init__(self, status: status_pb2.Status):
        super().__init__(status.message)
        self.status = status


class Operations:
    """The servicer's methods for a caller authenticated by another door."""

    def __init__(self, servicer):
        self.servicer = servicer
        self.limits = servicer.limits

    def _call(self, caller: identity.Caller | None, seconds: float, method: str, work):
        who = identity.set_current(caller)
        deadline = _engine.DEADLINE.set(time.monotonic() + seconds)
        try:
            return work()
        except Exception as exc:  # noqa: BLE001 - every refusal through the one mapping
            raise CallError(status_of(exc, f"/{SERVICE_NAME}/{method}")) from None
        finally:
            _engine.DEADLINE.reset(deadline)
            identity.reset_current(who)

    def decide(self, req: pb.DecideRequest, caller=None) -> pb.Decision:
        # the HTTP door answers with the Decision itself (the gRPC reply wraps it in DecideResponse)
        self.servicer.fair.unary_enter()  # a single decision goes before a batch's next incident
        try:
            return self._call(caller, self.limits.call_seconds, "Decide", lambda: self.servicer.Decide(req).decision)
        finally:
            self.servicer.fair.unary_exit()

    def review(self, req: pb.ReviewCrimeRequest, caller=None) -> pb.ReviewCrimeResponse:
        return self._call(caller, self.limits.call_seconds, "ReviewCrime", lambda: self.servicer.ReviewCrime(req))

    def vocabulary(self, req: pb.DescribeVocabularyRequest, caller=None) -> pb.Vocabulary:
        return self._call(caller, self.limits.call_seconds, "DescribeVocabulary",
                          lambda: self.servicer.DescribeVocabulary(req).vocabulary)

    def decide_batch(self, req: pb.DecideBatchRequest, caller=None) -> pb.DecideBatchResponse:
        """The servicer's batch path (grpc_server.Servicer.decide_batch): one result per incident,
        in order, the reply within the limits' reply_bytes, spread over the server's processes."""
        seconds = self.limits.batch_seconds
        return self._call(caller, seconds, "DecideBatch",
                          lambda: self.servicer.decide_batch(req, LocalCall(seconds)))

    def decide_stream(self, requests, caller=None) -> Iterator[pb.DecideStreamResponse]:
        """The servicer's stream path: each DecideStreamRequest's result as soon as it is decided."""
        who = identity.set_current(caller)
        try:
            yield from self.servicer.decide_stream(requests, LocalCall(float("inf")))
        except Exception as exc:  # noqa: BLE001 - every refusal through the one mapping
            raise CallError(status_of(exc, f"/{SERVICE_NAME}/DecideStream")) from None
        finally:
            identity.reset_current(who)

    def table(self) -> dict:
        return {"decide": self.decide, "decide_batch": self.decide_batch, "review": self.review,
                "vocabulary": self.vocabulary}
