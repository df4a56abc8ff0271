"""The supervision queue, derived from the decision log.

What a supervisor or the crime services team must look at. Which decisions go on it is data
(``rules/supervision.yaml``, read into a :class:`Policy`); this module only applies it:

- ``n_record``: an act recorded as a listed notifiable reported incident (e.g. N100) instead of a crime;
- ``negation``: an act done against a person negated with a listed disposition (no crime, crime
  related incident);
- ``provisional``: a crime made by a rule that took effect on a fact not given, whose answer could
  still change whether it is recorded, its classification or its count;
- ``non_crime_flag``: an act not recorded as a crime on which a listed flag was raised;
- ``deadline``: the recording deadline is near or past and no supervisor has resolved the decision
  (for decisions on the queue for another reason, or with a listed outcome).

The first four are worked out from a decision's content when it is logged (stored beside it as
supervision items); ``deadline`` depends on the clock and is worked out when the queue is read.
A resolution (agree, or a different decision) is stored beside the original, which never changes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..contract.incident import InvalidIncident
from ..decision import OUTCOMES
from ..ids import uuid7
from .log import Entry, RecordError, ResolutionRow, Store

KINDS = ("n_record", "negation", "provisional", "non_crime_flag", "deadline")
VERDICTS = ("agree", "differ")
MAX_REASON = 2000
MAX_NAME = 200
UTC = dt.timezone.utc


class UnknownDecision(RecordError):
    status = "NOT_FOUND"


class NoDecisionLog(RecordError):
    status = "FAILED_PRECONDITION"


@dataclass(frozen=True)
class Policy:
    notifiable_incidents: frozenset[str] = frozenset()
    negation_dispositions: frozenset[str] = frozenset()
    provisional_purposes: frozenset[str] = frozenset()
    non_crime_flags: frozenset[str] = frozenset()
    deadline_outcomes: frozenset[str] = frozenset()
    deadline_near: dt.timedelta = dt.timedelta(hours=4)

    FILE = "supervision.yaml"

    @classmethod
    def load(cls, rules_dir: Path, editions: dict | None = None) -> "Policy":
        """The policy of a rules folder (its supervision.yaml; none: nothing but deadlines)."""
        path = Path(rules_dir) / cls.FILE
        if not path.exists():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        known = {"notifiable_incidents", "negation_dispositions", "provisional_purposes", "non_crime_flags",
                 "deadline_outcomes", "deadline_near_hours"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")

        def words(key: str) -> frozenset[str]:
            value = data.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{path}: {key} must be a list of words")
            return frozenset(value)

        policy = cls(words("notifiable_incidents"), words("negation_dispositions"), words("provisional_purposes"),
                     words("non_crime_flags"), words("deadline_outcomes"),
                     dt.timedelta(hours=float(data.get("deadline_near_hours", 4))))
        bad = sorted(policy.deadline_outcomes - set(OUTCOMES))
        if bad:
            raise ValueError(f"{path}: deadline_outcomes: unknown outcome(s) {', '.join(bad)}")
        if editions:
            flags = {f for e in editions.values() for f in e.vocab.flags}
            bad = sorted(policy.non_crime_flags - flags)
            if bad:
                raise ValueError(f"{path}: non_crime_flags: no edition has the flag(s) {', '.join(bad)}")
        return policy


# ------------------------------------------------------------------------ what a decision puts there


def flags_outside_crimes(decision: dict, edition: Any) -> dict[str, list[str]]:
    """Flags the edition's rules raised on acts that were not recorded as a crime (a flag sits on
    a crime in the decision, so for non-crime records the trace tells which flag rules fired).
    ``decision``: a decision as a dict, with its ``acts`` and ``trace``."""
    not_recorded = {a["act"] for a in decision.get("acts", []) if a["status"] == "not_recorded"}
    out: dict[str, list[str]] = {}
    for f in decision.get("trace", []):
        act = f["facts"].get("act")
        if f.get("overridden_by") or act not in not_recorded:
            continue
        rule = edition.rule_by_id.get(f["rule_id"])
        flag = rule.consequence("flag") if rule is not None else None
        if flag and flag[0] not in out.get(act, []):
            out.setdefault(act, []).append(flag[0])
    return out


def provisional_crimes(decision: dict, policy: Policy) -> set[str]:
    """Ids of crimes that are provisional: the decision says so, or a rule that made the crime took
    effect on a fact that was not given (the decision asks for it: a question naming that rule)
    and the answer could change a listed purpose (whether to record, the class, the count)."""
    out = set()
    for c in decision.get("crimes", []):
        if "provisional" in c:
            if c["provisional"]:
                out.add(c["id"])
            continue
        made_by, acts = set(c.get("rule_ids", [])), set(c.get("acts", []))
        if any(q.get("purpose") in policy.provisional_purposes and made_by & set(q.get("rule_ids", []))
               and acts & set(q.get("acts", [])) for q in decision.get("questions", [])):
            out.add(c["id"])
    return out


def items_for(decision: dict, incident: dict, flags_outside: dict[str, list[str]],
              policy: Policy) -> list[tuple[str, str]]:
    """The (kind, reason) items a decision puts on the queue; reasons are plain one-liners."""
    items: list[tuple[str, str]] = []
    against = {a.get("id"): a.get("against") for a in incident.get("acts", [])}
    for n in decision.get("negations", []):
        if n.get("incident_class") in policy.notifiable_incidents:
            items.append(("n_record", f"act {n['act']}: {n['incident_class']} {n['incident_code']} "
                                      f"{n.get('incident_title', '')}".rstrip()))
        if n.get("disposition") in policy.negation_dispositions and against.get(n.get("act")):
            items.append(("negation", f"act {n['act']} against {against[n['act']]}: {n['disposition']} "
                                      f"[{n['reason_code']}]"))
    provisional = provisional_crimes(decision, policy)
    for c in decision.get("crimes", []):
        if c["id"] in provisional:
            items.append(("provisional", f"crime {c['id']}: {c['classification']} {c['ho_code']} "
                                         "may change with an open question"))
    for act, flags in sorted(flags_outside.items()):
        for name in flags:
            if name in policy.non_crime_flags:
                items.append(("non_crime_flag", f"act {act}: not recorded as a crime, flag {name}"))
    return list(dict.fromkeys(items))


def watches_deadline(decision: dict, items: list[tuple[str, str]], policy: Policy) -> bool:
    return bool(items) or decision.get("outcome") in policy.deadline_outcomes


# ------------------------------------------------------------------------------------- the queue


@dataclass
class Item:
    entry: Entry
    kinds: list[str]
    reasons: list[str]
    overdue: bool
    resolutions: list[ResolutionRow] = field(default_factory=list)

    @property
    def classifications(self) -> list[str]:
        d = self.entry.body.get("decision") or {}
        return [f"{c['classification']} {c['ho_code']}" for c in d.get("crimes", [])]

    def to_dict(self) -> dict:
        e = self.entry

        def t(v):
            return v.isoformat().replace("+00:00", "Z") if v else None

        return {
            "decision_id": e.decision_id, "kind": e.kind, "kinds": self.kinds, "reasons": self.reasons,
            "incident_id": e.incident_id, "caller": e.caller, "edition": e.edition,
            "rules_revision": e.rules_revision, "received_at": t(e.received_at), "record_by": t(e.record_by),
            "overdue": self.overdue, "outcome": e.outcome, "classifications": self.classifications,
            "resolutions": [{"resolution_id": r.resolution_id, "verdict": r.verdict, "reason": r.reason,
                             "supervisor": r.supervisor, "caller": r.caller, "resolved_at": t(r.resolved_at),
                             "outcome": r.outcome, "classifications": r.classifications}
                            for r in self.resolutions],
        }


class Queue:
    def __init__(self, store: Store, policy: Policy, editions: dict | None = None):
        self.store, self.policy, self.editions = store, policy, editions or {}

    def _item(self, e: Entry, now: dt.datetime, resolutions: list[ResolutionRow]) -> Item:
        kinds = list(dict.fromkeys(k for k, _ in e.items))
        reasons = [r for _, r in e.items]
        if e.watch_deadline and e.record_by is not None and not resolutions \
                and e.record_by <= now + self.policy.deadline_near:
            kinds.append("deadline")
            when = e.record_by.isoformat().replace("+00:00", "Z")
            reasons.append(f"recording deadline {when} " + ("has passed" if e.record_by < now else "is near")
                           + " and no supervisor has resolved it")
        overdue = e.record_by is not None and e.record_by < now
        return Item(e, kinds, reasons, overdue, resolutions)

    def list(self, kind: str = "", caller: str = "", since: dt.datetime | None = None, overdue: bool = False,
             include_resolved: bool = False, limit: int = 100, now: dt.datetime | None = None) -> list[Item]:
        violations = []
        if kind and kind not in KINDS:
            violations.append(("kind", f"unknown kind; use one of {', '.join(KINDS)}"))
        if not 0 <= limit <= 1000:
            violations.append(("limit", "must be between 0 and 1000"))
        if violations:
            raise InvalidIncident(violations)
        now = now or dt.datetime.now(UTC)
        entries = self.store.queue(near_before=now + self.policy.deadline_near, kind=kind, caller=caller,
                                   since=since, overdue_before=now if overdue else None,
                                   include_resolved=include_resolved, limit=limit or 100)
        res = self.store.resolutions([e.decision_id for e in entries])
        return [self._item(e, now, res.get(e.decision_id, [])) for e in entries]

    def show(self, decision_id: str, now: dt.datetime | None = None) -> Item:
        e = self.store.get(decision_id)
        if e is None:
            raise UnknownDecision("no decision with that id in the decision log")
        return self._item(e, now or dt.datetime.now(UTC), self.store.resolutions([decision_id]).get(decision_id, []))

    def resolve(self, decision_id: str, verdict: str, reason: str, supervisor: str, caller: str = "",
                outcome: str = "", classifications: Iterable[str] = (), now: dt.datetime | None = None
                ) -> tuple[ResolutionRow, Item]:
        """Record a supervisor's resolution beside the decision (which is left as it was)."""
        classifications = [" ".join(str(c).split()) for c in classifications]
        violations = []
        if not decision_id:
            violations.append(("decision_id", "the decision to resolve is required"))
        if verdict not in VERDICTS:
            violations.append(("verdict", "must be agree or differ"))
        if not reason.strip():
            violations.append(("reason", "a reason is required"))
        elif len(reason) > MAX_REASON:
            violations.append(("reason", f"at most {MAX_REASON} characters"))
        if not supervisor.strip():
            violations.append(("supervisor", "the supervisor's identity is required"))
        elif len(supervisor) > MAX_NAME:
            violations.append(("supervisor", f"at most {MAX_NAME} characters"))
        if verdict == "differ":
            if outcome not in OUTCOMES:
                violations.append(("outcome", f"the supervisor's outcome is required: one of {', '.join(OUTCOMES)}"))
        elif outcome or classifications:
            violations.append(("outcome", "only a differing resolution records an outcome or classifications"))
        if violations:
            raise InvalidIncident(violations)
        entry = self.store.get(decision_id)
        if entry is None:
            raise UnknownDecision("no decision with that id in the decision log")
        edition = self.editions.get(entry.edition)
        for i, c in enumerate(classifications):
            parts = c.split(" ")
            if len(parts) != 2 or (edition is not None and edition.offences.get(parts[0], parts[1]) is None):
                violations.append((f"classifications[{i}]",
                                   f"must be a class and code of edition {entry.edition} (e.g. CLASS CODE)"))
        if violations:
            raise InvalidIncident(violations)
        row = ResolutionRow(uuid7(), decision_id, verdict, reason.strip(), supervisor.strip(), caller,
                            now or dt.datetime.now(UTC), outcome, classifications)
        self.store.add_resolution(row)
        return row, self.show(decision_id, now)

    def depth(self, now: dt.datetime | None = None) -> dict[str, int]:
        now = now or dt.datetime.now(UTC)
        got = self.store.depth(now + self.policy.deadline_near)
        return {k: got.get(k, 0) for k in KINDS}
