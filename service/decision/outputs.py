"""What a decision says: the shapes every transport maps out (JSON via to_dict, proto via mapping)."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class FlagOut:
    name: str
    value: str
    rule_id: str
    citation: str


@dataclass
class CrimeOut:
    id: str
    classification: str
    ho_code: str
    title: str
    offence_title: str
    victim: str
    offenders: list[str]
    acts: list[str]
    flags: list[FlagOut]
    rule_ids: list[str]
    citations: list[str]
    # classified on what is known: an assumption was made, or an open question could change the
    # class or code; refined_by names every open question that could change its class, code,
    # count or flags (fields of `Decision.questions`, or of a checklist's items)
    provisional: bool = False
    refined_by: list[str] = field(default_factory=list)


@dataclass
class NegationOut:
    act: str
    reason_code: str
    citation: str
    sentence: str
    disposition: str
    crime_id: str = ""
    incident_class: str = ""
    incident_code: str = ""
    incident_title: str = ""
    transfer_to: str = ""


@dataclass
class QuestionOut:
    field: str
    attribute: str
    text: str
    allowed: list[str]
    acts: list[str]
    rule_ids: list[str]
    # what the answer can decide, most decisive first: recording, classification, counting, flag
    purpose: str = ""
    # a checklist ("do any of these apply?"): its items are questions of their own, answered by
    # their own fields; none_applies is the answer that says an item does not apply
    items: list["QuestionOut"] = field(default_factory=list)
    none_applies: str = ""


PURPOSES = ("recording", "classification", "counting", "flag")


@dataclass
class AssumptionOut:
    """A fact the report did not state, taken as the edition's data says to choose a class."""
    act: str
    field: str  # the question that would correct it
    attribute: str
    value: str
    text: str  # "injury = none, not stated"
    id: str
    citation: str


@dataclass
class ActAccountOut:
    act: str
    status: str  # recorded | counted_in_crime | not_recorded | undecided
    crime_id: str = ""
    reason_code: str = ""


@dataclass
class NoteOut:
    act: str
    rule_id: str
    text: str
    citation: str


@dataclass
class ReviewOut:
    act: str
    rule_id: str
    reason: str


@dataclass
class FiringOut:
    rule_id: str
    facts: dict[str, str]
    citation: str
    overridden_by: str = ""


@dataclass
class Decision:
    decision_id: str
    incident_id: str
    outcome: str
    edition: str
    crimes: list[CrimeOut]
    negations: list[NegationOut]
    questions: list[QuestionOut]
    record_by: dt.datetime
    deadline_passed: bool
    acts: list[ActAccountOut]
    reviews: list[ReviewOut]
    trace: list[FiringOut]
    decided_at: dt.datetime
    notes: list[NoteOut] = field(default_factory=list)
    assumptions: list[AssumptionOut] = field(default_factory=list)
    rules_revision: str = ""  # digest of the edition's rule and data files (Edition.revision)
    request_digest: str = ""  # content digest of the request (decision_id is unique per call)

    def question_fields(self) -> set[str]:
        """Every field asked, checklist items included."""
        return {f for q in self.questions for f in ([q.field] + [i.field for i in q.items])}

    def to_dict(self) -> dict[str, Any]:
        def conv(v):
            if isinstance(v, dt.datetime):
                return v.isoformat().replace("+00:00", "Z")
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            if isinstance(v, list):
                return [conv(x) for x in v]
            return v
        return conv(asdict(self))


OUTCOMES = ("record_crime", "notifiable_incident", "crime_related_incident", "no_crime", "transfer",
            "more_information_required")
