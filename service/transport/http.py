"""The HTTP/JSON door: the same operations as the gRPC service, as JSON over HTTP (ASGI, Starlette).

    POST /v1/decide          DecideRequest        -> Decision
    POST /v1/decide:batch    DecideBatchRequest   -> DecideBatchResponse
    POST /v1/review          ReviewCrimeRequest   -> ReviewCrimeResponse
    GET  /v1/vocabulary      ?edition=            -> Vocabulary
    GET  /healthz  /readyz   liveness; readiness (503 while draining)
    GET  /openapi.json       OpenAPI 3.1, generated from the proto descriptors

Bodies are the protobuf JSON mapping of hocr.v1 (as grpcurl and buf curl write it): both field-name
styles in, lowerCamelCase out. For /v1/decide the body may also be a bare Incident. Errors are a
google.rpc.Status as JSON with the HTTP status of its gRPC code (INVALID_ARGUMENT -> 400 with the
google.rpc.BadRequest field violations in `details`), as Google's HTTP APIs and grpc-gateway do.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from google.rpc import code_pb2, status_pb2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..gen.hocr.v1 import hocr_pb2 as pb
from . import identity, openapi, pbjson
from .ops import CallError
from .wire import bad_request

MAX_BODY_BYTES = 16 * 1024 * 1024
# gRPC code -> HTTP status, as in google/rpc/code.proto
HTTP_STATUS = {
    code_pb2.OK: 200, code_pb2.CANCELLED: 499, code_pb2.UNKNOWN: 500, code_pb2.INVALID_ARGUMENT: 400,
    code_pb2.DEADLINE_EXCEEDED: 504, code_pb2.NOT_FOUND: 404, code_pb2.ALREADY_EXISTS: 409,
    code_pb2.PERMISSION_DENIED: 403, code_pb2.UNAUTHENTICATED: 401, code_pb2.RESOURCE_EXHAUSTED: 429,
    code_pb2.FAILED_PRECONDITION: 412, code_pb2.ABORTED: 409, code_pb2.OUT_OF_RANGE: 400,
    code_pb2.UNIMPLEMENTED: 501, code_pb2.INTERNAL: 500, code_pb2.UNAVAILABLE: 503, code_pb2.DATA_LOSS: 500,
}


def _status_response(status: status_pb2.Status) -> Response:
    return JSONResponse(pbjson.status_dict(status), status_code=HTTP_STATUS.get(status.code, 500))


def _message_response(msg) -> Response:
    return Response(pbjson.to_json(msg), media_type="application/json")


def _invalid(field: str, description: str) -> CallError:
    return CallError(bad_request([(field, description)]))


async def _body(request: Request, message, bare_incident: bool = False):
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise _invalid("body", f"at most {MAX_BODY_BYTES} bytes")
    try:
        data = json.loads(raw or b"{}")
    except (UnicodeDecodeError, ValueError):
        raise _invalid("body", "not valid JSON") from None
    if not isinstance(data, dict):
        raise _invalid("body", "must be a JSON object")
    if bare_incident:  # the same reading as `hocr decide`
        data = pbjson.decide_request_data(data)
    parsed, violations = pbjson.parse(data, type(message))
    if violations:
        raise CallError(bad_request(violations, pbjson.summary(violations)))
    return parsed


Operations = dict[str, Callable[..., Any]]


ROLES = {"decide": "officer", "decide_batch": "officer", "review": "officer", "vocabulary": "officer"}


def authenticator(credentials, allow_local: bool) -> Callable[[Request, str], Any]:
    """Callers of the HTTP door as of the gRPC door: a bearer token from the --auth-tokens file
    (`Authorization: Bearer ...`), or, on a plaintext --insecure server without that file, the
    local developer. Each operation needs the role its gRPC method needs."""

    def authenticate(request: Request, operation: str):
        token = identity.bearer([("authorization", request.headers.get("authorization", ""))])
        caller = None
        if credentials is not None and token is not None:
            caller = credentials.by_token(token)
        elif credentials is None and allow_local:
            caller = identity.LOCAL
        if caller is None:
            raise CallError(status_pb2.Status(code=code_pb2.UNAUTHENTICATED,
                                              message="credentials required: a bearer token (Authorization header)"))
        need = ROLES[operation]
        if need not in caller.roles:
            raise CallError(status_pb2.Status(code=code_pb2.PERMISSION_DENIED,
                                              message=f"this operation needs the {need} role"))
        return caller
    return authenticate


def create_app(ops: Operations, version: str, ready: Callable[[], bool] = lambda: True,
               authenticate: Callable[[Request, str], Any] | None = None) -> Starlette:
    """ops: decide(DecideRequest)->Decision, decide_batch(DecideBatchRequest)->DecideBatchResponse,
    review(ReviewCrimeRequest)->ReviewCrimeResponse, vocabulary(DescribeVocabularyRequest)->Vocabulary;
    each raises CallError with the status to return. authenticate(request, operation) raises CallError
    (UNAUTHENTICATED / PERMISSION_DENIED) when the caller may not call the operation."""

    def endpoint(name: str, make_request: Callable[[Request], Any]):
        async def handle(request: Request) -> Response:
            try:
                caller = authenticate(request, name) if authenticate is not None else None
                message = await make_request(request)
                return _message_response(ops[name](message, caller))
            except CallError as exc:
                return _status_response(exc.status)
        return handle

    async def vocabulary_request(request: Request):
        return pb.DescribeVocabularyRequest(edition=request.query_params.get("edition", ""))

    spec = openapi.build([
        {"path": "/v1/decide", "method": "post", "operation_id": "Decide", "request": pb.DecideRequest.DESCRIPTOR,
         "response": pb.Decision.DESCRIPTOR, "summary": "Decide one incident: the crimes to record, the "
         "negation of every act not recorded, the questions still open and the record-by time."},
        {"path": "/v1/decide:batch", "method": "post", "operation_id": "DecideBatch",
         "request": pb.DecideBatchRequest.DESCRIPTOR, "response": pb.DecideBatchResponse.DESCRIPTOR,
         "summary": "Decide many incidents; each gets its own decision or its own error status."},
        {"path": "/v1/review", "method": "post", "operation_id": "ReviewCrime",
         "request": pb.ReviewCrimeRequest.DESCRIPTOR, "response": pb.ReviewCrimeResponse.DESCRIPTOR,
         "summary": "May a recorded crime be transferred, cancelled or reclassified?"},
        {"path": "/v1/vocabulary", "method": "get", "operation_id": "DescribeVocabulary", "request": None,
         "query": ["edition"], "response": pb.Vocabulary.DESCRIPTOR,
         "summary": "The act types, attributes, questions and allowed answers of an edition."},
        {"path": "/healthz", "method": "get", "operation_id": "Liveness", "request": None, "response": None,
         "summary": "The process is up.", "tag": "operations", "errors": False, "secured": False},
        {"path": "/readyz", "method": "get", "operation_id": "Readiness", "request": None, "response": None,
         "summary": "Ready for calls (503 while starting or draining).", "tag": "operations", "errors": False,
         "secured": False},
    ], version)
    spec_text = json.dumps(spec, ensure_ascii=False)

    async def openapi_json(_request: Request) -> Response:
        return Response(spec_text, media_type="application/json")

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "SERVING"})

    async def readyz(_request: Request) -> Response:
        ok = ready()
        return JSONResponse({"status": "SERVING" if ok else "NOT_SERVING"}, status_code=200 if ok else 503)

    routes = [
        Route("/v1/decide", endpoint("decide", lambda r: _body(r, pb.DecideRequest(), bare_incident=True)),
              methods=["POST"]),
        Route("/v1/decide:batch", endpoint("decide_batch", lambda r: _body(r, pb.DecideBatchRequest())),
              methods=["POST"]),
        Route("/v1/review", endpoint("review", lambda r: _body(r, pb.ReviewCrimeRequest())), methods=["POST"]),
        Route("/v1/vocabulary", endpoint("vocabulary", vocabulary_request), methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/openapi.json", openapi_json, methods=["GET"]),
    ]
    app = Starlette(routes=routes)
    app.state.openapi = spec
    return app


def run(app: Starlette, host: str, port: int, certfile: str | None = None, keyfile: str | None = None,
        client_ca: str | None = None, reuse_port: bool = False):
    """Start the door in a background thread (uvicorn); returns (server, thread, bound port)."""
    import socket
    import ssl
    import threading

    import uvicorn

    # proto given: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and accepted
    # ones inherit it. Without it a reply on a kept-alive connection waited about 40 ms (Nagle
    # holding the body's last segment until the client's delayed ACK of the headers)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:  # several server processes share the port, as the gRPC one
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host.strip("[]"), port))
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            ssl_certfile=certfile, ssl_keyfile=keyfile, ssl_ca_certs=client_ca,
                            ssl_cert_reqs=ssl.CERT_REQUIRED if client_ca else ssl.CERT_NONE)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="hocr-http", daemon=True)
    thread.start()
    return server, thread, sock.getsockname()[1]
