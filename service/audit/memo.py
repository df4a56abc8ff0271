"""Decisions kept per incident shape for an audit (issue 11; service/shapes.py says what a shape is
and why its decision may be reused).

A quarter's records are mostly a few hundred shapes again and again (one common assault after
another, each with its own reference and report time). The auditor decides a shape's first record
under the stand-in id and keeps the decision as the audit reads it, pickled: its outcome, crimes,
negations, act accounts and the questions about its undecided acts (field, acts and rules; no
texts; ``match.questions_read``), without its other questions, trace, notes, reviews and
assumptions (audit/match.py reads none of them) or its per-call fields. Every record of the shape, the
first included, gets that decision with the stand-in replaced by its own id in the pickle's bytes
(the same length, so every length in it holds) and its own record_by, deadline_passed, decided_at
and decision_id. A decision is kept only when the stand-in's bytes occur in its pickle exactly as
often as in its texts (so the replacement touches texts alone) and it quotes none of the record's
dates. Records the memo cannot read as a shape (an id or a time in another form) go the full way,
which also says what is wrong with them."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import re
from dataclasses import dataclass

from .. import shapes
from ..contract.incident import MAX_YEAR, MIN_YEAR
from ..decision import Decision, deadline_binds
from ..ids import new_decision_id
from .match import questions_read

# the times the memo reads itself (RFC 3339 with an offset); any other form goes the full way
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")
_US = dt.timedelta(microseconds=1)
# the shape key's JSON, made once (json.dumps with any option makes a new encoder on every call)
_KEY = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_UTC = dt.timezone.utc


@dataclass(frozen=True)
class Kept:
    template: bytes  # the pickled decision, under the stand-in id, without trace and per-call fields
    stand_in: bytes
    deadline: dt.timedelta  # record_by - reported_at
    binds: bool


def _time(value) -> dt.datetime | None:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        return None
    t = dt.datetime.fromisoformat(value)
    return t if MIN_YEAR <= t.year <= MAX_YEAR else None


class AuditMemo:
    def __init__(self, service, entries: int | None = None, max_bytes: int = shapes.DEFAULT_BYTES):
        if entries is None:
            entries, max_bytes = shapes.default_bounds()
        self.service = service
        self.shelf: shapes.Shelf[Kept] = shapes.Shelf(entries, max_bytes, "audit")
        self.spans = shapes.Spans(service.editions, service.rules_dir)

    @property
    def stats(self):
        return self.shelf.stats

    def decide(self, incident, edition: str | None = None) -> Decision:
        """As ``service.decide(incident, edition=edition, prefix="incident")`` for what an audit
        reads (see above); tests/test_audit_memo.py shows the findings are the same."""
        shape = self._shape(incident, edition) if self.shelf.entries else None
        if shape is None:
            return self.service.decide(incident, edition=edition, prefix="incident")
        key, inc_id, reported, days = shape
        kept = self.shelf.get(key)
        if kept is None:
            made = self.service.decide(incident, edition=edition, prefix="incident", as_id=shapes.stand_in(len(inc_id)))
            kept = self._keep(made, reported, days)
            if kept is None:
                self.shelf.count("not_kept")
                return self.service.decide(incident, edition=edition, prefix="incident")
            self.shelf.put(key, kept, len(key) + len(kept.template))
        return self._made(kept, inc_id, reported)

    # ------------------------------------------------------------------------------ inside

    def _shape(self, incident, edition: str | None):
        """(key, id, report time, days of its times) of a record the memo can read, else None."""
        if not isinstance(incident, dict):
            return None
        inc_id, reported = incident.get("id"), _time(incident.get("reported_at"))
        acts, priors = incident.get("acts"), incident.get("prior_records") or []
        if (not isinstance(inc_id, str) or not shapes.INCIDENT_ID.fullmatch(inc_id) or reported is None
                or not isinstance(acts, list) or not isinstance(priors, list)):
            return None
        try:
            chosen = self.service.edition_for(reported, edition)
        except LookupError:
            return None
        bounds = self.spans.of(chosen.name)
        if bounds is None:
            return None
        day = (reported - shapes.EPOCH_UTC) // dt.timedelta(days=1)
        days, spans, moved_acts, moved_priors = {day}, [], [], []
        for a in acts:
            if not isinstance(a, dict):
                return None
            if a.get("occurred_at") is None:
                spans.append(shapes.Spans.span(bounds, day))
                moved_acts.append(a)
                continue
            t = _time(a["occurred_at"])
            if t is None:
                return None
            d = (t - shapes.EPOCH_UTC) // dt.timedelta(days=1)
            days.add(d)
            spans.append(shapes.Spans.span(bounds, d))
            moved_acts.append({**a, "occurred_at": (t - reported) // _US})
        for p in priors:
            if not isinstance(p, dict):
                return None
            t = _time(p.get("reported_at"))
            if t is None:
                return None
            days.add((t - shapes.EPOCH_UTC) // dt.timedelta(days=1))
            moved_priors.append({**p, "reported_at": (t - reported) // _US})
        body = {**incident, "acts": moved_acts, "prior_records": moved_priors}
        del body["id"], body["reported_at"]
        try:
            key = _KEY.encode([chosen.name, edition or "", len(inc_id), spans, body])
        except (TypeError, ValueError):
            return None
        if "\x7f" in key:
            return None  # the stand-in's bytes in the record itself
        return key, inc_id, reported, days

    def _keep(self, decision: Decision, reported: dt.datetime, days: set[int]) -> Kept | None:
        needle = shapes.stand_in(len(decision.incident_id))
        light = dataclasses.replace(
            decision, trace=[], notes=[], reviews=[], assumptions=[], decision_id="", request_digest="",
            record_by=None, decided_at=None, deadline_passed=False,
            questions=[dataclasses.replace(q, text="", allowed=[], items=[]) for q in questions_read(decision)])
        template = shapes.pickled_exactly(light, needle)
        if template is None or shapes.quotes_a_day(template, days):
            return None
        return Kept(template, needle.encode("ascii"), decision.record_by - reported, deadline_binds(decision.outcome))

    @staticmethod
    def _made(kept: Kept, inc_id: str, reported: dt.datetime) -> Decision:
        d: Decision = pickle.loads(kept.template.replace(kept.stand_in, inc_id.encode("ascii")))
        now = dt.datetime.now(_UTC)
        d.decision_id, d.record_by, d.decided_at = new_decision_id(), reported + kept.deadline, now
        d.deadline_passed = kept.binds and now > d.record_by
        return d
