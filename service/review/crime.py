"""Requests to transfer (C1), cancel (C2-C5) or reclassify a recorded crime.

The edition's review rules (rules/<edition>/general/reviews/) decide: a request is allowed when a
rule permits it and no rule refuses it or is waiting for an answer. For a reclassification with
new information, the incident is decided again and the new classification compared.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator

from ..contract.incident import Attrs, Id, InvalidIncident, Word, _aware, _check_attrs, _Model, normalise, path_of
from ..decision import FactIndex, NegationOut, NoteOut, QuestionOut, open_needs, question_for, resolve
from ..engine.driver import Firing
from ..engine.runtime import engine_of
from ..rules.model import Edition


class RecordedCrime(_Model):
    reference: Id
    classification: Word
    ho_code: Word
    victim: Id | None = None
    recorded_at: dt.datetime | None = None  # chooses the edition (default: today)

    _tz = field_validator("recorded_at")(_aware)


class ReviewRequest(_Model):
    edition: Word | None = None
    crime: RecordedCrime
    action: Word
    code: Word | None = None
    # what is known about the request (decided_by, victim_informed, receiving_force_reference ...)
    facts: Attrs = {}
    # for a reclassification: the incident as now known, decided again under the same edition
    incident: Annotated[dict[str, Any], Field(max_length=20)] | None = None


@dataclass
class ReviewResult:
    crime: str
    action: str
    code: str
    allowed: bool
    edition: str
    permits: list[NoteOut] = field(default_factory=list)
    refusals: list[NegationOut] = field(default_factory=list)
    questions: list[QuestionOut] = field(default_factory=list)
    notes: list[NoteOut] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)
    decision: dict | None = None  # the incident decided again (reclassification)
    new_classification: str = ""
    decided: Any = field(default=None, repr=False, compare=False)  # that decision as an object
    rules_revision: str = ""  # the edition's Edition.revision
    review_id: str = ""  # unique per call: the review's id in the decision log

    def to_dict(self) -> dict:
        out = asdict(self)
        out.pop("decided", None)
        return out


def parse_review(raw: Any) -> ReviewRequest:
    if not isinstance(raw, dict):
        raise InvalidIncident([("review", "must be an object")])
    try:
        return ReviewRequest.model_validate(normalise(raw))
    except ValidationError as exc:
        raise InvalidIncident([(path_of(tuple(p for p in e["loc"] if isinstance(p, (int, str)))) or "review", e["msg"])
                               for e in exc.errors(include_url=False)]) from None


def review(req: ReviewRequest, edition: Edition) -> ReviewResult:
    book = edition.reviews
    if book is None:
        raise InvalidIncident([("edition", f"edition {edition.name} has no review rules")])
    act_type = next(iter(book.vocab.act_types))
    spec = book.vocab.act_types[act_type].attributes
    violations: list[tuple[str, str]] = []
    # The action, the code and the crime are fields of the request itself: the facts map cannot
    # restate (and so overturn) them.
    own = {"action": "action", "code": "code", "crime_class": "crime.classification", "crime_code": "crime.ho_code"}
    for name in req.facts:
        if name in own:
            violations.append((f"facts.{name}", f"give this in the request's own field {own[name]}, not among the facts"))
    offences = edition.offences
    if req.crime.classification not in offences.classes:
        violations.append(("crime.classification", "not a class of the edition's offence list"))
    elif offences.get(req.crime.classification, req.crime.ho_code) is None:
        codes = offences.codes_of(req.crime.classification)
        violations.append(("crime.ho_code", "not an offence code of that class"
                           + (f" (codes of the class: {', '.join(codes[:20])}{' ...' if len(codes) > 20 else ''})"
                              if codes else "")))
    raw_attrs = {"action": req.action, "crime_class": req.crime.classification, "crime_code": req.crime.ho_code,
                 **({"code": req.code} if req.code else {}),
                 **{k: v for k, v in req.facts.items() if k not in own}}
    typed: dict = {}
    found: list[tuple[str, str]] = []
    _check_attrs(raw_attrs, spec, "facts", found, typed)
    # the action and code are fields of their own in the request: name them so
    violations += [(p.replace("facts.action", "action").replace("facts.code", "code")
                    .replace("facts.crime_class", "crime.classification").replace("facts.crime_code", "crime.ho_code"), m)
                   for p, m in found]
    if violations:
        raise InvalidIncident(violations)
    act = {"t": "act", "id": "act:review", "ref": req.crime.reference, "type": act_type, "has_victim": False, **typed}
    facts = [{"t": "incident", "id": "incident", "ref": req.crime.reference}, act]
    firings: list[Firing] = engine_of(book).run([dict(f) for f in facts])
    fired = {f.rule_id: f for f in firings}

    eff = [book.rule_by_id[rid] for rid in resolve(fired, book.overriders, book.position).effective]
    result = ReviewResult(req.crime.reference, req.action, req.code or "", False, edition.name,
                          fired=[f.rule_id for f in firings])
    questions: dict[str, QuestionOut] = {}

    def ask(alias: str, attr: str, rule_id: str) -> None:
        path, attribute, text, allowed = question_for(book, alias, attr, req.crime.reference, act_type)
        path = f"facts.{attribute}"
        q = questions.setdefault(path, QuestionOut(path, attribute, text, allowed, [], [], "recording"))
        if rule_id not in q.rule_ids:
            q.rule_ids.append(rule_id)

    for r in eff:
        permit = r.consequence("permit")
        if permit:
            result.permits.append(NoteOut(req.crime.reference, r.id, permit, r.cite))
        neg = r.consequence("negate")
        if neg:
            result.refusals.append(NegationOut(req.crime.reference, r.id, r.cite, neg[1], neg[0]))
        note = r.consequence("note")
        if note:
            result.notes.append(NoteOut(req.crime.reference, r.id, note, r.cite))
        for alias, attr in r.consequence("ask") or ():
            ask(alias, attr, r.id)
    if not result.permits:  # what a permission still needs
        index = FactIndex(facts)
        for r in book.rules:
            if r.id in fired or not r.consequence("permit"):
                continue
            for alias, attr, _ref in sorted(open_needs(r, act, index) or ()):
                ask(alias, attr, r.id)
    result.questions = sorted(questions.values(), key=lambda q: (-len(q.rule_ids), q.field))
    result.allowed = bool(result.permits) and not result.refusals
    return result
