"""Stage 4b: an act the known facts show to be a crime of some class, but whose class turns on a
fact not stated, is classified on the edition's assumptions (rules/<edition>/data/assumptions.yaml)
and recorded as provisional; each assumption is listed, and the question that would correct it
stays open as a refining question.

An assumption is used only where it leads to a classification: if on the assumed facts the act
would be negated, or would wait for a recording answer, the act stays undecided as it was.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from ..contract.incident import Act
from ..rules.model import Assumption, Edition
from .acts import ActResult, Context, decide_act
from .facts import FactIndex
from .outputs import AssumptionOut
from .precedence import Resolution, resolve
from .questions import Questions, question_for
from .run import run


@dataclass
class Assumed:
    results: list[ActResult]  # every act, those classified on assumptions replaced
    effective: dict[str, list[str]]  # rules in effect per act (on assumed facts where used)
    resolutions: dict[str, Resolution]
    firings: dict[str, list]  # act id -> the firings on its assumed facts (for the trace)


def _shown(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def with_assumptions(facts: list[dict], edition: Edition, acts: dict[str, Act]) -> tuple[list[dict], dict]:
    """The facts with every applicable assumption made for the given acts, and what was assumed:
    act id -> [(assumption, ref of the fact assumed)]."""
    out = copy.deepcopy(facts)
    made: dict[str, list[tuple[Assumption, str]]] = {}
    for f in out:
        if f["t"] == "act" and f["ref"] in acts:
            act_id, alias = f["ref"], "act"
        elif f["t"] == "party" and f["act"][4:] in acts and f["role"] in ("victim", "offender"):
            act_id, alias = f["act"][4:], f["role"]
        else:
            continue
        for asm in edition.assumptions:
            if asm.alias == alias and acts[act_id].type in asm.act_types and f.get(asm.attr) is None:
                f[asm.attr] = asm.value
                made.setdefault(act_id, []).append((asm, f["ref"]))
    return out, made


def _tested(edition: Edition, asm: Assumption, effective: list[str]) -> bool:
    return any(t.attr == asm.attr for rid in effective for p in edition.rule_by_id[rid].patterns
               if p.alias == asm.alias for t in p.tests)


def classify_on_assumptions(ctx: Context, facts: list[dict], results: list[ActResult],
                            resolutions: dict[str, Resolution], questions: Questions) -> Assumed:
    inc, edition = ctx.inc, ctx.edition
    out = Assumed(list(results), dict(ctx.effective), dict(resolutions), {})
    held = {r.act: a for r, a in zip(results, inc.acts, strict=False) if r.held_for_class}
    if not held or not edition.assumptions:
        return out
    assumed_facts, made = with_assumptions(facts, edition, held)
    if not made:
        return out
    second = run(inc, edition, assumed_facts)
    index = FactIndex(assumed_facts)
    for order, a in enumerate(inc.acts):
        if a.id not in made:
            continue
        res = resolve(second.fired[a.id], edition.overriders, edition.position)
        trial_questions = questions.rebase(a.id, index, second.fired[a.id], res.effective)
        trial = decide_act(Context(inc, edition, index, {**out.effective, a.id: res.effective}, second.set_aside),
                           order, a, trial_questions)
        if trial.candidate is None or trial.negations or trial.account is not None:
            continue  # the assumptions would decide recording, not the class: not used
        used = [(asm, ref) for asm, ref in made[a.id] if _tested(edition, asm, res.effective)]
        classifier = next(rid for rid in res.effective if edition.rule_by_id[rid].consequence("classify"))
        fields = {asm.id: question_for(edition, asm.alias, asm.attr, ref, a.type)[0] for asm, ref in used}
        questions.forget(a.id, keep=set(fields.values()))
        for asm, ref in used:  # what would correct the assumption could change the class
            questions.add(asm.alias, asm.attr, ref, a.id, classifier)
        questions.adopt(trial_questions, a.id)
        questions.fired[a.id], questions.effective[a.id] = second.fired[a.id], res.effective
        trial.assumptions = [AssumptionOut(a.id, fields[asm.id], asm.attr, _shown(asm.value), asm.say, asm.id,
                                           asm.cite) for asm, _ref in used]
        out.results[order] = trial
        out.effective[a.id] = res.effective
        out.resolutions[a.id] = res
        out.firings[a.id] = [f for f in second.firings if f.facts["act"]["ref"] == a.id]
    return out
