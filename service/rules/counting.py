"""The counting file's own entries as data: selectors of classifications, the precedence exceptions
and the acts counted within another crime, with the load-time check of their shape.

``service.decision.counting`` (the counting stage of a decision) orders and counts crimes with them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import CONSEQUENCES, Offence, OffenceTable

SELECTOR_KEYS = {"classes", "codes", "groups", "subgroups", "max_months_below", "max_months_at_most", "except"}


@dataclass(frozen=True)
class Selector:
    """Which classifications a counting entry speaks of (all given fields must hold)."""
    classes: frozenset[str] | None = None
    codes: frozenset[str] | None = None
    groups: frozenset[str] | None = None
    subgroups: frozenset[str] | None = None
    max_months_below: int | None = None
    max_months_at_most: int | None = None
    exceptions: tuple["Selector", ...] = ()

    def matches(self, cls: str, code: str, off: Offence | None) -> bool:
        if self.classes is not None and cls not in self.classes:
            return False
        if self.codes is not None and code not in self.codes:
            return False
        if self.groups is not None and (off is None or off.group not in self.groups):
            return False
        if self.subgroups is not None and (off is None or off.subgroup not in self.subgroups):
            return False
        months = off.max_months if off is not None else None
        if self.max_months_below is not None and (months is None or months >= self.max_months_below):
            return False
        if self.max_months_at_most is not None and (months is None or months > self.max_months_at_most):
            return False
        return not any(e.matches(cls, code, off) for e in self.exceptions)


def _selectors(items: Any, problems: list[str], where: str, offences: OffenceTable | None = None) -> tuple[Selector, ...]:
    out = []
    for item in items or []:
        if isinstance(item, list):  # a named set (YAML alias) inside a list of selectors
            out.extend(_selectors(item, problems, where, offences))
            continue
        if not isinstance(item, dict) or not item or not set(item) <= SELECTOR_KEYS:
            problems.append(f"{where}: a selector is a mapping of {', '.join(sorted(SELECTOR_KEYS))}")
            continue
        def as_set(k):
            return (frozenset(str(x) for x in item[k]) if k in item else None)  # noqa: B023 - used at once, within the loop
        sel = Selector(as_set("classes"), as_set("codes"), as_set("groups"), as_set("subgroups"),
                       item.get("max_months_below"), item.get("max_months_at_most"),
                       _selectors(item.get("except"), problems, where, offences))
        if offences is not None:
            for c in sel.classes or ():
                if c not in offences.classes:
                    problems.append(f"{where}: class {c} is not in the offence list")
            known_groups = {str(e.get("group", "")) for e in offences.classes.values()}
            known_sub = {str(e.get("subgroup", "")) for e in offences.classes.values()}
            for g in sel.groups or ():
                if g not in known_groups:
                    problems.append(f"{where}: offence group {g!r} is not in the offence list")
            for g in sel.subgroups or ():
                if g not in known_sub:
                    problems.append(f"{where}: offence subgroup {g!r} is not in the offence list")
            if sel.codes is not None and not any(offences.get(c, k) for k in sel.codes
                                                 for c in (sel.classes or offences.classes)):
                problems.append(f"{where}: none of the codes {sorted(sel.codes)} is in the offence list")
        out.append(sel)
    return tuple(out)


@dataclass(frozen=True)
class Precedence:
    id: str
    cite: str
    principal: tuple[Selector, ...]
    over: tuple[Selector, ...]


@dataclass(frozen=True)
class Specificity:
    """Declared specificity: where one act fits both, a class the `specific` selectors speak of is
    recorded instead of one the `general` selectors speak of (and the specific does not)."""
    id: str
    cite: str
    specific: tuple[Selector, ...]
    general: tuple[Selector, ...]
    text: str
    same_code: bool = False  # only for the same offence code under the two classes


RULE_SELECTOR_KEYS = {"family", "ids", "does", "except"}


@dataclass(frozen=True)
class RuleSelector:
    """Which rules a declared precedence entry speaks of, by their role (all given fields must hold):
    `family` (a rule id prefix: the rule `a.b.c` is of the families `a`, `a.b` and `a.b.c`), `ids`,
    `does` (the rule has one of these consequence kinds), less what `except` selects."""
    family: frozenset[str] | None = None
    ids: frozenset[str] | None = None
    does: frozenset[str] | None = None
    exceptions: tuple["RuleSelector", ...] = ()

    def matches(self, rule_id: str, kinds: frozenset[str]) -> bool:
        if self.family is not None and not any(rule_id == f or rule_id.startswith(f + ".") for f in self.family):
            return False
        if self.ids is not None and rule_id not in self.ids:
            return False
        if self.does is not None and self.does.isdisjoint(kinds):
            return False
        return not any(e.matches(rule_id, kinds) for e in self.exceptions)


def _rule_selectors(items: Any, problems: list[str], where: str) -> tuple[RuleSelector, ...]:
    out = []
    for item in items or []:
        if isinstance(item, list):  # a named set (YAML alias) inside a list of selectors
            out.extend(_rule_selectors(item, problems, where))
            continue
        if not isinstance(item, dict) or not item or not set(item) <= RULE_SELECTOR_KEYS:
            problems.append(f"{where}: a rule selector is a mapping of {', '.join(sorted(RULE_SELECTOR_KEYS))}")
            continue
        def as_set(k):
            v = item.get(k)  # noqa: B023 - used at once, within the loop
            return None if v is None else frozenset(str(x) for x in (v if isinstance(v, list) else [v]))
        does = as_set("does")
        for kind in sorted(does or ()):
            if kind not in CONSEQUENCES:
                problems.append(f"{where}: `does: {kind}` is not a consequence kind ({', '.join(CONSEQUENCES)})")
        out.append(RuleSelector(as_set("family"), as_set("ids"), does,
                                _rule_selectors(item.get("except"), problems, where)))
    return tuple(out)


@dataclass(frozen=True)
class Declared:
    """Declared precedence by role: a rule the `rules` selectors speak of takes precedence over a rule
    the `over` selectors speak of, for the same act (and, with `within`, only two rules of the same
    one of those families). Like an explicit `overrides` link, and as binding: transitive with them."""
    id: str
    cite: str
    rules: tuple[RuleSelector, ...]
    over: tuple[RuleSelector, ...]
    within: tuple[str, ...]
    text: str

    def family_of(self, rule_id: str) -> str | None:
        """The `within` family of a rule (the longest that holds it), or None."""
        hits = [f for f in self.within if rule_id == f or rule_id.startswith(f + ".")]
        return max(hits, key=len) if hits else None


def declared_entries(raw: dict, problems: list[str] | None = None) -> tuple[Declared, ...]:
    """The counting file's `rule_precedence` entries (problems in their shape go to `problems`)."""
    problems = [] if problems is None else problems
    out = []
    for i, e in enumerate(raw.get("rule_precedence") or []):
        where = f"rule_precedence[{i}]"
        if not isinstance(e, dict) or not all(e.get(k) for k in ("id", "cite", "text", "rules", "over")):
            problems.append(f"{where}: needs `id`, `cite`, `text`, `rules` and `over`")
            continue
        within = e.get("within") or []
        if not isinstance(within, list) or not all(isinstance(f, str) and f for f in within):
            problems.append(f"{where}: `within` is a list of rule id prefixes (families)")
            within = []
        out.append(Declared(str(e["id"]), str(e["cite"]), _rule_selectors(e.get("rules"), problems, where),
                            _rule_selectors(e.get("over"), problems, where), tuple(within),
                            " ".join(str(e.get("text", "")).split())))
    return tuple(out)


@dataclass(frozen=True)
class CountedWithin:
    id: str
    cite: str
    into: tuple[Selector, ...]
    absorbs: tuple[Selector, ...]
    not_after: bool
    sentence: str


def _any(sels: tuple[Selector, ...], cls: str, code: str, off: Offence | None) -> bool:
    return any(s.matches(cls, code, off) for s in sels)


def check_data(raw: dict, offences: OffenceTable) -> list[str]:
    """Problems in the counting file's precedence, counted-within and FCR entries (for `rules check`)."""
    problems: list[str] = []
    pc = raw.get("principal_crime") or {}
    for i, e in enumerate(pc.get("precedence") or []):
        where = f"principal_crime.precedence[{i}]"
        if not isinstance(e, dict) or not e.get("id") or not e.get("cite"):
            problems.append(f"{where}: needs `id` and `cite`")
            continue
        if not e.get("principal") or not e.get("over"):
            problems.append(f"{where}: needs `principal` and `over` selectors")
        _selectors(e.get("principal"), problems, where, offences)
        _selectors(e.get("over"), problems, where, offences)
    fcr = pc.get("refer_to_fcr")
    if fcr is not None:
        if not isinstance(fcr, dict) or not fcr.get("id") or not fcr.get("cite") or not fcr.get("text"):
            problems.append("principal_crime.refer_to_fcr: needs `id`, `cite`, `conduct` and `text`")
        else:
            _selectors(fcr.get("conduct"), problems, "principal_crime.refer_to_fcr", offences)
    tie = pc.get("equal_sentences")
    if tie is not None and (not isinstance(tie, dict) or not all(tie.get(k) for k in ("id", "cite", "text"))):
        problems.append("principal_crime.equal_sentences: needs `id`, `cite` and `text`")
    for i, e in enumerate(raw.get("specificity") or []):
        where = f"specificity[{i}]"
        if not isinstance(e, dict) or not all(e.get(k) for k in ("id", "cite", "text")) or not (
                (e.get("specific") and e.get("general")) or isinstance(e.get("order"), list)):
            problems.append(f"{where}: needs `id`, `cite`, `text`, and `specific` and `general` or an `order`")
            continue
        for j, tier in enumerate(e.get("order") or []):
            _selectors(tier if isinstance(tier, list) else [tier], problems, f"{where}.order[{j}]", offences)
        _selectors(e.get("specific"), problems, where, offences)
        _selectors(e.get("general"), problems, where, offences)
    declared_entries(raw, problems)
    for i, e in enumerate(raw.get("counted_within") or []):
        where = f"counted_within[{i}]"
        if not isinstance(e, dict) or not all(e.get(k) for k in ("id", "cite", "into", "absorbs", "sentence")):
            problems.append(f"{where}: needs `id`, `cite`, `into`, `absorbs` and `sentence`")
            continue
        _selectors(e.get("into"), problems, where, offences)
        _selectors(e.get("absorbs"), problems, where, offences)
    return problems


def entry_ids(raw: dict) -> set[str]:
    """The rationale ids the counting file's own entries give (reserved: no rule may reuse them)."""
    pc = raw.get("principal_crime") or {}
    ids = {e.get("id") for e in pc.get("precedence") or [] if isinstance(e, dict)}
    ids |= {e.get("id") for e in raw.get("counted_within") or [] if isinstance(e, dict)}
    ids |= {e.get("id") for e in raw.get("specificity") or [] if isinstance(e, dict)}
    ids |= {e.get("id") for e in raw.get("rule_precedence") or [] if isinstance(e, dict)}
    for name in ("refer_to_fcr", "equal_sentences"):
        if isinstance(pc.get(name), dict):
            ids.add(pc[name].get("id"))
    return {str(i) for i in ids if i}
