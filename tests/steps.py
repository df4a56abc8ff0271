"""The shared step vocabulary of the feature files.

A small set of steps that rule authors combine: people, relationships, acts and their attributes,
evidence, how the incident was reported; then what was decided. English words are mapped onto the
vocabulary of the edition (``ex-partner`` -> ``ex_partner``, ``use of force`` -> ``use_of_force``);
no step knows about any particular offence.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from pytest_bdd import given, parsers, then, when

from service.api import InvalidIncident, NoEdition

SEXES = {"woman": "female", "man": "male", "girl": "female", "boy": "male", "person": None}


def word(text: str) -> str:
    """'ex-partner' -> 'ex_partner'; 'use of force' -> 'use_of_force'; drops a leading article."""
    text = re.sub(r"^(the|a|an) ", "", text.strip().lower())
    return re.sub(r"[\s\-]+", "_", text)


def names(text: str) -> list[str]:
    return re.findall(r'"([^"]+)"', text) or [t.strip() for t in text.split(",") if t.strip()]


def when_(text: str) -> str:
    return text.strip().replace(" ", "T") if "T" not in text else text.strip()


def value(text: str) -> str:
    """An answer as the vocabulary spells it: 'emergency worker' -> 'emergency_worker'."""
    return re.sub(r"[\s\-]+", "_", text.strip())


@pytest.fixture
def world(request, service):
    return {"scenario": _scenario_name(request), "service": service,
            "incident": {"id": "INC-TEST", "reporter": {"role": "victim"}, "persons": [], "relationships": [],
                         "acts": [], "evidence": [], "prior_records": [], "attributes": {}},
            "decision": None, "error": None, "crime": None}


def _scenario_name(request) -> str:
    """'<feature file>: <scenario title>' (with the example row for a Scenario Outline)."""
    from pytest_bdd.reporting import scenario_reports_registry

    report = scenario_reports_registry.get(request.node)
    if report is None:
        return request.node.name
    sc = report.scenario
    name = f"{sc.feature.rel_filename}: {sc.name}"
    callspec = getattr(request.node, "callspec", None)
    return name + (f" [{callspec.id}]" if callspec is not None else "")


def _person(world, pid: str) -> dict:
    for p in world["incident"]["persons"]:
        if p["id"] == pid:
            return p
    p = {"id": pid, "attributes": {}}
    world["incident"]["persons"].append(p)
    return p


def _act(world, aid: str) -> dict:
    for a in world["incident"]["acts"]:
        if a["id"] == aid:
            return a
    raise AssertionError(f"no act {aid!r} has been described yet")


# ------------------------------------------------------------------------------------ given


@given(parsers.re(r'an incident reported at "(?P<ts>[^"]+)" by (?P<reporter>.+)'))
def incident_reported(world, ts, reporter):
    world["incident"]["reported_at"] = when_(ts)
    world["incident"]["reporter"] = {"role": word(reporter)}


@given(parsers.re(r'"(?P<pid>[^"]+)" is an? (?P<sex>woman|man|girl|boy|person) aged (?P<age>\d+)'))
def person_aged(world, pid, sex, age):
    p = _person(world, pid)
    p["age"] = int(age)
    if SEXES[sex]:
        p["sex"] = SEXES[sex]


@given(parsers.re(r'"(?P<pid>[^"]+)" is an? (?P<sex>woman|man|girl|boy|person) of unknown age'))
def person_unknown_age(world, pid, sex):
    p = _person(world, pid)
    if SEXES[sex]:
        p["sex"] = SEXES[sex]


@given(parsers.re(r'"(?P<pid>[^"]+)" has (?P<attr>[\w ]+) "(?P<val>[^"]*)"'))
def person_attribute(world, pid, attr, val):
    _person(world, pid)["attributes"][word(attr)] = value(val)


@given(parsers.re(r'"(?P<a>[^"]+)" is the (?P<kind>[\w\- ]+) of "(?P<b>[^"]+)"'))
def relationship(world, a, kind, b):
    world["incident"]["relationships"].append({"a": a, "b": b, "kind": word(kind)})


@given(parsers.re(r'act "(?P<aid>[^"]+)" is an? (?P<kind>[\w ]+?) by (?P<by>.+?) against "(?P<victim>[^"]+)"$'))
def act_against(world, aid, kind, by, victim):
    world["incident"]["acts"].append({"id": aid, "type": word(kind), "by": names(by), "against": victim,
                                      "attributes": {}})


@given(parsers.re(r'act "(?P<aid>[^"]+)" is an? (?P<kind>[\w ]+?) by (?P<by>"[^"]+"(?:(?:, | and )"[^"]+")*)$'))
def act_without_victim(world, aid, kind, by):
    """An act with no victim (an offence against the state, or a victim not yet known)."""
    world["incident"]["acts"].append({"id": aid, "type": word(kind), "by": names(by), "attributes": {}})


@given(parsers.re(r'act "(?P<aid>[^"]+)" has (?P<attr>[\w ]+) "(?P<val>[^"]*)"'))
def act_attribute(world, aid, attr, val):
    _act(world, aid)["attributes"][word(attr)] = value(val)


@given(parsers.re(r'act "(?P<aid>[^"]+)" happened at "(?P<ts>[^"]+)"'))
def act_time(world, aid, ts):
    _act(world, aid)["occurred_at"] = when_(ts)


@given(parsers.parse("the acts are:"), target_fixture="acts_table")
def acts_table(world, datatable):
    header, *rows = datatable
    for row in rows:
        cells = dict(zip(header, row, strict=False))
        act = {"id": cells.pop("act"), "type": word(cells.pop("type")), "by": names(cells.pop("by")),
               "attributes": {}}
        victim = cells.pop("against", "")
        if victim:
            act["against"] = victim
        at = cells.pop("at", "")
        if at:
            act["occurred_at"] = when_(at)
        for k, v in cells.items():
            if v.strip():
                act["attributes"][word(k)] = value(v)
        world["incident"]["acts"].append(act)
    return rows


@given(parsers.re(r'(?P<cred>credible|unreliable) evidence (?P<avail>immediately available|only available later) '
                  r'contradicts act "(?P<aid>[^"]+)"'))
def contradicting_evidence(world, cred, avail, aid):
    n = len(world["incident"]["evidence"]) + 1
    world["incident"]["evidence"].append({"id": f"E{n}", "acts": [aid], "contradicts": True,
                                          "credible": cred == "credible",
                                          "immediately_available": avail == "immediately available"})


@given(parsers.re(r'the incident has (?P<attr>[\w ]+) "(?P<val>[^"]*)"'))
def incident_attribute(world, attr, val):
    world["incident"]["attributes"][word(attr)] = value(val)


@given(parsers.re(r'it happened in the "(?P<area>[^"]+)" force area'))
def force_area(world, area):
    world["incident"].setdefault("location", {})["force_area"] = area


@given(parsers.re(r'it happened (?:at|in|on) an? (?P<place>[\w ]+)$'))
def place(world, place):
    world["incident"].setdefault("location", {})["place"] = word(place)


@given(parsers.re(r'the report came by (?P<channel>[\w ]+)$'))
def channel(world, channel):
    world["incident"]["reporter"]["channel"] = word(channel)


@given(parsers.re(r'a crime "(?P<ref>[^"]+)" by "(?P<off>[^"]+)" against "(?P<victim>[^"]+)" '
                  r'was reported to police at "(?P<ts>[^"]+)"'))
def prior_record(world, ref, off, victim, ts):
    world["incident"]["prior_records"].append({"reference": ref, "victim": victim, "offenders": [off],
                                               "reported_at": when_(ts)})


@given(parsers.re(r'the report is missing its (?P<field>[\w]+)'))
def drop_field(world, field):
    world["incident"].pop(field, None)


@given("the officer's answers are:", target_fixture="answers")
def officer_answers(world, datatable):
    header, *rows = datatable
    assert header == ["field", "answer"], header
    world["answers"] = {field: answer for field, answer in rows}
    return world["answers"]


@given(parsers.re(r'a recorded crime "(?P<ref>[^"]+)" of (?P<cls>[\w/]+) "(?P<code>[^"]+)"(?: recorded at "(?P<ts>[^"]+)")?$'))
def recorded_crime(world, ref, cls, code, ts):
    world["review"] = {"crime": {"reference": ref, "classification": cls, "ho_code": code,
                                 "recorded_at": when_(ts or "2026-06-01T10:00:00Z")}, "facts": {}}


@given(parsers.re(r'a request to (?P<action>transfer|cancel|reclassify) it(?: under (?P<code>C\d))?'))
def review_request(world, action, code):
    world["review"]["action"] = action
    if code:
        world["review"]["code"] = code


@given(parsers.re(r'the request has (?P<attr>[\w ]+) "(?P<val>[^"]*)"'))
def review_fact(world, attr, val):
    world["review"]["facts"][word(attr)] = value(val)


@given("the request brings the incident as now known")
def review_incident(world):
    world["review"]["incident"] = world["incident"]


# ------------------------------------------------------------------------------------ when


def _decide(service, world, as_of: str | None, edition: str | None = None):
    inc = world["incident"]
    if as_of is None:
        reported = dt.datetime.fromisoformat(inc["reported_at"].replace("Z", "+00:00"))
        as_of_t = reported + dt.timedelta(hours=1)
    else:
        as_of_t = dt.datetime.fromisoformat(when_(as_of).replace("Z", "+00:00"))
    try:
        world["decision"] = service.decide(inc, edition=edition, as_of=as_of_t).to_dict()
    except (InvalidIncident, NoEdition) as exc:
        world["error"] = exc
        return
    d = world["decision"]
    scenario = world["scenario"]
    used = {f["rule_id"] for f in d["trace"]} | {r for c in d["crimes"] for r in c["rule_ids"]} \
        | {n["reason_code"] for n in d["negations"]}
    for rule_id in used:
        service.fired_rules.add(rule_id)
        service.coverage["rules"].setdefault(rule_id, set()).add(scenario)
    for c in d["crimes"]:
        service.coverage["classifications"].setdefault(f"{c['classification']} {c['ho_code']}", set()).add(scenario)


@when("the incident is decided")
def decided(service, world):
    _decide(service, world, None)


@when(parsers.re(r'the incident is decided under edition "(?P<name>[^"]+)"'))
def decided_under(service, world, name):
    _decide(service, world, None, edition=name)


@when(parsers.re(r'the incident is decided at "(?P<ts>[^"]+)"'))
def decided_at(service, world, ts):
    _decide(service, world, ts)


def _summary(d: dict) -> tuple:
    return (d["outcome"],
            sorted((c["classification"], c["ho_code"], c["victim"], tuple(c["acts"]),
                    tuple(sorted(f["name"] + f["value"] for f in c["flags"]))) for c in d["crimes"]),
            sorted((n["act"], n["reason_code"]) for n in d["negations"]))


@when("the officer answers the questions one at a time")
def answer_one_at_a_time(service, world):
    import copy

    from service.decision.answers import apply_answer

    answers = world["answers"]
    world["start"] = copy.deepcopy(world["incident"])
    asked: list[str] = []
    given: dict[str, str] = {}
    for _ in range(60):
        _decide(service, world, None)
        questions = _d(world)["questions"]
        if not questions:
            break
        q = questions[0]
        field = q["field"]
        if q.get("items"):  # a checklist: the officer goes down its items once, one answer
            for item in q["items"]:
                answer = answers.get(item["field"])
                if answer is None and answers.get("*") in item["allowed"]:
                    answer = answers["*"]
                answer = answer or item["none_applies"]
                assert answer, f"checklist item {item['field']!r} needs an answer; asked so far: {asked}"
                assert item["field"] not in given, f"{item['field']!r} was asked twice"
                given[item["field"]] = answer
                world["incident"] = apply_answer(world["incident"], item["field"], answer)
            asked.append(field)
            continue
        answer = answers.get(field)
        if answer is None and "*" in answers and answers["*"] in q["allowed"]:
            answer = answers["*"]  # "none of the other circumstances apply"
        assert answer is not None, (f"the app asked {field!r} ({q['text']}), which the officer's "
                                    f"answers do not cover; asked so far: {asked}")
        assert field not in asked and field not in given, f"{field!r} was asked twice"
        asked.append(field)
        given[field] = answer
        world["incident"] = apply_answer(world["incident"], field, answer)
    else:
        raise AssertionError("the questions never ran out")
    world["asked"] = asked
    complete = world["start"]  # the first report with every answer given at once
    for field, answer in given.items():
        complete = apply_answer(complete, field, answer)
    as_of = dt.datetime.fromisoformat(complete["reported_at"].replace("Z", "+00:00")) + dt.timedelta(hours=1)
    world["complete"] = service.decide(complete, as_of=as_of).to_dict()


@when("the request is reviewed")
def reviewed(service, world):
    try:
        r = service.review(world["review"]).to_dict()
    except (InvalidIncident, NoEdition) as exc:
        world["error"] = exc
        return
    world["result"] = r
    for rule_id in r["fired"]:
        service.fired_rules.add(rule_id)
        service.coverage["rules"].setdefault(rule_id, set()).add(world["scenario"])


def _d(world) -> dict:
    if world["error"] is not None:
        raise AssertionError(f"the incident was rejected: {world['error']}")
    return world["decision"]


# ------------------------------------------------------------------------------------ then
#
# Rule coverage counts a rule as covered when a Then-step asserted its effect: the crime it
# classified, the negation, flag, note, review marker or question it produced, or the count it
# made. A rule that merely fired (or fired and was overridden) is not covered by that. Each Then-step
# below that checks such an effect names the rule ids whose effect it checked with `_asserted`.


def _asserted(world, rule_ids) -> None:
    """Record that this scenario asserted the effect of these rules (or counting sections)."""
    cov = world["service"].coverage.setdefault("asserted", {})
    for rid in rule_ids:
        if rid:
            cov.setdefault(rid, set()).add(world["scenario"])


def _rule(world, rule_id: str):
    """The rule of the edition the decision was made under; None for a counting section."""
    return world["service"].editions[_d(world)["edition"]].rule_by_id.get(rule_id)


def _effective(world, aid: str | None = None) -> set[str]:
    """Rules that fired (for act `aid`, or any act) and were not overridden."""
    return {f["rule_id"] for f in _d(world)["trace"]
            if not f["overridden_by"] and (aid is None or f["facts"].get("act") == aid)}


def _counting_rules(world, crime: dict) -> list[str]:
    """The rules and counting sections that decided how the crime was counted."""
    out = []
    for rid in crime["rule_ids"]:
        r = _rule(world, rid)
        if r is None or r.consequence("count") is not None:
            out.append(rid)
    return out


def _question_rules(world, q: dict) -> list[str]:
    """The rules that produced a question: those that took effect and ask it (an explicit ask, or
    a rule that took effect on a fact not given); not the rules that merely could still fire."""
    eff = _effective(world)
    return [rid for rid in q["rule_ids"] if rid in eff]


@then(parsers.re(r'the outcome is "(?P<outcome>[^"]+)"'))
def outcome_is(world, outcome):
    assert _d(world)["outcome"] == word(outcome), _d(world)["outcome"]


@then(parsers.re(r'(?P<n>no|\d+) crimes? (?:is|are) recorded'))
def n_crimes(world, n):
    want = 0 if n == "no" else int(n)
    got = _d(world)["crimes"]
    assert len(got) == want, [(c["classification"], c["ho_code"], c["acts"]) for c in got]
    for c in got:
        _asserted(world, _counting_rules(world, c))


@then(parsers.re(r'a crime of (?P<cls>[\w/]+) "(?P<code>[^"]+)" is recorded with no victim'))
def crime_recorded_no_victim(world, cls, code):
    crime_recorded(world, cls, code, "")


@then(parsers.re(r'a crime of (?P<cls>[\w/]+) "(?P<code>[^"]+)" is recorded for "(?P<victim>[^"]+)"'))
def crime_recorded(world, cls, code, victim):
    crimes = _d(world)["crimes"]
    hits = [c for c in crimes if c["classification"] == cls and c["ho_code"] == code and c["victim"] == victim]
    assert hits, [(c["classification"], c["ho_code"], c["victim"]) for c in crimes]
    world["crime"] = hits[0]
    assert hits[0]["title"] and hits[0]["citations"] and hits[0]["rule_ids"]
    # every rule that took effect on the crime's acts and classifies as this class and code
    eff = set().union(*(_effective(world, a) for a in hits[0]["acts"]))
    _asserted(world, [rid for rid in eff if (r := _rule(world, rid)) is not None
                      and r.consequence("classify") == (cls, code)])


@then(parsers.re(r'that crime covers acts? (?P<acts>.+)'))
def crime_covers(world, acts):
    assert world["crime"]["acts"] == names(acts), world["crime"]["acts"]
    _asserted(world, _counting_rules(world, world["crime"]))


@then(parsers.re(r'that crime has offenders? (?P<offs>.+)'))
def crime_offenders(world, offs):
    assert world["crime"]["offenders"] == sorted(names(offs)), world["crime"]["offenders"]


@then(parsers.re(r'that crime is flagged "(?P<flag>[^"]+)"'))
def crime_flagged(world, flag):
    flags = [f["name"] for f in world["crime"]["flags"]]
    assert word(flag) in flags, flags
    f = next(f for f in world["crime"]["flags"] if f["name"] == word(flag))
    assert f["citation"] and f["rule_id"]
    _asserted(world, [f["rule_id"]])


@then(parsers.re(r'that crime is not flagged "(?P<flag>[^"]+)"'))
def crime_not_flagged(world, flag):
    assert word(flag) not in [f["name"] for f in world["crime"]["flags"]]


@then(parsers.re(r'that crime cites "(?P<text>[^"]+)"'))
def crime_cites(world, text):
    assert any(text in c for c in world["crime"]["citations"]), world["crime"]["citations"]


@then(parsers.re(r'that crime names rule "(?P<rule>[^"]+)"'))
def crime_names_rule(world, rule):
    assert rule in world["crime"]["rule_ids"], world["crime"]["rule_ids"]
    _asserted(world, [rule])


def _negation(world, aid: str, reason: str) -> dict:
    negs = [n for n in _d(world)["negations"] if n["act"] == aid]
    hits = [n for n in negs if n["reason_code"] == reason]
    assert hits, [(n["reason_code"], n["disposition"]) for n in negs]
    n = hits[0]
    assert n["citation"] and n["sentence"].strip().endswith("."), n
    _asserted(world, [reason])
    return n


@then(parsers.re(r'act "(?P<aid>[^"]+)" is not recorded because of "(?P<reason>[^"]+)"'
                 r'(?: as an? (?P<disp>[\w ]+))?$'))
def act_negated(world, aid, reason, disp):
    n = _negation(world, aid, reason)
    acc = next(a for a in _d(world)["acts"] if a["act"] == aid)
    assert acc["status"] == "not_recorded", acc
    if disp:
        assert n["disposition"] == word(disp), n["disposition"]


@then(parsers.re(r'act "(?P<aid>[^"]+)" is transferred to "(?P<to>[^"]+)" because of "(?P<reason>[^"]+)"'))
def act_transferred(world, aid, to, reason):
    n = _negation(world, aid, reason)
    assert n["disposition"] == "transfer" and n["transfer_to"] == to, n


@then(parsers.re(r'act "(?P<aid>[^"]+)" is recorded as notifiable incident (?P<cls>N\d+) "(?P<code>[^"]+)" '
                 r'because of "(?P<reason>[^"]+)"'))
def act_n_record(world, aid, cls, code, reason):
    n = _negation(world, aid, reason)
    assert (n["disposition"], n["incident_class"], n["incident_code"]) == ("notifiable_incident", cls, code), n
    assert n["incident_title"]


@then(parsers.re(r'act "(?P<aid>[^"]+)" is counted in that crime because of "(?P<reason>[^"]+)"'))
def act_counted_in(world, aid, reason):
    n = _negation(world, aid, reason)
    assert n["crime_id"] == world["crime"]["id"] and n["disposition"] == "counted_in_crime", n
    assert aid in world["crime"]["acts"]


@then(parsers.re(r'act "(?P<aid>[^"]+)" is undecided'))
def act_undecided(world, aid):
    acc = next(a for a in _d(world)["acts"] if a["act"] == aid)
    assert acc["status"] == "undecided", acc
    mine = [q for q in _d(world)["questions"] if aid in q["acts"]]
    assert mine, "an undecided act needs a question"
    eff = _effective(world, aid)
    _asserted(world, [rid for q in mine for rid in q["rule_ids"] if rid in eff])


@then(parsers.re(r'act "(?P<aid>[^"]+)" is decided by rule "(?P<rule>[^"]+)"'))
def act_decided_by(world, aid, rule):
    """The effect of the rule on the act, whatever the act's fate: the crime it classified (the
    crime covering the act is of the rule's class and code), the negation it gave, or the
    question it asked."""
    d = _d(world)
    acc = next(a for a in d["acts"] if a["act"] == aid)
    r = _rule(world, rule)
    assert r is not None and rule in _effective(world, aid), (rule, sorted(_effective(world, aid)))
    if acc["status"] == "recorded":
        crime = next(c for c in d["crimes"] if c["id"] == acc["crime_id"])
        assert r.consequence("classify") == (crime["classification"], crime["ho_code"]), (rule, crime)
    elif acc["status"] == "undecided":
        assert any(aid in q["acts"] and rule in q["rule_ids"] for q in d["questions"]), d["questions"]
    else:
        _negation(world, aid, rule)
    _asserted(world, [rule])


@then(parsers.re(r'the decision asks for "(?P<field>[^"]+)"'))
def asks_for(world, field):
    qs = [i for q in _d(world)["questions"] for i in [q] + q.get("items", [])]
    hits = [q for q in qs if q["field"] == field]
    assert hits, [q["field"] for q in qs]
    assert hits[0]["text"] and hits[0]["rule_ids"]
    _asserted(world, _question_rules(world, hits[0]))


@then(parsers.re(r'the decision does not ask for "(?P<field>[^"]+)"'))
def not_asks_for(world, field):
    assert field not in [i["field"] for q in _d(world)["questions"] for i in [q] + q.get("items", [])]


@then(parsers.re(r'the record-by time is "(?P<ts>[^"]+)"'))
def record_by(world, ts):
    assert _d(world)["record_by"] == when_(ts), _d(world)["record_by"]
    _asserted(world, [_deadline_id(world)])


@then(parsers.re(r'the recording deadline (?P<state>has|has not) passed'))
def deadline(world, state):
    assert _d(world)["deadline_passed"] is (state == "has")
    _asserted(world, [_deadline_id(world)])


def _deadline_id(world) -> str:
    return world["service"].editions[_d(world)["edition"]].counting.section("deadline")["id"]


@then(parsers.re(r'rule "(?P<rule>[^"]+)" fired'))
def rule_fired(world, rule):
    fired = [f["rule_id"] for f in _d(world)["trace"]]
    assert rule in fired, fired


@then(parsers.re(r'rule "(?P<rule>[^"]+)" was overridden by "(?P<by>[^"]+)"'))
def rule_overridden(world, rule, by):
    hits = [f for f in _d(world)["trace"] if f["rule_id"] == rule]
    assert hits and all(f["overridden_by"] == by for f in hits), hits


@then(parsers.re(r'rule "(?P<rule>[^"]+)" was overridden by "(?P<by>[^"]+)" under "(?P<order>[^"]+)"'))
def rule_overridden_under(world, rule, by, order):
    """...and the order that puts `by` first: a `specificity` or `rule_precedence` entry of the
    counting file (by its id), "the principal crime ranking", or "overrides" (an explicit link,
    direct or through others)."""
    rule_overridden(world, rule, by)
    ed = world["service"].editions[_d(world)["edition"]]
    how = ed.ranked_precedence.get((by, rule))
    explicit = rule in ed.rule_by_id[by].overrides
    if explicit or how is None or how.startswith("through "):
        got = "overrides"
    else:
        got = how.split(" ", 1)[1] if how.startswith(("specificity ", "declared ")) else "the principal crime ranking"
    assert got == order and by in ed.overriders[rule], (by, rule, how)


@then(parsers.re(r'the decision notes "(?P<rule>[^"]+)" for act "(?P<aid>[^"]+)"'))
def decision_notes(world, rule, aid):
    notes = [(n["rule_id"], n["act"]) for n in _d(world)["notes"]]
    assert (rule, aid) in notes, notes
    _asserted(world, [rule])


@then(parsers.re(r'act "(?P<aid>[^"]+)" is marked for supervisor review by "(?P<rule>[^"]+)"'))
def marked_for_review(world, aid, rule):
    reviews = [(r["rule_id"], r["act"]) for r in _d(world)["reviews"]]
    assert (rule, aid) in reviews, reviews
    assert next(r for r in _d(world)["reviews"] if r["rule_id"] == rule)["reason"].strip()
    _asserted(world, [rule])


@then(parsers.re(r'the decision does not note "(?P<rule>[^"]+)"'))
def decision_does_not_note(world, rule):
    notes = [n["rule_id"] for n in _d(world)["notes"]]
    assert rule not in notes, notes


@then(parsers.re(r'the first question is "(?P<field>[^"]+)"'))
def first_question(world, field):
    qs = _d(world)["questions"]
    assert qs and qs[0]["field"] == field, [q["field"] for q in qs]
    _asserted(world, _question_rules(world, qs[0]))


@then(parsers.re(r'the officer gave the answer for "(?P<field>[^"]+)"'))
def officer_gave(world, field):
    assert field in world["asked"] and field in world["answers"], world["asked"]


@then(parsers.re(r'the officer was asked (?P<n>\d+) questions?'))
def asked_n(world, n):
    assert len(world["asked"]) == int(n), world["asked"]


@then(parsers.re(r'the officer was asked "(?P<field>[^"]+)" (?P<when>first|before "(?P<other>[^"]+)")'))
def asked_order(world, field, when, other):
    asked = world["asked"]
    assert field in asked, asked
    if when == "first":
        assert asked[0] == field, asked
    else:
        assert other in asked and asked.index(field) < asked.index(other), asked


@then("the decision is the same as for the complete report")
def same_as_complete(world):
    assert _summary(_d(world)) == _summary(world["complete"]), (_summary(_d(world)), _summary(world["complete"]))
    assert not _d(world)["questions"]


@then(parsers.re(r'the request is (?P<verdict>allowed|not allowed)'))
def request_verdict(world, verdict):
    r = world["result"]
    assert r["allowed"] is (verdict == "allowed"), r
    if r["allowed"]:
        assert r["permits"] and not r["refusals"]


@then(parsers.re(r'it is permitted by "(?P<rule>[^"]+)"'))
def permitted_by(world, rule):
    assert rule in [p["rule_id"] for p in world["result"]["permits"]], world["result"]["permits"]
    _asserted(world, [rule])


@then(parsers.re(r'it is refused because of "(?P<rule>[^"]+)"'))
def refused_by(world, rule):
    refusals = world["result"]["refusals"]
    hits = [n for n in refusals if n["reason_code"] == rule]
    assert hits and hits[0]["citation"] and hits[0]["sentence"], refusals
    _asserted(world, [rule])


@then(parsers.re(r'rule "(?P<rule>[^"]+)" was applied to the request'))
def applied_to_request(world, rule):
    r = world["result"]
    assert rule in r["fired"], r["fired"]
    assert rule in [x["rule_id"] for x in r["permits"] + r["notes"]] + [n["reason_code"] for n in r["refusals"]]
    _asserted(world, [rule])


@then(parsers.re(r'the review asks for "(?P<field>[^"]+)"'))
def review_asks(world, field):
    qs = [q for q in world["result"]["questions"] if q["field"] == field]
    assert qs, world["result"]["questions"]
    _asserted(world, [rid for rid in qs[0]["rule_ids"] if rid in world["result"]["fired"]])


@then(parsers.re(r'the new classification is (?P<cls>[\w/]+) "(?P<code>[^"]+)"'))
def new_classification(world, cls, code):
    assert world["result"]["new_classification"] == f"{cls} {code}", world["result"]["new_classification"]


@then("every act is accounted for")
def all_accounted(world):
    d = _d(world)
    for acc in d["acts"]:
        if acc["status"] == "recorded":
            assert any(acc["act"] == c["acts"][0] for c in d["crimes"])
        elif acc["status"] in ("counted_in_crime", "not_recorded"):
            assert any(n["act"] == acc["act"] for n in d["negations"])
        else:
            assert any(acc["act"] in q["acts"] for q in d["questions"])
    assert {a["act"] for a in d["acts"]} == {a["id"] for a in world["incident"]["acts"]}


@then(parsers.re(r'the decision is made under edition "(?P<name>[^"]+)"'))
def under_edition(world, name):
    assert _d(world)["edition"] == name


@then(parsers.re(r'the report is refused naming field "(?P<field>[^"]+)"'))
def refused_field(world, field):
    err = world["error"]
    assert isinstance(err, InvalidIncident), f"expected a refusal, got {world['decision'] and world['decision']['outcome']}"
    assert field in [f for f, _ in err.violations], err.violations


@then("the report is refused because no edition is in force")
def refused_edition(world):
    assert isinstance(world["error"], NoEdition), world["error"]


# ------------------------------------------------------------------------------------ parties, ages and places of each act


@given(parsers.re(r'"(?P<pid>[^"]+)" is an organisation(?: \((?P<what>[^)]+)\))?$'))
def organisation(world, pid, what=None):
    """A party that is not a person (a business, school, council): it has no age or sex."""
    _person(world, pid)["kind"] = "organisation"


@given(parsers.re(r'act "(?P<aid>[^"]+)" happened when the victim was aged (?P<age>\d+)'))
def victim_age_at_the_time(world, aid, age):
    _act(world, aid)["victim_age"] = int(age)


@given(parsers.re(r'act "(?P<aid>[^"]+)" was committed in the "(?P<force>[^"]+)" force area'))
def act_force_area(world, aid, force):
    _act(world, aid)["force_area"] = force


@then(parsers.re(r'the decision asks nothing about "(?P<pid>[^"]+)"'))
def asks_nothing_about(world, pid):
    fields = [q["field"] for q in _d(world)["questions"]]
    assert not [f for f in fields if f.startswith(f"persons[{pid}]")], fields


@then(parsers.re(r'the decision does not note "(?P<rule>[^"]+)"'))
def does_not_note(world, rule):
    assert rule not in [n["rule_id"] for n in _d(world)["notes"]]


# ------------------------------------------------------------------------------------ supervision
# What the decision puts on the supervision queue (rules/supervision.yaml, service/record/).


def _queue_kinds(service, world) -> set[str]:
    """Kinds of item the decision puts on the queue; "deadline" when its deadline is watched (it
    shows on the queue when near or past and no supervisor has resolved it)."""
    from service.record.supervision import Policy, flags_outside_crimes, items_for, watches_deadline

    d = world["decision"]
    policy = Policy.load(service.rules_dir, service.editions)
    items = items_for(d, world["incident"], flags_outside_crimes(d, service.editions[d["edition"]]), policy)
    return {k for k, _ in items} | ({"deadline"} if watches_deadline(d, items, policy) else set())


@then(parsers.re(r'the decision goes on the supervision queue as "(?P<kind>[\w ]+)"'))
def on_queue(service, world, kind):
    kinds = _queue_kinds(service, world)
    assert word(kind) in kinds, f"on the queue as {sorted(kinds) or 'nothing'}"


@then(parsers.re(r'the decision does not go on the supervision queue(?: as "(?P<kind>[\w ]+)")?$'))
def not_on_queue(service, world, kind):
    kinds = _queue_kinds(service, world)
    assert (word(kind) not in kinds) if kind else not kinds, f"on the queue as {sorted(kinds)}"


# ------------------------------------------------------------------ decide now, refine later (issue 10)


def _all_questions(d: dict) -> list[dict]:
    """Every question asked, a checklist's items included."""
    return [i for q in d["questions"] for i in [q] + q.get("items", [])]


@then(parsers.re(r'that crime is (?P<state>provisional|not provisional)'))
def crime_provisional(world, state):
    assert world["crime"]["provisional"] is (state == "provisional"), world["crime"]


@then(parsers.re(r'that crime could be changed by "(?P<field>[^"]+)"'))
def crime_refined_by(world, field):
    crime = world["crime"]
    assert field in crime["refined_by"], crime["refined_by"]
    asked = {q["field"]: q for q in _all_questions(_d(world))}
    assert field in asked and asked[field]["purpose"] != "recording", asked.get(field)


@then(parsers.re(r'the decision assumed "(?P<text>[^"]+)"'))
def decision_assumed(world, text):
    d = _d(world)
    hits = [a for a in d["assumptions"] if a["text"] == text]
    assert hits, [a["text"] for a in d["assumptions"]]
    assert hits[0]["citation"] and hits[0]["id"] and hits[0]["field"] in {q["field"] for q in _all_questions(d)}


@then("the decision assumed nothing")
def decision_assumed_nothing(world):
    assert _d(world)["assumptions"] == [], _d(world)["assumptions"]


@then(parsers.re(r'the decision asks at most (?P<n>\d+) questions?'))
def at_most_questions(world, n):
    qs = _d(world)["questions"]
    assert len(qs) <= int(n), [q["field"] for q in qs]
    assert len({q["field"] for q in _all_questions(_d(world))}) == len(_all_questions(_d(world))), "a field asked twice"


@then(parsers.re(r'the decision asks "(?P<field>[^"]+)" in the checklist "(?P<checklist>[^"]+)"'))
def asks_in_checklist(world, field, checklist):
    lists = [q for q in _d(world)["questions"] if q["field"] == f"checklist.{checklist}"]
    assert lists, [q["field"] for q in _d(world)["questions"]]
    assert field in [i["field"] for i in lists[0]["items"]], [i["field"] for i in lists[0]["items"]]


@then(parsers.re(r'the decision asks for "(?P<field>[^"]+)" to decide whether to record'))
def asks_for_recording(world, field):
    hits = [q for q in _all_questions(_d(world)) if q["field"] == field]
    assert hits and hits[0]["purpose"] == "recording", hits


# ------------------------------------------------------------------------------------ tables


@then(parsers.re(r'a crime of class (?P<cls>[\w/]+) is recorded by row "(?P<key>[^"]+)" of table "(?P<table>[^"]+)"'))
def crime_by_table_row(service, world, cls, key, table):
    """The crime's class is the one the scenario states; its code is the one the named row of the
    table gives, listed under that class in the offence list; the crime names the row's rule and
    cites the row. (The scenario states the class and the facts, never the code.)"""
    d = _d(world)
    edition = service.editions[d["edition"]]
    want = tuple(word(k) for k in key.split(","))
    # a key cell may list several values (any of them): the row whose cells hold the scenario's values
    rows = [r for r in edition.rules if r.row and r.row[0] == table and len(r.row[1]) == len(want)
            and all(w in cell.split("|") for w, cell in zip(want, r.row[1]))]
    assert rows, f"no row {list(want)} of table {table!r} in edition {edition.name}"
    hits = [c for c in d["crimes"] if any(rid in c["rule_ids"] for rid in (r.id for r in rows))]
    assert hits, [(c["classification"], c["ho_code"], c["rule_ids"]) for c in d["crimes"]]
    crime = hits[0]
    rule = next(r for r in rows if r.id in crime["rule_ids"])
    assert crime["classification"] == cls, (crime["classification"], cls)
    assert (crime["classification"], crime["ho_code"]) == rule.consequence("classify")
    assert edition.offences.get(cls, crime["ho_code"]) is not None
    assert rule.cite in crime["citations"], crime["citations"]
    world["crime"] = crime
    _asserted(world, [rule.id])
