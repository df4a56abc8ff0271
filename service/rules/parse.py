"""YAML -> model: the parsers of an edition's files, each mistake a Problem with file, line, rule,
field and a "did you mean" where one is close.

One file's data at a time: ``load`` reads the files, merges what editions share and calls these.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from .citations import Citation, Register, parse_citation
from .counting import check_data
from .model import (
    CONSEQUENCES,
    COUNT_UNITS,
    DISPOSITIONS,
    ENVELOPE_ATTRS,
    PATTERN_ORDER,
    RESERVED,
    ActType,
    Ask,
    Assumption,
    Attribute,
    Checklist,
    Classify,
    Consequence,
    Count,
    Counting,
    Flag,
    Negate,
    Note,
    Offence,
    OffenceTable,
    Pattern,
    Permit,
    RankEntry,
    ReportedIncident,
    Review,
    Rule,
    Test,
    Vocabulary,
    expand_codes,
)
from .problems import Problem, suggest
from .yamlsrc import Located, where

OPS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte", "in": "in",
       "not_in": "not_in", "present": "present"}

# ---------------------------------------------------------------------------------------- vocabulary


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


def vocabulary(data: Any, file: str, problems: list[Problem]) -> Vocabulary:
    """One vocabulary file (the edition's, or an offence group's)."""
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
    return Vocabulary(
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



# ---------------------------------------------------------------------------------------- offences


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))



def offence_table(data: Any) -> OffenceTable:
    """The (merged) offence list: classes with their offences."""
    by_key: dict[tuple[str, str], Offence] = {}
    classes: dict[str, dict] = {}
    for cls, entry in (data.get("classes") or {}).items():
        cls = str(cls)
        classes[cls] = entry
        for code, off in (entry.get("offences") or {}).items():
            by_key[(cls, str(code))] = Offence(
                cls, str(code), str(entry.get("title", "")), str(off.get("title", "")),
                str(entry.get("group", "")), str(entry.get("subgroup", "")),
                off.get("max_months"), str(off.get("basis", "unknown")), bool(off.get("current", True)),
                _date_or_none(off.get("in_force_from")), _date_or_none(off.get("ceased")))
    return OffenceTable(by_key, classes)


# ---------------------------------------------------------------------------------------- rules


class RuleParser:
    """Rule mappings of one vocabulary and offence list -> Rule, collecting the problems found."""

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
            parse = CONSEQUENCE_PARSERS.get(kind)
            if parse is None:
                self.problem(spec, rule_id, fld, f"unknown consequence {kind!r}", suggest(kind, CONSEQUENCES))
                continue
            consequence = parse(self, _Then(spec, rule_id, fld, patterns.get("act_types")), value)
            if consequence is not None:
                out.append(consequence)
        return tuple(out)

    # One parser per consequence kind: (where it is written, its value) -> the consequence, or None
    # after reporting the problem against the rule's `then`.

    def classify(self, at: "_Then", value: Any) -> Classify | None:
        if not isinstance(value, dict) or set(value) != {"class", "code"}:
            return at.problem(self, "needs exactly `class` and `code`")
        cls, code = str(value["class"]), str(value["code"])
        if cls not in self.offences.classes:
            return at.problem(self, f"class {cls!r} is not in the edition's offence list",
                              suggest(cls, self.offences.classes))
        off = self.offences.get(cls, code)
        if off is None:
            return at.problem(self, f"code {code!r} is not listed under class {cls}",
                              suggest(code, self.offences.codes_of(cls)))
        if not off.current:
            at.problem(self, f"{cls} {code} is no longer a current notifiable offence")
        return Classify(cls, code)

    def negate(self, at: "_Then", value: Any) -> Negate | None:
        if not isinstance(value, dict) or not value.get("say") or not set(value) <= {"disposition", "say", "record", "to"}:
            return at.problem(self, "needs `disposition` and a `say` sentence (and `record` "
                              "for a notifiable incident)")
        disp = value.get("disposition")
        if disp not in DISPOSITIONS:
            return at.problem(self, f"disposition {disp!r} is not one of "
                              f"{', '.join(DISPOSITIONS)}", suggest(str(disp), DISPOSITIONS))
        record = value.get("record")
        incident = ReportedIncident()
        if disp == "notifiable_incident":
            if not isinstance(record, dict) or set(record) != {"class", "code"}:
                return at.problem(self, "a notifiable incident needs `record: {class, code}`")
            cls, code = str(record["class"]), str(record["code"])
            known = self.reported.get(cls, {})
            if str(code) not in (known.get("incidents") or {}):
                choices = [f"{c} {k}" for c, v in self.reported.items() for k in (v.get("incidents") or {})]
                return at.problem(self, f"{cls} {code} is not a notifiable reported incident "
                                  "of this edition", suggest(f"{cls} {code}", choices))
            incident = ReportedIncident(cls, code, str(known["incidents"][code]))
        elif record is not None:
            return at.problem(self, "`record` goes only with disposition notifiable_incident")
        to = value.get("to")
        if (to is None) != (disp != "transfer"):
            return at.problem(self, "a transfer needs `to` (who records it: a name, or "
                              "incident.<field> such as incident.force_area); only a transfer has one")
        if to is not None and str(to).startswith(("incident.", "act.")):
            alias, _, name = str(to).partition(".")
            known = self.attrs_for(alias, at.act_types if alias == "act" else None)
            if name not in known:
                return at.problem(self, f"unknown {alias} field {name!r}", suggest(name, known))
        return Negate(disp, " ".join(str(value["say"]).split()), incident, str(to) if to is not None else "")

    def ask(self, at: "_Then", value: Any) -> Ask:
        items = value if isinstance(value, list) else [value]
        asks = []
        for item in items:
            alias, _, attr = str(item).partition(".")
            if alias not in ("act", "victim", "offender", "incident"):
                at.problem(self, f"cannot ask about {alias!r}; use act, victim, offender or incident")
                continue
            known = self.attrs_for(alias, at.act_types)
            spec_attr = known.get(attr)
            # envelope fields with a question of their own (envelope_questions) may be asked too
            asked_envelope = attr in ("age", "sex") or (
                alias == "incident" and attr in ("reporter_role", "channel", "place"))
            if attr not in known or (spec_attr is None and not asked_envelope):
                at.problem(self, f"unknown attribute {attr!r} for {alias}", suggest(attr, known))
                continue
            asks.append((alias, attr))
        return Ask(asks)

    def count(self, at: "_Then", value: Any) -> Count | None:
        # offence-specific counting: what one crime is counted per, and whether the crime
        # is recorded alone (not folded into another by the principal crime rule)
        if not isinstance(value, dict) or not set(value) <= {"per", "alone"} or not value:
            return at.problem(self, "takes `per: victim|offender|act.<attribute>` and/or `alone: true`")
        per = str(value.get("per", "victim"))
        if per.startswith("act."):
            known = self.attrs_for("act", at.act_types)
            if per[4:] not in known:
                return at.problem(self, f"unknown act attribute {per[4:]!r}", suggest(per[4:], known))
        elif per not in COUNT_UNITS:
            return at.problem(self, f"`per` must be victim, offender or act.<attribute>, not {per!r}")
        alone = value.get("alone", False)
        if not isinstance(alone, (bool, str)) or alone == "":
            return at.problem(self, "`alone` is true, or the name of a family of offences "
                              "counted together but apart from other crimes (e.g. drugs)")
        return Count(per, alone)

    def flag(self, at: "_Then", value: Any) -> Flag | None:
        name, val = (value, "") if not isinstance(value, dict) else (value.get("name"), value.get("value", ""))
        if name not in self.vocab.flags:
            return at.problem(self, f"unknown flag {name!r}", suggest(str(name), self.vocab.flags))
        allowed = self.vocab.flags[name].get("values")
        if allowed and val not in allowed:
            return at.problem(self, f"flag value {val!r} not in {allowed}", suggest(str(val), allowed))
        return Flag(str(name), str(val or ""))

    def sentence(self, at: "_Then", value: Any, kind: type) -> Any:
        if not isinstance(value, str) or not value.strip():
            return at.problem(self, "needs a sentence")
        return kind(" ".join(value.split()))

    def note(self, at: "_Then", value: Any) -> Note | None:
        return self.sentence(at, value, Note)

    def review(self, at: "_Then", value: Any) -> Review | None:
        return self.sentence(at, value, Review)

    def permit(self, at: "_Then", value: Any) -> Permit | None:
        return self.sentence(at, value, Permit)

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


class _Then:
    """Where a consequence is written (the rule's `then` mapping, its rule id and field), and the act
    types its rule is about: what a consequence parser needs to report a problem or check a field."""
    __slots__ = ("node", "rule_id", "fld", "act_types")

    def __init__(self, node: Any, rule_id: str, fld: str, act_types: tuple[str, ...] | None):
        self.node, self.rule_id, self.fld, self.act_types = node, rule_id, fld, act_types

    def problem(self, parser: RuleParser, msg: str, hint: str = "") -> None:
        parser.problem(self.node, self.rule_id, self.fld, msg, hint)
        return None


CONSEQUENCE_PARSERS: dict[str, Callable[[RuleParser, _Then, Any], Consequence | None]] = {
    "classify": RuleParser.classify,
    "negate": RuleParser.negate,
    "ask": RuleParser.ask,
    "flag": RuleParser.flag,
    "note": RuleParser.note,
    "review": RuleParser.review,
    "count": RuleParser.count,
    "permit": RuleParser.permit,
}
assert tuple(CONSEQUENCE_PARSERS) == CONSEQUENCES


# ---------------------------------------------------------------------------------------- counting


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


def load_counting(data: Any, file: str, offences: OffenceTable, problems: list[Problem],
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
    # the counting stage's own entries (precedence and the like)
    problems += [Problem(file, where(data)[1], "", "counting", msg) for msg in check_data(data, offences)]
    return Counting(dict(data), ranking, frozenset(pc.get("violent_groups") or []), in_addition, citations)



# ---------------------------------------------------------------------------------------- assumptions, checklists


def _spec_for(vocab: Vocabulary, alias: str, attr: str, act_type: str) -> Attribute | None:
    if alias == "act":
        return vocab.act_attribute(act_type, attr)
    if attr == "age":
        return Attribute("age", "age", "integer")
    return vocab.person_attributes.get(attr)


def load_assumptions(data: Any, file: str, vocab: Vocabulary, problems: list[Problem],
                     register: Register | None = None) -> list[Assumption]:
    register = register or Register()
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
            def report(at, fld, msg, hint, node=node, aid=aid, line=line):
                problems.append(Problem(*where(at if at is not None else node, (file, line)), aid, fld, msg, hint))
            citation = parse_citation(node["cite"], register, report)
            if citation is not None:
                out.append(Assumption(aid, str(citation), alias, attr, tuple(types), value,
                                      " ".join(str(node["say"]).split())))
    return out


def load_checklists(data: Any, file: str, vocab: Vocabulary, problems: list[Problem]) -> list[Checklist]:
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
