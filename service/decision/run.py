"""Stage 2: the edition's rules run on the facts; which rules fired for which act."""
from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

from ..contract.incident import Incident
from ..engine.driver import Firing
from ..engine.runtime import engine_of
from ..rules.model import Edition


@dataclass(frozen=True)
class EngineRun:
    firings: list[Firing]  # every firing, in the engine's order (the trace)
    fired: dict[str, dict[str, Firing]]  # act id -> rule id -> its first firing on that act
    # act id -> (rule id, offence, day) of classifications set aside: offence not in force that day
    set_aside: dict[str, list[tuple]] = field(default_factory=dict)


# edition -> {rule id: the offence it classifies to} for the rules whose offence has a date it
# comes into force or ceases (every other classification is in force on every day)
_DATED: "weakref.WeakKeyDictionary[Edition, dict]" = weakref.WeakKeyDictionary()


def _dated(edition: Edition) -> dict:
    """The rules that classify to an offence in force only between dates, and that offence: worked
    out once per edition (its rules and offences never change after loading). A rule not in it has
    no classification, or one whose offence `in_force_on` every day."""
    got = _DATED.get(edition)
    if got is None:
        got = {}
        for r in edition.rules:
            target = r.consequence("classify")
            off = edition.offences.get(*target) if target else None
            if off is not None and (off.in_force_from is not None or off.ceased is not None):
                got[r.id] = off
        _DATED[edition] = got
    return got


def set_aside_not_in_force(inc: Incident, edition: Edition, fired: dict[str, dict[str, Firing]]) -> dict[str, list[tuple]]:
    """Remove from `fired` every firing that classifies an act to an offence not in force on the
    day of the act (its occurred_at, else the report time): such a rule cannot apply, so the rules
    it overrides apply again. Returns, per act, (rule id, offence, day) of what was set aside."""
    out: dict[str, list[tuple]] = {}
    dated = _dated(edition)
    for act in inc.acts:
        on_act = fired.get(act.id, {})
        dated_here = [rid for rid in on_act if rid in dated]  # in firing order
        if not dated_here:
            continue
        day = (act.occurred_at or inc.reported_at).astimezone(dt.timezone.utc).date()
        for rid in dated_here:
            off = dated[rid]
            if not off.in_force_on(day):
                del on_act[rid]
                out.setdefault(act.id, []).append((rid, off, day))
    return out


def run(inc: Incident, edition: Edition, facts: list[dict]) -> EngineRun:
    # the driver checks every firing's joins and fails loudly if one does not hold (engine-notes)
    firings: list[Firing] = engine_of(edition).run(facts)
    fired: dict[str, dict[str, Firing]] = {a.id: {} for a in inc.acts}
    for f in firings:
        fired[f.facts["act"]["ref"]].setdefault(f.rule_id, f)
    return EngineRun(firings, fired, set_aside_not_in_force(inc, edition, fired))
