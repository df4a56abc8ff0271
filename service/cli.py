"""hocr: decide incidents, serve the gRPC API, and check rule sets.

    hocr decide FILE|-  [--format json|text] [--edition E] [--as-of TIME]
    hocr review FILE|-  [--format text|json]
    hocr vocabulary     [--edition E] [--format text|json]
    hocr serve          [--host H] [--port P] [--workers N] [--decision-log URL] [--log-retention-days D]
                        [--metrics-port P]
    hocr queue list|show|resolve     the supervision queue (service/record)
    hocr replay --since DATE [--edition E | --rules-dir DIR]
    hocr log purge      --days D | --before DATE
    hocr rules revision [--edition E]
    hocr rules check    [--rules-dir DIR]
    hocr rules explain RULE_ID
    hocr rules coverage [--fail-under PCT]
    hocr rules import-offences CSV OUT [--nfib FRAUD.txt]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from .record import commands as record_commands
from .rulebook import RulebookError, default_rules_dir, load_editions


def _time(value: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if t.tzinfo is None:
        raise argparse.ArgumentTypeError("include a time zone, e.g. 2026-06-01T12:00:00Z")
    return t


def format_text(d: dict) -> str:
    lines = [f"Incident {d['incident_id']}: {d['outcome'].replace('_', ' ').upper()}  (edition {d['edition']})",
             f"Record by {d['record_by']}" + ("  ** DEADLINE PASSED **" if d["deadline_passed"] else "")]
    for c in d["crimes"]:
        flags = ", ".join(f["name"] + (f"={f['value']}" if f["value"] else "") for f in c["flags"])
        lines.append(f"  CRIME {c['id']}: {c['classification']} {c['ho_code']} {c['title']} - {c['offence_title']}")
        lines.append(f"    victim {c['victim'] or '-'}; offender(s) {', '.join(c['offenders']) or '-'}; "
                     f"acts {', '.join(c['acts'])}" + (f"; flags {flags}" if flags else ""))
        lines.append(f"    rules: {', '.join(c['rule_ids'])}")
        if c.get("provisional"):
            lines.append(f"    provisional: could be changed by {len(c['refined_by'])} open answer(s)")
    for a in d.get("assumptions", []):
        lines.append(f"  assumed ({a['act']}): {a['text']}  ({a['field']}; {a['citation']})")
    for n in d["negations"]:
        record = f" -> {n['incident_class']} {n['incident_code']} {n['incident_title']}" if n["incident_code"] else ""
        if n["transfer_to"]:
            record += f" -> transfer to {n['transfer_to']}"
        lines.append(f"  NOT RECORDED act {n['act']} [{n['reason_code']}] ({n['citation']}){record}")
        lines.append(f"    {n['sentence']}")
    if d["questions"]:
        lines.append("  Questions still open:")
        for q in d["questions"]:
            allowed = f" [{' / '.join(q['allowed'])}]" if q["allowed"] else ""
            lines.append(f"    - {q['text']}{allowed}  ({q['field']})")
            for i in q.get("items", []):
                allowed = f" [{' / '.join(i['allowed'])}]" if i["allowed"] else ""
                lines.append(f"        * {i['text']}{allowed}  ({i['field']})")
    for n in d["notes"]:
        lines.append(f"  note ({n['rule_id']}): {n['text']}")
    return "\n".join(lines)


def _read_json(name: str):
    """JSON from a file, or standard input for '-'; None (with a message) if it cannot be read."""
    try:
        return json.loads(sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"hocr: cannot read {name}: {exc}", file=sys.stderr)
        return None


def _refused(exc) -> int:
    """Print an invalid or undecidable request as the gRPC service would refuse it; exit code 3."""
    from .api import InvalidIncident

    if isinstance(exc, InvalidIncident):
        out = {"error": "INVALID_ARGUMENT",
               "field_violations": [{"field": f, "description": m} for f, m in exc.violations]}
    else:
        out = {"error": "FAILED_PRECONDITION", "message": str(exc)}
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 3


def cmd_decide(args) -> int:
    from .api import DecisionService, InvalidIncident, NoEdition

    raw = _read_json(args.file)
    if raw is None:
        return 2
    service = DecisionService(args.rules_dir)
    try:
        decision = service.decide(raw, edition=args.edition, as_of=args.as_of)
    except (InvalidIncident, NoEdition) as exc:
        return _refused(exc)
    d = decision.to_dict()
    if args.format == "text":
        print(format_text(d))
    else:
        print(json.dumps(d, indent=2, ensure_ascii=False))
    if args.explain:
        from .explain import explain_decision
        print(explain_decision(d, service.editions[d["edition"]]), file=sys.stderr if args.format == "json" else sys.stdout)
    return 0


def cmd_review(args) -> int:
    from .api import DecisionService, InvalidIncident, NoEdition

    raw = _read_json(args.file)
    if raw is None:
        return 2
    try:
        result = DecisionService(args.rules_dir).review(raw)
    except (InvalidIncident, NoEdition) as exc:
        return _refused(exc)
    r = result.to_dict()
    if args.format == "json":
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
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
    import datetime as _dt

    from .api import DecisionService, NoEdition
    from .vocabulary_view import describe

    service = DecisionService(args.rules_dir)
    try:
        edition = service.edition_for(_dt.datetime.now(_dt.timezone.utc), args.edition)
    except NoEdition as exc:
        print(f"hocr: {exc}", file=sys.stderr)
        return 3
    v = describe(edition)
    if args.format == "json":
        print(json.dumps(v, indent=2, ensure_ascii=False))
        return 0
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


def cmd_serve(args) -> int:
    from .server import serve

    serve(args.host, args.port, args.workers, args.rules_dir, **record_commands.serve_options(args))
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
    from .coverage import classification_groups
    from .explain import load_coverage

    cov = load_coverage(Path(args.coverage))
    missing: list[str] = []
    warned = 0
    for e in editions.values():
        e.engine()  # the compiled ruleset must also be accepted by durable-rules
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
    if warned:
        print(f"{warned} warning(s)" + (": failing because of --strict" if args.strict else ""))
        if args.strict:
            return 1
    print("ok")
    return 0


def cmd_rules_coverage(args) -> int:
    from .coverage import report
    from .explain import load_coverage

    cov = load_coverage(Path(args.coverage))
    if cov is None:
        print(f"hocr: no coverage at {args.coverage}: run the feature suite first (make test)", file=sys.stderr)
        return 1
    res = report(load_editions(args.rules_dir or default_rules_dir()), cov)
    print("\n".join(res.lines))
    failed = False
    if args.fail_under is not None and res.share < args.fail_under:
        print(f"FAIL: rule coverage {res.share:.1f}% is under {args.fail_under}%; no scenario fires: "
              + ", ".join(res.uncovered_rules), file=sys.stderr)
        failed = True
    if res.uncovered_classifications:
        print("FAIL: classifications a rule can produce but no scenario records: "
              + ", ".join(res.uncovered_classifications), file=sys.stderr)
        failed = True
    return 1 if failed else 0


def cmd_rules_report(args) -> int:
    from .report import write

    n, out = write(Path(args.cucumber_json), Path(args.out))
    print(f"wrote {out} ({n} scenarios)")
    return 0


def cmd_rules_explain(args) -> int:
    from .explain import explain_rule, load_coverage

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
    from .offence_table import write

    n = write(Path(args.csv), Path(args.out), Path(args.nfib) if args.nfib else None)
    print(f"wrote {n} offence codes to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hocr", description="Home Office Crime Recording Rules decision service")
    parser.add_argument("--rules-dir", type=Path, default=None, help="rules folder (default: bundled rules/)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("decide", help="decide one incident (JSON) and print the decision")
    p.add_argument("file", help="incident JSON file, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--edition", default=None, help="decide under this edition (default: in force on the report date)")
    p.add_argument("--as-of", type=_time, default=None, help="judge the deadline at this time (default: now)")
    p.add_argument("--explain", action="store_true",
                   help="also say which rules fired on which facts, which were overridden, and what each cites")
    p.set_defaults(func=cmd_decide)

    p = sub.add_parser("review", help="may a recorded crime be transferred (C1), cancelled (C2-C5) or reclassified?")
    p.add_argument("file", help="review request JSON file, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("vocabulary", help="the act types, attributes, questions and answers of an edition")
    p.add_argument("--edition", default=None, help="default: the edition in force today")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(func=cmd_vocabulary)

    p = sub.add_parser("serve", help="run the gRPC server")
    p.add_argument("--host", default="[::]")
    p.add_argument("--port", type=int, default=50051)
    p.add_argument("--workers", type=int, default=4)
    record_commands.add_serve_options(p)
    p.set_defaults(func=cmd_serve)

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
    p.set_defaults(func=cmd_rules_coverage)
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

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
