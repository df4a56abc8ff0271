"""What the question search needs, worked out once per edition (issue 11 §2).

Built from the edition's public data (its rules, `rules_for_type`, `overriders`), never from
offence knowledge:

* per act type, the rules the search and the moot check can visit, each with what is static about
  it (its consequence kinds, whether it only notes, its purpose, its classification or flag);
* per act type and attribute, which rules an act's value of that attribute rules out: a rule whose
  act condition on the attribute is false for the value cannot fire on the act whatever else is
  answered, so it can have no open question (``open_needs`` would return None for it);
* how two classifications rank against each other (the ranker's comparison depends only on the
  two classifications when the acts are the same).

``HOCR_QUESTION_INDEX=0`` turns the attribute index off (the search then visits every rule of the
act type, as before); tests compare both ways.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from ..rules.model import Edition, Rule
from ..runtime import runtime_of

ENABLED = os.environ.get("HOCR_QUESTION_INDEX", "1") != "0"
_MAX_MEMO = 8192  # distinct (attribute values of an act) kept per act type; beyond it, cleared


def purpose_of_kinds(kinds: frozenset[str] | set[str]) -> str:
    """What a question for a rule with these consequence kinds serves: recording first."""
    if kinds & {"negate", "ask"}:
        return "recording"
    if "classify" in kinds:
        return "classification"
    if "count" in kinds:
        return "counting"
    return "flag"


class Flat:
    """A rule's conditions in one row: (alias, test, rank key, attribute) each, in pattern order;
    the aliases it joins; and whether it joins a relationship (with the rank key of "not given")."""
    __slots__ = ("aliases", "tests", "rel_key", "simple")

    def __init__(self, rule: Rule):
        rank = rule.condition_rank
        self.aliases = tuple(dict.fromkeys(p.alias for p in rule.patterns if p.alias != "act"))
        self.tests = tuple((p.alias, t.compiled, (rank.get((p.alias, t.attr), len(rank)), p.alias, t.attr), t.attr)
                           for p in rule.patterns for t in p.tests)
        self.rel_key = None
        seen: set[str] = set()
        simple = True
        for p in rule.patterns:
            if p.alias == "relationship":
                # a relationship joins the offender and victim bound before it
                simple = simple and {"offender", "victim"} <= seen
                self.rel_key = (rank.get((p.alias, "relationship"), len(rank)), p.alias, "relationship")
            seen.add(p.alias)
        self.simple = simple


@dataclass(frozen=True)
class Entry:
    """One rule as the search and the moot check see it."""
    rule: Rule
    id: str
    kinds: frozenset[str]  # its consequence kinds
    note_only: bool  # only notes or reviews: it cannot change the decision unless it overrides
    purpose: str
    # what it does apart from notes and reviews, for the moot check: "classify", "flag" or ""
    moot_kind: str
    target: tuple | None  # its classification (cls, code), or its flag (name, value)
    flat: Flat  # its conditions in one row (for questions.needs_of)


class TypeIndex:
    """The rules one act type's search visits, and which an act's attribute values rule out."""

    def __init__(self, rules: list[Rule], entries: dict[str, Entry]):
        self.entries: tuple[Entry, ...] = tuple(entries[r.id] for r in rules)
        self.moot_entries = tuple(e for e in self.entries if e.moot_kind)  # what the moot check visits
        self.position = {e.id: i for i, e in enumerate(self.entries)}
        # attribute -> [(rule id, its act tests on that attribute)], in rule order
        by_attr: dict[str, list[tuple[str, tuple]]] = {}
        for r in rules:
            tests: dict[str, list] = {}
            for p in r.patterns:
                if p.alias == "act":
                    for t in p.tests:
                        tests.setdefault(t.attr, []).append(t)
            for attr, ts in tests.items():
                by_attr.setdefault(attr, []).append((r.id, tuple(ts)))
        self.attrs: tuple[str, ...] = tuple(sorted(by_attr))
        self.by_attr = by_attr
        self._memo: dict[tuple, tuple[Entry, ...]] = {}
        self._out: dict[tuple, frozenset[str]] = {}
        self._found: dict[frozenset[str], tuple[Entry, ...]] = {}  # rules ruled out -> the rules left
        self._lock = threading.Lock()

    def _ruled_out(self, attr: str, value) -> frozenset[str]:
        """The rules a test on the act's `attr` rules out when it has `value` (None: not given);
        remembered per value (an attribute's values are the vocabulary's few)."""
        try:
            got = self._out.get((attr, value))
        except TypeError:  # a value that cannot be a key
            got = None
        if got is None:
            fact = {} if value is None else {attr: value}
            got = frozenset(rid for rid, tests in self.by_attr[attr] if any(t.compiled(fact) is False for t in tests))
            try:
                if len(self._out) < _MAX_MEMO:
                    self._out[(attr, value)] = got
            except TypeError:
                pass
        return got

    def for_act(self, act_fact: dict) -> tuple[Entry, ...]:
        """The rules that can still have an open question on this act, in the edition's order."""
        if not ENABLED:
            return self.entries
        try:
            key = tuple(act_fact.get(a) for a in self.attrs)
            hit = self._memo.get(key)
        except TypeError:  # a value that cannot be a key: work it out each time
            key, hit = None, None
        if hit is not None:
            return hit
        out: set[str] = set()
        for attr in self.attrs:
            out |= self._ruled_out(attr, act_fact.get(attr))
        ruled_out = frozenset(out)
        found = self._found.get(ruled_out)  # many acts leave the same rules: one tuple for them all
        if found is None:
            found = tuple(e for e in self.entries if e.id not in out)
        if key is not None:
            with self._lock:
                if len(self._memo) >= _MAX_MEMO:
                    self._memo.clear()
                if len(self._found) >= _MAX_MEMO:
                    self._found.clear()
                self._memo[key] = self._found.setdefault(ruled_out, found)
        return found


def _entry(r: Rule) -> Entry:
    kinds = frozenset(c.kind for c in r.consequences)
    rest = kinds - {"note", "review"}
    if rest == {"classify"}:
        moot, target = "classify", tuple(r.consequence("classify"))
    elif rest == {"flag"}:
        moot, target = "flag", tuple(r.consequence("flag"))
    else:
        moot, target = "", None
    return Entry(r, r.id, kinds, all(k in ("note", "review") for k in kinds), purpose_of_kinds(kinds), moot, target,
                 Flat(r))


class EditionIndex:
    def __init__(self, edition: Edition):
        entries = {r.id: _entry(r) for r in edition.rules}  # one per rule, shared by every act type
        self.types = {t: TypeIndex(rules, entries) for t, rules in edition.rules_for_type.items()}
        self.any_type = TypeIndex(edition.rules, entries)  # an act type the vocabulary does not know
        self.purpose = {rid: e.purpose for rid, e in entries.items()}
        self._outranks: dict[tuple, bool] = {}
        self.overriders = edition.overriders  # rule -> the rules that override it
        overrides: dict[str, set[str]] = {}  # rule -> the rules it overrides
        for rid, by in edition.overriders.items():
            for o in by:
                overrides.setdefault(o, set()).add(rid)
        self.overrides = {k: frozenset(v) for k, v in overrides.items()}

    def overridden_by_any(self, rules) -> frozenset[str] | set[str]:
        """The rules that some rule of `rules` overrides."""
        return set().union(*(self.overrides.get(r, ()) for r in rules))

    def overriding_any(self, rules) -> frozenset[str] | set[str]:
        """The rules that override some rule of `rules`."""
        return set().union(*(self.overriders.get(r, ()) for r in rules))

    def for_type(self, act_type: str) -> TypeIndex:
        return self.types.get(act_type, self.any_type)

    def outranks(self, ranker, target: tuple, best, option) -> bool:
        """Whether `best` ranks above the classification `target` of the same act (`option()`
        makes its candidate): the ranker's comparison of two candidates of one act, in the same
        order, depends only on their classifications."""
        key = (target, best.cls, best.code)
        got = self._outranks.get(key)
        if got is None:
            got = self._outranks[key] = ranker.compare(option(), best) > 0
        return got


_build_lock = threading.Lock()


def index_of(edition: Edition) -> EditionIndex:
    """The edition's index, built on first use (the service builds it at start-up)."""
    rt = runtime_of(edition)
    got = rt.question_index
    if got is None:
        with _build_lock:
            got = rt.question_index
            if got is None:
                got = rt.question_index = EditionIndex(edition)
    return got
