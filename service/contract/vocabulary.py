"""An edition's vocabulary as plain data, for apps (DescribeVocabulary) and the CLI."""
from __future__ import annotations

from ..rules.model import Attribute, Edition


def _attribute(a: Attribute) -> dict:
    if a.kind == "boolean":
        values = [{"name": "yes", "description": ""}, {"name": "no", "description": ""}]
    else:
        values = [{"name": v, "description": " ".join(str(a.value_help.get(v, "")).split())} for v in a.values]
    return {"name": a.name, "question": a.question, "kind": a.kind, "values": values}


def describe(edition: Edition) -> dict:
    v = edition.vocab

    def terms(mapping: dict, key: str | None = None) -> list[dict]:
        out = []
        for name, spec in mapping.items():
            text = spec.get(key, "") if isinstance(spec, dict) and key else spec
            out.append({"name": name, "description": " ".join(str(text or "").split())})
        return out

    return {
        "edition": edition.name,
        "rules_revision": edition.revision,
        "act_types": [{"name": t.name, "label": t.label,
                       "attributes": [_attribute(a) for a in t.attributes.values()]}
                      for t in v.act_types.values()],
        "person_attributes": [_attribute(a) for a in v.person_attributes.values()],
        "incident_attributes": [_attribute(a) for a in v.incident_attributes.values()],
        "relationship_kinds": terms(v.relationship_kinds, "label"),
        "reporter_roles": terms(v.reporter_roles),
        "channels": terms(v.channels),
        "places": terms(v.places),
        "flags": terms(v.flags, "label"),
        "sexes": list(v.sexes),
        "envelope_questions": dict(v.envelope_questions),
        "person_kinds": terms(v.person_kinds),
    }
