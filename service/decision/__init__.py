"""One decision: incident -> facts -> engine -> precedence -> acts -> counting -> assembled decision.

Every transport (gRPC, CLI, Python) calls :func:`decide`. It holds no offence knowledge: it applies
whatever the edition's rules fire, resolves the overrides they declare, asks the questions their
conditions still need, and counts with the edition's counting data. Each stage is a module:

  facts       the incident as typed facts (build_facts, FactIndex)
  run         the edition's rules run on them (which rules fired for which act)
  precedence  which fired rules take effect (overrides), shared with reviews
  acts        each act negated, waiting for an answer, classified or not notifiable
  assumptions an act whose class turns on an unstated fact, classified on the edition's assumptions
  questions   what is still open, one question per field, ranked
  assembly    counting into crimes, what could refine them, the outcome, deadline and trace
  outputs     the shapes of a decision
"""
from __future__ import annotations

import datetime as dt
import hashlib

from ..contract.incident import Incident
from ..ids import new_decision_id, request_digest
from ..rules.model import Edition
from .acts import Context, decide_act
from .assembly import count_crimes, outcome_of, record_by, refine, tell_the_victim, trace
from .assumptions import classify_on_assumptions
from .facts import FactIndex, build_facts
from .outputs import (
    OUTCOMES,
    PURPOSES,
    ActAccountOut,
    AssumptionOut,
    CrimeOut,
    Decision,
    FiringOut,
    FlagOut,
    NegationOut,
    NoteOut,
    QuestionOut,
    ReviewOut,
)
from .precedence import Resolution, resolve
from .questions import Questions, open_needs, purpose_of, question_for
from .run import EngineRun, run

__all__ = ["OUTCOMES", "PURPOSES", "ActAccountOut", "AssumptionOut", "CrimeOut", "Decision", "EngineRun", "FactIndex",
           "FiringOut", "FlagOut", "NegationOut", "NoteOut", "QuestionOut", "Questions", "Resolution",
           "ReviewOut", "build_facts", "deadline_binds", "decide", "open_needs", "purpose_of", "question_for",
           "resolve", "run", "run_engine", "wire_digest"]


# the outcomes for which the 24-hour limit binds: something is, or may yet be, recorded as a crime
DEADLINE_BINDS = frozenset({"record_crime", "more_information_required"})


def deadline_binds(outcome: str) -> bool:
    return outcome in DEADLINE_BINDS


def wire_digest(wire: bytes, edition: str) -> str:
    """SHA-256 of the edition and an incident's deterministic proto bytes."""
    return hashlib.sha256(b"hocr.v1.Incident\n" + edition.encode("utf-8") + b"\n" + wire).hexdigest()


def request_digest_of(inc: Incident, edition: str) -> str:
    """The request's content digest: SHA-256 of the edition and the incident's proto bytes when it
    came from a proto message (the gRPC and HTTP doors), else of its JSON (ids.request_digest)."""
    wire = inc._wire
    if wire is None:
        return request_digest(inc, edition)
    return wire_digest(wire, edition)


def run_engine(inc: Incident, edition: Edition) -> tuple[list[dict], EngineRun]:
    """The first two stages: the incident's facts and what the edition's rules fired on them. A
    caller deciding many incidents may run this for several first and then :func:`decide` each
    with its result (`ran`): the engine's memory and the Python stages' then each stay in the
    processor's caches (grpc_server.STAGED; docs/engine-notes.md section 9)."""
    facts = build_facts(inc, edition)
    return facts, run(inc, edition, facts)


def decide(inc: Incident, edition: Edition, as_of: dt.datetime | None = None, stamp: bool = True,
           ran: tuple[list[dict], EngineRun] | None = None) -> Decision:
    """The decision. `stamp=False` leaves its decision_id and request_digest empty: for a decision
    made under a stand-in id, which the caller stamps per request (service/transport/memo.py).
    `ran`: :func:`run_engine`'s result for this same incident and edition, when run already."""
    facts, engine_run = ran if ran is not None else run_engine(inc, edition)
    resolutions = {a.id: resolve(engine_run.fired[a.id], edition.overriders, edition.position) for a in inc.acts}
    ctx = Context(inc, edition, FactIndex(facts), {a: r.effective for a, r in resolutions.items()},
                  engine_run.set_aside)
    questions = Questions(edition, ctx.facts, {a.id: a.type for a in inc.acts}, engine_run.fired, ctx.effective)

    first = [decide_act(ctx, order, a, questions) for order, a in enumerate(inc.acts)]
    assumed = classify_on_assumptions(ctx, facts, first, resolutions, questions)
    results = assumed.results
    for r in results:
        if r.held_for_class:  # still no class, even on what may be assumed: it decides recording
            questions.deciding_crime(r.act)
    ctx = Context(inc, edition, ctx.facts, assumed.effective, engine_run.set_aside)
    counted = count_crimes(ctx, results)

    negations = [n for r in results for n in r.negations] + counted.negations
    accounts = {**{r.act: r.account for r in results if r.account}, **counted.accounts}
    acts = [accounts[a.id] for a in inc.acts]
    notes = [n for r in results for n in r.notes] + counted.notes + tell_the_victim(ctx, negations)
    outcome = outcome_of(counted.crimes, negations, acts)
    ordered = questions.ordered({acc.act for acc in acts if acc.status == "undecided"})
    assumptions = [x for r in results for x in r.assumptions]
    refine(counted.crimes, ordered, assumptions)
    deadline = record_by(ctx)
    now = as_of or dt.datetime.now(dt.timezone.utc)
    overridden = {(a, rid): o for a, r in assumed.resolutions.items() for rid, o in r.overridden_by.items()}
    nif = edition.counting.raw.get("not_in_force")
    for act_id, items in engine_run.set_aside.items():  # classifications whose offence was not in force
        for rid, _off, _day in items:
            overridden[(act_id, rid)] = nif["id"] if nif else "not-in-force"
    firings = [f for f in engine_run.firings if f.facts["act"]["ref"] not in assumed.firings]
    firings += [f for fs in assumed.firings.values() for f in fs]
    return Decision(
        decision_id=new_decision_id() if stamp else "", request_digest=request_digest_of(inc, edition.name) if stamp else "",
        rules_revision=edition.revision, incident_id=inc.id, outcome=outcome, edition=edition.name,
        crimes=counted.crimes, negations=negations, questions=ordered,
        record_by=deadline,
        deadline_passed=now > deadline and deadline_binds(outcome),
        acts=acts, reviews=[rv for r in results for rv in r.reviews],
        trace=trace(ctx, firings, overridden),
        decided_at=dt.datetime.now(dt.timezone.utc), notes=notes, assumptions=assumptions,
    )
