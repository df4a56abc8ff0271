"""Where the in-process decision time goes: cProfile over DecisionService.decide for the README
example and the 10-act incident of bench_grpc.py. ``python bench/profile_decide.py [N]``."""
from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_grpc import AS_OF, large_incident, simple_incident  # noqa: E402
from service.api import DecisionService  # noqa: E402
from service.transport.mapping import decision_to_proto, incident_to_dict  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    svc = DecisionService()
    for name, inc in (("simple", simple_incident()), ("large", large_incident())):
        raw = incident_to_dict(inc)
        for _ in range(20):
            decision_to_proto(svc.decide(raw, as_of=AS_OF))
        t0 = time.perf_counter()
        for _ in range(n):
            decision_to_proto(svc.decide(raw, as_of=AS_OF))
        per = (time.perf_counter() - t0) / n * 1e3
        print(f"== {name}: {per:.3f} ms per decide (no profiler)")
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(n):
            decision_to_proto(svc.decide(raw, as_of=AS_OF))
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(22)
        pstats.Stats(prof).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
