"""Plain-words explanations of rules and decisions, for rule authors and supervisors."""
from __future__ import annotations

import json
from pathlib import Path

from .rules.model import Edition, Rule, Test
from .rules.problems import suggest

_OPS = {"eq": "is {v}", "ne": "is not {v}", "lt": "is under {v}", "lte": "is at most {v}",
        "gt": "is over {v}", "gte": "is at least {v}", "not_in": "is none of {v}"}
_WHO = {"act": "the act's", "victim": "the victim's", "offender": "an offender's",
        "relationship": "the offender-victim relationship's", "incident": "the report's",
        "evidence": "evidence about the act:"}


def _value(v) -> str:
    if v is True:
        return "yes"
    if v is False:
        return "no"
    return str(v)


def describe_test(alias: str, t: Test) -> str:
    name = t.attr.replace("_", " ")
    if t.op == "in":
        given = [_value(v) for v in t.value if v is not None]
        text = f"is one of {', '.join(given)}" if len(given) > 1 else f"is {given[0]}" if given else ""
        if None in t.value:
            text = (text + " or not given") if text else "is not given"
    elif t.op == "absent":
        text = "is not given"
    elif t.op == "present":
        text = "is given" if t.value else "is not given"
    else:
        v = ", ".join(_value(x) for x in t.value) if isinstance(t.value, tuple) else _value(t.value)
        text = _OPS[t.op].format(v=v)
    return f"{_WHO[alias]} {name} {text}"


def describe_consequence(kind: str, value) -> str:
    if kind == "classify":
        return f"classify as {value[0]} {value[1]}"
    if kind == "negate":
        disp, say, incident, to = value
        extra = f" ({incident[0]} {incident[1]})" if incident[0] else (f" to {to}" if to else "")
        return f"do not record: {disp.replace('_', ' ')}{extra} - \"{say}\""
    if kind == "ask":
        return "wait for the answer to: " + ", ".join(f"{a}.{b}" for a, b in value)
    if kind == "flag":
        return f"flag {value[0]}" + (f" ({value[1]})" if value[1] else "")
    if kind == "count":
        per, alone = value
        family = f" (with the other {alone} offences)" if isinstance(alone, str) else ""
        return f"count one crime per {per}" + (f", recorded alongside any other crime{family}" if alone else "")
    return f"{kind}: {value}"


def explain_rule(edition: Edition, rule_id: str, coverage: dict | None = None) -> str:
    rule: Rule | None = edition.rule_by_id.get(rule_id)
    if rule is None and edition.reviews is not None and rule_id in edition.reviews.rule_by_id:
        edition, rule = edition.reviews, edition.reviews.rule_by_id[rule_id]
    if rule is None:
        hint = suggest(rule_id, edition.rule_by_id)
        raise KeyError(f"no rule {rule_id!r} in edition {edition.name}" + (f"; did you mean {hint!r}?" if hint else ""))
    lines = [f"{rule.id}  ({edition.name}, {rule.file}:{rule.line})", f"  cites: {rule.cite}", f"  {rule.summary}"]
    if rule.row:  # a rule made from a table row: which row of which table file
        lines.insert(1, f"  table row: {rule.row_ref} ({rule.row[2]}:{rule.row[3]})")
    conds = [describe_test(p.alias, t) for p in rule.patterns for t in p.tests]
    lines.append("  when: " + ("; ".join(conds) if conds else "any act"))
    for c in rule.consequences:
        lines.append("  then: " + describe_consequence(c.kind, c))
    lines += precedence_lines(edition, rule)
    if coverage is not None:
        scenarios = coverage.get("rules", {}).get(rule.id, [])
        lines.append(f"  scenarios ({len(scenarios)}): " + ("; ".join(scenarios[:5]) if scenarios else "NONE"))
    return "\n".join(lines)


def _why(edition: Edition, hi: str, lo: str) -> str:
    """Which order puts rule `hi` before rule `lo`: an explicit override, a declared precedence
    entry (or the two chained), declared specificity, or the ranking."""
    rules = edition.rule_by_id
    if lo in rules[hi].overrides:
        return "explicit override (overrides)"
    how = edition.ranked_precedence.get((hi, lo)) if isinstance(edition.ranked_precedence, dict) else None
    if how is not None and how.startswith("declared "):
        return f"declared precedence {how.split(' ', 1)[1]} (general/counting.yaml rule_precedence)"
    if how is not None and how.startswith("through "):
        return f"explicit override and declared precedence, through {how.split(' ', 1)[1]}"
    if how is not None and how.startswith("specificity "):
        return f"declared specificity {how.split(' ', 1)[1]} (general/counting.yaml)"
    if how == "ranking":
        return "principal crime ranking"
    via = sorted(m for m in rules[hi].overrides if m in edition.overriders.get(lo, ()))
    return "explicit override, through " + ", ".join(via) if via else "explicit override (transitive)"


def precedence_lines(edition: Edition, rule: Rule) -> list[str]:
    """Over which rules this one takes precedence and which take precedence over it, each with
    the order that decides: an explicit override, declared specificity, or the ranking."""
    lines: list[str] = []
    wins = sorted(lo for lo, over in edition.overriders.items() if rule.id in over)
    loses = sorted(edition.overriders.get(rule.id, ()))
    for title, pairs in (("takes precedence over", [(rule.id, lo) for lo in wins]),
                         ("gives way to", [(hi, rule.id) for hi in loses])):
        if not pairs:
            continue
        by: dict[str, list[str]] = {}
        for hi, lo in pairs:
            by.setdefault(_why(edition, hi, lo), []).append(lo if hi == rule.id else hi)
        lines.append(f"  {title}:")
        for why in sorted(by):
            ids = by[why]
            more = f" and {len(ids) - 12} more" if len(ids) > 12 else ""
            lines.append(f"    by {why} ({len(ids)}): " + ", ".join(ids[:12]) + more)
    return lines


def explain_decision(d: dict, edition: Edition) -> str:
    rules = edition.rule_by_id
    lines = [f"Why (edition {d['edition']}):"]
    for act in d["acts"]:
        lines.append(f"  act {act['act']}: {act['status'].replace('_', ' ')}"
                     + (f" in {act['crime_id']}" if act["crime_id"] else ""))
        for f in d["trace"]:
            if f["facts"].get("act") != act["act"]:
                continue
            rule = rules[f["rule_id"]]
            on = ", ".join(f"{k} {v}" for k, v in f["facts"].items() if k != "act")
            what = "; ".join(describe_consequence(c.kind, c) for c in rule.consequences)
            state = f"OVERRIDDEN by {f['overridden_by']}" if f["overridden_by"] else "applied"
            lines.append(f"    - {rule.id} fired{(' on ' + on) if on else ''}: {state}")
            lines.append(f"        {rule.summary} [{rule.cite}]")
            if rule.row:
                lines.append(f"        table row {rule.row_ref} ({rule.row[2]}:{rule.row[3]})")
            lines.append(f"        -> {what}")
        for n in d["negations"]:
            if n["act"] == act["act"] and n["reason_code"] not in rules:
                lines.append(f"    - {n['reason_code']}: {n['sentence']} [{n['citation']}]")
    for c in d["crimes"]:
        lines.append(f"  crime {c['id']} {c['classification']} {c['ho_code']}: rules " + ", ".join(c["rule_ids"]))
        for cite in c["citations"]:
            lines.append(f"      cites {cite}")
    for q in d["questions"]:
        lines.append(f"  open: {q['field']} ({q['purpose']}) needed by {', '.join(q['rule_ids'])}")
    return "\n".join(lines)


def load_coverage(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
