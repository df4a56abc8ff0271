"""One decision: incident -> facts -> engine -> overrides -> counting -> assembled decision.

Every transport (gRPC, CLI, Python) calls :func:`decide`. It holds no offence knowledge: it applies
whatever the edition's rules fire, resolves the overrides they declare, asks the questions their
conditions still need, and counts with the edition's counting data.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from . import counting as counting_mod
from .contract import Incident
from .engine import Firing
from .rulebook import Edition, Rule

# ---------------------------------------------------------------------------------------- output


@dataclass
class FlagOut:
    name: str
    value: str
    rule_id: str
    citation: str


@dataclass
class CrimeOut:
    id: str
    classification: str
    ho_code: str
    title: str
    offence_title: str
    victim: str
    offenders: list[str]
    acts: list[str]
    flags: list[FlagOut]
    rule_ids: list[str]
    citations: list[str]


@dataclass
class NegationOut:
    act: str
    reason_code: str
    citation: str
    sentence: str
    disposition: str
    crime_id: str = ""
    incident_class: str = ""
    incident_code: str = ""
    incident_title: str = ""
    transfer_to: str = ""


@dataclass
class QuestionOut:
    field: str
    attribute: str
    text: str
    allowed: list[str]
    acts: list[str]
    rule_ids: list[str]
    # what the answer can decide, most decisive first: recording, classification, counting, flag
    purpose: str = ""


PURPOSES = ("recording", "classification", "counting", "flag")


def _purpose(rule: Rule) -> str:
    kinds = {c.kind for c in rule.consequences}
    if kinds & {"negate", "ask"}:
        return "recording"
    if "classify" in kinds:
        return "classification"
    if "count" in kinds:
        return "counting"
    return "flag"


def _order(q: "QuestionOut", blocking: set[str], undecided: set[str]) -> tuple:
    """Most decisive first: what an act is waiting for (an explicit ask); what could make an
    undecided act a crime; then whether to record, the classification, the count, the flags."""
    if q.field in blocking:
        tier = 0
    elif set(q.acts) & undecided and q.purpose == "classification":
        tier = 1
    else:
        tier = 2 + PURPOSES.index(q.purpose)
    return (tier, -len(q.rule_ids), q.field)


@dataclass
class ActAccountOut:
    act: str
    status: str  # recorded | counted_in_crime | not_recorded | undecided
    crime_id: str = ""
    reason_code: str = ""


@dataclass
class NoteOut:
    act: str
    rule_id: str
    text: str
    citation: str


@dataclass
class ReviewOut:
    act: str
    rule_id: str
    reason: str


@dataclass
class FiringOut:
    rule_id: str
    facts: dict[str, str]
    citation: str
    overridden_by: str = ""


@dataclass
class Decision:
    decision_id: str
    incident_id: str
    outcome: str
    edition: str
    crimes: list[CrimeOut]
    negations: list[NegationOut]
    questions: list[QuestionOut]
    record_by: dt.datetime
    deadline_passed: bool
    acts: list[ActAccountOut]
    reviews: list[ReviewOut]
    trace: list[FiringOut]
    decided_at: dt.datetime
    notes: list[NoteOut] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def conv(v):
            if isinstance(v, dt.datetime):
                return v.isoformat().replace("+00:00", "Z")
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            if isinstance(v, list):
                return [conv(x) for x in v]
            return v
        return conv(asdict(self))


OUTCOMES = ("record_crime", "notifiable_incident", "crime_related_incident", "no_crime", "transfer",
            "more_information_required")

# ---------------------------------------------------------------------------------------- facts


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def build_facts(inc: Incident, edition: Edition) -> list[dict]:
    """The incident as a flat list of typed facts, each with an engine id and a user-facing ref."""
    persons = {p.id: p for p in inc.persons}
    facts: list[dict] = [_clean({
        "t": "incident", "id": "incident", "ref": inc.id,
        "reporter_role": inc.reporter.role, "channel": inc.reporter.channel,
        "place": inc.location.place, "force_area": inc.location.force_area, "country": inc.location.country,
        **inc.attributes,
    })]

    def party(act_fid: str, act_id: str, role: str, pid: str) -> dict:
        p = persons[pid]
        return _clean({"t": "party", "id": f"party:{act_id}:{role}:{pid}", "ref": pid, "act": act_fid,
                       "role": role, "person": pid, "age": p.age, "sex": p.sex, **p.attributes})

    for act in inc.acts:
        fid = f"act:{act.id}"
        facts.append(_clean({"t": "act", "id": fid, "ref": act.id, "type": act.type,
                             "has_victim": act.against is not None, **act.attributes}))
        if act.against:
            facts.append(party(fid, act.id, "victim", act.against))
        for pid in act.by:
            facts.append(party(fid, act.id, "offender", pid))
    kinds = edition.vocab.relationship_kinds
    for i, rel in enumerate(inc.relationships):
        connected = bool(kinds.get(rel.kind, {}).get("personally_connected", False))
        for suffix, a, b in (("ab", rel.a, rel.b), ("ba", rel.b, rel.a)):
            facts.append({"t": "relationship", "id": f"rel:{i}:{suffix}", "ref": f"{a}~{b}", "from": a, "to": b,
                          "kind": rel.kind, "personally_connected": connected})
    for ev in inc.evidence:
        for a in ev.acts:
            facts.append({"t": "evidence", "id": f"ev:{ev.id}:{a}", "ref": ev.id, "act": f"act:{a}",
                          "contradicts": ev.contradicts, "credible": ev.credible,
                          "immediately_available": ev.immediately_available})
    return facts


# ---------------------------------------------------------------------------------------- questions


class _Facts:
    def __init__(self, facts: list[dict]):
        self.by_kind: dict[str, list[dict]] = {}
        for f in facts:
            self.by_kind.setdefault(f["t"], []).append(f)

    def candidates(self, alias: str, binding: dict[str, dict]) -> list[dict] | None:
        """Facts that could stand for `alias`; None when the report says nothing at all."""
        act = binding["act"]
        if alias in ("victim", "offender"):
            return [f for f in self.by_kind.get("party", []) if f["act"] == act["id"] and f["role"] == alias]
        if alias == "relationship":
            o, v = binding["offender"], binding["victim"]
            found = [f for f in self.by_kind.get("relationship", [])
                     if f["from"] == o["person"] and f["to"] == v["person"]]
            return found or None
        if alias == "incident":
            return self.by_kind["incident"]
        if alias == "evidence":
            return [f for f in self.by_kind.get("evidence", []) if f["act"] == act["id"]]
        raise KeyError(alias)


def open_needs(rule: Rule, act_fact: dict, facts: _Facts) -> set[tuple] | None:
    """What a rule that did not fire still needs to fire on this act.

    Returns None if the rule cannot fire whatever is answered (some condition is false, or a fact
    it joins to is absent), else the set of (alias, attribute, fact) whose values are unknown.
    """
    partials: list[tuple[dict[str, dict], set]] = [({"act": act_fact}, set())]
    for pattern in rule.patterns:
        nxt = []
        for binding, unknown in partials:
            if pattern.alias == "act":
                options: list[dict] | None = [act_fact]
            else:
                options = facts.candidates(pattern.alias, binding)
            if options is None:  # e.g. no relationship given between offender and victim
                nxt.append(({**binding, pattern.alias: {"t": pattern.alias, "ref": None}},
                            unknown | {(pattern.alias, "relationship", _rel_ref(binding))}))
                continue
            for fact in options:
                results = [(t, t.evaluate(fact)) for t in pattern.tests]
                if any(r is False for _, r in results):
                    continue
                more = {(pattern.alias, t.attr, fact.get("ref")) for t, r in results if r is None}
                nxt.append(({**binding, pattern.alias: fact}, unknown | more))
        partials = nxt
        if not partials:
            return None
    rank = {key: i for i, key in enumerate(rule.order)}
    for i, (alias, _attr) in enumerate(rule.order):  # a fact not given at all ranks as its first condition
        rank.setdefault((alias, alias), i)
    needs = set()
    for _, unknown in partials:
        if not unknown:
            return set()  # would fire now (the engine disagrees: treated as nothing to ask)
        # only the first condition still open, in the author's order: a gate before what it guards
        needs.add(min(unknown, key=lambda u: (rank.get((u[0], u[1]), len(rank)), u[0], u[1], str(u[2]))))
    return needs


def _rel_ref(binding: dict) -> str:
    return f"{binding['offender'].get('ref')}~{binding['victim'].get('ref')}"


def _question(edition: Edition, alias: str, attr: str, ref: str | None, act_type: str) -> tuple[str, str, str, list[str]]:
    v = edition.vocab
    if alias == "relationship":
        a, _, b = (ref or "~").partition("~")
        return (f"relationships[{a},{b}].kind", "relationship", v.envelope_questions.get("relationship", "relationship"),
                list(v.relationship_kinds))
    if alias == "act":
        spec = v.act_attribute(act_type, attr)
        return (f"acts[{ref}].attributes.{attr}", attr, spec.question if spec else attr,
                spec.allowed() if spec else [])
    if alias in ("victim", "offender"):
        if attr in ("age", "sex"):
            return (f"persons[{ref}].{attr}", attr, v.envelope_questions.get(attr, attr),
                    list(v.sexes) if attr == "sex" else [])
        spec = v.person_attributes.get(attr)
        return (f"persons[{ref}].attributes.{attr}", attr, spec.question if spec else attr,
                spec.allowed() if spec else [])
    if alias == "incident":
        spec = v.incident_attributes.get(attr)
        if spec:
            return (f"incident.attributes.{attr}", attr, spec.question, spec.allowed())
        allowed = {"reporter_role": list(v.reporter_roles), "channel": list(v.channels),
                   "place": list(v.places)}.get(attr, [])
        return (f"incident.{attr}", attr, v.envelope_questions.get(attr, attr), allowed)
    return (f"{alias}.{attr}", attr, attr, [])


# ---------------------------------------------------------------------------------------- decide


def decision_id(inc: Incident, edition: Edition) -> str:
    canon = json.dumps(inc.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{edition.name}\n{canon}".encode()).hexdigest()[:20]


def decide(inc: Incident, edition: Edition, as_of: dt.datetime | None = None) -> Decision:
    rules = edition.rule_by_id
    facts = build_facts(inc, edition)
    firings: list[Firing] = edition.engine().run(facts)

    # which rules fired for which act
    fired: dict[str, dict[str, Firing]] = {a.id: {} for a in inc.acts}
    for f in firings:
        act_ref = f.facts["act"]["ref"]
        fired[act_ref].setdefault(f.rule_id, f)

    overriders = edition.overriders  # transitive

    def effective_set(act_id: str) -> tuple[list[str], dict[str, str]]:
        names = fired[act_id]
        memo: dict[str, bool] = {}
        by: dict[str, str] = {}

        def eff(rid: str) -> bool:
            if rid not in memo:
                memo[rid] = True
                for o in sorted(overriders.get(rid, ())):
                    if o in names and eff(o):
                        memo[rid] = False
                        by[rid] = o
                        break
            return memo[rid]

        order = sorted(names, key=edition.position.__getitem__)  # the edition's own order
        return [rid for rid in order if eff(rid)], by

    acts = {a.id: a for a in inc.acts}
    fact_index = _Facts(facts)
    act_facts = {f["ref"]: f for f in facts if f["t"] == "act"}
    cfg = edition.counting

    effective: dict[str, list[str]] = {}
    overridden_by: dict[tuple[str, str], str] = {}
    for a in inc.acts:
        effective[a.id], by = effective_set(a.id)
        for rid, o in by.items():
            overridden_by[(a.id, rid)] = o

    negations: list[NegationOut] = []
    accounts: dict[str, ActAccountOut] = {}
    questions: dict[str, QuestionOut] = {}
    notes: list[NoteOut] = []
    reviews: list[ReviewOut] = []
    flags: dict[str, list[FlagOut]] = {}
    candidates: list[counting_mod.Candidate] = []

    blocking: set[str] = set()

    def add_question(alias: str, attr: str, ref: str | None, act_id: str, rule_id: str) -> str:
        path, attribute, text, allowed = _question(edition, alias, attr, ref, acts[act_id].type)
        q = questions.get(path)
        if q is None:
            q = questions[path] = QuestionOut(path, attribute, text, allowed, [], [])
        if act_id not in q.acts:
            q.acts.append(act_id)
        if rule_id not in q.rule_ids:
            q.rule_ids.append(rule_id)
        purpose = _purpose(rules[rule_id])
        if not q.purpose or PURPOSES.index(purpose) < PURPOSES.index(q.purpose):
            q.purpose = purpose
        return path

    def ask_open(act_id: str, kinds: set[str] | None = None, only: set[str] | None = None) -> bool:
        """Questions from rules that did not fire but still could, and would matter."""
        asked = False
        eff = set(effective[act_id])
        for rule in edition.rules_for_type.get(acts[act_id].type, edition.rules):
            if rule.id in fired[act_id]:
                continue
            if only is not None and rule.id not in only:
                continue
            if all(c.kind in ("note", "review") for c in rule.consequences) and not rule.overrides:
                continue  # a note that overrides nothing cannot change the decision: nothing to ask
            if any(o in eff for o in overriders.get(rule.id, ())):
                continue  # a rule that fired already overrides it: its answer would change nothing
            if kinds is not None and not any(c.kind in kinds for c in rule.consequences):
                continue
            needs = open_needs(rule, act_facts[act_id], fact_index)
            for alias, attr, ref in sorted(needs or (), key=lambda x: (x[0], x[1], str(x[2]))):
                add_question(alias, attr, ref, act_id, rule.id)
                asked = True
        return asked

    def ask_assumed(act_id: str) -> None:
        """A rule that took effect because a fact was not given has assumed it: ask for it."""
        for rid in effective[act_id]:
            firing = fired[act_id][rid]
            for pattern in rules[rid].patterns:
                fact = firing.facts.get(pattern.alias, {})
                for t in pattern.tests:
                    absent_ok = t.op == "absent" or (t.op == "in" and None in t.value) or (
                        t.op == "present" and not t.value)
                    if absent_ok and fact.get(t.attr) is None:
                        add_question(pattern.alias, t.attr, fact.get("ref"), act_id, rid)

    for order, a in enumerate(inc.acts):
        ask_assumed(a.id)
        eff_rules = [rules[rid] for rid in effective[a.id]]
        for r in eff_rules:
            note = r.consequence("note")
            if note:
                notes.append(NoteOut(a.id, r.id, note, r.cite))
            review = r.consequence("review")
            if review:
                reviews.append(ReviewOut(a.id, r.id, review))
            flag = r.consequence("flag")
            if flag:
                flags.setdefault(a.id, []).append(FlagOut(flag[0], flag[1], r.id, r.cite))
        negs = [r for r in eff_rules if r.consequence("negate")]
        asks = [r for r in eff_rules if r.consequence("ask")]
        classes = [r for r in eff_rules if r.consequence("classify")]
        if negs:
            for r in negs:
                disp, say, (inc_cls, inc_code, inc_title), to = r.consequence("negate")
                if to.startswith("incident."):  # the body named by a field of the report
                    to = str(fact_index.by_kind["incident"][0].get(to[9:]) or "")
                negations.append(NegationOut(a.id, r.id, r.cite, say, disp, "", inc_cls, inc_code, inc_title, to))
            accounts[a.id] = ActAccountOut(a.id, "not_recorded", reason_code=negs[0].id)
            # what could still change it: rules that take precedence over the negation, and other
            # negations (a crime related incident and "no crime" are different outcomes)
            ask_open(a.id, only=set().union(*(overriders.get(r.id, frozenset()) for r in negs))
                     | edition.ids_with["negate"])
            continue
        if asks:
            for r in asks:
                for alias, attr in r.consequence("ask"):
                    ref = a.id if alias == "act" else (a.against if alias == "victim" else
                                                       (a.by[0] if alias == "offender" and a.by else inc.id))
                    blocking.add(add_question(alias, attr, ref, a.id, r.id))
            ask_open(a.id)
            accounts[a.id] = ActAccountOut(a.id, "undecided")
            continue
        if classes:
            options = [counting_mod.Candidate(a.id, order, *r.consequence("classify"), a.against,
                                              frozenset(a.by), a.occurred_at) for r in classes]
            best = counting_mod.ranker_for(edition).sort(options)[0]
            counted_by = next((r for r in eff_rules if r.consequence("count")), None)
            if counted_by is not None:
                per, alone = counted_by.consequence("count")
                best.alone, best.count_rule = alone, counted_by.id
                if per == "offender":
                    best.unit = ""
                elif per.startswith("act."):
                    value = a.attributes.get(per[4:])
                    if value is None:  # cannot count without it: ask, and count per victim meanwhile
                        add_question("act", per[4:], a.id, a.id, counted_by.id)
                    else:
                        best.unit = f"{per}={value}"
            candidates.append(best)
            ask_open(a.id)
            continue
        could_classify = ask_open(a.id, kinds={"classify"})
        ask_open(a.id, only=edition.ids_with["negate"] | edition.ids_with["ask"])
        if could_classify:  # only a rule that could make it a crime keeps the act undecided
            accounts[a.id] = ActAccountOut(a.id, "undecided")
            continue
        nn = cfg.section("not_notifiable")
        negations.append(NegationOut(a.id, nn["id"], nn["cite"], " ".join(nn["sentence"].split()), nn["disposition"]))
        accounts[a.id] = ActAccountOut(a.id, "not_recorded", reason_code=nn["id"])

    classifier = {a: next((rid for rid in effective[a] if rules[rid].consequence("classify")), "") for a in effective}
    priors = [(p.victim, frozenset(p.offenders), p.reported_at) for p in inc.prior_records]
    counted, counted_in = counting_mod.count(edition, candidates, inc.reported_at, priors)

    crimes: list[CrimeOut] = []
    counting_cites = {cfg.section(s)["id"]: cfg.section(s)["cite"] for s in
                      ("one_crime_per_victim", "finished_incident", "principal_crime")}
    counting_cites.update({e["id"]: e["cite"] for e in cfg.in_addition})
    for i, c in enumerate(counted):
        crime_id = f"{inc.id}-C{i + 1}"
        p = c.principal
        off = edition.offences.get(p.cls, p.code)
        rule_ids: list[str] = []

        def add_rule(rid: str) -> None:
            if rid and rid not in rule_ids:  # noqa: B023 (called only in this iteration)
                rule_ids.append(rid)  # noqa: B023

        add_rule(classifier[p.act])
        crime_flags: list[FlagOut] = []
        seen_flags = set()
        for m in c.members:
            for n in notes:
                if n.act == m.act:
                    add_rule(n.rule_id)
            for fl in flags.get(m.act, []):
                if (fl.name, fl.value) not in seen_flags:
                    seen_flags.add((fl.name, fl.value))
                    crime_flags.append(fl)
                    add_rule(fl.rule_id)
        for rid in c.rule_ids:
            add_rule(rid)
        for act_id, rid, text in c.notes:
            notes.append(NoteOut(act_id, rid, text, counting_cites.get(rid, "")))
        citations = []
        for rid in rule_ids:
            cite = rules[rid].cite if rid in rules else counting_cites.get(rid, "")
            if cite and cite not in citations:
                citations.append(cite)
        crimes.append(CrimeOut(crime_id, p.cls, p.code, off.class_title if off else "", off.title if off else "",
                               p.victim or "", sorted(p.offenders), [m.act for m in c.members], crime_flags,
                               rule_ids, citations))
        accounts[p.act] = ActAccountOut(p.act, "recorded", crime_id=crime_id)
    for ci in counted_in:
        crime = crimes[ci.crime_index]
        section = "finished_incident" if ci.rule_id == cfg.section("finished_incident")["id"] else "principal_crime"
        sentence = " ".join(cfg.section(section)["sentence"].split()).format(
            crime=crime.id, classification=f"{crime.classification} {crime.title}")
        negations.append(NegationOut(ci.act, ci.rule_id, counting_cites[ci.rule_id], sentence,
                                     "counted_in_crime", crime.id))
        accounts[ci.act] = ActAccountOut(ci.act, "counted_in_crime", crime_id=crime.id, reason_code=ci.rule_id)

    tell = cfg.raw.get("tell_the_victim")
    if tell:  # an auditable record, and the victim or reporter told, whenever a report is not crimed
        for act_id in dict.fromkeys(n.act for n in negations if n.disposition in tell["dispositions"]):
            notes.append(NoteOut(act_id, tell["id"], " ".join(tell["text"].split()), tell["cite"]))
    dispositions = {n.disposition for n in negations}
    if crimes:
        outcome = "record_crime"
    elif any(acc.status == "undecided" for acc in accounts.values()):
        outcome = "more_information_required"
    elif "transfer" in dispositions:
        outcome = "transfer"
    elif "notifiable_incident" in dispositions:
        outcome = "notifiable_incident"
    elif "crime_related_incident" in dispositions:
        outcome = "crime_related_incident"
    else:
        outcome = "no_crime"

    deadline = cfg.section("deadline")
    record_by = inc.reported_at + dt.timedelta(hours=float(deadline["hours"]))
    now = as_of or dt.datetime.now(dt.timezone.utc)
    trace = []
    for f in firings:
        act_ref = f.facts["act"]["ref"]
        trace.append(FiringOut(f.rule_id, {k: str(v.get("ref")) for k, v in f.facts.items()},
                               rules[f.rule_id].cite, overridden_by.get((act_ref, f.rule_id), "")))
    # Most decisive first: questions that block an undecided act, then by what they can change
    # (whether to record, the classification, the count, a flag), then how many rules need them.
    undecided = {a for a, acc in accounts.items() if acc.status == "undecided"}
    ordered_questions = sorted(questions.values(), key=lambda q: _order(q, blocking, undecided))
    return Decision(
        decision_id=decision_id(inc, edition), incident_id=inc.id, outcome=outcome, edition=edition.name,
        crimes=crimes, negations=negations, questions=ordered_questions,
        record_by=record_by,
        # the limit binds while something is, or may yet be, recorded as a crime
        deadline_passed=now > record_by and outcome in ("record_crime", "more_information_required"),
        acts=[accounts[a.id] for a in inc.acts], reviews=reviews, trace=trace,
        decided_at=dt.datetime.now(dt.timezone.utc), notes=notes,
    )
