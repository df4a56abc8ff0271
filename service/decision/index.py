"""What the question search needs, worked out once per edition (issue 11 §2).

Built from the edition's public data (its rules, `rules_for_type`, `overriders`), never from
offence knowledge:

* per act type, the rules the search and the moot check can visit, each with what is static about
  it (its consequence kinds, whether it only notes, its purpose, its classification or flag);
* per act type and attribute, which rules an act's value of that attribute rules out: a rule whose
  act condition on the attribute is false for the value cannot fire on the act whatever else is
  answered, so it can have no open question (``open_needs`` would return None for it);
* how two classifications rank against each other (the ranker's comparison depends only on the
  two classifications when the acts are the same);
* per act type, the one-pass search generated as one Python function from the rules' conditions
  (``compile_search``), made for every act type at start-up (``EditionIndex.compile_searches``),
  its source, constants and compiled code kept on disk with the editions by
  service/edition_cache.py (`searches`: generating and compiling an edition's takes about 0.5 s;
  reading them back a few milliseconds, with no source generated).

``HOCR_QUESTION_INDEX=0`` turns the attribute index off (the search then visits every rule of the
act type, as before); ``HOCR_QUESTION_COMPILED=0`` (service/decision/questions.py) searches rule by
rule, with the attribute index, instead of the generated function (which needs no attribute index:
a rule the index would leave out has a false condition there); tests compare both ways.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from ..engine.runtime import runtime_of
from ..rules.model import Edition, Rule
from .outputs import PURPOSES

ENABLED = os.environ.get("HOCR_QUESTION_INDEX", "1") != "0"
_MAX_MEMO = 8192  # distinct (attribute values of an act) kept per act type; beyond it, cleared


PURPOSE_RANK = {p: i for i, p in enumerate(PURPOSES)}  # most decisive first


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
        self._search = None  # compile_search(self.entries): at start-up, else on first use

    def search(self):
        """The type's compiled search (`compile_search`): made at start-up by
        `EditionIndex.compile_searches`, else the first time it is asked for."""
        fn = self._search
        if fn is None:
            with self._lock:
                if self._search is None:
                    self._search = compile_search(self.entries)
                fn = self._search
        return fn

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
        self._around: dict[tuple, tuple[frozenset[str], frozenset[str]]] = {}  # for `around`
        self._purposes: dict[tuple, dict[str, str]] = {}  # for `purposes_around`
        self.checklist_by_id = {}  # checklist id -> the edition's first checklist of that id
        for c in edition.checklists:
            self.checklist_by_id.setdefault(c.id, c)

    def _every_type(self) -> dict[str | None, TypeIndex]:
        """Every act type's index by its name, the unknown type's under None."""
        return {**self.types, None: self.any_type}

    def search_types(self) -> set[str | None]:
        """The names `search_sources` and `compile_searches` use: every act type, None for the unknown."""
        return set(self._every_type())

    def search_sources(self) -> dict[str | None, tuple[str, dict, bool]]:
        """Every act type's search (`search_source`: source, constants, fallback), by type name,
        the unknown type's under None: what `compile_searches` makes the searches from."""
        return {name: search_source(t.entries) for name, t in self._every_type().items()}

    def compile_searches(self, made: dict | None = None) -> int:
        """Make every act type's compiled search now (the service does it at start-up, so that no
        request compiles one). `made`: by type name (as `search_sources` names them), its
        (source, constants, fallback, compiled code), e.g. read back from the copy on disk
        (service/edition_cache.py: `searches`); None works each out and compiles it here. Returns
        how many."""
        types = self._every_type()
        if made is None:
            made = {name: (*m, None) for name, m in self.search_sources().items()}
        for name, t in types.items():
            source, consts, fallback, code = made[name]
            with t._lock:
                if t._search is None:
                    t._search = make_search(source, consts, fallback, code)
        return len(types)

    def around(self, effective) -> tuple[frozenset[str], frozenset[str]]:
        """(`overridden_by_any`, `overriding_any`) of the rules in effect, remembered per list of
        them (the same few lists come back decision after decision)."""
        key = tuple(effective)
        got = self._around.get(key)
        if got is None:
            got = (frozenset(self.overridden_by_any(key)), frozenset(self.overriding_any(key))) if key else \
                (frozenset(), frozenset())
            with _build_lock:
                if len(self._around) >= _MAX_MEMO:
                    self._around.clear()
                self._around[key] = got
        return got

    def purposes_around(self, effective) -> dict[str, str]:
        """What a question for a rule serves, where that differs from its own purpose, for an act
        with these rules in effect: a rule that overrides one in effect would take that rule out
        of effect if it fired, so its question serves the more decisive of the two purposes (a
        note that overrides a rule asking whether to record decides whether to record). Only the
        rules whose purpose changes; remembered per list of rules in effect."""
        key = tuple(effective)
        got = self._purposes.get(key)
        if got is None:
            rank, purpose = PURPOSE_RANK, self.purpose
            got = {}
            for e in key:
                for o in self.overriders.get(e, ()):
                    best = got.get(o, purpose[o])
                    if rank[purpose[e]] < rank[best]:
                        got[o] = purpose[e]
            with _build_lock:
                if len(self._purposes) >= _MAX_MEMO:
                    self._purposes.clear()
                self._purposes[key] = got
        return got

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


# ------------------------------------------------------------ the search, compiled per act type
# `questions.needs_of` walks a rule's conditions one by one, and `TypeIndex.for_act` first leaves
# out the rules the act's attribute values rule out. When each alias has at most one fact (nearly
# always), what every rule of an act type still needs is a function of the conditions' results
# alone, so it is generated once per act type as straight-line Python: each distinct condition of
# the type's rules is evaluated once into a local, then each rule is one `if` over its conditions.
_KNOWN_ALIASES = ("act", "victim", "offender", "evidence", "incident", "relationship")


def _test_source(t, v: str, c: str) -> str:
    """A line setting the local `{t}` to what `Test.compiled` gives on a fact whose value is the
    local `v` (None: not given); the test's value is the constant `c`. Where `Test.compiled`
    turns a TypeError of the comparison into False this line raises it (then the caller searches
    the old way, which gives that False)."""
    op, value = t.op, t.value
    if op == "absent":
        return f"{{t}} = {v} is None"
    if op == "present":
        return f"{{t}} = {v} is not None" if value else f"{{t}} = {v} is None"
    if op == "in":
        return f"{{t}} = {'True' if None in value else 'None'} if {v} is None else {v} in {c}"
    expr = {"eq": "==", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">=", "not_in": "not in"}[op]
    return f"{{t}} = None if {v} is None else {v} {expr} {c}"


def search_source(entries: tuple[Entry, ...]) -> tuple[str, dict, bool]:
    """(source, constants, fallback) of `search(act, victim, offender, evidence, incident,
    relationship, not_given, fired, exclude, overridden, overriding, only, kinds)` for these rules: what `questions.Questions._search`
    gives, a list of (rule id, (need,)) in `entries`' order for every rule that still needs
    something (need being (alias, attribute, ref)) and that the search's limits let through, as
    `_search` lets a rule through: not fired, not excluded, not overridden by a rule in effect, in
    `only` when it is given, a note only if it overrides a rule in effect, with a consequence of
    `kinds` when it is given. A rule the one-pass search cannot take comes as (rule id, None):
    call `questions.needs_of` for it (`search.fallback` says whether there are any). Each alias
    is its one fact, None when there is none, or for the relationship `questions._NOT_GIVEN`
    (passed as `not_given`); never several facts (then the caller searches the old way).

    Why it equals `needs_of` for a simple rule: needs_of returns None at the first false
    condition, else the unknown condition with the least rank key (the first of equals), or the
    relationship itself when it is not given and ranks lower; the conditions of the not-given
    relationship are skipped. Here every condition is worked out (they are pure), a rule is kept
    when none is false, and its candidates are tried in their rank order, sorted here once (a
    stable sort: the first of equals, the relationship after a condition of equal rank). A rule
    whose act condition is false is left out, as `for_act` leaves it out. A condition that raises
    where the lazy walk would not have reached it cannot be told apart, so the caller takes the
    old way on any exception."""
    consts: dict[str, object] = {}
    values: dict[tuple[str, str], str] = {}  # (alias, attr) -> the local holding fact.get(attr)
    tests: dict[tuple, str] = {}  # (alias, attr, op, repr and type of value) -> the local of its result
    lines: dict[str, list[str]] = {a: [] for a in _KNOWN_ALIASES}  # what each alias's fact works out
    locals_of: dict[str, list[str]] = {a: [] for a in _KNOWN_ALIASES}  # its condition locals

    def test_local(alias: str, t) -> str:
        sig = (alias, t.attr, t.op, repr(t.value), type(t.value))
        got = tests.get(sig)
        if got is None:
            v = values.get((alias, t.attr))
            if v is None:
                v = values[(alias, t.attr)] = f"v{len(values)}"
                lines[alias].append(f"{v} = g({t.attr!r})")
            got = tests[sig] = f"t{len(tests)}"
            c = f"C{len(consts)}"
            consts[c] = t.value
            lines[alias].append(_test_source(t, v, c).format(t=got))
            locals_of[alias].append(got)
        return got

    body: list[str] = []
    fallback = False
    for i, e in enumerate(entries):
        consts[f"R{i}"] = e.id
        flat, rule = e.flat, e.rule
        limits = [f"R{i} not in fired", f"R{i} not in exclude", f"R{i} not in overridden",
                  f"(only is None or R{i} in only)"]
        if e.note_only:
            limits.append(f"R{i} in overriding")
        consts[f"K{i}"] = e.kinds
        limits.append(f"(kinds is None or not K{i}.isdisjoint(kinds))")
        if not flat.simple or any(p.alias not in _KNOWN_ALIASES for p in rule.patterns):
            fallback = True
            body += [f"if {' and '.join(limits)}:", f"    ap((R{i}, None))"]
            continue
        cands = []  # (rank key, position, condition, the need's source), tried least first
        conds = [f"{a} is not None" for a in flat.aliases]
        pairs = [(p.alias, t) for p in rule.patterns for t in p.tests]  # flat.tests' order
        for n, ((alias, t), (_alias, _test, key, attr)) in enumerate(zip(pairs, flat.tests, strict=True)):
            local = test_local(alias, t)
            if f"{local} is not False" not in conds:
                conds.append(f"{local} is not False")
            cands.append((key, n, f"{local} is None", f"({alias!r}, {attr!r}, r_{alias})"))
        if flat.rel_key is not None:
            cands.append((flat.rel_key, len(cands), "rel_ng", "('relationship', 'relationship', rel_ref)"))
        if not cands:  # nothing it could still need
            continue
        cands.sort(key=lambda c: (c[0], c[1]))
        body += [f"if {' and '.join(conds) or 'True'}:", f"    if {' and '.join(limits)}:"]
        body += [f"        {'elif' if n else 'if'} {cond}: ap((R{i}, ({need},)))"
                 for n, (_key, _pos, cond, need) in enumerate(cands)]

    src = ["def search(act, victim, offender, evidence, incident, relationship, not_given, fired, exclude,"
           " overridden, overriding, only, kinds):",
           "    out = []", "    ap = out.append", "    rel_ng = relationship is not_given",
           "    g = act.get", "    r_act = g('ref')"]
    src += [f"    {x}" for x in lines["act"]]
    for alias in _KNOWN_ALIASES[1:]:
        guard = f"{alias} is not None" + (" and not rel_ng" if alias == "relationship" else "")
        src += [f"    if {guard}:", f"        g = {alias}.get", f"        r_{alias} = g('ref')"]
        src += [f"        {x}" for x in lines[alias]]
    # the conditions of a relationship not given are skipped (needs_of): neither false nor unknown
    src += ["    if rel_ng:", "        rel_ref = f\"{offender.get('ref')}~{victim.get('ref')}\""]
    src += [f"        {x} = True" for x in locals_of["relationship"]]
    src += [f"    {x}" for x in body]
    src.append("    return out")
    return "\n".join(src) + "\n", consts, fallback


SEARCH_FILENAME = "<question search>"


def make_search(source: str, consts: dict, fallback: bool, code=None):
    """The function `source` defines (`code`: its compiled code, e.g. read from the code cache;
    None: compile it here, about 9 ms for an act type of the full rules)."""
    namespace = dict(consts)
    exec(code if code is not None else compile(source, SEARCH_FILENAME, "exec"), namespace)
    fn = namespace["search"]
    fn.source, fn.fallback = source, fallback
    return fn


def compile_search(entries: tuple[Entry, ...]):
    """The compiled search of these rules (`search_source` says what it computes)."""
    return make_search(*search_source(entries))
