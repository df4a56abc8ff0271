"""The incident envelope as pydantic models: the one place where input is validated.

Structure, types and sizes are checked by pydantic; act types, attributes and their values are
checked against the vocabulary of the edition the incident will be decided under. Every problem
comes back as a (field path, message) pair, e.g. ``("acts[2].attributes.injury", "...")``; nothing
invalid reaches the engine.
"""
from __future__ import annotations

import datetime as dt
import re as _re
import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, ValidationError, field_validator
from pydantic_core import TzInfo as _TzInfo

from ..rules.model import MAX_ATTRIBUTES, Edition
from ..rules.problems import suggest

MAX_PERSONS = 100
MAX_ACTS = 100
MAX_RELATIONSHIPS = 500
MAX_EVIDENCE = 100
MAX_PRIOR = 100
MAX_BATCH = 500
MIN_YEAR, MAX_YEAR = 1900, 2999

Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")]
# ids of persons, acts and evidence are joined with ':' into the engine's fact ids, so they have none
LocalId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
Word = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Text = Annotated[str, StringConstraints(max_length=2000)]
AttrValue = bool | int | Annotated[str, StringConstraints(max_length=200)]
Attrs = Annotated[dict[Word, AttrValue], Field(max_length=MAX_ATTRIBUTES)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("must include a time zone (e.g. 2026-06-01T10:00:00Z)")
    if value is not None and not (MIN_YEAR <= value.year <= MAX_YEAR):
        # far from any report a police force can take; also keeps report time + 24 h in range
        raise ValueError(f"must be a time between the years {MIN_YEAR} and {MAX_YEAR}")
    return value


class Reporter(_Model):
    role: Word
    person: Id | None = None
    channel: Word | None = None


class Location(_Model):
    force_area: Word | None = None
    place: Word | None = None
    country: Word | None = None


class Person(_Model):
    id: LocalId
    age: Annotated[int, Field(ge=0, le=130)] | None = None
    sex: Word | None = None
    # a person_kind of the vocabulary (a person, or an organisation such as a business); unset: a person
    kind: Word | None = None
    attributes: Attrs = {}


class Relationship(_Model):
    a: Id
    b: Id
    kind: Word


class Act(_Model):
    id: LocalId
    type: Word
    by: Annotated[list[Id], Field(max_length=20)] = []
    against: Id | None = None
    occurred_at: dt.datetime | None = None
    # the victim's age when this act happened (historic abuse), where it differs from their age now
    victim_age: Annotated[int, Field(ge=0, le=130)] | None = None
    # the force area this act was committed in (a series may span several forces)
    force_area: Word | None = None
    attributes: Attrs = {}

    _tz = field_validator("occurred_at")(_aware)


class Evidence(_Model):
    id: LocalId
    acts: Annotated[list[Id], Field(min_length=1, max_length=MAX_ACTS)]
    contradicts: bool = False
    credible: bool = False
    immediately_available: bool = False
    description: Text | None = None


class PriorRecord(_Model):
    reference: Id
    victim: Id | None = None
    offenders: Annotated[list[Id], Field(max_length=20)] = []
    reported_at: dt.datetime
    classification: Word | None = None

    _tz = field_validator("reported_at")(_aware)


class Incident(_Model):
    id: Id
    reported_at: dt.datetime
    reporter: Reporter
    location: Location = Location()
    persons: Annotated[list[Person], Field(max_length=MAX_PERSONS)] = []
    relationships: Annotated[list[Relationship], Field(max_length=MAX_RELATIONSHIPS)] = []
    acts: Annotated[list[Act], Field(min_length=1, max_length=MAX_ACTS)]
    evidence: Annotated[list[Evidence], Field(max_length=MAX_EVIDENCE)] = []
    prior_records: Annotated[list[PriorRecord], Field(max_length=MAX_PRIOR)] = []
    attributes: Attrs = {}
    # the incident's proto bytes (deterministic), when it came straight from a proto message:
    # its request digest is taken from them (decision.request_digest_of)
    _wire: bytes | None = PrivateAttr(default=None)

    _tz = field_validator("reported_at")(_aware)


def wire_of(inc: Incident) -> bytes | None:
    """The incident's proto bytes (``Incident._wire``) when it came straight from a proto message,
    else None; read from the model's private values, as pydantic's own lookup of a private
    attribute costs more than encoding the message again."""
    private = inc.__pydantic_private__
    return private.get("_wire") if private else None


def with_id(inc: Incident, incident_id: str) -> Incident:
    """The incident under another id: what ``inc.model_copy(update={"id": incident_id})`` gives (the
    same fields, the id replaced, its private values copied), without pydantic's per-call work."""
    private = inc.__pydantic_private__
    m = _make(Incident, {**inc.__dict__, "id": incident_id}, dict(private) if private is not None else None)
    _FIELDS_SET(m, inc.__pydantic_fields_set__ | {"id"})
    return m


class InvalidIncident(ValueError):
    """Input that cannot be decided. ``violations`` is a list of (field path, description)."""

    def __init__(self, violations: list[tuple[str, str]]):
        self.violations = violations
        super().__init__("; ".join(f"{p}: {m}" for p, m in violations))


def path_of(loc: tuple, prefix: str = "") -> str:
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def normalise(value: Any) -> Any:
    """NFC-normalise every string (keys too), so that equal text is equal bytes for the engine."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {normalise(k): normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


def parse_incident(raw: Any, prefix: str = "") -> Incident:
    """Structure and types only; raises InvalidIncident with field paths."""
    if isinstance(raw, Incident):  # already validated (incident_from_proto)
        return raw
    if not isinstance(raw, dict):
        raise InvalidIncident([(prefix or "incident", "must be an object")])
    try:
        return Incident.model_validate(normalise(raw))
    except ValidationError as exc:
        by_path: dict[str, list[str]] = {}
        for err in exc.errors(include_url=False):
            # drop the union-member and validator names pydantic puts in the location
            loc = tuple(p for p in err["loc"] if isinstance(p, int) or not (
                str(p).startswith(("function-", "bool", "int", "constrained-str", "str"))))
            by_path.setdefault(path_of(loc, prefix) or prefix or "incident", []).append(err["msg"])
        violations = [(path, msgs[0] if len(msgs) == 1 else "must be text, a whole number or true/false")
                      for path, msgs in by_path.items()]
        raise InvalidIncident(violations) from None


def _check_attrs(attrs: dict, specs: dict, path: str, out: list[tuple[str, str]], typed: dict) -> None:
    for name, value in attrs.items():
        spec = specs.get(name)
        if spec is None:
            hint = suggest(name, specs)
            msg = "unknown attribute" + (f"; did you mean {hint!r}?" if hint else "")
            if specs:
                msg += f" (known: {', '.join(sorted(specs))})"
            out.append((f"{path}.{name}", msg))
            continue
        try:
            typed[name] = spec.coerce(value)
        except ValueError as exc:
            out.append((f"{path}.{name}", str(exc)))


def _check_word(value: str | None, allowed, path: str, what: str, out: list[tuple[str, str]]) -> None:
    """`allowed`: the vocabulary's words (a dict's keys or a tuple), listed in its order when
    `value` is none of them."""
    if value is None or value in allowed:
        return
    allowed = list(allowed)
    hint = suggest(value, allowed)
    out.append((path, f"unknown {what}" + (f"; did you mean {hint!r}?" if hint else "")
                + f" (known: {', '.join(allowed)})"))


def check_incident(inc: Incident, edition: Edition, prefix: str = "") -> Incident:
    """Check references and vocabulary; coerce attribute values to their declared types.

    A field's path is worked out only for a violation (most incidents have none): `ref` and
    `word` take the path as a format and its parts."""
    v = edition.vocab
    out: list[tuple[str, str]] = []
    pre = f"{prefix}." if prefix else ""

    def p(s: str) -> str:
        return pre + s

    person_ids = [x.id for x in inc.persons]
    act_ids = [x.id for x in inc.acts]
    for kind, ids, name in (("persons", person_ids, "person"), ("acts", act_ids, "act")):
        if len(set(ids)) == len(ids):
            continue
        seen = set()
        for i, x in enumerate(ids):
            if x in seen:
                out.append((p(f"{kind}[{i}].id"), f"duplicate {name} id (the same as an earlier {name})"))
            seen.add(x)
    persons = set(person_ids)

    def ref(value: str | None, path: str, *parts) -> None:
        if value is not None and value not in persons:
            hint = suggest(value, persons)
            out.append((path.format(*parts), "no person with this id" + (f"; did you mean {hint!r}?" if hint else "")))

    def word(value: str | None, allowed, what: str, path: str, *parts) -> None:
        if value is not None and value not in allowed:
            _check_word(value, allowed, path.format(*parts), what, out)

    word(inc.reporter.role, v.reporter_roles, "reporter role", "{}reporter.role", pre)
    word(inc.reporter.channel, v.channels, "channel", "{}reporter.channel", pre)
    ref(inc.reporter.person, "{}reporter.person", pre)
    word(inc.location.place, v.places, "place", "{}location.place", pre)
    typed: dict = {}
    if inc.attributes:
        _check_attrs(inc.attributes, v.incident_attributes, p("attributes"), out, typed)
    inc.attributes = typed

    first_kind = next(iter(v.person_kinds), None)
    for i, person in enumerate(inc.persons):
        word(person.sex, v.sexes, "sex", "{}persons[{}].sex", pre, i)
        word(person.kind, v.person_kinds, "kind of party", "{}persons[{}].kind", pre, i)
        if person.kind is not None and person.kind != (person.kind if first_kind is None else first_kind):
            # a party that is not a person (an organisation) has no age, sex or personal capacity
            persons_only = {name for name, a in v.person_attributes.items() if a.persons_only}
            for fld in ("age", "sex"):
                if getattr(person, fld) is not None:
                    out.append((p(f"persons[{i}].{fld}"), f"a party of kind {person.kind!r} has no {fld}"))
            for name in sorted(set(person.attributes) & persons_only):
                out.append((p(f"persons[{i}].attributes.{name}"), f"is asked only of a person, not of a {person.kind}"))
        typed = {}
        if person.attributes:
            _check_attrs(person.attributes, v.person_attributes, p(f"persons[{i}].attributes"), out, typed)
        person.attributes = typed
    for i, rel in enumerate(inc.relationships):
        ref(rel.a, "{}relationships[{}].a", pre, i)
        ref(rel.b, "{}relationships[{}].b", pre, i)
        if rel.a == rel.b:
            out.append((p(f"relationships[{i}].b"), "a relationship needs two different persons"))
        word(rel.kind, v.relationship_kinds, "relationship kind", "{}relationships[{}].kind", pre, i)
    for i, act in enumerate(inc.acts):
        act_type = v.act_types.get(act.type)
        if act_type is None:
            _check_word(act.type, v.act_types, f"{pre}acts[{i}].type", "act type", out)
        else:
            typed = {}
            if act.attributes:
                _check_attrs(act.attributes, act_type.attributes, f"{pre}acts[{i}].attributes", out, typed)
            act.attributes = typed
        by = act.by
        for j, who in enumerate(by):
            ref(who, "{}acts[{}].by[{}]", pre, i, j)
            if j and who in by[:j]:
                out.append((f"{pre}acts[{i}].by[{j}]", "this person is already listed among those who did the act"))
        ref(act.against, "{}acts[{}].against", pre, i)
        if act.victim_age is not None and act.against is None:
            out.append((f"{pre}acts[{i}].victim_age", "an act with no victim has no victim's age"))
        if act.against is not None and act.against in by:
            out.append((f"{pre}acts[{i}].against", "the victim of an act cannot also be one who did it"))
    if inc.evidence:
        known_acts = set(act_ids)
        evidence_ids: set[str] = set()
        for i, ev in enumerate(inc.evidence):
            if ev.id in evidence_ids:
                out.append((p(f"evidence[{i}].id"), "duplicate evidence id (the same as an earlier evidence)"))
            evidence_ids.add(ev.id)
            for j, a in enumerate(ev.acts):
                if a not in known_acts:
                    out.append((p(f"evidence[{i}].acts[{j}]"), "no act with this id"))
                elif a in ev.acts[:j]:
                    out.append((p(f"evidence[{i}].acts[{j}]"), "this act is already linked to this evidence"))
    for i, pr in enumerate(inc.prior_records):
        ref(pr.victim, "{}prior_records[{}].victim", pre, i)
        for j, o in enumerate(pr.offenders):
            ref(o, "{}prior_records[{}].offenders[{}]", pre, i, j)
    if out:
        raise InvalidIncident(out)
    return inc


# ---------------------------------------------------------------- straight from the proto message
# The gRPC door (and the HTTP door, which parses JSON into the same message) validates the message
# itself: when every value already satisfies the models above as it stands (lengths, patterns,
# ranges, counts, required fields; text NFC and without surrounding space, so that nothing would be
# changed), the models are built without a second pass. Anything else (a value the models would
# refuse or change) returns None, and the caller takes the models' own path, so that every error
# is reported exactly as the models report it. tests/test_contract_proto.py checks both ways.

_ID = _re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]*")
_LOCAL_ID = _re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
# the same patterns with the models' 64-character bound in them: one fullmatch checks both
_ID_OK = _re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}").fullmatch
_LOCAL_ID_OK = _re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}").fullmatch
_UTC = _TzInfo(0)
_EPOCH_Z = dt.datetime(1970, 1, 1, tzinfo=_UTC)
# a Timestamp's time is in the years MIN_YEAR..MAX_YEAR exactly when its seconds are in
# [_FIRST, _END): its nanoseconds add less than a second
_FIRST = int((dt.datetime(MIN_YEAR, 1, 1, tzinfo=dt.timezone.utc) - _EPOCH_Z).total_seconds())
_END = int((dt.datetime(MAX_YEAR + 1, 1, 1, tzinfo=dt.timezone.utc) - _EPOCH_Z).total_seconds())


def time_in_years(ts) -> bool:
    """A protobuf Timestamp in the years MIN_YEAR..MAX_YEAR (UTC) with valid nanos: what the
    contract accepts (`_when`), read from its fields (the seconds alone decide the year)."""
    return _FIRST <= ts.seconds < _END and 0 <= ts.nanos <= 999_999_999


_is_normalized = unicodedata.is_normalized


class _Decline(Exception):
    pass


# The checks below are written out in each helper (no helper calls another): a message holds dozens
# of strings, and these run for every one.

def _clean_text(s: str, lo: int, hi: int) -> str:
    if not (lo <= len(s) <= hi) or s != s.strip() or not (s.isascii() or _is_normalized("NFC", s)):
        raise _Decline
    return s


def _id(s: str, local: bool = False) -> str:
    if not (_LOCAL_ID_OK if local else _ID_OK)(s):
        raise _Decline
    return s


def _opt_id(s: str) -> str | None:
    if s == "":
        return None
    if not _ID_OK(s):
        raise _Decline
    return s


def _ids(values, most: int) -> list[str]:
    out = list(values)
    if len(out) > most:
        raise _Decline
    for s in out:
        if not _ID_OK(s):
            raise _Decline
    return out


def _word(s: str) -> str:
    if not (0 < len(s) <= 64) or s != s.strip() or not (s.isascii() or _is_normalized("NFC", s)):
        raise _Decline
    return s


def _opt_word(s: str) -> str | None:
    if s == "":
        return None
    if len(s) > 64 or s != s.strip() or not (s.isascii() or _is_normalized("NFC", s)):
        raise _Decline
    return s


def _attrs(m) -> dict:
    """A map's entries as a dict in the map's order: each key a word, each value a text of at most
    200 characters (as _word and _clean_text check them)."""
    if not m:
        return {}
    if len(m) > MAX_ATTRIBUTES:
        raise _Decline
    out = {k: m[k] for k in m}
    for k, v in out.items():
        if (not (0 < len(k) <= 64) or len(v) > 200 or k != k.strip() or v != v.strip()
                or not (k.isascii() or _is_normalized("NFC", k)) or not (v.isascii() or _is_normalized("NFC", v))):
            raise _Decline
    return out


def _when(msg, name: str, required: bool) -> dt.datetime | None:
    """The Timestamp as the models hold it (what ``ToDatetime(tzinfo=utc)`` gives, in pydantic's
    own UTC), when it falls in the years MIN_YEAR..MAX_YEAR."""
    if not msg.HasField(name):
        if required:
            raise _Decline
        return None
    ts = getattr(msg, name)
    s, n = ts.seconds, ts.nanos
    if not (_FIRST <= s < _END and 0 <= n <= 999_999_999):
        raise _Decline
    return _EPOCH_Z + dt.timedelta(seconds=s, microseconds=n // 1000)


def _age(msg, name: str) -> int | None:
    if not msg.HasField(name):
        return None
    v = getattr(msg, name)
    if not 0 <= v <= 130:
        raise _Decline
    return v


def incident_from_proto(msg) -> Incident | None:
    """The Incident model of a proto Incident when it is valid as it stands, else None (then
    validate `mapping.incident_to_dict(msg)` with parse_incident for the errors)."""
    try:
        return _incident_from_proto(msg)
    except (_Decline, ValueError, OverflowError):
        return None


_setattr = object.__setattr__
_new = object.__new__
# pydantic's slots of a model instance, set straight through their descriptors
_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def _make(cls, values: dict, private: dict | None = None):
    """What pydantic's model_construct does for a model given every field (`values`) and no extras,
    without its per-call bookkeeping of defaults and private attributes."""
    m = _new(cls)
    _setattr(m, "__dict__", values)
    _FIELDS_SET(m, set(values))
    _EXTRA(m, None)
    _PRIVATE(m, private)
    return m


def _incident_from_proto(msg) -> Incident:
    # model_construct: no second validation, every value was checked here
    if not msg.HasField("reporter"):
        raise _Decline
    r = msg.reporter
    reporter = _make(Reporter, {"role": _word(r.role), "person": _opt_id(r.person), "channel": _opt_word(r.channel)})
    if msg.HasField("location"):
        loc = msg.location
        location = _make(Location, {"force_area": _opt_word(loc.force_area), "place": _opt_word(loc.place),
                                    "country": _opt_word(loc.country)})
    else:
        location = _make(Location, {"force_area": None, "place": None, "country": None})
    persons_in, relationships_in, acts_in = msg.persons, msg.relationships, msg.acts
    evidence_in, prior_in = msg.evidence, msg.prior_records
    if len(persons_in) > MAX_PERSONS or len(relationships_in) > MAX_RELATIONSHIPS or \
            not 1 <= len(acts_in) <= MAX_ACTS or len(evidence_in) > MAX_EVIDENCE or \
            len(prior_in) > MAX_PRIOR:
        raise _Decline
    persons = [_make(Person, {"id": _id(p.id, True), "age": _age(p, "age"), "sex": _opt_word(p.sex),
                              "kind": _opt_word(p.kind), "attributes": _attrs(p.attributes)}) for p in persons_in]
    relationships = [_make(Relationship, {"a": _id(x.a), "b": _id(x.b), "kind": _word(x.kind)})
                     for x in relationships_in]
    acts = [_make(Act, {"id": _id(a.id, True), "type": _word(a.type), "by": _ids(a.by, 20),
                        "against": _opt_id(a.against), "occurred_at": _when(a, "occurred_at", False),
                        "victim_age": _age(a, "victim_age"), "force_area": _opt_word(a.force_area),
                        "attributes": _attrs(a.attributes)}) for a in acts_in]
    evidence = []
    for e in evidence_in:
        if not e.acts:
            raise _Decline
        evidence.append(_make(Evidence, {"id": _id(e.id, True), "acts": _ids(e.acts, MAX_ACTS),
                                         "contradicts": e.contradicts, "credible": e.credible,
                                         "immediately_available": e.immediately_available,
                                         "description": _clean_text(e.description, 0, 2000) if e.description else None}))
    prior = [_make(PriorRecord, {"reference": _id(p.reference), "victim": _opt_id(p.victim),
                                 "offenders": _ids(p.offenders, 20), "reported_at": _when(p, "reported_at", True),
                                 "classification": _opt_word(p.classification)}) for p in prior_in]
    wire = {"_wire": msg.SerializeToString(deterministic=True)}
    return _make(Incident, {"id": _id(msg.id), "reported_at": _when(msg, "reported_at", True), "reporter": reporter,
                            "location": location, "persons": persons, "relationships": relationships, "acts": acts,
                            "evidence": evidence, "prior_records": prior, "attributes": _attrs(msg.attributes)}, wire)
