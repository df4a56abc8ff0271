"""How long an audit of N records takes on this machine (not a test; prints, asserts nothing).

    .venv/bin/python bench/bench_audit.py --records 128000 [--workers 0] [--keep DIR]

Generates a synthetic quarter of N records (service/audit/synth.py; the generation is not timed),
then times ``hocr audit run`` over it with every core: records per second and the wall time.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.audit.run import run  # noqa: E402
from service.audit.synth import generate  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=0, help="0: every core")
    ap.add_argument("--keep", default=None, help="write the records and outputs here (default: a temporary folder)")
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="hocr-audit-bench-"))
    t = time.perf_counter()
    truth = generate(folder / "in", args.records, seed=1)
    gen = time.perf_counter() - t
    t = time.perf_counter()
    s = run(folder / "in" / "records.jsonl", folder / "out", workers=args.workers, progress=True)
    wall = time.perf_counter() - t
    print(f"generated {args.records:,} records ({truth['expected']:,} crimes) in {gen:.1f} s")
    print(f"audited {s['records_read']:,} records on {s['workers']} process(es) of {os.cpu_count()} cores "
          f"in {wall:.1f} s: {s['records_read'] / wall:,.0f} records/s "
          f"(report, summary and findings included; findings.jsonl "
          f"{(folder / 'out' / 'findings.jsonl').stat().st_size / 1e6:.0f} MB)")
    print(f"outputs in {folder / 'out'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
