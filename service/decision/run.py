"""Stage 2: the edition's rules run on the facts; which rules fired for which act."""
from __future__ import annotations

from dataclasses import dataclass

from ..contract import Incident
from ..engine import Firing
from ..rulebook import Edition


@dataclass(frozen=True)
class EngineRun:
    firings: list[Firing]  # every firing, in the engine's order (the trace)
    fired: dict[str, dict[str, Firing]]  # act id -> rule id -> its first firing on that act


def joins_hold(f: Firing) -> bool:
    """Whether a firing's facts belong together as the rule's joins say (a party or evidence of
    this act; the relationship between this act's offender and victim). The engine has been seen
    to match a party of another act (shared/design/engine-notes.md: joins can be skipped)."""
    facts = f.facts
    act_id = facts["act"].get("id")
    for alias in ("victim", "offender", "evidence"):
        if alias in facts and facts[alias].get("act") != act_id:
            return False
    rel = facts.get("relationship")
    if rel is not None:
        if "offender" in facts and rel.get("from") != facts["offender"].get("person"):
            return False
        if "victim" in facts and rel.get("to") != facts["victim"].get("person"):
            return False
    return True


def run(inc: Incident, edition: Edition, facts: list[dict]) -> EngineRun:
    firings: list[Firing] = [f for f in edition.engine().run(facts) if joins_hold(f)]
    fired: dict[str, dict[str, Firing]] = {a.id: {} for a in inc.acts}
    for f in firings:
        fired[f.facts["act"]["ref"]].setdefault(f.rule_id, f)
    return EngineRun(firings, fired)
