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


def run(inc: Incident, edition: Edition, facts: list[dict]) -> EngineRun:
    firings: list[Firing] = edition.engine().run(facts)
    fired: dict[str, dict[str, Firing]] = {a.id: {} for a in inc.acts}
    for f in firings:
        fired[f.facts["act"]["ref"]].setdefault(f.rule_id, f)
    return EngineRun(firings, fired)
