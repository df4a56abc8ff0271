import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.rpc import status_pb2 as _status_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Outcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTCOME_UNSPECIFIED: _ClassVar[Outcome]
    OUTCOME_RECORD_CRIME: _ClassVar[Outcome]
    OUTCOME_NOTIFIABLE_INCIDENT: _ClassVar[Outcome]
    OUTCOME_CRIME_RELATED_INCIDENT: _ClassVar[Outcome]
    OUTCOME_NO_CRIME: _ClassVar[Outcome]
    OUTCOME_TRANSFER: _ClassVar[Outcome]
    OUTCOME_MORE_INFORMATION_REQUIRED: _ClassVar[Outcome]

class ActStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ACT_STATUS_UNSPECIFIED: _ClassVar[ActStatus]
    ACT_STATUS_RECORDED: _ClassVar[ActStatus]
    ACT_STATUS_COUNTED_IN_CRIME: _ClassVar[ActStatus]
    ACT_STATUS_NOT_RECORDED: _ClassVar[ActStatus]
    ACT_STATUS_UNDECIDED: _ClassVar[ActStatus]
OUTCOME_UNSPECIFIED: Outcome
OUTCOME_RECORD_CRIME: Outcome
OUTCOME_NOTIFIABLE_INCIDENT: Outcome
OUTCOME_CRIME_RELATED_INCIDENT: Outcome
OUTCOME_NO_CRIME: Outcome
OUTCOME_TRANSFER: Outcome
OUTCOME_MORE_INFORMATION_REQUIRED: Outcome
ACT_STATUS_UNSPECIFIED: ActStatus
ACT_STATUS_RECORDED: ActStatus
ACT_STATUS_COUNTED_IN_CRIME: ActStatus
ACT_STATUS_NOT_RECORDED: ActStatus
ACT_STATUS_UNDECIDED: ActStatus

class RecordedCrime(_message.Message):
    __slots__ = ("reference", "classification", "ho_code", "victim", "recorded_at")
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    HO_CODE_FIELD_NUMBER: _ClassVar[int]
    VICTIM_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    reference: str
    classification: str
    ho_code: str
    victim: str
    recorded_at: _timestamp_pb2.Timestamp
    def __init__(self, reference: _Optional[str] = ..., classification: _Optional[str] = ..., ho_code: _Optional[str] = ..., victim: _Optional[str] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReviewCrimeRequest(_message.Message):
    __slots__ = ("edition", "crime", "action", "code", "facts", "incident")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    EDITION_FIELD_NUMBER: _ClassVar[int]
    CRIME_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    edition: str
    crime: RecordedCrime
    action: str
    code: str
    facts: _containers.ScalarMap[str, str]
    incident: Incident
    def __init__(self, edition: _Optional[str] = ..., crime: _Optional[_Union[RecordedCrime, _Mapping]] = ..., action: _Optional[str] = ..., code: _Optional[str] = ..., facts: _Optional[_Mapping[str, str]] = ..., incident: _Optional[_Union[Incident, _Mapping]] = ...) -> None: ...

class ReviewCrimeResponse(_message.Message):
    __slots__ = ("crime", "action", "code", "allowed", "edition", "permits", "refusals", "questions", "notes", "fired", "decision", "new_classification", "rules_revision", "review_id")
    CRIME_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    PERMITS_FIELD_NUMBER: _ClassVar[int]
    REFUSALS_FIELD_NUMBER: _ClassVar[int]
    QUESTIONS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    FIRED_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    NEW_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    RULES_REVISION_FIELD_NUMBER: _ClassVar[int]
    REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    crime: str
    action: str
    code: str
    allowed: bool
    edition: str
    permits: _containers.RepeatedCompositeFieldContainer[Note]
    refusals: _containers.RepeatedCompositeFieldContainer[Negation]
    questions: _containers.RepeatedCompositeFieldContainer[Question]
    notes: _containers.RepeatedCompositeFieldContainer[Note]
    fired: _containers.RepeatedScalarFieldContainer[str]
    decision: Decision
    new_classification: str
    rules_revision: str
    review_id: str
    def __init__(self, crime: _Optional[str] = ..., action: _Optional[str] = ..., code: _Optional[str] = ..., allowed: _Optional[bool] = ..., edition: _Optional[str] = ..., permits: _Optional[_Iterable[_Union[Note, _Mapping]]] = ..., refusals: _Optional[_Iterable[_Union[Negation, _Mapping]]] = ..., questions: _Optional[_Iterable[_Union[Question, _Mapping]]] = ..., notes: _Optional[_Iterable[_Union[Note, _Mapping]]] = ..., fired: _Optional[_Iterable[str]] = ..., decision: _Optional[_Union[Decision, _Mapping]] = ..., new_classification: _Optional[str] = ..., rules_revision: _Optional[str] = ..., review_id: _Optional[str] = ...) -> None: ...

class DescribeVocabularyRequest(_message.Message):
    __slots__ = ("edition",)
    EDITION_FIELD_NUMBER: _ClassVar[int]
    edition: str
    def __init__(self, edition: _Optional[str] = ...) -> None: ...

class Vocabulary(_message.Message):
    __slots__ = ("edition", "act_types", "person_attributes", "incident_attributes", "relationship_kinds", "reporter_roles", "channels", "places", "flags", "sexes", "envelope_questions", "person_kinds", "rules_revision")
    class EnvelopeQuestionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    EDITION_FIELD_NUMBER: _ClassVar[int]
    ACT_TYPES_FIELD_NUMBER: _ClassVar[int]
    PERSON_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    RELATIONSHIP_KINDS_FIELD_NUMBER: _ClassVar[int]
    REPORTER_ROLES_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    PLACES_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    SEXES_FIELD_NUMBER: _ClassVar[int]
    ENVELOPE_QUESTIONS_FIELD_NUMBER: _ClassVar[int]
    PERSON_KINDS_FIELD_NUMBER: _ClassVar[int]
    RULES_REVISION_FIELD_NUMBER: _ClassVar[int]
    edition: str
    act_types: _containers.RepeatedCompositeFieldContainer[ActTypeInfo]
    person_attributes: _containers.RepeatedCompositeFieldContainer[AttributeInfo]
    incident_attributes: _containers.RepeatedCompositeFieldContainer[AttributeInfo]
    relationship_kinds: _containers.RepeatedCompositeFieldContainer[Term]
    reporter_roles: _containers.RepeatedCompositeFieldContainer[Term]
    channels: _containers.RepeatedCompositeFieldContainer[Term]
    places: _containers.RepeatedCompositeFieldContainer[Term]
    flags: _containers.RepeatedCompositeFieldContainer[Term]
    sexes: _containers.RepeatedScalarFieldContainer[str]
    envelope_questions: _containers.ScalarMap[str, str]
    person_kinds: _containers.RepeatedCompositeFieldContainer[Term]
    rules_revision: str
    def __init__(self, edition: _Optional[str] = ..., act_types: _Optional[_Iterable[_Union[ActTypeInfo, _Mapping]]] = ..., person_attributes: _Optional[_Iterable[_Union[AttributeInfo, _Mapping]]] = ..., incident_attributes: _Optional[_Iterable[_Union[AttributeInfo, _Mapping]]] = ..., relationship_kinds: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., reporter_roles: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., channels: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., places: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., flags: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., sexes: _Optional[_Iterable[str]] = ..., envelope_questions: _Optional[_Mapping[str, str]] = ..., person_kinds: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., rules_revision: _Optional[str] = ...) -> None: ...

class DescribeVocabularyResponse(_message.Message):
    __slots__ = ("vocabulary",)
    VOCABULARY_FIELD_NUMBER: _ClassVar[int]
    vocabulary: Vocabulary
    def __init__(self, vocabulary: _Optional[_Union[Vocabulary, _Mapping]] = ...) -> None: ...

class ActTypeInfo(_message.Message):
    __slots__ = ("name", "label", "attributes")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    name: str
    label: str
    attributes: _containers.RepeatedCompositeFieldContainer[AttributeInfo]
    def __init__(self, name: _Optional[str] = ..., label: _Optional[str] = ..., attributes: _Optional[_Iterable[_Union[AttributeInfo, _Mapping]]] = ...) -> None: ...

class AttributeInfo(_message.Message):
    __slots__ = ("name", "question", "kind", "values")
    NAME_FIELD_NUMBER: _ClassVar[int]
    QUESTION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    name: str
    question: str
    kind: str
    values: _containers.RepeatedCompositeFieldContainer[Term]
    def __init__(self, name: _Optional[str] = ..., question: _Optional[str] = ..., kind: _Optional[str] = ..., values: _Optional[_Iterable[_Union[Term, _Mapping]]] = ...) -> None: ...

class Term(_message.Message):
    __slots__ = ("name", "description")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class DecideRequest(_message.Message):
    __slots__ = ("incident", "edition", "as_of")
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    edition: str
    as_of: _timestamp_pb2.Timestamp
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ..., edition: _Optional[str] = ..., as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DecideResponse(_message.Message):
    __slots__ = ("decision",)
    DECISION_FIELD_NUMBER: _ClassVar[int]
    decision: Decision
    def __init__(self, decision: _Optional[_Union[Decision, _Mapping]] = ...) -> None: ...

class DecideBatchRequest(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[DecideRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[DecideRequest, _Mapping]]] = ...) -> None: ...

class DecideBatchResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[BatchResult]
    def __init__(self, results: _Optional[_Iterable[_Union[BatchResult, _Mapping]]] = ...) -> None: ...

class BatchResult(_message.Message):
    __slots__ = ("incident_id", "decision", "error")
    INCIDENT_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    incident_id: str
    decision: Decision
    error: _status_pb2.Status
    def __init__(self, incident_id: _Optional[str] = ..., decision: _Optional[_Union[Decision, _Mapping]] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ...) -> None: ...

class Incident(_message.Message):
    __slots__ = ("id", "reported_at", "reporter", "location", "persons", "relationships", "acts", "evidence", "prior_records", "attributes")
    class AttributesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    REPORTER_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    PERSONS_FIELD_NUMBER: _ClassVar[int]
    RELATIONSHIPS_FIELD_NUMBER: _ClassVar[int]
    ACTS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    PRIOR_RECORDS_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    reported_at: _timestamp_pb2.Timestamp
    reporter: Reporter
    location: Location
    persons: _containers.RepeatedCompositeFieldContainer[Person]
    relationships: _containers.RepeatedCompositeFieldContainer[Relationship]
    acts: _containers.RepeatedCompositeFieldContainer[Act]
    evidence: _containers.RepeatedCompositeFieldContainer[Evidence]
    prior_records: _containers.RepeatedCompositeFieldContainer[PriorRecord]
    attributes: _containers.ScalarMap[str, str]
    def __init__(self, id: _Optional[str] = ..., reported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reporter: _Optional[_Union[Reporter, _Mapping]] = ..., location: _Optional[_Union[Location, _Mapping]] = ..., persons: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., relationships: _Optional[_Iterable[_Union[Relationship, _Mapping]]] = ..., acts: _Optional[_Iterable[_Union[Act, _Mapping]]] = ..., evidence: _Optional[_Iterable[_Union[Evidence, _Mapping]]] = ..., prior_records: _Optional[_Iterable[_Union[PriorRecord, _Mapping]]] = ..., attributes: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Reporter(_message.Message):
    __slots__ = ("role", "person", "channel")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    role: str
    person: str
    channel: str
    def __init__(self, role: _Optional[str] = ..., person: _Optional[str] = ..., channel: _Optional[str] = ...) -> None: ...

class Location(_message.Message):
    __slots__ = ("force_area", "place", "country")
    FORCE_AREA_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    force_area: str
    place: str
    country: str
    def __init__(self, force_area: _Optional[str] = ..., place: _Optional[str] = ..., country: _Optional[str] = ...) -> None: ...

class Person(_message.Message):
    __slots__ = ("id", "age", "sex", "attributes", "kind")
    class AttributesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    AGE_FIELD_NUMBER: _ClassVar[int]
    SEX_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    id: str
    age: int
    sex: str
    attributes: _containers.ScalarMap[str, str]
    kind: str
    def __init__(self, id: _Optional[str] = ..., age: _Optional[int] = ..., sex: _Optional[str] = ..., attributes: _Optional[_Mapping[str, str]] = ..., kind: _Optional[str] = ...) -> None: ...

class Relationship(_message.Message):
    __slots__ = ("a", "b", "kind")
    A_FIELD_NUMBER: _ClassVar[int]
    B_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    a: str
    b: str
    kind: str
    def __init__(self, a: _Optional[str] = ..., b: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class Act(_message.Message):
    __slots__ = ("id", "type", "by", "against", "occurred_at", "attributes", "victim_age", "force_area")
    class AttributesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    AGAINST_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    VICTIM_AGE_FIELD_NUMBER: _ClassVar[int]
    FORCE_AREA_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: str
    by: _containers.RepeatedScalarFieldContainer[str]
    against: str
    occurred_at: _timestamp_pb2.Timestamp
    attributes: _containers.ScalarMap[str, str]
    victim_age: int
    force_area: str
    def __init__(self, id: _Optional[str] = ..., type: _Optional[str] = ..., by: _Optional[_Iterable[str]] = ..., against: _Optional[str] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., attributes: _Optional[_Mapping[str, str]] = ..., victim_age: _Optional[int] = ..., force_area: _Optional[str] = ...) -> None: ...

class Evidence(_message.Message):
    __slots__ = ("id", "acts", "contradicts", "credible", "immediately_available", "description")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACTS_FIELD_NUMBER: _ClassVar[int]
    CONTRADICTS_FIELD_NUMBER: _ClassVar[int]
    CREDIBLE_FIELD_NUMBER: _ClassVar[int]
    IMMEDIATELY_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    id: str
    acts: _containers.RepeatedScalarFieldContainer[str]
    contradicts: bool
    credible: bool
    immediately_available: bool
    description: str
    def __init__(self, id: _Optional[str] = ..., acts: _Optional[_Iterable[str]] = ..., contradicts: _Optional[bool] = ..., credible: _Optional[bool] = ..., immediately_available: _Optional[bool] = ..., description: _Optional[str] = ...) -> None: ...

class PriorRecord(_message.Message):
    __slots__ = ("reference", "victim", "offenders", "reported_at", "classification")
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    VICTIM_FIELD_NUMBER: _ClassVar[int]
    OFFENDERS_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    reference: str
    victim: str
    offenders: _containers.RepeatedScalarFieldContainer[str]
    reported_at: _timestamp_pb2.Timestamp
    classification: str
    def __init__(self, reference: _Optional[str] = ..., victim: _Optional[str] = ..., offenders: _Optional[_Iterable[str]] = ..., reported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., classification: _Optional[str] = ...) -> None: ...

class Decision(_message.Message):
    __slots__ = ("decision_id", "incident_id", "outcome", "edition", "crimes", "negations", "questions", "record_by", "deadline_passed", "acts", "reviews", "trace", "decided_at", "notes", "rules_revision", "request_digest", "assumptions")
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    CRIMES_FIELD_NUMBER: _ClassVar[int]
    NEGATIONS_FIELD_NUMBER: _ClassVar[int]
    QUESTIONS_FIELD_NUMBER: _ClassVar[int]
    RECORD_BY_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_PASSED_FIELD_NUMBER: _ClassVar[int]
    ACTS_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    TRACE_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    RULES_REVISION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_DIGEST_FIELD_NUMBER: _ClassVar[int]
    ASSUMPTIONS_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    incident_id: str
    outcome: Outcome
    edition: str
    crimes: _containers.RepeatedCompositeFieldContainer[Crime]
    negations: _containers.RepeatedCompositeFieldContainer[Negation]
    questions: _containers.RepeatedCompositeFieldContainer[Question]
    record_by: _timestamp_pb2.Timestamp
    deadline_passed: bool
    acts: _containers.RepeatedCompositeFieldContainer[ActAccount]
    reviews: _containers.RepeatedCompositeFieldContainer[Review]
    trace: _containers.RepeatedCompositeFieldContainer[Firing]
    decided_at: _timestamp_pb2.Timestamp
    notes: _containers.RepeatedCompositeFieldContainer[Note]
    rules_revision: str
    request_digest: str
    assumptions: _containers.RepeatedCompositeFieldContainer[Assumption]
    def __init__(self, decision_id: _Optional[str] = ..., incident_id: _Optional[str] = ..., outcome: _Optional[_Union[Outcome, str]] = ..., edition: _Optional[str] = ..., crimes: _Optional[_Iterable[_Union[Crime, _Mapping]]] = ..., negations: _Optional[_Iterable[_Union[Negation, _Mapping]]] = ..., questions: _Optional[_Iterable[_Union[Question, _Mapping]]] = ..., record_by: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., deadline_passed: _Optional[bool] = ..., acts: _Optional[_Iterable[_Union[ActAccount, _Mapping]]] = ..., reviews: _Optional[_Iterable[_Union[Review, _Mapping]]] = ..., trace: _Optional[_Iterable[_Union[Firing, _Mapping]]] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., notes: _Optional[_Iterable[_Union[Note, _Mapping]]] = ..., rules_revision: _Optional[str] = ..., request_digest: _Optional[str] = ..., assumptions: _Optional[_Iterable[_Union[Assumption, _Mapping]]] = ...) -> None: ...

class Assumption(_message.Message):
    __slots__ = ("act", "field", "attribute", "value", "text", "id", "citation")
    ACT_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    CITATION_FIELD_NUMBER: _ClassVar[int]
    act: str
    field: str
    attribute: str
    value: str
    text: str
    id: str
    citation: str
    def __init__(self, act: _Optional[str] = ..., field: _Optional[str] = ..., attribute: _Optional[str] = ..., value: _Optional[str] = ..., text: _Optional[str] = ..., id: _Optional[str] = ..., citation: _Optional[str] = ...) -> None: ...

class Crime(_message.Message):
    __slots__ = ("id", "classification", "ho_code", "title", "offence_title", "victim", "offenders", "acts", "flags", "rule_ids", "citations", "provisional", "refined_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    HO_CODE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    OFFENCE_TITLE_FIELD_NUMBER: _ClassVar[int]
    VICTIM_FIELD_NUMBER: _ClassVar[int]
    OFFENDERS_FIELD_NUMBER: _ClassVar[int]
    ACTS_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    RULE_IDS_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    PROVISIONAL_FIELD_NUMBER: _ClassVar[int]
    REFINED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    classification: str
    ho_code: str
    title: str
    offence_title: str
    victim: str
    offenders: _containers.RepeatedScalarFieldContainer[str]
    acts: _containers.RepeatedScalarFieldContainer[str]
    flags: _containers.RepeatedCompositeFieldContainer[Flag]
    rule_ids: _containers.RepeatedScalarFieldContainer[str]
    citations: _containers.RepeatedScalarFieldContainer[str]
    provisional: bool
    refined_by: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., classification: _Optional[str] = ..., ho_code: _Optional[str] = ..., title: _Optional[str] = ..., offence_title: _Optional[str] = ..., victim: _Optional[str] = ..., offenders: _Optional[_Iterable[str]] = ..., acts: _Optional[_Iterable[str]] = ..., flags: _Optional[_Iterable[_Union[Flag, _Mapping]]] = ..., rule_ids: _Optional[_Iterable[str]] = ..., citations: _Optional[_Iterable[str]] = ..., provisional: _Optional[bool] = ..., refined_by: _Optional[_Iterable[str]] = ...) -> None: ...

class Flag(_message.Message):
    __slots__ = ("name", "value", "rule_id", "citation")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    CITATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    rule_id: str
    citation: str
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ..., rule_id: _Optional[str] = ..., citation: _Optional[str] = ...) -> None: ...

class Negation(_message.Message):
    __slots__ = ("act", "reason_code", "citation", "sentence", "disposition", "crime_id", "incident_class", "incident_code", "incident_title", "transfer_to")
    ACT_FIELD_NUMBER: _ClassVar[int]
    REASON_CODE_FIELD_NUMBER: _ClassVar[int]
    CITATION_FIELD_NUMBER: _ClassVar[int]
    SENTENCE_FIELD_NUMBER: _ClassVar[int]
    DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    CRIME_ID_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_CLASS_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_CODE_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_TITLE_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_TO_FIELD_NUMBER: _ClassVar[int]
    act: str
    reason_code: str
    citation: str
    sentence: str
    disposition: str
    crime_id: str
    incident_class: str
    incident_code: str
    incident_title: str
    transfer_to: str
    def __init__(self, act: _Optional[str] = ..., reason_code: _Optional[str] = ..., citation: _Optional[str] = ..., sentence: _Optional[str] = ..., disposition: _Optional[str] = ..., crime_id: _Optional[str] = ..., incident_class: _Optional[str] = ..., incident_code: _Optional[str] = ..., incident_title: _Optional[str] = ..., transfer_to: _Optional[str] = ...) -> None: ...

class Question(_message.Message):
    __slots__ = ("field", "attribute", "text", "allowed", "acts", "rule_ids", "purpose", "items", "none_applies")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_FIELD_NUMBER: _ClassVar[int]
    ACTS_FIELD_NUMBER: _ClassVar[int]
    RULE_IDS_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NONE_APPLIES_FIELD_NUMBER: _ClassVar[int]
    field: str
    attribute: str
    text: str
    allowed: _containers.RepeatedScalarFieldContainer[str]
    acts: _containers.RepeatedScalarFieldContainer[str]
    rule_ids: _containers.RepeatedScalarFieldContainer[str]
    purpose: str
    items: _containers.RepeatedCompositeFieldContainer[Question]
    none_applies: str
    def __init__(self, field: _Optional[str] = ..., attribute: _Optional[str] = ..., text: _Optional[str] = ..., allowed: _Optional[_Iterable[str]] = ..., acts: _Optional[_Iterable[str]] = ..., rule_ids: _Optional[_Iterable[str]] = ..., purpose: _Optional[str] = ..., items: _Optional[_Iterable[_Union[Question, _Mapping]]] = ..., none_applies: _Optional[str] = ...) -> None: ...

class ActAccount(_message.Message):
    __slots__ = ("act", "status", "crime_id", "reason_code")
    ACT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CRIME_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_CODE_FIELD_NUMBER: _ClassVar[int]
    act: str
    status: ActStatus
    crime_id: str
    reason_code: str
    def __init__(self, act: _Optional[str] = ..., status: _Optional[_Union[ActStatus, str]] = ..., crime_id: _Optional[str] = ..., reason_code: _Optional[str] = ...) -> None: ...

class Review(_message.Message):
    __slots__ = ("act", "rule_id", "reason")
    ACT_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    act: str
    rule_id: str
    reason: str
    def __init__(self, act: _Optional[str] = ..., rule_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class Note(_message.Message):
    __slots__ = ("act", "rule_id", "text", "citation")
    ACT_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CITATION_FIELD_NUMBER: _ClassVar[int]
    act: str
    rule_id: str
    text: str
    citation: str
    def __init__(self, act: _Optional[str] = ..., rule_id: _Optional[str] = ..., text: _Optional[str] = ..., citation: _Optional[str] = ...) -> None: ...

class Firing(_message.Message):
    __slots__ = ("rule_id", "facts", "citation", "overridden_by")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    CITATION_FIELD_NUMBER: _ClassVar[int]
    OVERRIDDEN_BY_FIELD_NUMBER: _ClassVar[int]
    rule_id: str
    facts: _containers.ScalarMap[str, str]
    citation: str
    overridden_by: str
    def __init__(self, rule_id: _Optional[str] = ..., facts: _Optional[_Mapping[str, str]] = ..., citation: _Optional[str] = ..., overridden_by: _Optional[str] = ...) -> None: ...

class ListSupervisionRequest(_message.Message):
    __slots__ = ("kind", "caller", "since", "overdue", "include_resolved", "limit")
    KIND_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_RESOLVED_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    kind: str
    caller: str
    since: _timestamp_pb2.Timestamp
    overdue: bool
    include_resolved: bool
    limit: int
    def __init__(self, kind: _Optional[str] = ..., caller: _Optional[str] = ..., since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., overdue: _Optional[bool] = ..., include_resolved: _Optional[bool] = ..., limit: _Optional[int] = ...) -> None: ...

class ListSupervisionResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[SupervisionItem]
    def __init__(self, items: _Optional[_Iterable[_Union[SupervisionItem, _Mapping]]] = ...) -> None: ...

class SupervisionItem(_message.Message):
    __slots__ = ("decision_id", "kinds", "reasons", "incident_id", "caller", "edition", "rules_revision", "received_at", "record_by", "overdue", "outcome", "classifications", "resolutions")
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    RULES_REVISION_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    RECORD_BY_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    RESOLUTIONS_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    kinds: _containers.RepeatedScalarFieldContainer[str]
    reasons: _containers.RepeatedScalarFieldContainer[str]
    incident_id: str
    caller: str
    edition: str
    rules_revision: str
    received_at: _timestamp_pb2.Timestamp
    record_by: _timestamp_pb2.Timestamp
    overdue: bool
    outcome: Outcome
    classifications: _containers.RepeatedScalarFieldContainer[str]
    resolutions: _containers.RepeatedCompositeFieldContainer[Resolution]
    def __init__(self, decision_id: _Optional[str] = ..., kinds: _Optional[_Iterable[str]] = ..., reasons: _Optional[_Iterable[str]] = ..., incident_id: _Optional[str] = ..., caller: _Optional[str] = ..., edition: _Optional[str] = ..., rules_revision: _Optional[str] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., record_by: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., overdue: _Optional[bool] = ..., outcome: _Optional[_Union[Outcome, str]] = ..., classifications: _Optional[_Iterable[str]] = ..., resolutions: _Optional[_Iterable[_Union[Resolution, _Mapping]]] = ...) -> None: ...

class Resolution(_message.Message):
    __slots__ = ("resolution_id", "decision_id", "verdict", "reason", "supervisor", "caller", "resolved_at", "outcome", "classifications")
    RESOLUTION_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SUPERVISOR_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    resolution_id: str
    decision_id: str
    verdict: str
    reason: str
    supervisor: str
    caller: str
    resolved_at: _timestamp_pb2.Timestamp
    outcome: Outcome
    classifications: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, resolution_id: _Optional[str] = ..., decision_id: _Optional[str] = ..., verdict: _Optional[str] = ..., reason: _Optional[str] = ..., supervisor: _Optional[str] = ..., caller: _Optional[str] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., outcome: _Optional[_Union[Outcome, str]] = ..., classifications: _Optional[_Iterable[str]] = ...) -> None: ...

class ResolveSupervisionRequest(_message.Message):
    __slots__ = ("decision_id", "verdict", "reason", "supervisor", "outcome", "classifications")
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SUPERVISOR_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    verdict: str
    reason: str
    supervisor: str
    outcome: Outcome
    classifications: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, decision_id: _Optional[str] = ..., verdict: _Optional[str] = ..., reason: _Optional[str] = ..., supervisor: _Optional[str] = ..., outcome: _Optional[_Union[Outcome, str]] = ..., classifications: _Optional[_Iterable[str]] = ...) -> None: ...

class ResolveSupervisionResponse(_message.Message):
    __slots__ = ("resolution", "item")
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    resolution: Resolution
    item: SupervisionItem
    def __init__(self, resolution: _Optional[_Union[Resolution, _Mapping]] = ..., item: _Optional[_Union[SupervisionItem, _Mapping]] = ...) -> None: ...

class AuditRequest(_message.Message):
    __slots__ = ("options", "record")
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    options: AuditOptions
    record: AuditRecord
    def __init__(self, options: _Optional[_Union[AuditOptions, _Mapping]] = ..., record: _Optional[_Union[AuditRecord, _Mapping]] = ...) -> None: ...

class AuditOptions(_message.Message):
    __slots__ = ("edition", "population", "recorded_per_year")
    EDITION_FIELD_NUMBER: _ClassVar[int]
    POPULATION_FIELD_NUMBER: _ClassVar[int]
    RECORDED_PER_YEAR_FIELD_NUMBER: _ClassVar[int]
    edition: str
    population: int
    recorded_per_year: float
    def __init__(self, edition: _Optional[str] = ..., population: _Optional[int] = ..., recorded_per_year: _Optional[float] = ...) -> None: ...

class AuditRecord(_message.Message):
    __slots__ = ("incident", "crimes", "n_records", "incident_records", "cancellations", "route")
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    CRIMES_FIELD_NUMBER: _ClassVar[int]
    N_RECORDS_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_RECORDS_FIELD_NUMBER: _ClassVar[int]
    CANCELLATIONS_FIELD_NUMBER: _ClassVar[int]
    ROUTE_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    crimes: _containers.RepeatedCompositeFieldContainer[AuditRecordedCrime]
    n_records: _containers.RepeatedCompositeFieldContainer[AuditRecordedCrime]
    incident_records: _containers.RepeatedCompositeFieldContainer[AuditIncidentRecord]
    cancellations: _containers.RepeatedCompositeFieldContainer[AuditCancellation]
    route: str
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ..., crimes: _Optional[_Iterable[_Union[AuditRecordedCrime, _Mapping]]] = ..., n_records: _Optional[_Iterable[_Union[AuditRecordedCrime, _Mapping]]] = ..., incident_records: _Optional[_Iterable[_Union[AuditIncidentRecord, _Mapping]]] = ..., cancellations: _Optional[_Iterable[_Union[AuditCancellation, _Mapping]]] = ..., route: _Optional[str] = ...) -> None: ...

class AuditRecordedCrime(_message.Message):
    __slots__ = ("reference", "classification", "ho_code", "victim", "recorded_at", "flags")
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    HO_CODE_FIELD_NUMBER: _ClassVar[int]
    VICTIM_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    reference: str
    classification: str
    ho_code: str
    victim: str
    recorded_at: _timestamp_pb2.Timestamp
    flags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, reference: _Optional[str] = ..., classification: _Optional[str] = ..., ho_code: _Optional[str] = ..., victim: _Optional[str] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., flags: _Optional[_Iterable[str]] = ...) -> None: ...

class AuditIncidentRecord(_message.Message):
    __slots__ = ("reference", "kind")
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    reference: str
    kind: str
    def __init__(self, reference: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class AuditCancellation(_message.Message):
    __slots__ = ("reference", "code", "facts")
    class FactsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    reference: str
    code: str
    facts: _containers.ScalarMap[str, str]
    def __init__(self, reference: _Optional[str] = ..., code: _Optional[str] = ..., facts: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AuditResponse(_message.Message):
    __slots__ = ("finding", "problem", "summary")
    FINDING_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    finding: AuditFinding
    problem: AuditProblem
    summary: AuditSummary
    def __init__(self, finding: _Optional[_Union[AuditFinding, _Mapping]] = ..., problem: _Optional[_Union[AuditProblem, _Mapping]] = ..., summary: _Optional[_Union[AuditSummary, _Mapping]] = ...) -> None: ...

class AuditFinding(_message.Message):
    __slots__ = ("record", "incident_id", "finding", "issues", "victim", "expected_classification", "expected_ho_code", "recorded_classification", "recorded_ho_code", "recorded_reference", "groups", "hours_to_record", "rule_ids", "citations", "note", "edition", "edition_forced")
    RECORD_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FINDING_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    VICTIM_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_HO_CODE_FIELD_NUMBER: _ClassVar[int]
    RECORDED_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    RECORDED_HO_CODE_FIELD_NUMBER: _ClassVar[int]
    RECORDED_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    HOURS_TO_RECORD_FIELD_NUMBER: _ClassVar[int]
    RULE_IDS_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    EDITION_FORCED_FIELD_NUMBER: _ClassVar[int]
    record: int
    incident_id: str
    finding: str
    issues: _containers.RepeatedScalarFieldContainer[str]
    victim: str
    expected_classification: str
    expected_ho_code: str
    recorded_classification: str
    recorded_ho_code: str
    recorded_reference: str
    groups: _containers.RepeatedScalarFieldContainer[str]
    hours_to_record: float
    rule_ids: _containers.RepeatedScalarFieldContainer[str]
    citations: _containers.RepeatedScalarFieldContainer[str]
    note: str
    edition: str
    edition_forced: bool
    def __init__(self, record: _Optional[int] = ..., incident_id: _Optional[str] = ..., finding: _Optional[str] = ..., issues: _Optional[_Iterable[str]] = ..., victim: _Optional[str] = ..., expected_classification: _Optional[str] = ..., expected_ho_code: _Optional[str] = ..., recorded_classification: _Optional[str] = ..., recorded_ho_code: _Optional[str] = ..., recorded_reference: _Optional[str] = ..., groups: _Optional[_Iterable[str]] = ..., hours_to_record: _Optional[float] = ..., rule_ids: _Optional[_Iterable[str]] = ..., citations: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ..., edition: _Optional[str] = ..., edition_forced: _Optional[bool] = ...) -> None: ...

class AuditProblem(_message.Message):
    __slots__ = ("record", "incident_id", "kind", "status")
    RECORD_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    record: int
    incident_id: str
    kind: str
    status: _status_pb2.Status
    def __init__(self, record: _Optional[int] = ..., incident_id: _Optional[str] = ..., kind: _Optional[str] = ..., status: _Optional[_Union[_status_pb2.Status, _Mapping]] = ...) -> None: ...

class AuditRate(_message.Message):
    __slots__ = ("group", "title", "recorded", "should_have_been_recorded", "rate", "wald_half_width", "wald_lo", "wald_hi", "wilson_lo", "wilson_hi", "fpc_half_width", "unrecorded_per_year")
    GROUP_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    RECORDED_FIELD_NUMBER: _ClassVar[int]
    SHOULD_HAVE_BEEN_RECORDED_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    WALD_HALF_WIDTH_FIELD_NUMBER: _ClassVar[int]
    WALD_LO_FIELD_NUMBER: _ClassVar[int]
    WALD_HI_FIELD_NUMBER: _ClassVar[int]
    WILSON_LO_FIELD_NUMBER: _ClassVar[int]
    WILSON_HI_FIELD_NUMBER: _ClassVar[int]
    FPC_HALF_WIDTH_FIELD_NUMBER: _ClassVar[int]
    UNRECORDED_PER_YEAR_FIELD_NUMBER: _ClassVar[int]
    group: str
    title: str
    recorded: int
    should_have_been_recorded: int
    rate: float
    wald_half_width: float
    wald_lo: float
    wald_hi: float
    wilson_lo: float
    wilson_hi: float
    fpc_half_width: float
    unrecorded_per_year: float
    def __init__(self, group: _Optional[str] = ..., title: _Optional[str] = ..., recorded: _Optional[int] = ..., should_have_been_recorded: _Optional[int] = ..., rate: _Optional[float] = ..., wald_half_width: _Optional[float] = ..., wald_lo: _Optional[float] = ..., wald_hi: _Optional[float] = ..., wilson_lo: _Optional[float] = ..., wilson_hi: _Optional[float] = ..., fpc_half_width: _Optional[float] = ..., unrecorded_per_year: _Optional[float] = ...) -> None: ...

class AuditSummary(_message.Message):
    __slots__ = ("records", "audited", "bad_records", "not_auditable", "decided_under_named_edition", "rates", "summary_json")
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    AUDITED_FIELD_NUMBER: _ClassVar[int]
    BAD_RECORDS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUDITABLE_FIELD_NUMBER: _ClassVar[int]
    DECIDED_UNDER_NAMED_EDITION_FIELD_NUMBER: _ClassVar[int]
    RATES_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_JSON_FIELD_NUMBER: _ClassVar[int]
    records: int
    audited: int
    bad_records: int
    not_auditable: int
    decided_under_named_edition: int
    rates: _containers.RepeatedCompositeFieldContainer[AuditRate]
    summary_json: str
    def __init__(self, records: _Optional[int] = ..., audited: _Optional[int] = ..., bad_records: _Optional[int] = ..., not_auditable: _Optional[int] = ..., decided_under_named_edition: _Optional[int] = ..., rates: _Optional[_Iterable[_Union[AuditRate, _Mapping]]] = ..., summary_json: _Optional[str] = ...) -> None: ...
