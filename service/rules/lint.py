"""Semantic checks of an edition's rules, beyond the schema checks done while loading.

* a rule that can never fire (its own conditions contradict each other);
* a rule that can never take effect (a rule that overrides it fires whenever it fires);
* two rules that can classify the same facts differently with no order between them: neither is
  put first by an explicit override, a declared specificity entry or the principal crime ranking
  (edition.overriders holds all three, service/decision/precedence.py), and no third rule that
  takes precedence over both fires whenever both fire;
* offence data that does not agree with the edition's offence list (see offence_data).

Facts are reasoned about one attribute at a time: an attribute's possible values are its
vocabulary values (or yes/no), "not given", and for numbers and text the boundary points of the
rules' own constants, which is enough to decide every condition the rule language can express.
"""
from __future__ import annotations

import functools
import re
from itertools import combinations

from .model import Edition, Rule, Test, expand_codes
from .problems import Problem

_FRESH = object()  # a value no rule mentions


def _at(r: Rule) -> tuple[str, int]:
    """Where a finding about a rule is reported: a table row's rule at the row (file and line)."""
    return (r.row[2], r.row[3]) if r.row else (r.file, r.line)


def _act_types(tests: list[Test], edition: Edition) -> list[str]:
    """The act types a set of conditions allows (an attribute means different things on each)."""
    return list(_act_types_cached(tuple(tests), tuple(edition.vocab.act_types)))


@functools.lru_cache(maxsize=None)
def _act_types_cached(tests: tuple[Test, ...], types: tuple[str, ...]) -> tuple[str, ...]:
    for t in tests:
        if t.attr == "type":
            types = tuple(x for x in types if _holds(t, x))
    return types


def _domain(edition: Edition, alias: str, attr: str, tests: list[Test], act_types: list[str] | None = None) -> list:
    v = edition.vocab
    spec = None
    if alias == "act" and attr not in ("type", "has_victim"):
        values: list = []
        kinds = set()
        for name in act_types if act_types is not None else list(v.act_types):
            a = v.act_types[name].attributes.get(attr)
            if a is not None:
                kinds.add(a.kind)
                values += [x for x in a.values if x not in values]
        if kinds == {"enum"}:
            return values + [None]
        if kinds == {"boolean"}:
            return [True, False, None]
        spec = None
    elif alias in ("victim", "offender"):
        spec = v.person_attributes.get(attr)
    elif alias == "incident":
        spec = v.incident_attributes.get(attr)
    finite = {
        ("act", "type"): list(v.act_types), ("relationship", "kind"): list(v.relationship_kinds),
        ("incident", "reporter_role"): list(v.reporter_roles), ("incident", "channel"): list(v.channels),
        ("incident", "place"): list(v.places),
    }.get((alias, attr))
    if spec is not None and spec.kind == "enum":
        finite = list(spec.values)
    elif (spec is not None and spec.kind == "boolean") or attr in (
            "personally_connected", "contradicts", "credible", "immediately_available", "has_victim"):
        finite = [True, False]
    if finite is not None:
        return finite + [None]
    points: set = {None, _FRESH}
    for t in tests:
        values = t.value if isinstance(t.value, tuple) else (t.value,)
        for c in values:
            if isinstance(c, (int, float)) and not isinstance(c, bool):
                points |= {c - 1, c, c + 1}
            elif c is not None:
                points.add(c)
    return list(points)


@functools.lru_cache(maxsize=None)
def _holds(t: Test, value) -> bool:
    if value is _FRESH:
        value = "\x00fresh"
    try:
        return t.evaluate({} if value is None else {t.attr: value}) is True
    except TypeError:
        return False


def _constraints(rules: list[Rule]) -> dict[tuple[str, str], list[Test]]:
    out: dict[tuple[str, str], list[Test]] = {}
    for r in rules:
        for p in r.patterns:
            for t in p.tests:
                out.setdefault((p.alias, t.attr), []).append(t)
    return out


@functools.lru_cache(maxsize=None)
def _satisfying(tests: tuple[Test, ...], domain: tuple) -> list:
    return [x for x in domain if all(_holds(t, x) for t in tests)]


def _allowed(edition: Edition, cons: dict[tuple[str, str], list[Test]],
             extra: dict[tuple[str, str], list[Test]] | None = None) -> dict[tuple[str, str], list] | None:
    """Values each constrained attribute may take when every rule's conditions hold; None if none."""
    out = {}
    act_types = _act_types(cons.get(("act", "type"), []), edition)
    if not act_types:
        return None
    for key, tests in cons.items():
        domain = _domain(edition, key[0], key[1], tests + ((extra or {}).get(key) or []), act_types)
        values = _satisfying(tuple(tests), tuple(domain))
        if not values:
            return None
        out[key] = values
    return out


def _implied(rule: Rule, allowed: dict[tuple[str, str], list], edition: Edition) -> bool:
    """Does `rule` fire on every assignment the allowed values permit?"""
    aliases = {p.alias for p in rule.patterns}
    for alias in aliases - {"act", "incident"}:
        # a rule joining a fact the others do not mention (e.g. evidence) is not implied
        if not any(k[0] == alias for k in allowed) and alias not in ("victim", "offender"):
            return False
    for p in rule.patterns:
        for t in p.tests:
            values = allowed.get((p.alias, t.attr))
            if values is None:
                types = allowed.get(("act", "type"))
                values = _domain(edition, p.alias, t.attr, [t], types)
            if not all(_holds(t, x) for x in values):
                return False
    return True


_CODE = re.compile(r"\b\d{3}/\d{2}\b")
_PAIR = re.compile(r"\b([0-9]{1,3}[A-Z]?|[0-9]/[0-9]{1,2}|NFIB[0-9]+[A-Z]?)\s*\(?\s*(\d{3}/\d{2})\b")


def offence_data(edition: Edition) -> list[Problem]:
    """Every Home Office code the edition can produce is in its offence list under the same class.

    * a classification a rule produces (class and code; several classes may share one code) and
      the titles a decision shows for it come from the list;
    * each class of a principal crime ranking entry has at least one of the entry's codes (a
      class with none can never be ranked by that entry);
    * a rule that names a class and code in its summary names the one it classifies to;
    * the list's dates are in order (an offence cannot cease before it comes into force).
    """
    out: list[Problem] = []
    offences = edition.offences
    for r in edition.rules:
        target = r.consequence("classify")
        if not target:
            continue
        off = offences.get(*target)
        if off is None:
            out.append(Problem(*_at(r), r.id, "then.classify",
                               f"{target[0]} {target[1]} is not in the edition's offence list"))
            continue
        if not off.class_title or not off.title:
            out.append(Problem(*_at(r), r.id, "then.classify",
                               f"{target[0]} {target[1]} has no title in the offence list"))
        named = {(c, code) for c, code in _PAIR.findall(r.summary)}
        if named and target not in named:
            c, code = sorted(named)[0]
            out.append(Problem(*_at(r), r.id, "summary",
                               f"names {c} {code} but classifies to {target[0]} {target[1]}"))
    for (cls, code), off in offences.by_key.items():
        if off.in_force_from and off.ceased and off.ceased <= off.in_force_from:
            out.append(Problem("offence list", 0, "", f"{cls} {code}", "ceases before it comes into force"))
    common = edition.vocab.common_act_attributes
    for r in edition.rules:
        p = r.pattern("act")
        if p is None or any(t.attr == "has_victim" and t.op == "eq" and t.value is False for t in p.tests):
            continue
        for t in p.tests:
            spec = common.get(t.attr)
            if spec is None or not spec.victimless_only:
                continue
            generic = [name for name in (r.act_types or edition.vocab.act_types)
                       if edition.vocab.act_types[name].attributes.get(t.attr) is spec]
            if generic:
                out.append(Problem(*_at(r), r.id, f"when.act.{t.attr}",
                                   f"asks the question for an act with no victim of act type(s) "
                                   f"{', '.join(generic)}, which may have a victim: test `has_victim: false`, "
                                   f"or word {t.attr} for the act type in its vocabulary"))
    pc = edition.counting.raw.get("principal_crime") or {}
    for entry in pc.get("ranking") or []:
        codes = [c for spec in entry.get("codes") or [] for c in expand_codes(str(spec))]
        for cls in entry.get("classes") or []:
            if not any(offences.get(str(cls), c) for c in codes):
                out.append(Problem(*_where(entry), "", "principal_crime.ranking",
                                   f"{entry.get('label')}: class {cls} has none of the codes "
                                   f"{', '.join(map(str, entry.get('codes') or []))} in the offence list"))
    return out


def _dated(rule: Rule, edition: Edition) -> bool:
    """A rule classifying to an offence with a commencement or repeal date is set aside for acts
    outside those dates: a rule it overrides still takes effect then."""
    target = rule.consequence("classify")
    off = edition.offences.get(*target) if target else None
    return off is not None and (off.in_force_from is not None or off.ceased is not None)


def _where(node) -> tuple[str, int]:
    return getattr(node, "file", "?"), getattr(node, "line", 0)


def lint(edition: Edition) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings). Rules that can never fire or never take effect are errors; two rules
    classifying the same facts differently with no order between them are warnings (errors
    under `rules check --strict`): the author must say which applies."""
    problems: list[Problem] = offence_data(edition)
    warnings: list[Problem] = []
    rules = edition.rules
    overriders = edition.overriders
    satisfiable: dict[str, dict | None] = {}
    for r in rules:
        allowed = _allowed(edition, _constraints([r]))
        satisfiable[r.id] = allowed
        if allowed is None:
            problems.append(Problem(*_at(r), r.id, "when", "can never fire: its conditions contradict each other"))
            continue
        for o in sorted(overriders.get(r.id, ())):
            other = edition.rule_by_id[o]
            if _implied(other, allowed, edition) and not _dated(other, edition):
                problems.append(Problem(*_at(r), r.id, "overrides",
                                        f"can never take effect: {o} overrides it and fires whenever it fires"))
                break
    classifiers = [r for r in rules if r.consequence("classify") and satisfiable.get(r.id) is not None]
    for a, b in combinations(classifiers, 2):
        if a.consequence("classify") == b.consequence("classify"):
            continue
        if a.id in overriders.get(b.id, ()) or b.id in overriders.get(a.id, ()):
            continue
        if a.act_types and b.act_types and not set(a.act_types) & set(b.act_types):
            continue
        both = _allowed(edition, _constraints([a, b]))
        if both is None:
            continue
        common = overriders.get(a.id, frozenset()) & overriders.get(b.id, frozenset())
        if any(_implied(edition.rule_by_id[c], both, edition) for c in common):
            continue
        ca, cb = a.consequence("classify"), b.consequence("classify")
        warnings.append(Problem(*_at(b), b.id, "overrides",
                                f"classifies as {cb[0]} {cb[1]} facts that {a.id} ({':'.join(map(str, _at(a)))}) classifies as "
                                f"{ca[0]} {ca[1]}, and neither overrides the other: say which takes precedence"))
    return problems, warnings
