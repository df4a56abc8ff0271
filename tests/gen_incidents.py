"""Random incidents drawn from an edition's vocabulary (seeded, so every run sees the same ones).

Used by tests/test_engine.py (joins, equivalence of the engine's session paths) and by
bench/bench_engine.py. Biased towards what exercises joins: several acts, several people, a
person who is the victim of one act and not of another, relationships, evidence on one act only.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import random
from pathlib import Path

from service.contract.incident import check_incident, parse_incident
from service.decision import build_facts, decide
from service.rules.model import Attribute, Edition

ROOT = Path(__file__).resolve().parent.parent
PERSON_IDS = ["V", "W", "S", "T", "U"]


def _value(rng: random.Random, spec: Attribute):
    if spec.kind == "boolean":
        return rng.choice([True, False])
    if spec.kind == "integer":
        return rng.choice([0, 1, 2, 3, 5, 10, 17, 18, 50, 5000, 20000])
    if spec.kind == "text":
        return rng.choice(["1 High Street", "Flat 2"])
    return rng.choice(spec.values)


def _attrs(rng: random.Random, specs: dict[str, Attribute], p: float) -> dict:
    return {name: _value(rng, s) for name, s in specs.items() if rng.random() < p}


def random_incident(rng: random.Random, edition: Edition, n: int = 0) -> dict:
    v = edition.vocab
    reported = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc) if edition.name >= "2026" \
        else dt.datetime(2022, 6, 1, 10, tzinfo=dt.timezone.utc)
    ids = PERSON_IDS[:rng.randint(1, len(PERSON_IDS))]
    persons = []
    for pid in ids:
        p: dict = {"id": pid, "attributes": _attrs(rng, v.person_attributes, 0.3)}
        if rng.random() < 0.6:
            p["age"] = rng.choice([3, 12, 15, 16, 17, 18, 25, 40, 70])
        if rng.random() < 0.4 and v.sexes:
            p["sex"] = rng.choice(v.sexes)
        persons.append(p)
    rels, pairs = [], set()
    for _ in range(rng.randint(0, 3)):
        a, b = rng.choice(ids), rng.choice(ids)
        if a != b and frozenset((a, b)) not in pairs:
            pairs.add(frozenset((a, b)))
            rels.append({"a": a, "b": b, "kind": rng.choice(list(v.relationship_kinds))})
    types = list(v.act_types)
    acts = []
    for i in range(rng.randint(1, 4)):
        t = rng.choice(types) if not acts or rng.random() < 0.5 else acts[-1]["type"]  # same type twice: joins matter
        victim = rng.choice(ids + [None])
        by = [x for x in rng.sample(ids, k=rng.randint(0, min(2, len(ids)))) if x != victim]
        act: dict = {"id": f"a{i + 1}", "type": t, "by": by,
                     "attributes": _attrs(rng, v.act_types[t].attributes, 0.35)}
        if victim:
            act["against"] = victim
        if rng.random() < 0.3:
            act["occurred_at"] = (reported - dt.timedelta(hours=rng.randint(0, 48))).isoformat()
        acts.append(act)
    evidence = []
    if rng.random() < 0.3:
        evidence.append({"id": "E1", "acts": [rng.choice(acts)["id"]], "contradicts": rng.random() < 0.7,
                         "credible": rng.random() < 0.7, "immediately_available": rng.random() < 0.7})
    reporter: dict = {"role": rng.choice(list(v.reporter_roles))}
    if rng.random() < 0.5:
        reporter["channel"] = rng.choice(list(v.channels))
    location: dict = {}
    if rng.random() < 0.6:
        location["place"] = rng.choice(list(v.places))
    return {"id": f"GEN-{n}", "reported_at": reported.isoformat(), "reporter": reporter, "location": location,
            "persons": persons, "relationships": rels, "acts": acts, "evidence": evidence,
            "attributes": _attrs(rng, v.incident_attributes, 0.3)}


def random_incidents(edition: Edition, count: int, seed: int = 9) -> list[dict]:
    rng = random.Random(f"{edition.name}:{seed}")
    return [random_incident(rng, edition, n) for n in range(count)]


def decided_json(raw: dict, edition: Edition, as_of: dt.datetime, ignore: tuple[str, ...] = ()) -> str | None:
    """A decision of `raw` as JSON to compare (None when it is invalid for the edition): without
    what is new per call (decision_id, decided_at, request_digest) or in `ignore`, and with the
    incident id (crime ids are made from it) written <INC>, so a renamed incident compares equal."""
    try:
        inc = check_incident(parse_incident(copy.deepcopy(raw)), edition)
    except Exception:  # invalid for this edition: nothing to compare
        return None
    d = decide(inc, edition, as_of).to_dict()
    for k in ("decision_id", "decided_at", "request_digest", "incident_id", *ignore):
        d.pop(k, None)
    return json.dumps(d, sort_keys=True, default=str).replace(json.dumps(str(raw.get("id")))[1:-1], "<INC>")


def feature_incidents() -> list[dict]:
    """Every incident the feature suite decides, as JSON (bench/data/feature-incidents-*.jsonl)."""
    out = []
    for path in sorted((ROOT / "bench" / "data").glob("feature-incidents-*.jsonl")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def example_incidents(edition: Edition) -> list[dict]:
    """The valid incidents of docs/examples/ that this edition decides (by their report date)."""
    out = []
    for path in sorted((ROOT / "docs" / "examples").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        try:
            facts_of(raw, edition)
        except ValueError:  # the invalid examples are there on purpose
            continue
        out.append(raw)
    return out


def facts_of(raw: dict, edition: Edition) -> list[dict]:
    """The engine facts of a raw incident, as the decision builds them (ValueError if invalid)."""
    return build_facts(check_incident(parse_incident(raw), edition), edition)


# ------------------------------------------------------------------ incidents aimed at one rule

_MISSING = object()


def _satisfying(rng: random.Random, test, choices: list | None):
    """A value that passes the test (_MISSING: leave the attribute out), or None if none is known."""
    op, v = test.op, test.value
    if op == "eq":
        return v
    if op == "in":
        pick = rng.choice(list(v))
        return _MISSING if pick is None else pick
    if op in ("absent",) or (op == "present" and not v):
        return _MISSING
    if op == "present":
        return rng.choice(choices) if choices else 1
    if op in ("ne", "not_in"):
        bad = set(v) if op == "not_in" else {v}
        ok = [c for c in (choices or []) if c not in bad]
        return rng.choice(ok) if ok else None
    return {"lt": v - 1, "lte": v, "gt": v + 1, "gte": v}[op]


def _choices(spec: Attribute | None, name: str, edition: Edition) -> list | None:
    v = edition.vocab
    if spec is not None:
        return [True, False] if spec.kind == "boolean" else list(spec.values) or None
    return {"sex": list(v.sexes), "reporter_role": list(v.reporter_roles), "channel": list(v.channels),
            "place": list(v.places), "kind": list(v.relationship_kinds),
            "contradicts": [True, False], "credible": [True, False],
            "immediately_available": [True, False], "force_area": ["northshire", "southshire"],
            "country": ["england", "wales"]}.get(name)


def directed_incident(rng: random.Random, edition: Edition, rule, n: int = 0) -> dict:
    """An incident meant to fire `rule` on act a1 (victim V, offender S), with a second act a2 of
    the same type by T against W whose facts are drawn at random, and a relationship in each
    direction: the facts a broken join would pair up wrongly."""
    v = edition.vocab
    raw = random_incident(rng, edition, n)
    t = rng.choice(rule.act_types) if rule.act_types else rng.choice(list(v.act_types))
    spec_of = v.act_types[t].attributes
    persons = {pid: {"id": pid, "attributes": _attrs(rng, v.person_attributes, 0.3)} for pid in ("V", "W", "S", "T")}
    a1: dict = {"id": "a1", "type": t, "by": ["S"], "against": "V", "attributes": {}}
    a2: dict = {"id": "a2", "type": t, "by": ["T"], "against": "W", "attributes": _attrs(rng, spec_of, 0.6)}
    rel = {"a": "S", "b": "V", "kind": rng.choice(list(v.relationship_kinds))}
    incident_attrs: dict = {}
    evidence = None
    for p in rule.patterns:
        for test in p.tests:
            name = test.attr
            if p.alias == "act":
                if name == "type":
                    continue
                if name == "has_victim":
                    if test.evaluate({"has_victim": False}) is True and test.evaluate({"has_victim": True}) is not True:
                        a1.pop("against", None)
                    continue
                value = _satisfying(rng, test, _choices(spec_of.get(name), name, edition))
                target = a1["attributes"]
            elif p.alias in ("victim", "offender"):
                person = persons["V" if p.alias == "victim" else "S"]
                spec = v.person_attributes.get(name)
                if name == "age":
                    value = _satisfying(rng, test, [2, 12, 15, 17, 30, 70])
                    if value is not _MISSING and value is not None:
                        value = max(0, min(130, int(value)))
                    target = person
                else:
                    value = _satisfying(rng, test, _choices(spec, name, edition))
                    target = person if name == "sex" else person["attributes"]
            elif p.alias == "relationship":
                if name == "personally_connected":
                    kinds = [k for k, s in v.relationship_kinds.items() if s.get("personally_connected") == test.value]
                    value = rng.choice(kinds) if kinds else None
                    name = "kind"
                else:
                    value = _satisfying(rng, test, _choices(None, name, edition))
                target = rel
            elif p.alias == "incident":
                if name in v.incident_attributes:
                    value = _satisfying(rng, test, _choices(v.incident_attributes[name], name, edition))
                    target = incident_attrs
                else:
                    value = _satisfying(rng, test, _choices(None, name, edition))
                    target = raw["reporter"] if name in ("reporter_role", "channel") else raw["location"]
                    name = "role" if name == "reporter_role" else name
            else:  # evidence
                evidence = evidence or {"id": "E1", "acts": ["a1"], "contradicts": False, "credible": False,
                                        "immediately_available": False}
                value = _satisfying(rng, test, [True, False])
                target = evidence
            if value is None:
                continue
            if value is _MISSING:
                target.pop(name, None)
            else:
                target[name] = value
    if "against" not in a1:
        a2.pop("against", None)
    raw["persons"] = list(persons.values())
    raw["acts"] = [a1, a2]
    raw["relationships"] = [rel, {"a": "T", "b": "W", "kind": rng.choice(list(v.relationship_kinds))}]
    raw["evidence"] = [evidence] if evidence else []
    raw["attributes"] = {**raw["attributes"], **incident_attrs}
    raw["id"] = f"DIR-{n}"
    return raw


def directed_incidents(edition: Edition, seed: int = 9) -> list[tuple[str, dict]]:
    """One incident aimed at each rule of the edition: (rule id, incident)."""
    rng = random.Random(f"{edition.name}:directed:{seed}")
    return [(r.id, directed_incident(rng, edition, r, i)) for i, r in enumerate(edition.rules)]
