"""How many crimes: one crime per victim, the finished incident rule, the principal crime rule.

Generic over editions: the ranking table, the violent groups, the classes recorded in addition, the
precedence exceptions (the conduct crime order and the like), the acts counted within another
victim's crime, the pairs left to the force crime registrar, the reason codes, citations and
sentences all come from the edition's counting file.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from .rulebook import Edition, Offence, OffenceTable

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
        for i, tier in enumerate(e.get("order") or []):
            _selectors(tier if isinstance(tier, list) else [tier], problems, f"{where}.order[{i}]", offences)
        _selectors(e.get("specific"), problems, where, offences)
        _selectors(e.get("general"), problems, where, offences)
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
    for name in ("refer_to_fcr", "equal_sentences"):
        if isinstance(pc.get(name), dict):
            ids.add(pc[name].get("id"))
    return {str(i) for i in ids if i}


def citations(edition: Edition) -> dict[str, str]:
    """Rationale id -> citation, for every id the counting stage can give."""
    cfg = edition.counting
    out = {cfg.section(s)["id"]: cfg.section(s)["cite"]
           for s in ("one_crime_per_victim", "finished_incident", "principal_crime")}
    out.update({e["id"]: e["cite"] for e in cfg.in_addition})
    r = ranker_for(edition)
    out.update({p.id: p.cite for p in r.precedence})
    out.update({w.id: w.cite for w in r.within})
    out.update({s.id: s.cite for s in r.specificity})
    for entry in (r.fcr, r.tie):
        if entry:
            out[entry["id"]] = entry["cite"]
    return out


def counted_in_sentence(edition: Edition, rule_id: str) -> str:
    """The plain sentence for an act counted within another act's crime under `rule_id`."""
    cfg = edition.counting
    for w in ranker_for(edition).within:
        if w.id == rule_id:
            return w.sentence
    section = "finished_incident" if rule_id == cfg.section("finished_incident")["id"] else "principal_crime"
    return " ".join(cfg.section(section)["sentence"].split())


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


@dataclass
class CountedCrime:
    principal: Candidate
    members: list[Candidate]
    rule_ids: list[str] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (act, rule id, text)


@dataclass
class CountedIn:
    act: str
    crime_index: int
    rule_id: str


class Ranker:
    """Orders classifications most serious first, as the edition's principal crime rule says:
    first the precedence exceptions (in their order), then the look-up table, then violence before
    property, then the maximum sentence."""

    def __init__(self, edition: Edition):
        self.edition = edition
        cfg = edition.counting
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
        fcr = pc.get("refer_to_fcr")
        self.fcr = dict(fcr) if isinstance(fcr, dict) and fcr.get("id") else None
        tie = pc.get("equal_sentences")
        self.tie = dict(tie) if isinstance(tie, dict) and tie.get("id") else None
        self.fcr_conduct = _selectors(self.fcr.get("conduct"), ignore, "") if self.fcr else ()

    def offence(self, c: Candidate) -> Offence | None:
        return self.edition.offences.get(c.cls, c.code)

    def _facts(self, c: Candidate) -> tuple[int | None, bool, int]:
        off = self.offence(c)
        months = off.max_months if off and off.max_months is not None else -1
        violent = bool(off and off.group in self.violent)
        return self.position.get((c.cls, c.code)), violent, months

    def precedence_of(self, a: Candidate, b: Candidate) -> tuple[int, Precedence | None]:
        """-1 if an exception ranks a first, 1 if it ranks b first, 0 if none speaks of the pair."""
        if (a.cls, a.code) == (b.cls, b.code):
            return 0, None
        oa, ob = self.offence(a), self.offence(b)
        for p in self.precedence:
            if _any(p.principal, a.cls, a.code, oa) and _any(p.over, b.cls, b.code, ob):
                return -1, p
            if _any(p.principal, b.cls, b.code, ob) and _any(p.over, a.cls, a.code, oa):
                return 1, p
        return 0, None

    def more_specific(self, a: Candidate, b: Candidate) -> Specificity | None:
        """The declared specificity entry that records a's class instead of b's (one act fitting
        both), if any. It orders two classifications of one act only, never two acts' crimes."""
        if (a.cls, a.code) == (b.cls, b.code):
            return None
        oa, ob = self.offence(a), self.offence(b)
        for s in self.specificity:
            if s.same_code and a.code != b.code:
                continue
            if (_any(s.specific, a.cls, a.code, oa) and _any(s.general, b.cls, b.code, ob)
                    and not _any(s.specific, b.cls, b.code, ob)):
                return s
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


def ranker_for(edition: Edition) -> Ranker:
    """One ranker per edition (built once; the edition's data never changes after loading)."""
    if edition.ranker is None:
        edition.ranker = Ranker(edition)
    return edition.ranker


def _episode(cuts: list[dt.datetime], when: dt.datetime | None, reported_at: dt.datetime) -> int:
    """Which finished incident an act belongs to: the number of police notices before it. An act at
    the very moment of a notice is not after it; an act with no time is taken to precede this report."""
    moment = when if when is not None else reported_at
    return sum(1 for c in cuts if c < moment)


def _absorbs(entry: CountedWithin, ranker: Ranker, members: list[Candidate], target: list[Candidate]) -> bool:
    """Whether every act of one crime is counted within the other crime under `entry`."""
    hosts = [t for t in target if _any(entry.into, t.cls, t.code, ranker.offence(t))]
    if not hosts:
        return False
    for m in members:
        if not _any(entry.absorbs, m.cls, m.code, ranker.offence(m)):
            return False
        if not any(h.offenders & m.offenders and not (
                entry.not_after and m.occurred_at and h.occurred_at and m.occurred_at > h.occurred_at)
                for h in hosts):
            return False
    return True


def _label(ranker: Ranker, c: Candidate) -> str:
    off = ranker.offence(c)
    return f"{c.cls} {c.code}" + (f" ({off.title})" if off and off.title else "")


def count(edition: Edition, candidates: list[Candidate], reported_at: dt.datetime,
          prior_notices: list[tuple[str | None, frozenset[str], dt.datetime]]) -> tuple[list[CountedCrime], list[CountedIn]]:
    cfg = edition.counting
    ranker = ranker_for(edition)
    one_per_victim = cfg.section("one_crime_per_victim")["id"]
    finished = cfg.section("finished_incident")
    principal = cfg.section("principal_crime")
    in_addition = {c: e for e in cfg.in_addition for c in e["classes"]}

    groups: dict[tuple, list[Candidate]] = {}
    timed_after_notice: set[tuple] = set()  # groups known (by their times) to follow a police notice
    for c in candidates:
        # offender(s)-victim relationship; victimless acts count per offender or group
        cuts = [reported_at] + [t for (v, offs, t) in prior_notices
                                if v == c.victim and (not offs or offs & c.offenders)]
        episode = _episode(sorted(cuts), c.occurred_at, reported_at)
        separate = in_addition.get(c.cls)
        separate_id = separate["id"] if separate else (c.count_rule if c.alone else "")
        unit = c.unit if c.unit is not None else c.victim
        if isinstance(c.alone, str) and not separate:  # a family counted together, apart from the rest
            key = (unit, c.offenders, episode, f"family:{c.alone}", "")
        else:
            key = (unit, c.offenders, episode, separate_id, c.act if separate_id else "")
        groups.setdefault(key, []).append(c)
        if episode and c.occurred_at is not None:
            timed_after_notice.add(key)

    # Offence pages that count one victim's crime within another's (people hurt in a robbery).
    ordered = sorted(groups, key=lambda k: min(c.order for c in groups[k]))
    absorbed: dict[tuple, tuple[tuple, str]] = {}  # group -> (the group it is counted in, entry id)
    for entry in ranker.within:
        for key in ordered:
            if key in absorbed or key[3]:  # crimes recorded in addition are never folded
                continue
            for host in ordered:
                if host is key or host in absorbed or host[3]:
                    continue
                if _absorbs(entry, ranker, groups[key], groups[host]):
                    absorbed[key] = (host, entry.id)
                    break

    crimes: list[CountedCrime] = []
    counted_in: list[CountedIn] = []
    index_of: dict[tuple, int] = {}
    for key in ordered:
        if key in absorbed:
            continue
        members = ranker.principal_first(groups[key])
        crime = CountedCrime(members[0], members, [members[0].count_rule or one_per_victim])
        victim, offenders, episode, separate_id, _ = key
        if separate_id and not separate_id.startswith("family:"):
            crime.rule_ids.append(separate_id)
        if len(members) > 1:
            crime.rule_ids.append(finished["id"])
            if any((m.cls, m.code) != (members[0].cls, members[0].code) for m in members[1:]):
                crime.rule_ids.append(principal["id"])
        first_by_pair = min((k[2] for k in groups if (k[0], k[1]) == (victim, offenders)), default=episode)
        if episode > first_by_pair or key in timed_after_notice:
            crime.rule_ids.append(finished["id"])
            crime.notes.append((members[0].act, finished["id"], " ".join(finished["new_incident_note"].split())))
        # the force crime registrar decides pairs the rules leave open, and circles of precedence
        circle = not ranker.outranks_all(members[0], members)
        unclear = [m for m in members[1:] if ranker.unclear(members[0], m)]
        if ranker.fcr and (circle or unclear):
            names = list(dict.fromkeys(_label(ranker, m) for m in [members[0]] + (members[1:] if circle else unclear)))
            text = " ".join(str(ranker.fcr["text"]).split()).format(
                classifications=" and ".join(names), principal=names[0])
            crime.rule_ids.append(ranker.fcr["id"])
            crime.notes.append((members[0].act, ranker.fcr["id"], text))
        tied = [m for m in members[1:] if ranker.tied(members[0], m) and not ranker.unclear(members[0], m)]
        if ranker.tie and tied and not circle:
            names = list(dict.fromkeys(_label(ranker, m) for m in [members[0]] + tied))
            text = " ".join(str(ranker.tie["text"]).split()).format(
                classifications=" and ".join(names), principal=names[0])
            crime.rule_ids.append(ranker.tie["id"])
            crime.notes.append((members[0].act, ranker.tie["id"], text))
        for m in members[1:]:
            p = ranker.precedence_of(members[0], m)[1]
            if p is not None and p.id not in crime.rule_ids:
                crime.rule_ids.append(p.id)
        index = len(crimes)
        index_of[key] = index
        crimes.append(crime)
        for m in members[1:]:
            same = (m.cls, m.code) == (members[0].cls, members[0].code)
            counted_in.append(CountedIn(m.act, index, finished["id"] if same else principal["id"]))
    for key in ordered:
        if key not in absorbed:
            continue
        host, rule_id = absorbed[key]
        while host in absorbed:
            host = absorbed[host][0]
        crime = crimes[index_of[host]]
        if rule_id not in crime.rule_ids:
            crime.rule_ids.append(rule_id)
        for m in ranker.principal_first(groups[key]):
            crime.members.append(m)
            counted_in.append(CountedIn(m.act, index_of[host], rule_id))
    return crimes, counted_in
