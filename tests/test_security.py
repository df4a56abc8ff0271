"""Transport security and caller identity, over real TLS channels with certificates made here."""
from __future__ import annotations

import datetime as dt
import ipaddress

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from grpc_health.v1 import health_pb2, health_pb2_grpc

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.transport import identity
from service.transport.grpc_server import Security, create_server
from service.transport.identity import Credentials, CredentialsError, digest
from service.transport.interceptors import Policy

from .test_server import incident

pytestmark = pytest.mark.integration
WHO = "/hocr.test.Who/Who"


def _key():
    return ec.generate_private_key(ec.SECP256R1())


def _pem_key(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _cert(cn: str, key, issuer_cert=None, issuer_key=None, ca: bool = False, server: bool = False) -> x509.Certificate:
    now = dt.datetime.now(dt.timezone.utc)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    b = (x509.CertificateBuilder().subject_name(name)
         .issuer_name(issuer_cert.subject if issuer_cert else name)
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if server:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                         x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                            critical=False)
    return b.sign(issuer_key or key, hashes.SHA256())


def _pem(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def pki():
    ca_key = _key()
    ca = _cert("hocr test CA", ca_key, ca=True)
    server_key = _key()
    server = _cert("localhost", server_key, ca, ca_key, server=True)
    out = {"ca": _pem(ca), "server": (_pem(server), _pem_key(server_key))}
    for cn in ("connect-go.test", "unmapped.test"):
        k = _key()
        out[cn] = (_pem(_cert(cn, k, ca, ca_key)), _pem_key(k))
    rogue_key = _key()
    rogue_ca = _cert("rogue CA", rogue_key, ca=True)
    k = _key()
    out["rogue"] = (_pem(_cert("connect-go.test", k, rogue_ca, rogue_key)), _pem_key(k))
    return out


TOKENS = {"officer": "tok-officer-0123456789", "auditor": "tok-auditor-0123456789"}


@pytest.fixture(scope="module")
def credentials_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("auth") / "tokens"
    path.write_text("# test credentials\n"
                    f"token {digest(TOKENS['officer'])} desk-ppu-07 officer,supervisor\n"
                    f"token {digest(TOKENS['auditor'])} audit-team auditor\n"
                    "cert connect-go.test connect-go officer\n", encoding="utf-8")
    return path


def _who_handler():
    """A method that answers with the name of the caller the interceptor identified."""
    def who(_request: bytes, _context) -> bytes:
        caller = identity.current_caller()
        assert identity.caller_of(_context) is caller and identity.caller_name(_context) == caller.name
        return f"{caller.name}|{','.join(sorted(caller.roles))}|{caller.how}".encode()
    return grpc.method_handlers_generic_handler("hocr.test.Who", {"Who": grpc.unary_unary_rpc_method_handler(who)})


def _serve(service, pki, credentials_file, mtls: bool):
    security = Security(*pki["server"], client_ca=pki["ca"] if mtls else None)
    policy = Policy(credentials=Credentials.load(credentials_file), extra_roles={WHO: "officer"})
    server, port = create_server("127.0.0.1:0", service, workers=4, extra_handlers=[_who_handler()],
                                 security=security, policy=policy)
    server.start()
    return server, port


@pytest.fixture(scope="module")
def tls_port(service, pki, credentials_file):
    server, port = _serve(service, pki, credentials_file, mtls=False)
    yield port
    server.stop(grace=None)


@pytest.fixture(scope="module")
def mtls_port(service, pki, credentials_file):
    server, port = _serve(service, pki, credentials_file, mtls=True)
    yield port
    server.stop(grace=None)


def _channel(port, pki, client: str | None = None):
    cert, key = pki[client] if client else (None, None)
    creds = grpc.ssl_channel_credentials(root_certificates=pki["ca"], private_key=key, certificate_chain=cert)
    return grpc.secure_channel(f"localhost:{port}", creds)


def _bearer(token: str):
    return (("authorization", f"Bearer {token}"),)


def test_tls_call_with_officer_token_is_decided_and_names_the_caller(tls_port, pki):
    with _channel(tls_port, pki) as ch:
        d = pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident()),
                                                   metadata=_bearer(TOKENS["officer"])).decision
        assert d.crimes[0].classification == "8N"
        who = ch.unary_unary(WHO)(b"", metadata=_bearer(TOKENS["officer"]))
        assert who == b"desk-ppu-07|officer,supervisor|token"


def test_tls_call_without_credentials_is_unauthenticated(tls_port, pki):
    with _channel(tls_port, pki) as ch:
        with pytest.raises(grpc.RpcError) as err:
            pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident()))
        assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
        with pytest.raises(grpc.RpcError) as err:
            pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident()),
                                                   metadata=_bearer("not-a-token-we-issued"))
        assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_a_caller_without_the_role_is_permission_denied(tls_port, pki):
    with _channel(tls_port, pki) as ch:
        stub = pb_grpc.DecisionServiceStub(ch)
        for call, req in ((stub.Decide, pb.DecideRequest(incident=incident())),
                          (stub.DecideBatch, pb.DecideBatchRequest()),
                          (stub.DescribeVocabulary, pb.DescribeVocabularyRequest()),
                          (stub.ReviewCrime, pb.ReviewCrimeRequest())):
            with pytest.raises(grpc.RpcError) as err:
                call(req, metadata=_bearer(TOKENS["auditor"]))
            assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_health_needs_no_credentials(tls_port, pki):
    with _channel(tls_port, pki) as ch:
        status = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest()).status
        assert status == health_pb2.HealthCheckResponse.SERVING


def test_plaintext_client_cannot_talk_to_a_tls_server(tls_port):
    with grpc.insecure_channel(f"127.0.0.1:{tls_port}") as ch:
        with pytest.raises(grpc.RpcError) as err:
            pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident()),
                                                   metadata=_bearer(TOKENS["officer"]), timeout=5)
        assert err.value.code() == grpc.StatusCode.UNAVAILABLE


def test_mtls_client_certificate_names_the_caller(mtls_port, pki):
    with _channel(mtls_port, pki, "connect-go.test") as ch:
        assert ch.unary_unary(WHO)(b"") == b"connect-go|officer|certificate"
        d = pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident())).decision
        assert d.crimes[0].classification == "8N"


def test_mtls_refuses_a_client_without_a_certificate_or_with_a_foreign_one(mtls_port, pki):
    for client in (None, "rogue"):
        with _channel(mtls_port, pki, client) as ch:
            with pytest.raises(grpc.RpcError) as err:
                pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident()), timeout=5)
            assert err.value.code() == grpc.StatusCode.UNAVAILABLE


def test_mtls_certificate_without_roles_is_permission_denied(mtls_port, pki):
    with _channel(mtls_port, pki, "unmapped.test") as ch:
        with pytest.raises(grpc.RpcError) as err:
            pb_grpc.DecisionServiceStub(ch).Decide(pb.DecideRequest(incident=incident()))
        assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_credentials_file_keeps_only_digests_and_refuses_plain_tokens(tmp_path):
    bad = tmp_path / "t"
    bad.write_text("token tok-officer-0123456789 desk officer\n")
    with pytest.raises(CredentialsError) as err:
        Credentials.load(bad)
    assert "tok-officer" not in str(err.value)
    bad.write_text(f"token {digest('x')} desk sergeant\n")
    with pytest.raises(CredentialsError):
        Credentials.load(bad)


def test_serve_refuses_plaintext_without_insecure_and_tls_without_a_way_to_identify_callers(tmp_path):
    from service.transport.cli import main

    assert main(["serve", "--port", "50999"]) == 2
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x")
    key.write_text("x")
    assert main(["serve", "--tls-cert", str(cert), "--tls-key", str(key), "--port", "50999"]) == 2


@pytest.mark.parametrize("port", ["0", "99999", "-1", "http"])
def test_serve_refuses_a_port_outside_1_to_65535(port, capsys):
    from service.transport.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--insecure", "--port", port])
    assert exit_.value.code == 2 and "1 to 65535" in capsys.readouterr().err


def test_health_command_checks_a_tls_server(tls_port, pki, tmp_path, capsys):
    from service.transport.cli import main

    ca = tmp_path / "ca.pem"
    ca.write_bytes(pki["ca"])
    assert main(["health", "--port", str(tls_port), "--tls-ca", str(ca), "--server-name", "localhost"]) == 0
    assert capsys.readouterr().out.strip() == "SERVING"
