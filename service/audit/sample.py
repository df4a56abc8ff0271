"""A reproducible stratified random sample of audit records, as the inspectorate samples by incident type.

Allocation is proportional to stratum size (largest remainders, ties by stratum name), and within
each stratum the records are drawn without replacement by a generator seeded from the seed and the
stratum's name, so the same file, size, field and seed always give the same sample, whatever order
the strata appear in. Two passes over the file keep memory small: the first notes each line's
stratum, the second copies the chosen lines in file order.
"""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import IO

MISSING = "(none)"


def stratum_of(raw: dict, path: str) -> str:
    """The value at a dotted path (``incident.attributes.incident_type``, ``route``); '(none)' if absent."""
    cur = raw
    for part in path.split("."):
        if isinstance(cur, dict) and part in cur:
            cur = cur[part]
        elif isinstance(cur, list) and part.isdigit() and int(part) < len(cur):
            cur = cur[int(part)]
        else:
            return MISSING
    if isinstance(cur, (dict, list)):
        return json.dumps(cur, sort_keys=True)
    return str(cur)


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    total = sum(sizes.values())
    n = min(n, total)
    if not total:
        return {}
    quota = {s: n * c / total for s, c in sizes.items()}
    take = {s: int(q) for s, q in quota.items()}
    rest = n - sum(take.values())
    for s in sorted(sizes, key=lambda s: (-(quota[s] - take[s]), s))[:rest]:
        take[s] += 1
    return take


def sample(path: Path, size: int, strata: str, seed: int, out: IO[str]) -> dict:
    """Write the sample to `out`; return {stratum: [population, sampled]} and the unreadable lines."""
    members: dict[str, list[int]] = {}
    bad: list[int] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError:
                bad.append(n)
                continue
            members.setdefault(stratum_of(raw, strata) if isinstance(raw, dict) else MISSING, []).append(n)
    take = allocate({s: len(v) for s, v in members.items()}, size)
    chosen: set[int] = set()
    for s, k in take.items():
        digest = hashlib.sha256(f"{seed}:{s}".encode()).hexdigest()
        chosen.update(random.Random(int(digest[:16], 16)).sample(members[s], k))
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if n in chosen:
                out.write(line if line.endswith("\n") else line + "\n")
    return {"strata": {s: [len(members[s]), take.get(s, 0)] for s in sorted(members)}, "bad_lines": bad,
            "sampled": len(chosen)}
