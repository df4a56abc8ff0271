"""How many crimes: one crime per victim, the finished incident rule, the principal crime rule.

Generic over editions: the ranking table, the violent groups, the classes recorded in addition, the
reason codes, citations and sentences all come from the edition's counting file.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from .rulebook import Edition


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
    """Orders classifications most serious first, as the edition's principal crime rule says."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.position: dict[tuple[str, str], int] = {}
        for i, entry in enumerate(edition.counting.ranking):
            for key in entry.keys:
                self.position.setdefault(key, i)
        self.violent = edition.counting.violent_groups

    def _facts(self, c: Candidate) -> tuple[int | None, bool, int]:
        off = self.edition.offences.get(c.cls, c.code)
        months = off.max_months if off and off.max_months is not None else -1
        violent = bool(off and off.group in self.violent)
        return self.position.get((c.cls, c.code)), violent, months

    def compare(self, a: Candidate, b: Candidate) -> int:
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


def ranker_for(edition: Edition) -> Ranker:
    """One ranker per edition (built once; the edition's data never changes after loading)."""
    if edition.ranker is None:
        edition.ranker = Ranker(edition)
    return edition.ranker


def _episode(cuts: list[dt.datetime], when: dt.datetime | None, reported_at: dt.datetime) -> int:
    """Which finished incident an act belongs to: the number of police notices before it."""
    moment = when if when is not None else reported_at - dt.timedelta(microseconds=1)
    return sum(1 for c in cuts if c <= moment)


def count(edition: Edition, candidates: list[Candidate], reported_at: dt.datetime,
          prior_notices: list[tuple[str | None, frozenset[str], dt.datetime]]) -> tuple[list[CountedCrime], list[CountedIn]]:
    cfg = edition.counting
    ranker = ranker_for(edition)
    one_per_victim = cfg.section("one_crime_per_victim")["id"]
    finished = cfg.section("finished_incident")
    principal = cfg.section("principal_crime")
    in_addition = {c: e for e in cfg.in_addition for c in e["classes"]}

    groups: dict[tuple, list[Candidate]] = {}
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

    crimes: list[CountedCrime] = []
    counted_in: list[CountedIn] = []
    first_episode: dict[tuple, int] = {}
    for key in sorted(groups, key=lambda k: min(c.order for c in groups[k])):
        members = ranker.sort(groups[key])
        crime = CountedCrime(members[0], members, [members[0].count_rule or one_per_victim])
        victim, offenders, episode, separate_id, _ = key
        if separate_id and not separate_id.startswith("family:"):
            crime.rule_ids.append(separate_id)
        if len(members) > 1:
            crime.rule_ids.append(finished["id"])
            if any((m.cls, m.code) != (members[0].cls, members[0].code) for m in members[1:]):
                crime.rule_ids.append(principal["id"])
        pair = (victim, offenders)
        if pair in first_episode and first_episode[pair] != episode:
            crime.rule_ids.append(finished["id"])
            crime.notes.append((members[0].act, finished["id"], " ".join(finished["new_incident_note"].split())))
        first_episode.setdefault(pair, episode)
        index = len(crimes)
        crimes.append(crime)
        for m in members[1:]:
            same = (m.cls, m.code) == (members[0].cls, members[0].code)
            counted_in.append(CountedIn(m.act, index, finished["id"] if same else principal["id"]))
    return crimes, counted_in
