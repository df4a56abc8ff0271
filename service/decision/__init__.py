"""One decision: incident -> facts -> engine -> precedence -> acts -> counting -> assembled decision.

Every transport (gRPC, CLI, Python) calls :func:`decide`. It holds no offence knowledge: it applies
whatever the edition's rules fire, resolves the overrides they declare, asks the questions their
conditions still need, and counts with the edition's counting data. Each stage is a module:

  facts       the incident as typed facts (build_facts, FactIndex)
  run         the edition's rules run on them (which rules fired for which act)
  precedence  which fired rules take effect (overrides), shared with reviews
  acts        each act negated, waiting for an answer, classified or not notifiable
  questions   what is still open, one question per field, ranked
  assembly    counting into crimes, the outcome, deadline and trace
  outputs     the shapes of a decision
"""
from __future__ import annotations

import datetime as dt

from ..contract import Incident
from ..rulebook import Edition
from .acts import Context, decide_act
from .assembly import count_crimes, outcome_of, record_by, tell_the_victim, trace
from .facts import FactIndex, build_facts, decision_id
from .outputs import (OUTCOMES, PURPOSES, ActAccountOut, CrimeOut, Decision, FiringOut, FlagOut, NegationOut,
                      NoteOut, QuestionOut, ReviewOut)
from .precedence import Resolution, resolve
from .questions import Questions, open_needs, purpose_of, question_for
from .run import EngineRun, run

__all__ = ["OUTCOMES", "PURPOSES", "ActAccountOut", "CrimeOut", "Decision", "EngineRun", "FactIndex",
           "FiringOut", "FlagOut", "NegationOut", "NoteOut", "QuestionOut", "Questions", "Resolution",
           "ReviewOut", "build_facts", "decide", "decision_id", "open_needs", "purpose_of", "question_for",
           "resolve", "run"]


def decide(inc: Incident, edition: Edition, as_of: dt.datetime | None = None) -> Decision:
    facts = build_facts(inc, edition)
    engine_run = run(inc, edition, facts)
    resolutions = {a.id: resolve(engine_run.fired[a.id], edition.overriders, edition.position) for a in inc.acts}
    ctx = Context(inc, edition, FactIndex(facts), {a: r.effective for a, r in resolutions.items()})
    questions = Questions(edition, ctx.facts, {a.id: a.type for a in inc.acts}, engine_run.fired, ctx.effective)

    results = [decide_act(ctx, order, a, questions) for order, a in enumerate(inc.acts)]
    counted = count_crimes(ctx, results)

    negations = [n for r in results for n in r.negations] + counted.negations
    accounts = {**{r.act: r.account for r in results if r.account}, **counted.accounts}
    acts = [accounts[a.id] for a in inc.acts]
    notes = [n for r in results for n in r.notes] + counted.notes + tell_the_victim(ctx, negations)
    outcome = outcome_of(counted.crimes, negations, acts)
    deadline = record_by(ctx)
    now = as_of or dt.datetime.now(dt.timezone.utc)
    overridden = {(a, rid): o for a, r in resolutions.items() for rid, o in r.overridden_by.items()}
    return Decision(
        decision_id=decision_id(inc, edition), incident_id=inc.id, outcome=outcome, edition=edition.name,
        crimes=counted.crimes, negations=negations,
        questions=questions.ordered({acc.act for acc in acts if acc.status == "undecided"}),
        record_by=deadline,
        # the limit binds while something is, or may yet be, recorded as a crime
        deadline_passed=now > deadline and outcome in ("record_crime", "more_information_required"),
        acts=acts, reviews=[rv for r in results for rv in r.reviews],
        trace=trace(ctx, engine_run.firings, overridden),
        decided_at=dt.datetime.now(dt.timezone.utc), notes=notes,
    )
