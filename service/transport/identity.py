"""Who is calling: the caller of every gRPC call, from a bearer token or a client certificate.

The credentials file (``hocr serve --auth-tokens FILE``) holds one entry per line; tokens are stored
only as their SHA-256 digest, so the file is not itself a secret that grants access:

    # kind   credential                 caller name     roles
    token    sha256:<64 hex digits>     desk-ppu-07     officer,supervisor
    cert     connect-go.force.police.uk connect-go      officer

``token`` entries match the ``authorization: Bearer <token>`` metadata of a call; ``cert`` entries
match the subject common name of a verified client certificate (``--tls-client-ca``). A token, when
given, names the caller even on a connection with a certificate (a shared device, a named user).

The caller of the call being served is ``current_caller()`` (or ``caller_of(context)``): the one
place the decision log, metrics and limits read it from. It is set by the authentication
interceptor (``service.transport.interceptors``) before the handler runs.
"""
from __future__ import annotations

import contextvars
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

ROLES = frozenset({"officer", "supervisor", "auditor", "admin"})


@dataclass(frozen=True)
class Caller:
    name: str
    roles: frozenset[str]
    how: str = "token"  # token, certificate or local (plaintext on loopback without credentials)


# the caller to use when the server runs --insecure without a credentials file (a developer on
# localhost): every role, and a name that says so in the logs
LOCAL = Caller("local-unauthenticated", ROLES, "local")

_CURRENT: contextvars.ContextVar[Caller | None] = contextvars.ContextVar("hocr_caller", default=None)


def current_caller() -> Caller | None:
    """The caller of the gRPC call this thread is serving (None outside a call)."""
    return _CURRENT.get()


def caller_of(context) -> Caller | None:  # noqa: ARG001 - the grpc context, for the call's shape
    """The caller of the call whose grpc ``context`` is given (set by the auth interceptor)."""
    return _CURRENT.get()


def caller_name(context=None) -> str:
    """The name of the current call's caller, for the decision log, metrics and call logs."""
    caller = _CURRENT.get()
    return caller.name if caller is not None else "anonymous"


def set_current(caller: Caller | None):
    return _CURRENT.set(caller)


def reset_current(token) -> None:
    _CURRENT.reset(token)


class CredentialsError(ValueError):
    """The credentials file cannot be used (the message names the line, never a secret)."""


def digest(token: str) -> str:
    return "sha256:" + hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A fresh bearer token (256 bits of randomness, URL-safe)."""
    return "hocr_" + secrets.token_urlsafe(32)


def _roles(text: str, where: str) -> frozenset[str]:
    roles = frozenset(r for r in text.split(",") if r)
    unknown = roles - ROLES
    if unknown or not roles:
        raise CredentialsError(f"{where}: roles must be a comma-separated list of {', '.join(sorted(ROLES))}")
    return roles


@dataclass(frozen=True)
class Credentials:
    tokens: dict[str, Caller]  # sha256:<hex> -> caller
    certificates: dict[str, Caller]  # subject common name -> caller

    @classmethod
    def load(cls, path: Path) -> "Credentials":
        tokens: dict[str, Caller] = {}
        certs: dict[str, Caller] = {}
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            where = f"{path}:{n}"
            parts = line.split()
            if len(parts) != 4:
                raise CredentialsError(f"{where}: expected 'token|cert CREDENTIAL NAME ROLES'")
            kind, cred, name, roles = parts
            if kind == "token":
                if not (cred.startswith("sha256:") and len(cred) == 71
                        and all(c in "0123456789abcdef" for c in cred[7:])):
                    raise CredentialsError(f"{where}: a token is stored as sha256:<64 lower-case hex digits> "
                                           "(`hocr auth new-token NAME ROLES` prints one)")
                tokens[cred] = Caller(name, _roles(roles, where), "token")
            elif kind == "cert":
                certs[cred] = Caller(name, _roles(roles, where), "certificate")
            else:
                raise CredentialsError(f"{where}: unknown kind (token or cert)")
        return cls(tokens, certs)

    def by_token(self, token: str) -> Caller | None:
        want = digest(token)
        for stored, caller in self.tokens.items():  # constant time per entry
            if hmac.compare_digest(stored, want):
                return caller
        return None

    def by_certificate(self, common_name: str) -> Caller | None:
        return self.certificates.get(common_name)


def bearer(metadata) -> str | None:
    """The bearer token of a call's metadata, if any."""
    for key, value in metadata or ():
        if key == "authorization" and isinstance(value, str):
            scheme, _, token = value.partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
    return None


def certificate_name(context) -> str | None:
    """The subject common name of the verified client certificate of the call, if any."""
    try:
        auth = context.auth_context()
    except Exception:  # noqa: BLE001 - no security context on this transport
        return None
    names = auth.get("x509_common_name") or []
    return names[0].decode("utf-8", "replace") if names else None


PEER_CALLER, PEER_ROLES = "x-hocr-on-behalf-of", "x-hocr-on-behalf-roles"


def forwarded(caller: Caller) -> tuple[tuple[str, str], ...]:
    """Metadata naming the caller a server process forwards part of a batch for."""
    return ((PEER_CALLER, caller.name), (PEER_ROLES, ",".join(sorted(caller.roles))))


def _from_peer(metadata) -> Caller | None:
    md = dict((k, v) for k, v in metadata or () if isinstance(v, str))
    if PEER_CALLER not in md:
        return None
    return Caller(md[PEER_CALLER], frozenset(r for r in md.get(PEER_ROLES, "").split(",") if r in ROLES), "peer")


def authenticate(context, metadata, credentials: Credentials | None, allow_local: bool,
                 trust_unix_peers: bool = False) -> Caller | None:
    """The caller of a call, or None when it presents no credentials the server accepts.

    With `trust_unix_peers`, a call over the server processes' own unix socket (in a directory
    only the service's user can open) carries the caller it was forwarded for."""
    if trust_unix_peers and context.peer().startswith("unix:"):
        return _from_peer(metadata)
    token = bearer(metadata)
    if credentials is not None:
        if token is not None:
            return credentials.by_token(token)
        cn = certificate_name(context)
        if cn is not None:
            return credentials.by_certificate(cn) or Caller(cn, frozenset(), "certificate")
    elif (cn := certificate_name(context)) is not None:
        return Caller(cn, frozenset(), "certificate")  # verified, but no roles were mapped to it
    return LOCAL if allow_local else None
