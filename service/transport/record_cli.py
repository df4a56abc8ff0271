"""The record's commands for the hocr CLI: serve options (decision log, retention, metrics port),
`hocr rules revision`, `hocr log purge`, `hocr queue list|show|resolve` and `hocr replay`.

service/transport/cli.py calls :func:`add_serve_options`, :func:`add_rules_revision` and :func:`add_commands`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path

from ..api import DecisionService
from ..contract.incident import InvalidIncident
from ..record.log import LogUnavailable, RecordError, open_store
from ..record.replay import replay
from ..record.supervision import Policy, Queue
from ..rules.load import default_rules_dir, load_editions
from ..rules.problems import RulebookError

DEFAULT_LOG = "sqlite:///var/decision-log.db"
UTC = dt.timezone.utc


def _default_log() -> str:
    return os.environ.get("HOCR_DECISION_LOG", DEFAULT_LOG)


def _when(value: str) -> dt.datetime:
    """A date (2026-06-01: midnight UTC) or a time with a zone."""
    try:
        t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError("a date such as 2026-06-01 or a time such as 2026-06-01T12:00:00Z") from None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


# ------------------------------------------------------------------------------------ serve


def add_serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--decision-log", default=os.environ.get("HOCR_DECISION_LOG"), metavar="URL",
                   help="keep every decision: sqlite:///PATH or postgresql://... (default: $HOCR_DECISION_LOG; "
                        "none: nothing is kept)")
    p.add_argument("--log-retention-days", type=float, default=None, metavar="DAYS",
                   help="purge decision log entries older than this (checked hourly; default: keep all)")
    p.add_argument("--metrics-port", type=int, default=None, metavar="PORT",
                   help="serve Prometheus metrics on http://HOST:PORT/metrics (process i of N on PORT+i)")
    p.add_argument("--metrics-host", default="127.0.0.1", metavar="HOST",
                   help="the address the metrics listen on (default 127.0.0.1: this host only; they are "
                        "plaintext and name the callers, so 0.0.0.0 or an interface only for a scraper that "
                        "needs it)")


def serve_options(args) -> dict:
    return {"decision_log": args.decision_log, "retention_days": args.log_retention_days,
            "metrics_port": args.metrics_port, "metrics_host": args.metrics_host}


# ------------------------------------------------------------------------------------ rules revision


def add_rules_revision(rules) -> None:
    p = rules.add_parser("revision", help="the revision (digest of the rule and data files) of each edition")
    p.add_argument("--edition", default=None)
    p.set_defaults(func=cmd_rules_revision)


def cmd_rules_revision(args) -> int:
    editions = load_editions(args.rules_dir or default_rules_dir())
    if args.edition and args.edition not in editions:
        print(f"hocr: unknown edition {args.edition!r}; known: {', '.join(sorted(editions))}", file=sys.stderr)
        return 3
    for name in [args.edition] if args.edition else sorted(editions):
        print(f"{name} {editions[name].revision}")
    return 0


# ------------------------------------------------------------------------------------ log, queue, replay


def _log_arg(p) -> None:
    p.add_argument("--decision-log", default=None, metavar="URL",
                   help=f"the decision log (default: $HOCR_DECISION_LOG or {DEFAULT_LOG})")


def _store(args):
    return open_store(args.decision_log or _default_log())


def add_commands(sub) -> None:
    log = sub.add_parser("log", help="the decision log").add_subparsers(dest="log_command", required=True)
    p = log.add_parser("purge", help="delete entries received before a time (retention)")
    _log_arg(p)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--days", type=float, help="older than this many days")
    g.add_argument("--before", type=_when, help="received before this date or time")
    p.set_defaults(func=cmd_log_purge)

    queue = sub.add_parser("queue", help="the supervision queue").add_subparsers(dest="queue_command", required=True)
    p = queue.add_parser("list", help="what a supervisor must look at, oldest first")
    _log_arg(p)
    p.add_argument("--kind", default="", help="n_record, negation, provisional, non_crime_flag or deadline")
    p.add_argument("--caller", default="")
    p.add_argument("--since", type=_when, default=None)
    p.add_argument("--overdue", action="store_true", help="only items whose recording deadline has passed")
    p.add_argument("--all", action="store_true", help="also resolved items")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_queue_list)
    p = queue.add_parser("show", help="one logged decision: why it is on the queue, and its resolutions")
    _log_arg(p)
    p.add_argument("decision_id")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_queue_show)
    p = queue.add_parser("resolve", help="agree with a decision, or record a different one, with a reason")
    _log_arg(p)
    p.add_argument("decision_id")
    p.add_argument("--verdict", choices=("agree", "differ"), required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--supervisor", required=True, help="the supervisor's identity (name or collar number)")
    p.add_argument("--outcome", default="", help="for differ: the outcome decided (e.g. record_crime)")
    p.add_argument("--classification", action="append", default=[], metavar="'CLASS CODE'",
                   help="for differ: a crime decided, e.g. '8N 008/06' (repeat for several)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_queue_resolve)

    p = sub.add_parser("replay", help="decide logged incidents again under another edition or rule tree: "
                                      "what would change")
    _log_arg(p)
    p.add_argument("--since", type=_when, required=True, help="logged on or after this date or time")
    p.add_argument("--until", type=_when, default=None)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--edition", default=None, help="decide every incident under this edition")
    g.add_argument("--rules-dir", dest="rules_dir", type=Path, default=argparse.SUPPRESS,
                   help="a changed rules folder (each incident under the edition it was decided under)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--json-out", type=Path, default=None, help="also write the JSON report to this file")
    p.add_argument("--all", action="store_true", help="list unchanged decisions too (JSON)")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=cmd_replay)


def _queue(args, editions: bool = False):
    """The queue of the decision log; with the editions (for checking a supervisor's classifications)."""

    rules_dir = args.rules_dir or default_rules_dir()
    loaded = load_editions(rules_dir) if editions else None
    return Queue(_store(args), Policy.load(rules_dir, loaded), loaded)


def _refuse(exc) -> int:
    if isinstance(exc, InvalidIncident):
        print(json.dumps({"error": "INVALID_ARGUMENT", "field_violations": [
            {"field": f, "description": m} for f, m in exc.violations]}, indent=2), file=sys.stderr)
    else:
        print(f"hocr: {getattr(exc, 'status', 'ERROR')}: {exc}", file=sys.stderr)
    return 3


def _print_item(item, fmt: str) -> None:
    d = item.to_dict()
    if fmt == "json":
        print(json.dumps(d, indent=2, ensure_ascii=False))
        return
    late = "  ** OVERDUE **" if d["overdue"] else ""
    print(f"{d['decision_id']}  {d['kind']} {d['incident_id']}  {d['outcome']}  "
          f"[{', '.join(d['kinds'])}]  edition {d['edition']} rev {d['rules_revision']}  "
          f"caller {d['caller']}  received {d['received_at']}  record by {d['record_by']}{late}")
    for r in d["reasons"]:
        print(f"    - {r}")
    if d["classifications"]:
        print(f"    crimes: {', '.join(d['classifications'])}")
    for r in d["resolutions"]:
        what = "agreed" if r["verdict"] == "agree" else (
            f"differs: {r['outcome']}" + (f" {', '.join(r['classifications'])}" if r["classifications"] else ""))
        print(f"    resolved {r['resolved_at']} by {r['supervisor']}: {what} - {r['reason']}")


def cmd_log_purge(args) -> int:
    cutoff = args.before or dt.datetime.now(UTC) - dt.timedelta(days=args.days)
    try:
        n = _store(args).purge(cutoff)
    except LogUnavailable as exc:
        return _refuse(exc)
    print(f"purged {n} decision log entr{'y' if n == 1 else 'ies'} received before "
          f"{cutoff.isoformat().replace('+00:00', 'Z')}")
    return 0


def cmd_queue_list(args) -> int:
    try:
        items = _queue(args).list(kind=args.kind, caller=args.caller, since=args.since, overdue=args.overdue,
                                  include_resolved=args.all, limit=args.limit)
    except (InvalidIncident, RecordError) as exc:
        return _refuse(exc)
    if args.format == "json":
        print(json.dumps([i.to_dict() for i in items], indent=2, ensure_ascii=False))
        return 0
    for i in items:
        _print_item(i, "text")
    print(f"{len(items)} item(s) on the supervision queue")
    return 0


def cmd_queue_show(args) -> int:
    try:
        _print_item(_queue(args).show(args.decision_id), args.format)
    except RecordError as exc:
        return _refuse(exc)
    return 0


def cmd_queue_resolve(args) -> int:
    try:
        _row, item = _queue(args, editions=bool(args.classification)).resolve(args.decision_id, args.verdict, args.reason, args.supervisor,  # noqa: E501
                                          caller=f"cli:{getpass.getuser()}", outcome=args.outcome,
                                          classifications=args.classification)
    except (InvalidIncident, RecordError) as exc:
        return _refuse(exc)
    _print_item(item, args.format)
    return 0


def cmd_replay(args) -> int:
    try:
        service = DecisionService(args.rules_dir)  # no decision log: a replay is not a decision
    except RulebookError as exc:
        for p in exc.problems:
            print(f"error: {p}", file=sys.stderr)
        return 1
    if args.edition and args.edition not in service.editions:
        print(f"hocr: unknown edition {args.edition!r}; known: {', '.join(sorted(service.editions))}",
              file=sys.stderr)
        return 3
    try:
        report = replay(_store(args), service, args.since, args.until, args.edition,
                        progress=not args.no_progress)
    except LogUnavailable as exc:
        return _refuse(exc)
    as_json = json.dumps(report.to_dict(all_rows=args.all), indent=2, ensure_ascii=False)
    if args.json_out:
        args.json_out.write_text(as_json + "\n", encoding="utf-8")
    print(as_json if args.format == "json" else report.table())
    return 0
