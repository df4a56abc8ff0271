"""The order of classifications the edition declares: the principal crime ranking (its precedence
exceptions, the look-up table, violence before property, the maximum sentence) and declared
specificity (a more specific class of a family recorded instead of the general one), over the
model's data only. Used at load time, to order every pair of rules that classify differently
(``declared_overriders``), and at run time by the counting stage (``service.decision.counting``), whose
ranker is held by the edition's runtime.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from .counting import CountedWithin, Declared, Precedence, Specificity, _any, _selectors, declared_entries
from .model import Counting, Edition, Offence, OffenceTable, Rule
from .problems import Problem


@dataclass
class Candidate:
    """An act the rules have classified and not negated: it will be, or be counted in, a crime."""
    act: str
    order: int
    cls: str
    code: str
    victim: str | None
    offenders: frozenset[str]
    occurred_at: dt.datetime | None
    unit: str | None = None  # what one crime is counted per, when an offence page says (else the victim)
    # recorded apart from other crimes, never folded into them: True (each act its own crime) or
    # the name of a family of offences counted together (one crime per offender for the family)
    alone: bool | str = False
    count_rule: str = ""



class Ranker:
    """Orders classifications most serious first, as the edition's principal crime rule says:
    first the precedence exceptions (in their order), then the look-up table, then violence before
    property, then the maximum sentence."""

    def __init__(self, offences: OffenceTable, cfg: Counting):
        self.offences = offences  # not the edition: a ranker is part of its runtime, kept apart
        self.position: dict[tuple[str, str], int] = {}
        for i, entry in enumerate(cfg.ranking):
            for key in entry.keys:
                self.position.setdefault(key, i)
        self.violent = cfg.violent_groups
        pc = cfg.raw.get("principal_crime") or {}
        ignore: list[str] = []  # the loader reports problems; here they are already known
        self.precedence = tuple(
            Precedence(str(e["id"]), str(e["cite"]), _selectors(e.get("principal"), ignore, ""),
                       _selectors(e.get("over"), ignore, ""))
            for e in pc.get("precedence") or [] if isinstance(e, dict) and e.get("id"))
        self.within = tuple(
            CountedWithin(str(e["id"]), str(e["cite"]), _selectors(e.get("into"), ignore, ""),
                          _selectors(e.get("absorbs"), ignore, ""), bool(e.get("not_after")),
                          " ".join(str(e.get("sentence", "")).split()))
            for e in cfg.raw.get("counted_within") or [] if isinstance(e, dict) and e.get("id"))
        spec: list[Specificity] = []
        for e in cfg.raw.get("specificity") or []:
            if not isinstance(e, dict) or not e.get("id"):
                continue
            text = " ".join(str(e.get("text", "")).split())
            # `order: [tier, tier, ...]`: each tier is more specific than every tier after it
            tiers = [_selectors(t if isinstance(t, list) else [t], ignore, "") for t in e.get("order") or []]
            pairs = [(t, tuple(x for later in tiers[i + 1:] for x in later)) for i, t in enumerate(tiers)]
            if not tiers:
                pairs = [(_selectors(e.get("specific"), ignore, ""), _selectors(e.get("general"), ignore, ""))]
            spec += [Specificity(str(e["id"]), str(e["cite"]), a, b, text, bool(e.get("same_code")))
                     for a, b in pairs if a and b]
        self.specificity = tuple(spec)
        self.declared: tuple[Declared, ...] = declared_entries(cfg.raw, ignore)
        fcr = pc.get("refer_to_fcr")
        self.fcr = dict(fcr) if isinstance(fcr, dict) and fcr.get("id") else None
        tie = pc.get("equal_sentences")
        self.tie = dict(tie) if isinstance(tie, dict) and tie.get("id") else None
        self.fcr_conduct = _selectors(self.fcr.get("conduct"), ignore, "") if self.fcr else ()
        # what depends on the classifications only, worked out once per class and code (or pair)
        self._precedence_memo: dict[tuple[str, str, str, str], tuple[int, Precedence | None]] = {}
        self._spec_bits: dict[tuple[str, str], tuple[int, int]] = {}
        self._prec_bits: dict[tuple[str, str], tuple[int, int]] = {}

    def offence(self, c: Candidate) -> Offence | None:
        return self.offences.get(c.cls, c.code)

    def _facts(self, c: Candidate) -> tuple[int | None, bool, int]:
        off = self.offence(c)
        months = off.max_months if off and off.max_months is not None else -1
        violent = bool(off and off.group in self.violent)
        return self.position.get((c.cls, c.code)), violent, months

    def precedence_of(self, a: Candidate, b: Candidate) -> tuple[int, Precedence | None]:
        """-1 if an exception ranks a first, 1 if it ranks b first, 0 if none speaks of the pair."""
        key = (a.cls, a.code, b.cls, b.code)
        got = self._precedence_memo.get(key)
        if got is None:
            got = self._precedence_memo[key] = self._precedence_of(a, b)
        return got

    def _precedence_of(self, a: Candidate, b: Candidate) -> tuple[int, Precedence | None]:
        if (a.cls, a.code) == (b.cls, b.code):
            return 0, None
        (prin_a, over_a), (prin_b, over_b) = self._precedence_bits(a), self._precedence_bits(b)
        a_first, b_first = prin_a & over_b, prin_b & over_a
        either = a_first | b_first
        if not either:
            return 0, None
        low = either & -either  # the first exception (in the entries' order) that speaks of the pair
        return (-1 if a_first & low else 1), self.precedence[low.bit_length() - 1]

    def _masks(self, memo: dict, entries: tuple, first: str, second: str, c: Candidate) -> tuple[int, int]:
        """Bit k set: the k-th entry's `first` (first mask) or `second` (second mask) selectors
        speak of c's classification; worked out once per classification, kept in `memo`."""
        key = (c.cls, c.code)
        got = memo.get(key)
        if got is None:
            off, a, b = self.offence(c), 0, 0
            for k, e in enumerate(entries):
                if _any(getattr(e, first), c.cls, c.code, off):
                    a |= 1 << k
                if _any(getattr(e, second), c.cls, c.code, off):
                    b |= 1 << k
            got = memo[key] = (a, b)
        return got

    def _precedence_bits(self, c: Candidate) -> tuple[int, int]:
        """The precedence exceptions whose `principal`, and whose `over`, speak of c."""
        return self._masks(self._prec_bits, self.precedence, "principal", "over", c)

    def _specificity_of(self, c: Candidate) -> tuple[int, int]:
        """The specificity entries whose `specific`, and whose `general`, speak of c."""
        return self._masks(self._spec_bits, self.specificity, "specific", "general", c)

    def more_specific(self, a: Candidate, b: Candidate) -> Specificity | None:
        """The declared specificity entry that records a's class instead of b's (one act fitting
        both), if any. It orders two classifications of one act only, never two acts' crimes."""
        if (a.cls, a.code) == (b.cls, b.code):
            return None
        (spec_a, _), (spec_b, gen_b) = self._specificity_of(a), self._specificity_of(b)
        candidates = spec_a & gen_b & ~spec_b  # in the entries' own order: the lowest bit first
        while candidates:
            low = candidates & -candidates
            s = self.specificity[low.bit_length() - 1]
            if not (s.same_code and a.code != b.code):
                return s
            candidates ^= low
        return None

    def unclear(self, a: Candidate, b: Candidate) -> bool:
        """A pair the text leaves to the force crime registrar: a conduct crime and a more serious
        (higher maximum sentence) violent or sexual crime that no exception ranks and the look-up
        table does not rank together."""
        if not self.fcr or (a.cls, a.code) == (b.cls, b.code) or self.precedence_of(a, b)[0]:
            return False
        (pa, va, ma), (pb, vb, mb) = self._facts(a), self._facts(b)
        if pa is not None and pb is not None:
            return False
        ca = _any(self.fcr_conduct, a.cls, a.code, self.offence(a))
        cb = _any(self.fcr_conduct, b.cls, b.code, self.offence(b))
        # the conduct crime is preferred "in most cases", the other is the more serious: unclear
        return (ca and not cb and vb and mb > ma) or (cb and not ca and va and ma > mb)

    def tied(self, a: Candidate, b: Candidate) -> bool:
        """Two different crimes the general rule cannot order: no exception or table row ranks one
        above the other, both or neither violent, and the same maximum sentence."""
        if (a.cls, a.code) == (b.cls, b.code) or self.precedence_of(a, b)[0]:
            return False
        (pa, va, ma), (pb, vb, mb) = self._facts(a), self._facts(b)
        if pa is not None and pb is not None and pa != pb:
            return False
        return va == vb and ma == mb and ma >= 0

    def compare(self, a: Candidate, b: Candidate) -> int:
        first, _ = self.precedence_of(a, b)
        if first:
            return first
        pa, va, ma = self._facts(a)
        pb, vb, mb = self._facts(b)
        if pa is not None and pb is not None and pa != pb:
            return -1 if pa < pb else 1
        if va != vb:  # violence generally precedes property crime
            return -1 if va else 1
        if ma != mb:  # then the maximum sentence
            return -1 if ma > mb else 1
        if (pa is None) != (pb is None):
            return -1 if pa is not None else 1
        return (a.order > b.order) - (a.order < b.order)

    def sort(self, items: list[Candidate]) -> list[Candidate]:
        return sorted(items, key=functools.cmp_to_key(self.compare))

    def outranks_all(self, c: Candidate, items: list[Candidate]) -> bool:
        return all(self.compare(c, o) < 0 for o in items if o is not c)

    def principal_first(self, items: list[Candidate]) -> list[Candidate]:
        """Sorted most serious first, with the crime that outranks every other one (if any) first:
        the exceptions can make the order circular, and a sort alone may then miss it."""
        ordered = self.sort(items)
        winner = next((c for c in ordered if self.outranks_all(c, ordered)), None)
        if winner is not None and winner is not ordered[0]:
            ordered.remove(winner)
            ordered.insert(0, winner)
        return ordered


def _explicit_reach(rules: list[Rule], extra: dict[tuple[str, str], str] | None = None
                    ) -> tuple[list[str], dict[str, int], list[int]]:
    """The rule ids, their positions, and bit j of reach[i] set when rule i takes precedence over
    rule j through explicit `overrides` and the `extra` (higher, lower) pairs (directly or through
    others)."""
    ids = [r.id for r in rules]
    index = {rid: i for i, rid in enumerate(ids)}
    succ = [0] * len(ids)  # bit j of succ[i]: rule i takes precedence over rule j directly
    for r in rules:
        for o in r.overrides:
            if o in index:
                succ[index[r.id]] |= 1 << index[o]
    for hi, lo in extra or ():
        succ[index[hi]] |= 1 << index[lo]

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

    return ids, index, closure(succ)


def _kinds(rule: Rule) -> frozenset[str]:
    return frozenset(c.kind for c in rule.consequences)


def declared_pairs(rules: list[Rule], entries: tuple[Declared, ...],
                   explicit: list[int] | None = None) -> dict[tuple[str, str], str]:
    """The pairs of rules the `rule_precedence` entries order, (higher, lower) -> entry id: a rule
    of an entry's `rules` over one of its `over` (within one of its families, when it names them),
    for rules that can apply to the same act type. An explicit `overrides` putting the other first
    wins, and so does an earlier entry ordering the pair the other way."""
    if explicit is None:
        explicit = _explicit_reach(rules)[2]
    index = {r.id: i for i, r in enumerate(rules)}
    kinds = {r.id: _kinds(r) for r in rules}
    out: dict[tuple[str, str], str] = {}
    for e in entries:
        def picked(sels, r):
            return any(s.matches(r.id, kinds[r.id]) for s in sels)
        his = [r for r in rules if picked(e.rules, r)]
        los = [r for r in rules if picked(e.over, r)]
        for a in his:
            fa = e.family_of(a.id) if e.within else None
            if e.within and fa is None:
                continue
            for b in los:
                if a.id == b.id or (e.within and e.family_of(b.id) != fa):
                    continue
                if a.act_types and b.act_types and set(a.act_types).isdisjoint(b.act_types):
                    continue
                if explicit[index[b.id]] >> index[a.id] & 1 or (b.id, a.id) in out:
                    continue
                out.setdefault((a.id, b.id), e.id)
    return out


def ranked_precedence(rules: list[Rule], ranker: Ranker) -> dict[tuple[str, str], str]:
    """The pairs of rules the declared data orders (see declared_overriders): (higher, lower) ->
    "declared <entry id>" (a `rule_precedence` entry), "through <rule id>" (explicit overrides and
    declared entries chained), "specificity <entry id>" or "ranking"."""
    ids, index, explicit_only = _explicit_reach(rules)
    declared = declared_pairs(rules, ranker.declared, explicit_only)
    _ids, _index, explicit = _explicit_reach(rules, declared) if declared else (ids, index, explicit_only)
    ranked: dict[tuple[str, str], str] = {}  # (higher, lower) -> which order decided
    for (hi, lo), entry in declared.items():  # unless an explicit link says it directly
        if lo not in rules[index[hi]].overrides:
            ranked[(hi, lo)] = f"declared {entry}"
    for i in range(len(ids)):  # what declared entries add to the explicit order, chains included
        extra = explicit[i] & ~explicit_only[i]  # a rule reaching itself is a loop: load reports it
        while extra:
            low = extra & -extra
            j = low.bit_length() - 1
            if (ids[i], ids[j]) not in declared:  # a chain: name the first rule on it
                direct = [m for m in sorted(rules[i].overrides) if m in index] + \
                         sorted(lo for hi, lo in declared if hi == ids[i])
                via = next((m for m in direct if explicit[index[m]] >> j & 1), "")
                ranked[(ids[i], ids[j])] = f"through {via}"
            extra ^= low
    classifiers = [(index[r.id], r, Candidate("", 0, *r.consequence("classify"), None, frozenset(), None),
                    frozenset(r.act_types or ())) for r in rules if r.consequence("classify")]
    # which order puts one classification before another depends on the two classifications only:
    # worked out once per pair of (class, code), not per pair of rules
    memo: dict[tuple, str | None] = {}

    def order(ca: Candidate, cb: Candidate) -> str | None:
        key = (ca.cls, ca.code, cb.cls, cb.code)
        if key not in memo:
            spec = ranker.more_specific(ca, cb)
            if spec is not None:
                memo[key] = f"specificity {spec.id}"
            elif ranker.more_specific(cb, ca) is None and ranker.compare(ca, cb) < 0:
                memo[key] = "ranking"
            else:
                memo[key] = None
        return memo[key]

    for i, a, ca, ta in classifiers:
        for j, b, cb, tb in classifiers:
            if i == j or (ca.cls, ca.code) == (cb.cls, cb.code):
                continue
            if ta and tb and ta.isdisjoint(tb):
                continue
            if explicit[j] >> i & 1 or (a.id, b.id) in ranked:
                continue  # an exception puts b first (or the declared order already has the pair)
            how = order(ca, cb)
            if how is not None:
                ranked[(a.id, b.id)] = how
    return ranked


def declared_overriders(rules: list[Rule],
                        ranker: Ranker) -> tuple[dict[str, frozenset[str]], dict[tuple[str, str], str]]:
    """Who takes precedence over whom, from what the edition declares, most binding first:

    1. explicit `overrides` (the exceptions the text names, each rule with its citation), and
       declared precedence by role: the counting file's `rule_precedence` entries (rules of one
       role or family over those of another, each entry with its citation), as binding and as
       transitive as the explicit links;
    2. between two rules that classify an act differently, declared specificity: the counting
       file's `specificity` entries (a more specific class of a family is recorded instead of the
       general one), unless an explicit override already orders the pair the other way;
    3. otherwise the classification the edition's principal crime ranking puts first (its
       exceptions, the look-up table, violence before property, then the maximum sentence).

    Explicit precedence is transitive (a rule overriding B overrides what B overrides); the
    other two orders rank two classifications and reach no further. Returns (rule id -> the rules
    that take precedence over it, (higher, lower) -> "declared <entry id>", "through <rule id>",
    "specificity <entry id>" or "ranking" for the pairs the declared data orders)."""
    ranked = ranked_precedence(rules, ranker)
    ids, _index, reach = _explicit_reach(rules)
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


def _where(node) -> tuple[str, int]:
    return getattr(node, "file", "?"), getattr(node, "line", 0)


def declared_problems(edition: Edition) -> list[Problem]:
    """A `rule_precedence` entry whose `rules` or `over` select no rule of the edition (a family or
    id mistyped, or the rules renamed), and a rule that the precedence puts above itself (a loop
    of explicit links and declared entries)."""
    out: list[Problem] = []
    kinds = {r.id: frozenset(c.kind for c in r.consequences) for r in edition.rules}
    raw = edition.counting.raw.get("rule_precedence") or []
    for e in declared_entries(edition.counting.raw):
        node = next((n for n in raw if isinstance(n, dict) and str(n.get("id")) == e.id), None)
        for fld, sels in (("rules", e.rules), ("over", e.over)):
            if not any(s.matches(r.id, kinds[r.id]) for s in sels for r in edition.rules):
                out.append(Problem(*_where(node), e.id, f"rule_precedence.{fld}", "selects no rule of the edition"))
        for fam in e.within:
            if not any(r.id == fam or r.id.startswith(fam + ".") for r in edition.rules):
                out.append(Problem(*_where(node), e.id, "rule_precedence.within", f"no rule is of the family {fam!r}"))
    for r in edition.rules:
        if r.id in edition.overriders.get(r.id, ()):
            out.append(Problem(r.file, r.line, r.id, "overrides",
                               "takes precedence over itself: its overrides and the declared precedence form a loop"))
    return out
