"""How many crimes: one crime per victim, the finished incident rule, the principal crime rule.

Generic over editions: the ranking table, the violent groups, the classes recorded in addition, the
precedence exceptions (the conduct crime order and the like), the acts counted within another
victim's crime, the pairs left to the force crime registrar, the reason codes, citations and
sentences all come from the edition's counting file.
"""
from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

from ..engine.runtime import runtime_of
from ..rules.counting import CountedWithin, _any
from ..rules.model import Edition
from ..rules.ranking import Candidate, Ranker

__all__ = ["Candidate", "CountedCrime", "CountedIn", "Ranker", "citations", "count", "counted_in_sentence",
           "ranker_for"]


# edition -> its citations (an edition's data never changes after loading)
_CITATIONS: "weakref.WeakKeyDictionary[Edition, dict[str, str]]" = weakref.WeakKeyDictionary()


def citations(edition: Edition) -> dict[str, str]:
    """Rationale id -> citation, for every id the counting stage can give: worked out once per
    edition from its counting data (the same dict each time: read it, never change it)."""
    got = _CITATIONS.get(edition)
    if got is None:
        got = _CITATIONS[edition] = _citations(edition)
    return got


def _citations(edition: Edition) -> dict[str, str]:
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


def ranker_for(edition: Edition) -> Ranker:
    """One ranker per edition (built once; the edition's data never changes after loading), held by
    the edition's runtime."""
    rt = runtime_of(edition)
    if rt.ranker is None:
        rt.ranker = Ranker(edition.offences, edition.counting)
    return rt.ranker


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
