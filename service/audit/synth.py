"""A synthetic quarter of incident records with a known, injected share of recording errors.

The incidents come from docs/examples/audit/demo-incidents.yaml (shapes in the edition's
vocabulary, like docs/examples and the feature scenarios). What should have been recorded is asked
of the decision service; the "force" then records it, except that, at random with the given
probabilities, a crime is not recorded (its group's miss rate), recorded late (25 hours to a week
after the report), recorded under another class of the same offence group, or recorded without its
flags; N100 records are missed at the base miss rate; a few crime related incidents are wrongly
recorded as crimes. truth.json keeps the injected rates and what was drawn.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import yaml

from .match import audit_config, groups_of

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "docs" / "examples" / "audit" / "demo-incidents.yaml"
DEFAULT_RATES = {"miss": 0.10, "late": 0.08, "misclassify": 0.05, "drop_flag": 0.20, "over_record": 0.10,
                 "miss_by_group": {}}  # the demonstration's own rates are in TEMPLATES (`rates:`)
QUARTER = (dt.datetime(2026, 7, 1, tzinfo=dt.timezone.utc), dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc))


def _iso(t: dt.datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def generate(out_dir: Path, size: int = 3000, seed: int = 2026, rates: dict | None = None, service=None,
             undated: int = 3, bad_lines: bool = True) -> dict:
    """Write OUT/records.jsonl and OUT/truth.json; returns the truth."""
    from ..api import DecisionService

    data = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
    rates = {**DEFAULT_RATES, **(data.get("rates") or {}), **(rates or {})}
    service = service or DecisionService()
    rng = random.Random(seed)
    templates = data["incidents"]
    weights = [t["weight"] for t in templates]
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = {"seed": seed, "size": size, "rates": rates, "expected": 0, "missed": 0, "recorded": 0, "late": 0,
             "misclassified": 0, "flags_dropped": 0, "over_recorded": 0, "n_records_expected": 0,
             "n_records_missed": 0, "undated": undated, "bad_lines": 2 if bad_lines else 0,
             "expected_by_group": {}, "missed_by_group": {}, "injected_recording_rate": {}}
    inj_sum: dict[str, float] = {}
    seen_crimes: list[tuple[str, str]] = []
    span = (QUARTER[1] - QUARTER[0]).total_seconds()
    with (out_dir / "records.jsonl").open("w", encoding="utf-8") as fh:
        if bad_lines:
            fh.write('{"incident": {"id": "BROKEN", "reported_at": \n')  # not JSON
            fh.write(json.dumps({"incident": {"id": "INVALID", "reported_at": _iso(QUARTER[0]),
                                              "reporter": {"role": "victim"}, "persons": [{"id": "V"}],
                                              "acts": [{"id": "a1", "type": "no_such_act", "against": "V"}]}}) + "\n")
        for i in range(size):
            t = rng.choices(templates, weights)[0]
            reported = QUARTER[0] + dt.timedelta(seconds=rng.uniform(0, span))
            if i < undated:  # reported when no held edition was in force
                reported = dt.datetime(2024, 1, 15, 9, tzinfo=dt.timezone.utc) + dt.timedelta(days=i)
            inc = {"id": f"Q3-{i + 1:06d}", "reported_at": _iso(reported), **t["incident"]}
            rec: dict = {"crimes": [], "n_records": [], "incident_records": []}
            try:
                decision = service.decide(inc)
            except Exception:
                decision = None
            if decision is not None:
                edition = service.editions[decision.edition]
                cfg = audit_config(edition, service.editions)
                for c in decision.crimes:
                    groups = groups_of(edition, cfg, c.classification, c.ho_code, [f.name for f in c.flags])
                    seen_crimes.append((c.classification, c.ho_code))
                    miss_p = max([rates["miss_by_group"].get(g, rates["miss"]) for g in groups] or [rates["miss"]])
                    truth["expected"] += 1
                    for g in groups:
                        truth["expected_by_group"][g] = truth["expected_by_group"].get(g, 0) + 1
                        inj_sum[g] = inj_sum.get(g, 0.0) + (1 - miss_p)
                    if rng.random() < miss_p:
                        truth["missed"] += 1
                        for g in groups:
                            truth["missed_by_group"][g] = truth["missed_by_group"].get(g, 0) + 1
                        if rng.random() < 0.5:
                            rec["incident_records"].append({"reference": f"CRI-{i + 1}", "kind": "crime_related"})
                        continue
                    truth["recorded"] += 1
                    cls, code = c.classification, c.ho_code
                    if rng.random() < rates["misclassify"]:
                        other = _other_class(edition, cls, rng)
                        if other:
                            cls, code = other
                            truth["misclassified"] += 1
                    if rng.random() < rates["late"]:
                        hours = rng.uniform(25, 168)
                        truth["late"] += 1
                    else:
                        hours = rng.uniform(0.2, 23.5)
                    flags = [f.name + (f"={f.value}" if f.value else "") for f in c.flags]
                    if flags and rng.random() < rates["drop_flag"]:
                        flags = []
                        truth["flags_dropped"] += 1
                    rec["crimes"].append({"reference": f"CR-{i + 1}-{len(rec['crimes']) + 1}", "classification": cls,
                                          "ho_code": code, "victim": c.victim,
                                          "recorded_at": _iso(reported + dt.timedelta(hours=hours)), "flags": flags})
                for n in decision.negations:
                    if n.incident_class:
                        truth["n_records_expected"] += 1
                        victim = next((a["against"] for a in inc["acts"] if a["id"] == n.act), "")
                        if rng.random() < rates["miss"]:
                            truth["n_records_missed"] += 1
                        else:
                            rec["n_records"].append({"reference": f"N-{i + 1}", "classification": n.incident_class,
                                                     "ho_code": n.incident_code, "victim": victim,
                                                     "recorded_at": _iso(reported + dt.timedelta(hours=2))})
                if (not decision.crimes and decision.outcome == "crime_related_incident" and seen_crimes
                        and rng.random() < rates["over_record"]):
                    cls, code = rng.choice(seen_crimes)
                    victim = next((a.get("against") for a in inc["acts"] if a.get("against")), "")
                    rec["crimes"].append({"reference": f"CR-{i + 1}-X", "classification": cls, "ho_code": code,
                                          "victim": victim, "recorded_at": _iso(reported + dt.timedelta(hours=3)),
                                          "flags": []})
                    truth["over_recorded"] += 1
                elif decision.outcome == "crime_related_incident":
                    rec["incident_records"].append({"reference": f"CRI-{i + 1}", "kind": "crime_related"})
            fh.write(json.dumps({"incident": inc, "recorded": rec, "route": "incident"}) + "\n")
    truth["injected_recording_rate"] = {g: inj_sum[g] / truth["expected_by_group"][g] for g in inj_sum}
    truth["injected_late_share"] = 1 - rates["late"]
    truth["injected_classification_accuracy"] = 1 - rates["misclassify"]
    (out_dir / "truth.json").write_text(json.dumps(truth, indent=2), encoding="utf-8")
    return truth


def _other_class(edition, cls: str, rng: random.Random) -> tuple[str, str] | None:
    """Another current class and code of the same offence group (a plausible misclassification)."""
    group = str((edition.offences.classes.get(cls) or {}).get("group", ""))
    options = sorted((o.cls, o.code) for o in edition.offences.by_key.values()
                     if o.group == group and o.cls != cls and o.current)
    return rng.choice(options) if options else None
