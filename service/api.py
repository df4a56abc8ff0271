"""The Python door to the decision engine; the gRPC servicer and the CLI both call this."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .contract import InvalidIncident, check_incident, parse_incident
from .decision import Decision, decide
from .rulebook import Edition, default_rules_dir, load_editions


class NoEdition(LookupError):
    """No edition of the rules applies (unknown name, or a report before the earliest edition)."""


class DecisionService:
    def __init__(self, rules_dir: Path | None = None):
        self.rules_dir = rules_dir or default_rules_dir()
        self.editions: dict[str, Edition] = load_editions(self.rules_dir)
        for e in self.editions.values():
            e.engine()  # compile every ruleset at start-up, never on a request

    def edition_for(self, reported_at: dt.datetime, name: str | None = None) -> Edition:
        if name:
            if name not in self.editions:
                raise NoEdition(f"unknown edition; known: {', '.join(sorted(self.editions))}")
            return self.editions[name]
        day = reported_at.astimezone(dt.timezone.utc).date()
        in_force = [e for e in self.editions.values()
                    if e.in_force_from <= day and (e.in_force_until is None or day <= e.in_force_until)]
        if not in_force:
            held = ", ".join(f"{e.name} ({e.in_force_from} to {e.in_force_until or 'now'})"
                             for e in sorted(self.editions.values(), key=lambda e: e.in_force_from))
            raise NoEdition(f"no edition held is in force on {day} (held: {held}); name an edition to "
                            "decide under it anyway")
        return max(in_force, key=lambda e: e.in_force_from)

    def decide(self, raw: Any, edition: str | None = None, as_of: dt.datetime | None = None,
               prefix: str = "", check_only: bool = False) -> Decision | None:
        """Validate a JSON-like incident and decide it. Raises InvalidIncident or NoEdition.

        With `check_only`, stop after validation (None): to report every violation at once."""
        incident = parse_incident(raw, prefix)
        chosen = self.edition_for(incident.reported_at, edition)
        incident = check_incident(incident, chosen, prefix)
        if check_only:
            return None
        return decide(incident, chosen, as_of)


    def review(self, raw: Any):
        """Decide a request to transfer, cancel or reclassify a recorded crime."""
        from .review import parse_review, review

        req = parse_review(raw)
        when = req.crime.recorded_at or dt.datetime.now(dt.timezone.utc)
        if when.tzinfo is None:
            raise InvalidIncident([("crime.recorded_at", "must include a time zone (e.g. 2026-06-01T10:00:00Z)")])
        edition = self.edition_for(when, req.edition)
        result = review(req, edition)
        if req.action == "reclassify" and req.incident is not None:
            decision = self.decide(req.incident, edition=edition.name, prefix="incident")
            result.decided, result.decision = decision, decision.to_dict()
            mine = [c for c in decision.crimes if not req.crime.victim or c.victim == req.crime.victim]
            if mine:
                result.new_classification = f"{mine[0].classification} {mine[0].ho_code}"
        return result


__all__ = ["DecisionService", "InvalidIncident", "NoEdition"]
