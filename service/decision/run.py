"""Stage 2: the edition's rules run on the facts; which rules fired for which act."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..contract import Incident
from ..engine import Firing
from ..rules.model import Edition
from ..runtime import engine_of


@dataclass(frozen=True)
class EngineRun:
    firings: list[Firing]  # every firing, in the engine's order (the trace)
    fired: dict[str, dict[str, Firing]]  # act id -> rule id -> its first firing on that act
    # act id -> (rule id, offence, day) of classifications set aside: offence not in force that day
    set_aside: dict[str, list[tuple]] = field(default_factory=dict)


def set_aside_not_in_force(inc: Incident, edition: Edition, fired: dict[str, dict[str, Firing]]) -> dict[str, list[tuple]]:
    """Remove from `fired` every firing that classifies an act to an offence not in force on the
    day of the act (its occurred_at, else the report time): such a rule cannot apply, so the rules
    it overrides apply again. Returns, per act, (rule id, offence, day) of what was set aside."""
    out: dict[str, list[tuple]] = {}
    for act in inc.acts:
        day = (act.occurred_at or inc.reported_at).astimezone(dt.timezone.utc).date()
        for rid in list(fired.get(act.id, {})):
            target = edition.rule_by_id[rid].consequence("classify")
            off = edition.offences.get(*target) if target else None
            if off is not None and not off.in_force_on(day):
                del fired[act.id][rid]
                out.setdefault(act.id, []).append((rid, off, day))
    return out


def run(inc: Incident, edition: Edition, facts: list[dict]) -> EngineRun:
    # the driver checks every firing's joins and fails loudly if one does not hold (engine-notes)
    firings: list[Firing] = engine_of(edition).run(facts)
    fired: dict[str, dict[str, Firing]] = {a.id: {} for a in inc.acts}
    for f in firings:
        fired[f.facts["act"]["ref"]].setdefault(f.rule_id, f)
    return EngineRun(firings, fired, set_aside_not_in_force(inc, edition, fired))
