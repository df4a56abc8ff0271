"""What the decision log costs per decision (SQLite): no log, one synced commit per Decide, one
commit per batch. Run: .venv/bin/python bench/bench_log.py [--n 600] [--batch 100]

Figures depend on the disk's fsync time far more than on the CPU; measure on the target host.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.api import DecisionService  # noqa: E402
from service.record import DecisionRecord  # noqa: E402


def incident(i: int) -> dict:
    return {"id": f"B{i}", "reported_at": "2026-06-01T10:00:00Z",
            "reporter": {"role": "victim", "person": "V", "channel": "phone_999"},
            "persons": [{"id": "V", "age": 34, "sex": "female"}, {"id": "S", "age": 36, "sex": "male"}],
            "relationships": [{"a": "S", "b": "V", "kind": "ex_partner"}],
            "acts": [{"id": "a1", "type": "use_of_force", "by": ["S"], "against": "V",
                      "attributes": {"injury": ("minor", "none", "serious")[i % 3]}}]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--options", default="", help="e.g. ?synchronous=normal")
    args = ap.parse_args()
    service = DecisionService()
    incs = [incident(i) for i in range(args.n)]
    for x in incs[:50]:
        service.decide(x)  # warm up
    with tempfile.TemporaryDirectory() as tmp:
        service.record = DecisionRecord.open(f"sqlite:///{tmp}/log.db{args.options}", service.rules_dir,
                                             service.editions)
        rows = []
        for label in ("no log", "sqlite, a commit per decision", f"sqlite, a commit per {args.batch}"):
            record = service.record
            if label == "no log":
                service.record = None
            times = []
            t0 = time.perf_counter()
            if label.startswith("sqlite, a commit per decision"):
                for x in incs:
                    t = time.perf_counter()
                    service.decide(x)
                    times.append(time.perf_counter() - t)
            elif label == "no log":
                for x in incs:
                    t = time.perf_counter()
                    service.decide(x)
                    times.append(time.perf_counter() - t)
            else:
                for start in range(0, len(incs), args.batch):
                    pending: list = []
                    t = time.perf_counter()
                    for x in incs[start:start + args.batch]:
                        service.decide(x, pending=pending)
                    service.write_log(pending)
                    times.append((time.perf_counter() - t) / len(pending))
            total = time.perf_counter() - t0
            service.record = record
            rows.append((label, statistics.median(times) * 1000, len(incs) / total))
        service.record.close()
    print(f"{'':34} {'median ms/decision':>18} {'decisions/s':>12}")
    for label, med, rate in rows:
        print(f"{label:34} {med:18.2f} {rate:12.0f}")


if __name__ == "__main__":
    main()
