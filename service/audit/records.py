"""Audit input: one incident record per JSON line, plus (optionally) the force's recorded crimes as CSV.

A line is ``{"incident": {...}, "recorded": {...}, "route": "incident"}``:

* ``incident``: the incident exactly as the decision service takes it (``hocr decide``);
* ``recorded``: what the force actually did, all lists optional:

  - ``crimes``: ``{reference, classification, ho_code, victim, recorded_at, flags}``, the victim
    named by the incident's person id, flags as names (``domestic_abuse``) or ``name=value``;
  - ``n_records``: notifiable reported incidents (N100 ...) ``{reference, classification, ho_code,
    victim, recorded_at}``;
  - ``incident_records``: non-crime and crime related incident records ``{reference, kind}``;
  - ``cancellations``: ``{reference, code, facts}``, a recorded crime the force cancelled (C2-C5 or
    transfer C1), with the facts the cancellation relied on (as ``hocr review`` takes them);

* ``route``: how it reached the force (``incident`` for the control room, ``direct``, ``ppu``);
  reported beside the rates, never used to decide.

The CSV route (``--crimes-csv``) gives the recorded crimes as rows keyed by incident id, with the
columns ``incident_id, reference, classification, ho_code, victim, recorded_at, flags`` (flags
separated by ``;``); its rows are added to the record of that incident.

Nothing here stops a run: a line that cannot be read becomes a :class:`BadLine` with its number.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

CSV_COLUMNS = ("incident_id", "reference", "classification", "ho_code", "victim", "recorded_at", "flags")
MAX_LINE = 1_000_000  # characters; a longer line is refused unread


@dataclass
class BadLine:
    line: int
    error: str          # what was wrong, in our words (never the line's own text)
    fields: list[dict] = field(default_factory=list)  # [{field, description}] for an invalid incident
    source: str = "records"

    def as_dict(self) -> dict:
        return {"line": self.line, "source": self.source, "error": self.error, "fields": self.fields}


def parse_time(value: Any, where: str) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError(f"{where}: a date-time string is required")
    try:
        t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{where}: not an ISO 8601 date-time") from None
    if t.tzinfo is None:
        raise ValueError(f"{where}: must include a time zone")
    return t


def _flags(value: Any, where: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [f.strip() for f in value.split(";") if f.strip()]
    if isinstance(value, list) and all(isinstance(f, str) for f in value):
        return list(value)
    raise ValueError(f"{where}: a list of flag names is required")


def _text(entry: dict, key: str, where: str, required: bool = True) -> str:
    v = entry.get(key)
    if v is None or v == "":
        if required:
            raise ValueError(f"{where}.{key}: is required")
        return ""
    if not isinstance(v, (str, int)):
        raise ValueError(f"{where}.{key}: must be a string")
    return str(v)


def normalise_recorded(raw: Any) -> dict:
    """The force's side of a record, checked and with times parsed. Raises ValueError(path: message)."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ValueError("recorded: must be an object")
    out: dict = {"crimes": [], "n_records": [], "incident_records": [], "cancellations": []}
    for key in out:
        items = raw.get(key) or []
        if not isinstance(items, list):
            raise ValueError(f"recorded.{key}: must be a list")
        for i, e in enumerate(items):
            where = f"recorded.{key}[{i}]"
            if not isinstance(e, dict):
                raise ValueError(f"{where}: must be an object")
            if key in ("crimes", "n_records"):
                out[key].append({
                    "reference": _text(e, "reference", where, required=False) or f"{key}-{i + 1}",
                    "classification": _text(e, "classification", where),
                    "ho_code": _text(e, "ho_code", where, required=False),
                    "victim": _text(e, "victim", where, required=False),
                    "recorded_at": parse_time(e["recorded_at"], f"{where}.recorded_at") if e.get("recorded_at") else None,
                    "flags": _flags(e.get("flags"), f"{where}.flags"),
                })
            elif key == "incident_records":
                out[key].append({"reference": _text(e, "reference", where, required=False),
                                 "kind": _text(e, "kind", where, required=False)})
            else:
                facts = e.get("facts") or {}
                if not isinstance(facts, dict):
                    raise ValueError(f"{where}.facts: must be an object")
                out[key].append({"reference": _text(e, "reference", where),
                                 "code": _text(e, "code", where, required=False), "facts": facts})
    return out


def read_crimes_csv(path: Path) -> tuple[dict[str, list[dict]], list[BadLine]]:
    """Recorded crimes from CSV, by incident id; rows that cannot be read are reported by line number."""
    by_incident: dict[str, list[dict]] = {}
    bad: list[BadLine] = []
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("incident_id", "classification") if c not in (reader.fieldnames or [])]
        if missing:
            bad.append(BadLine(1, f"the header lacks the column(s) {', '.join(missing)} "
                                  f"(expected: {', '.join(CSV_COLUMNS)})", source="crimes-csv"))
            return by_incident, bad
        for row in reader:
            line = reader.line_num
            try:
                inc = (row.get("incident_id") or "").strip()
                if not inc:
                    raise ValueError("incident_id: is required")
                crime = {k: (row.get(k) or "").strip() for k in CSV_COLUMNS if k != "incident_id"}
                crime = normalise_recorded({"crimes": [{k: v for k, v in crime.items() if v}]})["crimes"][0]
                by_incident.setdefault(inc, []).append(crime)
            except ValueError as exc:
                bad.append(BadLine(line, str(exc).replace("recorded.crimes[0].", ""), source="crimes-csv"))
    return by_incident, bad


def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of every non-blank line; '-' reads standard input."""
    import sys

    fh = sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
    try:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield n, line
    finally:
        if fh is not sys.stdin:
            fh.close()


def parse_line(text: str) -> dict:
    """One JSON line -> {incident, recorded, route}. Raises ValueError with a message of our own."""
    if len(text) > MAX_LINE:
        raise ValueError(f"line longer than {MAX_LINE} characters")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (column {exc.colno}: {exc.msg})") from None
    if not isinstance(raw, dict):
        raise ValueError("a record must be a JSON object")
    if not isinstance(raw.get("incident"), dict):
        raise ValueError("incident: an incident object is required")
    route = raw.get("route") or "incident"
    if not isinstance(route, str):
        raise ValueError("route: must be a string")
    return {"incident": raw["incident"], "recorded": normalise_recorded(raw.get("recorded")), "route": route}
