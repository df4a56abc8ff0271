"""How fast `hocr decide` decides a JSON Lines file with 1, 2 ... worker processes.

    .venv/bin/python bench/bench_cli_batch.py [--lines 10000] [--processes 1,2] [--repeat 1]

Writes LINES incidents (the docs/examples incidents with their own ids, half bare, half as
DecideRequests in lowerCamelCase) to a temporary file, runs the real CLI on it once per process
count (`--as-of` fixed, output to a file) and prints the wall time, the CPU time of the command
and its workers, and lines per second. It asserts nothing; figures depend on what else runs here.
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
EXAMPLES = ROOT / "docs" / "examples"


def write_lines(path: Path, n: int) -> None:
    from tests.test_cli_batch import camel

    incidents = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))
                 if not p.name.startswith("invalid")]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            inc = dict(incidents[i % len(incidents)], id=f"B-{i:06d}")
            f.write(json.dumps(inc if i % 2 else {"incident": camel(inc)}) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=10_000)
    ap.add_argument("--processes", default="1,2", help="comma-separated process counts to compare")
    ap.add_argument("--repeat", type=int, default=1, help="runs per process count (the fastest is shown)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        write_lines(src, args.lines)
        print(f"{args.lines} lines; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at the start")
        print(f"{'processes':>9} {'wall s':>8} {'cpu s':>8} {'lines/s':>9}")
        for n in [int(x) for x in args.processes.split(",")]:
            best = None
            for _ in range(args.repeat):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                with out.open("w") as f:
                    subprocess.run([sys.executable, "-m", "service.cli", "decide", str(src), "--as-of",
                                    "2026-06-01T12:00:00Z", "--processes", str(n), "--no-progress"],
                                   stdout=f, check=True, cwd=ROOT)
                wall = time.perf_counter() - t
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                if best is None or wall < best[0]:
                    best = (wall, cpu)
            lines = sum(1 for _ in out.open())
            assert lines == args.lines, lines
            print(f"{n:>9} {best[0]:>8.1f} {best[1]:>8.1f} {args.lines / best[0]:>9.0f}")
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
