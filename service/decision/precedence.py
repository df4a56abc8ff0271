"""Stage 3: which of the rules that fired take effect, the others being overridden.

A rule is overridden when a rule that overrides it (directly or through others) also fired and
itself takes effect. Shared by decisions and by reviews of recorded crimes.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Resolution:
    effective: list[str]  # the rules that take effect, in the edition's order
    overridden_by: dict[str, str]  # overridden rule -> the rule that overrides it


def resolve(fired: Collection[str], overriders: Mapping[str, Collection[str]],
            position: Mapping[str, int]) -> Resolution:
    memo: dict[str, bool] = {}
    by: dict[str, str] = {}

    def eff(rid: str) -> bool:
        if rid not in memo:
            memo[rid] = True
            for o in sorted(overriders.get(rid, ())):
                if o in fired and eff(o):
                    memo[rid] = False
                    by[rid] = o
                    break
        return memo[rid]

    order = sorted(fired, key=position.__getitem__)  # the edition's own order
    return Resolution([rid for rid in order if eff(rid)], by)


def declared_overriders(rules, ranker) -> tuple[dict[str, frozenset[str]], dict[tuple[str, str], str]]:
    """Who takes precedence over whom, from what the edition declares, most binding first:

    1. explicit `overrides` (the exceptions the text names, each rule with its citation);
    2. between two rules that classify an act differently, declared specificity: the counting
       file's `specificity` entries (a more specific class of a family is recorded instead of the
       general one), unless an explicit override already orders the pair the other way;
    3. otherwise the classification the edition's principal crime ranking puts first (its
       exceptions, the look-up table, violence before property, then the maximum sentence).

    Explicit precedence is transitive (a rule overriding B overrides what B overrides); the
    other two orders rank two classifications and reach no further. Returns (rule id -> the rules
    that take precedence over it, (higher, lower) -> "specificity <entry id>" or "ranking" for the
    pairs the declared data orders)."""
    from ..counting import Candidate

    ids = [r.id for r in rules]
    index = {rid: i for i, rid in enumerate(ids)}
    succ = [0] * len(ids)  # bit j of succ[i]: rule i takes precedence over rule j directly
    for r in rules:
        for o in r.overrides:
            if o in index:
                succ[index[r.id]] |= 1 << index[o]

    def closure(edges: list[int]) -> list[int]:
        reach = list(edges)
        changed = True
        while changed:
            changed = False
            for i in range(len(reach)):
                new = reach[i]
                bits = reach[i]
                while bits:
                    low = bits & -bits
                    new |= reach[low.bit_length() - 1]
                    bits ^= low
                if new != reach[i]:
                    reach[i] = new
                    changed = True
        return reach

    explicit = closure(succ)
    classifiers = [(index[r.id], r, Candidate("", 0, *r.consequence("classify"), None, frozenset(), None))
                   for r in rules if r.consequence("classify")]
    ranked: dict[tuple[str, str], str] = {}  # (higher, lower) -> which order decided
    for i, a, ca in classifiers:
        for j, b, cb in classifiers:
            if i == j or (ca.cls, ca.code) == (cb.cls, cb.code):
                continue
            if a.act_types and b.act_types and not set(a.act_types) & set(b.act_types):
                continue
            if explicit[j] >> i & 1:
                continue  # an exception puts b first
            spec = ranker.more_specific(ca, cb)
            if spec is not None:
                ranked[(a.id, b.id)] = f"specificity {spec.id}"
            elif ranker.more_specific(cb, ca) is None and ranker.compare(ca, cb) < 0:
                ranked[(a.id, b.id)] = "ranking"
    reach = explicit
    over: dict[str, set[str]] = {rid: set() for rid in ids}
    for i, rid in enumerate(ids):
        bits = reach[i]
        while bits:
            low = bits & -bits
            j = low.bit_length() - 1
            if j != i:
                over[ids[j]].add(rid)
            bits ^= low
    for hi, lo in ranked:
        over[lo].add(hi)
    return {rid: frozenset(s) for rid, s in over.items()}, ranked
