"""How long an audit of N records takes on this machine (not a test; prints, asserts nothing).

    .venv/bin/python bench/bench_audit.py --records 128000 [--workers 0] [--keep DIR] [--json]

Generates a synthetic quarter of N records (service/audit/synth.py; not timed, and kept in
$TMPDIR/hocr-bench-audit-N/in so that a second run does not generate it again), then times
``hocr audit run --quiet`` over it as a separate process with every core: the wall time from
spawn to exit (start-up, rule loading and the report included), records per second, and the CPU
of the audit's processes (the parent that reads, tallies and writes, and its workers).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prepare(records: int, folder: Path | None = None) -> Path:
    """The records file of a synthetic quarter of `records` records (generated once)."""
    from service.audit.synth import generate

    folder = folder or Path(tempfile.gettempdir()) / f"hocr-bench-audit-{records}"
    if not (folder / "in" / "truth.json").exists():
        t = time.perf_counter()
        generate(folder / "in", records, seed=1)
        print(f"generated {records:,} records in {time.perf_counter() - t:.1f} s (not timed; kept in {folder})",
              file=sys.stderr, flush=True)
    return folder


def timed_audit(folder: Path, workers: int = 0) -> dict:
    hocr = str(Path(sys.executable).with_name("hocr"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([hocr, "audit", "run", str(folder / "in" / "records.jsonl"), "--out", str(folder / "out"),
                    "--workers", str(workers), "--quiet"], check=True, cwd=str(ROOT), stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = json.loads((folder / "out" / "summary.json").read_text(encoding="utf-8"))
    n = summary["records_read"]
    return {"records": n, "workers": summary["workers"], "cores": os.cpu_count(), "seconds": wall,
            "records_per_s": n / wall, "audit_loop_seconds": summary["seconds"], "cpu_s": cpu,
            "cpu_ms_per_record": cpu / n * 1e3,
            "findings_mb": (folder / "out" / "findings.jsonl").stat().st_size / 1e6}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=0, help="0: every core")
    ap.add_argument("--keep", default=None, help="generate the records and write the outputs here")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = ap.parse_args()
    folder = prepare(args.records, Path(args.keep) if args.keep else None)
    r = timed_audit(folder, args.workers)
    if args.json:
        print(json.dumps(r))
    else:
        print(f"audited {r['records']:,} records on {r['workers']} process(es) of {r['cores']} cores in "
              f"{r['seconds']:.1f} s (the audit loop {r['audit_loop_seconds']:.1f} s): {r['records_per_s']:,.0f} "
              f"records/s; CPU {r['cpu_s']:.1f} s, {r['cpu_ms_per_record']:.2f} ms a record; findings.jsonl "
              f"{r['findings_mb']:.0f} MB; outputs in {folder / 'out'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
