"""The durable-rules driver: joins that hold (docs/engine-notes.md), and firings that match a plain
evaluation of the rules over generated incidents."""
from __future__ import annotations

import json

import pytest

from service.engine.driver import MAX_FACT_PROPERTIES, Engine, EngineError
from service.engine.runtime import engine_of
from service.rules.compile import ALT_SEP, broken_shapes, engine_rule_id, join_table
from service.rules.model import PATTERN_ORDER

from .conftest import ROOT
from .editions import rules_editions
from .gen_incidents import directed_incidents, example_incidents, facts_of, random_incidents

EDITIONS = rules_editions(ROOT / "rules")
BOOKS = [book for e in EDITIONS.values() for book in (e, e.reviews) if book is not None]

# A pattern with a join next to an `$or`, written by hand the way the compiler used to write it.
BROKEN = {"broken": {"all": [
    {"p_act": {"t": "act"}},
    {"p_victim": {"$and": [{"t": "party"}, {"$or": [{"c": "x"}, {"$nex": {"c": 1}}]}, {"act": {"p_act": "id"}}]}},
]}}
# The same with a nested `$and` (as `!=` used to compile) next to the join: also skipped.
BROKEN_AND = {"broken": {"all": [
    {"p_act": {"t": "act"}},
    {"p_victim": {"$and": [{"t": "party"}, {"$and": [{"$ex": {"c": 1}}, {"$neq": {"c": "y"}}]},
                           {"act": {"p_act": "id"}}]}},
]}}
# Two acts; only a1's victim passes the `$or`. A correct engine pairs a1 with v1 and nothing else.
BROKEN_FACTS = [{"t": "act", "id": "a1"}, {"t": "act", "id": "a2"},
                {"t": "party", "id": "v1", "act": "a1"}, {"t": "party", "id": "v2", "act": "a2", "c": "y"}]
BROKEN_AND_FACTS = [{"t": "act", "id": "a1"}, {"t": "act", "id": "a2"},
                    {"t": "party", "id": "v1", "act": "a1", "c": "x"}, {"t": "party", "id": "v2", "act": "a2", "c": "y"}]


def _pairs(firings) -> set[tuple]:
    return {(f.rule_id, tuple(sorted((k, v["id"]) for k, v in f.facts.items()))) for f in firings}


# ---------------------------------------------------------------------------------------- compiler


@pytest.mark.parametrize("book", BOOKS, ids=lambda b: b.name)
def test_no_compiled_rule_has_a_join_next_to_an_or(book):
    assert book.ruleset_json, "the edition was compiled"
    assert broken_shapes(book.ruleset_json) == []
    # and the side table the driver checks names every join of every engine rule
    assert book.ruleset_joins == join_table(book.ruleset_json)
    if not book.name.endswith("/reviews"):  # review rules look at one fact only
        assert [n for n, j in book.ruleset_joins.items() if j], "an edition whose rules join facts"


def test_the_shape_check_recognises_the_broken_shapes():
    for ruleset in (BROKEN, BROKEN_AND):
        assert broken_shapes(ruleset) == ["broken"]
        assert join_table(ruleset)["broken"] == (("p_victim", "act", "p_act", "id"),)
    # nesting where nothing joins is fine (the act pattern keeps its `$or`)
    assert broken_shapes({"r": {"all": [{"p_act": {"$and": [{"t": "act"}, {"$or": [{"c": 1}, {"c": 2}]}]}}]}}) == []


def test_value_lists_in_joined_patterns_become_alternatives_of_one_rule():
    edition = EDITIONS["2026-27"]
    rule = edition.rule_by_id["ncrs.third-party.confirm-with-victim"]
    names = [n for n in edition.ruleset_json if engine_rule_id(n) == rule.id]
    assert len(names) == 2 and all(ALT_SEP in n for n in names)
    # every engine rule name stands for a rule of the edition (or the sentinel)
    assert {engine_rule_id(n) for n in edition.ruleset_json} - set(edition.rule_by_id) == {"engine.sentinel"}


# ---------------------------------------------------------------------------------------- driver


SHAPES = [("or", BROKEN, BROKEN_FACTS), ("and", BROKEN_AND, BROKEN_AND_FACTS)]


@pytest.mark.parametrize("label,ruleset,facts", SHAPES, ids=[s[0] for s in SHAPES])
def test_the_engine_really_skips_such_a_join(label, ruleset, facts):
    """What the driver check defends against: with no joins to check, the broken shape pairs act
    a2 with the victim of a1."""
    engine = Engine(f"test_broken_unchecked_{label}", ruleset, joins={})
    try:
        assert ("broken", (("act", "a2"), ("victim", "v1"))) in _pairs(engine.run([dict(f) for f in facts]))
    finally:
        engine.close()


@pytest.mark.parametrize("label,ruleset,facts", SHAPES, ids=[s[0] for s in SHAPES])
def test_the_driver_refuses_a_firing_whose_join_does_not_hold(label, ruleset, facts):
    engine = Engine(f"test_broken_checked_{label}", ruleset)  # the joins are read from the JSON
    try:
        with pytest.raises(EngineError, match=r"broken join \(p_victim\.act != p_act\.id\)"):
            engine.run([dict(f) for f in facts])
        # facts that do not trigger the engine bug still decide
        ok = [f for f in facts if f["id"] in ("a1", "v1")]
        assert _pairs(engine.run([dict(f) for f in ok])) == {("broken", (("act", "a1"), ("victim", "v1")))}
    finally:
        engine.close()


# ---------------------------------------------------------------------------------------- decisions

REPRODUCER = {
    "id": "JOIN-1", "reported_at": "2026-06-01T10:00:00Z", "reporter": {"role": "third_party"},
    "persons": [{"id": "V"}, {"id": "W", "attributes": {"confirmation": "confirmed"}}, {"id": "S"}],
    "acts": [{"id": "a1", "type": "use_of_force", "by": ["S"], "against": "V", "attributes": {"injury": "minor"}},
             {"id": "a2", "type": "use_of_force", "by": ["S"], "against": "W", "attributes": {"injury": "minor"}}],
}


def test_join_reproducer_records_the_confirmed_victims_crime(service):
    """Issue 9: a third party's report; W has confirmed, V has not been asked. a2 (against W) is an
    8N 008/06 as when decided alone; a1 waits on V's confirmation, and only a1 asks for it."""
    d = service.decide(REPRODUCER).to_dict()
    crimes = [(c["classification"], c["ho_code"], c["victim"], c["acts"]) for c in d["crimes"]]
    assert crimes == [("8N", "008/06", "W", ["a2"])]
    status = {a["act"]: a["status"] for a in d["acts"]}
    assert status == {"a1": "undecided", "a2": "recorded"}
    asks = {q["field"]: q["acts"] for q in d["questions"] if q["attribute"] == "confirmation"}
    assert asks == {"persons[V].attributes.confirmation": ["a1"]}
    alone = dict(REPRODUCER, acts=[REPRODUCER["acts"][1]])
    assert [(c["classification"], c["ho_code"]) for c in service.decide(alone).to_dict()["crimes"]] == [("8N", "008/06")]


def test_join_reproducer_once_both_victims_confirm_records_two_8n(service):
    confirmed = dict(REPRODUCER, persons=[{"id": "V", "attributes": {"confirmation": "confirmed"}},
                                          *REPRODUCER["persons"][1:]])
    d = service.decide(confirmed).to_dict()
    assert sorted((c["classification"], c["ho_code"], c["victim"]) for c in d["crimes"]) == \
        [("8N", "008/06", "V"), ("8N", "008/06", "W")]


# ---------------------------------------------------------------------------------------- property


def _expected(book, facts: list[dict]) -> set[tuple]:
    """Which rules fire on which facts, evaluated in plain Python from the rules' own tests and the
    joins of the contract (party/evidence -> act, relationship -> offender and victim)."""
    by_kind: dict[str, list[dict]] = {}
    for f in facts:
        by_kind.setdefault(f["t"], []).append(f)

    def candidates(alias: str, b: dict) -> list[dict]:
        if alias == "act":
            return by_kind.get("act", [])
        if alias in ("victim", "offender"):
            return [f for f in by_kind.get("party", []) if f["role"] == alias and f["act"] == b["act"]["id"]]
        if alias == "relationship":
            return [f for f in by_kind.get("relationship", [])
                    if f["from"] == b["offender"]["person"] and f["to"] == b["victim"]["person"]]
        if alias == "evidence":
            return [f for f in by_kind.get("evidence", []) if f["act"] == b["act"]["id"]]
        return by_kind.get(alias, [])

    out = set()
    for act in by_kind.get("act", []):
        # the rules naming no act type, or this one (the act pattern tests the type all the same)
        for rule in book.rules_for_type.get(act["type"], book.rules):
            bindings: list[dict] = [{}]
            for p in sorted(rule.patterns, key=lambda p: PATTERN_ORDER.index(p.alias)):
                options = [act] if p.alias == "act" else None
                bindings = [{**b, p.alias: f} for b in bindings for f in (options or candidates(p.alias, b))
                            if all(t.evaluate(f) is True for t in p.tests)]
                if not bindings:
                    break
            for b in bindings:
                out.add((rule.id, tuple(sorted((k, v["id"]) for k, v in b.items()))))
    return out


def _joins_hold(firing) -> bool:
    f = firing.facts
    ok = all(f[a]["act"] == f["act"]["id"] for a in ("victim", "offender", "evidence") if a in f)
    if "relationship" in f:
        ok = ok and f["relationship"]["from"] == f["offender"]["person"] \
            and f["relationship"]["to"] == f["victim"]["person"]
    return ok


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_firings_over_generated_incidents_hold_their_joins_and_match_the_rules(name):
    """Random incidents, the examples, and one incident aimed at each rule (act a1 meant to fire
    it, beside an act a2 of the same type against someone else): the facts a skipped join pairs
    wrongly. With the compiler's old shapes a third of the aimed incidents broke a join."""
    edition = EDITIONS[name]
    engine = engine_of(edition)
    aimed = directed_incidents(edition)
    checked = fired = 0
    targets_fired = set()
    for target, raw in [("", r) for r in random_incidents(edition, 150) + example_incidents(edition)] + aimed:
        try:
            facts = facts_of(raw, edition)
        except ValueError:
            continue
        firings = engine.run([dict(f) for f in facts])  # the driver raises on a broken join
        broken = [f.rule_id for f in firings if not _joins_hold(f)]
        assert not broken, (raw["id"], broken)
        got = _pairs(firings)
        assert len(got) == len(firings), "no firing twice"
        assert got == _expected(edition, facts), raw["id"]
        checked += 1
        fired += len(firings)
        if any(f.rule_id == target and f.facts["act"]["ref"] == "a1" for f in firings):
            targets_fired.add(target)
    assert checked >= len(aimed) + 100
    assert len(targets_fired) >= 0.95 * len(edition.rules)  # the aimed incidents reach their rules


# ---------------------------------------------------------------------------------------- sessions


def _engines(edition, label: str) -> tuple[Engine, Engine]:
    name = f"hocr_test_{label}_{edition.name.replace('-', '_')}"
    return (Engine(f"{name}_fresh", edition.ruleset_json, edition.ruleset_joins, reuse=False),
            Engine(f"{name}_live", edition.ruleset_json, edition.ruleset_joins))


def _trace(firings) -> list[tuple]:
    return [(f.rule_id, tuple(sorted((k, tuple(sorted(v.items()))) for k, v in f.facts.items()))) for f in firings]


def _strip_sid(firings) -> list[tuple]:
    return [(r, tuple((k, tuple(kv for kv in v if kv[0] != "sid")) for k, v in facts)) for r, facts in _trace(firings)]


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_one_reused_session_fires_exactly_as_a_fresh_session_per_decision(name):
    """Random incidents, the examples and one incident aimed at each rule, decided both ways:
    the same firings, in the same order, on the same facts; and the reused engine opened one
    session for all of them and holds nothing between decisions."""
    edition = EDITIONS[name]
    fresh, live = _engines(edition, "equiv")
    try:
        incidents = random_incidents(edition, 300, seed=11) + example_incidents(edition) + \
            [raw for _, raw in directed_incidents(edition, seed=11)]
        compared = fired = 0
        for raw in incidents:
            try:
                facts = facts_of(raw, edition)
            except ValueError:
                continue
            a = fresh.run([dict(f) for f in facts])
            b = live.run([dict(f) for f in facts])
            assert _strip_sid(b) == _strip_sid(a), raw["id"]
            assert live.held() == []
            compared += 1
            fired += len(a)
        assert compared >= 300 + len(edition.rules) and fired > compared
        assert live.sessions_opened == 1
    finally:
        fresh.close()
        live.close()


def test_a_decision_after_a_failed_one_is_unaffected():
    edition = EDITIONS["2026-27"]
    fresh, live = _engines(edition, "after_failure")
    # a join table that every firing of one common rule fails: an engine error in mid-run
    wrong = dict(edition.ruleset_joins)
    wrong["assault.with-injury.abh"] = (("p_act", "id", "p_act", "type"),)
    failing = Engine("hocr_test_failing_live", edition.ruleset_json, wrong)
    try:
        facts = facts_of(REPRODUCER, edition)
        later = [f for f in facts if f.get("ref") != "a2" and f.get("act") != "act:a2"]  # a2 and its parties gone
        expected = _strip_sid(fresh.run([dict(f) for f in later]))
        assert expected != _strip_sid(fresh.run([dict(f) for f in facts]))

        # refused at assert time: two identical facts (the others are asserted all the same)
        with pytest.raises(EngineError, match="identical"):
            live.run([dict(f) for f in facts] + [dict(facts[-1])])
        assert live.held() == []
        assert _strip_sid(live.run([dict(f) for f in later])) == expected

        # failed while draining the actions, with actions still queued
        with pytest.raises(EngineError, match="broken join"):
            failing.run([dict(f) for f in facts])
        assert failing.held() == []
        assert _strip_sid(failing.run([dict(f) for f in later if f["t"] != "act" or f["ref"] != "a1"]
                                      + [dict(facts[1], injury="none")])) == \
            _strip_sid(fresh.run([dict(f) for f in later if f["t"] != "act" or f["ref"] != "a1"]
                                 + [dict(facts[1], injury="none")]))
        assert failing.sessions_opened == 2  # the failed session was discarded, a new one opened
        assert live.held() == [] and failing.held() == []
    finally:
        fresh.close()
        live.close()
        failing.close()


def test_the_reused_engine_never_opens_a_session_per_decision():
    edition = EDITIONS["2026-27"]
    engine = Engine("hocr_test_many", edition.ruleset_json, edition.ruleset_joins)
    try:
        facts = facts_of(REPRODUCER, edition)
        first = _strip_sid(engine.run([dict(f) for f in facts]))
        for _ in range(1500):  # more than the 1,023 sessions a ruleset can hold at once
            assert _strip_sid(engine.run([dict(f) for f in facts])) == first
        assert engine.sessions_opened == 1 and engine.held() == []
    finally:
        engine.close()


def test_a_rule_with_too_many_alternatives_is_a_load_error_naming_it():
    import dataclasses

    from service.rules.compile import MAX_ALTERNATIVES, compile_ruleset
    from service.rules.model import Pattern, Test
    from service.rules.problems import RulebookError

    rule = EDITIONS["2026-27"].rule_by_id["ncrs.third-party.confirm-with-victim"]
    lists = tuple(Test(f"x{i}", "in", ("a", "b")) for i in range(MAX_ALTERNATIVES.bit_length()))
    wide = dataclasses.replace(rule, patterns=tuple(
        Pattern(p.alias, p.tests + lists) if p.alias == "victim" else p for p in rule.patterns))
    with pytest.raises(RulebookError) as err:
        compile_ruleset([wide])
    (problem,) = err.value.problems
    assert problem.rule_id == rule.id and problem.line > 0 and "alternatives" in problem.message


# ---------------------------------------------------------------------------------------- JSON


def test_the_fast_fact_json_is_the_reference_json_byte_for_byte():
    """orjson writes flat facts exactly as json.dumps(ensure_ascii=False) does (the engine compares
    raw bytes, docs/engine-notes.md): every code point but the surrogates, in strings and in keys,
    and the ints, bools and null a fact can hold."""
    from service.engine.driver import _decode, _dumps, _encode

    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    chunks = ["".join(points[i:i + 4096]) for i in range(0, len(points), 4096)]
    facts = [{"t": "act", "id": f"a{i}", "text": chunk, chunk[:64]: i, "n": -(2 ** 63) + i, "m": 2 ** 64 - 1 - i,
              "b": bool(i % 2), "z": None} for i, chunk in enumerate(chunks)]
    assert Engine._check(facts) is True  # flat
    text, fast = _encode(facts, True)
    assert fast and text == _dumps(facts)
    assert _decode(text, True) == json.loads(text) == facts
    # what orjson refuses or would read otherwise is written and read the reference way
    for odd in ({"t": "x", "id": "1", "s": "\ud800"}, {"t": "x", "id": "1", "n": 2 ** 64}, {"t": "x", "id": "1", 1: 2}):
        assert _encode([odd], True) == (_dumps([odd]), False)
    nested = [{"t": "x", "id": "1", "f": 1e16, "l": [1, {"a": 2}]}]
    assert Engine._check(nested) is False
    assert _encode(nested, False) == (_dumps(nested), False)
    assert _decode('{"a":NaN}', True).keys() == {"a"}  # orjson refuses NaN: json reads it
    assert _decode('[123456789012345678901234567890]', False) == [123456789012345678901234567890]


def test_a_fact_with_too_many_properties_is_refused_flat_or_nested():
    flat = {"t": "x", "id": "1", **{f"k{i}": i for i in range(MAX_FACT_PROPERTIES)}}
    with pytest.raises(EngineError, match="more than"):
        Engine._check([flat])
    nested = {"t": "x", "id": "1", "n": {f"k{i}": i for i in range(MAX_FACT_PROPERTIES)}}
    with pytest.raises(EngineError, match="more than"):
        Engine._check([nested])
    assert Engine._check([{"t": "x", "id": "1", **{f"k{i}": i for i in range(MAX_FACT_PROPERTIES - 2)}}]) is True
