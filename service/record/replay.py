"""Replay: decide logged incidents again under another edition or a changed rule tree, and say
what would change (outcome, classifications, number of crimes, flags) before the change is deployed.

The logged incident is the validated one, so it is decided exactly as it was received; each is
judged against the clock it was first judged against (the request's ``as_of``, else when it was
received), so deadlines do not turn every row into a change.
"""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable

from tqdm import tqdm

from ..contract.incident import InvalidIncident
from .log import Store, parse_ts

FIELDS = ("outcome", "classifications", "crimes", "flags")


def summary(decision: dict) -> dict:
    """What replay compares: the outcome, the crimes' classes and codes, their number, their flags."""
    crimes = decision.get("crimes", [])
    return {
        "outcome": decision.get("outcome", ""),
        "classifications": sorted(f"{c['classification']} {c['ho_code']}" for c in crimes),
        "crimes": len(crimes),
        "flags": sorted({f"{c['classification']}:{f['name']}" + (f"={f['value']}" if f.get("value") else "")
                         for c in crimes for f in c.get("flags", [])}),
    }


@dataclass
class Row:
    decision_id: str
    incident_id: str
    received_at: str
    edition_before: str
    revision_before: str
    edition_after: str = ""
    revision_after: str = ""
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    error: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Report:
    since: str
    until: str | None
    target: str
    rows: list[Row] = field(default_factory=list)

    @property
    def changed(self) -> list[Row]:
        return [r for r in self.rows if r.changed or r.error]

    def counts(self) -> dict:
        by_field = {f: sum(1 for r in self.rows if f in r.changed) for f in FIELDS}
        return {"replayed": len(self.rows), "changed": sum(1 for r in self.rows if r.changed),
                "unchanged": sum(1 for r in self.rows if not r.changed and not r.error),
                "errors": sum(1 for r in self.rows if r.error), "by_field": by_field}

    def to_dict(self, all_rows: bool = False) -> dict:
        return {"since": self.since, "until": self.until, "target": self.target, **self.counts(),
                "rows": [r.to_dict() for r in (self.rows if all_rows else self.changed)]}

    def table(self) -> str:
        c = self.counts()
        lines = [f"Replayed {c['replayed']} logged decision(s) since {self.since} under {self.target}: "
                 f"{c['changed']} would change, {c['unchanged']} unchanged, {c['errors']} could not be decided",
                 "  changes by field: " + ", ".join(f"{k} {v}" for k, v in c["by_field"].items())]
        if not self.changed:
            return "\n".join(lines)
        head = ("decision", "incident", "field", "before", "after")
        body = []
        for r in self.changed:
            if r.error:
                body.append((r.decision_id, r.incident_id, "error", "", r.error))
            for f in r.changed:
                b, a = r.before.get(f), r.after.get(f)
                fmt = (lambda v: ", ".join(v) or "-") if isinstance(b, list) else str
                body.append((r.decision_id, r.incident_id, f, fmt(b), fmt(a)))
        widths = [max(len(str(x[i])) for x in [head] + body) for i in range(len(head))]
        lines.append("")
        for row in [head, tuple("-" * w for w in widths)] + body:
            lines.append("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=False)).rstrip())
        return "\n".join(lines)


def replay(store: Store, service: Any, since: dt.datetime, until: dt.datetime | None = None,
           edition: str | None = None, progress: bool = True) -> Report:
    """Decide every incident logged since ``since`` again with ``service`` (a DecisionService without
    a decision log), under ``edition`` or, by default, the edition it was decided under."""
    target = (f"edition {edition}" if edition else "the same editions") + f" of {service.rules_dir}"
    report = Report(since.isoformat().replace("+00:00", "Z"), until.isoformat() if until else None, target)
    total = store.count_since(since, kind="decide")
    entries: Iterable = store.scan(since=since, until=until, kind="decide")
    bar = tqdm(entries, total=total, desc="replay", unit="decision", file=sys.stderr, disable=not progress,
               leave=False)
    for e in bar:
        row = Row(e.decision_id, e.incident_id, e.received_at.isoformat().replace("+00:00", "Z"), e.edition,
                  e.rules_revision, before=summary(e.body.get("decision") or {}))
        as_of = parse_iso((e.body.get("request") or {}).get("as_of")) or e.received_at
        try:
            d = service.decide(e.body["incident"], edition=edition or e.edition, as_of=as_of)
        except (InvalidIncident, LookupError) as exc:  # LookupError: no such edition (api.NoEdition)
            row.error = type(exc).__name__ + (f": {exc.violations[0][0]}" if isinstance(exc, InvalidIncident)
                                              else f": {exc}")
            report.rows.append(row)
            continue
        row.edition_after, row.revision_after = d.edition, d.rules_revision
        row.after = summary(d.to_dict())
        row.changed = [f for f in FIELDS if row.before.get(f) != row.after.get(f)]
        report.rows.append(row)
    bar.close()
    return report


def parse_iso(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return parse_ts(value)
