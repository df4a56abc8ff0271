"""The per-edition tables of the decision pipeline give what the plain computation gives.

`acts._moot` reads a table per act type (the classes each chosen class outranks, the rules per
flag) instead of visiting every moot entry; `run.set_aside_not_in_force` reads the rules whose
offence has a date; `counting.citations` is worked out once. Feature, example, generated and
directed incidents are decided with each table checked, call by call, against the plain loop it
replaces (the loop as it was written before the table)."""
from __future__ import annotations

import datetime as dt
import importlib

import pytest

from service.decision import counting as counting_mod
from service.decision.index import index_of

from .gen_incidents import decided_json, directed_incidents, example_incidents, feature_incidents, random_incidents
from .sampling import share
from .test_question_cache import AS_OF, EDITIONS

acts_mod = importlib.import_module("service.decision.acts")
run_mod = importlib.import_module("service.decision.run")


def _moot_by_visiting(ctx, a, best, result, questions) -> set[str]:
    """Every moot entry of the act type visited, each classification ranked against the chosen one."""
    edition = ctx.edition
    ranker = counting_mod.ranker_for(edition)
    flags = {(f.name, f.value) for f in result.flags}
    in_effect = questions.effective[a.id]
    fired = questions.fired[a.id]
    moot: set[str] = set()
    index = index_of(edition)
    for entry in index.for_type(a.type).moot_entries:
        if entry.id in fired:
            continue
        if entry.moot_kind == "classify":
            if any(entry.id in edition.overriders.get(e, ()) for e in in_effect):
                continue
            if index.outranks(ranker, entry.target, best, lambda t=entry.target: counting_mod.Candidate(
                    a.id, best.order, *t, a.against, frozenset(a.by), a.occurred_at)):
                moot.add(entry.id)
        elif entry.target in flags:
            moot.add(entry.id)
    return moot


def _set_aside_by_lookup(inc, edition, fired):
    out = {}
    for act in inc.acts:
        day = (act.occurred_at or inc.reported_at).astimezone(dt.timezone.utc).date()
        for rid in list(fired.get(act.id, {})):
            target = edition.rule_by_id[rid].consequence("classify")
            off = edition.offences.get(*target) if target else None
            if off is not None and not off.in_force_on(day):
                del fired[act.id][rid]
                out.setdefault(act.id, []).append((rid, off, day))
    return out


def _incidents(edition) -> list[dict]:
    return share(feature_incidents(), 3) + example_incidents(edition) + \
        share(random_incidents(edition, 120, seed=31), 2) + \
        share([raw for _, raw in directed_incidents(edition, seed=31)], 2)


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_the_tables_give_what_the_plain_loops_give(name, monkeypatch):
    edition = EDITIONS[name]
    table_moot, table_set_aside = acts_mod._moot, run_mod.set_aside_not_in_force
    seen = {"moot": 0, "moot_rules": 0, "flag_moot": 0, "set_aside": 0, "set_aside_acts": 0}

    def moot(ctx, a, best, result, questions):
        got = table_moot(ctx, a, best, result, questions)
        assert got == _moot_by_visiting(ctx, a, best, result, questions), (ctx.inc.id, a.id)
        seen["moot"] += 1
        seen["moot_rules"] += len(got)
        seen["flag_moot"] += any(r in edition.ids_with["flag"] for r in got)
        return got

    def set_aside(inc, ed, fired):
        plain = {a: dict(f) for a, f in fired.items()}
        expected = _set_aside_by_lookup(inc, ed, plain)
        got = table_set_aside(inc, ed, fired)
        assert got == expected and fired == plain, inc.id
        seen["set_aside"] += 1
        seen["set_aside_acts"] += len(got)
        return got

    monkeypatch.setattr(acts_mod, "_moot", moot)
    monkeypatch.setattr(run_mod, "set_aside_not_in_force", set_aside)
    for raw in _incidents(edition):
        decided_json(raw, edition, AS_OF)
    assert seen["moot"] > 100 and seen["moot_rules"] > 100 and seen["set_aside"] > 100, seen
    assert seen["flag_moot"] > 0, seen  # the flag part of the table is exercised too
    if name == min(EDITIONS):  # the older edition's acts reach offences not yet in force
        assert seen["set_aside_acts"] > 0, seen


def test_the_dated_table_holds_exactly_the_classifications_with_a_date():
    for edition in EDITIONS.values():
        dated = run_mod._dated(edition)
        for r in edition.rules:
            target = r.consequence("classify")
            off = edition.offences.get(*target) if target else None
            has_date = off is not None and (off.in_force_from is not None or off.ceased is not None)
            assert (r.id in dated) == has_date, r.id
            if has_date:
                assert dated[r.id] is off


def test_the_citations_are_worked_out_once_per_edition():
    for edition in EDITIONS.values():
        first = counting_mod.citations(edition)
        assert first == counting_mod._citations(edition) and first
        assert counting_mod.citations(edition) is first
