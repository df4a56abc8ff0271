"""Model -> durable-rules JSON: one engine rule per rule (or per alternative of it), the sentinel
rule, and the table of joins every firing must satisfy.

The shapes durable-rules 2.0.28 gets wrong are never emitted (docs/engine-notes.md): a join next to
an `$or` or a nested `$and` in one pattern is split into alternatives, and `broken_shapes` proves it.
"""
from __future__ import annotations

from typing import Any, Iterable

from .model import Rule, Test
from .problems import Problem, RulebookError


def _ref(alias: str, attr: str) -> dict:
    return {alias: attr}


def _test_json(t: Test) -> dict:
    if t.op == "eq":
        return {t.attr: t.value}
    if t.op == "ne":
        return {"$and": [{"$ex": {t.attr: 1}}, {"$neq": {t.attr: t.value}}]}
    if t.op in ("lt", "lte", "gt", "gte"):
        return {f"${t.op}": {t.attr: t.value}}
    if t.op == "in":
        alts = [{t.attr: v} for v in t.value if v is not None]
        if None in t.value:
            alts.append({"$nex": {t.attr: 1}})
        return alts[0] if len(alts) == 1 else {"$or": alts}
    if t.op == "not_in":
        return {"$and": [{"$ex": {t.attr: 1}}] + [{"$neq": {t.attr: v}} for v in t.value]}
    if t.op == "present":
        return {"$ex": {t.attr: 1}} if t.value else {"$nex": {t.attr: 1}}
    if t.op == "absent":
        return {"$nex": {t.attr: 1}}
    raise ValueError(t.op)


# How each fact kind is found and joined to the patterns before it (aliases are prefixed so that
# they never clash with attribute names inside the engine).
FACT_KIND = {"act": "act", "victim": "party", "offender": "party", "relationship": "relationship",
             "incident": "incident", "evidence": "evidence"}


def _join_json(alias: str) -> list[dict]:
    if alias in ("victim", "offender"):
        return [{"role": alias}, {"act": _ref("p_act", "id")}]
    if alias == "relationship":
        return [{"from": _ref("p_offender", "person")}, {"to": _ref("p_victim", "person")}]
    if alias == "evidence":
        return [{"act": _ref("p_act", "id")}]
    return []


# An engine rule name is the rule id, or the rule id and the number of one of its alternatives
# after this separator (a character rule ids never contain).
ALT_SEP = "#"
# durable-rules 2.0.28 ignores a join that sits in the same pattern as an `$or` or a nested `$and`
# (it fires with facts of different acts paired together: docs/engine-notes.md). Such a pattern is
# never emitted. In a pattern that joins, the `$and` of `!=` and `not_in` is flattened into the
# pattern's own list of conditions, and each `in` test with several values is split into
# alternatives, one engine rule per combination, all mapped back to the one rule id. The
# alternatives of one test are mutually exclusive (equal to one value, equal to another, absent),
# so a set of facts matches at most one alternative of a rule.
MAX_ALTERNATIVES = 64  # per rule: more means a condition the author should write differently


def _alternatives(tests: tuple[Test, ...]) -> list[list[dict]]:
    """The value conditions of a joined pattern as alternatives, each a flat list of conditions
    with no `$or` and no `$and` in it."""
    alts: list[list[dict]] = [[]]
    for t in tests:
        if t.op == "in" and len(t.value) > 1:
            choices = [{t.attr: v} if v is not None else {"$nex": {t.attr: 1}} for v in t.value]
            alts = [a + [c] for a in alts for c in choices]
        else:
            alts = [a + list(_conjuncts(_test_json(t))) for a in alts]
    return alts


def compile_rule(rule: Rule) -> dict[str, dict]:
    """One rule -> {engine rule name: rule JSON}: one entry, or one per alternative."""
    per_pattern: list[list[dict]] = []
    for p in rule.patterns:
        # value tests before the join: durable-rules keeps the reference (join) nodes it is
        # evaluating on a fixed 64-entry stack, so joins must only be reached by facts that passed
        # the cheap tests, or an edition with many joined rules fails with error 303
        joins = _join_json(p.alias)
        alts = _alternatives(p.tests) if joins else [[_test_json(t) for t in p.tests]]
        options = []
        for alt in alts:
            conds = [{"t": FACT_KIND[p.alias]}] + alt + joins
            options.append({f"p_{p.alias}": conds[0] if len(conds) == 1 else {"$and": conds}})
        per_pattern.append(options)
    combos: list[list[dict]] = [[]]
    for options in per_pattern:
        combos = [c + [o] for c in combos for o in options]
    if len(combos) > MAX_ALTERNATIVES:
        raise ValueError(f"rule {rule.id}: {len(combos)} alternatives once its value lists are split "
                         f"(at most {MAX_ALTERNATIVES})")
    if len(combos) == 1:
        return {rule.id: {"all": combos[0]}}
    return {f"{rule.id}{ALT_SEP}{i}": {"all": c} for i, c in enumerate(combos, 1)}


def engine_rule_id(name: str) -> str:
    """The rule id an engine rule name stands for."""
    return name.partition(ALT_SEP)[0]


SENTINEL_RULE = "engine.sentinel"


def _conjuncts(cond: Any) -> Iterable[Any]:
    """The conditions that must all hold for a pattern to match (`$and` flattened, `$or` kept)."""
    if isinstance(cond, dict) and set(cond) == {"$and"}:
        for c in cond["$and"]:
            yield from _conjuncts(c)
    else:
        yield cond


def _is_join(cond: Any) -> bool:
    # {attr: {alias: attr}} with the alias of an earlier pattern: durable-rules' reference syntax
    if not isinstance(cond, dict) or len(cond) != 1:
        return False
    (key, value), = cond.items()
    return not key.startswith("$") and isinstance(value, dict) and len(value) == 1 \
        and all(isinstance(k, str) and not k.startswith("$") and isinstance(v, str) for k, v in value.items())


def _mentions(cond: Any, what) -> bool:
    if what(cond):
        return True
    if isinstance(cond, dict):
        return any(_mentions(v, what) for v in cond.values())
    if isinstance(cond, list):
        return any(_mentions(v, what) for v in cond)
    return False


def join_table(ruleset: dict) -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """Engine rule name -> the joins every firing of it must satisfy, read from the compiled JSON:
    (alias, attribute, earlier alias, its attribute), meaning fact[alias][attribute] equals
    fact[earlier alias][its attribute]. The driver checks each firing against this table."""
    out = {}
    for name, rule in ruleset.items():
        joins = []
        for pattern in rule.get("all", []):
            for alias, cond in pattern.items():
                for c in _conjuncts(cond):
                    if _is_join(c):
                        (attr, ref), = c.items()
                        (ref_alias, ref_attr), = ref.items()
                        joins.append((alias, attr, ref_alias, ref_attr))
        out[name] = tuple(joins)
    return out


def _nested(cond: Any) -> bool:
    return isinstance(cond, dict) and ("$or" in cond or "$and" in cond)


def broken_shapes(ruleset: dict) -> list[str]:
    """Engine rule names with a pattern that holds a join and also an `$or` or a nested `$and`:
    durable-rules would ignore the join (docs/engine-notes.md). The compiler must never produce one."""
    bad = []
    for name, rule in ruleset.items():
        for pattern in rule.get("all", []) + rule.get("any", []):
            if any(_mentions(cond, _is_join) and any(_mentions(c, _nested) for c in _top(cond))
                   for cond in pattern.values()):
                bad.append(name)
                break
    return bad


def _top(cond: Any) -> list:
    """The conditions of a pattern's own list (its outermost `$and`), not flattened further."""
    return cond["$and"] if isinstance(cond, dict) and set(cond) == {"$and"} else [cond]


def compile_ruleset(rules: list[Rule]) -> dict:
    out = {SENTINEL_RULE: {"all": [{"p_s": {"t": "sentinel"}}]}}
    problems = []
    for r in rules:
        try:
            out.update(compile_rule(r))
        except ValueError as exc:  # too many alternatives: the author's to rewrite
            problems.append(Problem(r.file, r.line, r.id, "when", str(exc).partition(": ")[2]))
    if problems:
        raise RulebookError(problems)
    bad = broken_shapes(out)
    if bad:  # a compiler defect, never a rule author's: fail at load time, not with wrong answers
        raise AssertionError(f"compiled rules with a join next to an $or or a nested $and: {', '.join(bad)}")
    return out
