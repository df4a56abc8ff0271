"""The question index (service/decision/index.py) gives the same decisions, byte for byte, as the
search over every rule of the act type.

Every feature incident (bench/data), the docs/examples, generated and directed incidents are decided
with the question cache off (so that the search itself runs for every act), once with the
attribute index off and once with it on; the full decision JSON must be identical except the
decision id and times. The index must also really leave rules out (else the test proves nothing)."""
from __future__ import annotations

import pytest

from service.decision import index as imod
from service.decision import questions as qmod
from service.engine.runtime import runtime_of

from .gen_incidents import directed_incidents, example_incidents, feature_incidents, random_incidents
from .sampling import share
from .test_question_cache import EDITIONS, _decided


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_question_index_gives_the_same_decisions(name, monkeypatch):
    edition = EDITIONS[name]
    every = 2 if name == max(EDITIONS) else 3  # the whole of them with HOCR_THOROUGH (tests/sampling.py)
    incidents = share(feature_incidents(), every) + example_incidents(edition) + \
        share(random_incidents(edition, 100, seed=29), every) + \
        share([raw for _, raw in directed_incidents(edition, seed=29)], every)
    monkeypatch.setattr(qmod, "CACHE_SIZE", 0)
    monkeypatch.setattr(qmod, "COMPILED", False)  # the rule-by-rule search, which the index serves
    monkeypatch.setattr(imod, "ENABLED", False)
    without = [_decided(raw, edition) for raw in incidents]
    monkeypatch.setattr(imod, "ENABLED", True)
    runtime_of(edition).question_index = None  # built afresh with the index on
    with_index = [_decided(raw, edition) for raw in incidents]
    compared = 0
    for raw, a, b in zip(incidents, without, with_index, strict=True):
        assert b == a, raw.get("id")
        compared += a is not None
    assert compared > 200
    index = imod.index_of(edition)
    left_out = sum(len(t.entries) - len(hit) for t in index.types.values() for hit in t._memo.values())
    assert left_out > 0  # the index did leave rules out of the search


def test_an_attribute_value_rules_out_only_rules_that_test_it_false():
    edition = EDITIONS["2026-27"]
    index = imod.index_of(edition)
    act_type, t = next((k, v) for k, v in index.types.items() if v.attrs)
    everything = {e.id for e in t.entries}
    kept = {e.id for e in t.for_act({"t": "act", "type": act_type})}
    assert kept <= everything
    for e in t.entries:  # a rule left out has an act condition that is false on this act
        if e.id not in kept:
            tests = [x for p in e.rule.patterns if p.alias == "act" for x in p.tests]
            assert any(x.compiled({}) is False for x in tests), e.id


def test_question_parts_are_those_of_question_for():
    """The per-edition question parts give exactly what question_for gives, for every attribute."""
    for edition in EDITIONS.values():
        v = edition.vocab
        asks = [("act", a, t) for t, spec in v.act_types.items() for a in spec.attributes]
        asks += [("act", a, t) for t in v.act_types for a in v.envelope_questions]
        asks += [(alias, a, next(iter(v.act_types))) for alias in ("victim", "offender")
                 for a in [*v.person_attributes, "person_kind", "age_now", "age", "sex", "unknown"]]
        asks += [("incident", a, next(iter(v.act_types)))
                 for a in [*v.incident_attributes, "reporter_role", "channel", "place", "force_area"]]
        asks += [("relationship", "relationship", next(iter(v.act_types))), ("evidence", "credible", "x")]
        assert len(asks) > 20
        for alias, attr, act_type in asks:
            for ref in ("p1", "a-2", None, "p1~p2"):
                assert qmod._question_of(edition, alias, attr, ref, act_type) == \
                    qmod.question_for(edition, alias, attr, ref, act_type), (alias, attr, ref)


def _acts_of_every_kind(seed: int):
    """(edition name, edition, raw incident, its facts, act fact, bound facts) for every act of the
    feature, example, generated and directed incidents of each edition (a share of them for the
    older edition); incidents whose facts cannot be built are left out."""
    from service.decision.facts import FactIndex

    from .gen_incidents import facts_of

    for name, edition in sorted(EDITIONS.items()):
        every = 1 if name == max(EDITIONS) else 4
        incidents = share(feature_incidents(), every) + example_incidents(edition) + \
            share(random_incidents(edition, 150, seed=seed), every) + \
            share([raw for _, raw in directed_incidents(edition, seed=seed)], every)
        for raw in incidents:
            try:
                facts = FactIndex(facts_of(raw, edition))
            except ValueError:
                continue
            for act_fact in facts.acts.values():
                yield name, edition, raw, facts, act_fact, qmod.bound_facts(facts, act_fact)


def test_the_one_pass_search_gives_what_open_needs_gives():
    """needs_of (one fact per alias, one pass over the conditions) equals open_needs for every rule
    of every act of the feature, example, generated and directed incidents; and the one-pass way
    really is taken for most rules (else this proves nothing), the other for several facts."""
    taken = {"one pass": 0, "several facts": 0}
    compared: dict[str, int] = {}
    for name, edition, raw, facts, act_fact, bound in _acts_of_every_kind(31):
        for entry in imod.index_of(edition).for_type(act_fact["type"]).entries:
            want = qmod.open_needs(entry.rule, act_fact, facts)
            got = qmod.needs_of(entry.rule, entry.flat, bound, act_fact, facts)
            assert got == want, (raw.get("id"), act_fact["ref"], entry.id)
            compared[name] = compared.get(name, 0) + 1
            several = not entry.flat.simple or any(bound[a] is qmod._MANY for a in entry.flat.aliases)
            taken["several facts" if several else "one pass"] += 1
    for name in EDITIONS:
        assert compared.get(name, 0) > 10_000, name
    assert taken["one pass"] > 10 * taken["several facts"] > 0, taken


@pytest.mark.parametrize("switch, seed", [("FLAT", 37), ("COMPILED", 43)])
def test_each_faster_search_gives_the_same_decisions(monkeypatch, switch, seed):
    """The one-pass search (FLAT) and the compiled search (COMPILED), each on and off: the same
    decisions on feature and generated incidents."""
    edition = EDITIONS[max(EDITIONS)]
    incidents = share(feature_incidents(), 3) + share(random_incidents(edition, 100, seed=seed), 2)
    monkeypatch.setattr(qmod, "CACHE_SIZE", 0)
    monkeypatch.setattr(qmod, switch, False)
    without = [_decided(raw, edition) for raw in incidents]
    monkeypatch.setattr(qmod, switch, True)
    assert [_decided(raw, edition) for raw in incidents] == without
    assert sum(x is not None for x in without) > 200


def test_the_compiled_search_gives_what_needs_of_gives():
    """The search compiled per act type (index.compile_search) gives, rule for rule and in the
    edition's order, what needs_of gives for every rule of the act type, on every act whose aliases
    have at most one fact each; and it is taken for most acts (else this proves nothing)."""
    taken = {"compiled": 0, "several facts": 0}
    needed: dict[str, int] = {}
    for name, edition, raw, facts, act_fact, bound in _acts_of_every_kind(41):
        if any(v is qmod._MANY for v in bound.values()):
            taken["several facts"] += 1
            continue
        taken["compiled"] += 1
        t = imod.index_of(edition).for_type(act_fact["type"])
        want = [(e.id, n) for e in t.entries
                if (n := qmod.needs_of(e.rule, e.flat, bound, act_fact, facts))]
        entry_of = {e.id: e for e in t.entries}
        every_rule = frozenset(entry_of)  # no limit: a note counts as overriding one in effect
        found = t.search()(act_fact, bound["victim"], bound["offender"], bound["evidence"],
                           bound["incident"], bound["relationship"], qmod._NOT_GIVEN,
                           {}, frozenset(), frozenset(), every_rule, None, None)
        got = [(rid, set(needs) if needs is not None else
                qmod.needs_of(entry_of[rid].rule, entry_of[rid].flat, bound, act_fact, facts))
               for rid, needs in found]
        assert [x for x in got if x[1]] == want, (raw.get("id"), act_fact["ref"])
        needed[name] = needed.get(name, 0) + len(want)
    for name in EDITIONS:
        assert needed.get(name, 0) > 5_000, name
    assert taken["compiled"] > 10 * taken["several facts"] > 0, taken


def test_the_compiled_search_keeps_the_limits_of_the_search(monkeypatch):
    """Rules fired, excluded, overridden by one in effect, outside `only`, notes that override
    nothing in effect and rules without a consequence of `kinds` are left out by the compiled
    search as by the rule-by-rule one: both ways, on drawn limits, give the same list."""
    import random

    from service.decision.facts import FactIndex

    from .gen_incidents import facts_of

    edition = EDITIONS[max(EDITIONS)]
    index = imod.index_of(edition)
    rng = random.Random(53)
    overridden_some = [rid for rid in edition.overriders if edition.overriders[rid]]
    compared = taken = notes = 0
    for raw in random_incidents(edition, 120, seed=53):
        try:
            facts = FactIndex(facts_of(raw, edition))
        except ValueError:
            continue
        for act_id, act_fact in facts.acts.items():
            ids = [e.id for e in index.for_type(act_fact["type"]).entries]
            for _ in range(4):
                fired = {rid: None for rid in rng.sample(ids, min(len(ids), rng.randrange(4)))}
                effective = rng.sample(overridden_some, rng.randrange(4))
                q = qmod.Questions(edition, facts, {a: f["type"] for a, f in facts.acts.items()},
                                   {act_id: fired}, {act_id: effective})
                kinds = rng.choice([None, {"classify"}, {"negate", "ask"}, {"flag"}])
                only = rng.choice([None, set(rng.sample(ids, len(ids) // 2))])
                exclude = set(rng.sample(ids, rng.randrange(len(ids) // 3 + 1)))
                monkeypatch.setattr(qmod, "COMPILED", False)
                want = q._search(act_id, kinds, only, exclude)
                monkeypatch.setattr(qmod, "COMPILED", True)
                got = q._search(act_id, kinds, only, exclude)
                assert [(r, set(n)) for r, n in got] == [(r, set(n)) for r, n in want], (raw.get("id"), act_id)
                compared += 1
                taken += not any(v is qmod._MANY for v in qmod.bound_facts(facts, act_fact).values())
                notes += any(e.note_only and e.id in dict(want) for e in index.for_type(act_fact["type"]).entries)
    assert compared > 300 and taken > compared // 2 and notes > 0, (compared, taken, notes)


def test_around_is_what_the_rules_in_effect_override_and_are_overridden_by():
    edition = EDITIONS[max(EDITIONS)]
    index = imod.index_of(edition)
    some = sorted(set(edition.overriders) | set(index.overrides))
    assert index.around([]) == (frozenset(), frozenset())
    for i in range(0, len(some) - 2, 3):
        eff = some[i:i + 3]
        for _ in range(2):  # worked out, then remembered
            assert index.around(eff) == (index.overridden_by_any(eff), index.overriding_any(eff)), eff
    assert any(index.around(some[i:i + 3])[0] for i in range(0, len(some) - 2, 3))
    assert any(index.around(some[i:i + 3])[1] for i in range(0, len(some) - 2, 3))


def test_a_comparison_that_raises_takes_the_rule_by_rule_search(monkeypatch):
    """A value a comparison cannot take (an age given as text): the condition is false rule by rule
    (Test.compiled), the compiled search raises, and the search is then the rule-by-rule one."""
    from service.decision.facts import FactIndex

    from .gen_incidents import facts_of

    edition = EDITIONS[max(EDITIONS)]
    index = imod.index_of(edition)
    compared = 0
    for raw in random_incidents(edition, 60, seed=59):
        try:
            facts = FactIndex(facts_of(raw, edition))
        except ValueError:
            continue
        for act_id, act_fact in facts.acts.items():
            t = index.for_type(act_fact["type"])
            if not any(x.op in ("lt", "lte", "gt", "gte") and x.attr == "age"
                       for e in t.entries for p in e.rule.patterns if p.alias == "victim" for x in p.tests):
                continue
            victims = [f for f in facts.by_kind.get("party", ()) if f["act"] == act_fact["id"] and f["role"] == "victim"]
            bound = qmod.bound_facts(facts, act_fact)
            if len(victims) != 1 or any(v is qmod._MANY for v in bound.values()):
                continue
            victims[0]["age"] = "not a number"
            with pytest.raises(TypeError):
                t.search()(act_fact, bound["victim"], bound["offender"], bound["evidence"], bound["incident"],
                           bound["relationship"], qmod._NOT_GIVEN, {}, frozenset(), frozenset(), frozenset(), None, None)
            q = qmod.Questions(edition, facts, {a: f["type"] for a, f in facts.acts.items()},
                               {a: {} for a in facts.acts}, {a: [] for a in facts.acts})
            monkeypatch.setattr(qmod, "COMPILED", False)
            want = q._search(act_id, None, None, frozenset())
            monkeypatch.setattr(qmod, "COMPILED", True)
            assert q._search(act_id, None, None, frozenset()) == want
            compared += 1
    assert compared > 5


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_a_rule_that_overrides_one_in_effect_serves_the_more_decisive_purpose(name):
    """purposes_around: for every rule in effect, each rule that overrides it serves the more
    decisive of the two purposes (recording, classification, counting, flag, in that order), and
    nothing else changes; the same list of rules in effect gives the same answer."""
    index = imod.index_of(EDITIONS[name])
    rank = {p: i for i, p in enumerate(("recording", "classification", "counting", "flag"))}
    changed = 0
    for rid in index.purpose:
        got = index.purposes_around([rid])
        want = {o: index.purpose[rid] for o in index.overriders.get(rid, ())
                if rank[index.purpose[rid]] < rank[index.purpose[o]]}
        assert got == want, rid
        assert index.purposes_around((rid,)) is got
        changed += len(got)
    assert changed > 0  # some override raises a purpose: the test reaches the case
