"""The questions a decision asks: what rules that did not fire still need, what rules that did
fire assumed, and what an act is explicitly waiting for; gathered once per field and ranked."""
from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from itertools import chain

from ..engine.runtime import runtime_of
from ..rules.model import Edition, Rule
from .facts import FactIndex
from .index import PURPOSE_RANK, Flat, index_of, purpose_of_kinds
from .outputs import QuestionOut


def purpose_of(rule: Rule) -> str:
    return purpose_of_kinds({c.kind for c in rule.consequences})


def open_needs(rule: Rule, act_fact: dict, facts: FactIndex) -> set[tuple] | None:
    """What a rule that did not fire still needs to fire on this act.

    Returns None if the rule cannot fire whatever is answered (some condition is false, or a fact
    it joins to is absent), else the set of (alias, attribute, fact) whose values are unknown.
    """
    partials: list[tuple[dict[str, dict], set]] = [({"act": act_fact}, set())]
    for pattern in rule.patterns:
        nxt = []
        for binding, unknown in partials:
            if pattern.alias == "act":
                options: list[dict] | None = [act_fact]
            else:
                options = facts.candidates(pattern.alias, binding)
            if options is None:  # e.g. no relationship given between offender and victim
                nxt.append(({**binding, pattern.alias: {"t": pattern.alias, "ref": None}},
                            unknown | {(pattern.alias, "relationship", _rel_ref(binding))}))
                continue
            for fact in options:
                more = None
                for t in pattern.tests:  # stop at the first condition that is false
                    r = t.compiled(fact)
                    if r is None:
                        if more is None:
                            more = set()
                        more.add((pattern.alias, t.attr, fact.get("ref")))
                    elif r is False:
                        break
                else:
                    nxt.append(({**binding, pattern.alias: fact}, unknown | more if more else unknown))
        partials = nxt
        if not partials:
            return None
    rank = rule.condition_rank
    needs = set()
    for _, unknown in partials:
        if not unknown:
            return set()  # would fire now (the engine disagrees: treated as nothing to ask)
        # only the first condition still open, in the author's order: a gate before what it guards
        needs.add(min(unknown, key=lambda u: (rank.get((u[0], u[1]), len(rank)), u[0], u[1], str(u[2]))))
    return needs




# ------------------------------------------------------------ one fact for each alias
# Nearly always an act has at most one victim, one offender, one incident, one piece of evidence
# and one relationship between its offender and victim. Then a rule's conditions can only be met
# one way, and what it still needs is worked out in one pass over its conditions, without the
# partial matches `open_needs` builds: the same answer (tests/test_question_index.py compares).

_MANY = object()  # an alias with more than one fact it could stand for: `open_needs` decides
_NOT_GIVEN = {"t": "relationship", "ref": None}  # no relationship given between offender and victim


def bound_facts(facts: FactIndex, act_fact: dict) -> dict:
    """alias -> the one fact it can stand for on this act; None when there is none, `_MANY` when
    there are several; the relationship `_NOT_GIVEN` when none is given between the two."""
    act_id = act_fact["id"]
    victim = offender = None
    for f in facts.by_kind.get("party", ()):
        if f["act"] == act_id:
            if f["role"] == "victim":
                victim = f if victim is None else _MANY
            elif f["role"] == "offender":
                offender = f if offender is None else _MANY
    evidence = None
    for f in facts.by_kind.get("evidence", ()):
        if f["act"] == act_id:
            evidence = f if evidence is None else _MANY
    incidents = facts.by_kind["incident"]
    rel = None
    if victim is not None and offender is not None and victim is not _MANY and offender is not _MANY:
        o, v = offender["person"], victim["person"]
        for f in facts.by_kind.get("relationship", ()):
            if f["from"] == o and f["to"] == v:
                rel = f if rel is None else _MANY
        if rel is None:
            rel = _NOT_GIVEN
    return {"act": act_fact, "victim": victim, "offender": offender, "evidence": evidence,
            "incident": incidents[0] if len(incidents) == 1 else _MANY, "relationship": rel}


def needs_of(rule: Rule, flat: Flat, bound: dict, act_fact: dict, facts: FactIndex) -> set[tuple] | None:
    """`open_needs`, in one pass when each alias the rule joins has at most one fact."""
    for alias in flat.aliases:
        got = bound[alias]
        if got is None:
            return None  # nothing it could join to
        if got is _MANY:
            return open_needs(rule, act_fact, facts)
    if not flat.simple:
        return open_needs(rule, act_fact, facts)
    best = None
    for alias, test, key, attr in flat.tests:
        fact = bound[alias]
        if fact is _NOT_GIVEN:  # its conditions wait for the relationship itself
            continue
        r = test(fact)
        if r is None:
            if best is None or key < best[0]:
                best = (key, alias, attr, fact.get("ref"))
        elif r is False:
            return None
    if flat.rel_key is not None and bound["relationship"] is _NOT_GIVEN:
        if best is None or flat.rel_key < best[0]:
            best = (flat.rel_key, "relationship", "relationship", _rel_ref(bound))
    return set() if best is None else {best[1:]}


def _rel_ref(binding: dict) -> str:
    return f"{binding['offender'].get('ref')}~{binding['victim'].get('ref')}"


def question_for(edition: Edition, alias: str, attr: str, ref: str | None,
                 act_type: str) -> tuple[str, str, str, list[str]]:
    """(field path, attribute, question text, allowed answers) for one unknown fact."""
    v = edition.vocab
    if alias == "relationship":
        a, _, b = (ref or "~").partition("~")
        return (f"relationships[{a},{b}].kind", "relationship", v.envelope_questions.get("relationship", "relationship"),
                list(v.relationship_kinds))
    if alias == "act":
        spec = v.act_attribute(act_type, attr)
        if spec is None and attr in v.envelope_questions:  # an envelope field of the act (force_area)
            return (f"acts[{ref}].{attr}", attr, v.envelope_questions[attr], [])
        return (f"acts[{ref}].attributes.{attr}", attr, spec.question if spec else attr,
                spec.allowed() if spec else [])
    if alias in ("victim", "offender"):
        if attr in ("person_kind", "age_now"):
            field_ = {"person_kind": "kind", "age_now": "age"}[attr]
            return (f"persons[{ref}].{field_}", attr, v.envelope_questions.get(attr, attr),
                    list(v.person_kinds) if attr == "person_kind" else [])
        if attr in ("age", "sex"):
            return (f"persons[{ref}].{attr}", attr, v.envelope_questions.get(attr, attr),
                    list(v.sexes) if attr == "sex" else [])
        spec = v.person_attributes.get(attr)
        return (f"persons[{ref}].attributes.{attr}", attr, spec.question if spec else attr,
                spec.allowed() if spec else [])
    if alias == "incident":
        spec = v.incident_attributes.get(attr)
        if spec:
            return (f"incident.attributes.{attr}", attr, spec.question, spec.allowed())
        allowed = {"reporter_role": list(v.reporter_roles), "channel": list(v.channels),
                   "place": list(v.places)}.get(attr, [])
        return (f"incident.{attr}", attr, v.envelope_questions.get(attr, attr), allowed)
    return (f"{alias}.{attr}", attr, attr, [])


_UNSET = object()
_chain = chain.from_iterable


def _question_of(edition: Edition, alias: str, attr: str, ref: str | None,
                 act_type: str) -> tuple[str, str, str, list[str]]:
    """`question_for`, with what does not depend on the ref worked out once per edition (the
    texts and allowed answers are the same for every decision; the allowed list is shared: never
    change it in place)."""
    if alias == "relationship":
        return question_for(edition, alias, attr, ref, act_type)
    memo = runtime_of(edition).question_parts
    key = (alias, attr, act_type)
    parts = memo.get(key)
    if parts is None:
        path, attribute, text, allowed = question_for(edition, alias, attr, "\x00", act_type)
        prefix, sep, suffix = path.partition("\x00")
        parts = memo[key] = (prefix, suffix if sep else None, attribute, text, allowed)
    path = parts[0] if parts[1] is None else f"{parts[0]}{ref}{parts[1]}"
    return path, parts[2], parts[3], parts[4]


# ---------------------------------------------------------------- the open-question cache
# What the rules still need of an act depends only on the act's neighbourhood (the act, its parties,
# the relationships between them, the incident, the evidence on the act) and on which rules fired
# and took effect, not on the ids the report gives. So the search's answer is kept per neighbourhood
# shape (ids replaced by placeholders), per edition, in a bounded LRU; HOCR_QUESTION_CACHE=0 turns
# it off (tests compare both ways).
CACHE_SIZE = int(os.environ.get("HOCR_QUESTION_CACHE", "4096"))
FLAT = os.environ.get("HOCR_QUESTION_FLAT", "1") != "0"  # the one-pass search (needs_of); 0: open_needs only
# the one-pass search compiled per act type (index.compile_search); 0: needs_of rule by rule
COMPILED = os.environ.get("HOCR_QUESTION_COMPILED", "1") != "0"
_ID_FIELDS = ("id", "ref", "act", "person", "from", "to")


class _Lru:
    """The cache, with a doorkeeper: a shape is planned and kept only the second time it is seen
    (the first time only its key's hash is remembered). Most shapes a force sees come once; planning
    each for the cache cost a seventh of deciding it, and pushed out the shapes that do come back.

    Before the key, a sighting (`_sighting`: a hash of a part of what the key holds, so that equal
    keys have equal sightings) is looked up: a sighting never met before means a key never met
    before, and then the key is not even built (a first-seen act pays neither `_shape` nor the
    key). The second time a sighting is met the key is built and, on a miss, kept (it is most
    likely the same shape seen a second time); after that, the doorkeeper of keys decides. Only
    what is kept depends on this; the answers, from the cache or not, are the same."""

    def __init__(self, size: int):
        self.size, self.data, self.lock = size, OrderedDict(), threading.Lock()
        self.hits = self.misses = 0
        self.seen: set[int] = set()  # hashes of keys missed once, at most 4 x size of them
        self.sighted: dict[int, bool] = {}  # sighting -> whether a key was built for it (at most 4 x size)

    def sight(self, sighting: int) -> int:
        """0 the first time this sighting is met (counted a miss: the key is not built), 1 the
        second, 2 after."""
        with self.lock:
            keyed = self.sighted.get(sighting)
            if keyed is None:
                if len(self.sighted) >= 4 * self.size:
                    self.sighted.clear()
                self.sighted[sighting] = False
                self.misses += 1
                return 0
            if keyed:
                return 2
            self.sighted[sighting] = True
            return 1

    def admit(self, key) -> bool:
        """Whether to plan and keep a missed key: True when it was missed before."""
        h = hash(key)
        with self.lock:
            if h in self.seen:
                self.seen.discard(h)
                return True
            if len(self.seen) >= 4 * self.size:
                self.seen.clear()
            self.seen.add(h)
            return False

    def get(self, key):
        with self.lock:
            v = self.data.get(key)
            if v is None:
                self.misses += 1
            else:
                self.hits += 1
                self.data.move_to_end(key)
            return v

    def put(self, key, value) -> None:
        with self.lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)


def cache_of(edition: Edition) -> _Lru | None:
    if CACHE_SIZE <= 0:
        return None
    rt = runtime_of(edition)
    c = rt.question_cache
    if c is None or c.size != CACHE_SIZE:
        c = rt.question_cache = _Lru(CACHE_SIZE)
    return c


def _shape(facts: FactIndex, act_fact: dict) -> tuple[tuple, dict[str, str]] | None:
    """The act's neighbourhood with ids replaced by placeholders, and the map real ref -> placeholder.
    None when a value cannot be part of a key (then the search runs uncached)."""
    names: dict[str, str] = {}

    def name(ref, prefix: str):
        if ref is None:
            return None
        n = names.get(ref)
        if n is None:
            n = names[ref] = f"{prefix}{len(names)}\x00"
        return n

    act_id = act_fact["id"]
    name(act_fact.get("ref"), "A")
    parties = [f for f in facts.by_kind.get("party", []) if f["act"] == act_id]
    for f in parties:
        name(f.get("person"), "P")
    persons = {f.get("person") for f in parties}
    rels = [f for f in facts.by_kind.get("relationship", []) if f["from"] in persons and f["to"] in persons]
    evidence = [f for f in facts.by_kind.get("evidence", []) if f["act"] == act_id]
    for f in evidence:
        name(f.get("ref"), "E")
    incident = facts.by_kind["incident"]
    for f in incident:
        name(f.get("ref"), "I")

    def canon(f: dict, *more) -> tuple:
        # one flat tuple: attribute, value, ... then the four refs and `more` (a fixed count, so
        # the flattening is unambiguous); one copy kept of each, shared by every key holding it
        out = [x for k, v in sorted(f.items()) if k not in _ID_FIELDS for x in (k, v)]
        for k in ("ref", "person", "from", "to"):
            r = f.get(k)
            out.append(names.get(r, "?") if r is not None else None)
        c = tuple(out) + more
        return _CANON.setdefault(c, c)

    try:
        if len(_CANON) > _CANON_MAX:
            _CANON.clear()
        key = (canon(act_fact), tuple(canon(f, f["role"]) for f in parties),
               tuple(canon(f) for f in rels), tuple(canon(f) for f in evidence),
               tuple(canon(f) for f in incident))
    except TypeError:  # a value that cannot be part of a key
        return None
    return key, names


def _sighting(act_fact: dict, act_type: str, fired, effective, kinds, only, exclude) -> int | None:
    """A hash of a part of the cache key `ask_open` builds (the act's own values without its ids,
    its type, how many rules fired and took effect, the sizes of the search's limits): a few
    lookups, against the whole neighbourhood `_shape` renames. Equal keys have equal sightings.
    None when a value cannot be hashed."""
    try:
        return hash((act_type, frozenset([kv for kv in act_fact.items() if kv[0] not in _ID_FIELDS]),
                     len(fired), len(effective), -1 if kinds is None else len(kinds),
                     -1 if only is None else len(only), len(exclude)))
    except TypeError:
        return None


_CANON: dict[tuple, tuple] = {}  # a fact's part of a key -> the one copy of it (bounded: emptied when full)
_CANON_MAX = 32768


_PLACEHOLDER = re.compile(r"([AIPE]\d+\x00)")  # the names `_shape` gives refs, in a question's path


def _back_ref(ref, back: dict):
    if ref is None:
        return None
    if ref in back:
        return back[ref]
    a, _, b = ref.partition("~")
    return f"{back[a]}~{back[b]}"


def _rename_ref(ref, mapping: dict):
    if ref is None:
        return None
    got = mapping.get(ref)
    if got is not None:
        return got
    a, sep, b = ref.partition("~")  # a relationship: offender~victim
    if sep and a in mapping and b in mapping:
        return f"{mapping[a]}~{mapping[b]}"
    raise KeyError(ref)



class Questions:
    """Every question of one decision, one per field, with the acts and rules that need it.

    What the questions are asked against (facts, rules fired, rules in effect) is held per act, so
    that an act classified on the edition's assumptions is asked about against those facts."""

    def __init__(self, edition: Edition, facts: FactIndex, act_types: dict[str, str],
                 fired: dict[str, dict], effective: dict[str, list[str]]):
        self.edition = edition
        self.act_types = act_types
        self.facts: dict[str, FactIndex] = {a: facts for a in act_types}
        self.fired = dict(fired)
        self.effective = dict(effective)
        self.by_field: dict[str, QuestionOut] = {}
        self.blocking: set[str] = set()  # fields an act is explicitly waiting for
        self.decides_crime: set[str] = set()  # fields that decide whether an act is a crime at all

    def rebase(self, act_id: str, facts: FactIndex, fired: dict, effective: list[str]) -> "Questions":
        """A fresh set of questions for one act, asked against other facts (its assumptions)."""
        other = Questions(self.edition, facts, self.act_types, self.fired, self.effective)
        other.fired[act_id] = fired
        other.effective[act_id] = effective
        return other

    def add(self, alias: str, attr: str, ref: str | None, act_id: str, rule_id: str,
            blocking: bool = False) -> str:
        if self._not_asked(act_id, alias, attr, ref):
            return ""
        path, attribute, text, allowed = _question_of(self.edition, alias, attr, ref, self.act_types[act_id])
        self._merge_one(path, attribute, text, allowed, act_id, rule_id, index_of(self.edition).purpose[rule_id])
        if blocking:
            self.blocking.add(path)
        return path

    def _not_asked(self, act_id: str, alias: str, attr: str, ref: str | None) -> bool:
        """Never ask a person's age, sex or capacity of an organisation (a party that is not a
        natural person)."""
        if alias not in ("victim", "offender") or not self._organisation(act_id, ref):
            return False
        spec = self.edition.vocab.person_attributes.get(attr)
        return attr in ("age", "sex") or (spec is not None and spec.persons_only)

    def _organisation(self, act_id: str, ref: str | None) -> bool:
        """Whether the party `ref` is not a natural person (the vocabulary's first person kind)."""
        person = next(iter(self.edition.vocab.person_kinds), None)
        return any(f["ref"] == ref and f.get("person_kind") not in (None, person)
                   for f in self.facts[act_id].by_kind.get("party", []))

    def _merge_one(self, path: str, attribute: str, text: str, allowed: list[str], act_id: str,
                   rule_id: str, purpose: str) -> None:
        """`_merge` of one act and one rule's question, without building it first."""
        q = self.by_field.get(path)
        if q is None:
            self.by_field[path] = QuestionOut(path, attribute, text, allowed, [act_id], [rule_id], purpose)
            return
        if act_id not in q.acts:
            q.acts.append(act_id)
        if rule_id not in q.rule_ids:
            q.rule_ids.append(rule_id)
        if not q.purpose or PURPOSE_RANK[purpose] < PURPOSE_RANK[q.purpose]:
            q.purpose = purpose

    def _merge(self, new: QuestionOut) -> None:
        q = self.by_field.get(new.field)
        if q is None:
            q = self.by_field[new.field] = QuestionOut(new.field, new.attribute, new.text, new.allowed, [], [])
        for act in new.acts:
            if act not in q.acts:
                q.acts.append(act)
        for rid in new.rule_ids:
            if rid not in q.rule_ids:
                q.rule_ids.append(rid)
        if not q.purpose or PURPOSE_RANK[new.purpose] < PURPOSE_RANK[q.purpose]:
            q.purpose = new.purpose

    def forget(self, act_id: str, keep: set[str] = frozenset()) -> None:
        """Drop what was asked for one act (except the fields in `keep`)."""
        for path in list(self.by_field):
            q = self.by_field[path]
            if path in keep or act_id not in q.acts:
                continue
            q.acts.remove(act_id)
            if not q.acts:
                del self.by_field[path]
                self.blocking.discard(path)

    def adopt(self, other: "Questions", act_id: str) -> None:
        """Take over what `other` asked for one act."""
        for q in other.by_field.values():
            if act_id in q.acts:
                self._merge(QuestionOut(q.field, q.attribute, q.text, q.allowed, [act_id], q.rule_ids, q.purpose))
                if q.field in other.blocking:
                    self.blocking.add(q.field)

    def deciding_crime(self, act_id: str) -> None:
        """The act is a crime only if a classification rule can still fire: what those rules need
        decides whether to record it, not how."""
        for q in self.by_field.values():
            if act_id in q.acts and q.purpose == "classification":
                q.purpose = "recording"
                self.decides_crime.add(q.field)

    def for_act(self, act_id: str) -> list[QuestionOut]:
        return [q for q in self.by_field.values() if act_id in q.acts]

    def ask_open(self, act_id: str, kinds: set[str] | None = None, only: set[str] | None = None,
                 exclude: set[str] = frozenset()) -> bool:
        """Questions from rules that did not fire but still could, and would matter."""
        facts = self.facts[act_id]
        act_fact = facts.acts[act_id]
        cache = cache_of(self.edition)
        if cache is None:
            return self._ask(act_id, self._search(act_id, kinds, only, exclude))
        act_type, fired, effective = self.act_types[act_id], self.fired[act_id], self.effective[act_id]
        sighting = _sighting(act_fact, act_type, fired, effective, kinds, only, exclude)
        sight = 2 if sighting is None else cache.sight(sighting)
        if sight == 0:  # a key never met before: nothing to look up, nothing kept yet
            return self._ask(act_id, self._search(act_id, kinds, only, exclude))
        shape = _shape(facts, act_fact)
        if shape is None:
            return self._ask(act_id, self._search(act_id, kinds, only, exclude))
        key = (shape[0], act_type, frozenset(fired), tuple(effective), frozenset(kinds) if kinds is not None else None,
               frozenset(only) if only is not None else None, frozenset(exclude))
        plan = cache.get(key)
        if plan is None:
            found = self._search(act_id, kinds, only, exclude)
            if sight != 1 and not cache.admit(key):  # the first time this shape is seen: asked, not kept
                return self._ask(act_id, found)
            try:
                plan = self._plan(act_id, found, shape[1])
            except KeyError:  # a ref outside the neighbourhood: nothing to share, ask this once
                return self._ask(act_id, found)
            cache.put(key, plan)
        try:
            return self._follow(act_id, plan, {v: k for k, v in shape[1].items()})
        except KeyError:  # cannot happen for an equal shape; were it to, the search is the answer
            return self._ask(act_id, self._search(act_id, kinds, only, exclude))

    def _ask(self, act_id: str, found: list[tuple[str, set[tuple]]]) -> bool:
        """`add` each need of each rule found, in order; a need's question worked out once (many
        rules need the same fact). `_merge_one` written out in the loop (it runs for every need of
        every rule)."""
        if not found:
            return False
        index = index_of(self.edition)
        purpose, around = index.purpose, index.purposes_around(self.effective[act_id])
        act_type = self.act_types[act_id]
        by_field = self.by_field
        parts_of: dict[tuple, tuple | None] = {}
        for rule_id, needs in found:
            rule_purpose = around.get(rule_id) or purpose[rule_id]
            for need in (sorted(needs, key=lambda x: (x[0], x[1], str(x[2]))) if len(needs) > 1 else needs):
                parts = parts_of.get(need, _UNSET)
                if parts is _UNSET:
                    alias, attr, ref = need
                    parts = (None if self._not_asked(act_id, alias, attr, ref)
                             else _question_of(self.edition, alias, attr, ref, act_type))
                    parts_of[need] = parts
                if parts is None:
                    continue
                path = parts[0]
                q = by_field.get(path)
                if q is None:
                    by_field[path] = QuestionOut(path, parts[1], parts[2], parts[3], [act_id], [rule_id], rule_purpose)
                    continue
                if act_id not in q.acts:
                    q.acts.append(act_id)
                if rule_id not in q.rule_ids:
                    q.rule_ids.append(rule_id)
                if not q.purpose or PURPOSE_RANK[rule_purpose] < PURPOSE_RANK[q.purpose]:
                    q.purpose = rule_purpose
        return True

    def _plan(self, act_id: str, found: list[tuple[str, set[tuple]]], names: dict[str, str]) -> tuple:
        """What `_ask` does with `found`, with refs as the shape's placeholders and every question's
        parts worked out: (asked, steps). A step is (need, rule id), the need's parts shared by
        every rule that needs it; or (True, steps) for one rule's needs that the refs put in order
        (it needs the same attribute of two facts). Kept small: a cache holds thousands of plans.
        KeyError: a ref outside the act's neighbourhood."""
        steps: list[tuple] = []
        act_type = self.act_types[act_id]
        shared = runtime_of(self.edition).question_parts  # one copy of a need's parts for every plan
        parts_of: dict[tuple, tuple] = {}
        for rule_id, needs in found:
            entries = []
            for need in (sorted(needs, key=lambda x: (x[0], x[1], str(x[2]))) if len(needs) > 1 else needs):
                got = parts_of.get(need)
                if got is None:
                    alias, attr, ref = need
                    pref = _rename_ref(ref, names)
                    skip = self._not_asked(act_id, alias, attr, ref)
                    key = (alias, attr, act_type, pref, skip)  # 5 long: question_parts' own keys are 3
                    got = shared.get(key)
                    if got is None:
                        path, attribute, text, allowed = _question_of(self.edition, alias, attr, pref, act_type)
                        got = shared[key] = (alias, attr, pref, tuple(_PLACEHOLDER.split(path)), attribute, text,
                                             allowed, skip)
                    parts_of[need] = got
                entries.append((got, rule_id))
            if len(entries) > 1 and len({(e[0][0], e[0][1]) for e in entries}) < len(entries):
                steps.append((True, tuple(entries)))
            else:
                steps += entries
        return (bool(found), tuple(steps))

    def _follow(self, act_id: str, plan: tuple, back: dict[str, str]) -> bool:
        """Ask what a plan from the cache says, with the placeholders mapped back to this report's refs."""
        asked, steps = plan
        merge = self._merge_one
        index = index_of(self.edition)
        purpose = index.purpose
        around = index.purposes_around(self.effective[act_id])
        for step in steps:
            if step[0] is True:
                entries = sorted(step[1], key=lambda e: (e[0][0], e[0][1], str(_back_ref(e[0][2], back))))
            else:
                entries = (step,)
            for need, rule_id in entries:
                _alias, _attr, _pref, parts, attribute, text, allowed, skip = need
                if skip:
                    continue
                n = len(parts)
                if n == 3:  # one ref in the path, the usual case
                    path = parts[0] + back[parts[1]] + parts[2]
                elif n == 1:
                    path = parts[0]
                else:
                    path = "".join(back[x] if i % 2 else x for i, x in enumerate(parts))
                merge(path, attribute, text, allowed, act_id, rule_id, around.get(rule_id) or purpose[rule_id])
        return asked

    def _search(self, act_id: str, kinds: set[str] | None, only: set[str] | None,
                exclude: set[str]) -> list[tuple[str, set[tuple]]]:
        """(rule id, what it still needs) for every rule that did not fire but still could and would matter."""
        edition = self.edition
        fired = self.fired[act_id]
        facts = self.facts[act_id]
        act_fact = facts.acts[act_id]
        out = []
        index = index_of(edition)
        bound = bound_facts(facts, act_fact) if FLAT else None
        # rules a rule in effect overrides (their answers would change nothing), and the rules
        # that override one in effect (a note among them can still change the decision)
        overridden, overriding = index.around(self.effective[act_id])
        type_index = index.for_type(self.act_types[act_id])
        if bound is not None and COMPILED and _MANY not in bound.values():
            search = type_index.search()
            try:
                found = search(act_fact, bound["victim"], bound["offender"], bound["evidence"], bound["incident"],
                               bound["relationship"], _NOT_GIVEN, fired, exclude, overridden, overriding, only, kinds)
            except Exception:  # noqa: BLE001 - a condition the rule-by-rule walk might not reach: walk
                found = None
            if found is not None:
                if search.fallback:  # rules the one pass cannot take: rule by rule
                    entry_of = {e.id: e for e in type_index.entries}
                    found = [(rid, needs if needs is not None else
                              needs_of(entry_of[rid].rule, entry_of[rid].flat, bound, act_fact, facts))
                             for rid, needs in found]
                    found = [x for x in found if x[1]]
                return found
        # only the rules the act's own attribute values do not already rule out (service/decision/index.py)
        for entry in type_index.for_act(act_fact):
            rid = entry.id
            if rid in fired or rid in exclude or rid in overridden:
                continue
            if only is not None and rid not in only:
                continue
            if entry.note_only and rid not in overriding:
                continue  # a note that overrides nothing in effect cannot change the decision
            if kinds is not None and entry.kinds.isdisjoint(kinds):
                continue
            if bound is None:
                needs = open_needs(entry.rule, act_fact, facts)
            else:
                needs = needs_of(entry.rule, entry.flat, bound, act_fact, facts)
            if needs:
                out.append((rid, needs))
        return out

    def ask_assumed(self, act_id: str) -> None:
        """A rule that took effect because a fact was not given has assumed it: ask for it."""
        rules = self.edition.rule_by_id
        for rid in self.effective[act_id]:
            firing = self.fired[act_id][rid]
            for pattern in rules[rid].patterns:
                fact = firing.facts.get(pattern.alias, {})
                for t in pattern.tests:
                    absent_ok = t.op == "absent" or (t.op == "in" and None in t.value) or (
                        t.op == "present" and not t.value)
                    if absent_ok and fact.get(t.attr) is None:
                        self.add(pattern.alias, t.attr, fact.get("ref"), act_id, rid)

    def ordered(self, undecided: set[str]) -> list[QuestionOut]:
        """Most decisive first: what an act is waiting for (an explicit ask); what could make an
        undecided act a crime; then whether to record, the classification, the count, the flags;
        then how many rules need the answer. The edition's checklists gather their items into one
        question each, where the first of them would stand."""
        blocking, decides_crime, rank = self.blocking, self.decides_crime, PURPOSE_RANK

        def key(q: QuestionOut) -> tuple:
            if q.field in blocking:
                tier = 0
            elif q.field in decides_crime or (q.purpose == "classification" and not undecided.isdisjoint(q.acts)):
                tier = 1
            else:
                tier = 2 + rank[q.purpose]
            return (tier, -len(q.rule_ids), q.field)
        return self._checklists(sorted(self.by_field.values(), key=key))

    def _checklists(self, questions: list[QuestionOut]) -> list[QuestionOut]:
        rt = runtime_of(self.edition)
        lists = rt.checklist_of
        if lists is None:  # attribute -> its checklist, once per edition
            lists = rt.checklist_of = {attr: c for c in self.edition.checklists for attr in c.items}
        if not lists:
            return questions
        blocking, decides_crime = self.blocking, self.decides_crime
        members: dict[str, list[QuestionOut]] = {}
        for q in questions:
            c = lists.get(q.attribute)
            if c is not None and q.field not in blocking and q.field not in decides_crime:
                got = members.get(c.id)
                if got is None:
                    members[c.id] = [q]
                else:
                    got.append(q)
        folded = {q.field: cid for cid, qs in members.items() if len(qs) > 1 for q in qs}
        if not folded:
            return questions
        by_id = index_of(self.edition).checklist_by_id
        out: list[QuestionOut] = []
        done: set[str] = set()  # the checklists already in `out` (no other question's field is checklist.<id>)
        for q in questions:
            cid = folded.get(q.field)
            if cid is None:
                out.append(q)
                continue
            if cid in done:
                continue
            done.add(cid)
            c = by_id[cid]
            items = members[cid]
            for i in items:
                i.none_applies = c.items.get(i.attribute, "")
            out.append(QuestionOut(
                f"checklist.{cid}", "", c.text, [], list(dict.fromkeys(_chain([i.acts for i in items]))),
                list(dict.fromkeys(_chain([i.rule_ids for i in items]))),
                min([i.purpose for i in items], key=PURPOSE_RANK.__getitem__), items))
        return out
