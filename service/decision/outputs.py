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


PURPOSES = ("recording", "classification", "counting", "flag")


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
