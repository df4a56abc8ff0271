# PYTHON_ARGCOMPLETE_OK
"""hocr: decide incidents, serve the gRPC API, and check rule sets.

    hocr decide FILE|-  [--format json|text] [--edition E] [--as-of TIME] [--processes N] [--[no-]progress]
    hocr review FILE|-  [--format text|json]
    hocr vocabulary     [--edition E] [--format text|json]
    hocr serve          --insecure | --tls-cert F --tls-key F [--tls-client-ca F]  [--auth-tokens F]
                        [--host H] [--port P] [--processes N] [--workers N] [--drain-seconds S] ...
    hocr auth new-token NAME ROLES
    hocr health         [--port P] [--tls-ca F --server-name N]
    hocr queue list|show|resolve     the supervision queue (service/record)
    hocr replay --since DATE [--edition E | --rules-dir DIR]
    hocr log purge      --days D | --before DATE
    hocr rules revision [--edition E]
    hocr rules check    [--rules-dir DIR]
    hocr rules explain RULE_ID
    hocr rules coverage [--fail-under PCT] | --by-page [--out docs/coverage-by-page.md]
    hocr rules fmt [--check] [PATHS]
    hocr rules import-offences CSV OUT [--nfib FRAUD.txt]
    hocr audit run|rate|implied-n|sample|generate|demo   (see service/audit/cli.py)
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

import argcomplete
import grpc
from google.protobuf import json_format
from grpc_health.v1 import health_pb2, health_pb2_grpc

from .. import version
from ..api import DecisionService, NoEdition
from ..audit.cli import register as register_audit
from ..contract.vocabulary import describe
from ..engine.runtime import engine_of
from ..explain import explain_rule, load_coverage
from ..gen.hocr.v1 import hocr_pb2 as pb
from ..offence_table import write as write_offence_table
from ..report import write as write_report
from ..rules.coverage import classification_groups, unread_example_columns
from ..rules.coverage import report as coverage_report
from ..rules.coverage_pages import render as render_pages
from ..rules.fmt import run as format_rules
from ..rules.load import default_rules_dir, load_editions
from ..rules.problems import RulebookError
from . import decide_cli, pbjson
from . import record_cli as record_commands
from .grpc_server import BindError, Keepalive, Limits, Security, ServeOptions, Servicer, serve
from .identity import ROLES, Credentials, CredentialsError, digest, new_token
from .ops import CallError, Operations
from .wire import bad_request


def _time(value: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if t.tzinfo is None:
        raise argparse.ArgumentTypeError("include a time zone, e.g. 2026-06-01T12:00:00Z")
    return t


def _read_json(name: str):
    """JSON from a file, or standard input for '-'; None (with a message) if it cannot be read."""
    try:
        return json.loads(sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"hocr: cannot read {name}: {exc}", file=sys.stderr)
        return None


def cmd_review(args) -> int:
    """A ReviewCrimeRequest in the protobuf JSON mapping, reviewed as the HTTP door's /v1/review does."""
    raw = _read_json(args.file)
    if raw is None:
        return 2
    req, violations = pbjson.parse(raw, pb.ReviewCrimeRequest)
    try:
        if violations:
            raise CallError(bad_request(violations, pbjson.summary(violations)))
        result = decide_cli.Decider(decide_cli.Options(rules_dir=args.rules_dir)).ops.review(req)
    except CallError as exc:
        err = pbjson.status_dict(exc.status)
        print(f"hocr review: {err['status']}: {exc.status.message}", file=sys.stderr)
        print(json.dumps(err, indent=2, ensure_ascii=False))
        return 3
    if args.format == "json":
        print(pbjson.to_json(result, indent=2))
        return 0
    r = json_format.MessageToDict(result, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)
    verdict = "ALLOWED" if r["allowed"] else "NOT ALLOWED"
    print(f"{r['action']} {r['code']} of crime {r['crime']}: {verdict}  (edition {r['edition']})")
    for p in r["permits"]:
        print(f"  permitted by {p['rule_id']} ({p['citation']}): {p['text']}")
    for n in r["refusals"]:
        print(f"  REFUSED [{n['reason_code']}] ({n['citation']}): {n['sentence']}")
    for q in r["questions"]:
        allowed = f" [{' / '.join(q['allowed'])}]" if q["allowed"] else ""
        print(f"  still to answer: {q['text']}{allowed}  ({q['field']})")
    if r["new_classification"]:
        print(f"  the incident as now known is classified {r['new_classification']}")
    return 0


def cmd_vocabulary(args) -> int:

    service = DecisionService(args.rules_dir)
    try:
        edition = service.edition_for(dt.datetime.now(dt.timezone.utc), args.edition)
    except NoEdition as exc:
        print(f"hocr: {exc}", file=sys.stderr)
        return 3
    if args.format == "json":  # the Vocabulary as DescribeVocabulary and GET /v1/vocabulary give it

        req = pb.DescribeVocabularyRequest(edition=edition.name)
        print(pbjson.to_json(Operations(Servicer(service)).vocabulary(req), indent=2))
        return 0
    v = describe(edition)
    print(f"Vocabulary of edition {v['edition']}")
    for t in v["act_types"]:
        print(f"\nact type {t['name']}: {t['label']}")
        for a in t["attributes"]:
            allowed = " / ".join(x["name"] for x in a["values"]) or a["kind"]
            print(f"  {a['name']} [{allowed}]\n    {a['question']}")
    for section in ("person_attributes", "incident_attributes"):
        print(f"\n{section.replace('_', ' ')}:")
        for a in v[section]:
            allowed = " / ".join(x["name"] for x in a["values"]) or a["kind"]
            print(f"  {a['name']} [{allowed}]\n    {a['question']}")
    for section in ("relationship_kinds", "reporter_roles", "channels", "places", "flags"):
        print(f"\n{section.replace('_', ' ')}: " + ", ".join(t["name"] for t in v[section]))
    return 0


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("a port is a whole number from 1 to 65535") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a whole number from 1 to 65535, not {port}")
    return port


def _positive(kind):
    def parse(value: str):
        try:
            v = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a {kind.__name__}") from None
        if not v > 0 or v == float("inf"):  # NaN and infinity are no limits
            raise argparse.ArgumentTypeError("must be a finite number more than 0")
        return v
    return parse


def cmd_serve(args) -> int:
    def fail(msg: str) -> int:
        print(f"hocr serve: {msg}", file=sys.stderr)
        return 2

    if args.insecure and (args.tls_cert or args.tls_key or args.tls_client_ca):
        return fail("--insecure and --tls-* exclude each other")
    if not args.insecure:
        if not (args.tls_cert and args.tls_key):
            return fail("give --tls-cert and --tls-key to serve over TLS, or --insecure for plaintext "
                        "(then only on 127.0.0.1 unless --host says otherwise)")
        if not args.auth_tokens:
            return fail("over TLS every caller must be identified and given roles: give --auth-tokens FILE "
                        "(its token lines for bearer tokens, its cert lines for --tls-client-ca certificates)")
    try:
        security = None if args.insecure else Security.from_files(args.tls_cert, args.tls_key, args.tls_client_ca)
        if args.auth_tokens:
            Credentials.load(args.auth_tokens)  # refuse a bad file now, before any process starts
    except (OSError, CredentialsError) as exc:
        return fail(str(exc))
    host = args.host or ("127.0.0.1" if args.insecure else "[::]")
    limits = Limits(call_seconds=args.call_seconds, batch_seconds=args.batch_seconds,
                    per_caller=args.per_caller_calls, batch_slots=args.batch_slots,
                    stream_idle_seconds=args.stream_idle_seconds)
    opts = ServeOptions(host=host, port=args.port, workers=args.workers, processes=args.processes or decide_cli.cores(),
                        rules_dir=args.rules_dir, security=security, auth_tokens=args.auth_tokens,
                        insecure=args.insecure, drain_seconds=args.drain_seconds, reflection=not args.no_reflection,
                        limits=limits, keepalive=Keepalive(idle_seconds=args.idle_seconds),
                        health_port=args.health_port, http_port=args.http_port,
                        tls_files=None if args.insecure else (str(args.tls_cert), str(args.tls_key),
                                                              str(args.tls_client_ca) if args.tls_client_ca else None),
                        **record_commands.serve_options(args))
    try:
        return serve(opts)
    except BindError as exc:
        return fail(str(exc))


def _from_environment(parser: argparse.ArgumentParser) -> None:
    """Every option of `hocr serve` may come from an HOCR_<OPTION> environment variable (HOCR_PORT,
    HOCR_TLS_CERT, HOCR_INSECURE=1 ...): the flag wins, then the variable, then the default. Each
    option's help says its default and its variable."""

    for action in parser._actions:
        if not action.option_strings or action.dest == "help":
            continue
        env = "HOCR_" + action.dest.upper()
        raw = os.environ.get(env)
        if raw is not None and raw != "":
            if action.nargs == 0:  # a switch
                action.default = raw.strip().lower() in ("1", "true", "yes", "on")
            else:
                try:
                    action.default = action.type(raw) if action.type else raw
                except (argparse.ArgumentTypeError, ValueError) as exc:
                    parser.error(f"{env}={raw!r}: {exc}")
        shown = "off" if action.nargs == 0 else action.default
        action.help = f"{action.help or ''} [default: {shown}; env {env}]".strip()


def cmd_health(args) -> int:
    """Exit 0 when the local server reports SERVING (for container health checks)."""

    target = f"127.0.0.1:{args.port}"
    if args.tls_ca:
        creds = grpc.ssl_channel_credentials(root_certificates=args.tls_ca.read_bytes())
        opts = [("grpc.ssl_target_name_override", args.server_name)] if args.server_name else []
        channel = grpc.secure_channel(target, creds, options=opts)
    else:
        channel = grpc.insecure_channel(target)
    try:
        with channel:
            r = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service="hocr.v1.DecisionService"), timeout=args.timeout)
    except grpc.RpcError as exc:
        print(f"hocr health: {exc.code().name}", file=sys.stderr)
        return 1
    name = health_pb2.HealthCheckResponse.ServingStatus.Name(r.status)
    print(name)
    return 0 if r.status == health_pb2.HealthCheckResponse.SERVING else 1


def cmd_auth_new_token(args) -> int:
    roles = [r for r in args.roles.split(",") if r]
    if not roles or set(roles) - ROLES:
        print(f"hocr auth: roles are a comma-separated list of {', '.join(sorted(ROLES))}", file=sys.stderr)
        return 2
    token = new_token()
    print(f"# give this token to {args.name} (it is shown once and not stored):", file=sys.stderr)
    print(f"#   {token}", file=sys.stderr)
    print("# and add this line to the --auth-tokens file:", file=sys.stderr)
    print(f"token {digest(token)} {args.name} {','.join(roles)}")
    return 0


def cmd_rules_check(args) -> int:
    rules_dir = args.rules_dir or default_rules_dir()
    try:
        editions = load_editions(rules_dir, lint=True)
    except RulebookError as exc:
        for p in exc.problems:
            print(f"error: {p}", file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
        return 1

    cov = load_coverage(Path(args.coverage))
    missing: list[str] = []
    warned = 0
    for e in editions.values():
        engine_of(e)  # the compiled ruleset must also be accepted by durable-rules
        print(f"edition {e.name}: {len(e.rules)} rules, in force from {e.in_force_from}")
        for w in e.warnings:
            print(f"warning: {w}", file=sys.stderr)
        warned += len(e.warnings)
        if cov is not None:
            lines, m = classification_groups(e, cov)
            print("\n".join(lines))
            missing += [f"{e.name}: {k}" for k in m]
    if cov is None:
        print(f"(no scenario coverage at {args.coverage} yet: `make test` writes it)")
    if missing:
        print("error: classifications a rule can produce but no scenario records: " + ", ".join(missing),
              file=sys.stderr)
        return 1

    features = Path(rules_dir).parent / "features"  # the scenarios beside the rules, if any
    unread = unread_example_columns(features) if features.is_dir() else []
    for u in unread:
        print(f"error: {u}: an Examples column that no step of the outline reads", file=sys.stderr)
    if unread:
        return 1
    if warned:
        print(f"{warned} warning(s)" + (": failing because of --strict" if args.strict else ""))
        if args.strict:
            return 1
    print("ok")
    return 0


def cmd_rules_coverage(args) -> int:
    if args.by_page:  # from the rules and the register alone: no feature run needed

        text = render_pages(load_editions(args.rules_dir or default_rules_dir())) + "\n"
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
            print(f"wrote {args.out}")
        else:
            print(text, end="")
        return 0
    cov = load_coverage(Path(args.coverage))
    if cov is None:
        print(f"hocr: no coverage at {args.coverage}: run the feature suite first (make test)", file=sys.stderr)
        return 1
    res = coverage_report(load_editions(args.rules_dir or default_rules_dir()), cov)
    print("\n".join(res.lines))
    failed = False
    if args.fail_under is not None and res.share < args.fail_under:
        print(f"FAIL: rule coverage {res.share:.1f}% is under {args.fail_under}%; no scenario asserts the effect of: "
              + ", ".join(res.uncovered_rules), file=sys.stderr)
        failed = True
    if res.uncovered_classifications:
        print("FAIL: classifications a rule can produce but no scenario records: "
              + ", ".join(res.uncovered_classifications), file=sys.stderr)
        failed = True
    return 1 if failed else 0


def cmd_rules_fmt(args) -> int:
    paths = [Path(p) for p in args.paths] or [args.rules_dir or default_rules_dir()]
    changed, problems = format_rules(paths, check=args.check)
    for f in changed:
        print(("would reformat " if args.check else "reformatted ") + str(f))
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    if args.check and changed:
        print(f"{len(changed)} file(s) not in the canonical layout: run `hocr rules fmt`", file=sys.stderr)
    return 1 if problems or (args.check and changed) else 0


def cmd_rules_report(args) -> int:
    n, out = write_report(Path(args.cucumber_json), Path(args.out))
    print(f"wrote {out} ({n} scenarios)")
    return 0


def cmd_rules_explain(args) -> int:
    rules_dir = args.rules_dir or default_rules_dir()
    editions = load_editions(rules_dir)
    names = [args.edition] if args.edition else sorted(editions)
    coverage = load_coverage(Path(args.coverage))
    found, last_error = False, f"no rule {args.rule_id!r} in any edition"
    for name in names:
        if name not in editions:
            print(f"hocr: unknown edition {name!r}", file=sys.stderr)
            return 3
        try:
            print(explain_rule(editions[name], args.rule_id, coverage))
            found = True
        except KeyError as exc:
            last_error = exc.args[0]
    if not found:
        print(f"hocr: {last_error}", file=sys.stderr)
        return 3
    return 0


def cmd_import_offences(args) -> int:
    n = write_offence_table(Path(args.csv), Path(args.out), Path(args.nfib) if args.nfib else None)
    print(f"wrote {n} offence codes to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="hocr", description="Home Office Crime Recording Rules decision service",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 done; 1 a check failed (rules check, coverage, health); 2 bad usage or "
               "unreadable input; 3 the request was refused (INVALID_ARGUMENT, FAILED_PRECONDITION: "
               "printed as JSON); 4 the rules could not be loaded (e.g. HOCR_RULES_DIR)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    parser.add_argument("--rules-dir", type=Path, default=None, help="rules folder (default: bundled rules/)")
    sub = parser.add_subparsers(dest="command", required=True)

    decide_cli.add_parser(sub, _time, _positive(int))  # hocr decide: one incident, an array or JSON Lines

    p = sub.add_parser("review", help="may a recorded crime be transferred (C1), cancelled (C2-C5) or reclassified?")
    p.add_argument("file", help="a ReviewCrimeRequest (protobuf JSON mapping, either name style), or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="text",
                   help="text (default), or json: the ReviewCrimeResponse as POST /v1/review answers it")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("vocabulary", help="the act types, attributes, questions and answers of an edition")
    p.add_argument("--edition", default=None, help="default: the edition in force today")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(func=cmd_vocabulary)

    p = sub.add_parser("serve", help="run the gRPC server")
    p.add_argument("--insecure", action="store_true",
                   help="plaintext, no TLS (listens on 127.0.0.1 unless --host says otherwise)")
    p.add_argument("--tls-cert", type=Path, help="PEM certificate chain of the server")
    p.add_argument("--tls-key", type=Path, help="PEM private key of the server")
    p.add_argument("--tls-client-ca", type=Path, help="PEM CA bundle: require client certificates it signed (mTLS)")
    p.add_argument("--auth-tokens", type=Path,
                   help="credentials file: hashed bearer tokens and certificate names, each with caller and roles")
    p.add_argument("--host", default=None, help="default: [::] with TLS, 127.0.0.1 with --insecure")
    p.add_argument("--port", type=_port, default=50051)
    p.add_argument("--processes", type=_positive(int), default=None,
                   help="server processes on the one port, each with its own engine (default: the number of cores)")
    p.add_argument("--workers", type=_positive(int), default=8,
                   help="threads per process for calls (with --processes N, one more for each part of a "
                        "sibling's batch it may decide at once)")
    p.add_argument("--drain-seconds", type=float, default=10.0,
                   help="after SIGTERM: NOT_SERVING at once, keep serving this long, then stop")
    p.add_argument("--no-reflection", action="store_true", help="do not offer server reflection")
    p.add_argument("--call-seconds", type=_positive(float), default=10.0, help="time limit of one decision")
    p.add_argument("--batch-seconds", type=_positive(float), default=120.0, help="time limit of one DecideBatch")
    p.add_argument("--batch-slots", type=_positive(int), default=2, help="batches in flight per process")
    p.add_argument("--stream-idle-seconds", type=_positive(float), default=30.0,
                   help="end a DecideStream that sends no request for this long (DEADLINE_EXCEEDED; frees its slot)")
    p.add_argument("--per-caller-calls", type=_positive(int), default=32, help="calls of one caller in flight per process")
    p.add_argument("--idle-seconds", type=_positive(float), default=300.0, help="close connections idle this long")
    p.add_argument("--health-port", type=_port, default=None,
                   help="also serve grpc.health.v1 alone, in plaintext, on this port (for kubelet and container probes)")
    p.add_argument("--http-port", type=_port, default=None,
                   help="also serve the HTTP/JSON door on this port (same TLS and tokens; /openapi.json)")
    record_commands.add_serve_options(p)
    _from_environment(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("health", help="is the server on this host SERVING? (exit 0 if so; for health checks)")
    p.add_argument("--port", type=_port, default=50051)
    p.add_argument("--tls-ca", type=Path, help="CA (or the server's own certificate) to verify a TLS server with")
    p.add_argument("--server-name", default=None, help="a name in the server's certificate (default: 127.0.0.1)")
    p.add_argument("--timeout", type=float, default=3.0)
    p.set_defaults(func=cmd_health)

    auth = sub.add_parser("auth", help="credentials for the server").add_subparsers(dest="auth_command", required=True)
    p = auth.add_parser("new-token", help="make a bearer token; prints the line for the --auth-tokens file")
    p.add_argument("name", help="the caller's name (in logs, limits and the decision log)")
    p.add_argument("roles", help="comma-separated: officer, supervisor, auditor, admin")
    p.set_defaults(func=cmd_auth_new_token)

    rules = sub.add_parser("rules", help="work with rule sets").add_subparsers(dest="rules_command", required=True)
    p = rules.add_parser("check", help="load, check and compile every edition")
    p.add_argument("--coverage", default="reports/rule-coverage.json",
                   help="scenario coverage of the last feature run (classifications without a scenario fail)")
    p.add_argument("--strict", action="store_true", help="warnings (e.g. conflicting classifications) fail too")
    p.set_defaults(func=cmd_rules_check)
    p = rules.add_parser("coverage", help="reference paragraph x rule x scenario, from the last feature run")
    p.add_argument("--coverage", default="reports/rule-coverage.json")
    p.add_argument("--fail-under", type=float, default=None, metavar="PCT",
                   help="fail when the share of rules exercised by scenarios is under PCT")
    p.add_argument("--by-page", action="store_true",
                   help="coverage by page and section of each source (which pages no rule cites), as Markdown")
    p.add_argument("--out", default=None, help="with --by-page: write it here (docs/coverage-by-page.md)")
    p.set_defaults(func=cmd_rules_coverage)
    p = rules.add_parser("fmt", help="put rule files in the canonical key order and layout (comments kept)")
    p.add_argument("paths", nargs="*", help="files or folders (default: the rules folder)")
    p.add_argument("--check", action="store_true", help="change nothing; list files that would change, exit 1")
    p.set_defaults(func=cmd_rules_fmt)
    p = rules.add_parser("report", help="a readable HTML report of a feature run (from Cucumber JSON)")
    p.add_argument("cucumber_json", nargs="?", default="reports/cucumber.json")
    p.add_argument("out", nargs="?", default="reports/features.html")
    p.set_defaults(func=cmd_rules_report)
    p = rules.add_parser("explain", help="a rule in plain words: what it looks at, does, cites and overrides")
    p.add_argument("rule_id")
    p.add_argument("--edition", default=None)
    p.add_argument("--coverage", default="reports/rule-coverage.json",
                   help="rule coverage of the last feature run, to list the scenarios of the rule")
    p.set_defaults(func=cmd_rules_explain)
    p = rules.add_parser("import-offences", help="turn the Home Office offence list CSV into a code table")
    p.add_argument("csv")
    p.add_argument("out")
    p.add_argument("--nfib", default=None, help="text of the Home Office fraud pages: adds the NFIB classes and their codes")
    p.set_defaults(func=cmd_import_offences)
    record_commands.add_rules_revision(rules)
    record_commands.add_commands(sub)  # log purge, queue list|show|resolve, replay

    register_audit(sub)

    argcomplete.autocomplete(parser)  # shell completion: eval "$(register-python-argcomplete hocr)"
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `hocr decide ... | head`: the reader has gone; not an error of ours

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except RulebookError as exc:  # e.g. HOCR_RULES_DIR naming a folder without rules: say so, no traceback
        print(f"hocr: the rules could not be loaded:\n{exc}", file=sys.stderr)
        return 4
    except FileNotFoundError as exc:
        print(f"hocr: {exc.strerror}: {exc.filename}", file=sys.stderr)
        return 4


if __name__ == "__main__":
    sys.exit(main())
