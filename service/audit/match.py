"""Findings for one incident: what the rules say should have been recorded, against what the force did.

How crimes are matched, and why
-------------------------------
The Counting Rules count one crime per victim (CRR 2026/27 p.12), so the victim is the key of a
crime: an expected crime and a recorded one can only be the same crime if they name the same victim
(the incident's person id; crimes with no victim are matched among themselves). A victim can have
more than one crime (a conduct crime beside another, several offenders, ...), so within a victim
the pairing is made in three passes, each taking the best pairs first:

1. same class and same Home Office code;
2. same class, different code (a code error);
3. whatever is left, in the order the decision gives its crimes and the force recorded its own
   (a classification error: the force recorded a crime for that victim, but under another class).

Each pass pairs equal keys only, so no later pass can undo a better pair. What is left over is
"not recorded" (expected, no record) or a record "the rules do not support" (recorded, not expected).
The headline compliance is recorded or not (the inspectorate counts a misclassified or late crime
as recorded); class, code, timeliness and flags are separate findings on the same crime.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from ..decision import Decision
from ..rules.model import Edition

KINDS = ("correct", "not_recorded", "wrong_class", "wrong_code", "late", "missing_flag", "unsupported_record",
         "n_record_correct", "n_record_missing", "n_record_unsupported", "cancellation_correct",
         "cancellation_wrong", "undecided")
# the finding an expected crime is filed under when it has several issues: the gravest first
ISSUE_ORDER = ("not_recorded", "wrong_class", "wrong_code", "late", "missing_flag")


# ------------------------------------------------------------------------------------------ groups

@lru_cache(maxsize=16)
def _read_config(path: str) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def audit_config(edition: Edition, editions: dict[str, Edition]) -> dict:
    """The edition's data/audit.yaml, or that of the edition it extends."""
    seen: set[str] = set()
    e: Edition | None = edition
    while e is not None and e.name not in seen:
        seen.add(e.name)
        path = e.root / "data" / "audit.yaml"
        if path.exists():
            return _read_config(str(path))
        e = editions.get(e.extends) if e.extends else None
    raise LookupError(f"edition {edition.name} has no data/audit.yaml (the audit groups)")


def groups_of(edition: Edition, cfg: dict, classification: str, ho_code: str, flags: list[str]) -> list[str]:
    """The audit groups of a crime, 'all' first; [] when its class is outside the audit (fraud)."""
    off = edition.offences.get(classification, ho_code)
    entry = edition.offences.classes.get(classification) or {}
    group = off.group if off else str(entry.get("group", ""))
    subgroup = off.subgroup if off else str(entry.get("subgroup", ""))
    if group in (cfg.get("excluded_offence_groups") or []):
        return []
    names = {f.split("=", 1)[0] for f in flags}
    found: list[str] = []
    spec = cfg.get("groups") or {}
    for gid, g in spec.items():
        if "not_in" in g:
            continue
        if (group in (g.get("offence_groups") or []) or subgroup in (g.get("offence_subgroups") or [])
                or names & set(g.get("flags") or [])):
            found.append(gid)
    for gid, g in spec.items():
        if "not_in" in g and not set(g["not_in"]) & set(found):
            found.append(gid)
    return ["all", *found]


def group_titles(cfg: dict) -> dict[str, str]:
    return {"all": cfg.get("all_title", "All crime"), **{k: v.get("title", k) for k, v in (cfg.get("groups") or {}).items()}}


# ------------------------------------------------------------------------------------------ matching

def _pair(expected: list[dict], recorded: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pair one victim's expected and recorded crimes in the three passes described above."""
    exp, rec = list(expected), list(recorded)
    pairs: list[tuple[dict, dict]] = []
    for key in (lambda c: (c["classification"], c["ho_code"]), lambda c: c["classification"], lambda c: 0):
        for e in list(exp):
            for r in rec:
                if key(e) == key(r):
                    pairs.append((e, r))
                    exp.remove(e)
                    rec.remove(r)
                    break
    return pairs, exp, rec


def _flag_names(flags: list[str]) -> set[str]:
    return {f.split("=", 1)[0] for f in flags}


def _iso(t: dt.datetime | None) -> str | None:
    return t.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z") if t else None


def questions_read(decision: Decision) -> list:
    """The questions findings_for reads: those about the decision's undecided acts, in its order."""
    undecided = {a.act for a in decision.acts if a.status == "undecided"}
    return [q for q in decision.questions if undecided & set(q.acts)] if undecided else []


def findings_for(decision: Decision, incident: dict, recorded: dict, edition: Edition, cfg: dict,
                 review: Callable[[dict], Any] | None = None, base: dict | None = None) -> list[dict]:
    """Every finding for one decided incident (see the module text for the matching)."""
    base = dict(base or {})
    base.setdefault("incident_id", decision.incident_id)
    base.setdefault("edition", decision.edition)
    reported_at = decision.record_by - dt.timedelta(hours=float(edition.counting.section("deadline")["hours"]))
    deadline = edition.counting.section("deadline")
    victim_of_act = {a.get("id"): a.get("against") or "" for a in incident.get("acts") or [] if isinstance(a, dict)}
    negations_for: dict[str, list] = {}
    for n in decision.negations:
        negations_for.setdefault(victim_of_act.get(n.act, ""), []).append(n)
    out: list[dict] = []

    def finding(kind: str, **kw) -> dict:
        f = {**base, "finding": kind, **kw}
        f.setdefault("issues", [kind])
        out.append(f)
        return f

    # --- crimes
    expected = [{"classification": c.classification, "ho_code": c.ho_code, "victim": c.victim or "", "crime": c}
                for c in decision.crimes]
    by_victim: dict[str, tuple[list, list]] = {}
    for e in expected:
        by_victim.setdefault(e["victim"], ([], []))[0].append(e)
    for r in recorded["crimes"]:
        by_victim.setdefault(r["victim"], ([], []))[1].append(r)
    n_made = {(r["victim"], r["classification"]): r for r in recorded["n_records"]}
    for victim, (exp, rec) in by_victim.items():
        pairs, missed, extra = _pair(exp, sorted(rec, key=lambda r: r["recorded_at"] or dt.datetime.max.replace(
            tzinfo=dt.timezone.utc)))
        for e, r in [*pairs, *((e, None) for e in missed)]:
            c = e["crime"]
            groups = groups_of(edition, cfg, c.classification, c.ho_code, [f.name for f in c.flags])
            rule_ids, cites = list(c.rule_ids), list(c.citations)
            row = {"victim": victim, "groups": groups,
                   "expected": {"crime_id": c.id, "classification": c.classification, "ho_code": c.ho_code,
                                "title": c.title, "offence_title": c.offence_title,
                                "flags": [f.name + (f"={f.value}" if f.value else "") for f in c.flags]},
                   "record_by": _iso(decision.record_by)}
            if r is None:
                made = [f"{x['classification']} {x['ho_code']}".strip() for (v, _), x in n_made.items() if v == victim]
                made += [f"an incident record ({x['kind'] or 'unspecified'})" for x in recorded["incident_records"]]
                note = ("The force recorded " + "; ".join(made) + " instead.") if made else "No crime was recorded for this victim."
                finding("not_recorded", **row, recorded=None, rule_ids=rule_ids, citations=cites, note=note)
                continue
            issues = []
            if r["classification"] != c.classification:
                issues.append("wrong_class")
            elif r["ho_code"] and r["ho_code"] != c.ho_code:
                issues.append("wrong_code")
            hours = None
            if r["recorded_at"] is not None:
                hours = round((r["recorded_at"] - reported_at).total_seconds() / 3600, 2)
                if r["recorded_at"] > decision.record_by:
                    issues.append("late")
                    rule_ids.append(deadline["id"])
                    cites.append(deadline["cite"])
            have = set(r["flags"]) | _flag_names(r["flags"])
            missing = [f for f in c.flags if (f"{f.name}={f.value}" if f.value else f.name) not in have
                       and not (not f.value and f.name in have)]
            if missing:
                issues.append("missing_flag")
            kind = next((i for i in ISSUE_ORDER if i in issues), "correct")
            note = []
            if "wrong_class" in issues or "wrong_code" in issues:
                note.append(f"recorded as {r['classification']} {r['ho_code']}".strip()
                            + f"; the rules give {c.classification} {c.ho_code}")
            if "late" in issues:
                note.append(f"recorded {hours} hours after the report; due by {_iso(decision.record_by)}")
            if missing:
                note.append("flag(s) missing: " + ", ".join(f.name + (f"={f.value}" if f.value else "") for f in missing))
            finding(kind, **row, issues=issues or ["correct"], hours_to_record=hours,
                    recorded={"reference": r["reference"], "classification": r["classification"],
                              "ho_code": r["ho_code"], "recorded_at": _iso(r["recorded_at"]), "flags": r["flags"]},
                    rule_ids=rule_ids, citations=cites, note="; ".join(note))
        for r in extra:
            negs = negations_for.get(victim, [])
            if negs:
                rule_ids = [n.reason_code for n in negs]
                cites = [n.citation for n in negs]
                note = " ".join(dict.fromkeys(n.sentence for n in negs))
            elif exp:
                rule_ids = [rid for e in exp for rid in e["crime"].rule_ids]
                cites = [ct for e in exp for ct in e["crime"].citations]
                note = (f"The rules give {len(exp)} crime(s) for this victim "
                        f"({', '.join(e['classification'] + ' ' + e['ho_code'] for e in exp)}); this record is one more.")
            else:
                rule_ids = [n.reason_code for n in decision.negations] or [rid for c in decision.crimes for rid in c.rule_ids]
                cites = [n.citation for n in decision.negations] or [ct for c in decision.crimes for ct in c.citations]
                note = "No act in the incident is against this victim."
            groups = groups_of(edition, cfg, r["classification"], r["ho_code"], r["flags"])
            finding("unsupported_record", victim=victim, groups=groups, expected=None,
                    recorded={"reference": r["reference"], "classification": r["classification"],
                              "ho_code": r["ho_code"], "recorded_at": _iso(r["recorded_at"]), "flags": r["flags"]},
                    rule_ids=list(dict.fromkeys(rule_ids)), citations=list(dict.fromkeys(cites)), note=note)

    # --- notifiable reported incidents (N100 ...)
    want: dict[tuple[str, str], list] = {}
    for n in decision.negations:
        if n.incident_class:
            want.setdefault((victim_of_act.get(n.act, ""), n.incident_class), []).append(n)
    for (victim, cls), negs in want.items():
        made = n_made.pop((victim, cls), None)
        row = {"victim": victim, "groups": [], "rule_ids": list(dict.fromkeys(n.reason_code for n in negs)),
               "citations": list(dict.fromkeys(n.citation for n in negs)),
               "expected": {"classification": cls, "ho_code": negs[0].incident_code, "title": negs[0].incident_title}}
        if made:
            finding("n_record_correct", **row, recorded={"reference": made["reference"], "classification": cls,
                                                         "ho_code": made["ho_code"]}, note="")
        else:
            finding("n_record_missing", **row, recorded=None, note=f"No {cls} record was made. {negs[0].sentence}")
    for (victim, cls), made in n_made.items():
        crimes = [c for c in decision.crimes if (c.victim or "") == victim]
        src = crimes or decision.crimes
        finding("n_record_unsupported", victim=victim, groups=[], expected=None,
                recorded={"reference": made["reference"], "classification": cls, "ho_code": made["ho_code"]},
                rule_ids=list(dict.fromkeys(r for c in src for r in c.rule_ids)) or [n.reason_code for n in decision.negations],
                citations=list(dict.fromkeys(x for c in src for x in c.citations)) or [n.citation for n in decision.negations],
                note=("The rules record a crime for this victim instead." if crimes else
                      f"The rules give no {cls} record for this incident."))

    # --- cancellations, checked by the edition's review rules
    by_ref = {r["reference"]: r for r in recorded["crimes"]}
    for cx in recorded["cancellations"]:
        crime = by_ref.get(cx["reference"])
        if crime is None or review is None:
            continue
        req = {"crime": {"reference": crime["reference"], "classification": crime["classification"],
                         "ho_code": crime["ho_code"] or None, "victim": crime["victim"] or None,
                         "recorded_at": _iso(crime["recorded_at"] or reported_at)},
               "action": "cancel", "facts": cx["facts"], **({"code": cx["code"]} if cx["code"] else {})}
        try:
            res = review(req)
        except Exception as exc:  # an invalid request: the cancellation cannot be shown to be right
            finding("cancellation_wrong", victim=crime["victim"], groups=[], expected=None,
                    recorded={"reference": crime["reference"], "classification": crime["classification"],
                              "ho_code": crime["ho_code"], "cancellation": cx["code"]},
                    rule_ids=[], citations=[], note=f"The cancellation could not be reviewed: {type(exc).__name__}")
            continue
        rule_ids = [p.rule_id for p in res.permits] + [r.reason_code for r in res.refusals]
        cites = [p.citation for p in res.permits] + [r.citation for r in res.refusals]
        note = " ".join(r.sentence for r in res.refusals)
        if not res.allowed and res.questions:
            note += " Still to show: " + "; ".join(q.field for q in res.questions)
            rule_ids += [rid for q in res.questions for rid in q.rule_ids]
        finding("cancellation_correct" if res.allowed else "cancellation_wrong", victim=crime["victim"],
                groups=groups_of(edition, cfg, crime["classification"], crime["ho_code"], crime["flags"]),
                expected=None, recorded={"reference": crime["reference"], "classification": crime["classification"],
                                         "ho_code": crime["ho_code"], "cancellation": cx["code"]},
                rule_ids=list(dict.fromkeys(rule_ids)), citations=list(dict.fromkeys(cites)), note=note.strip())

    # --- acts the rules cannot decide on the facts given: for an auditor, not counted in any rate
    undecided = [a.act for a in decision.acts if a.status == "undecided"]
    if undecided:
        qs = questions_read(decision)[:5]  # the most decisive
        finding("undecided", victim="", groups=[], expected=None, recorded=None,
                rule_ids=list(dict.fromkeys(r for q in qs for r in q.rule_ids)),
                citations=list(dict.fromkeys(edition.rule_by_id[r].cite for q in qs for r in q.rule_ids
                                             if r in edition.rule_by_id)),
                note=f"act(s) {', '.join(undecided)} undecided; to settle: " + "; ".join(q.field for q in qs))
    return out
