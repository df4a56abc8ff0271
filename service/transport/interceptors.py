"""What every call passes through before and after its handler: authentication and roles, the
per-caller concurrency limit, and the last-resort error mapping.

* Authentication: a bearer token or a client certificate names the caller (``service.transport.identity``);
  a call without credentials the server accepts gets UNAUTHENTICATED, a caller without the role
  the method needs gets PERMISSION_DENIED. Health checks need no credentials (load balancers and
  orchestrators probe them); reflection needs an authenticated caller of any role.
* Limits: at most ``per_caller`` calls of one caller in flight (RESOURCE_EXHAUSTED beyond).
* Errors: an exception no handler expected reaches the caller as INTERNAL with a reference id,
  never as UNKNOWN; it is logged once with that id (the traceback only the first time one place
  fails, one line after that).
"""
from __future__ import annotations

import logging
import threading
import time
import traceback
import uuid
from dataclasses import dataclass, field

import grpc

from . import identity
from .identity import Caller, Credentials

log = logging.getLogger("hocr.server")
access = logging.getLogger("hocr.access")

DECISION_SERVICE = "hocr.v1.DecisionService"
# the role each method of the decision service requires; a method missing here is refused
METHOD_ROLES: dict[str, str] = {
    f"/{DECISION_SERVICE}/Decide": "officer",
    f"/{DECISION_SERVICE}/DecideBatch": "officer",
    f"/{DECISION_SERVICE}/DecideStream": "officer",
    f"/{DECISION_SERVICE}/DescribeVocabulary": "officer",
    f"/{DECISION_SERVICE}/ReviewCrime": "officer",
    # the supervision queue (service/record)
    f"/{DECISION_SERVICE}/ListSupervision": "supervisor",
    f"/{DECISION_SERVICE}/ResolveSupervision": "supervisor",
    # crime data integrity audit (service/audit)
    f"/{DECISION_SERVICE}/Audit": "auditor",
}
PUBLIC_PREFIXES = ("/grpc.health.v1.Health/",)
AUTHENTICATED_PREFIXES = ("/grpc.reflection.v1alpha.ServerReflection/", "/grpc.reflection.v1.ServerReflection/")


@dataclass
class Policy:
    credentials: Credentials | None = None
    allow_local: bool = False  # plaintext without a credentials file: every call is LOCAL
    per_caller: int = 32  # calls of one caller in flight
    extra_roles: dict[str, str] = field(default_factory=dict)  # method -> role, for extra handlers
    trust_unix_peers: bool = False  # sibling server processes forward parts of batches over a unix socket


class _Counter:
    def __init__(self, limit: int):
        self.limit, self.lock, self.n = limit, threading.Lock(), {}

    def acquire(self, key: str) -> bool:
        with self.lock:
            if self.n.get(key, 0) >= self.limit:
                return False
            self.n[key] = self.n.get(key, 0) + 1
            return True

    def release(self, key: str) -> None:
        with self.lock:
            left = self.n[key] - 1
            if left:
                self.n[key] = left
            else:
                del self.n[key]


_SEEN_SITES: set[tuple] = set()
_SEEN_LOCK = threading.Lock()


def report_internal(exc: BaseException, method: str, caller: Caller | None) -> str:
    """Log an unexpected failure once; return the reference id the caller is given."""
    ref = uuid.uuid4().hex[:12]
    tb = traceback.extract_tb(exc.__traceback__)
    site = (type(exc).__name__,) + ((tb[-1].filename, tb[-1].lineno) if tb else ())
    with _SEEN_LOCK:
        first = site not in _SEEN_SITES
        if first and len(_SEEN_SITES) < 1000:
            _SEEN_SITES.add(site)
    who = caller.name if caller else "-"
    if first:
        log.error("internal error ref=%s method=%s caller=%s", ref, method, who, exc_info=exc)
    else:
        log.error("internal error ref=%s method=%s caller=%s %s at %s (traceback logged before)",
                  ref, method, who, type(exc).__name__, ":".join(map(str, site[1:])))
    return ref


def internal_message(ref: str) -> str:
    return f"internal error; no decision was made (reference {ref}: quote it to the service's operators)"


class Gate(grpc.ServerInterceptor):
    def __init__(self, policy: Policy):
        self.policy = policy
        self.in_flight = _Counter(policy.per_caller)
        # the guarded handler per method, built once: the handlers behind the gate (the next
        # interceptors' and the services') depend on the method alone, and the guard reads each
        # call's metadata from its context; building them on every call cost as much as a reused
        # decision. Only methods that exist, so the table stays small.
        self._guarded: dict[str, grpc.RpcMethodHandler] = {}

    def _requirement(self, method: str) -> str | None:
        """A role; "" for any authenticated caller; None for a public method."""
        if method.startswith(PUBLIC_PREFIXES):
            return None
        if method.startswith(AUTHENTICATED_PREFIXES):
            return ""
        return METHOD_ROLES.get(method) or self.policy.extra_roles.get(method) or "admin"

    def intercept_service(self, continuation, details):
        guarded = self._guarded.get(details.method)
        if guarded is None:
            handler = continuation(details)
            if handler is None:
                return None
            guarded = self._guard(details.method, handler)
            if len(self._guarded) < 1024:
                self._guarded[details.method] = guarded
        return guarded

    def _guard(self, method: str, handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
        need = self._requirement(method)
        if need is None:
            return handler
        streaming = handler.request_streaming or handler.response_streaming

        def admit(context) -> Caller:
            metadata = context.invocation_metadata()
            caller = identity.authenticate(context, metadata, self.policy.credentials, self.policy.allow_local,
                                           self.policy.trust_unix_peers)
            if caller is None:
                access.info("refused method=%s peer=%s: no accepted credentials", method, context.peer())
                context.abort(grpc.StatusCode.UNAUTHENTICATED,
                              "credentials required: a bearer token (authorization metadata) or a client certificate")
            if need and need not in caller.roles:
                access.info("refused method=%s caller=%s: lacks role %s", method, caller.name, need)
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"this method needs the {need} role")
            return caller

        def guard(behavior):
            if streaming:
                def stream_behavior(request, context):
                    caller = admit(context)
                    if not self.in_flight.acquire(caller.name):
                        context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED,
                                      f"at most {self.policy.per_caller} calls of one caller at a time; retry later")
                    release = _once(lambda: self.in_flight.release(caller.name))
                    if not context.add_callback(release):  # the call has already ended
                        release()
                    if not handler.response_streaming:
                        token = identity.set_current(caller)
                        try:
                            return behavior(request, context)
                        finally:
                            identity.reset_current(token)
                            release()
                    return self._responses(behavior(request, context), context, caller, method, release)
                return stream_behavior

            def unary_behavior(request, context):
                caller = admit(context)
                if not self.in_flight.acquire(caller.name):
                    context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED,
                                  f"at most {self.policy.per_caller} calls of one caller at a time; retry later")
                token = identity.set_current(caller)
                start = time.perf_counter()
                try:
                    return behavior(request, context)
                except Exception as exc:
                    if context.code() not in (None, grpc.StatusCode.OK):
                        raise  # the handler set its own status (context.abort)
                    context.abort(grpc.StatusCode.INTERNAL, internal_message(report_internal(exc, method, caller)))
                finally:
                    identity.reset_current(token)
                    self.in_flight.release(caller.name)
                    if access.isEnabledFor(logging.DEBUG):
                        code = context.code() or grpc.StatusCode.OK
                        access.debug("method=%s caller=%s code=%s ms=%.1f", method, caller.name, code.name,
                                     (time.perf_counter() - start) * 1e3)
            return unary_behavior

        return _rewrap(handler, guard)

    @staticmethod
    def _responses(responses, context, caller: Caller, method: str, release):
        """A response stream served as `caller` (who counts against the per-caller limit until it
        ends); an unexpected failure is INTERNAL with a reference id, as for unary calls."""
        token = identity.set_current(caller)
        try:
            yield from responses
        except grpc.RpcError:
            raise  # the call ended (cancelled, deadline) while the handler read its requests
        except Exception as exc:
            if context.code() not in (None, grpc.StatusCode.OK):
                raise  # the handler set its own status (context.abort)
            context.abort(grpc.StatusCode.INTERNAL, internal_message(report_internal(exc, method, caller)))
        finally:
            try:
                identity.reset_current(token)
            except ValueError:  # closed from another context (garbage collected elsewhere)
                pass
            release()


def _once(fn):
    lock, done = threading.Lock(), []

    def run():
        with lock:
            if done:
                return
            done.append(True)
        fn()
    return run


def _rewrap(handler: grpc.RpcMethodHandler, guard) -> grpc.RpcMethodHandler:
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(guard(handler.unary_unary), handler.request_deserializer,
                                                   handler.response_serializer)
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(guard(handler.unary_stream), handler.request_deserializer,
                                                    handler.response_serializer)
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(guard(handler.stream_unary), handler.request_deserializer,
                                                    handler.response_serializer)
    return grpc.stream_stream_rpc_method_handler(guard(handler.stream_stream), handler.request_deserializer,
                                                 handler.response_serializer)


class Fairness:
    """Batches never starve single decisions.

    A batch needs one of ``batch_slots`` (refused with RESOURCE_EXHAUSTED when all are taken, so a
    flood of batches cannot occupy every worker thread), and between two of its incidents it waits
    while any single-incident call is waiting or running, so an officer's Decide goes first.
    """

    def __init__(self, batch_slots: int, part_slots: int = 0):
        self.batch_slots = batch_slots
        self._slots = threading.Semaphore(batch_slots)
        # parts of batches that sibling processes admitted and spread here: each sibling sends at
        # most one part of each of its batches, so `batch_slots` x siblings of them; they never
        # take a slot of this process's own callers
        self.part_slots = part_slots
        self._parts = threading.Semaphore(part_slots)
        # batches this process had no slot for and is waiting on a sibling to decide whole (as
        # many as the siblings could take: each thread waiting on one is not serving calls here)
        self._handed = threading.Semaphore(part_slots)
        self._cond = threading.Condition()
        self._unary = 0

    def try_batch(self) -> bool:
        return self._slots.acquire(blocking=False)

    def end_batch(self) -> None:
        self._slots.release()

    def try_part(self) -> bool:
        return self._parts.acquire(blocking=False)

    def end_part(self) -> None:
        self._parts.release()

    def try_hand_over(self) -> bool:
        return self._handed.acquire(blocking=False)

    def end_hand_over(self) -> None:
        self._handed.release()

    def unary_enter(self) -> None:
        with self._cond:
            self._unary += 1

    def unary_exit(self) -> None:
        with self._cond:
            self._unary -= 1
            if not self._unary:
                self._cond.notify_all()

    def yield_to_unary(self, max_wait: float = 1.0) -> None:
        """Called by a batch between incidents: let waiting single calls run first (bounded wait)."""
        with self._cond:
            if self._unary:
                self._cond.wait_for(lambda: not self._unary, timeout=max_wait)
