"""Put an officer's answer to a question back into the incident, by the question's field path.

Apps and the flow scenarios use this: a decision lists questions with a ``field`` such as
``acts[a1].attributes.injury``, ``persons[V].age``, ``relationships[S,V].kind`` or
``incident.attributes.recording_necessary``; ``apply_answer`` returns the incident with that field
set, ready to be decided again.
"""
from __future__ import annotations

import copy
import re
from typing import Any

_ENVELOPE = {"reporter_role": ("reporter", "role"), "channel": ("reporter", "channel"),
             "place": ("location", "place"), "force_area": ("location", "force_area"),
             "country": ("location", "country")}


def apply_answer(incident: dict, field: str, answer: Any) -> dict:
    """A copy of ``incident`` with the answer to the question at ``field``; ValueError if unknown."""
    inc = copy.deepcopy(incident)
    m = re.fullmatch(r"acts\[([^\]]+)\]\.attributes\.(\w+)", field)
    if m:
        act = next((a for a in inc.get("acts", []) if a.get("id") == m.group(1)), None)
        if act is None:
            raise ValueError(f"no act {m.group(1)!r}")
        act.setdefault("attributes", {})[m.group(2)] = answer
        return inc
    m = re.fullmatch(r"persons\[([^\]]+)\]\.(age|sex|attributes\.(\w+))", field)
    if m:
        person = next((p for p in inc.get("persons", []) if p.get("id") == m.group(1)), None)
        if person is None:
            person = {"id": m.group(1)}
            inc.setdefault("persons", []).append(person)
        if m.group(3):
            person.setdefault("attributes", {})[m.group(3)] = answer
        else:
            person[m.group(2)] = int(answer) if m.group(2) == "age" else answer
        return inc
    m = re.fullmatch(r"relationships\[([^,\]]+),([^\]]+)\]\.kind", field)
    if m:
        rels = inc.setdefault("relationships", [])
        rels[:] = [r for r in rels if {r.get("a"), r.get("b")} != {m.group(1), m.group(2)}]
        rels.append({"a": m.group(1), "b": m.group(2), "kind": answer})
        return inc
    m = re.fullmatch(r"incident\.attributes\.(\w+)", field)
    if m:
        inc.setdefault("attributes", {})[m.group(1)] = answer
        return inc
    m = re.fullmatch(r"incident\.(\w+)", field)
    if m and m.group(1) in _ENVELOPE:
        section, key = _ENVELOPE[m.group(1)]
        inc.setdefault(section, {})[key] = answer
        return inc
    raise ValueError(f"not a question field this service asks: {field!r}")
