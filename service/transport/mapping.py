"""Protobuf <-> the service's own shapes, mapped by hand (MessageToDict is slow on the hot path)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from ..contract.vocabulary import describe
from ..decision import Decision
from ..gen.hocr.v1 import hocr_pb2 as pb
from .wire import tag_of, varint


def _ts_in(msg, name: str) -> str | None:
    if not msg.HasField(name):
        return None
    ts: Timestamp = getattr(msg, name)
    return ts.ToDatetime(tzinfo=dt.timezone.utc).isoformat()


def _s(value: str) -> str | None:
    return value if value != "" else None


def incident_to_dict(msg: pb.Incident) -> dict[str, Any]:
    """A proto Incident as the JSON-like dict the contract validates (empty strings = not given)."""
    out: dict[str, Any] = {"id": msg.id, "acts": []}
    if (r := _ts_in(msg, "reported_at")) is not None:
        out["reported_at"] = r
    if msg.HasField("reporter"):
        out["reporter"] = {k: v for k, v in (("role", msg.reporter.role), ("person", _s(msg.reporter.person)),
                                             ("channel", _s(msg.reporter.channel))) if v is not None}
    if msg.HasField("location"):
        loc = msg.location
        out["location"] = {k: v for k, v in (("force_area", _s(loc.force_area)), ("place", _s(loc.place)),
                                             ("country", _s(loc.country))) if v is not None}
    out["persons"] = []
    for p in msg.persons:
        d: dict[str, Any] = {"id": p.id, "attributes": dict(p.attributes)}
        if p.HasField("age"):
            d["age"] = p.age
        if p.sex:
            d["sex"] = p.sex
        if p.kind:
            d["kind"] = p.kind
        out["persons"].append(d)
    out["relationships"] = [{"a": r.a, "b": r.b, "kind": r.kind} for r in msg.relationships]
    for a in msg.acts:
        d = {"id": a.id, "type": a.type, "by": list(a.by), "attributes": dict(a.attributes)}
        if a.against:
            d["against"] = a.against
        if (t := _ts_in(a, "occurred_at")) is not None:
            d["occurred_at"] = t
        if a.HasField("victim_age"):
            d["victim_age"] = a.victim_age
        if a.force_area:
            d["force_area"] = a.force_area
        out["acts"].append(d)
    out["evidence"] = [{"id": e.id, "acts": list(e.acts), "contradicts": e.contradicts, "credible": e.credible,
                        "immediately_available": e.immediately_available,
                        **({"description": e.description} if e.description else {})} for e in msg.evidence]
    out["prior_records"] = []
    for p in msg.prior_records:
        d = {"reference": p.reference, "offenders": list(p.offenders)}
        if p.victim:
            d["victim"] = p.victim
        if (t := _ts_in(p, "reported_at")) is not None:
            d["reported_at"] = t
        if p.classification:
            d["classification"] = p.classification
        out["prior_records"].append(d)
    if msg.attributes:
        out["attributes"] = dict(msg.attributes)
    return out


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_US = dt.timedelta(microseconds=1)


def _ts_out(value: dt.datetime) -> Timestamp:
    if value.tzinfo is None:  # as Timestamp.FromDatetime reads it (local time)
        ts = Timestamp()
        ts.FromDatetime(value.astimezone(dt.timezone.utc))
        return ts
    us = (value - _EPOCH) // _US  # to the microsecond, as FromDatetime (a third of its time)
    return Timestamp(seconds=us // 1_000_000, nanos=us % 1_000_000 * 1000)


OUTCOME = {name: getattr(pb, "OUTCOME_" + name.upper()) for name in (
    "record_crime", "notifiable_incident", "crime_related_incident", "no_crime", "transfer",
    "more_information_required")}
ACT_STATUS = {"recorded": pb.ACT_STATUS_RECORDED, "counted_in_crime": pb.ACT_STATUS_COUNTED_IN_CRIME,
              "not_recorded": pb.ACT_STATUS_NOT_RECORDED, "undecided": pb.ACT_STATUS_UNDECIDED}


def decision_to_proto(d: Decision, compact: bool = False, questions: bool = True,
                      per_call: bool = True) -> pb.Decision:
    """The decision as its proto message. `compact`: questions without their texts and allowed
    answers (DescribeVocabulary gives them). `questions=False`: without its questions (the memo
    takes their encodings from question_fields). `per_call=False`: without the fields set for
    each call (decision_id, request_digest, decided_at, record_by, deadline_passed), which the
    memo sets per request.

    Each repeated field's messages are added in place (``add``), not built and then copied into
    the Decision as a constructor would: the same message, in half the time. Its deterministic
    encoding is the same bytes; the plain one differs at most in the order of a Firing's `facts`
    map entries, which protobuf leaves open (upb seeds its map hashing per process, so that order
    already differed from one server process to the next)."""
    m = pb.Decision(incident_id=d.incident_id, outcome=OUTCOME[d.outcome], edition=d.edition,
                    rules_revision=d.rules_revision)
    if per_call:
        m.decision_id, m.request_digest, m.deadline_passed = d.decision_id, d.request_digest, d.deadline_passed
        m.record_by.CopyFrom(_ts_out(d.record_by))
        m.decided_at.CopyFrom(_ts_out(d.decided_at))
    add = m.crimes.add
    for c in d.crimes:
        crime = add(id=c.id, classification=c.classification, ho_code=c.ho_code, title=c.title,
                    offence_title=c.offence_title, victim=c.victim, offenders=c.offenders, acts=c.acts,
                    rule_ids=c.rule_ids, citations=c.citations, provisional=c.provisional,
                    refined_by=c.refined_by)
        flag = crime.flags.add
        for f in c.flags:
            flag(name=f.name, value=f.value, rule_id=f.rule_id, citation=f.citation)
    add = m.negations.add
    for n in d.negations:
        add(act=n.act, reason_code=n.reason_code, citation=n.citation, sentence=n.sentence,
            disposition=n.disposition, crime_id=n.crime_id, incident_class=n.incident_class,
            incident_code=n.incident_code, incident_title=n.incident_title, transfer_to=n.transfer_to)
    if questions:
        m.questions.extend([_question(q, compact) for q in d.questions])
    add = m.acts.add
    for a in d.acts:
        add(act=a.act, status=ACT_STATUS[a.status], crime_id=a.crime_id, reason_code=a.reason_code)
    add = m.reviews.add
    for r in d.reviews:
        add(act=r.act, rule_id=r.rule_id, reason=r.reason)
    add = m.trace.add
    for f in d.trace:
        add(rule_id=f.rule_id, facts=f.facts, citation=f.citation, overridden_by=f.overridden_by)
    add = m.notes.add
    for n in d.notes:
        add(act=n.act, rule_id=n.rule_id, text=n.text, citation=n.citation)
    add = m.assumptions.add
    for a in d.assumptions:
        add(act=a.act, field=a.field, attribute=a.attribute, value=a.value, text=a.text, id=a.id,
            citation=a.citation)
    return m


# Question messages already built, by everything they say: the same questions come back decision
# after decision (an edition's texts and allowed answers never change, and incidents of one shape
# ask the same fields), and copying a built message is cheaper than building it. Bounded: emptied
# when full.
_QUESTIONS: dict[tuple, pb.Question] = {}
_QUESTIONS_MAX = 8192


def _key(q) -> tuple:
    return (q.field, q.attribute, q.text, tuple(q.allowed), tuple(q.acts), tuple(q.rule_ids), q.purpose,
            q.none_applies, tuple(_key(i) for i in q.items) if q.items else ())


def _question(q, compact: bool = False, key: tuple | None = None) -> pb.Question:
    key = key or (_key(q), compact)
    msg = _QUESTIONS.get(key)
    if msg is None:
        if len(_QUESTIONS) >= _QUESTIONS_MAX:
            _QUESTIONS.clear()
        msg = _QUESTIONS[key] = _build_question(q, compact)
    return msg


# ... and their encodings as a field of Decision (its key, length and bytes), for a reply made of
# parts (service/transport/memo.py), each with whether it holds "~" then DEL, the start of any
# stand-in id (service/shapes.py: a question that does might name the incident); bounded the same way
_QUESTION_FIELDS: dict[tuple, tuple[bytes, bool]] = {}
_STAND_IN_START = b"~\x7f"


def question_fields(questions, compact: bool = False) -> list[bytes]:
    """Each question encoded as the `questions` field of a Decision would hold it."""
    return [b for b, _ in question_parts(questions, compact)]


def question_parts(questions, compact: bool = False) -> list[tuple[bytes, bool]]:
    """question_fields, each with whether its bytes hold "~" then DEL (worked out once per encoding)."""
    out = []
    for q in questions:
        key = (_key(q), compact)
        got = _QUESTION_FIELDS.get(key)
        if got is None:
            if len(_QUESTION_FIELDS) >= _QUESTIONS_MAX:
                _QUESTION_FIELDS.clear()
            body = _question(q, compact, key).SerializeToString()
            field = _QUESTIONS_TAG + varint(len(body)) + body
            got = _QUESTION_FIELDS[key] = (field, _STAND_IN_START in field)
        out.append(got)
    return out


_QUESTIONS_TAG = tag_of(pb.Decision.DESCRIPTOR.fields_by_name["questions"])


def _build_question(q, compact: bool) -> pb.Question:
    if compact:
        return pb.Question(field=q.field, attribute=q.attribute, acts=q.acts, rule_ids=q.rule_ids,
                           purpose=q.purpose, items=[_question(i, compact) for i in q.items],
                           none_applies=q.none_applies)
    return pb.Question(field=q.field, attribute=q.attribute, text=q.text, allowed=q.allowed, acts=q.acts,
                       rule_ids=q.rule_ids, purpose=q.purpose, items=[_question(i) for i in q.items],
                       none_applies=q.none_applies)


def vocabulary_to_proto(edition) -> pb.Vocabulary:
    v = describe(edition)

    def attrs(items):
        return [pb.AttributeInfo(name=a["name"], question=a["question"], kind=a["kind"],
                                 values=[pb.Term(name=t["name"], description=t["description"]) for t in a["values"]])
                for a in items]

    def terms(items):
        return [pb.Term(name=t["name"], description=t["description"]) for t in items]

    return pb.Vocabulary(
        edition=v["edition"],
        act_types=[pb.ActTypeInfo(name=t["name"], label=t["label"], attributes=attrs(t["attributes"]))
                   for t in v["act_types"]],
        person_attributes=attrs(v["person_attributes"]), incident_attributes=attrs(v["incident_attributes"]),
        relationship_kinds=terms(v["relationship_kinds"]), reporter_roles=terms(v["reporter_roles"]),
        channels=terms(v["channels"]), places=terms(v["places"]), flags=terms(v["flags"]),
        sexes=v["sexes"], envelope_questions=v["envelope_questions"], person_kinds=terms(v["person_kinds"]),
        checklists=[pb.ChecklistInfo(id=c.id, text=c.text, items=list(c.items)) for c in edition.checklists],
        rules_revision=edition.revision)


def review_request_to_dict(msg: pb.ReviewCrimeRequest) -> dict[str, Any]:
    crime = msg.crime
    out: dict[str, Any] = {
        "crime": {k: v for k, v in (("reference", crime.reference), ("classification", crime.classification),
                                    ("ho_code", crime.ho_code), ("victim", _s(crime.victim)),
                                    ("recorded_at", _ts_in(crime, "recorded_at"))) if v is not None},
        "action": msg.action,
        "facts": dict(msg.facts),
    }
    if msg.edition:
        out["edition"] = msg.edition
    if msg.code:
        out["code"] = msg.code
    if msg.HasField("incident"):
        out["incident"] = incident_to_dict(msg.incident)
    return out


def review_result_to_proto(r) -> pb.ReviewCrimeResponse:
    def note(n):
        return pb.Note(act=n.act, rule_id=n.rule_id, text=n.text, citation=n.citation)

    out = pb.ReviewCrimeResponse(
        crime=r.crime, action=r.action, code=r.code, allowed=r.allowed, edition=r.edition,
        permits=[note(n) for n in r.permits], notes=[note(n) for n in r.notes],
        refusals=[pb.Negation(act=n.act, reason_code=n.reason_code, citation=n.citation, sentence=n.sentence,
                              disposition=n.disposition) for n in r.refusals],
        questions=[pb.Question(field=q.field, attribute=q.attribute, text=q.text, allowed=q.allowed,
                               rule_ids=q.rule_ids, purpose=q.purpose) for q in r.questions],
        fired=r.fired, new_classification=r.new_classification,
        rules_revision=r.rules_revision, review_id=r.review_id)
    return out
