"""The one mapping from what the service raises to the google.rpc.Status a caller gets.

Every door uses it: the gRPC handlers (a unary call aborts with it; a batch or stream item carries
it as that item's error) and the HTTP/JSON door (service/transport/ops.py, which answers with the
HTTP status of its code). A failure nobody foresaw is INTERNAL with a reference id that is in the
server log, never its text.
"""
from __future__ import annotations

from google.rpc import code_pb2, status_pb2

from ..api import InvalidIncident, NoEdition
from ..engine.driver import EngineTimeout
from ..record import RecordError
from .identity import current_caller
from .interceptors import internal_message, report_internal
from .wire import Abort as Refusal  # a refusal the servicer decides itself: the Status of the whole call
from .wire import bad_request


def status(code: int, message: str) -> status_pb2.Status:
    return status_pb2.Status(code=code, message=message)


def invalid(violations: list[tuple[str, str]]) -> Refusal:
    return Refusal(bad_request(violations))


def status_of(exc: BaseException, method: str) -> status_pb2.Status:
    """The status `exc` is reported with by `method` (a full gRPC method name, for the server log)."""
    if isinstance(exc, Refusal):
        return exc.status
    if isinstance(exc, InvalidIncident):
        return bad_request(exc.violations)
    if isinstance(exc, NoEdition):
        return status(code_pb2.FAILED_PRECONDITION, str(exc))
    if isinstance(exc, EngineTimeout):
        return status(code_pb2.DEADLINE_EXCEEDED, str(exc))
    if isinstance(exc, RecordError):  # the decision log: UNAVAILABLE when it cannot be written
        return status(getattr(code_pb2, exc.status), str(exc))
    return status(code_pb2.INTERNAL, internal_message(report_internal(exc, method, current_caller())))
