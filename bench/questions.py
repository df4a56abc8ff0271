"""How many questions a decision asks per recorded crime, over docs/examples/ and the incidents
the feature scenarios decide (issue 10: a median of at most 3 questions per recorded crime).

    .venv/bin/python bench/questions.py                 # capture the scenarios' incidents, then measure
    .venv/bin/python bench/questions.py --corpus FILE   # measure a saved corpus (one incident per line)
    .venv/bin/python bench/questions.py --save FILE     # also save the corpus captured

A question counts for a crime when it names one of the crime's acts; a checklist ("do any of
these apply?") counts once, whatever its items. Incidents no edition in force covers (scenarios
decided under a named edition) are skipped. Not a timed benchmark and not run by `make test`.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def capture() -> list[dict]:
    """Every distinct incident the feature scenarios decide (the flows' partial reports included)."""
    import pytest

    from service.api import DecisionService

    seen: dict[str, dict] = {}
    original = DecisionService.decide

    def recording(self, raw, *args, **kwargs):
        if isinstance(raw, dict):
            seen.setdefault(json.dumps(raw, sort_keys=True), raw)
        return original(self, raw, *args, **kwargs)

    DecisionService.decide = recording
    try:
        pytest.main(["-q", "-p", "no:cacheprovider", "-x", str(ROOT / "tests" / "test_features.py")])
    finally:
        DecisionService.decide = original
    return list(seen.values())


def measure(incidents: list[dict]) -> dict:
    from service.api import DecisionService, InvalidIncident, NoEdition

    service = DecisionService()
    per_crime: list[int] = []
    per_decision: list[int] = []
    outcomes: Counter = Counter()
    for raw in incidents:
        try:
            d = service.decide(raw)
        except (InvalidIncident, NoEdition):
            continue
        outcomes[d.outcome] += 1
        per_decision.append(len(d.questions))
        for c in d.crimes:
            acts = set(c.acts)
            per_crime.append(sum(1 for q in d.questions if acts & set(q.acts)))
    def dist(xs):
        if not xs:
            return {"n": 0}
        xs = sorted(xs)
        return {"n": len(xs), "median": statistics.median(xs), "mean": round(statistics.mean(xs), 1),
                "p90": xs[int(0.9 * (len(xs) - 1))], "max": xs[-1],
                "histogram": {str(k): v for k, v in sorted(Counter(xs).items())}}
    return {"incidents": sum(outcomes.values()), "outcomes": dict(outcomes.most_common()),
            "questions_per_recorded_crime": dist(per_crime), "questions_per_decision": dist(per_decision)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="measure these incidents (JSON lines) instead of capturing")
    ap.add_argument("--save", type=Path, help="save the corpus measured (JSON lines)")
    args = ap.parse_args()
    if args.corpus:
        incidents = [json.loads(line) for line in args.corpus.read_text().splitlines() if line.strip()]
    else:
        incidents = capture()
        incidents += [json.loads(p.read_text()) for p in sorted((ROOT / "docs" / "examples").glob("*.json"))]
    if args.save:
        args.save.write_text("".join(json.dumps(i, sort_keys=True) + "\n" for i in incidents))
    print(json.dumps(measure(incidents), indent=2))


if __name__ == "__main__":
    main()
