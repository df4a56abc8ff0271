"""Benchmark the engine step of a decision: one reused session per edition vs a session per decision.

Run with ``make bench-engine`` (or ``.venv/bin/python bench/bench_engine.py``). In one process
and one run it builds the facts of the README example, a 10-act incident and a few hundred random
incidents of the 2026-27 vocabulary, then times ``Engine.run`` on the same facts both ways,
interleaved (each round runs every incident once on each engine, alternating which goes first),
so both paths see the same machine conditions. It prints the median, p90 and p99 per decision and
the ratio fresh / reused, the resident memory before and after the reused rounds, and checks on the
way that both paths fire the same rules (a benchmark of a wrong answer is worthless).

Nothing here asserts a timing: the figures are for reading, not a test.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.engine.driver import Engine  # noqa: E402
from service.rules.load import load_editions  # noqa: E402
from tests.gen_incidents import facts_of, random_incidents  # noqa: E402


def rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def large_incident() -> dict:
    persons = [{"id": p, "age": 30} for p in ("V1", "V2", "V3", "S1", "S2")]
    acts = [{"id": f"a{i}", "type": "use_of_force", "by": ["S1", "S2"][: 1 + i % 2], "against": f"V{1 + i % 3}",
             "attributes": {"injury": ["none", "minor", "serious"][i % 3]}} for i in range(10)]
    return {"id": "LARGE", "reported_at": "2026-06-01T10:00:00Z", "reporter": {"role": "victim", "person": "V1"},
            "persons": persons, "relationships": [{"a": "S1", "b": "V1", "kind": "ex_partner"}], "acts": acts}


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="rounds over every incident (default 5)")
    ap.add_argument("--random", type=int, default=300, help="random incidents (default 300)")
    ap.add_argument("--repeat", type=int, default=100,
                    help="times each named incident runs per round (default 100)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = ap.parse_args()

    edition = load_editions(ROOT / "rules")["2026-27"]
    example = json.loads((ROOT / "docs" / "examples" / "ex-partner-assault.json").read_text(encoding="utf-8"))
    sets: dict[str, list[list[dict]]] = {"README example (1 act)": [facts_of(example, edition)] * args.repeat,
                                         "10-act incident": [facts_of(large_incident(), edition)] * args.repeat}
    randoms = []
    for raw in random_incidents(edition, args.random, seed=5):
        try:
            randoms.append(facts_of(raw, edition))
        except ValueError:
            pass
    sets[f"random incidents ({len(randoms)})"] = randoms

    fresh = Engine("bench_fresh", edition.ruleset_json, edition.ruleset_joins, reuse=False)
    live = Engine("bench_live", edition.ruleset_json, edition.ruleset_joins)
    for facts_list in sets.values():  # warm up, and check that both paths agree
        for facts in facts_list:
            a = [(f.rule_id, sorted((k, v["id"]) for k, v in f.facts.items())) for f in fresh.run([dict(x) for x in facts])]
            b = [(f.rule_id, sorted((k, v["id"]) for k, v in f.facts.items())) for f in live.run([dict(x) for x in facts])]
            if a != b:
                raise SystemExit("the two paths fired differently: not benchmarking a wrong answer")

    rss_before = rss_kb()
    results = {}
    for label, facts_list in sets.items():
        times = {"fresh": [], "reused": []}
        for r in range(args.rounds):
            for facts in facts_list:
                order = (("fresh", fresh), ("reused", live)) if r % 2 == 0 else (("reused", live), ("fresh", fresh))
                for key, engine in order:
                    batch = [dict(x) for x in facts]
                    t0 = time.perf_counter()
                    engine.run(batch)
                    times[key].append(time.perf_counter() - t0)
        row = {}
        for key, ts in times.items():
            row[key] = {"n": len(ts), "p50_us": statistics.median(ts) * 1e6, "p90_us": pct(ts, 0.90) * 1e6,
                        "p99_us": pct(ts, 0.99) * 1e6, "mean_us": statistics.fmean(ts) * 1e6}
        row["ratio_p50_fresh_over_reused"] = row["fresh"]["p50_us"] / row["reused"]["p50_us"]
        row["ratio_mean_fresh_over_reused"] = row["fresh"]["mean_us"] / row["reused"]["mean_us"]
        results[label] = row
    out = {"edition": edition.name, "engine_rules": len(edition.ruleset_json), "rounds": args.rounds,
           "results": results, "rss_kb_before": rss_before, "rss_kb_after": rss_kb(),
           "sessions_opened_by_reused_engine": live.sessions_opened}
    fresh.close()
    live.close()
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"engine step per decision, edition {out['edition']} ({out['engine_rules']} engine rules), "
          f"{args.rounds} interleaved rounds")
    print(f"{'incidents':28} {'path':7} {'n':>6} {'p50 µs':>9} {'p90 µs':>9} {'p99 µs':>9} {'mean µs':>9}")
    for label, row in results.items():
        for key in ("fresh", "reused"):
            r = row[key]
            print(f"{label:28} {key:7} {r['n']:6d} {r['p50_us']:9.1f} {r['p90_us']:9.1f} {r['p99_us']:9.1f} "
                  f"{r['mean_us']:9.1f}")
        print(f"{'':28} ratio fresh/reused: p50 {row['ratio_p50_fresh_over_reused']:.2f}x, "
              f"mean {row['ratio_mean_fresh_over_reused']:.2f}x")
    print(f"RSS {out['rss_kb_before']} kB before the timed rounds, {out['rss_kb_after']} kB after; "
          f"the reused engine opened {out['sessions_opened_by_reused_engine']} session(s)")


if __name__ == "__main__":
    main()
