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
