"""Stage 4: each act decided on its own: negated, waiting for an answer, classified, or not
notifiable. One function per outcome; each returns what it decided and asks what could change it."""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from ..contract.incident import Act, Incident
from ..rules.model import Edition, Rule
from . import counting as counting_mod
from .facts import FactIndex
from .index import index_of
from .outputs import ActAccountOut, AssumptionOut, FlagOut, NegationOut, NoteOut, ReviewOut
from .questions import Questions


@dataclass(frozen=True)
class Context:
    """What every stage after precedence reads (never writes)."""
    inc: Incident
    edition: Edition
    facts: FactIndex
    effective: dict[str, list[str]]  # act id -> the rules that take effect on it
    # act id -> (rule id, offence, day): classifications set aside, the offence not in force then
    set_aside: dict[str, list[tuple]] = field(default_factory=dict)


@dataclass
class ActResult:
    act: str
    account: ActAccountOut | None = None  # None when classified: counting says where it went
    negations: list[NegationOut] = field(default_factory=list)
    candidate: counting_mod.Candidate | None = None
    notes: list[NoteOut] = field(default_factory=list)
    reviews: list[ReviewOut] = field(default_factory=list)
    flags: list[FlagOut] = field(default_factory=list)
    # undecided only because no classification rule fired yet (not waiting for a recording answer)
    held_for_class: bool = False
    assumptions: list[AssumptionOut] = field(default_factory=list)


def decide_act(ctx: Context, order: int, a: Act, questions: Questions) -> ActResult:
    questions.ask_assumed(a.id)
    eff_rules = [ctx.edition.rule_by_id[rid] for rid in questions.effective[a.id]]
    result = ActResult(a.id)
    nif = ctx.edition.counting.raw.get("not_in_force")
    for _rid, off, day in ctx.set_aside.get(a.id, []) if nif else []:
        when = " ".join(x for x in (f"in force from {off.in_force_from}" if off.in_force_from else "",
                                    f"ceased {off.ceased}" if off.ceased else "") if x)
        result.notes.append(NoteOut(a.id, nif["id"], " ".join(nif["note"].split()).format(
            classification=off.cls, code=off.code, title=off.title, day=day, when=when), nif["cite"]))
    for r in eff_rules:
        note = r.consequence("note")
        if note:
            result.notes.append(NoteOut(a.id, r.id, note, r.cite))
        review = r.consequence("review")
        if review:
            result.reviews.append(ReviewOut(a.id, r.id, review))
        flag = r.consequence("flag")
        if flag:
            result.flags.append(FlagOut(flag[0], flag[1], r.id, r.cite))
    negs = [r for r in eff_rules if r.consequence("negate")]
    asks = [r for r in eff_rules if r.consequence("ask")]
    classes = [r for r in eff_rules if r.consequence("classify")]
    if negs:
        negated(ctx, a, negs, questions, result)
    elif asks:
        waiting(ctx, a, asks, questions, result)
    elif classes:
        classified(ctx, order, a, classes, eff_rules, questions, result)
    else:
        unclassified(ctx, a, questions, result)
    return result


def negated(ctx: Context, a: Act, negs: list[Rule], questions: Questions, result: ActResult) -> None:
    for r in negs:
        disp, say, (inc_cls, inc_code, inc_title), to = r.consequence("negate")
        if to.startswith("incident."):  # the body named by a field of the report
            to = str(ctx.facts.incident.get(to[9:]) or "")
        elif to.startswith("act."):  # ... or of the act (e.g. the force area it was committed in)
            to = str(ctx.facts.acts[a.id].get(to[4:]) or "")
        result.negations.append(NegationOut(a.id, r.id, r.cite, say, disp, "", inc_cls, inc_code, inc_title, to))
    result.account = ActAccountOut(a.id, "not_recorded", reason_code=negs[0].id)
    # what could still change it: rules that take precedence over the negation, and other
    # negations (a crime related incident and "no crime" are different outcomes)
    overriders = ctx.edition.overriders
    questions.ask_open(a.id, only=set().union(*(overriders.get(r.id, frozenset()) for r in negs))
                       | ctx.edition.ids_with["negate"])


def waiting(ctx: Context, a: Act, asks: list[Rule], questions: Questions, result: ActResult) -> None:
    """A rule says the act cannot be decided without an answer: undecided, and ask it."""
    inc = ctx.inc
    for r in asks:
        for alias, attr in r.consequence("ask"):
            ref = a.id if alias == "act" else (a.against if alias == "victim" else
                                               (a.by[0] if alias == "offender" and a.by else inc.id))
            questions.add(alias, attr, ref, a.id, r.id, blocking=True)
    questions.ask_open(a.id)
    result.account = ActAccountOut(a.id, "undecided")


def classified(ctx: Context, order: int, a: Act, classes: list[Rule], eff_rules: list[Rule],
               questions: Questions, result: ActResult) -> None:
    edition = ctx.edition
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
                questions.add("act", per[4:], a.id, a.id, counted_by.id)
            else:
                best.unit = f"{per}={value}"
    result.candidate = best
    questions.ask_open(a.id, exclude=_moot(ctx, a, best, result, questions))


class _MootTable:
    """What `_moot` needs about one act type, worked out once per chosen class (a precomputed table).

    For one act type's moot entries (``index.TypeIndex.moot_entries``) it holds:

    * per chosen classification (cls, code), the ids of the classification rules that the chosen
      one outranks, in entry order; each verdict is ``index.outranks`` (the same call, and the same
      memo, as the loop it replaces: the ranking of two candidates of one act depends only on their
      classifications);
    * per flag (name, value), the ids of the rules that set that flag.

    The rest of the test depends on the act (which rules fired on it, which are in effect) and is
    applied per call, so ``_moot`` returns the same set as visiting every moot entry."""

    def __init__(self, entries):
        self.entries = entries
        self.classify = tuple(e for e in entries if e.moot_kind == "classify")
        flags: dict[tuple, list[str]] = {}
        for e in entries:
            if e.moot_kind != "classify":
                flags.setdefault(e.target, []).append(e.id)
        self.flags = {k: tuple(v) for k, v in flags.items()}
        self.below: dict[tuple[str, str], tuple[str, ...]] = {}

    def ranked_below(self, index, ranker, a: Act, best: counting_mod.Candidate) -> tuple[str, ...]:
        key = (best.cls, best.code)
        got = self.below.get(key)
        if got is None:
            got = self.below[key] = tuple(
                e.id for e in self.classify
                if index.outranks(ranker, e.target, best, lambda t=e.target: counting_mod.Candidate(
                    a.id, best.order, *t, a.against, frozenset(a.by), a.occurred_at)))
        return got


_MOOT_TABLES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # TypeIndex -> _MootTable


def _moot_table(type_index) -> _MootTable:
    table = _MOOT_TABLES.get(type_index)
    if table is None:
        table = _MOOT_TABLES.setdefault(type_index, _MootTable(type_index.moot_entries))
    return table


def _moot(ctx: Context, a: Act, best: counting_mod.Candidate, result: ActResult, questions: Questions) -> set[str]:
    """Rules whose firing could not change this act's crime: a class that ranks below the one
    chosen (and overrides nothing in effect), a flag the act already has."""
    edition = ctx.edition
    index = index_of(edition)
    fired = questions.fired[a.id]
    overriders = edition.overriders
    # the rules that override some rule in effect: a class among them is never moot
    overriding = set().union(*(overriders.get(e, ()) for e in questions.effective[a.id]))
    table = _moot_table(index.for_type(a.type))
    moot = {rid for rid in table.ranked_below(index, counting_mod.ranker_for(edition), a, best)
            if rid not in fired and rid not in overriding}
    for f in result.flags:
        for rid in table.flags.get((f.name, f.value), ()):
            if rid not in fired:
                moot.add(rid)
    return moot


def unclassified(ctx: Context, a: Act, questions: Questions, result: ActResult) -> None:
    """No rule classified the act: undecided if a rule still could, else not notifiable."""
    edition = ctx.edition
    could_classify = questions.ask_open(a.id, kinds={"classify"})
    questions.ask_open(a.id, only=edition.ids_with["negate"] | edition.ids_with["ask"])
    if could_classify:  # only a rule that could make it a crime keeps the act undecided
        result.account = ActAccountOut(a.id, "undecided")
        result.held_for_class = True
        return
    nif = edition.counting.raw.get("not_in_force")
    nn = nif if (a.id in ctx.set_aside and nif) else edition.counting.section("not_notifiable")
    result.negations.append(NegationOut(a.id, nn["id"], nn["cite"], " ".join(nn["sentence"].split()),
                                        nn["disposition"]))
    result.account = ActAccountOut(a.id, "not_recorded", reason_code=nn["id"])
