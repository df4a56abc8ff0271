"""The gRPC server: DecisionService, the standard health service, and server reflection.

``create_server(address, service)`` returns ``(server, port)`` so that tests bind port 0.
"""
from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
from concurrent import futures

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from grpc_status import rpc_status

from .api import DecisionService, InvalidIncident, NoEdition
from .contract import MAX_BATCH
from .engine import EngineError
from .gen.hocr.v1 import hocr_pb2 as pb
from .gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from .mapping import (
    decision_to_proto,
    incident_to_dict,
    review_request_to_dict,
    review_result_to_proto,
    vocabulary_to_proto,
)

log = logging.getLogger("hocr.server")
SERVICE_NAME = pb.DESCRIPTOR.services_by_name["DecisionService"].full_name
MAX_MESSAGE_BYTES = 16 * 1024 * 1024


def bad_request(violations: list[tuple[str, str]], summary: str) -> status_pb2.Status:
    detail = any_pb2.Any()
    detail.Pack(error_details_pb2.BadRequest(field_violations=[
        error_details_pb2.BadRequest.FieldViolation(field=f, description=m) for f, m in violations]))
    return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=summary, details=[detail])


def _summary(violations: list[tuple[str, str]]) -> str:
    first = f"{violations[0][0]}: {violations[0][1]}"
    more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
    return f"invalid incident: {first}{more}"


class Servicer(pb_grpc.DecisionServiceServicer):
    def __init__(self, service: DecisionService):
        self.service = service

    def _one(self, req: pb.DecideRequest, prefix: str = "incident") -> pb.Decision:
        if not req.HasField("incident"):
            raise InvalidIncident([(prefix, "an incident is required")])
        as_of = req.as_of.ToDatetime(tzinfo=dt.timezone.utc) if req.HasField("as_of") else None
        decision = self.service.decide(incident_to_dict(req.incident), edition=req.edition or None,
                                       as_of=as_of, prefix=prefix)
        return decision_to_proto(decision)

    @staticmethod
    def _call(context, work):
        """Run one request; every failure the service knows becomes its gRPC status."""
        try:
            return work()
        except InvalidIncident as exc:
            context.abort_with_status(rpc_status.to_status(bad_request(exc.violations, _summary(exc.violations))))
        except NoEdition as exc:
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(exc))
        except EngineError as exc:
            log.exception("engine failure")
            context.abort(grpc.StatusCode.INTERNAL, f"the rules engine failed; no decision was made: {exc}")

    def Decide(self, request, context):
        return self._call(context, lambda: self._one(request))

    def DescribeVocabulary(self, request, context):
        try:
            edition = self.service.edition_for(dt.datetime.now(dt.timezone.utc), request.edition or None)
        except NoEdition as exc:
            context.abort(grpc.StatusCode.NOT_FOUND, str(exc))
        return vocabulary_to_proto(edition)

    def ReviewCrime(self, request, context):
        result = self._call(context, lambda: self.service.review(review_request_to_dict(request)))
        out = review_result_to_proto(result)
        if result.decided is not None:
            out.decision.CopyFrom(decision_to_proto(result.decided))
        return out

    def DecideBatch(self, request, context):
        if len(request.requests) > MAX_BATCH:
            context.abort_with_status(rpc_status.to_status(bad_request(
                [("requests", f"at most {MAX_BATCH} incidents per batch, got {len(request.requests)}")],
                "batch too large")))
        results = []
        for i, req in enumerate(request.requests):
            if not context.is_active():  # the caller has gone: stop spending the engine on it
                context.abort(grpc.StatusCode.CANCELLED, "the client cancelled the batch")
            incident_id = req.incident.id if req.HasField("incident") else ""
            try:
                results.append(pb.BatchResult(incident_id=incident_id,
                                              decision=self._one(req, prefix=f"requests[{i}].incident")))
            except InvalidIncident as exc:
                results.append(pb.BatchResult(incident_id=incident_id,
                                              error=bad_request(exc.violations, _summary(exc.violations))))
            except NoEdition as exc:
                results.append(pb.BatchResult(incident_id=incident_id, error=status_pb2.Status(
                    code=code_pb2.FAILED_PRECONDITION, message=str(exc))))
            except EngineError as exc:
                log.exception("engine failure in batch")
                results.append(pb.BatchResult(incident_id=incident_id, error=status_pb2.Status(
                    code=code_pb2.INTERNAL, message=f"the rules engine failed; no decision was made: {exc}")))
        return pb.DecideBatchResponse(results=results)


def create_server(address: str = "[::]:50051", service: DecisionService | None = None, workers: int = 4,
                  extra_handlers=(), max_concurrent: int = 256) -> tuple[grpc.Server, int]:
    """Build (not start) a server with the decision, health and reflection services."""
    service = service or DecisionService()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=workers),
        handlers=list(extra_handlers),
        # beyond this, callers get RESOURCE_EXHAUSTED at once instead of queueing without bound
        maximum_concurrent_rpcs=max_concurrent,
        options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                 ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)],
    )
    pb_grpc.add_DecisionServiceServicer_to_server(Servicer(service), server)
    health_servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for name in ("", SERVICE_NAME):
        health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    reflection.enable_server_reflection(
        (SERVICE_NAME, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME), server)
    port = server.add_insecure_port(address)
    if port == 0:
        raise RuntimeError(f"could not bind {address}")
    server.health_servicer = health_servicer  # type: ignore[attr-defined]
    return server, port


def serve(host: str = "[::]", port: int = 50051, workers: int = 4, rules_dir=None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    service = DecisionService(rules_dir)
    server, bound = create_server(f"{host}:{port}", service, workers)
    server.start()
    log.info("hocr serving on %s:%d (editions: %s)", host, bound, ", ".join(sorted(service.editions)))
    stop = threading.Event()

    def on_signal(signum, _frame):
        log.info("signal %d: draining", signum)
        server.health_servicer.enter_graceful_shutdown()
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)
    stop.wait()
    server.stop(grace=5).wait()
    log.info("stopped")
