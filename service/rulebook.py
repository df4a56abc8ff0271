"""Load an edition's rule files, check them, and compile them into a durable-rules ruleset.

Nothing here knows about any offence: offence codes, titles, ranks, attributes and questions all
come from the YAML under ``rules/<edition>/``. Every mistake found is reported with file, line,
rule id and field, at load time, and never at request time.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from . import tables, yamlsrc
from .citations import Citation, Register, load_register, parse_citation
from .yamlsrc import Located, where

# ---------------------------------------------------------------------------------------- errors


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    rule_id: str
    field: str
    message: str
    suggestion: str = ""

    def __str__(self) -> str:
        where_ = f"{self.file}:{self.line}"
        who = f" rule {self.rule_id}" if self.rule_id else ""
        fld = f" [{self.field}]" if self.field else ""
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        return f"{where_}:{who}{fld} {self.message}{hint}"


class RulebookError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def suggest(word: str, choices: Iterable[str]) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return match[0] if match else ""


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


def _attribute(name: str, spec: Any, file: str, problems: list[Problem]) -> Attribute | None:
    f, line = where(spec, (file, 0))
    if not isinstance(spec, dict) or not spec.get("question"):
        problems.append(Problem(f, line, "", f"attribute {name}", "needs a question text"))
        return None
    if name in RESERVED:
        problems.append(Problem(f, line, "", f"attribute {name}", f"{name!r} is a reserved name"))
    if "values" in spec:
        values = spec["values"]
        help_ = dict(values) if isinstance(values, dict) else {}
        names = tuple(str(v) for v in (values.keys() if isinstance(values, dict) else values))
        return Attribute(name, " ".join(str(spec["question"]).split()), "enum", names, help_,
                         bool(spec.get("victimless_only")), bool(spec.get("persons_only")))
    kind = spec.get("type")
    if kind not in ("boolean", "integer", "text"):
        problems.append(Problem(f, line, "", f"attribute {name}",
                                "needs `values` or `type: boolean|integer|text`"))
        return None
    return Attribute(name, " ".join(str(spec["question"]).split()), kind, victimless_only=bool(spec.get("victimless_only")),
                     persons_only=bool(spec.get("persons_only")))


@dataclass
class ActType:
    name: str
    label: str
    attributes: dict[str, Attribute]


@dataclass
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

    @classmethod
    def load(cls, data: Any, file: str, problems: list[Problem]) -> "Vocabulary":
        def section(name: str) -> dict:
            value = data.get(name) or {}
            if not isinstance(value, dict):
                problems.append(Problem(file, where(data)[1], "", name, "must be a mapping"))
                return {}
            return value

        act_types = {}
        for name, spec in section("act_types").items():
            attrs = {}
            for aname, aspec in (spec.get("attributes") or {}).items():
                attr = _attribute(aname, aspec, file, problems)
                if attr:
                    attrs[aname] = attr
            act_types[name] = ActType(name, str(spec.get("label", name)), attrs)

        def attrs_of(name: str) -> dict[str, Attribute]:
            out = {}
            for aname, aspec in section(name).items():
                attr = _attribute(aname, aspec, file, problems)
                if attr:
                    out[aname] = attr
            return out

        kinds = section("relationship_kinds")
        for kind, spec in kinds.items():
            if not isinstance(spec, dict) or set(spec) != {"label", "personally_connected"} \
                    or not isinstance(spec.get("personally_connected"), bool):
                problems.append(Problem(file, where(spec, (file, where(kinds)[1]))[1], "", f"relationship_kinds.{kind}",
                                        "needs exactly `label` and `personally_connected: true|false` "
                                        "(quote a label that contains commas)"))
        common = {}
        for aname, aspec in section("common_act_attributes").items():
            attr = _attribute(aname, aspec, file, problems)
            if attr:
                common[aname] = attr
        return cls(
            common_act_attributes=common,
            act_types=act_types,
            person_attributes=attrs_of("person_attributes"),
            incident_attributes=attrs_of("incident_attributes"),
            relationship_kinds={k: dict(v) for k, v in section("relationship_kinds").items()},
            reporter_roles={k: " ".join(str(v).split()) for k, v in section("reporter_roles").items()},
            channels={k: str(v) for k, v in section("channels").items()},
            places={k: str(v) for k, v in section("places").items()},
            sexes=tuple(data.get("sexes") or ()),
            flags={k: dict(v) for k, v in section("flags").items()},
            envelope_questions={k: " ".join(str(v).split()) for k, v in section("envelope_questions").items()},
            person_kinds={k: " ".join(str(v).split()) for k, v in section("person_kinds").items()},
        )

    @classmethod
    def merge(cls, parts: list[tuple[Any, str]], problems: list[Problem]) -> "Vocabulary":
        """One vocabulary from several files (the edition's, and one per offence group).

        A word may be declared once: the same act type, attribute, kind, role or flag declared in
        two files is an error naming both.
        """
        merged: "Vocabulary | None" = None
        origin: dict[tuple[str, str], str] = {}
        for data, file in parts:
            part = cls.load(data if isinstance(data, dict) else Located(), file, problems)
            for section in ("common_act_attributes", "act_types", "person_attributes", "incident_attributes",
                            "relationship_kinds", "reporter_roles", "channels", "places", "flags",
                            "envelope_questions", "person_kinds"):
                for key in getattr(part, section):
                    if (section, key) in origin:
                        problems.append(Problem(file, where(data)[1], "", f"{section}.{key}",
                                                f"already declared in {origin[(section, key)]}"))
                    origin[(section, key)] = file
            if merged is None:
                merged = part
                continue
            for section in ("common_act_attributes", "act_types", "person_attributes", "incident_attributes",
                            "relationship_kinds", "reporter_roles", "channels", "places", "flags",
                            "envelope_questions", "person_kinds"):
                getattr(merged, section).update(getattr(part, section))
            if part.sexes:
                merged.sexes = tuple(dict.fromkeys(merged.sexes + part.sexes))
        merged = merged or cls.load(Located(), "?", problems)
        for t in merged.act_types.values():
            if len(t.attributes) + len(merged.common_act_attributes) > MAX_ATTRIBUTES:
                problems.append(Problem(parts[0][1] if parts else "?", 0, "", f"act_types.{t.name}",
                                        f"has more than {MAX_ATTRIBUTES} attributes (with the common ones): "
                                        "a report could not give them all"))
        for t in merged.act_types.values():
            for name, attr in merged.common_act_attributes.items():
                own = t.attributes.get(name)
                if own is None:
                    t.attributes[name] = attr
                elif (own.kind, own.values) != (attr.kind, attr.values):
                    # an act type may ask a common attribute in its own words, but not change its answers
                    problems.append(Problem(parts[0][1] if parts else "?", 0, "", f"act_types.{t.name}.{name}",
                                            "is a common act attribute: an act type may only reword its "
                                            "question, not change its type or values"))
        return merged

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


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class OffenceTable:
    def __init__(self, data: Any):
        self.by_key: dict[tuple[str, str], Offence] = {}
        self.classes: dict[str, dict] = {}
        for cls, entry in (data.get("classes") or {}).items():
            cls = str(cls)
            self.classes[cls] = entry
            for code, off in (entry.get("offences") or {}).items():
                self.by_key[(cls, str(code))] = Offence(
                    cls, str(code), str(entry.get("title", "")), str(off.get("title", "")),
                    str(entry.get("group", "")), str(entry.get("subgroup", "")),
                    off.get("max_months"), str(off.get("basis", "unknown")), bool(off.get("current", True)),
                    _date_or_none(off.get("in_force_from")), _date_or_none(off.get("ceased")))

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
OPS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte", "in": "in",
       "not_in": "not_in", "present": "present"}


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


@dataclass(frozen=True)
class Consequence:
    kind: str
    value: Any


@dataclass
class Rule:
    id: str
    cite: str
    summary: str
    file: str
    line: int
    patterns: tuple[Pattern, ...]
    consequences: tuple[Consequence, ...]
    overrides: tuple[str, ...]
    act_types: tuple[str, ...] | None  # None: any act type
    # the conditions in the order the author wrote them: questions ask the first one missing, so
    # an author puts a gate (e.g. where it happened) before what only matters behind it
    order: tuple[tuple[str, str], ...] = ()
    citation: Citation | None = None  # the references `cite` renders (`cite` is str(citation))
    # a rule made from a table row (service/tables.py): (table, row key values, file, line), else ()
    row: tuple = ()

    @property
    def row_ref(self) -> str:
        """The table row this rule stands for, e.g. `drug-classes[production, heroin]`, or ''."""
        return f"{self.row[0]}[{', '.join(self.row[1])}]" if self.row else ""

    def consequence(self, kind: str) -> Any:
        for c in self.consequences:
            if c.kind == kind:
                return c.value
        return None

    def pattern(self, alias: str) -> Pattern | None:
        for p in self.patterns:
            if p.alias == alias:
                return p
        return None


class _RuleParser:
    def __init__(self, vocab: Vocabulary, offences: OffenceTable, problems: list[Problem],
                 reported: dict | None = None, register: Register | None = None):
        self.vocab, self.offences, self.problems = vocab, offences, problems
        self.reported = reported or {}
        self.register = register or Register()

    def problem(self, node: Any, rule_id: str, fld: str, msg: str, hint: str = "", file: str = "?") -> None:
        f, line = where(node, (file, 0))
        self.problems.append(Problem(f, line, rule_id, fld, msg, hint))

    def attrs_for(self, alias: str, act_types: tuple[str, ...] | None) -> dict[str, Attribute | None]:
        names: dict[str, Attribute | None] = {a: None for a in ENVELOPE_ATTRS[alias]}
        if alias == "act":
            if act_types:
                for t in act_types:
                    if t in self.vocab.act_types:
                        names.update(self.vocab.act_types[t].attributes)
            else:
                names.update(self.vocab.all_act_attributes())
        elif alias in ("victim", "offender"):
            names.update(self.vocab.person_attributes)
        elif alias == "incident":
            names.update(self.vocab.incident_attributes)
        return names

    def allowed_values(self, alias: str, attr: str, spec: Attribute | None) -> list[Any] | None:
        if spec is not None:
            return [True, False] if spec.kind == "boolean" else (None if spec.kind in ("integer", "text") else list(spec.values))
        if attr == "type":
            return list(self.vocab.act_types)
        if attr == "kind":
            return list(self.vocab.relationship_kinds)
        if attr == "reporter_role":
            return list(self.vocab.reporter_roles)
        if attr == "channel":
            return list(self.vocab.channels)
        if attr == "place":
            return list(self.vocab.places)
        if attr == "sex":
            return list(self.vocab.sexes)
        if attr == "person_kind":
            return list(self.vocab.person_kinds)
        if attr in ("personally_connected", "contradicts", "credible", "immediately_available", "has_victim"):
            return [True, False]
        return None  # free (age, force_area, country)

    def check_value(self, node, rule_id, fld, value, allowed) -> None:
        if allowed is None or value is None:
            return
        if value not in allowed:
            hint = suggest(str(value), [str(a) for a in allowed])
            self.problem(node, rule_id, fld, f"value {value!r} is not in the vocabulary "
                         f"({', '.join(str(a) for a in allowed)})", hint)

    def tests(self, node: Any, rule_id: str, alias: str, spec: Any,
              act_types: tuple[str, ...] | None) -> tuple[Test, ...]:
        if spec is None:
            return ()
        if not isinstance(spec, dict):
            self.problem(node, rule_id, f"when.{alias}", "must be a mapping of attribute: condition")
            return ()
        known = self.attrs_for(alias, act_types)
        out = []
        for attr, cond in spec.items():
            fld = f"when.{alias}.{attr}"
            if attr not in known:
                self.problem(spec, rule_id, fld, f"unknown attribute {attr!r} for {alias}",
                             suggest(attr, known))
                continue
            allowed = self.allowed_values(alias, attr, known[attr])
            if isinstance(cond, dict):
                if len(cond) != 1:
                    self.problem(spec, rule_id, fld, "a condition mapping has exactly one operator")
                    continue
                (op_text, value), = cond.items()
                op = OPS.get(str(op_text))
                if op is None:
                    self.problem(spec, rule_id, fld, f"unknown operator {op_text!r}", suggest(op_text, OPS))
                    continue
                if op in ("in", "not_in"):
                    if not isinstance(value, list):
                        self.problem(spec, rule_id, fld, f"`{op_text}` needs a list")
                        continue
                    for v in value:
                        self.check_value(spec, rule_id, fld, v, allowed)
                    out.append(Test(attr, op, tuple(value)))
                elif op == "present":
                    out.append(Test(attr, "present", bool(value)))
                else:
                    if op in ("lt", "lte", "gt", "gte") and not isinstance(value, (int, float)):
                        self.problem(spec, rule_id, fld, f"`{op_text}` needs a number")
                        continue
                    self.check_value(spec, rule_id, fld, value, allowed)
                    out.append(Test(attr, op, value))
            elif isinstance(cond, list):
                for v in cond:
                    self.check_value(spec, rule_id, fld, v, allowed)
                out.append(Test(attr, "in", tuple(cond)))
            elif cond is None:
                out.append(Test(attr, "absent"))
            else:
                self.check_value(spec, rule_id, fld, cond, allowed)
                out.append(Test(attr, "eq", cond))
        return tuple(out)

    def consequences(self, node: Any, rule_id: str, spec: Any, patterns: dict) -> tuple[Consequence, ...]:
        if not isinstance(spec, dict) or not spec:
            self.problem(node, rule_id, "then", "needs at least one consequence "
                         f"({', '.join(CONSEQUENCES)})")
            return ()
        out = []
        for kind, value in spec.items():
            fld = f"then.{kind}"
            if kind not in CONSEQUENCES:
                self.problem(spec, rule_id, fld, f"unknown consequence {kind!r}", suggest(kind, CONSEQUENCES))
                continue
            if kind == "classify":
                if not isinstance(value, dict) or set(value) != {"class", "code"}:
                    self.problem(spec, rule_id, fld, "needs exactly `class` and `code`")
                    continue
                cls, code = str(value["class"]), str(value["code"])
                if cls not in self.offences.classes:
                    self.problem(spec, rule_id, fld, f"class {cls!r} is not in the edition's offence list",
                                 suggest(cls, self.offences.classes))
                    continue
                off = self.offences.get(cls, code)
                if off is None:
                    self.problem(spec, rule_id, fld, f"code {code!r} is not listed under class {cls}",
                                 suggest(code, self.offences.codes_of(cls)))
                    continue
                if not off.current:
                    self.problem(spec, rule_id, fld, f"{cls} {code} is no longer a current notifiable offence")
                out.append(Consequence("classify", (cls, code)))
            elif kind == "negate":
                if not isinstance(value, dict) or not value.get("say") or not set(value) <= {"disposition", "say", "record", "to"}:
                    self.problem(spec, rule_id, fld, "needs `disposition` and a `say` sentence (and `record` "
                                 "for a notifiable incident)")
                    continue
                disp = value.get("disposition")
                if disp not in DISPOSITIONS:
                    self.problem(spec, rule_id, fld, f"disposition {disp!r} is not one of "
                                 f"{', '.join(DISPOSITIONS)}", suggest(str(disp), DISPOSITIONS))
                    continue
                record = value.get("record")
                incident = ("", "", "")
                if disp == "notifiable_incident":
                    if not isinstance(record, dict) or set(record) != {"class", "code"}:
                        self.problem(spec, rule_id, fld, "a notifiable incident needs `record: {class, code}`")
                        continue
                    cls, code = str(record["class"]), str(record["code"])
                    known = self.reported.get(cls, {})
                    if str(code) not in (known.get("incidents") or {}):
                        choices = [f"{c} {k}" for c, v in self.reported.items() for k in (v.get("incidents") or {})]
                        self.problem(spec, rule_id, fld, f"{cls} {code} is not a notifiable reported incident "
                                     "of this edition", suggest(f"{cls} {code}", choices))
                        continue
                    incident = (cls, code, str(known["incidents"][code]))
                elif record is not None:
                    self.problem(spec, rule_id, fld, "`record` goes only with disposition notifiable_incident")
                    continue
                to = value.get("to")
                if (to is None) != (disp != "transfer"):
                    self.problem(spec, rule_id, fld, "a transfer needs `to` (who records it: a name, or "
                                 "incident.<field> such as incident.force_area); only a transfer has one")
                    continue
                if to is not None and str(to).startswith(("incident.", "act.")):
                    alias, _, name = str(to).partition(".")
                    known = self.attrs_for(alias, patterns.get("act_types") if alias == "act" else None)
                    if name not in known:
                        self.problem(spec, rule_id, fld, f"unknown {alias} field {name!r}", suggest(name, known))
                        continue
                out.append(Consequence("negate", (disp, " ".join(str(value["say"]).split()), incident,
                                                  str(to) if to is not None else "")))
            elif kind == "ask":
                items = value if isinstance(value, list) else [value]
                asks = []
                for item in items:
                    alias, _, attr = str(item).partition(".")
                    if alias not in ("act", "victim", "offender", "incident"):
                        self.problem(spec, rule_id, fld, f"cannot ask about {alias!r}; use act, victim, "
                                     "offender or incident")
                        continue
                    known = self.attrs_for(alias, patterns.get("act_types"))
                    spec_attr = known.get(attr)
                    # envelope fields with a question of their own (envelope_questions) may be asked too
                    asked_envelope = attr in ("age", "sex") or (
                        alias == "incident" and attr in ("reporter_role", "channel", "place"))
                    if attr not in known or (spec_attr is None and not asked_envelope):
                        self.problem(spec, rule_id, fld, f"unknown attribute {attr!r} for {alias}",
                                     suggest(attr, known))
                        continue
                    asks.append((alias, attr))
                out.append(Consequence("ask", tuple(asks)))
            elif kind == "count":
                # offence-specific counting: what one crime is counted per, and whether the crime
                # is recorded alone (not folded into another by the principal crime rule)
                if not isinstance(value, dict) or not set(value) <= {"per", "alone"} or not value:
                    self.problem(spec, rule_id, fld, "takes `per: victim|offender|act.<attribute>` and/or `alone: true`")
                    continue
                per = str(value.get("per", "victim"))
                if per.startswith("act."):
                    known = self.attrs_for("act", patterns.get("act_types"))
                    if per[4:] not in known:
                        self.problem(spec, rule_id, fld, f"unknown act attribute {per[4:]!r}", suggest(per[4:], known))
                        continue
                elif per not in COUNT_UNITS:
                    self.problem(spec, rule_id, fld, f"`per` must be victim, offender or act.<attribute>, not {per!r}")
                    continue
                alone = value.get("alone", False)
                if not isinstance(alone, (bool, str)) or alone == "":
                    self.problem(spec, rule_id, fld, "`alone` is true, or the name of a family of offences "
                                 "counted together but apart from other crimes (e.g. drugs)")
                    continue
                out.append(Consequence("count", (per, alone)))
            elif kind == "flag":
                name, val = (value, "") if not isinstance(value, dict) else (value.get("name"), value.get("value", ""))
                if name not in self.vocab.flags:
                    self.problem(spec, rule_id, fld, f"unknown flag {name!r}", suggest(str(name), self.vocab.flags))
                    continue
                allowed = self.vocab.flags[name].get("values")
                if allowed and val not in allowed:
                    self.problem(spec, rule_id, fld, f"flag value {val!r} not in {allowed}", suggest(str(val), allowed))
                    continue
                out.append(Consequence("flag", (str(name), str(val or ""))))
            else:  # note, review, permit
                if not isinstance(value, str) or not value.strip():
                    self.problem(spec, rule_id, fld, "needs a sentence")
                    continue
                out.append(Consequence(kind, " ".join(value.split())))
        return tuple(out)

    def rule(self, node: Any, file: str) -> Rule | None:
        if not isinstance(node, dict):
            self.problem(node, "", "rules[]", "each rule must be a mapping", file=file)
            return None
        rule_id = str(node.get("id") or "")
        allowed_keys = {"id", "cite", "summary", "when", "then", "overrides"}
        for key in node:
            if key == "_row":  # set by the table expansion, never written by an author
                continue
            if key not in allowed_keys:
                self.problem(node, rule_id, str(key), f"unknown key {key!r}", suggest(str(key), allowed_keys))
        if not re.fullmatch(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", rule_id):
            self.problem(node, rule_id, "id", "needs an id of lower-case words joined by '.' or '-'")
            return None
        citation = parse_citation(node.get("cite"), self.register,
                                  lambda n, fld, msg, hint: self.problem(n if n is not None else node, rule_id,
                                                                         fld, msg, hint))
        cite = str(citation) if citation else ""
        summary = " ".join(str(node.get("summary") or "").split())
        if not summary:
            self.problem(node, rule_id, "summary", "needs a one-line summary in plain words")
        when = node.get("when")
        if not isinstance(when, dict) or "act" not in when:
            self.problem(node, rule_id, "when", "needs a `when` with at least an `act` pattern")
            return None
        for alias in when:
            if alias not in PATTERN_ORDER:
                self.problem(when, rule_id, f"when.{alias}", f"unknown fact {alias!r}",
                             suggest(str(alias), PATTERN_ORDER))
        act_spec = when.get("act") or {}
        act_types = None
        if isinstance(act_spec, dict) and "type" in act_spec:
            t = act_spec["type"]
            act_types = tuple(t) if isinstance(t, list) else (t,)
            for name in act_types:
                if name not in self.vocab.act_types:
                    self.problem(when, rule_id, "when.act.type", f"unknown act type {name!r}",
                                 suggest(str(name), self.vocab.act_types))
        patterns = []
        for alias in PATTERN_ORDER:
            if alias in when:
                patterns.append(Pattern(alias, self.tests(when, rule_id, alias, when[alias], act_types)))
        present = {p.alias for p in patterns}
        if "relationship" in present:  # a relationship joins the act's offender to its victim
            for alias in ("victim", "offender"):
                if alias not in present:
                    patterns.append(Pattern(alias, ()))
            patterns.sort(key=lambda p: PATTERN_ORDER.index(p.alias))
        cons = self.consequences(node, rule_id, node.get("then"), {"act_types": act_types})
        overrides = node.get("overrides") or []
        if not isinstance(overrides, list):
            overrides = [overrides]
        order = tuple((alias, str(attr)) for alias, spec in when.items() if isinstance(spec, dict)
                      for attr in spec)
        return Rule(rule_id, cite, summary, *where(node, (file, 0)), tuple(patterns), cons,
                    tuple(str(o) for o in overrides), act_types, order, citation, tuple(node.get("_row") or ()))


# ---------------------------------------------------------------------------------------- compile


def _ref(alias: str, attr: str) -> dict:
    return {alias: attr}


def _test_json(t: Test) -> dict:
    if t.op == "eq":
        return {t.attr: t.value}
    if t.op == "ne":
        return {"$and": [{"$ex": {t.attr: 1}}, {"$neq": {t.attr: t.value}}]}
    if t.op in ("lt", "lte", "gt", "gte"):
        return {f"${t.op}": {t.attr: t.value}}
    if t.op == "in":
        alts = [{t.attr: v} for v in t.value if v is not None]
        if None in t.value:
            alts.append({"$nex": {t.attr: 1}})
        return alts[0] if len(alts) == 1 else {"$or": alts}
    if t.op == "not_in":
        return {"$and": [{"$ex": {t.attr: 1}}] + [{"$neq": {t.attr: v}} for v in t.value]}
    if t.op == "present":
        return {"$ex": {t.attr: 1}} if t.value else {"$nex": {t.attr: 1}}
    if t.op == "absent":
        return {"$nex": {t.attr: 1}}
    raise ValueError(t.op)


# How each fact kind is found and joined to the patterns before it (aliases are prefixed so that
# they never clash with attribute names inside the engine).
FACT_KIND = {"act": "act", "victim": "party", "offender": "party", "relationship": "relationship",
             "incident": "incident", "evidence": "evidence"}


def _join_json(alias: str) -> list[dict]:
    if alias in ("victim", "offender"):
        return [{"role": alias}, {"act": _ref("p_act", "id")}]
    if alias == "relationship":
        return [{"from": _ref("p_offender", "person")}, {"to": _ref("p_victim", "person")}]
    if alias == "evidence":
        return [{"act": _ref("p_act", "id")}]
    return []


# An engine rule name is the rule id, or the rule id and the number of one of its alternatives
# after this separator (a character rule ids never contain).
ALT_SEP = "#"
# durable-rules 2.0.28 ignores a join that sits in the same pattern as an `$or` or a nested `$and`
# (it fires with facts of different acts paired together: docs/engine-notes.md). Such a pattern is
# never emitted. In a pattern that joins, the `$and` of `!=` and `not_in` is flattened into the
# pattern's own list of conditions, and each `in` test with several values is split into
# alternatives, one engine rule per combination, all mapped back to the one rule id. The
# alternatives of one test are mutually exclusive (equal to one value, equal to another, absent),
# so a set of facts matches at most one alternative of a rule.
MAX_ALTERNATIVES = 64  # per rule: more means a condition the author should write differently


def _alternatives(tests: tuple[Test, ...]) -> list[list[dict]]:
    """The value conditions of a joined pattern as alternatives, each a flat list of conditions
    with no `$or` and no `$and` in it."""
    alts: list[list[dict]] = [[]]
    for t in tests:
        if t.op == "in" and len(t.value) > 1:
            choices = [{t.attr: v} if v is not None else {"$nex": {t.attr: 1}} for v in t.value]
            alts = [a + [c] for a in alts for c in choices]
        else:
            alts = [a + list(_conjuncts(_test_json(t))) for a in alts]
    return alts


def compile_rule(rule: Rule) -> dict[str, dict]:
    """One rule -> {engine rule name: rule JSON}: one entry, or one per alternative."""
    per_pattern: list[list[dict]] = []
    for p in rule.patterns:
        # value tests before the join: durable-rules keeps the reference (join) nodes it is
        # evaluating on a fixed 64-entry stack, so joins must only be reached by facts that passed
        # the cheap tests, or an edition with many joined rules fails with error 303
        joins = _join_json(p.alias)
        alts = _alternatives(p.tests) if joins else [[_test_json(t) for t in p.tests]]
        options = []
        for alt in alts:
            conds = [{"t": FACT_KIND[p.alias]}] + alt + joins
            options.append({f"p_{p.alias}": conds[0] if len(conds) == 1 else {"$and": conds}})
        per_pattern.append(options)
    combos: list[list[dict]] = [[]]
    for options in per_pattern:
        combos = [c + [o] for c in combos for o in options]
    if len(combos) > MAX_ALTERNATIVES:
        raise ValueError(f"rule {rule.id}: {len(combos)} alternatives once its value lists are split "
                         f"(at most {MAX_ALTERNATIVES})")
    if len(combos) == 1:
        return {rule.id: {"all": combos[0]}}
    return {f"{rule.id}{ALT_SEP}{i}": {"all": c} for i, c in enumerate(combos, 1)}


def engine_rule_id(name: str) -> str:
    """The rule id an engine rule name stands for."""
    return name.partition(ALT_SEP)[0]


SENTINEL_RULE = "engine.sentinel"


def _conjuncts(cond: Any) -> Iterable[Any]:
    """The conditions that must all hold for a pattern to match (`$and` flattened, `$or` kept)."""
    if isinstance(cond, dict) and set(cond) == {"$and"}:
        for c in cond["$and"]:
            yield from _conjuncts(c)
    else:
        yield cond


def _is_join(cond: Any) -> bool:
    # {attr: {alias: attr}} with the alias of an earlier pattern: durable-rules' reference syntax
    if not isinstance(cond, dict) or len(cond) != 1:
        return False
    (key, value), = cond.items()
    return not key.startswith("$") and isinstance(value, dict) and len(value) == 1 \
        and all(isinstance(k, str) and not k.startswith("$") and isinstance(v, str) for k, v in value.items())


def _mentions(cond: Any, what) -> bool:
    if what(cond):
        return True
    if isinstance(cond, dict):
        return any(_mentions(v, what) for v in cond.values())
    if isinstance(cond, list):
        return any(_mentions(v, what) for v in cond)
    return False


def join_table(ruleset: dict) -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """Engine rule name -> the joins every firing of it must satisfy, read from the compiled JSON:
    (alias, attribute, earlier alias, its attribute), meaning fact[alias][attribute] equals
    fact[earlier alias][its attribute]. The driver checks each firing against this table."""
    out = {}
    for name, rule in ruleset.items():
        joins = []
        for pattern in rule.get("all", []):
            for alias, cond in pattern.items():
                for c in _conjuncts(cond):
                    if _is_join(c):
                        (attr, ref), = c.items()
                        (ref_alias, ref_attr), = ref.items()
                        joins.append((alias, attr, ref_alias, ref_attr))
        out[name] = tuple(joins)
    return out


def _nested(cond: Any) -> bool:
    return isinstance(cond, dict) and ("$or" in cond or "$and" in cond)


def broken_shapes(ruleset: dict) -> list[str]:
    """Engine rule names with a pattern that holds a join and also an `$or` or a nested `$and`:
    durable-rules would ignore the join (docs/engine-notes.md). The compiler must never produce one."""
    bad = []
    for name, rule in ruleset.items():
        for pattern in rule.get("all", []) + rule.get("any", []):
            if any(_mentions(cond, _is_join) and any(_mentions(c, _nested) for c in _top(cond))
                   for cond in pattern.values()):
                bad.append(name)
                break
    return bad


def _top(cond: Any) -> list:
    """The conditions of a pattern's own list (its outermost `$and`), not flattened further."""
    return cond["$and"] if isinstance(cond, dict) and set(cond) == {"$and"} else [cond]


def compile_ruleset(rules: list[Rule]) -> dict:
    out = {SENTINEL_RULE: {"all": [{"p_s": {"t": "sentinel"}}]}}
    problems = []
    for r in rules:
        try:
            out.update(compile_rule(r))
        except ValueError as exc:  # too many alternatives: the author's to rewrite
            problems.append(Problem(r.file, r.line, r.id, "when", str(exc).partition(": ")[2]))
    if problems:
        raise RulebookError(problems)
    bad = broken_shapes(out)
    if bad:  # a compiler defect, never a rule author's: fail at load time, not with wrong answers
        raise AssertionError(f"compiled rules with a join next to an $or or a nested $and: {', '.join(bad)}")
    return out


# ---------------------------------------------------------------------------------------- edition


@dataclass
class RankEntry:
    label: str
    keys: frozenset[tuple[str, str]]


@dataclass
class Counting:
    raw: dict
    ranking: list[RankEntry]
    violent_groups: frozenset[str]
    in_addition: list[dict]
    citations: dict[str, Citation] = field(default_factory=dict)  # section or entry id -> what it cites

    def section(self, name: str) -> dict:
        return self.raw[name]


@dataclass
class Edition:
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
    ranker: Any = field(default=None, repr=False)  # the principal crime ranking, built on first use
    revision: str = ""  # digest of the edition's rule and data files, computed at load (rules_revision)
    # what an unstated fact is taken to be for classification, and how questions are grouped
    assumptions: list["Assumption"] = field(default_factory=list, repr=False)
    checklists: list["Checklist"] = field(default_factory=list, repr=False)
    sources: Register = field(default_factory=Register, repr=False)  # the register of sources it cites
    _engine: Any = field(default=None, repr=False)
    ranked_precedence: set = field(default_factory=set, repr=False)  # (higher, lower) from the ranking

    def __post_init__(self) -> None:
        self.rule_by_id: dict[str, Rule] = {r.id: r for r in self.rules}
        # Overrides are transitive: a rule that overrides B also overrides whatever B overrides.
        direct: dict[str, set[str]] = {}
        for r in self.rules:
            for o in r.overrides:
                direct.setdefault(o, set()).add(r.id)
        self.position: dict[str, int] = {r.id: i for i, r in enumerate(self.rules)}
        self.ids_with: dict[str, frozenset[str]] = {  # consequence kind -> ids of rules that have it
            kind: frozenset(r.id for r in self.rules if r.consequence(kind) is not None) for kind in CONSEQUENCES}
        # the rules that can apply to an act of each type (those naming no type apply to all)
        self.rules_for_type: dict[str, list[Rule]] = {
            t: [r for r in self.rules if r.act_types is None or t in r.act_types]
            for t in self.vocab.act_types}
        self.overriders: dict[str, frozenset[str]] = {}
        for r in self.rules:
            seen: set[str] = set()
            stack = list(direct.get(r.id, ()))
            while stack:
                n = stack.pop()
                if n not in seen:
                    seen.add(n)
                    stack.extend(direct.get(n, ()))
            self.overriders[r.id] = frozenset(seen)

    def engine(self):
        if self._engine is None:
            from .engine import Engine
            self._engine = Engine(f"hocr_{self.name.replace('-', '_')}", self.ruleset_json,
                                  self.ruleset_joins or None)
        return self._engine


def _item_key(item: Any) -> Any:
    return (item.get("id") or item.get("label")) if isinstance(item, dict) else None


def _deep_merge(base: Any, diff: Any) -> Any:
    """A derived edition's data over its base's. Mappings merge key by key; lists of entries named
    by `id` or `label` merge entry by entry (a named entry replaces the base's in place, `remove:
    true` drops it, a new name is added at the end); anything else replaces."""
    if isinstance(base, dict) and isinstance(diff, dict):
        out = Located(base)
        out.file, out.line = getattr(diff, "file", "?"), getattr(diff, "line", 0)
        for k, v in diff.items():
            out[k] = _deep_merge(base.get(k), v) if k in base else v
        return out
    if (isinstance(base, list) and isinstance(diff, list) and base and diff
            and all(_item_key(x) for x in base) and all(_item_key(x) for x in diff)):
        changes = {_item_key(x): x for x in diff}
        merged = [changes.get(_item_key(x), x) for x in base]
        merged = [x for x in merged if not (isinstance(x, dict) and x.get("remove"))]
        known = {_item_key(x) for x in base}
        return merged + [x for x in diff if _item_key(x) not in known and not x.get("remove")]
    return diff


def _merge_offences(table: dict, diff: Any) -> None:
    """Merge an offence list, or a derived edition's changes to it, into `table`. A class given
    `remove: true` does not exist in the derived edition."""
    for cls, entry in ((diff or {}).get("classes") or {}).items():
        cls = str(cls)
        if isinstance(entry, dict) and entry.get("remove"):
            table["classes"].pop(cls, None)
            continue
        current = table["classes"].setdefault(cls, {"offences": {}})
        for key, value in (entry or {}).items():
            if key == "offences":
                for code, off in (value or {}).items():
                    current["offences"][str(code)] = {**current["offences"].get(str(code), {}), **(off or {})}
            else:
                current[key] = value


REQUIRED_COUNTING = ("deadline", "not_notifiable", "one_crime_per_victim", "finished_incident", "principal_crime")


def _cited(entry: Any, fld: str, file: str, register: Register, problems: list[Problem],
           citations: dict[str, Citation]) -> Any:
    """A counting section or entry with its `cite` checked and rendered (a copy: the parsed YAML is shared)."""
    def report(node, f, msg, hint):
        problems.append(Problem(*where(node if node is not None else entry, (file, 0)), str(entry.get("id") or ""),
                                f"{fld}.{f}", msg, hint))
    citation = parse_citation(entry.get("cite"), register, report)
    out = Located(entry)
    out.file, out.line = where(entry, (file, 0))
    if citation:
        out["cite"] = str(citation)
        citations[str(entry.get("id"))] = citation
    return out


def _load_counting(data: Any, file: str, offences: OffenceTable, problems: list[Problem],
                   register: Register | None = None) -> Counting:
    register = register or Register()
    citations: dict[str, Citation] = {}
    at = where(data, (file, 0))
    data = Located(data)
    data.file, data.line = at
    def render(node: Any, fld: str) -> Any:
        """Every `cite` in the counting data, at any depth (sections, precedence entries, exceptions),
        checked against the register and rendered."""
        if isinstance(node, dict):
            if "cite" in node:
                node = _cited(node, fld, file, register, problems, citations)
            for k in list(node):
                if k != "cite" and isinstance(node[k], (dict, list)):
                    node[k] = render(node[k], f"{fld}.{k}")
            return node
        if isinstance(node, list):
            return [render(x, fld) for x in node]
        return node

    for name in list(data):
        if isinstance(data[name], (dict, list)):
            data[name] = render(data[name], name)
    for name in REQUIRED_COUNTING:
        if not isinstance(data.get(name), dict) or not data[name].get("id") or not data[name].get("cite"):
            problems.append(Problem(file, where(data)[1], "", name, "needs a section with `id` and `cite`"))
    pc = data.get("principal_crime") or {}
    ranking = []
    for entry in pc.get("ranking") or []:
        keys = set()
        classes = [str(c) for c in entry.get("classes") or []]
        for spec in entry.get("codes") or []:
            # a range may have gaps; each code, or at least one code of a range, must exist
            hits = {(c, code) for code in expand_codes(str(spec)) for c in classes if offences.get(c, code)}
            if not hits:
                problems.append(Problem(*where(entry, (file, 0)), "", "principal_crime.ranking",
                                        f"{entry.get('label')}: code {spec} is not listed under "
                                        f"any of {classes}"))
            keys |= hits
        ranking.append(RankEntry(str(entry.get("label", "")), frozenset(keys)))
    in_addition = []
    for entry in pc.get("recorded_in_addition") or []:
        for c in entry.get("classes") or []:
            if str(c) not in offences.classes:
                problems.append(Problem(*where(entry, (file, 0)), "", "recorded_in_addition",
                                        f"class {c} is not in the offence list"))
        in_addition.append({"id": entry.get("id"), "cite": entry.get("cite"),
                            "classes": {str(c) for c in entry.get("classes") or []}})
    from .counting import check_data  # the counting stage's own entries (precedence and the like)
    problems += [Problem(file, where(data)[1], "", "counting", msg) for msg in check_data(data, offences)]
    return Counting(dict(data), ranking, frozenset(pc.get("violent_groups") or []), in_addition, citations)


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


def _spec_for(vocab: Vocabulary, alias: str, attr: str, act_type: str) -> Attribute | None:
    if alias == "act":
        return vocab.act_attribute(act_type, attr)
    if attr == "age":
        return Attribute("age", "age", "integer")
    return vocab.person_attributes.get(attr)


def _load_assumptions(data: Any, file: str, vocab: Vocabulary, problems: list[Problem]) -> list[Assumption]:
    out: list[Assumption] = []
    for node in (data.get("assumptions") or []) if isinstance(data, dict) else []:
        aid = str(node.get("id") or "")
        line = where(node)[1]
        alias, _, attr = str(node.get("fact") or "").partition(".")
        if not aid or not node.get("cite") or not node.get("say") or "value" not in node:
            problems.append(Problem(file, line, aid, "assumptions", "needs id, cite, fact, value and say"))
            continue
        if alias not in ("act", "victim", "offender") or not attr:
            problems.append(Problem(file, line, aid, "fact", "must be act.<attribute>, victim.<attribute> or "
                                                             "offender.<attribute>"))
            continue
        types = [str(t) for t in node.get("act_types") or []] or [
            t for t in vocab.act_types if alias != "act" or attr in vocab.act_types[t].attributes]
        for t in types:
            spec = _spec_for(vocab, alias, attr, t) if t in vocab.act_types else None
            if spec is None:
                problems.append(Problem(file, line, aid, "fact", f"{alias}.{attr} is not an attribute of act "
                                                                 f"type {t!r}", suggest(t, vocab.act_types)))
                break
            try:
                value = spec.coerce(node["value"])
            except ValueError as exc:
                problems.append(Problem(file, line, aid, "value", str(exc)))
                break
        else:
            out.append(Assumption(aid, " ".join(str(node["cite"]).split()), alias, attr, tuple(types), value,
                                  " ".join(str(node["say"]).split())))
    return out


def _load_checklists(data: Any, file: str, vocab: Vocabulary, problems: list[Problem]) -> list[Checklist]:
    known = set(vocab.all_act_attributes()) | set(vocab.person_attributes) | set(vocab.incident_attributes) | {
        "place", "channel", "reporter_role", "force_area", "country"}
    out: list[Checklist] = []
    seen: set[str] = set()
    for node in (data.get("checklists") or []) if isinstance(data, dict) else []:
        cid = str(node.get("id") or "")
        line = where(node)[1]
        items = node.get("items") or {}
        if not cid or not node.get("cite") or not node.get("text") or not isinstance(items, dict) or not items:
            problems.append(Problem(file, line, cid, "checklists", "needs id, cite, text and items"))
            continue
        for attr in items:
            if attr not in known:
                problems.append(Problem(file, line, cid, "items", f"unknown attribute {attr!r}", suggest(attr, known)))
            elif attr in seen:
                problems.append(Problem(file, line, cid, "items", f"{attr!r} is already an item of another checklist"))
            seen.add(attr)
        out.append(Checklist(cid, " ".join(str(node["cite"]).split()), " ".join(str(node["text"]).split()),
                             {str(k): str(v) for k, v in items.items()}))
    return out


def load_edition(root: Path, base: Path | None = None, lint: bool = False) -> Edition:
    """Load and check one edition folder; raise RulebookError listing every problem found.

    ``lint`` adds the semantic checks of service.lint (about a second for a full edition): `hocr
    rules check` runs them; the service itself loads without them.
    """
    problems: list[Problem] = []
    base = base or root.parent

    def disp(p: Path) -> str:
        try:
            return str(p.relative_to(base.parent))
        except ValueError:
            return str(p)

    read_paths: list[Path] = []  # every file the edition is made of, for its revision

    def read(path: Path) -> Any:
        read_paths.append(path)
        if not path.exists():
            problems.append(Problem(disp(root / "edition.yaml"), 0, "", disp(path), "file not found"))
            return Located()
        try:
            return yamlsrc.load(path, disp(path)) or Located()
        except yamlsrc.YamlError as exc:
            problems.append(Problem(exc.file, exc.line, "", "", f"YAML error: {exc.message}"))
            return Located()

    def expand(folder: Path, entries: Any) -> list[Path]:
        """Manifest entries are paths or glob patterns relative to the edition folder."""
        out: list[Path] = []
        for entry in entries if isinstance(entries, list) else [entries]:
            entry = str(entry)
            if any(ch in entry for ch in "*?["):
                out += [p for p in sorted(folder.glob(entry)) if p.is_file() and p not in out]
            elif (folder / entry) not in out:
                out.append(folder / entry)
        return out

    def sources(folder: Path, chain: tuple[Path, ...] = ()) -> dict:
        """The files that make up an edition. An edition that `extends` another adds its own
        files to the base's, and says which base rules it removes or replaces."""
        manifest = read(folder / "edition.yaml")
        empty = {"vocab": [], "rules": [], "offences": [], "counting": [], "reported": None, "sources": [], "tables": [],
                 "remove": set(), "replace": set(), "manifest": manifest}
        if folder in chain:
            problems.append(Problem(disp(folder / "edition.yaml"), 0, "", "extends",
                                    "editions extend each other in a loop"))
            return empty
        parent = manifest.get("extends")
        src = sources(folder.parent / str(parent), chain + (folder,)) if parent else empty
        src["manifest"] = manifest
        own_vocab = expand(folder, manifest.get("vocabulary", [] if parent else "vocabulary.yaml"))
        src["vocab"] = src["vocab"] + own_vocab
        off = manifest.get("offences", None if parent else "data/offences.yaml")
        if off:
            src["offences"] = src["offences"] + [folder / str(off)]
        cnt = manifest.get("counting", None if parent else "general/counting.yaml")
        if cnt:
            src["counting"] = src["counting"] + [folder / str(cnt)]
        rep = manifest.get("reported_incidents", None if parent else "data/reported-incidents.yaml")
        if rep:
            src["reported"] = folder / str(rep)
        srcs = manifest.get("sources", None if parent else "data/sources.yaml")
        if srcs:
            src["sources"] = src["sources"] + [folder / str(srcs)]
        claimed = []
        for key, default in (("assumptions", "data/assumptions.yaml"), ("questions", "data/questions.yaml")):
            chosen = manifest.get(key, None if parent else default)
            if chosen:
                src[key] = folder / str(chosen)
                claimed.append(src[key])
        data_files = set(own_vocab) | {folder / str(x) for x in (off, cnt, rep, srcs) if x} | set(claimed)
        # tables (service/tables.py): the manifest's `tables`, else every other file in data/ that
        # holds `rows` (other data files, named by their own manifest keys, are not tables)
        if "tables" in manifest:
            own_tables = [f for f in expand(folder, manifest["tables"]) if f not in data_files]
        else:
            own_tables = [f for f in expand(folder, "data/*.yaml") if f not in data_files
                          and tables.is_table_file(f)]
        src["tables"] = src["tables"] + own_tables
        data_files |= set(src["tables"])
        src["own_rules"] = [f for f in expand(folder, manifest.get("rule_files") or []) if f not in data_files]
        src["rules"] = src["rules"] + src["own_rules"]
        src["review_vocab"] = src.get("review_vocab", []) + expand(folder, manifest.get("review_vocabulary") or [])
        src["review_rules"] = src.get("review_rules", []) + expand(folder, manifest.get("review_rules") or [])
        src["remove"] = set(map(str, manifest.get("remove_rules") or []))
        src["replace"] = set(map(str, manifest.get("replace_rules") or []))
        return src

    src = sources(root)
    manifest = src["manifest"]
    name = str(manifest.get("edition") or root.name)
    try:
        in_force = dt.date.fromisoformat(str(manifest.get("in_force_from")))
    except ValueError:
        problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], "", "in_force_from",
                                "needs a date such as 2026-04-01"))
        in_force = dt.date.min
    in_force_until = None
    if manifest.get("in_force_until"):
        try:
            in_force_until = dt.date.fromisoformat(str(manifest.get("in_force_until")))
        except ValueError:
            problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], "", "in_force_until",
                                    "needs a date such as 2023-03-31"))

    vocab = Vocabulary.merge([(read(f), disp(f)) for f in src["vocab"]], problems)
    offences_data: dict = {"classes": {}}
    for f in src["offences"]:
        _merge_offences(offences_data, read(f))
    offences = OffenceTable(offences_data)
    counting_data: Any = Located()
    for f in src["counting"]:
        counting_data = _deep_merge(counting_data, read(f))
    register: Register | None = None
    for f in src["sources"]:
        register = load_register(read(f), disp(f), problems, Problem, register)
    register = register or Register()
    counting_display = disp(src["counting"][-1]) if src["counting"] else "?"
    counting = _load_counting(counting_data, counting_display, offences, problems, register)
    reported = dict((read(src["reported"]) if src["reported"] else {}).get("classes") or {})
    parser = _RuleParser(vocab, offences, problems, reported, register)

    def table_problem(node: Any, row_id: str, fld: str, msg: str, hint: str) -> None:
        problems.append(Problem(*where(node, ("?", 0)), row_id, fld, msg, hint))

    lookup_tables: dict[str, tables.Table] = {}  # a later edition's table file merges into the base's
    for path in src["tables"]:
        t = tables.load_table(path.stem, read(path), disp(path), lookup_tables.get(path.stem), table_problem)
        if t is not None:
            lookup_tables[t.name] = t
    table_rows: dict[str, list[str]] = {}  # a table rule's id -> the ids of the rules of its rows

    rules: list[Rule | str] = []  # a str: a base rule this edition replaces, kept for its place
    own_files = set(src["own_rules"]) if manifest.get("extends") else set()
    own_replacing: dict[str, Rule] = {}
    dropped = src["remove"] | src["replace"]
    base_ids: set[str] = set()
    for path in src["rules"]:
        data = read(path)
        file = disp(path)
        nodes = []
        for node in (data.get("rules") or []) if isinstance(data, dict) else []:
            rows = tables.expand(node, lookup_tables, table_problem)
            if tables.lookup_spec(node) is not None:
                table_rows[str(node.get("id"))] = [str(n.get("id")) for n in rows]
            nodes += rows
        for node in nodes:
            node_id = str(node.get("id")) if isinstance(node, dict) else ""
            if path not in own_files and node_id in dropped:
                base_ids.add(node_id)  # not this edition's rule: not checked against its words
                if node_id in src["replace"]:
                    rules.append(node_id)
                continue
            rule = parser.rule(node, file)
            if not rule:
                continue
            if path in own_files and rule.id in src["replace"]:
                own_replacing[rule.id] = rule
            else:
                rules.append(rule)
                if path not in own_files:
                    base_ids.add(rule.id)
    for rid in sorted(src["remove"] | src["replace"]):
        if rid not in base_ids:
            problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], rid, "remove_rules",
                                    f"no rule {rid!r} in the base edition", suggest(rid, base_ids)))
    for rid in sorted(src["replace"] - set(own_replacing)):
        problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], rid, "replace_rules",
                                "listed as replaced, but this edition's own files define no rule with that id"))
    rules = [own_replacing[r] if isinstance(r, str) else r for r in rules
             if not isinstance(r, str) or r in own_replacing]

    reserved_ids = {counting.raw[s]["id"] for s in REQUIRED_COUNTING if isinstance(counting.raw.get(s), dict)}
    reserved_ids |= {e["id"] for e in counting.in_addition}
    nif = counting.raw.get("not_in_force")
    if nif is not None:  # optional: the reason given when an offence was not in force at the time
        if not isinstance(nif, dict) or any(not nif.get(k) for k in ("id", "cite", "sentence", "note", "disposition")):
            problems.append(Problem(counting_display, where(nif)[1], "", "not_in_force",
                                    "needs `id`, `cite`, `disposition`, `sentence` and `note`"))
        else:
            reserved_ids.add(nif["id"])
    from .counting import entry_ids
    reserved_ids |= entry_ids(counting.raw)
    seen: dict[str, Rule] = {}
    for r in rules:
        if r.id in seen or r.id in reserved_ids:
            first = seen.get(r.id)
            at = f" (first defined at {first.file}:{first.line})" if first else " (used by the counting rules)"
            problems.append(Problem(r.file, r.line, r.id, "id", "duplicate rule id" + at))
        seen[r.id] = r
    for r in rules:  # overriding a table rule overrides the rules of all its rows
        if any(o in table_rows and o not in seen for o in r.overrides):
            r.overrides = tuple(x for o in r.overrides
                                for x in (table_rows[o] if o in table_rows and o not in seen else [o]))
    for r in rules:
        for o in r.overrides:
            if o not in seen:
                problems.append(Problem(r.file, r.line, r.id, "overrides", f"overrides unknown rule {o!r}",
                                        suggest(o, seen)))
    # overrides must not loop
    graph = {r.id: [o for o in r.overrides if o in seen] for r in rules}
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> None:
        state[n] = 1
        for m in graph.get(n, []):
            if state.get(m) == 1:
                r = seen[n]
                problems.append(Problem(r.file, r.line, r.id, "overrides",
                                        "overrides form a loop: " + " -> ".join(path + [m])))
            elif m not in state:
                visit(m, path + [m])
        state[n] = 2

    for n in graph:
        if n not in state:
            visit(n, [n])

    if problems:
        raise RulebookError(problems)
    edition = Edition(name, str(manifest.get("title", name)), in_force, root, vocab, offences, counting, rules)
    edition.in_force_until = in_force_until
    edition.extends = str(manifest.get("extends") or "")
    if src.get("assumptions"):
        edition.assumptions = _load_assumptions(read(src["assumptions"]), disp(src["assumptions"]), vocab, problems)
    if src.get("questions"):
        edition.checklists = _load_checklists(read(src["questions"]), disp(src["questions"]), vocab, problems)
    # every file read so far (manifests, vocabularies, data, rules) and the review rule set's files
    edition.sources = register
    edition.revision = rules_revision([*read_paths, *src["review_vocab"], *src["review_rules"]], base)
    if problems:
        raise RulebookError(problems)
    if src.get("review_rules"):
        # requests to transfer, cancel or reclassify a recorded crime: a rule set of their own
        review_vocab = Vocabulary.merge([(read(f), disp(f)) for f in src["review_vocab"]], problems)
        review_parser = _RuleParser(review_vocab, offences, problems, reported, register)
        review_rules: list[Rule] = []
        for path in src["review_rules"]:
            data = read(path)
            for node in (data.get("rules") or []) if isinstance(data, dict) else []:
                rule = review_parser.rule(node, disp(path))
                if rule:
                    review_rules.append(rule)
        ids = [r.id for r in review_rules]
        for r in review_rules:
            if ids.count(r.id) > 1 or r.id in seen:
                problems.append(Problem(r.file, r.line, r.id, "id", "duplicate rule id"))
            for o in r.overrides:
                if o not in ids:
                    problems.append(Problem(r.file, r.line, r.id, "overrides", f"overrides unknown rule {o!r}",
                                            suggest(o, ids)))
        if problems:
            raise RulebookError(problems)
        edition.reviews = Edition(f"{name}/reviews", edition.title, in_force, root, review_vocab, offences,
                                  counting, review_rules)
        edition.reviews.sources = register
        edition.reviews.ruleset_json = compile_ruleset(review_rules)
        edition.reviews.ruleset_joins = join_table(edition.reviews.ruleset_json)
    from .counting import ranker_for
    from .decision.precedence import declared_overriders

    for ed in (edition, edition.reviews):
        if ed is not None:  # precedence from the declared data, then the explicit exceptions
            ed.overriders, ed.ranked_precedence = declared_overriders(ed.rules, ranker_for(ed))
    if lint:
        from .lint import lint as run_lint

        problems, edition.warnings = run_lint(edition)
        if problems:
            raise RulebookError(problems)
    edition.ruleset_json = compile_ruleset(rules)
    edition.ruleset_joins = join_table(edition.ruleset_json)
    return edition


def rules_revision(paths: Iterable[Path], base: Path) -> str:
    """A digest of the files an edition was loaded from (path relative to the rules folder, and
    content): any change to a rule or data file of the edition changes it; a copy of the rules
    folder elsewhere has the same one."""
    h = hashlib.sha256()
    for p in sorted(set(paths)):
        try:
            rel = p.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = p.as_posix()
        h.update(rel.encode("utf-8") + b"\0")
        h.update(p.read_bytes() if p.exists() else b"")
        h.update(b"\0")
    return h.hexdigest()[:16]


def load_editions(rules_dir: Path, lint: bool = False) -> dict[str, Edition]:
    """Every edition folder under rules_dir (a folder holding edition.yaml), checked."""
    editions: dict[str, Edition] = {}
    problems: list[Problem] = []
    for manifest in sorted(rules_dir.glob("*/edition.yaml")):
        try:
            e = load_edition(manifest.parent, rules_dir, lint=lint)
            editions[e.name] = e
        except RulebookError as exc:
            problems.extend(exc.problems)
    if problems:
        raise RulebookError(problems)
    if not editions:
        raise RulebookError([Problem(str(rules_dir), 0, "", "", "no edition found (no */edition.yaml)")])
    return editions


def default_rules_dir() -> Path:
    import os

    env = os.environ.get("HOCR_RULES_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "rules"
