"""The gRPC server (kept as an import path): see service.transport.grpc_server."""
from __future__ import annotations

from .transport.grpc_server import (
                                     MAX_MESSAGE_BYTES,
                                     SERVICE_NAME,
                                     BindError,
                                     Keepalive,
                                     Limits,
                                     Security,
                                     ServeOptions,
                                     Servicer,
                                     create_server,
                                     serve,
                                     serve_process,
)
from .transport.identity import caller_name
from .transport.wire import bad_request

__all__ = ["MAX_MESSAGE_BYTES", "SERVICE_NAME", "BindError", "Keepalive", "Limits", "Security", "ServeOptions",
           "Servicer", "bad_request", "caller_name", "create_server", "serve", "serve_process"]
