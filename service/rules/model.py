"""The rule format's data: what an edition is once its files are read and checked.

Everything here is immutable once the loader has built it (frozen dataclasses and named tuples; the
vocabulary's mappings are filled by the loader and never changed after). Nothing here reads a file,
reports a problem or knows the engine: ``parse`` builds these from YAML, ``lint`` checks them,
``compile`` turns rules into durable-rules JSON, and ``service.engine.runtime`` holds what an edition needs
at run time (engine session, ranker, caches).
"""
from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, NamedTuple, Union

from .citations import Citation, Register
from .problems import suggest

# ---------------------------------------------------------------------------------------- vocabulary

RESERVED = {"id", "t", "sid", "type", "act", "person", "role", "ref", "has_victim"}
MAX_ATTRIBUTES = 64  # per act, person or incident: a report may give every attribute of its type


@dataclass(frozen=True)
class Attribute:
    name: str
    question: str
    kind: str  # "enum" | "boolean" | "integer" | "text"
    values: tuple[str, ...] = ()
    value_help: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # asked only of an act with no victim (an offence against the state): a rule that tests it on
    # an act type that does not word it in its own terms must also test `has_victim: false`
    victimless_only: bool = field(default=False, compare=False, hash=False)
    # asked only of a person, never of an organisation (a business, school, council) as a party
    persons_only: bool = field(default=False, compare=False, hash=False)

    def allowed(self) -> list[str]:
        if self.kind == "boolean":
            return ["yes", "no"]
        if self.kind in ("integer", "text"):
            return []
        return list(self.values)

    def coerce(self, value: Any) -> Any:
        """Turn a reported value into the typed value the rules match; ValueError if not allowed."""
        if self.kind == "boolean":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("yes", "true", "y", "1"):
                return True
            if text in ("no", "false", "n", "0"):
                return False
            raise ValueError("expected yes or no")
        if self.kind == "text":
            text = str(value).strip()
            if not text or len(text) > 200:
                raise ValueError("expected a short text (1 to 200 characters)")
            return text
        if self.kind == "integer":
            if isinstance(value, bool):
                raise ValueError("expected a whole number")
            try:
                number = int(str(value).strip())
            except ValueError:
                raise ValueError("expected a whole number") from None
            if not -10**9 <= number <= 10**9:
                raise ValueError("expected a whole number between -1000000000 and 1000000000")
            return number
        text = str(value)
        if text not in self.values:
            hint = suggest(text, self.values)
            extra = f"; did you mean {hint!r}?" if hint else ""
            raise ValueError(f"not one of {', '.join(self.values)}{extra}")
        return text


@dataclass(frozen=True)
class ActType:
    name: str
    label: str
    attributes: dict[str, Attribute]


@dataclass(frozen=True)
class Vocabulary:
    common_act_attributes: dict[str, Attribute]  # asked of every act, whatever its type
    act_types: dict[str, ActType]
    person_attributes: dict[str, Attribute]
    incident_attributes: dict[str, Attribute]
    relationship_kinds: dict[str, dict]
    reporter_roles: dict[str, str]
    channels: dict[str, str]
    places: dict[str, str]
    sexes: tuple[str, ...]
    flags: dict[str, dict]
    envelope_questions: dict[str, str]
    # what a party to an act may be: a person, or an organisation (a business, school, council)
    person_kinds: dict[str, str] = field(default_factory=dict)


    def act_attribute(self, act_type: str, name: str) -> Attribute | None:
        t = self.act_types.get(act_type)
        return t.attributes.get(name) if t else None

    def all_act_attributes(self) -> dict[str, Attribute]:
        out: dict[str, Attribute] = {}
        for t in self.act_types.values():
            out.update(t.attributes)
        return out


# ---------------------------------------------------------------------------------------- offences


@dataclass(frozen=True)
class Offence:
    cls: str
    code: str
    class_title: str
    title: str
    group: str
    subgroup: str
    max_months: int | None
    basis: str
    current: bool
    in_force_from: dt.date | None = None  # commencement: conduct before it cannot be this offence
    ceased: dt.date | None = None  # repeal: conduct from this day on cannot be this offence

    def in_force_on(self, day: dt.date) -> bool:
        return (self.in_force_from is None or day >= self.in_force_from) and (
            self.ceased is None or day < self.ceased)



class OffenceTable:
    """The edition's offence list: classes (with their title, group and subgroup) and their codes."""

    def __init__(self, by_key: dict[tuple[str, str], Offence], classes: dict[str, dict]):
        self.by_key = by_key
        self.classes = classes

    def get(self, cls: str, code: str) -> Offence | None:
        return self.by_key.get((cls, code))

    def codes_of(self, cls: str) -> list[str]:
        return sorted(c for (k, c) in self.by_key if k == cls)


def expand_codes(spec: str) -> list[str]:
    """A range 'NNN/aa-NNN/bb' -> every code in it; a single code -> itself."""
    m = re.fullmatch(r"(\d{3})/(\d{2})\s*-\s*(\d{3})/(\d{2})", spec)
    if not m:
        return [spec.strip()]
    a, b, c, d = m.groups()
    if a != c:
        return [f"{a}/{b}", f"{c}/{d}"]
    return [f"{a}/{n:02d}" for n in range(int(b), int(d) + 1)]


# ---------------------------------------------------------------------------------------- rules

# The facts a rule may look at, how each joins to the act, and which attributes it carries.
# These are the envelope of the contract, not offence knowledge.
PATTERN_ORDER = ("act", "victim", "offender", "relationship", "incident", "evidence")
ENVELOPE_ATTRS = {
    "act": {"type", "has_victim", "force_area"},
    # age: at the time of the act (the act's victim_age when given); age_now: as the report gives it
    "victim": {"age", "sex", "person_kind", "age_now"},
    "offender": {"age", "sex", "person_kind"},
    "relationship": {"kind", "personally_connected"},
    "incident": {"reporter_role", "channel", "place", "force_area", "country"},
    "evidence": {"contradicts", "credible", "immediately_available"},
}
CONSEQUENCES = ("classify", "negate", "ask", "flag", "note", "review", "count", "permit")
COUNT_UNITS = ("victim", "offender")
DISPOSITIONS = ("no_crime", "crime_related_incident", "transfer", "notifiable_incident", "refused")


@dataclass(frozen=True)
class Test:
    attr: str
    op: str  # eq ne lt lte gt gte in not_in present absent
    value: Any = None

    def evaluate(self, fact: dict) -> bool | None:
        """Three-valued: True, False, or None when the fact does not give the attribute."""
        return self.compiled(fact)

    @functools.cached_property
    def compiled(self) -> Callable[[dict], bool | None]:
        """The test as one function built once (no per-call allocation): fact -> True/False/None."""
        attr, op, value = self.attr, self.op, self.value
        if op == "absent":
            return lambda fact: fact.get(attr) is None
        if op == "present":
            if value:
                return lambda fact: fact.get(attr) is not None
            return lambda fact: fact.get(attr) is None
        if op == "in":
            missing = True if None in value else None

            def test_in(fact: dict) -> bool | None:
                v = fact.get(attr)
                if v is None:
                    return missing
                return v in value
            return test_in
        cmp = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "lte": operator.le,
               "gt": operator.gt, "gte": operator.ge, "not_in": lambda v, x: v not in x}[op]

        def test(fact: dict) -> bool | None:
            v = fact.get(attr)
            if v is None:
                return None
            try:
                return cmp(v, value)
            except TypeError:
                return False
        return test


@dataclass(frozen=True)
class Pattern:
    alias: str
    tests: tuple[Test, ...]



# One small class per consequence kind (`then:` of a rule). Each is a named tuple, or a string for
# the kinds that are one sentence, so that code reading a consequence may unpack it.


class ReportedIncident(NamedTuple):
    """A notifiable reported incident to record instead of a crime (class, code and its title)."""
    cls: str = ""
    code: str = ""
    title: str = ""


class Classify(NamedTuple):
    """Record the act as a crime of this class and Home Office code."""
    cls: str
    code: str
    kind = "classify"


class Negate(NamedTuple):
    """Do not record the act as a crime: the disposition, the plain sentence, the notifiable
    incident recorded instead (empty unless the disposition is notifiable_incident) and, for a
    transfer, who records it (a name, or incident.<field> / act.<field>)."""
    disposition: str
    say: str
    incident: ReportedIncident = ReportedIncident()
    to: str = ""
    kind = "negate"


class Ask(tuple):
    """Wait for the answers to these questions: (alias, attribute) pairs."""
    __slots__ = ()
    kind = "ask"


class Flag(NamedTuple):
    """Mark the crime with a flag (and its value, "" if the flag has none)."""
    name: str
    value: str = ""
    kind = "flag"


class Count(NamedTuple):
    """What one crime is counted per (victim, offender or act.<attribute>), and whether it is
    recorded alone (True) or with a named family of offences apart from other crimes."""
    per: str
    alone: bool | str = False
    kind = "count"


class _Sentence(str):
    __slots__ = ()
    kind = ""


class Note(_Sentence):
    """A note shown with the decision."""
    __slots__ = ()
    kind = "note"


class Review(_Sentence):
    """A reason the decision needs a supervisor's review."""
    __slots__ = ()
    kind = "review"


class Permit(_Sentence):
    """(review rules) what allows a requested transfer, cancellation or reclassification."""
    __slots__ = ()
    kind = "permit"


Consequence = Union[Classify, Negate, Ask, Flag, Count, Note, Review, Permit]
CONSEQUENCE_CLASSES: dict[str, type] = {c.kind: c for c in (Classify, Negate, Ask, Flag, Note, Review, Count, Permit)}
assert tuple(CONSEQUENCE_CLASSES) == CONSEQUENCES


@dataclass(frozen=True)
class Rule:
    id: str
    cite: str
    summary: str
    file: str
    line: int
    patterns: tuple[Pattern, ...]
    consequences: tuple[Consequence, ...]  # instances of the classes above
    overrides: tuple[str, ...]
    act_types: tuple[str, ...] | None  # None: any act type
    # the conditions in the order the author wrote them: questions ask the first one missing, so
    # an author puts a gate (e.g. where it happened) before what only matters behind it
    order: tuple[tuple[str, str], ...] = ()
    citation: Citation | None = None  # the references `cite` renders (`cite` is str(citation))
    # a rule made from a table row (service/rules/tables.py): (table, row key values, file, line), else ()
    row: tuple = ()

    @property
    def row_ref(self) -> str:
        """The table row this rule stands for, e.g. `drug-classes[production, heroin]`, or ''."""
        return f"{self.row[0]}[{', '.join(self.row[1])}]" if self.row else ""

    @functools.cached_property
    def condition_rank(self) -> dict[tuple[str, str], int]:
        """The position of each condition (alias, attribute) in the author's order; a fact not given
        at all (alias, alias) ranks as its first condition. Derived from `order`, worked out once."""
        rank = {key: i for i, key in enumerate(self.order)}
        for i, (alias, _attr) in enumerate(self.order):
            rank.setdefault((alias, alias), i)
        return rank

    def consequence(self, kind: str) -> Any:
        for c in self.consequences:
            if c.kind == kind:
                return c
        return None

    def pattern(self, alias: str) -> Pattern | None:
        for p in self.patterns:
            if p.alias == alias:
                return p
        return None


# ---------------------------------------------------------------------------------------- edition


@dataclass(frozen=True)
class RankEntry:
    label: str
    keys: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Counting:
    raw: dict
    ranking: list[RankEntry]
    violent_groups: frozenset[str]
    in_addition: list[dict]
    citations: dict[str, Citation] = field(default_factory=dict)  # section or entry id -> what it cites

    def section(self, name: str) -> dict:
        return self.raw[name]


@dataclass(frozen=True)
class Assumption:
    """What an unstated fact is taken to be when choosing a class on what is known."""
    id: str
    cite: str
    alias: str  # act | victim | offender
    attr: str
    act_types: tuple[str, ...]
    value: Any
    say: str


@dataclass(frozen=True)
class Checklist:
    """Questions shown together as one "do any of these apply?" question."""
    id: str
    cite: str
    text: str
    items: dict[str, str]  # attribute -> the answer meaning "does not apply" ("" if none)


@dataclass(frozen=True, eq=False)  # an edition is itself: compared and hashed by identity
class Edition:
    """One edition's checked data and its compiled ruleset. What it needs at run time (the engine
    session, the ranker, the question cache) is ``service.engine.runtime.EditionRuntime``, kept apart."""
    name: str
    title: str
    in_force_from: dt.date
    root: Path
    vocab: Vocabulary
    offences: OffenceTable
    counting: Counting
    rules: list[Rule]
    ruleset_json: dict = field(repr=False, default_factory=dict)
    ruleset_joins: dict = field(repr=False, default_factory=dict)  # engine rule name -> its joins
    warnings: list = field(repr=False, default_factory=list)  # lint findings that do not stop loading
    in_force_until: dt.date | None = None
    extends: str = ""
    reviews: "Edition | None" = None  # the rules for transferring, cancelling, reclassifying crimes
    revision: str = ""  # digest of the edition's rule and data files, computed at load (rules_revision)
    # what an unstated fact is taken to be for classification, and how questions are grouped
    assumptions: list["Assumption"] = field(default_factory=list, repr=False)
    checklists: list["Checklist"] = field(default_factory=list, repr=False)
    sources: Register = field(default_factory=Register, repr=False)  # the register of sources it cites
    # the pairs of rules the declared data orders, (higher, lower) -> "specificity <entry id>" or
    # "ranking" (service/rules/ranking.py: declared_overriders); explicit overrides come first
    ranked_precedence: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # indexes derived from the rules, computed once (the dataclass is frozen: set them directly)
        rule_by_id: dict[str, Rule] = {r.id: r for r in self.rules}
        # Overrides are transitive: a rule that overrides B also overrides whatever B overrides.
        direct: dict[str, set[str]] = {}
        for r in self.rules:
            for o in r.overrides:
                direct.setdefault(o, set()).add(r.id)
        position: dict[str, int] = {r.id: i for i, r in enumerate(self.rules)}
        ids_with: dict[str, frozenset[str]] = {  # consequence kind -> ids of rules that have it
            kind: frozenset(r.id for r in self.rules if r.consequence(kind) is not None) for kind in CONSEQUENCES}
        # the rules that can apply to an act of each type (those naming no type apply to all)
        rules_for_type: dict[str, list[Rule]] = {
            t: [r for r in self.rules if r.act_types is None or t in r.act_types]
            for t in self.vocab.act_types}
        overriders: dict[str, frozenset[str]] = {}
        for r in self.rules:
            seen: set[str] = set()
            stack = list(direct.get(r.id, ()))
            while stack:
                n = stack.pop()
                if n not in seen:
                    seen.add(n)
                    stack.extend(direct.get(n, ()))
            overriders[r.id] = frozenset(seen)
        for hi, lo in self.ranked_precedence:  # then what the declared data orders
            overriders[lo] = overriders.get(lo, frozenset()) | {hi}
        for name, value in (("rule_by_id", rule_by_id), ("position", position), ("ids_with", ids_with),
                            ("rules_for_type", rules_for_type), ("overriders", overriders)):
            object.__setattr__(self, name, value)
