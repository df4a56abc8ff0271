"""The Python door to the decision engine; the gRPC servicer and the CLI both call this."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import edition_cache, heap
from .contract.incident import Incident, InvalidIncident, check_incident, parse_incident, with_id
from .decision import Decision, decide, questions, run_engine
from .decision.index import SEARCH_FILENAME
from .decision.index import index_of as question_index
from .engine.runtime import engine_of
from .ids import new_decision_id
from .record import DecisionRecord, LogUnavailable, NoDecisionLog, RecordError
from .review.crime import parse_review, review
from .rules.load import default_rules_dir, load_editions
from .rules.model import Edition


class NoEdition(LookupError):
    """No edition of the rules applies (unknown name, or a report before the earliest edition)."""


@dataclass
class Prepared:
    """An incident validated and run through the engine, not yet decided (DecisionService.prepare)."""
    incident: Incident  # as checked against the edition: what the decision log holds
    edition: Edition
    as_id: str | None  # the stand-in it is decided under, if any
    decided: Incident  # the incident under that id (else `incident` itself)
    ran: tuple | None  # decision.run_engine's result for `decided` (None: not run yet, see run)

    def run(self) -> None:
        """Run the engine on the incident, if not yet."""
        if self.ran is None:
            self.ran = run_engine(self.decided, self.edition)


class DecisionService:
    def __init__(self, rules_dir: Path | None = None, decision_log: str | None = None,
                 retention_days: float | None = None):
        self.rules_dir = rules_dir or default_rules_dir()
        # from the copy on disk when the rules and the code are unchanged (service/edition_cache.py)
        self.editions: dict[str, Edition]
        with heap.paused():  # what is built here lives as long as the service: no collection walks it meanwhile
            self._load()
        # the decision log (service/record): every decision and review is on it before its reply
        self.record: DecisionRecord | None = (
            DecisionRecord.open(decision_log, self.rules_dir, self.editions, retention_days)
            if decision_log else None)

    def _load(self) -> None:
        self.editions, editions_key = edition_cache.load_keyed(self.rules_dir, load_editions)
        for e in self.editions.values():
            engine_of(e)  # compile every ruleset at start-up, never on a request
            question_index(e)  # and the question search's index (service/decision/index.py)
        if questions.COMPILED:  # and its compiled search per act type, kept on disk with the editions
            made = edition_cache.searches(editions_key, lambda: {
                name: question_index(e).search_sources() for name, e in self.editions.items()}, SEARCH_FILENAME)
            for name, e in self.editions.items():
                index = question_index(e)
                got = made.get(name)
                # a copy that does not name every act type of this edition: made here instead
                index.compile_searches(got if got is not None and got.keys() == index.search_types() else None)

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
               prefix: str = "", caller: str = "", pending: list | None = None,
               check_only: bool = False, as_id: str | None = None,
               received: dt.datetime | None = None, prepared: Prepared | None = None) -> Decision | None:
        """Validate a JSON-like incident and decide it. Raises InvalidIncident or NoEdition.

        With `check_only`, stop after validation (None): to report every violation at once.

        With a decision log, the decision is on it before this returns (or, given ``pending``, its
        entry is added there for :meth:`write_log` to write with the rest of a batch); a failed
        write raises LogUnavailable.

        With `as_id`, the incident is decided under that id instead of its own (a stand-in that
        service/transport/memo.py replaces) and the decision is NOT put on the log: the caller
        logs the decision it makes from it (:meth:`log_decision`).

        `prepared`: what :meth:`prepare` gave for this same `raw`, `edition`, `prefix` and `as_id`
        (then none of them is read again)."""
        received = received or dt.datetime.now(dt.timezone.utc)
        if prepared is None:
            prepared = self.prepare(raw, edition, prefix, as_id, run=False)
            if check_only:
                return None
        prepared.run()
        if prepared.as_id is not None:
            return decide(prepared.decided, prepared.edition, as_of, stamp=False, ran=prepared.ran)
        decision = decide(prepared.decided, prepared.edition, as_of, ran=prepared.ran)
        self.log_decision(decision, prepared.incident, prepared.edition, caller, received, edition, as_of, pending)
        return decision

    def prepare(self, raw: Any, edition: str | None = None, prefix: str = "", as_id: str | None = None,
                run: bool = True) -> Prepared:
        """The first half of :meth:`decide`: validate the incident and run the edition's rules on
        it (decision.run_engine; with `run=False`, not yet: Prepared.run, or decide, does).
        Raises what decide raises for the incident and the engine."""
        incident = parse_incident(raw, prefix)
        chosen = self.edition_for(incident.reported_at, edition)
        incident = check_incident(incident, chosen, prefix)
        decided = with_id(incident, as_id) if as_id is not None else incident
        prepared = Prepared(incident, chosen, as_id, decided, None)
        if run:
            prepared.run()
        return prepared

    def log_decision(self, decision: Decision, incident, chosen: Edition, caller: str, received: dt.datetime,
                     requested_edition: str | None, as_of: dt.datetime | None, pending: list | None) -> None:
        """Put a decision on the decision log (or its entry in ``pending``); nothing without a log."""
        if self.record is None:
            return
        entry = self.record.decision_entry(decision, incident, chosen, caller, received, requested_edition, as_of)
        if pending is None:
            self.record.write([entry])
        else:
            pending.append(entry)

    def write_log(self, pending: list) -> None:
        """Write a batch's entries in one transaction (before the batch's reply)."""
        if self.record is not None:
            self.record.write(pending)

    def queue(self):
        """The supervision queue (service.record.supervision.Queue); NoDecisionLog without a log."""
        if self.record is None:
            raise NoDecisionLog("this server keeps no decision log (start it with --decision-log)")
        return self.record.queue

    def review(self, raw: Any, caller: str = ""):
        """Decide a request to transfer, cancel or reclassify a recorded crime (on the decision log,
        when there is one, before this returns)."""

        received = dt.datetime.now(dt.timezone.utc)
        req = parse_review(raw)
        when = req.crime.recorded_at or dt.datetime.now(dt.timezone.utc)
        if when.tzinfo is None:
            raise InvalidIncident([("crime.recorded_at", "must include a time zone (e.g. 2026-06-01T10:00:00Z)")])
        edition = self.edition_for(when, req.edition)
        result = review(req, edition)
        if req.action == "reclassify" and req.incident is not None:
            # on the record as part of this review, not as a decision of its own
            decision = self.decide(req.incident, edition=edition.name, prefix="incident", pending=[])
            result.decided, result.decision = decision, decision.to_dict()
            mine = [c for c in decision.crimes if not req.crime.victim or c.victim == req.crime.victim]
            if mine:
                result.new_classification = f"{mine[0].classification} {mine[0].ho_code}"
        result.rules_revision, result.review_id = edition.revision, new_decision_id()
        if self.record is not None:
            self.record.write([self.record.review_entry(result, req.model_dump(mode="json", exclude_none=True),
                                                        edition, caller, received)])
        return result


__all__ = ["DecisionService", "InvalidIncident", "LogUnavailable", "NoEdition", "RecordError"]
