"""Stage 1: the incident as a flat list of typed facts, and an index over them."""
from __future__ import annotations

from ..contract.incident import Incident
from ..rules.model import Edition


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def build_facts(inc: Incident, edition: Edition) -> list[dict]:
    """The incident as a flat list of typed facts, each with an engine id and a user-facing ref."""
    persons = {p.id: p for p in inc.persons}
    facts: list[dict] = [_clean({
        "t": "incident", "id": "incident", "ref": inc.id,
        "reporter_role": inc.reporter.role, "channel": inc.reporter.channel,
        "place": inc.location.place, "force_area": inc.location.force_area, "country": inc.location.country,
        **inc.attributes,
    })]

    def party(act_fid: str, act_id: str, role: str, pid: str, age_then: int | None = None) -> dict:
        p = persons[pid]
        return _clean({"t": "party", "id": f"party:{act_id}:{role}:{pid}", "ref": pid, "act": act_fid,
                       "role": role, "person": pid, "age": age_then if age_then is not None else p.age,
                       "age_now": p.age if role == "victim" else None, "sex": p.sex, "person_kind": p.kind,
                       **p.attributes})

    for act in inc.acts:
        fid = f"act:{act.id}"
        facts.append(_clean({"t": "act", "id": fid, "ref": act.id, "type": act.type,
                             "has_victim": act.against is not None, "force_area": act.force_area, **act.attributes}))
        if act.against:
            facts.append(party(fid, act.id, "victim", act.against, act.victim_age))
        for pid in act.by:
            facts.append(party(fid, act.id, "offender", pid))
    kinds = edition.vocab.relationship_kinds
    for i, rel in enumerate(inc.relationships):
        connected = bool(kinds.get(rel.kind, {}).get("personally_connected", False))
        for suffix, a, b in (("ab", rel.a, rel.b), ("ba", rel.b, rel.a)):
            facts.append({"t": "relationship", "id": f"rel:{i}:{suffix}", "ref": f"{a}~{b}", "from": a, "to": b,
                          "kind": rel.kind, "personally_connected": connected})
    for ev in inc.evidence:
        for a in ev.acts:
            facts.append({"t": "evidence", "id": f"ev:{ev.id}:{a}", "ref": ev.id, "act": f"act:{a}",
                          "contradicts": ev.contradicts, "credible": ev.credible,
                          "immediately_available": ev.immediately_available})
    return facts


class FactIndex:
    """The facts by kind, and which of them could stand for a rule's alias given a partial match."""

    def __init__(self, facts: list[dict]):
        self.by_kind: dict[str, list[dict]] = {}
        for f in facts:
            self.by_kind.setdefault(f["t"], []).append(f)
        self.acts: dict[str, dict] = {f["ref"]: f for f in self.by_kind.get("act", [])}

    @property
    def incident(self) -> dict:
        return self.by_kind["incident"][0]

    def candidates(self, alias: str, binding: dict[str, dict]) -> list[dict] | None:
        """Facts that could stand for `alias`; None when the report says nothing at all."""
        act = binding["act"]
        if alias in ("victim", "offender"):
            return [f for f in self.by_kind.get("party", []) if f["act"] == act["id"] and f["role"] == alias]
        if alias == "relationship":
            o, v = binding["offender"], binding["victim"]
            found = [f for f in self.by_kind.get("relationship", [])
                     if f["from"] == o["person"] and f["to"] == v["person"]]
            return found or None
        if alias == "incident":
            return self.by_kind["incident"]
        if alias == "evidence":
            return [f for f in self.by_kind.get("evidence", []) if f["act"] == act["id"]]
        raise KeyError(alias)
