"""The ``hocr audit`` commands (registered on the main parser by :func:`register`).

    hocr audit run RECORDS.jsonl --out DIR [--edition E] [--crimes-csv CSV] [--population M]
                                 [--recorded-per-year R] [--workers N] [--quiet]
    hocr audit rate --correct K --total N [--population M] [--method wald|wilson|wald-fpc]
                    [--recorded-per-year R] [--json]
    hocr audit implied-n --rate P --half-width H
    hocr audit sample RECORDS.jsonl --size N --strata FIELD --seed S [--out FILE]
    hocr audit generate --out DIR [--size N] [--seed S]
    hocr audit demo [--out DIR] [--size N] [--seed S]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import stats


def _fraction(value: float) -> float:
    """A rate given as a percentage (80) or a proportion (0.8)."""
    return value / 100 if value > 1 else value


def cmd_rate(args) -> int:
    try:
        main = stats.interval(args.correct, args.total, args.method, args.population)
        every = stats.all_intervals(args.correct, args.total, args.population)
    except ValueError as exc:
        print(f"hocr audit rate: {exc}", file=sys.stderr)
        return 2
    every[main.method] = main
    unrec = stats.unrecorded_estimate(args.recorded_per_year, main) if args.recorded_per_year else None
    if args.json:
        print(json.dumps({"method": main.method, "interval": main.as_dict(),
                          "all": {m: iv.as_dict() for m, iv in every.items()},
                          **({"unrecorded_per_year": unrec} if unrec else {})}, indent=2))
        return 0
    print(f"{args.correct} of {args.total}: {main.rate * 100:.1f}% +/- {main.half_width * 100:.2f} points "
          f"({main.lo * 100:.1f}%-{main.hi * 100:.1f}%), 95% {main.method}")
    for m, iv in every.items():
        if m != main.method:
            print(f"  {m}: {iv.lo * 100:.1f}%-{iv.hi * 100:.1f}% (+/- {iv.half_width * 100:.2f} points)")
    if unrec:
        print(f"unrecorded per year from {args.recorded_per_year:,.0f} recorded: {unrec['estimate']:,.0f} "
              f"({unrec['lo']:,.0f} - {unrec['hi']:,.0f}); published as \"{unrec['published_form']}\"")
    return 0


def cmd_implied_n(args) -> int:
    pct = args.rate > 1
    p = _fraction(args.rate)
    hw = args.half_width / 100 if pct else args.half_width
    try:
        n = stats.implied_n(p, hw)
    except ValueError as exc:
        print(f"hocr audit implied-n: {exc}", file=sys.stderr)
        return 2
    pairs = stats.matching_pairs(p, hw)
    print(f"implied sample n = z^2 p(1-p)/hw^2 = {n:.1f} crimes (Wald, 95%)")
    if pairs:
        print("integer k/n giving exactly these figures (rate to 1 dp, half-width to 2 dp): "
              + ", ".join(f"{k}/{m}" for k, m in pairs[:12]) + (" ..." if len(pairs) > 12 else ""))
    else:
        print("no integer k/n gives exactly these rounded figures (a weighted estimate, or other rounding)")
    return 0


def cmd_run(args) -> int:
    from .run import run

    records = Path(args.records)
    if str(records) != "-" and not records.exists():
        print(f"hocr audit run: no such file {records}", file=sys.stderr)
        return 2
    try:
        s = run(records, Path(args.out), edition=args.edition, crimes_csv=Path(args.crimes_csv) if args.crimes_csv else None,
                population=args.population, recorded_per_year=args.recorded_per_year, workers=args.workers,
                progress=not args.quiet, rules_dir=args.rules_dir)
    except ValueError as exc:
        print(f"hocr audit run: {exc}", file=sys.stderr)
        return 2
    _print_summary(s, Path(args.out))
    return 0


def _print_summary(s: dict, out: Path) -> None:
    a = s["groups"]["all"]
    rr = a["recording_rate"]
    print(f"audited {s['audited']:,} of {s['records_read']:,} records in {s['seconds']} s "
          f"({s['bad_lines']} bad lines, {s['not_auditable']} not auditable, "
          f"{s['decided_under_named_edition']} decided under the named edition)")
    for _gid, g in s["groups"].items():
        r = g["recording_rate"]
        if r["n"]:
            print(f"  {g['title']}: {r['wald']['rate'] * 100:.1f}% +/- {r['wald']['half_width'] * 100:.2f} "
                  f"(Wilson {r['wilson']['lo'] * 100:.1f}%-{r['wilson']['hi'] * 100:.1f}%), {r['k']} of {r['n']}")
    if rr["n"]:
        print(f"  classification accuracy {a['classification_accuracy']['wald']['rate'] * 100:.1f}%; "
              f"within 24 hours {a['within_deadline']['wald']['rate'] * 100:.1f}%")
    print(f"report: {out / 'report.html'}")
    print(f"findings: {out / 'findings.jsonl'}; summary: {out / 'summary.json'}")


def cmd_sample(args) -> int:
    from .sample import sample

    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        res = sample(Path(args.records), args.size, args.strata, args.seed, out)
    finally:
        if args.out:
            out.close()
    print(f"sampled {res['sampled']} by {args.strata} (seed {args.seed}): "
          + ", ".join(f"{s} {t}/{n}" for s, (n, t) in res["strata"].items())
          + (f"; unreadable lines {res['bad_lines'][:20]}" if res["bad_lines"] else ""), file=sys.stderr)
    return 0


def cmd_generate(args) -> int:
    from .synth import generate

    truth = generate(Path(args.out), args.size, args.seed)
    print(f"wrote {Path(args.out) / 'records.jsonl'} ({args.size} incidents, {truth['expected']} crimes that "
          f"should be recorded, {truth['missed']} left unrecorded) and {Path(args.out) / 'truth.json'}")
    return 0


def cmd_demo(args) -> int:
    from .run import run
    from .synth import generate

    out = Path(args.out)
    truth = generate(out / "input", args.size, args.seed)
    s = run(out / "input" / "records.jsonl", out, population=args.size * 40, recorded_per_year=60000,
            progress=not args.quiet, title=f"Synthetic quarter (Q3 2026, {args.size} incidents, seed {args.seed})")
    _print_summary(s, out)
    a = s["groups"]["all"]["recording_rate"]["wald"]
    inj = truth["injected_recording_rate"].get("all", 0)
    print(f"injected recording rate {inj * 100:.1f}% (drawn: {truth['recorded']} of {truth['expected']}); "
          f"audit found {a['rate'] * 100:.1f}% ({a['lo'] * 100:.1f}%-{a['hi'] * 100:.1f}%): "
          + ("recovered within the interval" if a["lo"] <= inj <= a["hi"] else "NOT within the interval"))
    return 0


def register(sub) -> None:
    """Add ``audit`` and its subcommands to the main parser's subparsers."""
    audit = sub.add_parser("audit", help="crime data integrity audit of a force's incident records").add_subparsers(
        dest="audit_command", required=True)
    p = audit.add_parser("run", help="audit a JSON Lines file of incident records; writes report.html, "
                                     "findings.jsonl and summary.json")
    p.add_argument("records", help="JSON Lines: {incident, recorded, route} per line ('-' for standard input)")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--edition", default=None,
                   help="decide records reported when no held edition was in force under this edition (marked so)")
    p.add_argument("--crimes-csv", default=None, help="the force's recorded crimes as CSV, keyed by incident_id")
    p.add_argument("--population", type=int, default=None,
                   help="incident records in the audit period the sample came from (finite-population correction)")
    p.add_argument("--recorded-per-year", type=float, default=None,
                   help="crimes the force recorded (excluding fraud) in the 12 months to the end of the audit period")
    p.add_argument("--workers", type=int, default=0, help="processes (default: every core)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_run)

    p = audit.add_parser("rate", help="a recording rate with its 95%% interval (check a published figure)")
    p.add_argument("--correct", type=int, required=True, help="K: crimes recorded")
    p.add_argument("--total", type=int, required=True, help="N: crimes that should have been recorded")
    p.add_argument("--population", type=int, default=None, help="M: population size (for wald-fpc)")
    p.add_argument("--method", choices=stats.METHODS, default="wald")
    p.add_argument("--recorded-per-year", type=float, default=None,
                   help="R: the force's recorded crime for a year; prints the unrecorded estimate R(1-p)/p")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rate)

    p = audit.add_parser("implied-n", help="the sample size a published rate and half-width imply")
    p.add_argument("--rate", type=float, required=True, help="P: as a percentage (78.2) or a proportion (0.782)")
    p.add_argument("--half-width", type=float, required=True,
                   help="H: in percentage points when P is a percentage (2.87), else a proportion (0.0287)")
    p.set_defaults(func=cmd_implied_n)

    p = audit.add_parser("sample", help="a reproducible stratified random sample of a records file")
    p.add_argument("records")
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--strata", required=True, help="dotted field path, e.g. incident.attributes.incident_type or route")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--out", default=None, help="write the sample here (default: standard output)")
    p.set_defaults(func=cmd_sample)

    p = audit.add_parser("generate", help="write a synthetic quarter of records with known injected errors")
    p.add_argument("--out", required=True)
    p.add_argument("--size", type=int, default=3000)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_generate)

    p = audit.add_parser("demo", help="generate a synthetic quarter, audit it and print the report path")
    p.add_argument("--out", default="reports/audit-demo")
    p.add_argument("--size", type=int, default=3000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)
