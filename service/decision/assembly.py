"""Stage 5: the classified acts counted into crimes; the outcome, the deadline and the trace."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..engine.driver import Firing
from . import counting as counting_mod
from .acts import ActResult, Context
from .outputs import ActAccountOut, AssumptionOut, CrimeOut, FiringOut, FlagOut, NegationOut, NoteOut, QuestionOut


@dataclass
class Counted:
    crimes: list[CrimeOut]
    negations: list[NegationOut]  # acts counted in another act's crime
    accounts: dict[str, ActAccountOut]  # the accounts of the acts counted
    notes: list[NoteOut]  # what the counting rules say about the crimes


def count_crimes(ctx: Context, results: list[ActResult]) -> Counted:
    inc, edition = ctx.inc, ctx.edition
    rules = edition.rule_by_id
    candidates = [r.candidate for r in results if r.candidate is not None]
    by_act = {r.act: r for r in results}
    act_notes = [n for r in results for n in r.notes]
    classifier = {a: next((rid for rid in ctx.effective[a] if rules[rid].consequence("classify")), "")
                  for a in ctx.effective}
    priors = [(p.victim, frozenset(p.offenders), p.reported_at) for p in inc.prior_records]
    counted, counted_in = counting_mod.count(edition, candidates, inc.reported_at, priors)

    out = Counted([], [], {}, [])
    counting_cites = counting_mod.citations(edition)
    for i, c in enumerate(counted):
        crime_id = f"{inc.id}-C{i + 1}"
        p = c.principal
        off = edition.offences.get(p.cls, p.code)
        rule_ids: list[str] = []

        def add_rule(rid: str) -> None:
            if rid and rid not in rule_ids:  # noqa: B023 - used at once, within the loop
                rule_ids.append(rid)  # noqa: B023 - used at once, within the loop

        add_rule(classifier[p.act])
        crime_flags: list[FlagOut] = []
        seen_flags = set()
        for m in c.members:
            for n in act_notes + out.notes:
                if n.act == m.act:
                    add_rule(n.rule_id)
            for fl in by_act[m.act].flags:
                if (fl.name, fl.value) not in seen_flags:
                    seen_flags.add((fl.name, fl.value))
                    crime_flags.append(fl)
                    add_rule(fl.rule_id)
        for rid in c.rule_ids:
            add_rule(rid)
        for act_id, rid, text in c.notes:
            out.notes.append(NoteOut(act_id, rid, text, counting_cites.get(rid, "")))
        citations = []
        for rid in rule_ids:
            cite = rules[rid].cite if rid in rules else counting_cites.get(rid, "")
            if cite and cite not in citations:
                citations.append(cite)
        out.crimes.append(CrimeOut(crime_id, p.cls, p.code, off.class_title if off else "",
                                   off.title if off else "", p.victim or "", sorted(p.offenders),
                                   [m.act for m in c.members], crime_flags, rule_ids, citations))
        out.accounts[p.act] = ActAccountOut(p.act, "recorded", crime_id=crime_id)
    for ci in counted_in:
        crime = out.crimes[ci.crime_index]
        sentence = counting_mod.counted_in_sentence(edition, ci.rule_id).format(
            crime=crime.id, classification=f"{crime.classification} {crime.title}")
        out.negations.append(NegationOut(ci.act, ci.rule_id, counting_cites[ci.rule_id], sentence,
                                         "counted_in_crime", crime.id))
        out.accounts[ci.act] = ActAccountOut(ci.act, "counted_in_crime", crime_id=crime.id, reason_code=ci.rule_id)
    return out


def refine(crimes: list[CrimeOut], questions: list[QuestionOut], assumptions: list[AssumptionOut]) -> None:
    """Each crime names the open questions that could change its class, code, count or flags. It is
    provisional when it rests on what the report did not say: an assumption of the edition's data,
    or a rule that made it having taken effect on a fact not given (its question is open). A crime
    that a further fact could only raise to another class (a question of a rule that did not fire)
    is not provisional: it is what the known facts support, with refining questions."""
    flat = [i for q in questions for i in (q.items or [q])]
    for c in crimes:
        acts, made_by = set(c.acts), set(c.rule_ids)
        # the questions on an act of the crime (`not isdisjoint`: they share an act, no set built)
        on_acts = [q for q in flat if not acts.isdisjoint(q.acts)]
        c.refined_by = [q.field for q in on_acts if q.purpose != "recording"]
        c.provisional = any(x.act in acts for x in assumptions) or any(
            not made_by.isdisjoint(q.rule_ids) for q in on_acts)


def tell_the_victim(ctx: Context, negations: list[NegationOut]) -> list[NoteOut]:
    """An auditable record, and the victim or reporter told, whenever a report is not crimed."""
    tell = ctx.edition.counting.raw.get("tell_the_victim")
    if not tell:
        return []
    return [NoteOut(act_id, tell["id"], " ".join(tell["text"].split()), tell["cite"])
            for act_id in dict.fromkeys(n.act for n in negations if n.disposition in tell["dispositions"])]


def outcome_of(crimes: list[CrimeOut], negations: list[NegationOut], accounts: list[ActAccountOut]) -> str:
    dispositions = {n.disposition for n in negations}
    if crimes:
        return "record_crime"
    if any(acc.status == "undecided" for acc in accounts):
        return "more_information_required"
    for outcome in ("transfer", "notifiable_incident", "crime_related_incident"):
        if outcome in dispositions:
            return outcome
    return "no_crime"


def record_by(ctx: Context) -> dt.datetime:
    return ctx.inc.reported_at + dt.timedelta(hours=float(ctx.edition.counting.section("deadline")["hours"]))


def trace(ctx: Context, firings: list[Firing], overridden_by: dict[tuple[str, str], str]) -> list[FiringOut]:
    rules = ctx.edition.rule_by_id
    return [FiringOut(f.rule_id, {k: str(v.get("ref")) for k, v in f.facts.items()}, rules[f.rule_id].cite,
                      overridden_by.get((f.facts["act"]["ref"], f.rule_id), "")) for f in firings]
