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
    order = sorted(fired, key=position.__getitem__)  # the edition's own order
    return Resolution([rid for rid in order if _takes_effect(rid, fired, overriders, memo, by)], by)


def _takes_effect(rid: str, fired: Collection[str], overriders: Mapping[str, Collection[str]],
                  memo: dict[str, bool], by: dict[str, str]) -> bool:
    """Whether `rid` takes effect: no rule that overrides it fired and itself takes effect. (A
    module-level function, not a closure that calls itself: such a closure is a reference cycle,
    and would keep every decision's firings for the garbage collector to find.)"""
    if rid not in memo:
        memo[rid] = True  # a loop of overrides ends here
        # the overriders that fired, in name order (filtered before sorting: most fired none)
        for o in sorted([o for o in overriders.get(rid, ()) if o in fired]):
            if _takes_effect(o, fired, overriders, memo, by):
                memo[rid] = False
                by[rid] = o
                break
    return memo[rid]
